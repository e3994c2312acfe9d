package jp.tetsuzuki.workers.ocr;

import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.workers.documents.DocumentInspector;
import jp.tetsuzuki.workers.documents.DocumentSource;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Reads a qualified invoice (適格請求書) on paper or as a PDF into fields with confidence. */
@Component
@ExternalTaskSubscription(topicName = Topics.OCR_INVOICE,
    variableNames = {DocumentVariables.DOCUMENT_ID}, lockDuration = RecognitionHandler.LOCK_PER_PAGE_MILLIS)
class InvoiceOcrHandler extends RecognitionHandler {

  InvoiceOcrHandler(ObjectProvider<DocumentSource> sources, DocumentInspector inspector,
      EmploymentCertificateReader certificates, InvoiceReader invoices) {
    super(sources, inspector, certificates, invoices, RecognitionService.Form.INVOICE);
  }
}
