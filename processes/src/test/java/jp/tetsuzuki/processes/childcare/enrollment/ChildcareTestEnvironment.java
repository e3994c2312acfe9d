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

  ChildcareTestEnvironment() {
    String url = "jdbc:h2:mem:childcare-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).table("tz_schema_history")
        .locations("classpath:db/migration/common").load().migrate();
    configuration = TestEngines.configuration("childcare-test", url);
    module = new ChildcareModule(dataSource, configuration::getDecisionService, configuration::getRepositoryService,
        configuration::getRuntimeService, configuration::getIdentityService, "https://tetsuzuki.example.jp");
    configuration.setBeans(Map.of("childcareEnrollmentSteps", module.steps(),
        "childcareRoundSteps", module.roundSteps()));
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
  }

  void populate(ProcessEngine engine) {
    DeploymentBuilder models = engine.getRepositoryService().createDeployment().name("childcare-models");
    for (String resource : List.of("bpmn/childcare-enrollment.bpmn", "bpmn/childcare-allocation-round.bpmn",
        "forms/childcare-allocation-round/Event_RoundRequested.form",
        "forms/childcare-allocation-round/Task_ReviewAllocation.form",
        "forms/childcare-enrollment/Task_VerifyCertificate.form",
        "forms/childcare-enrollment/Task_InterviewAndHealthCheck.form")) {
      models.addClasspathResource(resource);
    }
    models.deploy();
    IdentityService identity = engine.getIdentityService();
    for (String tenant : TENANTS) {
      identity.saveTenant(identity.newTenant(tenant));
    }
    new ChildcarePointsDeployer(engine.getRepositoryService(), identity).deployTenantTables();
  }

  static String resource(String name) {
    try (InputStream in = ChildcareTestEnvironment.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
