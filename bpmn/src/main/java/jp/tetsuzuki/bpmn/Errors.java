package jp.tetsuzuki.bpmn;

/**
 * BPMN error codes thrown by workers for business outcomes (UPPER_SNAKE). Models catch them with boundary events;
 * technical faults are never BPMN errors (they become retries, then incidents). Append only.
 */
public final class Errors {

  /** The document is not acceptable (type, size, encryption, macros, archive, polyglot…); the applicant must resubmit. */
  public static final String DOCUMENT_REFUSED = "DOCUMENT_REFUSED";
  /** The document was accepted but cannot be read by machine; staff transcribe it by hand. */
  public static final String DOCUMENT_UNREADABLE = "DOCUMENT_UNREADABLE";
  /** OCR is not installed or not working on this worker; staff transcribe the document by hand. */
  public static final String OCR_UNAVAILABLE = "OCR_UNAVAILABLE";
  /** The legacy system's entry form refused the case data (its own validation); staff correct the data. */
  public static final String LEGACY_VALIDATION_FAILED = "LEGACY_VALIDATION_FAILED";
  /** The applicant cannot be notified by mail (no or malformed address); the model notifies by another channel. */
  public static final String NOTIFICATION_UNDELIVERABLE = "NOTIFICATION_UNDELIVERABLE";

  private Errors() {}
}
