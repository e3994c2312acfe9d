package jp.tetsuzuki.workers.ocr;

import java.io.IOException;
import jp.tetsuzuki.workers.documents.DocumentInspector;
import jp.tetsuzuki.workers.documents.DocumentMissingException;
import jp.tetsuzuki.workers.documents.DocumentRefusedException;
import jp.tetsuzuki.workers.documents.DocumentSource;
import jp.tetsuzuki.workers.documents.DocumentUse;
import jp.tetsuzuki.workers.documents.Inspection;
import jp.tetsuzuki.workers.documents.StoredDocument;

/**
 * Reads a stored document into fields: inspect it first (OCR only ever sees documents that passed intake), then
 * recognise it. Deterministic for a given document, so a redelivered task yields the same result.
 */
public class RecognitionService {

  public enum Form { EMPLOYMENT_CERTIFICATE, INVOICE }

  private final DocumentSource source;
  private final DocumentInspector inspector;
  private final EmploymentCertificateReader certificates;
  private final InvoiceReader invoices;

  public RecognitionService(DocumentSource source, DocumentInspector inspector,
      EmploymentCertificateReader certificates, InvoiceReader invoices) {
    this.source = source;
    this.inspector = inspector;
    this.certificates = certificates;
    this.invoices = invoices;
  }

  public Recognition recognize(String documentId, Form form, OcrPipeline.Progress progress)
      throws DocumentRefusedException, IOException {
    Inspection inspection;
    try (StoredDocument document = open(documentId)) {
      inspection = inspector.inspect(document.content(),
          form == Form.INVOICE ? DocumentUse.INVOICE : DocumentUse.APPLICATION_ATTACHMENT);
    }
    if (!inspection.mediaType().equals("application/pdf") && !inspection.mediaType().startsWith("image/")) {
      throw new UnreadableDocumentException(inspection.mediaType() + " is not read by OCR");
    }
    try (StoredDocument document = open(documentId)) {
      return form == Form.INVOICE
          ? invoices.read(document.content(), inspection.mediaType(), progress)
          : certificates.read(document.content(), inspection.mediaType(), progress);
    }
  }

  private StoredDocument open(String documentId) throws IOException {
    return source.open(documentId).orElseThrow(() -> new DocumentMissingException(documentId));
  }
}
