package jp.tetsuzuki.bpmn;

/**
 * Process variables read and written by the document and OCR workers. Files never travel as variables: only the
 * {@link #DOCUMENT_ID} of the platform's document store does. Append only.
 */
public final class DocumentVariables {

  /** Input: id of the document in the platform's document store. */
  public static final String DOCUMENT_ID = "documentId";
  /**
   * Input (optional): what the document is for, which decides the allowed types ({@code APPLICATION_ATTACHMENT},
   * {@code INVOICE}, {@code SUPPORTING_DOCUMENT}); default {@code APPLICATION_ATTACHMENT}.
   */
  public static final String DOCUMENT_USE = "documentUse";

  /** Output of inspection: the media type detected from the content, e.g. {@code application/pdf}. */
  @WorkerOutput(Topics.DOCUMENT_INSPECTION)
  public static final String DOCUMENT_MEDIA_TYPE = "documentMediaType";
  /** Output of inspection: number of pages (1 for a single image). */
  @WorkerOutput(Topics.DOCUMENT_INSPECTION)
  public static final String DOCUMENT_PAGES = "documentPages";
  /** Output of inspection: characters of text found in the document (0 for a scan without a text layer). */
  @WorkerOutput(Topics.DOCUMENT_INSPECTION)
  public static final String DOCUMENT_TEXT_LENGTH = "documentTextLength";

  /** With {@code DOCUMENT_REFUSED}: machine code of the reason, e.g. {@code ENCRYPTED}. */
  @WorkerOutput({Topics.DOCUMENT_INSPECTION, Topics.OCR_EMPLOYMENT_CERTIFICATE, Topics.OCR_INVOICE})
  public static final String REFUSAL_CODE = "refusalCode";
  /** With {@code DOCUMENT_REFUSED}: the reason in Japanese, for the applicant. */
  @WorkerOutput({Topics.DOCUMENT_INSPECTION, Topics.OCR_EMPLOYMENT_CERTIFICATE, Topics.OCR_INVOICE})
  public static final String REFUSAL_REASON = "refusalReason";

  /** Output of OCR: JSON {@code {"fields":{"<key>":{"value":…,"confidence":0..1}}}}, the same shape as the API. */
  @WorkerOutput({Topics.OCR_EMPLOYMENT_CERTIFICATE, Topics.OCR_INVOICE})
  public static final String RECOGNITION = "recognition";
  /** Output of OCR: true when some field is below the confidence threshold or failed validation. */
  @WorkerOutput({Topics.OCR_EMPLOYMENT_CERTIFICATE, Topics.OCR_INVOICE})
  public static final String NEEDS_VERIFICATION = "needsVerification";

  private DocumentVariables() {}
}
