package jp.tetsuzuki.processes.contract.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import jp.tetsuzuki.processes.contract.Contracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A paper (PDF or image) qualified invoice, as staff confirmed its fields, is checked by the one validator
 * (shared/domain/contract-payment.md, "Qualified invoice (適格請求書, 消費税法57条の4) — fields to validate": registration
 * number registered on the transaction date, issuer, totals per rate against the contract, tax rounded once per rate,
 * recipient, transaction date). Each case changes one field of a proper paper invoice and expects exactly its problem.
 */
class ScannedInvoiceTest {

  private static final LocalDate DAY = LocalDate.of(2023, 10, 18);
  /** Contracts.exampleGoods: 260,000 yen at 10 % (tax 26,000) and an exempt 3,490 yen. */
  private static final ScannedInvoice PROPER = new ScannedInvoice("INV-1", Contracts.REGISTRATION_NUMBER,
      "株式会社〇〇商事", DAY, DAY, "デモ区", 260_000L, 26_000L, null, null, 3_490L, 289_490L);

  static Stream<Arguments> oneChange() {
    return Stream.of(
        Arguments.of("proper", (UnaryOperator<ScannedInvoice>) p -> p, null),
        Arguments.of("wrong check digit", (UnaryOperator<ScannedInvoice>) p -> with(p, "T5010001008847", p.issuerName(),
            p.transactionDate(), p.recipientName(), p.tax10(), p.total()), InvoiceProblem.Code.REGISTRATION_NUMBER_CHECK_DIGIT),
        Arguments.of("another issuer", (UnaryOperator<ScannedInvoice>) p -> with(p, p.registrationNumber(), "株式会社△△商会",
            p.transactionDate(), p.recipientName(), p.tax10(), p.total()), InvoiceProblem.Code.ISSUER_NAME_MISMATCH),
        Arguments.of("no transaction date", (UnaryOperator<ScannedInvoice>) p -> with(p, p.registrationNumber(),
            p.issuerName(), null, p.recipientName(), p.tax10(), p.total()), InvoiceProblem.Code.INVOICE_PERIOD_MISSING),
        Arguments.of("no recipient", (UnaryOperator<ScannedInvoice>) p -> with(p, p.registrationNumber(), p.issuerName(),
            p.transactionDate(), null, p.tax10(), p.total()), InvoiceProblem.Code.BUYER_NAME_MISSING),
        Arguments.of("tax not rounded once per rate", (UnaryOperator<ScannedInvoice>) p -> with(p,
            p.registrationNumber(), p.issuerName(), p.transactionDate(), p.recipientName(), 26_010L, 289_500L),
            InvoiceProblem.Code.TAX_AMOUNT_ROUNDING),
        Arguments.of("total not lines plus tax", (UnaryOperator<ScannedInvoice>) p -> with(p, p.registrationNumber(),
            p.issuerName(), p.transactionDate(), p.recipientName(), p.tax10(), 289_000L),
            InvoiceProblem.Code.TAX_INCLUSIVE_TOTAL_INCONSISTENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void oneChange(String label, UnaryOperator<ScannedInvoice> change, InvoiceProblem.Code expected) {
    InvoiceValidatorTest.FakeRegistry registry = new InvoiceValidatorTest.FakeRegistry()
        .registered(Contracts.REGISTRATION_NUMBER, LocalDate.of(2023, 10, 1));

    InvoiceValidation validation = new InvoiceValidator(registry).validate(
        change.apply(PROPER).asEInvoice(Contracts.CONTRACT_ID), Contracts.exampleGoods());

    if (expected == null) {
      assertThat(validation.problems()).isEmpty();
    } else {
      assertThat(validation.problems()).extracting(InvoiceProblem::code).contains(expected);
      assertThat(validation.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
  }

  private static ScannedInvoice with(ScannedInvoice p, String number, String issuer, LocalDate transaction,
      String recipient, Long tax10, Long total) {
    return new ScannedInvoice(p.invoiceNumber(), number, issuer, p.issueDate(), transaction, recipient, p.subtotal10(),
        tax10, p.subtotal8(), p.tax8(), p.subtotal0(), total);
  }
}
