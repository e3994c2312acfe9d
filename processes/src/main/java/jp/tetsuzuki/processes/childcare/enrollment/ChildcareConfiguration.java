package jp.tetsuzuki.processes.childcare.enrollment;

import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The childcare enrollment beans. The verification form cannot embed the scan: the platform has no staff endpoint
 * that serves a document's content (only its metadata), so the form names the document id ({@code null} link base).
 */
@Configuration
class ChildcareConfiguration {

  @Bean
  ChildcareModule childcareModule(DataSource dataSource, DecisionService decisionService,
      RepositoryService repositoryService) {
    return new ChildcareModule(dataSource, () -> decisionService, () -> repositoryService, null);
  }

  @Bean
  ChildcareStore childcareStore(ChildcareModule module) {
    return module.store();
  }

  /** Bound by name in the model: {@code ${childcareEnrollmentSteps.register(execution)}}. */
  @Bean
  ChildcareEnrollmentSteps childcareEnrollmentSteps(ChildcareModule module) {
    return module.steps();
  }
}
