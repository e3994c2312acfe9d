package jp.tetsuzuki.bpmn;

/**
 * External-task topics shared by models and workers (kebab-case). Append new topics at the end; never rename one that
 * a deployed model uses, because running instances keep the old name.
 */
public final class Topics {

  /** Detect the type of an uploaded document by content, check it against the use's allow-list, extract its text. */
  public static final String DOCUMENT_INSPECTION = "document-inspection";
  /** Read an employment certificate (就労証明書) by OCR into fields with confidence. */
  public static final String OCR_EMPLOYMENT_CERTIFICATE = "ocr-employment-certificate";
  /** Read a qualified invoice (適格請求書) by OCR into fields with confidence. */
  public static final String OCR_INVOICE = "ocr-invoice";
  /** Enter an approved case into the legacy system through its HTML screens (RPA-style bot); idempotent. */
  public static final String LEGACY_SYSTEM_ENTRY = "legacy-system-entry";
  /** Send the applicant a mail from a Japanese template, exactly once per case event. */
  public static final String NOTIFY_APPLICANT = "notify-applicant";

  private Topics() {}
}
