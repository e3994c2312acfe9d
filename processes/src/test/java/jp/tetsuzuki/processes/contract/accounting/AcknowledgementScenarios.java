package jp.tetsuzuki.processes.contract.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

/**
 * The acknowledgement scenarios, run against any {@link PaymentLedger} (in memory and JDBC on H2 / PostgreSQL):
 * issue 11, "no case paid twice when the same acknowledgement file arrives twice".
 */
final class AcknowledgementScenarios {

  static final Charset W31J = Charset.forName("windows-31j");
  static final LocalDate DUE = LocalDate.of(2026, 5, 20);

  private AcknowledgementScenarios() {}

  static PaymentBatch exportedBatch(PaymentLedger ledger) {
    PaymentBatch batch = new PaymentBatch("demo-ku", "B-1", DUE.minusDays(5), List.of(
        new PaymentInstruction("P-0001", "C-1", "株式会社〇〇商事", null, 289_490, 0, DUE),
        new PaymentInstruction("P-0002", "C-2", "ミナミ工務店", null, 1_100_000, 2_100, DUE),
        new PaymentInstruction("P-0003", "C-3", "北商店", null, 5_000, 0, DUE)));
    ledger.recordExported(batch);
    return batch;
  }

  static void theSameFileTwicePaysOnce(PaymentLedger ledger) throws Exception {
    exportedBatch(ledger);
    AcknowledgementService service = new AcknowledgementService(ledger);
    byte[] file = "P-0001,PAID,20260519,289490\r\nP-0002,PAID,20260520,1102100\r\nP-0003,FAILED,,0\r\n".getBytes(W31J);

    AcknowledgementService.Result first = service.apply("demo-ku", file);
    AcknowledgementService.Result second = service.apply("demo-ku", file);

    assertThat(first.paid()).extracting(AcknowledgementService.Settled::paymentId, AcknowledgementService.Settled::contractId,
        AcknowledgementService.Settled::paidOn).containsExactly(
            org.assertj.core.groups.Tuple.tuple("P-0001", "C-1", LocalDate.of(2026, 5, 19)),
            org.assertj.core.groups.Tuple.tuple("P-0002", "C-2", LocalDate.of(2026, 5, 20)));
    assertThat(first.failed()).extracting(AcknowledgementService.Settled::paymentId).containsExactly("P-0003");
    assertThat(first.problems()).isEmpty();
    assertThat(second.paid()).isEmpty();
    assertThat(second.failed()).isEmpty();
    assertThat(second.alreadyApplied()).containsExactly("P-0001", "P-0002", "P-0003");
    assertThat(ledger.find("demo-ku", "P-0001").orElseThrow().status()).isEqualTo(PaymentLedger.Status.PAID);
    assertThat(ledger.find("demo-ku", "P-0001").orElseThrow().acknowledgementId()).isEqualTo(first.acknowledgementId());
    assertThat(ledger.find("demo-ku", "P-0003").orElseThrow().status()).isEqualTo(PaymentLedger.Status.FAILED);
  }

  static void anotherFileNamingAPaidPaymentPaysNothing(PaymentLedger ledger) throws Exception {
    exportedBatch(ledger);
    AcknowledgementService service = new AcknowledgementService(ledger);
    service.apply("demo-ku", "P-0001,PAID,20260519,289490\r\n".getBytes(W31J));

    AcknowledgementService.Result again = service.apply("demo-ku",
        "P-0001,PAID,20260519,289490\r\nP-0003,PAID,20260521,5000\r\n".getBytes(W31J));

    assertThat(again.paid()).extracting(AcknowledgementService.Settled::paymentId).containsExactly("P-0003");
    assertThat(again.alreadyApplied()).containsExactly("P-0001");
    assertThat(ledger.find("demo-ku", "P-0001").orElseThrow().paidOn()).isEqualTo(LocalDate.of(2026, 5, 19));
  }

  static void wrongAmountsUnknownPaymentsAndOtherTenantsAreProblemsNotPayments(PaymentLedger ledger)
      throws Exception {
    exportedBatch(ledger);
    AcknowledgementService service = new AcknowledgementService(ledger);

    AcknowledgementService.Result result = service.apply("demo-ku",
        "P-0001,PAID,20260519,289000\r\nP-9999,PAID,20260519,1\r\nP-0002,PAID,20260520,1102100\r\n".getBytes(W31J));
    AcknowledgementService.Result otherTenant = service.apply("other-shi",
        "P-0003,PAID,20260520,5000\r\n".getBytes(W31J));

    assertThat(result.paid()).extracting(AcknowledgementService.Settled::paymentId).containsExactly("P-0002");
    assertThat(result.problems()).extracting(AcknowledgementService.Problem::line,
        AcknowledgementService.Problem::code).containsExactly(org.assertj.core.groups.Tuple.tuple(1, "AMOUNT_MISMATCH"),
            org.assertj.core.groups.Tuple.tuple(2, "UNKNOWN_PAYMENT"));
    assertThat(ledger.find("demo-ku", "P-0001").orElseThrow().status()).isEqualTo(PaymentLedger.Status.EXPORTED);
    assertThat(otherTenant.paid()).isEmpty();
    assertThat(otherTenant.problems()).extracting(AcknowledgementService.Problem::code)
        .containsExactly("UNKNOWN_PAYMENT");
    assertThat(ledger.find("demo-ku", "P-0003").orElseThrow().status()).isEqualTo(PaymentLedger.Status.EXPORTED);
  }

  static void aPaidLineForAFailedPaymentIsAConflict(PaymentLedger ledger) throws Exception {
    exportedBatch(ledger);
    AcknowledgementService service = new AcknowledgementService(ledger);
    service.apply("demo-ku", "P-0003,FAILED,,0\r\n".getBytes(W31J));

    AcknowledgementService.Result result = service.apply("demo-ku", "P-0003,PAID,20260521,5000\r\n".getBytes(W31J));

    assertThat(result.paid()).isEmpty();
    assertThat(result.problems()).extracting(AcknowledgementService.Problem::code).containsExactly("STATUS_CONFLICT");
  }
}
