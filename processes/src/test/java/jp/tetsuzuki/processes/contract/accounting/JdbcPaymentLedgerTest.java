package jp.tetsuzuki.processes.contract.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import jp.tetsuzuki.processes.contract.ContractTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ledger in {@code tz_contract_payment} / {@code tz_payment_acknowledgement_line} (V56), through the same
 * scenarios as the in-memory one, on H2 and, tagged {@code database}, on PostgreSQL.
 */
@Tag("database")
class JdbcPaymentLedgerTest {

  private ContractTestDatabase database;
  private JdbcPaymentLedger ledger;

  @BeforeEach
  void migrate() {
    database = new ContractTestDatabase();
    ledger = new JdbcPaymentLedger(database.dataSource(),
        Clock.fixed(Instant.parse("2026-05-15T01:00:00Z"), ZoneOffset.UTC)); // the batch's day (createdOn)
  }

  @AfterEach
  void drop() throws Exception {
    database.close();
  }

  @Test
  void theSameFileTwicePaysOnce() throws Exception {
    AcknowledgementScenarios.theSameFileTwicePaysOnce(ledger);
  }

  @Test
  void anotherFileNamingAPaidPaymentPaysNothing() throws Exception {
    AcknowledgementScenarios.anotherFileNamingAPaidPaymentPaysNothing(ledger);
  }

  @Test
  void wrongAmountsUnknownPaymentsAndOtherTenantsAreProblemsNotPayments() throws Exception {
    AcknowledgementScenarios.wrongAmountsUnknownPaymentsAndOtherTenantsAreProblemsNotPayments(ledger);
  }

  @Test
  void aPaidLineForAFailedPaymentIsAConflict() throws Exception {
    AcknowledgementScenarios.aPaidLineForAFailedPaymentIsAConflict(ledger);
  }

  @Test
  void aRepeatedExportKeepsTheRowsAndAPaymentInTwoBatchesIsRefused() {
    PaymentBatch batch = AcknowledgementScenarios.exportedBatch(ledger);
    ledger.recordExported(batch);

    assertThat(ledger.find("demo-ku", "P-0002").orElseThrow()).satisfies(p -> {
      assertThat(p.batchId()).isEqualTo("B-1");
      assertThat(p.total()).isEqualTo(1_102_100);
      assertThat(p.status()).isEqualTo(PaymentLedger.Status.EXPORTED);
    });
    PaymentBatch other = new PaymentBatch("demo-ku", "B-2", LocalDate.of(2026, 5, 21),
        List.of(batch.payments().get(0)));
    assertThatThrownBy(() -> ledger.recordExported(other)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("B-1");
  }

  @Test
  void onlyOneOfTwoSettlementsChangesTheRow() {
    AcknowledgementScenarios.exportedBatch(ledger);

    assertThat(ledger.markPaid("demo-ku", "P-0001", LocalDate.of(2026, 5, 19), "a")).isTrue();
    assertThat(ledger.markPaid("demo-ku", "P-0001", LocalDate.of(2026, 5, 21), "b")).isFalse();
    assertThat(ledger.markFailed("demo-ku", "P-0001", "c")).isFalse();
    assertThat(ledger.find("demo-ku", "P-0001").orElseThrow().paidOn()).isEqualTo(LocalDate.of(2026, 5, 19));
  }

  @Test
  void onlyAFailedPaymentIsPaidByHandAndOnlyOnce() {
    AcknowledgementScenarios.exportedBatch(ledger);

    assertThat(ledger.markPaidByHand("demo-ku", "P-0001", LocalDate.of(2026, 5, 19), "kaikei-ku")).isFalse();
    assertThat(ledger.markFailed("demo-ku", "P-0001", "a")).isTrue();
    assertThat(ledger.markPaidByHand("demo-shi", "P-0001", LocalDate.of(2026, 5, 19), "kaikei-ku")).isFalse();
    assertThat(ledger.markPaidByHand("demo-ku", "P-0001", LocalDate.of(2026, 5, 19), "kaikei-ku")).isTrue();
    assertThat(ledger.markPaidByHand("demo-ku", "P-0001", LocalDate.of(2026, 5, 20), "other")).isFalse();
    assertThat(ledger.find("demo-ku", "P-0001").orElseThrow()).satisfies(p -> {
      assertThat(p.status()).isEqualTo(PaymentLedger.Status.PAID);
      assertThat(p.paidOn()).isEqualTo(LocalDate.of(2026, 5, 19));
      assertThat(p.acknowledgementId()).isEqualTo("manual:kaikei-ku");
    });
  }
}
