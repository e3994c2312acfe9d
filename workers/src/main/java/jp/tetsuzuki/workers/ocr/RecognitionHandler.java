package jp.tetsuzuki.workers.ocr;

import java.util.Map;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Errors;
import jp.tetsuzuki.workers.documents.DocumentInspector;
import jp.tetsuzuki.workers.documents.DocumentRefusedException;
import jp.tetsuzuki.workers.documents.DocumentSource;
import jp.tetsuzuki.workers.support.Retries;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Shared body of the OCR handlers: read, complete with the fields; business outcomes as BPMN errors (the model sends
 * the case to manual transcription), technical faults as failures with retries. Extends the lock before every page.
 */
abstract class RecognitionHandler implements ExternalTaskHandler {

  private static final Logger log = LoggerFactory.getLogger(RecognitionHandler.class);
  /** Lock per page: a page takes 1-2 s, a bad scan up to a minute. */
  static final long LOCK_PER_PAGE_MILLIS = 5 * 60_000L;

  private final ObjectProvider<DocumentSource> sources;
  private final DocumentInspector inspector;
  private final EmploymentCertificateReader certificates;
  private final InvoiceReader invoices;
  private final RecognitionService.Form form;

  RecognitionHandler(ObjectProvider<DocumentSource> sources, DocumentInspector inspector,
      EmploymentCertificateReader certificates, InvoiceReader invoices, RecognitionService.Form form) {
    this.sources = sources;
    this.inspector = inspector;
    this.certificates = certificates;
    this.invoices = invoices;
    this.form = form;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    String documentId = task.getVariable(DocumentVariables.DOCUMENT_ID);
    try {
      DocumentSource source = sources.getIfAvailable();
      if (source == null) {
        throw new IllegalStateException("no DocumentSource bean: the platform's document store is not configured");
      }
      Recognition recognition = new RecognitionService(source, inspector, certificates, invoices)
          .recognize(documentId, form, page -> tasks.extendLock(task, LOCK_PER_PAGE_MILLIS));
      try {
        tasks.complete(task, Map.of(
            DocumentVariables.RECOGNITION, recognition.toJson(),
            DocumentVariables.NEEDS_VERIFICATION, recognition.needsVerification()));
      } catch (NotFoundException e) {
        log.info("task {} was already completed by another delivery", task.getId());
      }
    } catch (DocumentRefusedException e) {
      tasks.handleBpmnError(task, Errors.DOCUMENT_REFUSED, e.messageJa(), Map.of(
          DocumentVariables.REFUSAL_CODE, e.reason().code(),
          DocumentVariables.REFUSAL_REASON, e.messageJa()));
    } catch (UnreadableDocumentException e) {
      tasks.handleBpmnError(task, Errors.DOCUMENT_UNREADABLE, e.getMessage());
    } catch (OcrUnavailableException e) {
      // an operator must see this: log it loudly, and let the case continue by hand
      log.error("{}; document {} goes to manual transcription", e.getMessage(), documentId);
      tasks.handleBpmnError(task, Errors.OCR_UNAVAILABLE, e.getMessage());
    } catch (Exception e) {
      tasks.handleFailure(task, e.getMessage(), Retries.stackTraceOf(e), Retries.remainingAfterFailure(task),
          Retries.backoffMillis(task));
    }
  }
}
