package jp.tetsuzuki.workers.documents;

/** A document is not acceptable. A business outcome, not a fault: the applicant can fix it and resubmit. */
public class DocumentRefusedException extends Exception {

  private final RefusalReason reason;
  private final String messageJa;

  public DocumentRefusedException(RefusalReason reason, String detail, Object... args) {
    super(reason.code() + (detail == null ? "" : ": " + detail));
    this.reason = reason;
    this.messageJa = String.format(reason.template(), args);
  }

  public RefusalReason reason() {
    return reason;
  }

  /** The reason in Japanese, for the applicant. */
  public String messageJa() {
    return messageJa;
  }
}
