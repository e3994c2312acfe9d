package jp.tetsuzuki.processes.document;

import java.util.Optional;
import java.util.Set;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Topics;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;

/**
 * Which document a worker may read: one that an open external task of a document topic names
 * ({@code documentId}, as the worker fetched it), while that task is locked under the worker's id, and only if the
 * document belongs to the task's tenant. Never a document by its id alone. The engine queries run as the calling
 * worker account, so the engine's own authorization and tenant checks apply as well.
 */
public final class WorkerDocuments {

  /** Topics whose workers read the document the task names. */
  static final Set<String> DOCUMENT_TOPICS =
      Set.of(Topics.DOCUMENT_INSPECTION, Topics.OCR_EMPLOYMENT_CERTIFICATE, Topics.OCR_INVOICE);
  /** More locked tasks than one worker process ever holds at once. */
  private static final int MAX_LOCKED_TASKS = 1000;

  /** The document and the task it was handed out for. */
  public record Handed(StoredFile file, String externalTaskId) {}

  private final ExternalTaskService tasks;
  private final RuntimeService runtime;
  private final DocumentStore store;

  public WorkerDocuments(ExternalTaskService tasks, RuntimeService runtime, DocumentStore store) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.store = store;
  }

  /** The document, if a task locked by {@code workerId} right now names it; otherwise empty (nothing is revealed). */
  public Optional<Handed> lockedBy(String workerId, String documentId) {
    if (workerId == null || workerId.isBlank() || documentId == null) {
      return Optional.empty();
    }
    for (ExternalTask task : tasks.createExternalTaskQuery().workerId(workerId).locked()
        .listPage(0, MAX_LOCKED_TASKS)) {
      if (!DOCUMENT_TOPICS.contains(task.getTopicName())) {
        continue;
      }
      Object named = runtime.getVariable(task.getExecutionId(), DocumentVariables.DOCUMENT_ID);
      if (!documentId.equals(named)) {
        continue;
      }
      Optional<StoredFile> file = store.find(documentId)
          .filter(f -> f.tenantId() != null && f.tenantId().equals(task.getTenantId()));
      if (file.isPresent()) {
        return Optional.of(new Handed(file.get(), task.getId()));
      }
    }
    return Optional.empty();
  }
}
