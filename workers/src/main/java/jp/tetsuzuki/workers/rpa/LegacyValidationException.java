package jp.tetsuzuki.workers.rpa;

import java.util.List;

/** The legacy entry form refused the data with its own validation messages (Japanese, as the screen shows them). */
public class LegacyValidationException extends Exception {

  private final List<String> messages;
  private final transient AuditTrail audit;

  public LegacyValidationException(List<String> messages, AuditTrail audit) {
    super("legacy system refused the entry: " + String.join(" / ", messages));
    this.messages = List.copyOf(messages);
    this.audit = audit;
  }

  public List<String> messages() {
    return messages;
  }

  public AuditTrail audit() {
    return audit;
  }
}
