package jp.tetsuzuki.processes.contract.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import jp.tetsuzuki.processes.contract.Contract;
import jp.tetsuzuki.processes.contract.Contracts;
import org.junit.jupiter.api.Test;

/** One entry path for e-invoices: read, find the named contract, validate (shared/domain/contract-payment.md). */
class EInvoiceCheckTest {

  private final InvoiceValidatorTest.FakeRegistry registry = new InvoiceValidatorTest.FakeRegistry()
      .registered(Contracts.REGISTRATION_NUMBER, LocalDate.of(2023, 10, 1));
  private final EInvoiceCheck check = new EInvoiceCheck(new JpPintInvoiceParser(), new InvoiceValidator(registry));
  private final EInvoiceCheck.ContractLookup ours = id -> Optional.of(Contracts.exampleGoods())
      .filter(c -> c.id().equals(id));

  @Test
  void aProperInvoiceForOurContract() throws Exception {
    EInvoiceCheck.Result result = check.check(InvoiceValidatorTest.realExample().getBytes(StandardCharsets.UTF_8),
        ours);

    assertThat(result.valid()).isTrue();
    assertThat(result.contract()).extracting(Contract::id).isEqualTo(Contracts.CONTRACT_ID);
    assertThat(result.invoice().id()).isEqualTo("156");
  }

  @Test
  void aContractThatIsNotOursIsNotFound() throws Exception {
    EInvoiceCheck.Result result = check.check(JpPintExamples.bytes(JpPintExamples.EXAMPLE), ours);

    assertThat(result.valid()).isFalse();
    assertThat(result.contract()).isNull();
    assertThat(result.validation().problems()).extracting(InvoiceProblem::code)
        .containsExactly(InvoiceProblem.Code.CONTRACT_NOT_FOUND);
    assertThat(registry.asked).isEmpty();
  }

  @Test
  void anInvoiceNamingNoContract() throws Exception {
    EInvoiceCheck.Result result = check.check(JpPintExamples.bytes(JpPintExamples.ALLOWANCE_CHARGE), ours);

    assertThat(result.validation().problems()).extracting(InvoiceProblem::code)
        .containsExactly(InvoiceProblem.Code.CONTRACT_REFERENCE_MISSING);
  }

  @Test
  void anUnreadableFileIsRefusedBeforeAnyLookUp() {
    assertThatThrownBy(() -> check.check("<Invoice".getBytes(StandardCharsets.UTF_8), id -> {
      throw new AssertionError("no contract is looked up for an unreadable file");
    })).isInstanceOf(InvoiceParseException.class);
  }
}
