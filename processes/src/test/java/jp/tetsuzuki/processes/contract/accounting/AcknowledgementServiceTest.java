package jp.tetsuzuki.processes.contract.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Idempotent application of acknowledgements (issue 11), on the in-memory ledger. */
class AcknowledgementServiceTest {

  @Test
  void theSameFileTwicePaysOnce() throws Exception {
    AcknowledgementScenarios.theSameFileTwicePaysOnce(new InMemoryPaymentLedger());
  }

  @Test
  void anotherFileNamingAPaidPaymentPaysNothing() throws Exception {
    AcknowledgementScenarios.anotherFileNamingAPaidPaymentPaysNothing(new InMemoryPaymentLedger());
  }

  @Test
  void wrongAmountsUnknownPaymentsAndOtherTenantsAreProblemsNotPayments() throws Exception {
    AcknowledgementScenarios.wrongAmountsUnknownPaymentsAndOtherTenantsAreProblemsNotPayments(
        new InMemoryPaymentLedger());
  }

  @Test
  void aPaidLineForAFailedPaymentIsAConflict() throws Exception {
    AcknowledgementScenarios.aPaidLineForAFailedPaymentIsAConflict(new InMemoryPaymentLedger());
  }

  @Test
  void aMalformedFileAppliesNothing() {
    InMemoryPaymentLedger ledger = new InMemoryPaymentLedger();
    AcknowledgementScenarios.exportedBatch(ledger);

    assertThatThrownBy(() -> new AcknowledgementService(ledger).apply("demo-ku",
        "P-0001,PAID,20260519,289490\r\nP-0002,PAID,2026-05-20,1102100\r\n".getBytes(AcknowledgementScenarios.W31J)))
        .isInstanceOf(AcknowledgementFormatException.class);
    assertThat(ledger.find("demo-ku", "P-0001").orElseThrow().status()).isEqualTo(PaymentLedger.Status.EXPORTED);
  }
}
