package jp.tetsuzuki.workers.documents;

import java.util.Set;

/** What a document is for; each use has its own allow-list of media types detected from the content. */
public enum DocumentUse {
  /** Attachments to an application (certificates, scans): PDF and scanned images only. */
  APPLICATION_ATTACHMENT("PDF、PNG、JPEG、TIFF", Media.PDF, Media.PNG, Media.JPEG, Media.TIFF),
  /** Invoices: PDF, scans, or a JP PINT (UBL 2.1) e-invoice. */
  INVOICE("PDF、PNG、JPEG、電子インボイス（UBL XML）", Media.PDF, Media.XML, Media.PNG, Media.JPEG),
  /** Other supporting documents, where office files without macros are accepted too. */
  SUPPORTING_DOCUMENT("PDF、PNG、JPEG、TIFF、Word（.docx）、Excel（.xlsx）", Media.PDF, Media.PNG, Media.JPEG,
      Media.TIFF, Media.DOCX, Media.XLSX);

  private final String allowedJa;
  private final Set<String> allowed;

  DocumentUse(String allowedJa, String... allowed) {
    this.allowedJa = allowedJa;
    this.allowed = Set.of(allowed);
  }

  public boolean allows(String mediaType) {
    return allowed.contains(mediaType);
  }

  /** The allowed formats in words an applicant understands. */
  public String allowedJa() {
    return allowedJa;
  }

  /** Media types we name (Tika's names, without parameters). */
  public static final class Media {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String TIFF = "image/tiff";
    /** XML accepted only when its root is a UBL Invoice or CreditNote and it has no DTD. */
    public static final String XML = "application/xml";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Media() {}
  }
}
