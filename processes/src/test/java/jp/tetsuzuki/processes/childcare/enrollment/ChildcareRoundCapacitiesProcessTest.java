package jp.tetsuzuki.processes.childcare.enrollment;

import static jp.tetsuzuki.bpmn.ChildcareAllocationRound.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.ApplicationRow;
import jp.tetsuzuki.processes.childcare.nursery.CapacityRules;
import jp.tetsuzuki.processes.childcare.nursery.NurseryCapacityService;
import jp.tetsuzuki.processes.childcare.nursery.NurseryIncidents;
import jp.tetsuzuki.processes.childcare.nursery.NurseryOutboxWriter;
import jp.tetsuzuki.processes.identity.Roles;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The round's places come from what the tenant's nursery system reported (the capacity service, V75), for the
 * round's tenant and month, read again at a re-run; the start form's places only as an explicit staff override,
 * recorded; no places known → the round does not start, with a sentence for staff. After approval each offer, and
 * after enrollment the enrollment, is in the nursery outbox for the facility's system, once; a message the route gave
 * up on is an incident on the running case (domain childcare.md, 保活ワンストップ).
 */
class ChildcareRoundCapacitiesProcessTest {

  static final ChildcareTestEnvironment ENV = new ChildcareTestEnvironment();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENV.configuration)
      .assertClassCoverageAtLeast(0.7)
      .excludeProcessDefinitionKeys(ChildcareEnrollment.ID)
      .build();

  static boolean populated;
  static final Instant NOW = Instant.parse("2026-11-02T01:00:00Z");

  ProcessEngine engine;
  ChildcareStore store;
  NurseryCapacityService capacities;
  JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    jdbc = new JdbcTemplate(ENV.dataSource);
    if (!populated) {
      ENV.populate(engine);
      IdentityService identity = engine.getIdentityService();
      identity.saveGroup(identity.newGroup("demo-ku-hoiku"));
      identity.saveGroup(identity.newGroup(Roles.NURSERY_SYSTEMS));
      for (String id : List.of("hoiku-ku", "hoiku-ku2", "hoiku-ku3")) {
        identity.saveUser(identity.newUser(id));
        identity.createTenantUserMembership("demo-ku", id);
        identity.createMembership(id, "demo-ku-hoiku");
      }
      for (String[] account : List.of(new String[] {"nursery-ku", "demo-ku"}, new String[] {"nursery-shi", "demo-shi"})) {
        identity.saveUser(identity.newUser(account[0]));
        identity.createMembership(account[0], Roles.NURSERY_SYSTEMS);
        identity.createTenantUserMembership(account[1], account[0]);
      }
      Timestamp now = Timestamp.from(NOW);
      jdbc.update("INSERT INTO tz_nursery_system VALUES ('ku-system', 'demo-ku', 'nursery-ku', 'デモ区', ?)", now);
      jdbc.update("INSERT INTO tz_nursery_system VALUES ('shi-system', 'demo-shi', 'nursery-shi', 'デモ市', ?)", now);
      jdbc.update("INSERT INTO tz_nursery_facility VALUES ('demo-ku', 'minami', '南保育園', 'ku-system')");
      jdbc.update("INSERT INTO tz_nursery_facility VALUES ('demo-ku', 'kita', '北保育園', 'ku-system')");
      jdbc.update("INSERT INTO tz_nursery_facility VALUES ('demo-shi', 'chuo', '中央保育園', 'shi-system')");
      populated = true;
    }
    store = ENV.module.store();
    capacities = new NurseryCapacityService(ENV.module.capacities(), engine.getIdentityService(),
        new TransactionTemplate(new DataSourceTransactionManager(ENV.dataSource)),
        java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC)); // the months of the test are ahead of NOW
    store.jdbcForTests().update("UPDATE tz_childcare_application SET stage = 'closed-at-fiscal-year-end'");
    ChildcareTestEnvironment.endOpenRounds(engine);
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void aRoundTakesThePlacesTheNurserySystemReportedAndReadsThemAgainOnARerun() {
    report("nursery-ku", "demo-ku", "2026-12", entry("minami", 0, 1), entry("kita", 0, 0));
    // another tenant's places and another month's are not this round's
    report("nursery-shi", "demo-shi", "2026-12", entry("chuo", 0, 9));
    report("nursery-ku", "demo-ku", "2027-01", entry("kita", 0, 9));
    ProcessInstance high = waitingApplication(List.of("minami", "kita"), 20, 8);
    ProcessInstance low = waitingApplication(List.of("minami", "kita"), 16, 6);

    ProcessInstance round = startRound(null);

    assertThat(round).isWaitingAt(TASK_REVIEW_ALLOCATION);
    Assertions.assertThat(summary(round)).contains("内定 1人、保留 1人").contains("南保育園（minami）: 内定 1人")
        .contains("募集人数: 保育施設システムから届いた値").doesNotContain("中央保育園");
    Assertions.assertThat(variable(round, CAPACITY_SOURCE)).isEqualTo(CAPACITY_SOURCE_NURSERY_SYSTEMS);

    // the system reports a place at 北保育園 before approval: the re-run uses it
    report("nursery-ku", "demo-ku", "2026-12", entry("kita", 0, 1));
    review(round, DECISION_RERUN);
    Assertions.assertThat(summary(round)).contains("2回目の実行").contains("内定 2人、保留 0人");

    review(round, DECISION_APPROVE);
    assertThat(round).isEnded().hasPassed(TASK_PUBLISH_RESULTS, TASK_SEND_OFFERS_TO_NURSERY);
    NurseryOutboxWriter outbox = new NurseryOutboxWriter(ENV.dataSource);
    for (ProcessInstance app : List.of(high, low)) {
      ApplicationRow row = store.find(app.getBusinessKey()).orElseThrow();
      var messages = outbox.ofApplication(row.id());
      Assertions.assertThat(messages).singleElement().satisfies(m -> {
        Assertions.assertThat(m.get("KIND")).isEqualTo("offer");
        Assertions.assertThat(m.get("FACILITY_ID")).isEqualTo(row.resultFacilityId());
        Assertions.assertThat(m.get("SYSTEM_ID")).isEqualTo("ku-system");
        Assertions.assertThat(m.get("STATUS")).isEqualTo("pending");
        Assertions.assertThat(m.get("IDEMPOTENCY_KEY"))
            .isEqualTo("tetsuzuki:demo-ku:offer:" + round.getId() + ":" + row.id());
      });
      Assertions.assertThat(store.events(row.id())).anyMatch(e -> e.kind().equals("nursery-offer-queued"));
    }

    // enrolled: the enrollment goes to the outbox once, the case does not wait for the send
    Task interview = engine.getTaskService().createTaskQuery().processInstanceId(high.getId()).singleResult();
    engine.getTaskService().complete(interview.getId(), Map.of(ChildcareEnrollment.INTERVIEW_OUTCOME,
        ChildcareEnrollment.INTERVIEW_ENROLL));
    assertThat(high).isEnded().hasPassed(ChildcareEnrollment.TASK_SEND_ENROLLMENT_TO_NURSERY);
    Assertions.assertThat(outbox.ofApplication(high.getBusinessKey())).extracting(m -> m.get("KIND"))
        .containsExactlyInAnyOrder("offer", "enrollment");
    Assertions.assertThat(outbox.ofApplication(high.getBusinessKey())).filteredOn(m -> m.get("KIND").equals("enrollment"))
        .singleElement().satisfies(m -> Assertions.assertThat(m.get("IDEMPOTENCY_KEY"))
            .isEqualTo("tetsuzuki:demo-ku:enrollment:" + high.getBusinessKey()));

    // the same event again (a step run twice, a repaired case) writes no second message
    Assertions.assertThat(outbox.enqueue("tetsuzuki:demo-ku:enrollment:" + high.getBusinessKey(), "demo-ku",
        NurseryOutboxWriter.KIND_ENROLLMENT, high.getBusinessKey(), "minami", "ku-system", Map.of("kind", "again"),
        NOW)).isFalse();
    Assertions.assertThat(outbox.ofApplication(high.getBusinessKey())).hasSize(2);

    // a message the route gave up on: in the application's history, and an incident on its running case
    NurseryIncidents incidents = new NurseryIncidents(store, engine.getRuntimeService(), java.time.Clock.systemUTC());
    String lowOffer = (String) outbox.ofApplication(low.getBusinessKey()).get(0).get("ID");
    incidents.deliveryFailed("demo-ku", low.getBusinessKey(), lowOffer, "offer", "no delivery after 6 attempts");
    Assertions.assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(low.getId())
        .incidentType(NurseryIncidents.INCIDENT_TYPE).singleResult().getConfiguration()).isEqualTo(lowOffer);
    Assertions.assertThat(store.events(low.getBusinessKey())).anyMatch(e -> e.kind().equals("nursery-delivery-failed")
        && e.textJa().contains("内定") && e.textJa().contains("送信に失敗"));
    // another tenant's name for the application changes nothing
    incidents.deliveryFailed("demo-shi", high.getBusinessKey(), "x", "enrollment", "wrong tenant");
    Assertions.assertThat(store.events(high.getBusinessKey())).noneMatch(e -> e.kind().equals("nursery-delivery-failed"));
  }

  @Test
  void aRoundForAMonthWithoutReportedPlacesDoesNotStartAndTellsStaffWhy() {
    waitingApplication(List.of("minami"), 20, 8);
    report("nursery-shi", "demo-shi", "2027-03", entry("chuo", 0, 3)); // another tenant's month

    assertThatThrownBy(() -> startRound("2027-03", null))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("入所月 2027-03 の募集人数が保育施設システムから届いていません");
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ID)
        .variableValueEquals(ADMISSION_MONTH, "2027-03").count()).isZero();
  }

  @Test
  void theStartFormsPlacesAreAnOverrideByStaffRecordedAsSuch() {
    report("nursery-ku", "demo-ku", "2026-12", entry("minami", 0, 0), entry("kita", 0, 0));
    waitingApplication(List.of("minami"), 20, 8);

    ProcessInstance round = startRound("minami,南保育園,1,0,0,0,0,0");

    Assertions.assertThat(variable(round, CAPACITY_SOURCE)).isEqualTo(CAPACITY_SOURCE_STAFF_OVERRIDE);
    Assertions.assertThat(summary(round)).contains("内定 1人、保留 0人").contains("職員が開始時に入力した上書き");
    Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(round.getId()).variableName(FACILITIES_TEXT).singleResult().getValue())
        .isEqualTo("minami,南保育園,1,0,0,0,0,0");
  }

  /**
   * Review C7, as the attack: one 保育課 member started a round on typed-in places (an invented facility with 999
   * places, another tenant's facility, a Markdown/formula name for a real one) and approved it alone. Now the
   * override names only facilities of the tenant's list, by the list's names, and the starter, and the one who last
   * re-ran it, cannot approve; another member of the group can.
   */
  @Test
  void aRoundOnOverriddenPlacesNamesOnlyTheTenantsFacilitiesAndIsApprovedBySomeoneElse() {
    report("nursery-ku", "demo-ku", "2026-12", entry("minami", 0, 0), entry("kita", 0, 0));
    ProcessInstance app = waitingApplication(List.of("minami"), 20, 8);
    String evil = "=HYPERLINK(\"http://evil\") [x](http://evil) | pipe **b**";

    assertThatThrownBy(() -> startRound("minami," + evil + ",9,9,9,9,9,9\nchuo,中央保育園(demo-shi),9,9,9,9,9,9\n"
        + "fake-1,架空,999,999,999,999,999,999"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("2行目: 保育所ID chuo はこの自治体の保育施設");
    assertThatThrownBy(() -> startRound("fake-1,架空,999,999,999,999,999,999"))
        .hasMessageContaining("1行目: 保育所ID fake-1 はこの自治体の保育施設");

    ProcessInstance round = startRound("minami," + evil + ",1,0,0,0,0,0");
    Assertions.assertThat(summary(round)).contains("南保育園（minami）: 内定 1人").doesNotContain("HYPERLINK")
        .doesNotContain("evil").contains("承認: 上書きのため、開始した職員・最後に再実行した職員（hoiku-ku）以外");
    Assertions.assertThat(variable(round, ROUND_STARTED_BY)).isEqualTo("hoiku-ku");

    // the starter cannot approve; re-running stays possible, and whoever re-ran cannot approve either
    assertThatThrownBy(() -> reviewAs("hoiku-ku", round, DECISION_APPROVE))
        .hasRootCauseInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
        .hasMessageContaining("利用調整を開始した職員（hoiku-ku）は承認できません");
    reviewAs("hoiku-ku2", round, DECISION_RERUN);
    Assertions.assertThat(summary(round)).contains("2回目の実行").contains("（hoiku-ku、hoiku-ku2）以外");
    assertThatThrownBy(() -> reviewAs("hoiku-ku2", round, DECISION_APPROVE))
        .hasMessageContaining("最後に再実行した職員（hoiku-ku2）は承認できません");
    assertThatThrownBy(() -> reviewAs("hoiku-ku", round, DECISION_APPROVE))
        .hasMessageContaining("開始した職員（hoiku-ku）");
    assertThat(round).isWaitingAt(TASK_REVIEW_ALLOCATION);
    assertThat(app).isWaitingAt(ChildcareEnrollment.TASK_AWAIT_ROUND_RESULT);

    reviewAs("hoiku-ku3", round, DECISION_APPROVE);
    assertThat(round).isEnded();
    // the facility keeps the name of the tenant's list in every later text
    Assertions.assertThat(store.facilityName("demo-ku", "minami")).contains("南保育園");
    Assertions.assertThat(store.events(app.getBusinessKey())).filteredOn(e -> e.kind().equals("offered"))
        .singleElement().satisfies(e -> Assertions.assertThat(e.textJa()).isEqualTo("南保育園（minami） に内定しました。"));
  }

  /** Places the nursery systems reported are no one's input: the starter may approve as before. */
  @Test
  void aRoundOnTheNurserySystemsPlacesMayBeApprovedByItsStarter() {
    report("nursery-ku", "demo-ku", "2026-12", entry("minami", 0, 1), entry("kita", 0, 0));
    waitingApplication(List.of("minami"), 20, 8);
    ProcessInstance round = startRound(null);
    Assertions.assertThat(summary(round)).doesNotContain("承認: 上書き");
    reviewAs("hoiku-ku", round, DECISION_APPROVE);
    assertThat(round).isEnded();
  }

  // --- helpers

  static CapacityRules.Entry entry(String facility, int age, int places) {
    return new CapacityRules.Entry(facility, null, age, places);
  }

  void report(String account, String tenant, String month, CapacityRules.Entry... entries) {
    capacities.submit(account, tenant, "test-" + UUID.randomUUID(), java.util.Arrays.stream(entries)
        .map(e -> new CapacityRules.Entry(e.facilityId(), month, e.classAge(), e.capacity())).toList());
  }

  ProcessInstance startRound(String facilities) {
    return startRound("2026-12", facilities);
  }

  ProcessInstance startRound(String month, String facilities) {
    engine.getIdentityService().setAuthentication("hoiku-ku", List.of("demo-ku-hoiku"), List.of("demo-ku"));
    try {
      Map<String, Object> variables = new HashMap<>(Map.of(TENANT_ID, "demo-ku", ADMISSION_MONTH, month));
      if (facilities != null) {
        variables.put(FACILITIES_TEXT, facilities);
      }
      return engine.getRuntimeService().startProcessInstanceByKey(ID, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void review(ProcessInstance round, String decision) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(round.getId()).singleResult();
    engine.getTaskService().complete(task.getId(), Map.of(REVIEW_DECISION, decision));
  }

  void reviewAs(String user, ProcessInstance round, String decision) {
    engine.getIdentityService().setAuthentication(user, List.of("demo-ku-hoiku"), List.of("demo-ku"));
    try {
      review(round, decision);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Object variable(ProcessInstance round, String name) {
    return engine.getRuntimeService().getVariable(round.getId(), name);
  }

  String summary(ProcessInstance round) {
    return (String) variable(round, RESULT_SUMMARY_TEXT);
  }

  /** An application without certificates (declared work), inspected and scored: waiting for the round. */
  ProcessInstance waitingApplication(List<String> preferences, int days, double hours) {
    String id = UUID.randomUUID().toString();
    ApplicationContent content = new ApplicationContent(List.of(
        new ApplicationContent.Guardian("保護者1", "work", days, hours, null, null),
        new ApplicationContent.Guardian("保護者2", "work", 20, 8.0, null, null)), false, false, false, false, false, 0,
        null, List.of(new ApplicationContent.Child("c1", "子 " + id.substring(0, 8), LocalDate.of(2025, 6, 1),
        preferences, null)), // a child of its own: the same child twice is one applicant in a round (review F10b)
        List.of(new ApplicationContent.Document("doc-" + id, ApplicationContent.KIND_OTHER, null, "a.pdf")));
    store.insert(new ApplicationRow(id, "demo-ku", "parent-app", NOW, null, "0".repeat(64), 2026, "2026-12",
        ChildcareStore.STAGE_RECEIVED, content, null, null, null, null, null));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(ChildcareEnrollment.ID, id,
        new HashMap<>(Map.of(ChildcareEnrollment.TENANT_ID, "demo-ku", ChildcareEnrollment.APPLICATION_ID, id)));
    for (LockedExternalTask t : engine.getExternalTaskService().fetchAndLock(10, "test-worker")
        .topic(Topics.DOCUMENT_INSPECTION, 60_000).execute()) {
      engine.getExternalTaskService().complete(t.getId(), "test-worker",
          Map.of(DocumentVariables.DOCUMENT_MEDIA_TYPE, "application/pdf"));
    }
    // declared work without certificates: staff confirm it (「申告内容を確認」) before any points
    ChildcareTestEnvironment.confirmDeclaration(engine, pi.getId(), Map.of());
    assertThat(pi).isWaitingAt(ChildcareEnrollment.TASK_AWAIT_ROUND_RESULT);
    return pi;
  }
}
