package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.ApprovalCirculation;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code administrative-procedure} on a real in-memory engine with the real catalog, deadlines, store and approval
 * route (デモ区: procedures are decided by 課長 kacho-ku, then 部長 bucho-ku). One test per path.
 */
class AdministrativeProcedureProcessTest {

  static final ProcedureTestEnvironment ENV = new ProcedureTestEnvironment();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENV.configuration)
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(ApprovalRoute.ID, ApprovalCirculation.ID)
      .build();

  static final String TENANT = ProcedureTestEnvironment.TENANT;
  static final String ROAD = "road-occupancy-permit";
  /** Monday 2026-11-16 10:00 in Tokyo; 11/23 (Mon) is 勤労感謝の日. */
  static final Instant MONDAY = Instant.parse("2026-11-16T01:00:00Z");
  static boolean populated;

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(MONDAY));
    if (!populated) {
      ENV.populate(engine);
      populated = true;
    }
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void completeApplicationIsReviewedGrantedAndNotifiedWithRemindersBeforeTheDueDate() {
    ProcessInstance pi = apply(ROAD, allDocuments(ROAD));
    // 14 開庁日 from Monday 11/16, skipping 11/23 and the weekends
    assertThat(pi).isWaitingAt(TASK_REVIEW).variables().containsEntry(DUE_DATE, "2026-12-07")
        .containsEntry(COMPLETE, true).containsEntry(REVIEW_GROUP, "demo-ku-doro");
    Task review = reviewTask(pi);
    assertThat(review).hasCandidateGroup("demo-ku-doro").hasFormKey(null);
    Assertions.assertThat(review.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
    Assertions.assertThat(application(pi).status()).isEqualTo(ApplicationRecord.STATUS_UNDER_REVIEW);

    // 3 open days before (12/2 09:00 JST) staff are reminded; the open day before (12/4) supervisors take over
    Job reminder = timer(pi, EVENT_REMINDER_DUE);
    Assertions.assertThat(reminder.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    execute(reminder);
    Job escalation = timer(pi, EVENT_DUE_SOON);
    Assertions.assertThat(escalation.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
    execute(escalation);
    Assertions.assertThat(candidateGroups(reviewTask(pi))).contains("demo-ku-doro", "demo-ku-supervisors");
    Assertions.assertThat(eventTypes(pi)).contains("reminder", "escalated");

    review(pi, "staff-ku", "占用の位置・期間とも基準に適合");
    assertThat(pi).isWaitingAt(TASK_DECIDE);
    approve("kacho-ku", "適当と認めます");
    approve("bucho-ku", "許可する");

    assertThat(pi).isEnded().hasPassed(TASK_GRANT, TASK_NOTIFY, EVENT_CLOSED).variables()
        .containsEntry(OUTCOME, OUTCOME_GRANTED).containsEntry(DECIDED_BY, "bucho-ku");
    ApplicationRecord done = application(pi);
    Assertions.assertThat(done.outcome()).isEqualTo(OUTCOME_GRANTED);
    Assertions.assertThat(done.stage()).isEqualTo(ApplicationRecord.STAGE_CLOSED);
    Assertions.assertThat(message(pi, "notified")).contains("道路占用許可申請").contains("許可します")
        .contains("郵送").contains("道路法");
  }

  @Test
  void incompleteApplicationPausesTheClockUntilTheCorrectionArrivesAndTheDueDateMoves() {
    List<String[]> documents = allDocuments(ROAD).subList(0, 3); // the 工程表 is missing
    ProcessInstance pi = apply(ROAD, documents);
    assertThat(pi).isWaitingAt(TASK_AWAIT_CORRECTION).variables().containsEntry(COMPLETE, false)
        .containsEntry(CORRECTION_DUE_DATE, "2026-12-01");
    Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), MISSING_ITEMS)).contains("工程表");
    ApplicationRecord paused = application(pi);
    Assertions.assertThat(paused.clockPaused()).isTrue();
    Assertions.assertThat(paused.status()).isEqualTo(ApplicationRecord.STATUS_AWAITING_CORRECTION);

    // the correction arrives on Friday: 4 open days (11/17..11/20) did not count
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T02:00:00Z")));
    ENV.store.attach(paused.id(), ENV.document("application/pdf"), "work-schedule", Instant.now());
    runtimeService().createMessageCorrelation(MSG_CORRECTION_RECEIVED).processInstanceId(pi.getId()).correlate();

    assertThat(pi).hasPassed(TASK_RESUME_CLOCK).isWaitingAt(TASK_REVIEW).variables()
        .containsEntry(DUE_DATE, "2026-12-11");
    ApplicationRecord resumed = application(pi);
    Assertions.assertThat(resumed.clockPaused()).isFalse();
    Assertions.assertThat(resumed.pausedDays()).isEqualTo(4);
    Assertions.assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2026, 12, 11));
    Assertions.assertThat(reviewTask(pi).getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-11T08:00:00Z"));

    review(pi, "staff-ku", "補正により要件を満たした");
    approve("kacho-ku", null);
    approve("bucho-ku", null);
    assertThat(pi).isEnded().variables().containsEntry(OUTCOME, OUTCOME_GRANTED);
  }

  @Test
  void missedCorrectionDeadlineRefusesTheApplicationAsTheCatalogSays() {
    ProcessInstance pi = apply(ROAD, List.of());
    assertThat(pi).isWaitingAt(TASK_AWAIT_CORRECTION);
    Job deadline = timer(pi, EVENT_CORRECTION_DEADLINE_PASSED);
    // 10 開庁日 after 11/16 is 12/1; the deadline passes at midnight in Tokyo
    Assertions.assertThat(deadline.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    execute(deadline);

    assertThat(pi).isEnded().hasPassed(TASK_DECIDE_UNANSWERED, TASK_NOTIFY).hasNotPassed(TASK_REVIEW).variables()
        .containsEntry(OUTCOME, OUTCOME_REFUSED);
    ApplicationRecord refused = application(pi);
    Assertions.assertThat(refused.outcomeReason()).contains("補正期限（2026-12-01）").contains("拒否")
        .contains("申請書が添付されていません");
    Assertions.assertThat(message(pi, "notified")).contains("審査請求");
  }

  @Test
  void missedCorrectionDeadlineOfTheSubsidyCountsAsWithdrawn() {
    ProcessInstance pi = apply("business-subsidy", List.of(), Map.of("corporateNumber", "1180301018771",
        "companyName", "株式会社テスト", "requestedAmount", 1_000_000));
    // 14 calendar days from 11/16 is 11/30 (Monday, open)
    assertThat(pi).isWaitingAt(TASK_AWAIT_CORRECTION).variables().containsEntry(CORRECTION_DUE_DATE, "2026-11-30");
    execute(timer(pi, EVENT_CORRECTION_DEADLINE_PASSED));
    assertThat(pi).isEnded().variables().containsEntry(OUTCOME, OUTCOME_DEEMED_WITHDRAWN);
    Assertions.assertThat(application(pi).outcomeReason()).contains("取り下げられたもの");
  }

  @Test
  void invalidCorporateNumberIsACorrectionItem() {
    ProcessInstance pi = apply("business-subsidy", allDocuments("business-subsidy"), Map.of("corporateNumber",
        "1180301018772", "companyName", "株式会社テスト", "requestedAmount", 1_000_000));
    assertThat(pi).isWaitingAt(TASK_AWAIT_CORRECTION);
    Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), MISSING_ITEMS))
        .contains("法人番号が正しくありません");
  }

  @Test
  void withdrawalEndsTheCaseEvenWhileTheDecisionIsInTheApprovalRoute() {
    ProcessInstance pi = apply(ROAD, allDocuments(ROAD));
    review(pi, "staff-ku", "問題なし");
    ProcessInstance route = routeOf(pi);
    assertThat(route).isWaitingAt(ApprovalRoute.TASK_APPROVE);

    runtimeService().createMessageCorrelation(MSG_WITHDRAWAL_REQUESTED).processInstanceId(pi.getId())
        .setVariable(WITHDRAWAL_REASON, "計画を変更したため").correlate();
    assertThat(pi).isEnded().hasPassed(TASK_RECORD_WITHDRAWAL, EVENT_WITHDRAWN).hasNotPassed(TASK_NOTIFY)
        .variables().containsEntry(OUTCOME, OUTCOME_WITHDRAWN);
    assertThat(route).isEnded();
    Assertions.assertThat(application(pi).outcomeReason()).isEqualTo("計画を変更したため");
    Assertions.assertThat(message(pi, "notified")).contains("取下げを受理");
  }

  @Test
  void refusalStatesTheReasonsDraftedInReviewAfterTheOriginatorPulledTheDraftBackOnce() {
    ProcessInstance pi = apply(ROAD, allDocuments(ROAD));
    review(pi, "staff-ku", "占用期間が長すぎる");
    // 引戻し by the originator: the draft goes back to review
    runtimeService().createMessageCorrelation(ApprovalRoute.MSG_WITHDRAWN).processInstanceId(routeOf(pi).getId())
        .setVariable(ApprovalRoute.WITHDRAWN_BY, "staff-ku").setVariable(ApprovalRoute.COMMENT, "書き直します")
        .correlate();
    assertThat(pi).isWaitingAt(TASK_REVIEW).variables().containsEntry(DECISION_OUTCOME, ApprovalRoute.OUTCOME_WITHDRAWN);

    // 行政手続法8条: a refusal is drafted with its reasons, or the review cannot be completed
    assertThatThrownBy(() -> review(pi, "staff-ku", Map.of(REVIEW_SUMMARY, "基準超過",
        PROPOSED_DECISION, PROPOSED_REFUSE))).hasMessageContaining("拒否の理由");
    reviewRefusing(pi, "staff-ku", "占用期間が道路法施行令の基準を超える",
        "占用期間が道路法施行令第9条の基準（5年）を超えるため");
    approve("kacho-ku", null);
    approve("bucho-ku", null);

    assertThat(pi).isEnded().hasPassed(GATEWAY_PROPOSED_DECISION, TASK_REFUSE, TASK_NOTIFY)
        .variables().containsEntry(OUTCOME, OUTCOME_REFUSED);
    Assertions.assertThat(application(pi).outcomeReason()).isEqualTo("占用期間が道路法施行令第9条の基準（5年）を超えるため");
    Assertions.assertThat(message(pi, "notified")).contains("申請を拒否します。理由: 占用期間が道路法施行令第9条");
  }

  @Test
  void aRejectedDraftGoesBackToReviewAndDecidesNothing() {
    ProcessInstance pi = apply(ROAD, allDocuments(ROAD));
    review(pi, "staff-ku", "基準に適合");
    approve("kacho-ku", null);
    // 否認 rejects the draft, not the application: the case is reviewed again
    decide("bucho-ku", Map.of(ApprovalRoute.DECISION, ApprovalRoute.DECISION_REJECT, ApprovalRoute.COMMENT,
        "占用面積の根拠を確認すること"));
    assertThat(pi).isWaitingAt(TASK_REVIEW).variables().doesNotContainKey(OUTCOME);
    Assertions.assertThat(application(pi).outcome()).isNull();
    Assertions.assertThat(eventTypes(pi)).contains("draft-rejected");
    Assertions.assertThat(message(pi, "draft-rejected")).contains("占用面積の根拠を確認すること");

    review(pi, "staff-ku", "占用面積を確認し、基準に適合");
    approve("kacho-ku", null);
    approve("bucho-ku", null);
    assertThat(pi).isEnded().hasPassed(TASK_GRANT).variables().containsEntry(OUTCOME, OUTCOME_GRANTED);
  }

  @Test
  void unresolvedApprovalRouteSendsTheCaseBackToReview() {
    ProcessInstance pi = apply(ProcedureTestEnvironment.UNROUTED, List.of());
    assertThat(pi).isWaitingAt(TASK_REVIEW);
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("demo-ku-doro-annex"));
    review(pi, "staff-ku", "問題なし");
    assertThat(pi).hasPassed(EVENT_ROUTE_UNRESOLVED, TASK_RECORD_ROUTE_FAILURE).isWaitingAt(TASK_REVIEW);
    Assertions.assertThat(eventTypes(pi)).contains("route-unresolved");
  }

  @Test
  void staffRegisterAPaperApplicationWithItsArrivalDateFromTheStartForm() {
    Map<String, Object> form = new HashMap<>();
    form.put(TENANT_ID, TENANT);
    form.put(PROCEDURE_CODE, "outdoor-advertising-permit");
    form.put(RECEIVED_ON, "2026-11-13"); // Friday: counting starts on Monday
    form.put(APPLICANT_NAME, "デモ看板株式会社");
    form.put(PAPER_DOCUMENTS_RECEIVED, true);
    form.put(PaperApplicationForm.dataKey("outdoor-advertising-permit", "location"), "デモ区1-1");
    form.put(PaperApplicationForm.dataKey("outdoor-advertising-permit", "displayArea"), 4.5);
    form.put(PaperApplicationForm.dataKey("outdoor-advertising-permit", "displayFrom"), "2027-01-04");
    engine.getIdentityService().setAuthentication("staff-ku", List.of(), List.of(TENANT));
    ProcessInstance pi = engine.getFormService().submitStartForm(
        engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ID).latestVersion()
            .singleResult().getId(), form);
    engine.getIdentityService().clearAuthentication();

    // 20 開庁日 after Friday 11/13: 11/16..12/14 without 11/23 and weekends
    assertThat(pi).isWaitingAt(TASK_REVIEW).variables().containsEntry(DUE_DATE, "2026-12-14")
        .containsEntry(REVIEW_GROUP, "demo-ku-toshikeikaku");
    ApplicationRecord paper = application(pi);
    Assertions.assertThat(paper.channel()).isEqualTo(ApplicationRecord.CHANNEL_PAPER);
    Assertions.assertThat(paper.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 13));
    Assertions.assertThat(paper.createdBy()).isEqualTo("staff-ku");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo(paper.id());
  }

  @Test
  void aPaperApplicationForAnotherTenantOrInTheFutureIsNotRegistered() {
    Map<String, Object> form = new HashMap<>();
    form.put(TENANT_ID, TENANT);
    form.put(PROCEDURE_CODE, ROAD);
    form.put(RECEIVED_ON, "2026-11-17");
    form.put(APPLICANT_NAME, "未来の申請者");
    long before = runtimeService().createProcessInstanceQuery().count();
    // nobody logged in (a timer, a route): paper is registered by staff only
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ID, form))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ログインした職員");
    engine.getIdentityService().setAuthentication("staff-ku", List.of(), List.of(TENANT));
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ID, form))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("未来の日付");
    engine.getIdentityService().clearAuthentication();
    form.put(RECEIVED_ON, "2026-11-16");
    engine.getIdentityService().setAuthentication("staff-shi", List.of(), List.of("demo-shi"));
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ID, form))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("権限がありません");
    engine.getIdentityService().clearAuthentication();
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  // --- helpers: the application as the API creates it, then the process started for it ---

  private ProcessInstance apply(String code, List<String[]> documents) {
    return apply(code, documents, dataOf(code));
  }

  private ProcessInstance apply(String code, List<String[]> documents, Map<String, Object> data) {
    Procedure procedure = ENV.catalog.find(code).orElseThrow();
    String id = UUID.randomUUID().toString();
    LocalDate today = LocalDate.of(2026, 11, 16);
    LocalDate due = ProcedureDeadlines.dueDate(jp.tetsuzuki.processes.calendar.OfficeCalendar.standard(), procedure,
        today, List.of());
    ENV.store.insert(new ApplicationRecord(id, TENANT, code, procedure.version(), null,
        ApplicationRecord.CHANNEL_ONLINE, ApplicationRecord.STATUS_RECEIVED, ApplicationRecord.STAGE_ARRIVAL,
        today, due, false, null, 0, null, "{\"name\":\"デモ建設株式会社\"}", json(data), null, null, "api-client",
        MONDAY), MONDAY);
    for (String[] d : documents) {
      ENV.store.attach(id, ENV.document(d[1]), d[0], MONDAY);
    }
    return runtimeService().createProcessInstanceByKey(ID).businessKey(id)
        .setVariables(Map.of(TENANT_ID, TENANT, APPLICATION_ID, id, PROCEDURE_CODE, code)).execute();
  }

  private static Map<String, Object> dataOf(String code) {
    return switch (code) {
      case ROAD -> Map.of("roadName", "区道1号", "occupancyFrom", "2027-01-04", "occupancyTo", "2027-03-31",
          "occupancyArea", 12.5);
      default -> Map.of();
    };
  }

  private static List<String[]> allDocuments(String code) {
    return ENV.catalog.find(code).orElseThrow().documents().stream()
        .map(d -> new String[] {d.kind(), "application/pdf"}).toList();
  }

  private static String json(Map<String, Object> data) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(data);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Task reviewTask(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_REVIEW)
        .singleResult();
  }

  private void review(ProcessInstance pi, String user, String summary) {
    review(pi, user, Map.of(REVIEW_SUMMARY, summary, PROPOSED_DECISION, PROPOSED_GRANT));
  }

  private void reviewRefusing(ProcessInstance pi, String user, String summary, String reasons) {
    review(pi, user, Map.of(REVIEW_SUMMARY, summary, PROPOSED_DECISION, PROPOSED_REFUSE, REFUSAL_REASONS, reasons));
  }

  private void review(ProcessInstance pi, String user, Map<String, Object> variables) {
    Task task = reviewTask(pi);
    taskService().claim(task.getId(), user);
    engine.getIdentityService().setAuthentication(user, List.of(), List.of(TENANT));
    try {
      taskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private ProcessInstance routeOf(ProcessInstance pi) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
  }

  private void approve(String user, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ApprovalRoute.DECISION, ApprovalRoute.DECISION_APPROVE);
    if (comment != null) {
      variables.put(ApprovalRoute.COMMENT, comment);
    }
    decide(user, variables);
  }

  private void decide(String user, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, List.of(), List.of(TENANT));
    Task task = taskService().createTaskQuery().taskAssignee(user).taskDefinitionKey(ApprovalRoute.TASK_APPROVE)
        .singleResult();
    taskService().complete(task.getId(), variables);
    engine.getIdentityService().clearAuthentication();
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private ApplicationRecord application(ProcessInstance pi) {
    String id = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(APPLICATION_ID).singleResult().getValue();
    return ENV.store.get(id);
  }

  private List<String> eventTypes(ProcessInstance pi) {
    return ENV.store.events(application(pi).id()).stream().map(ApplicationStore.Event::type).toList();
  }

  private String message(ProcessInstance pi, String type) {
    return ENV.store.events(application(pi).id()).stream().filter(e -> e.type().equals(type))
        .map(ApplicationStore.Event::message).findFirst().orElseThrow(() -> new AssertionError("no event " + type));
  }
}
