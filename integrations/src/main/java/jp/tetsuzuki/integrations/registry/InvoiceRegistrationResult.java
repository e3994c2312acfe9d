package jp.tetsuzuki.integrations.registry;

/** What the 適格請求書発行事業者 registry answered for one 登録番号: found (valid or not on a day) or not found. */
public sealed interface InvoiceRegistrationResult {

  /** The 登録番号 the look-up was for ("T" and 13 digits). */
  String registrationNumber();

  /**
   * The registry knows the number; whether it was valid on the invoice's date is
   * {@link InvoiceRegistration#standingOn(java.time.LocalDate)} (revoked and lapsed registrations are found too).
   */
  record Found(InvoiceRegistration registration) implements InvoiceRegistrationResult {
    @Override
    public String registrationNumber() {
      return registration.registrationNumber();
    }
  }

  /** The registry answered and does not know the number (never registered, or deleted: 処理区分 99). */
  record NotFound(String registrationNumber) implements InvoiceRegistrationResult {}
}
