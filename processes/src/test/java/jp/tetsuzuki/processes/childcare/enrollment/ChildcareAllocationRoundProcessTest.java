package jp.tetsuzuki.processes.childcare.enrollment;

import static jp.tetsuzuki.bpmn.ChildcareAllocationRound.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
import jp.tetsuzuki.processes.childcare.round.RoundGuard;
import jp.tetsuzuki.processes.childcare.round.RoundStore;
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

/**
 * {@code childcare-allocation-round} with real enrollment instances waiting for it: collect from our table, run the
 * allocation engine, review, re-run before approval, approve → each application's result exactly once.
 */
class ChildcareAllocationRoundProcessTest {

  static final ChildcareTestEnvironment ENV = new ChildcareTestEnvironment();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENV.configuration)
      .assertClassCoverageAtLeast(1.0)
      .excludeProcessDefinitionKeys(ChildcareEnrollment.ID)
      .build();

  static boolean populated;
  static final Instant NOW = Instant.parse("2026-11-02T01:00:00Z");
  static final String ONE_PLACE = "minami,南保育園,1,0,0,0,0,0\nkita,北保育園,0,0,0,0,0,0";
  static final String TWO_PLACES = "minami,南保育園,1,0,0,0,0,0\nkita,北保育園,1,0,0,0,0,0";

  ProcessEngine engine;
  ChildcareStore store;
  String tenant;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    if (!populated) {
      ENV.populate(engine);
      IdentityService identity = engine.getIdentityService();
      identity.saveGroup(identity.newGroup("demo-ku-hoiku"));
      for (String id : List.of("hoiku-ku", "staff-other")) {
        identity.saveUser(identity.newUser(id));
        identity.createTenantUserMembership("demo-ku", id);
      }
      identity.createMembership("hoiku-ku", "demo-ku-hoiku");
      populated = true;
    }
    store = ENV.module.store();
    // each test its own tenant data: applications of earlier tests must not join this round
    tenant = "demo-ku";
    store.jdbcForTests().update("UPDATE tz_childcare_application SET stage = 'closed-at-fiscal-year-end'");
    ChildcareTestEnvironment.endOpenRounds(engine);
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void reRunBeforeApprovalThenApproveDeliversEachResultOnce() {
    ProcessInstance high = waitingApplication(List.of("minami", "kita"), 20, 8);   // 20 + 20 = 40
    ProcessInstance low = waitingApplication(List.of("minami", "kita"), 16, 6);    // 16 + 20 = 36

    ProcessInstance round = startRound("hoiku-ku", ONE_PLACE);
    assertThat(round).isWaitingAt(TASK_REVIEW_ALLOCATION).task().hasCandidateGroup("demo-ku-hoiku");
    Assertions.assertThat(summary(round)).contains("1回目の実行").contains("申込み 2件、児童 2人")
        .contains("内定 1人、保留 1人").contains("南保育園（minami）: 内定 1人");
    Assertions.assertThat(engine.getRuntimeService().getVariable(round.getId(), APPLICATION_COUNT)).isEqualTo(2L);

    // staff re-run after the nursery reports another place: the places are read again
    engine.getRuntimeService().setVariable(round.getId(), FACILITIES_TEXT, TWO_PLACES);
    review(round, DECISION_RERUN);
    Assertions.assertThat(summary(round)).contains("2回目の実行").contains("内定 2人、保留 0人");
    engine.getRuntimeService().setVariable(round.getId(), FACILITIES_TEXT, ONE_PLACE);
    review(round, DECISION_RERUN);
    Assertions.assertThat(summary(round)).contains("3回目の実行").contains("内定 1人、保留 1人");
    // nothing reached the applications before approval
    assertThat(high).isWaitingAt(ChildcareEnrollment.TASK_AWAIT_ROUND_RESULT);
    assertThat(low).isWaitingAt(ChildcareEnrollment.TASK_AWAIT_ROUND_RESULT);

    review(round, DECISION_APPROVE);
    assertThat(round).isEnded().hasPassed(TASK_PUBLISH_RESULTS, EVENT_RESULTS_PUBLISHED);
    assertThat(high).isWaitingAt(ChildcareEnrollment.TASK_INTERVIEW_AND_HEALTH_CHECK);
    assertThat(low).isWaitingAt(ChildcareEnrollment.TASK_AWAIT_ROUND_RESULT)
        .hasPassed(ChildcareEnrollment.TASK_RECORD_WAITING);
    ApplicationRow offered = store.find(high.getBusinessKey()).orElseThrow();
    Assertions.assertThat(offered.stage()).isEqualTo(ChildcareStore.STAGE_OFFERED);
    Assertions.assertThat(offered.resultFacilityId()).isEqualTo("minami");
    // newcomer review 7: the offer names the facility as the round read it, not only its id
    Assertions.assertThat(engine.getRuntimeService().getVariable(high.getId(), ChildcareEnrollment.OFFER_TEXT)
        .toString()).startsWith("内定: 南保育園（minami）。");
    Assertions.assertThat(store.events(high.getBusinessKey())).filteredOn(e -> e.kind().equals("offered"))
        .singleElement().satisfies(e -> Assertions.assertThat(e.textJa()).isEqualTo("南保育園（minami） に内定しました。"));
    ApplicationRow waiting = store.find(low.getBusinessKey()).orElseThrow();
    Assertions.assertThat(waiting.stage()).isEqualTo(ChildcareStore.STAGE_WAITING);
    Assertions.assertThat(waiting.resultExplanation()).contains("南保育園");
    Assertions.assertThat(count(high.getBusinessKey(), "offered")).isEqualTo(1);
    Assertions.assertThat(count(low.getBusinessKey(), "waiting")).isEqualTo(1);
    // exactly once: the round's results are marked published, a second delivery finds nothing to do
    RoundStore rounds = new RoundStore(ENV.dataSource);
    Assertions.assertThat(rounds.results(round.getId())).allMatch(r -> r.publishedAt() != null);
    Assertions.assertThat(rounds.markPublished(round.getId(), high.getBusinessKey(), NOW)).isFalse();
  }

  @Test
  void aWithdrawnApplicationGetsNoResult() {
    ProcessInstance app = waitingApplication(List.of("minami"), 20, 8);
    ProcessInstance round = startRound("hoiku-ku", ONE_PLACE);
    engine.getRuntimeService().createMessageCorrelation(ChildcareEnrollment.MSG_WITHDRAWN).tenantId(tenant)
        .processInstanceBusinessKey(app.getBusinessKey()).correlate();
    review(round, DECISION_APPROVE);
    assertThat(round).isEnded();
    Assertions.assertThat(store.find(app.getBusinessKey()).orElseThrow().stage())
        .isEqualTo(ChildcareStore.STAGE_WITHDRAWN);
    Assertions.assertThat(count(app.getBusinessKey(), "offered")).isZero();
  }

  @Test
  void onlyTheTenantsChildcareStaffStartARoundAndBadPlacesNameTheLine() {
    assertThatThrownBy(() -> startRound("staff-other", ONE_PLACE))
        .hasMessageContaining("保育担当の職員だけ");
    assertThatThrownBy(() -> startRound("hoiku-ku", "minami,南保育園,1,0,0,x,0,0"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("1行目: 3歳の募集人数");
    assertThatThrownBy(() -> startRound("hoiku-ku", "minami,南,1,0,0,0,0,0\nminami,南,1,0,0,0,0,0"))
        .hasMessageContaining("2行目: 保育所ID minami が重複");
  }

  /**
   * Domain file, "Priority and tie-breaks": equal household scores go to the tenant's ordered criteria (デモ区:
   * new application before transfer first), then to the published lottery number.
   */
  @Test
  void equalScoresGoToTheTenantsTieBreaksInOrder() {
    // both 40 points; the transfer child (enrolled at kita) asks for minami's one place: the new application wins
    // (its current facility counts once staff confirmed it in 申告内容の確認, review F10)
    ProcessInstance transfer = waitingApplication(List.of(child("c1", LocalDate.of(2025, 6, 1), "kita",
        "minami")), null, 20, 8, Map.of(ChildcareEnrollment.CONFIRMED_CURRENT_FACILITIES, "c1,kita"));
    ProcessInstance fresh = waitingApplication(List.of(child("c1", LocalDate.of(2025, 6, 1), null, "minami")), null,
        20, 8);
    ProcessInstance round = startRound("hoiku-ku", "minami,南保育園,1,0,0,0,0,0\nkita,北保育園,0,0,0,0,0,0");
    Assertions.assertThat(summary(round)).contains("順位: 世帯指数 → 新規申込み（転園でない） → 基準指数が高い世帯")
        .contains("内定 1人、保留 1人（うち在園を継続 1人）");
    review(round, DECISION_APPROVE);
    assertThat(fresh).isWaitingAt(ChildcareEnrollment.TASK_INTERVIEW_AND_HEALTH_CHECK);
    // the transfer child keeps its place at kita: that is no new offer, the case waits for the next round
    assertThat(transfer).isWaitingAt(ChildcareEnrollment.TASK_AWAIT_ROUND_RESULT);
    Assertions.assertThat(store.find(transfer.getBusinessKey()).orElseThrow().resultExplanation())
        .contains("現在の保育所 北保育園 の利用を継続").contains("同点");
  }

  /**
   * Same score and same criteria: the lower lottery number wins. The numbers are drawn once per round from a
   * recorded seed (SHA-256 order of seed:application id), stored, published in the review and in each result, and
   * a re-run before approval uses the same numbers.
   */
  @Test
  void theLotteryIsDrawnOnceFromARecordedSeedAndPublished() {
    List<ProcessInstance> apps = List.of(waitingApplication(List.of("minami"), 20, 8),
        waitingApplication(List.of("minami"), 20, 8), waitingApplication(List.of("minami"), 20, 8));
    ProcessInstance round = startRound("hoiku-ku", ONE_PLACE);
    RoundStore rounds = new RoundStore(ENV.dataSource);
    String seed = store.jdbcForTests().queryForObject("SELECT seed FROM tz_childcare_round_lottery WHERE round_id = ?",
        String.class, round.getId());
    Map<String, Long> numbers = new HashMap<>();
    store.jdbcForTests().query("SELECT application_id, lottery_number FROM tz_childcare_lottery_number WHERE"
        + " round_id = ?", rs -> {
          numbers.put(rs.getString(1), rs.getLong(2));
        }, round.getId());
    List<String> ids = apps.stream().map(ProcessInstance::getBusinessKey).toList();
    // reproducible by anyone from the seed and the ids: the order of SHA-256(seed:id)
    List<String> bySeed = ids.stream().sorted(java.util.Comparator.comparing(id -> sha256(seed + ":" + id))).toList();
    Assertions.assertThat(numbers).containsEntry(bySeed.get(0), 1L).containsEntry(bySeed.get(1), 2L)
        .containsEntry(bySeed.get(2), 3L);
    Assertions.assertThat(summary(round)).contains(seed).contains("抽選番号 1: 申込み " + bySeed.get(0));
    String winner = bySeed.get(0);
    Assertions.assertThat(rounds.results(round.getId())).filteredOn(r -> r.facilityId() != null)
        .extracting(RoundStore.ResultRow::applicationId).containsExactly(winner);

    // a re-run reads the same seed and numbers, so the same child wins
    review(round, DECISION_RERUN);
    Assertions.assertThat(store.jdbcForTests().queryForObject("SELECT COUNT(*) FROM tz_childcare_round_lottery"
        + " WHERE round_id = ?", Integer.class, round.getId())).isEqualTo(1);
    Assertions.assertThat(summary(round)).contains("2回目の実行").contains(seed);
    Assertions.assertThat(rounds.results(round.getId())).allMatch(r -> r.lotteryNumber().equals(numbers.get(
        r.applicationId())));
    review(round, DECISION_APPROVE);
    Assertions.assertThat(store.find(winner).orElseThrow().stage()).isEqualTo(ChildcareStore.STAGE_OFFERED);
    for (String id : ids) {
      Assertions.assertThat(store.find(id).orElseThrow().resultExplanation()).contains("抽選番号 " + numbers.get(id));
    }
  }

  /** Domain file, allocation round 2: a household is placed as a whole, so it gets one offer for its children. */
  @Test
  void aHouseholdWithTwoChildrenGetsOneOfferNamingEachPlace() {
    ProcessInstance household = waitingApplication(List.of(child("elder", LocalDate.of(2024, 6, 1), null, "minami"),
        child("younger", LocalDate.of(2025, 6, 1), null, "minami")), 1, 20, 8);
    ProcessInstance round = startRound("hoiku-ku", "minami,南保育園,1,1,0,0,0,0");
    review(round, DECISION_APPROVE);
    assertThat(household).isWaitingAt(ChildcareEnrollment.TASK_INTERVIEW_AND_HEALTH_CHECK);
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(household.getId()).count())
        .isEqualTo(1);
    Assertions.assertThat((String) engine.getRuntimeService().getVariable(household.getId(),
        ChildcareEnrollment.OFFER_TEXT)).contains("児童 elder → 南保育園（minami）、児童 younger → 南保育園（minami）");
    Assertions.assertThat(count(household.getBusinessKey(), "offered")).isEqualTo(1);
  }

  /** Pattern 2 (同保順次(上)): only the elder has a place; the household's one offer names the younger as 保留. */
  @Test
  void aHouseholdWhoseElderMayGoFirstIsOfferedTheElderAlone() {
    ProcessInstance household = waitingApplication(List.of(child("elder", LocalDate.of(2024, 6, 1), null, "minami"),
        child("younger", LocalDate.of(2025, 6, 1), null, "minami")), 2, 20, 8);
    ProcessInstance together = waitingApplication(List.of(child("a", LocalDate.of(2024, 6, 1), null, "minami"),
        child("b", LocalDate.of(2025, 6, 1), null, "minami")), 1, 16, 6);
    ProcessInstance round = startRound("hoiku-ku", "minami,南保育園,0,1,0,0,0,0");
    review(round, DECISION_APPROVE);
    assertThat(household).isWaitingAt(ChildcareEnrollment.TASK_INTERVIEW_AND_HEALTH_CHECK);
    Assertions.assertThat((String) engine.getRuntimeService().getVariable(household.getId(),
        ChildcareEnrollment.OFFER_TEXT)).contains("児童 elder → 南保育園（minami）（younger は保留）");
    // pattern 1 needs both places at once: nobody of that household is offered anything
    assertThat(together).isWaitingAt(ChildcareEnrollment.TASK_AWAIT_ROUND_RESULT);
  }

  /**
   * Review F10 (attack: a self-declared current facility creates a place and wins it): the round passes a current
   * facility to the engine only when staff confirmed it in 申告内容の確認; a claim alone is ignored (domain
   * childcare.md "Allocation round" 3: a child <em>already enrolled</em> keeps its current place).
   */
  @Test
  void aDeclaredCurrentFacilityCountsOnlyWhenStaffConfirmedIt() {
    String full = "minami,南保育園,0,0,0,0,0,0\nkita,北保育園,0,0,0,0,0,0";
    ProcessInstance high = waitingApplication(List.of("minami"), 20, 8);                                 // 40
    ProcessInstance claim = waitingApplication(List.of("minami"), 12, 4, null, "minami", Map.of());      // 30
    ProcessInstance round = startRound("hoiku-ku", full);
    RoundStore rounds = new RoundStore(ENV.dataSource);
    Assertions.assertThat(rounds.results(round.getId())).filteredOn(r -> r.applicationId()
        .equals(claim.getBusinessKey())).singleElement().satisfies(r -> {
          Assertions.assertThat(r.outcome()).isEqualTo("WAITING");
          Assertions.assertThat(r.facilityId()).isNull();
        });
    review(round, DECISION_APPROVE);
    Assertions.assertThat(store.find(claim.getBusinessKey()).orElseThrow().resultFacilityId()).isNull();
    Assertions.assertThat(store.find(high.getBusinessKey()).orElseThrow().stage())
        .isEqualTo(ChildcareStore.STAGE_WAITING);

    // the same claim confirmed by staff from the enrollment records: the child keeps its place
    ProcessInstance confirmed = waitingApplication(List.of("minami"), 12, 4, null, "minami",
        Map.of(ChildcareEnrollment.CONFIRMED_CURRENT_FACILITIES, "c1,minami"));
    Assertions.assertThat(store.events(confirmed.getBusinessKey())).filteredOn(e -> e.kind()
        .equals("declaration-confirmed")).hasSize(1);
    ProcessInstance second = startRound("hoiku-ku", full);
    Assertions.assertThat(rounds.results(second.getId())).filteredOn(r -> r.applicationId()
        .equals(confirmed.getBusinessKey())).singleElement().satisfies(r -> {
          Assertions.assertThat(r.outcome()).isEqualTo("KEPT_CURRENT");
          Assertions.assertThat(r.facilityId()).isEqualTo("minami");
        });
  }

  /** Staff may confirm only children of the case, one facility each; an unconfirmed claim is recorded as removed. */
  @Test
  void aConfirmedCurrentFacilityMustNameAChildOfTheCase() {
    Map<String, Object> wrongChild = Map.of(ChildcareEnrollment.CONFIRMED_CURRENT_FACILITIES, "c9,minami");
    assertThatThrownBy(() -> waitingApplication(List.of("minami"), 20, 8, null, "minami", wrongChild))
        .hasMessageContaining("confirmedCurrentFacilities: line 1");
    ProcessInstance unconfirmed = waitingApplication(List.of("minami"), 20, 8, null, "kita", Map.of());
    Assertions.assertThat(store.events(unconfirmed.getBusinessKey())).filteredOn(e -> e.kind()
        .equals("declaration-corrected")).singleElement().satisfies(e -> Assertions.assertThat(e.textJa())
        .contains("児童 c1 の在籍施設: kita → （なし）"));
  }

  /**
   * Review F10b: the same child (name and birth date, a guardian in common; NFKC and white space ignored) in two
   * applications enters the round once, through the older application; the review lists who got what (newcomer
   * review 7).
   */
  @Test
  void theSameChildInTwoApplicationsIsPlacedOnceAndTheReviewListsEveryChild() {
    ProcessInstance first = waitingApplication(List.of("minami"), 16, 6, "品川 花子", null, Map.of());
    ProcessInstance again = waitingApplication(List.of("kita", "minami"), 20, 8, "品川　花子", null, Map.of());
    store.jdbcForTests().update("UPDATE tz_childcare_application SET created_at = ? WHERE id = ?",
        java.sql.Timestamp.from(NOW.plusSeconds(60)), again.getBusinessKey());
    ProcessInstance round = startRound("hoiku-ku", TWO_PLACES);
    RoundStore rounds = new RoundStore(ENV.dataSource);
    Assertions.assertThat(rounds.results(round.getId())).filteredOn(r -> r.applicationId()
        .equals(again.getBusinessKey())).singleElement().satisfies(r -> {
          Assertions.assertThat(r.outcome()).isEqualTo("WAITING");
          Assertions.assertThat(r.summaryJa()).contains("同じ児童の申込み（" + first.getBusinessKey() + "）が先にある");
        });
    Assertions.assertThat(summary(round)).contains("内定 1人、保留 1人")
        .contains("| " + first.getBusinessKey() + " | c1 | 内定 | 南保育園 |")
        .contains("| " + again.getBusinessKey() + " | c1 | 保留 |  |");
  }

  /**
   * Review C9: rounds of one tenant and fiscal year overlap (a later month collects the earlier months' waiting
   * applications), so a second one does not start while one is open; staff cancel an open round at its review
   * (nothing is delivered, recorded in the round's history), then the next one starts.
   */
  @Test
  void aSecondRoundOfTheYearWaitsUntilTheOpenOneIsApprovedOrCancelled() {
    ProcessInstance app = waitingApplication(List.of("minami"), 20, 8);
    ProcessInstance first = startRound("hoiku-ku", ONE_PLACE);
    assertThatThrownBy(() -> startRound("hoiku-ku", ONE_PLACE, "2027-01"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("2026年度（入所月 2026-12）の利用調整が実行中です（" + first.getId() + "）")
        .hasMessageContaining("先にその利用調整を承認または取り消してください。");
    assertThatThrownBy(() -> startRound("hoiku-ku", ONE_PLACE)).hasMessageContaining("利用調整が実行中です");

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(first.getId()).singleResult();
    engine.getIdentityService().setAuthentication("hoiku-ku", List.of("demo-ku-hoiku"), List.of(tenant));
    try {
      engine.getTaskService().complete(task.getId(), Map.of(REVIEW_DECISION, DECISION_CANCEL, REVIEW_COMMENT,
          "募集人数の誤り"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(first).isEnded().hasPassed(TASK_CANCEL_ROUND, EVENT_ROUND_CANCELLED).hasNotPassed(TASK_PUBLISH_RESULTS);
    assertThat(app).isWaitingAt(ChildcareEnrollment.TASK_AWAIT_ROUND_RESULT);
    Assertions.assertThat(store.find(app.getBusinessKey()).orElseThrow().stage())
        .isEqualTo(ChildcareStore.STAGE_AWAITING_ROUND);
    RoundGuard guard = new RoundStore(ENV.dataSource).guard();
    Assertions.assertThat(guard.events(first.getId())).extracting(RoundGuard.RoundEvent::kind)
        .containsExactlyInAnyOrder("started", "cancelled");
    Assertions.assertThat(guard.events(first.getId())).filteredOn(e -> e.kind().equals("cancelled")).singleElement()
        .satisfies(e -> {
          Assertions.assertThat(e.textJa()).contains("結果はどの申込みにも届けていません").contains("募集人数の誤り");
          Assertions.assertThat(e.actor()).isEqualTo("hoiku-ku");
        });

    ProcessInstance next = startRound("hoiku-ku", ONE_PLACE, "2027-01");
    assertThat(next).isWaitingAt(TASK_REVIEW_ALLOCATION);
    review(next, DECISION_APPROVE);
    Assertions.assertThat(store.find(app.getBusinessKey()).orElseThrow().stage())
        .isEqualTo(ChildcareStore.STAGE_OFFERED);
    Assertions.assertThat(guard.events(next.getId())).extracting(RoundGuard.RoundEvent::kind)
        .containsExactlyInAnyOrder("started", "approved");
    // approved: the year is free again
    assertThat(startRound("hoiku-ku", ONE_PLACE, "2027-02")).isWaitingAt(TASK_REVIEW_ALLOCATION);
  }

  /**
   * Review C9 (two rounds open at once, as before this check or in a race): the round approved second does not
   * overwrite what the first decided (the 保留 of the first round stays, nobody gets the one place twice); it must be
   * re-run, and the re-run no longer collects the offered application.
   */
  @Test
  void aRoundWhoseApplicationsAnotherRoundDecidedMustBeReRunBeforeApproval() {
    ProcessInstance a = waitingApplication(List.of("minami"), 20, 8);
    ProcessInstance b = waitingApplication(List.of("minami"), 20, 8);
    ProcessInstance first = startRound("hoiku-ku", ONE_PLACE);
    // the second round got past the start check (opened before it existed, or raced it)
    store.jdbcForTests().update("DELETE FROM tz_childcare_round_open");
    ProcessInstance second = startRound("hoiku-ku", ONE_PLACE);
    review(first, DECISION_APPROVE);
    List<String> offered = java.util.stream.Stream.of(a, b).map(ProcessInstance::getBusinessKey)
        .filter(id -> store.find(id).orElseThrow().stage().equals(ChildcareStore.STAGE_OFFERED)).toList();
    Assertions.assertThat(offered).hasSize(1);

    assertThatThrownBy(() -> review(second, DECISION_APPROVE))
        .hasMessageContaining("他の利用調整で結果が出た申込み").hasMessageContaining("「再実行する」で調整し直してから承認してください");
    assertThat(second).isWaitingAt(TASK_REVIEW_ALLOCATION);
    Assertions.assertThat(java.util.stream.Stream.of(a, b).filter(pi -> store.find(pi.getBusinessKey()).orElseThrow()
        .stage().equals(ChildcareStore.STAGE_OFFERED)).count()).isEqualTo(1);

    // the re-run no longer collects the offered application; staff then cancel the duplicate round
    review(second, DECISION_RERUN);
    Assertions.assertThat(summary(second)).contains("2回目の実行").contains("申込み 1件、児童 1人");
    review(second, DECISION_CANCEL);
    assertThat(second).isEnded().hasPassed(TASK_CANCEL_ROUND);
    Assertions.assertThat(java.util.stream.Stream.of(a, b).filter(pi -> store.find(pi.getBusinessKey()).orElseThrow()
        .stage().equals(ChildcareStore.STAGE_OFFERED)).count()).isEqualTo(1);
    Assertions.assertThat(count(offered.get(0), "offered")).isEqualTo(1);
  }

  /**
   * Review C12: a round collects the applications of its own fiscal year only; an April round (new year) leaves the
   * old year's waiting applications (they end at the old year's end), and may run beside the old year's round.
   */
  @Test
  void anAprilRoundDoesNotTakeTheOldFiscalYearsApplications() {
    ProcessInstance old = waitingApplication(List.of("minami"), 20, 8);
    ProcessInstance december = startRound("hoiku-ku", ONE_PLACE);
    ProcessInstance april = startRound("hoiku-ku", ONE_PLACE, "2027-04");
    Assertions.assertThat(engine.getRuntimeService().getVariable(april.getId(), APPLICATION_COUNT)).isEqualTo(0L);
    Assertions.assertThat(new RoundStore(ENV.dataSource).results(april.getId())).isEmpty();
    Assertions.assertThat(engine.getRuntimeService().getVariable(december.getId(), APPLICATION_COUNT)).isEqualTo(1L);
    review(april, DECISION_APPROVE);
    Assertions.assertThat(store.find(old.getBusinessKey()).orElseThrow().stage())
        .isEqualTo(ChildcareStore.STAGE_AWAITING_ROUND);
  }

  /**
   * Review C7: the override's facility names (a tenant without a facility list keeps them) reached the summary's
   * list lines as Markdown (a link, table pipes, emphasis, a line break); the whole summary is escaped as its table.
   */
  @Test
  void theWholeReviewSummaryEscapesMarkdownOfTypedInNames() {
    waitingApplication(List.of("minami"), 20, 8);
    ProcessInstance round = startRound("hoiku-ku", "minami,[原本を開く](https://evil.example/x) | **済** `c`,1,0,0,0,0,0\n"
        + "kita,北保育園,0,0,0,0,0,0");
    String summary = summary(round);
    Assertions.assertThat(summary).doesNotContain("[原本を開く]").doesNotContain("](").doesNotContain("**済**")
        .doesNotContain("`c`").contains("原本を開く").contains("（minami）: 内定 1人");
    Assertions.assertThat(summary.lines().filter(l -> l.contains("（minami）: 内定")))
        .singleElement().satisfies(l -> Assertions.assertThat(l).doesNotContain("|"));
    review(round, DECISION_APPROVE);
  }

  // --- helpers

  static ApplicationContent.Child child(String id, LocalDate birth, String current, String... preferences) {
    // a name of its own: the same name, birth date and guardian would be the same child (review F10b)
    return new ApplicationContent.Child(id, "子 " + UUID.randomUUID().toString().substring(0, 8), birth,
        List.of(preferences), current);
  }

  static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  ProcessInstance startRound(String user, String facilities) {
    return startRound(user, facilities, "2026-12");
  }

  ProcessInstance startRound(String user, String facilities, String month) {
    engine.getIdentityService().setAuthentication(user, user.equals("hoiku-ku") ? List.of("demo-ku-hoiku")
        : List.of(), List.of(tenant));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(ID, new HashMap<>(Map.of(TENANT_ID, tenant,
          ADMISSION_MONTH, month, FACILITIES_TEXT, facilities)));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void review(ProcessInstance round, String decision) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(round.getId()).singleResult();
    engine.getTaskService().complete(task.getId(), Map.of(REVIEW_DECISION, decision));
  }

  String summary(ProcessInstance round) {
    return (String) engine.getRuntimeService().getVariable(round.getId(), RESULT_SUMMARY_TEXT);
  }

  long count(String applicationId, String kind) {
    return store.events(applicationId).stream().filter(e -> e.kind().equals(kind)).count();
  }

  /** An application without certificates (declared work), inspected and scored: waiting for the round. */
  ProcessInstance waitingApplication(List<String> preferences, int days, double hours) {
    return waitingApplication(preferences, days, hours, null, null, Map.of());
  }

  /**
   * @param childName null for a name of its own
   * @param current the current facility the parent declares (transfer), or null
   * @param confirmation what staff change in 申告内容の確認
   */
  ProcessInstance waitingApplication(List<String> preferences, int days, double hours, String childName,
      String current, Map<String, Object> confirmation) {
    return waitingApplication(List.of(new ApplicationContent.Child("c1", childName != null ? childName
        : "子 " + UUID.randomUUID().toString().substring(0, 8), LocalDate.of(2025, 6, 1), preferences, current)), null,
        days, hours, confirmation);
  }

  ProcessInstance waitingApplication(List<ApplicationContent.Child> children, Integer pattern, int days,
      double hours) {
    return waitingApplication(children, pattern, days, hours, Map.of());
  }

  /** As above, with the children of the household, its sibling pattern and what staff change in 申告内容の確認. */
  ProcessInstance waitingApplication(List<ApplicationContent.Child> children, Integer pattern, int days,
      double hours, Map<String, Object> confirmation) {
    String id = UUID.randomUUID().toString();
    ApplicationContent content = new ApplicationContent(List.of(
        new ApplicationContent.Guardian("保護者1", "work", days, hours, null, null),
        new ApplicationContent.Guardian("保護者2", "work", 20, 8.0, null, null)), false, false, false, false, false, 0,
        pattern, children,
        List.of(new ApplicationContent.Document("doc-" + id, ApplicationContent.KIND_OTHER, null, "a.pdf")));
    store.insert(new ApplicationRow(id, tenant, "parent-app", NOW, null, "0".repeat(64), 2026, "2026-12",
        ChildcareStore.STAGE_RECEIVED, content, null, null, null, null, null));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(ChildcareEnrollment.ID, id,
        new HashMap<>(Map.of(ChildcareEnrollment.TENANT_ID, tenant, ChildcareEnrollment.APPLICATION_ID, id)));
    for (LockedExternalTask t : engine.getExternalTaskService().fetchAndLock(10, "test-worker")
        .topic(Topics.DOCUMENT_INSPECTION, 60_000).execute()) {
      engine.getExternalTaskService().complete(t.getId(), "test-worker",
          Map.of(DocumentVariables.DOCUMENT_MEDIA_TYPE, "application/pdf"));
    }
    ChildcareTestEnvironment.confirmDeclaration(engine, pi.getId(), confirmation);
    assertThat(pi).isWaitingAt(ChildcareEnrollment.TASK_AWAIT_ROUND_RESULT);
    return pi;
  }
}
