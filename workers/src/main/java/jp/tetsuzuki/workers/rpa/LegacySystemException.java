package jp.tetsuzuki.workers.rpa;

/**
 * A technical fault on the way through the legacy screens: site down, an unexpected screen (maintenance page, expired
 * session), login refused. Retried; the bot's idempotence makes a retry safe.
 */
public class LegacySystemException extends RuntimeException {

  private final transient AuditTrail audit;

  public LegacySystemException(String message, AuditTrail audit, Throwable cause) {
    super(message, cause);
    this.audit = audit;
  }

  public AuditTrail audit() {
    return audit;
  }
}
