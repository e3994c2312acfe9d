package jp.tetsuzuki.processes.childcare.enrollment;

import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import jp.tetsuzuki.processes.childcare.round.ChildcareRoundSteps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The childcare enrollment beans. The verification form shows the certificate's scan from the staff document view
 * ({@code StaffDocumentController}, relative addresses: {@code StaffDocumentLinks}).
 */
@Configuration
class ChildcareConfiguration {

  @Bean
  ChildcareModule childcareModule(DataSource dataSource, DecisionService decisionService,
      RepositoryService repositoryService, RuntimeService runtimeService,
      org.camunda.bpm.engine.IdentityService identityService) {
    return new ChildcareModule(dataSource, () -> decisionService, () -> repositoryService, () -> runtimeService,
        () -> identityService);
  }

  @Bean
  ChildcareStore childcareStore(ChildcareModule module) {
    return module.store();
  }

  @Bean
  ChildcareApplicationService childcareApplicationService(ChildcareModule module,
      jp.tetsuzuki.processes.approval.TenantMembers members, jp.tetsuzuki.processes.document.DocumentAccess documents,
      RuntimeService runtime, RepositoryService repository, org.camunda.bpm.engine.IdentityService identity,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    ChildcareApplicationService service = new ChildcareApplicationService(module.store(), members,
        documents::usable, runtime, repository, identity,
        new org.springframework.transaction.support.TransactionTemplate(transactions), java.time.Clock.systemUTC(),
        tenant -> module.capacities().facilities(tenant).stream()
            .map(jp.tetsuzuki.processes.childcare.nursery.CapacityStore.FacilityRow::facilityId)
            .collect(java.util.stream.Collectors.toSet()));
    // paper applications from the Tasklist start form go through the same service
    module.steps().paperIntake(service::registerPaper);
    return service;
  }

  /** Bound by name in the model: {@code ${childcareEnrollmentSteps.register(execution)}}. */
  @Bean
  ChildcareEnrollmentSteps childcareEnrollmentSteps(ChildcareModule module) {
    return module.steps();
  }

  /** Bound by name in the round model: {@code ${childcareRoundSteps.allocate(execution)}}. */
  @Bean
  ChildcareRoundSteps childcareRoundSteps(ChildcareModule module) {
    return module.roundSteps();
  }
}
