package jp.tetsuzuki.workers.ocr;

import jp.tetsuzuki.workers.documents.DocumentInspector;
import jp.tetsuzuki.workers.documents.DocumentSource;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.springframework.beans.factory.ObjectProvider;

/** Test access to the package-private OCR handlers, built as Spring builds them. */
public final class Handlers {

  private Handlers() {}

  public static ExternalTaskHandler employmentCertificate(ObjectProvider<DocumentSource> sources,
      DocumentInspector inspector, EmploymentCertificateReader certificates, InvoiceReader invoices) {
    return new EmploymentCertificateOcrHandler(sources, inspector, certificates, invoices);
  }
}
