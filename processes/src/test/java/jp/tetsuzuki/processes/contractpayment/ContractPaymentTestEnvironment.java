package jp.tetsuzuki.processes.contractpayment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.processes.approval.ApprovalModule;
import jp.tetsuzuki.processes.approval.ApprovalRulesDeployer;
import jp.tetsuzuki.processes.approval.OrganisationRepository;
import jp.tetsuzuki.processes.contract.accounting.AcknowledgementService;
import jp.tetsuzuki.processes.contract.accounting.JdbcPaymentLedger;
import jp.tetsuzuki.processes.contract.interest.JdbcInterestRates;
import jp.tetsuzuki.processes.contract.interest.LateInterest;
import jp.tetsuzuki.processes.demo.ApprovalDemoData;
import jp.tetsuzuki.processes.reference.TenantCalendars;
import jp.tetsuzuki.processes.support.TestEngines;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real in-memory engine for {@code contract-payment} (no Spring): our tables migrated by Flyway (late-interest
 * rates as V55 seeds them), the real approval route with the demo organisation and route tables, the registry
 * simulator, and an outbox folder of its own. Time is the engine's clock (ClockUtil).
 */
final class ContractPaymentTestEnvironment {

  static final String TENANT = "demo-ku";

  final StandaloneInMemProcessEngineConfiguration configuration;
  final JdbcTemplate jdbc;
  final ContractCaseStore store;
  final RegistrySimulator registry = new RegistrySimulator();
  final OrganisationRepository organisation;
  final ApprovalModule approval;
  final Path outbox;
  ContractCases cases;
  final jp.tetsuzuki.processes.document.DocumentStore documents;
  final JdbcDataSource dataSource;
  private final AcknowledgementService acknowledgements;

  ContractPaymentTestEnvironment() {
    String url = "jdbc:h2:mem:contract-payment-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).table("tz_schema_history")
        .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    store = new ContractCaseStore(jdbc);
    try {
      outbox = Files.createTempDirectory("contract-outbox");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.register("T5010001008846", "株式会社〇〇商事", LocalDate.of(2019, 10, 1));

    configuration = TestEngines.configuration("contract-payment-test", url);
    Clock engineClock = TestEngines.engineClock();
    TenantCalendars calendars = new TenantCalendars(jdbc);
    approval = new ApprovalModule(dataSource, configuration::getIdentityService, calendars::of,
        engineClock);
    organisation = approval.organisation();
    approval.approvals().excludeFromDeciding(store.verifierMayNotDecide());
    JdbcPaymentLedger ledger = new JdbcPaymentLedger(dataSource, engineClock);
    acknowledgements = new AcknowledgementService(ledger,
        () -> LocalDate.ofInstant(engineClock.instant(), jp.tetsuzuki.bpmn.rules.JapanTime.ZONE));
    ContractPaymentSettings settings = new ContractPaymentSettings("kensa", "kaikeikanri", 5, outbox,
        LateInterest.RateBasis.DAY_OF_DELAY, "kaikei");
    documents = new jp.tetsuzuki.processes.document.DocumentStore(jdbc,
        new jp.tetsuzuki.workers.documents.DocumentInspector(), Clock.systemUTC());
    Map<Object, Object> beans = new HashMap<>(new ContractPaymentGlue(store, calendars::of, registry,
        new JdbcInterestRates(dataSource), ledger, settings).beans());
    beans.put("approvalRouteActivities", approval.activities());
    configuration.setBeans(beans);
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
  }

  /** Models, forms, tenant, people, organisation and route tables. Call once the engine is built. */
  void populate(ProcessEngine engine) {
    DeploymentBuilder models = engine.getRepositoryService().createDeployment().name("contract-models");
    for (String resource : List.of("bpmn/contract-payment.bpmn", "bpmn/approval-route.bpmn",
        "bpmn/approval-circulation.bpmn", "forms/contract-payment/Task_Inspect.form",
        "forms/contract-payment/Task_CheckAccounting.form", "forms/contract-payment/Task_ReviseOrder.form",
        "forms/contract-payment/Task_VerifyInvoice.form", "forms/contract-payment/Task_ResolvePaymentFailure.form",
        "forms/contract-payment/Task_HeedPaymentDue.form",
        "forms/approval-route/Task_Approve.form", "forms/approval-route/Task_Consult.form",
        "forms/approval-route/Task_Revise.form", "forms/approval-circulation/Task_Read.form")) {
      models.addClasspathResource(resource);
    }
    models.deploy();
    IdentityService identity = engine.getIdentityService();
    identity.saveTenant(identity.newTenant(TENANT));
    for (String group : List.of(TENANT + "-kensa", TENANT + "-kaikeikanri", TENANT + "-doro",
        TENANT + "-supervisors", TENANT + "-kaikei", jp.tetsuzuki.processes.identity.Roles.STAFF)) {
      identity.saveGroup(identity.newGroup(group));
    }
    for (String id : List.of("kensa-ku", "kaikei-kanri-ku", "staff-ku", "kacho-ku", "bucho-ku", "kaikei-ku",
        "supplier-marumaru", "supplier-nomail")) {
      User user = identity.newUser(id);
      user.setLastName(id);
      user.setEmail(id.equals("supplier-nomail") ? null : id + "@demo.tetsuzuki.invalid");
      identity.saveUser(user);
      identity.createTenantUserMembership(TENANT, id);
      if (!id.startsWith("supplier-")) {
        identity.createMembership(id, jp.tetsuzuki.processes.identity.Roles.STAFF); // people, not machine accounts
      }
    }
    identity.createMembership("kensa-ku", TENANT + "-kensa");
    identity.createMembership("kaikei-kanri-ku", TENANT + "-kaikeikanri");
    identity.createMembership("staff-ku", TENANT + "-doro");
    identity.createMembership("kaikei-ku", TENANT + "-kaikei");
    organisation.saveAll(TENANT, ApprovalDemoData.organisation(TENANT));
    new ApprovalRulesDeployer(engine.getRepositoryService(), identity).deployTenantTables();
    cases = new ContractCases(store, identity, engine.getRuntimeService(), engine.getManagementService(),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), acknowledgements, documents);
  }
}
