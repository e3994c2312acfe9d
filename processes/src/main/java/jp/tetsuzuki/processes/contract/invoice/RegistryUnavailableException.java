package jp.tetsuzuki.processes.contract.invoice;

/**
 * The registry could not tell whether a registration number is valid (down, timeout, unusable answer). It means
 * "retry later", never "invalid" and never "valid": the caller reports a technical failure (external-task retries,
 * then an incident) and decides nothing about the invoice.
 */
public class RegistryUnavailableException extends RuntimeException {

  public RegistryUnavailableException(String message) {
    super(message);
  }

  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
