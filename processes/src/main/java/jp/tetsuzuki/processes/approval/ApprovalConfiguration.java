package jp.tetsuzuki.processes.approval;

import java.time.Clock;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import jp.tetsuzuki.processes.reference.TenantCalendars;
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

  /** Step deadlines count the tenant's open days: national rules plus the tenant's own closed days. */
  @Bean
  OfficeDays approvalOfficeDays(TenantCalendars calendars) {
    return new CalendarOfficeDays(calendars::of);
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
