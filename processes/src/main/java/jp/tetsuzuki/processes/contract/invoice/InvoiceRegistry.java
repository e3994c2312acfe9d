package jp.tetsuzuki.processes.contract.invoice;

import java.time.LocalDate;

/**
 * The port to the 適格請求書発行事業者公表システム (国税庁's registry of qualified-invoice issuers), implemented by an
 * integration route with a cache; tests and the demo profile use a simulator of the registry's documented answers.
 *
 * <p>An implementation answers {@link Registration} or {@link NotRegistered}, or throws
 * {@link RegistryUnavailableException} when it cannot tell (down, timeout, refused, unreadable answer). It never
 * guesses: an unknown answer must not become "registered" or "not registered".
 */
public interface InvoiceRegistry {

  /**
   * @param registrationNumber "T" + 13 digits that passed the format and check-digit tests
   * @return what the registry says about the number
   * @throws RegistryUnavailableException if the registry could not be asked or did not answer usably: retry later
   */
  Answer lookUp(String registrationNumber);

  /** What the registry says. */
  sealed interface Answer permits Registration, NotRegistered {}

  /**
   * The number is (or was) registered.
   *
   * @param registrationNumber the number
   * @param name               the published name (may be null: individuals may withhold it)
   * @param registeredOn       登録年月日, the first day the registration is valid
   * @param revokedOn          取消年月日 (the registration ends by revocation; not valid from this day), or null
   * @param expiredOn          失効年月日 (the registration lapses, e.g. on a withdrawal; not valid from this day), or
   *                           null
   */
  record Registration(String registrationNumber, String name, LocalDate registeredOn, LocalDate revokedOn,
      LocalDate expiredOn) implements Answer {

    public Registration {
      if (registrationNumber == null || registeredOn == null) {
        throw new IllegalArgumentException("registrationNumber and registeredOn must not be null");
      }
    }

    /** Whether the registration is valid on {@code date}: on or after registration, before revocation and lapse. */
    public boolean validOn(LocalDate date) {
      return !date.isBefore(registeredOn) && (revokedOn == null || date.isBefore(revokedOn))
          && (expiredOn == null || date.isBefore(expiredOn));
    }
  }

  /** The registry has no such number. */
  record NotRegistered(String registrationNumber) implements Answer {}
}
