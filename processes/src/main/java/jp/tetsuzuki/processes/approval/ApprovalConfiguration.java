package jp.tetsuzuki.processes.approval;

import java.time.Clock;
import javax.sql.DataSource;
import jp.tetsuzuki.processes.reference.TenantCalendars;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the approval services as beans; {@link ApprovalModule} builds them, as it does for the model tests. Step
 * deadlines count the tenant's open days: national rules plus the tenant's own closed days.
 */
@Configuration
class ApprovalConfiguration {

  @Bean
  ApprovalModule approvalModule(DataSource dataSource, IdentityService identityService, TenantCalendars calendars,
      @org.springframework.beans.factory.annotation.Value("${tetsuzuki.contract.accounting-department:kaikeikanri}")
      String accountingDepartment) {
    return new ApprovalModule(dataSource, () -> identityService, calendars::of, Clock.systemUTC(),
        accountingDepartment);
  }

  @Bean
  ApprovalStore approvalStore(ApprovalModule module) {
    return module.store();
  }

  @Bean
  OrganisationRepository organisationRepository(ApprovalModule module) {
    return module.organisation();
  }

  @Bean
  SubstituteRegistry substituteRegistry(ApprovalModule module) {
    return module.substituteRegistry();
  }

  @Bean
  TenantMembers tenantMembers(ApprovalModule module) {
    return module.members();
  }

  @Bean
  ApprovalService approvalService(ApprovalModule module) {
    return module.approvals();
  }

  @Bean
  SubstituteService substituteService(ApprovalModule module) {
    return module.substitutes();
  }

  /** Bound by name in the models: {@code ${approvalRouteActivities.plan(execution)}}. */
  @Bean
  ApprovalRouteActivities approvalRouteActivities(ApprovalModule module) {
    return module.activities();
  }

  /** The direct 決裁's start form narrowed to the caller; after the edge guard (order 1), like the paper form's. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<ApprovalStartFormFilter> approvalStartForm(
      org.camunda.bpm.engine.RepositoryService repository, IdentityService identity,
      org.camunda.bpm.engine.AuthorizationService authorizations, OrganisationRepository organisation) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
        new ApprovalStartFormFilter(repository, identity, authorizations, organisation));
    registration.setName("approval-start-form");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(2);
    return registration;
  }
}
