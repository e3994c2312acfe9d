package jp.tetsuzuki.processes.childcare.enrollment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.processes.support.TestEngines;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real in-memory engine for the childcare model tests (no Spring): our tables by Flyway in the engine's H2
 * database, the glue wired as the platform wires it ({@link ChildcareModule}), the demo tenants and their points
 * tables deployed per tenant by the real deployer.
 */
final class ChildcareTestEnvironment {

  static final List<String> TENANTS = List.of("demo-ku", "demo-shi");

  final StandaloneInMemProcessEngineConfiguration configuration;
  final JdbcDataSource dataSource;
  ChildcareModule module;
  ChildcareApplicationService applications;

  ChildcareTestEnvironment() {
    String url = "jdbc:h2:mem:childcare-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).table("tz_schema_history")
        .locations("classpath:db/migration/common").load().migrate();
    configuration = TestEngines.configuration("childcare-test", url);
    module = new ChildcareModule(dataSource, configuration::getDecisionService, configuration::getRepositoryService,
        configuration::getRuntimeService, configuration::getIdentityService);
    // the application service as the platform wires it (withdrawals, paper applications of the start form)
    jp.tetsuzuki.processes.approval.TenantMembers members = new jp.tetsuzuki.processes.approval.TenantMembers() {
      @Override public boolean isMember(String tenantId, String userId) {
        return configuration.getIdentityService().createTenantQuery().userMember(userId).tenantId(tenantId)
            .count() > 0;
      }

      @Override public boolean isManager(String tenantId, String userId) {
        return false;
      }

      @Override public boolean isInGroup(String userId, String groupId) {
        return configuration.getIdentityService().createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
      }

      @Override public boolean isPerson(String userId) {
        return configuration.getIdentityService().createUserQuery().userId(userId).count() > 0;
      }

      @Override public String displayName(String userId) {
        return userId;
      }
    };
    applications = new ChildcareApplicationService(module.store(), members, (caller, id) -> java.util.Optional.empty(),
        configuration.getRuntimeService(), configuration.getRepositoryService(), configuration.getIdentityService(),
        new org.springframework.transaction.support.TransactionTemplate(
            new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource)),
        jp.tetsuzuki.processes.support.TestEngines.engineClock(),
        // places typed by staff per round (no facility list): the list's check is ChildcareRoundHttpTest's
        tenant -> java.util.Set.of());
    module.steps().paperIntake(applications::registerPaper);
    configuration.setBeans(Map.of("childcareEnrollmentSteps", module.steps(),
        "childcareRoundSteps", module.roundSteps(), "nurseryDeliverySteps", module.nurserySteps()));
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
  }

  void populate(ProcessEngine engine) {
    DeploymentBuilder models = engine.getRepositoryService().createDeployment().name("childcare-models");
    for (String resource : List.of("bpmn/childcare-enrollment.bpmn", "bpmn/childcare-allocation-round.bpmn",
        "forms/childcare-allocation-round/Event_RoundRequested.form",
        "forms/childcare-allocation-round/Task_ReviewAllocation.form",
        "forms/childcare-enrollment/Task_VerifyCertificate.form",
        "forms/childcare-enrollment/Task_InterviewAndHealthCheck.form",
        "forms/childcare-enrollment/Event_ApplicationReceived.form",
        "forms/childcare-enrollment/Task_ConfirmDeclaration.form")) {
      models.addClasspathResource(resource);
    }
    models.deploy();
    IdentityService identity = engine.getIdentityService();
    for (String tenant : TENANTS) {
      identity.saveTenant(identity.newTenant(tenant));
    }
    new ChildcarePointsDeployer(engine.getRepositoryService(), identity).deployTenantTables();
  }

  /**
   * Staff complete 申告内容の確認 of the case: the form's prefilled values (the declaration) as submitted, changed by
   * {@code changes}.
   */
  static void confirmDeclaration(ProcessEngine engine, String processInstanceId, Map<String, Object> changes) {
    confirmDeclaration(engine, processInstanceId, changes, null);
  }

  /** As {@link #confirmDeclaration(ProcessEngine, String, Map)}, completed as {@code user} (null: no user). */
  static void confirmDeclaration(ProcessEngine engine, String processInstanceId, Map<String, Object> changes,
      String user) {
    var task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(jp.tetsuzuki.bpmn.ChildcareEnrollment.TASK_CONFIRM_DECLARATION).singleResult();
    if (task == null) {
      throw new AssertionError("no Task_ConfirmDeclaration in " + processInstanceId);
    }
    Map<String, Object> values = new java.util.HashMap<>(engine.getTaskService().getVariables(task.getId(),
        ChildcareEnrollmentSteps.DECLARATION_FIELDS));
    values.putAll(changes);
    if (user != null) {
      engine.getIdentityService().setAuthentication(user, List.of(), List.of(task.getTenantId()));
    }
    try {
      engine.getTaskService().complete(task.getId(), values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * Review C9: one open round per tenant and fiscal year; a test starting its own round first ends those earlier
   * tests left open (deleted as an administrator would, their claim then lapses).
   */
  static void endOpenRounds(ProcessEngine engine) {
    var runtime = engine.getRuntimeService();
    runtime.createProcessInstanceQuery().processDefinitionKey(jp.tetsuzuki.bpmn.ChildcareAllocationRound.ID).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test: earlier test's round"));
  }

  static String resource(String name) {
    try (InputStream in = ChildcareTestEnvironment.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
