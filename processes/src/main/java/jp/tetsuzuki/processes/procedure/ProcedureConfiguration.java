package jp.tetsuzuki.processes.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.document.DocumentStore;
import jp.tetsuzuki.processes.reference.TenantCalendars;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the catalog (packaged YAML plus an optional external folder) and the procedure services. */
@Configuration
class ProcedureConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ProcedureConfiguration.class);

  @Bean
  ProcedureCatalog procedureCatalog(@Value("${tetsuzuki.catalog.dir:}") String externalDir) throws IOException {
    List<ProcedureCatalog.Source> sources = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/*.yaml")) {
      sources.add(new ProcedureCatalog.Source() {
        @Override public String name() {
          return "classpath:catalog/" + resource.getFilename();
        }

        @Override public InputStream open() throws IOException {
          return resource.getInputStream();
        }
      });
    }
    if (!externalDir.isBlank()) {
      try (Stream<Path> files = Files.list(Path.of(externalDir))) {
        files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().forEach(f -> sources.add(
            new ProcedureCatalog.Source() {
              @Override public String name() {
                return f.toString();
              }

              @Override public InputStream open() throws IOException {
                return Files.newInputStream(f);
              }
            }));
      }
    }
    ProcedureCatalog catalog = ProcedureCatalog.load(sources);
    LOG.info("procedure catalog: {} procedures from {} files", catalog.all().size(), sources.size());
    return catalog;
  }

  @Bean
  ApplicationStore applicationStore(JdbcTemplate jdbc) {
    return new ApplicationStore(jdbc);
  }

  /** The delegates of the procedure models, wired once (the model tests use the same class). */
  @Bean
  ProcedureGlue procedureGlue(ProcedureCatalog catalog, ApplicationStore store, TenantCalendars calendars,
      TenantMembers members, ApplicationService applications,
      @org.springframework.beans.factory.annotation.Value("${tetsuzuki.procedure.follow-up-open-days:"
          + FollowUpDeadlines.DEFAULT_OPEN_DAYS + "}") int followUpOpenDays) {
    return new ProcedureGlue(catalog, store, calendars::of, members, applications, followUpOpenDays);
  }

  @Bean
  FollowUpDeadlines followUpDeadlines(ProcedureGlue glue) {
    return glue.followUp();
  }

  // bound by name in the models: ${procedureActivities.registerArrival(execution)}, ${completenessSteps…} …
  @Bean
  ProcedureActivities procedureActivities(ProcedureGlue glue) {
    return glue.arrival();
  }

  @Bean
  CompletenessSteps completenessSteps(ProcedureGlue glue) {
    return glue.completeness();
  }

  @Bean
  DocumentInspectionSteps documentInspectionSteps(ProcedureGlue glue) {
    return glue.inspection();
  }

  @Bean
  CorrectionSteps correctionSteps(ProcedureGlue glue) {
    return glue.correction();
  }

  @Bean
  ReviewSteps reviewSteps(ProcedureGlue glue) {
    return glue.review();
  }

  @Bean
  DecisionSteps decisionSteps(ProcedureGlue glue) {
    return glue.decision();
  }

  @Bean
  LegacyEntrySteps legacyEntrySteps(ProcedureGlue glue) {
    return glue.legacyEntry();
  }

  @Bean
  NoticeSteps noticeSteps(ProcedureGlue glue) {
    return glue.notice();
  }

  /**
   * The paper-registration start form, generated from the catalog and deployed when the engine is built, before the
   * models are auto-deployed, so that the start event's {@code camunda:formRef} always resolves to the catalog's
   * current procedures (an unchanged catalog deploys nothing new).
   */
  @Bean
  static org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin paperApplicationFormDeployment(
      ProcedureCatalog catalog) {
    return new PaperApplicationFormDeployment(catalog);
  }

  /** After the edge guard (order 1), which decided that the caller may read the start form at all. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<PaperFormTenantsFilter> paperFormTenants(
      ProcedureCatalog catalog, org.camunda.bpm.engine.RepositoryService repository, IdentityService identity,
      org.camunda.bpm.engine.AuthorizationService authorizations) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
        new PaperFormTenantsFilter(catalog, repository, identity, authorizations));
    registration.setName("paper-form-tenants");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(2);
    return registration;
  }

  @Bean
  ApplicationService applicationService(ProcedureCatalog catalog, ApplicationStore store, DocumentStore documents,
      TenantMembers members, TenantCalendars calendars, RuntimeService runtime, IdentityService identity,
      PlatformTransactionManager transactions) {
    return new ApplicationService(catalog, store, documents, members, calendars::of, runtime, identity,
        new TransactionTemplate(transactions), Clock.systemUTC());
  }
}
