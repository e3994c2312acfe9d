package jp.tetsuzuki.processes.contractpayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.tetsuzuki.integrations.registry.InvoiceRegistration;
import jp.tetsuzuki.integrations.registry.InvoiceRegistrationResult;
import jp.tetsuzuki.processes.contract.invoice.InvoiceRegistry;
import jp.tetsuzuki.processes.contract.invoice.RegistryUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * The invoice rules' registry port on the registry client's answers (the route itself: RegistryRoutesTest; end to
 * end against the registry simulator: ContractPaymentHttpTest). "Cannot tell" never becomes a verdict.
 */
class RegistryInvoiceRegistryTest {

  private static InvoiceRegistrationResult found(String name, LocalDate registered, LocalDate revoked,
      LocalDate expired) {
    return new InvoiceRegistrationResult.Found(new InvoiceRegistration("T5010001008846", name, "東京都デモ区", "2",
        "01", registered, registered, revoked, expired));
  }

  @Test
  void aRegisteredNumberComesWithItsDates() {
    var answer = (InvoiceRegistry.Registration) new RegistryInvoiceRegistry(
        n -> found("株式会社〇〇商事", LocalDate.of(2023, 10, 1), null, null)).lookUp("T5010001008846");
    assertThat(answer.name()).isEqualTo("株式会社〇〇商事");
    assertThat(answer.validOn(LocalDate.of(2026, 11, 30))).isTrue();
    assertThat(answer.validOn(LocalDate.of(2023, 9, 30))).isFalse();
  }

  @Test
  void revokedAndLapsedRegistrationsKeepTheirDays() {
    var revoked = (InvoiceRegistry.Registration) new RegistryInvoiceRegistry(
        n -> found("取消商事株式会社", LocalDate.of(2023, 10, 1), LocalDate.of(2025, 4, 1), null)).lookUp("T5010001008846");
    assertThat(revoked.validOn(LocalDate.of(2025, 3, 31))).isTrue();
    assertThat(revoked.validOn(LocalDate.of(2025, 4, 1))).isFalse();
    var lapsed = (InvoiceRegistry.Registration) new RegistryInvoiceRegistry(
        n -> found("", LocalDate.of(2023, 10, 1), null, LocalDate.of(2024, 7, 1))).lookUp("T5010001008846");
    assertThat(lapsed.name()).as("an individual's unpublished name").isNull();
    assertThat(lapsed.validOn(LocalDate.of(2024, 7, 1))).isFalse();
  }

  @Test
  void anUnknownNumberIsNotRegistered() {
    assertThat(new RegistryInvoiceRegistry(InvoiceRegistrationResult.NotFound::new).lookUp("T3010001008848"))
        .isEqualTo(new InvoiceRegistry.NotRegistered("T3010001008848"));
  }

  @Test
  void aRegistryThatCannotAnswerIsUnavailableNeverAVerdict() {
    assertThatThrownBy(() -> new RegistryInvoiceRegistry(n -> {
      throw new jp.tetsuzuki.integrations.registry.RegistryUnavailableException("503 after 3 attempts", true);
    }).lookUp("T3010001008848")).isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("503");
    assertThatThrownBy(() -> new RegistryInvoiceRegistry(n -> found("x", null, null, null)).lookUp("T5010001008846"))
        .as("an answer without 登録年月日 decides nothing").isInstanceOf(RegistryUnavailableException.class);
  }
}
