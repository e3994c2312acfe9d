package jp.tetsuzuki.processes.document;

import java.time.Clock;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.workers.documents.DocumentInspector;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The document store; who may use a document (people, outside systems, workers); the OCR pool. */
@Configuration
class DocumentConfiguration {

  /** The workers' inspector when the workers run in this JVM; otherwise one of our own (same class, same rules). */
  @Bean
  DocumentStore documentStore(JdbcTemplate jdbc, ObjectProvider<DocumentInspector> inspector) {
    return new DocumentStore(jdbc, inspector.getIfAvailable(DocumentInspector::new), Clock.systemUTC());
  }

  @Bean
  WorkerDocuments workerDocuments(ExternalTaskService tasks, RuntimeService runtime, DocumentStore store) {
    return new WorkerDocuments(tasks, runtime, store);
  }

  @Bean
  DocumentAccess documentAccess(DocumentStore store, TenantMembers members, IdentityService identity) {
    return new DocumentAccess(store, members, identity);
  }

  /** Who may see which document beside a task (the staff document view); each process family links its own. */
  @Bean
  StaffTaskDocuments staffTaskDocuments(org.camunda.bpm.engine.TaskService tasks, RuntimeService runtime,
      IdentityService identity, DocumentStore store, java.util.List<CaseDocuments> cases,
      org.camunda.bpm.engine.RepositoryService repository) {
    return new StaffTaskDocuments(tasks, runtime, identity, store, cases,
        id -> StaffTaskDocuments.keyOf(repository.getProcessDefinition(id)));
  }

  /** Synchronous recognition runs here, never on request threads (tetsuzuki.recognition.*). */
  @Bean(destroyMethod = "close")
  RecognitionPool recognitionPool(RecognitionProperties limits) {
    return new RecognitionPool(limits);
  }
}
