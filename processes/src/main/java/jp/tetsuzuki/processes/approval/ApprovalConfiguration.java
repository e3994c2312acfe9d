package jp.tetsuzuki.processes.approval;

import java.time.Clock;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the approval services (plain classes) into the platform. */
@Configuration
class ApprovalConfiguration {

  @Bean
  ApprovalStore approvalStore(DataSource dataSource) {
    return new ApprovalStore(dataSource);
  }

  @Bean
  OrganisationRepository organisationRepository(DataSource dataSource) {
    return new OrganisationRepository(dataSource);
  }

  @Bean
  SubstituteRegistry substituteRegistry(DataSource dataSource) {
    return new SubstituteRegistry(dataSource);
  }

  /** Replaced by an adapter to the office calendar ({@code jp.tetsuzuki.processes.calendar}) when present. */
  @Bean
  @ConditionalOnMissingBean(OfficeDays.class)
  OfficeDays approvalOfficeDays() {
    return CalendarOfficeDays.national();
  }

  @Bean
  TenantMembers tenantMembers(IdentityService identityService) {
    return new EngineTenantMembers(() -> identityService);
  }

  @Bean
  ApprovalService approvalService(ApprovalStore store, OrganisationRepository organisation,
      SubstituteRegistry substitutes, TenantMembers members, OfficeDays officeDays) {
    return new ApprovalService(store, organisation, substitutes, members, new StepDeadlines(officeDays),
        Clock.systemUTC());
  }

  @Bean
  SubstituteService substituteService(SubstituteRegistry registry, TenantMembers members) {
    return new SubstituteService(registry, members, Clock.systemUTC());
  }

  /** Bound by name in the models: {@code ${approvalRouteActivities.plan(execution)}}. */
  @Bean
  ApprovalRouteActivities approvalRouteActivities(ApprovalService approvals, SubstituteService substitutes) {
    return new ApprovalRouteActivities(approvals, substitutes);
  }
}
