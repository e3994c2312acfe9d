package jp.tetsuzuki.workers.documents;

import java.util.Map;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Errors;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.workers.support.Retries;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Inspects an uploaded document: type by content, allow-list, limits, refusals with a reason for the applicant.
 * Without side effects, so a redelivered task simply inspects again and gets the same answer.
 */
@Component
@ExternalTaskSubscription(topicName = Topics.DOCUMENT_INSPECTION,
    variableNames = {DocumentVariables.DOCUMENT_ID, DocumentVariables.DOCUMENT_USE})
class DocumentInspectionHandler implements ExternalTaskHandler {

  private static final Logger log = LoggerFactory.getLogger(DocumentInspectionHandler.class);

  private final ObjectProvider<DocumentSource> sources;
  private final DocumentInspector inspector;

  DocumentInspectionHandler(ObjectProvider<DocumentSource> sources, DocumentInspector inspector) {
    this.sources = sources;
    this.inspector = inspector;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    String documentId = task.getVariable(DocumentVariables.DOCUMENT_ID);
    try {
      DocumentSource source = sources.getIfAvailable();
      if (source == null) {
        throw new IllegalStateException("no DocumentSource bean: the platform document client is not configured");
      }
      String use = task.getVariable(DocumentVariables.DOCUMENT_USE);
      Inspection inspection;
      try (StoredDocument document = source.open(documentId)
          .orElseThrow(() -> new DocumentMissingException(documentId))) {
        inspection = inspector.inspect(document.content(),
            use == null ? DocumentUse.APPLICATION_ATTACHMENT : DocumentUse.valueOf(use));
      }
      complete(tasks, task, Map.of(
          DocumentVariables.DOCUMENT_MEDIA_TYPE, inspection.mediaType(),
          DocumentVariables.DOCUMENT_PAGES, inspection.pages(),
          DocumentVariables.DOCUMENT_TEXT_LENGTH, inspection.text().length()));
    } catch (DocumentRefusedException e) {
      log.info("document {} refused: {}", documentId, e.getMessage());
      tasks.handleBpmnError(task, Errors.DOCUMENT_REFUSED, e.messageJa(), Map.of(
          DocumentVariables.REFUSAL_CODE, e.reason().code(),
          DocumentVariables.REFUSAL_REASON, e.messageJa()));
    } catch (Exception e) {
      tasks.handleFailure(task, e.getMessage(), Retries.stackTraceOf(e), Retries.remainingAfterFailure(task),
          Retries.backoffMillis(task));
    }
  }

  /** A second completion of a redelivered task finds it gone: the first one counted, nothing to do. */
  static void complete(ExternalTaskService tasks, ExternalTask task, Map<String, Object> variables) {
    try {
      tasks.complete(task, variables);
    } catch (NotFoundException e) {
      log.info("task {} was already completed by another delivery", task.getId());
    }
  }
}
