package jp.tetsuzuki.processes.approval;

import jp.tetsuzuki.processes.support.TestEngines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.processes.demo.ApprovalDemoData;
import jp.tetsuzuki.processes.reference.TenantCalendars;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real in-memory engine for model tests (no Spring): our tables migrated by Flyway in the engine's own H2
 * database, the real services and glue wired as the platform wires them ({@link ApprovalModule}), the demo
 * organisation and the demo tenants' route tables deployed per tenant by the real deployer. Time is the engine's
 * clock (ClockUtil), shared by timers and services.
 */
final class ApprovalTestEnvironment {

  static final String TENANT = "demo-ku";
  static final String PASSWORD = "Tetsuzuki-demo-1";

  final StandaloneInMemProcessEngineConfiguration configuration;
  final JdbcDataSource dataSource;
  final ApprovalService approvals;
  final SubstituteService substitutes;
  final OrganisationRepository organisation;

  ApprovalTestEnvironment() {
    String url = "jdbc:h2:mem:approval-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).table("tz_schema_history")
        .locations("classpath:db/migration/common").load().migrate();

    configuration = TestEngines.configuration("approval-test", url);
    Clock engineClock = TestEngines.engineClock();
    // the platform's wiring (ApprovalModule), on the engine's clock and the tenants' calendars
    ApprovalModule module = new ApprovalModule(dataSource, configuration::getIdentityService,
        new TenantCalendars(new JdbcTemplate(dataSource))::of, engineClock);
    organisation = module.organisation();
    approvals = module.approvals();
    substitutes = module.substitutes();
    configuration.setBeans(Map.of("approvalRouteActivities", module.activities()));
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
  }

  /** Models, forms, tenants, people and the demo tenant's route table. Call once the engine is built. */
  void populate(ProcessEngine engine) {
    DeploymentBuilder models = engine.getRepositoryService().createDeployment().name("approval-models");
    for (String resource : List.of("bpmn/approval-route.bpmn", "bpmn/approval-circulation.bpmn",
        "bpmn/approval-substitute-registration.bpmn", "forms/approval-route/Task_Approve.form",
        "forms/approval-route/Task_Consult.form", "forms/approval-route/Task_Revise.form",
        "forms/approval-circulation/Task_Read.form",
        "forms/approval-substitute-registration/Event_RegistrationRequested.form")) {
      models.addClasspathResource(resource);
    }
    models.deploy();

    IdentityService identity = engine.getIdentityService();
    identity.saveTenant(identity.newTenant(TENANT));
    identity.saveGroup(identity.newGroup(TENANT + "-supervisors"));
    identity.saveGroup(identity.newGroup(jp.tetsuzuki.processes.identity.Roles.STAFF));
    for (String id : List.of("staff-ku", "kacho-ku", "bucho-ku", "kyokucho-ku", "jicho-ku", "kacho-keiyaku-ku",
        "kacho-kaikei-ku", "supervisor-ku", "kakaricho-ku")) {
      User user = identity.newUser(id);
      user.setLastName(id);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createTenantUserMembership(TENANT, id);
      identity.createMembership(id, jp.tetsuzuki.processes.identity.Roles.STAFF); // people, not machine accounts
    }
    identity.createMembership("supervisor-ku", TENANT + "-supervisors");
    organisation.saveAll(TENANT, ApprovalDemoData.organisation(TENANT));
    new ApprovalRulesDeployer(engine.getRepositoryService(), identity).deployTenantTables();
  }

  /** Deploys a route table for the tenant from a test resource (a designer's new version). */
  void deployTable(ProcessEngine engine, String resource) {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      new ApprovalRulesDeployer(engine.getRepositoryService(), engine.getIdentityService()).deploy(TENANT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
