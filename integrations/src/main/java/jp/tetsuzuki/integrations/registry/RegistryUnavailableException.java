package jp.tetsuzuki.integrations.registry;

/**
 * The registry could not answer (down, overloaded, too slow, refused our request or answered something we cannot
 * read): the caller must not take this as "not found" or "not valid", and should retry later. The failure is also
 * recorded as a dead letter of the route. The message never carries the application id.
 */
public class RegistryUnavailableException extends RuntimeException {

  private final boolean retryable;

  public RegistryUnavailableException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public RegistryUnavailableException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Whether the route retried (5xx, 429, timeouts, connection failures) before giving up; {@code false} for answers
   * a retry would not change (our request refused, an unreadable answer, no application id configured).
   */
  public boolean retryable() {
    return retryable;
  }
}
