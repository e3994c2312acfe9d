package jp.tetsuzuki.processes.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.processes.approval.ApprovalModule;
import jp.tetsuzuki.processes.approval.ApprovalRulesDeployer;
import jp.tetsuzuki.processes.approval.OrganisationRepository;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.demo.ApprovalDemoData;
import jp.tetsuzuki.processes.document.DocumentStore;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.reference.TenantCalendars;
import jp.tetsuzuki.processes.support.TestEngines;
import jp.tetsuzuki.workers.documents.DocumentInspector;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real in-memory engine for the procedure model (no Spring): our tables migrated by Flyway, the packaged catalog
 * plus one test procedure whose department has no approver (to reach the unresolved-route path), the real approval
 * route with the demo organisation and route tables. Time is the engine's clock (ClockUtil).
 */
final class ProcedureTestEnvironment {

  static final String TENANT = "demo-ku";
  /** A procedure reviewed by a department that has no 課長 in the organisation data. */
  static final String UNROUTED = "test-unrouted-permit";

  final StandaloneInMemProcessEngineConfiguration configuration;
  final JdbcTemplate jdbc;
  final ApplicationStore store;
  final ProcedureCatalog catalog;
  final OrganisationRepository organisation;

  ProcedureTestEnvironment() {
    String url = "jdbc:h2:mem:procedure-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).table("tz_schema_history")
        .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    store = new ApplicationStore(jdbc);
    catalog = catalog();

    configuration = TestEngines.configuration("procedure-test", url);
    Clock engineClock = TestEngines.engineClock();
    TenantCalendars calendars = new TenantCalendars(jdbc);
    ApprovalModule approval = new ApprovalModule(dataSource, configuration::getIdentityService, calendars::of,
        engineClock);
    TenantMembers members = approval.members();
    organisation = approval.organisation();
    Map<Object, Object> beans = new HashMap<>(new ProcedureGlue(catalog, store, calendars::of, members,
        new ApplicationService(catalog, store, new DocumentStore(jdbc, new DocumentInspector(), engineClock),
            members, calendars::of, configuration.getRuntimeService(), configuration.getIdentityService(),
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)), engineClock)).beans());
    beans.put("approvalRouteActivities", approval.activities());
    configuration.setBeans(beans);
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
  }

  private static ProcedureCatalog catalog() {
    try {
      List<ProcedureCatalog.Source> sources = new ArrayList<>();
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/*.yaml")) {
        sources.add(source(r));
      }
      sources.add(source(new PathMatchingResourcePatternResolver()
          .getResource("classpath:procedure/test-unrouted-permit.yaml")));
      return ProcedureCatalog.load(sources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcedureCatalog.Source source(Resource r) {
    return new ProcedureCatalog.Source() {
      @Override public String name() {
        return r.getFilename();
      }

      @Override public InputStream open() throws IOException {
        return r.getInputStream();
      }
    };
  }

  /** Models, forms, tenant, people, organisation and route tables. Call once the engine is built. */
  void populate(ProcessEngine engine) {
    DeploymentBuilder models = engine.getRepositoryService().createDeployment().name("procedure-models");
    for (String resource : List.of("bpmn/administrative-procedure.bpmn", "bpmn/applicant-notice.bpmn",
        "bpmn/approval-route.bpmn", "bpmn/approval-circulation.bpmn",
        "forms/administrative-procedure/Task_Review.form",
        "forms/administrative-procedure/Task_TranscribeDocument.form",
        "forms/administrative-procedure/Task_EnterLegacyByHand.form", "forms/applicant-notice/Task_NotifyByPost.form",
        "forms/approval-route/Task_Approve.form",
        "forms/approval-route/Task_Consult.form", "forms/approval-route/Task_Revise.form",
        "forms/approval-circulation/Task_Read.form")) {
      models.addClasspathResource(resource);
    }
    models.deploy();
    // the paper-registration start form is generated from the catalog, as the platform deploys it
    PaperApplicationFormDeployment.deploy(engine, catalog);

    IdentityService identity = engine.getIdentityService();
    identity.saveTenant(identity.newTenant(TENANT));
    identity.saveTenant(identity.newTenant("demo-shi"));
    for (String group : List.of(TENANT + "-supervisors", TENANT + "-doro", TENANT + "-sangyo",
        TENANT + "-toshikeikaku")) {
      identity.saveGroup(identity.newGroup(group));
    }
    for (String id : List.of("staff-ku", "kacho-ku", "bucho-ku", "kyokucho-ku", "supervisor-ku", "staff-shi")) {
      User user = identity.newUser(id);
      user.setLastName(id);
      user.setPassword("Tetsuzuki-demo-1");
      identity.saveUser(user);
      identity.createTenantUserMembership(id.endsWith("-shi") ? "demo-shi" : TENANT, id);
    }
    // the office's staff role, as the platform's identity bootstrap gives it (paper registration needs it)
    identity.saveGroup(identity.newGroup(Roles.STAFF));
    identity.createMembership("staff-ku", Roles.STAFF);
    identity.createMembership("staff-shi", Roles.STAFF);
    identity.createMembership("staff-ku", TENANT + "-doro");
    identity.createMembership("staff-ku", TENANT + "-sangyo");
    identity.createMembership("supervisor-ku", TENANT + "-supervisors");
    organisation.saveAll(TENANT, ApprovalDemoData.organisation(TENANT));
    new ApprovalRulesDeployer(engine.getRepositoryService(), identity).deployTenantTables();
  }

  /** A stored document as the document store keeps it (upload and type detection are tested over HTTP). */
  String document(String mediaType) {
    return document(mediaType, "f");
  }

  String document(String mediaType, String fileName) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO tz_document (id, tenant_id, file_name, media_type, size_bytes, sha256, content, "
        + "created_by, created_at) VALUES (?, ?, ?, ?, 3, 'x', ?, 'staff-ku', CURRENT_TIMESTAMP)", id, TENANT,
        fileName, mediaType, new byte[] {1, 2, 3});
    return id;
  }
}
