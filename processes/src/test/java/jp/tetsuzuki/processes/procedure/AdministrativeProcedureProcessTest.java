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
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import jp.tetsuzuki.bpmn.ApplicantNotice;
import jp.tetsuzuki.bpmn.ApprovalCirculation;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Errors;
import jp.tetsuzuki.bpmn.LegacyEntryVariables;
import jp.tetsuzuki.bpmn.NotificationVariables;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.processes.support.TestEngines;
import jp.tetsuzuki.workers.notification.ApplicantNotifier;
import jp.tetsuzuki.workers.WorkersSettings;
import jp.tetsuzuki.workers.notification.JdbcNotificationLog;
import jp.tetsuzuki.workers.notification.NotificationLogDatabase;
import jp.tetsuzuki.workers.notification.MailTemplates;
import jp.tetsuzuki.workers.notification.Notification;
import jp.tetsuzuki.workers.notification.UndeliverableException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.mail.javamail.JavaMailSenderImpl;
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
      .assertClassCoverageAtLeast(1.0)
      .excludeProcessDefinitionKeys(ApprovalRoute.ID, ApprovalCirculation.ID)
      .build();

  static final String TENANT = ProcedureTestEnvironment.TENANT;
  static final String ROAD = "road-occupancy-permit";
  /** Notified by mail (catalog: notification.channel email), no legacy register. */
  static final String OUTDOOR = "outdoor-advertising-permit";
  static final String OUTDOOR_APPLICANT = "{\"name\":\"デモ看板株式会社\",\"email\":\"info@demo-kanban.example.jp\"}";
  static final RecordingMailSender MAIL = new RecordingMailSender();
  /**
   * The notification worker's own sender and exactly-once log (tz_notification_log), in a database of its own as in
   * production (the platform's database has no such table since V54).
   */
  static final ApplicantNotifier NOTIFIER = notifier();
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
    // the reviewer reads what the applicant submitted, typed and labelled from the catalog (a text, no input)
    Assertions.assertThat((String) taskService().getVariableLocal(review.getId(), APPLICATION_DETAILS))
        .contains("| 道路名 | 区道1号 |", "| 占用開始日 | 2027年1月4日 |", "| 占用面積（平方メートル） | 12.5 |",
            "| 占用料（月額・円） | 3,200 |", "| 郵便番号 | 100\\-0001 |");
    // the attachments as staff review them: kind and file name from the document store, not bare ids
    Assertions.assertThat((String) taskService().getVariableLocal(review.getId(), ATTACHMENT_LIST))
        .contains("| 申請書 | application\\-form\\.pdf | 検査済み |", "| 工程表 | work\\-schedule\\.pdf | 検査済み |");
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
    Task approval = taskService().createTaskQuery().taskAssignee("kacho-ku")
        .taskDefinitionKey(ApprovalRoute.TASK_APPROVE).singleResult();
    Assertions.assertThat((String) taskService().getVariable(approval.getId(), ApprovalRoute.ATTACHMENTS_TEXT))
        .contains("・申請書: application-form.pdf（検査済み、文書ID ").contains("・位置図: location-map.pdf");
    approve("kacho-ku", "適当と認めます");
    approve("bucho-ku", "許可する");
    enterLegacyRegister(pi);

    assertThat(pi).isWaitingAt(TASK_SEND_DECISION_NOTICE);
    Assertions.assertThat(postNotices(pi)).singleElement().asString().contains("許可します");
    assertThat(pi).isEnded().hasPassed(TASK_GRANT, TASK_NOTIFY, EVENT_CLOSED).variables()
        .containsEntry(OUTCOME, OUTCOME_GRANTED).containsEntry(DECIDED_BY, "bucho-ku");
    ApplicationRecord done = application(pi);
    Assertions.assertThat(done.outcome()).isEqualTo(OUTCOME_GRANTED);
    Assertions.assertThat(done.stage()).isEqualTo(ApplicationRecord.STAGE_CLOSED);
    Assertions.assertThat(message(pi, "notified")).contains("道路占用許可申請").contains("許可します")
        .contains("道路法").doesNotContain("通知方法");
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
    // only the new document is inspected
    Assertions.assertThat(inspectAll(pi)).isEqualTo(1);

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
    enterLegacyRegister(pi);
    postNotices(pi);
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

    postNotices(pi);
    assertThat(pi).isEnded().hasPassed(TASK_DECIDE_UNANSWERED, TASK_NOTIFY).hasNotPassed(TASK_REVIEW).variables()
        .containsEntry(OUTCOME, OUTCOME_REFUSED);
    ApplicationRecord refused = application(pi);
    Assertions.assertThat(refused.outcomeReason()).contains("補正期限（2026-12-01）").contains("拒否")
        .contains("申請書が添付されていません");
    Assertions.assertThat(message(pi, "notified")).contains("審査請求", "取消しの訴え", "3か月以内", "6か月以内");
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
  void theCorrectionLetterOfAProcedureWhoseCatalogSaysDeemedWithdrawnTellsTheApplicantSo() {
    // review (newcomer #14): the 補正 letter said 「そのまま判断することになります」 for correction.onTimeout: deemed-withdrawn
    ProcessInstance pi = apply("business-subsidy", List.of(), Map.of("corporateNumber", "1180301018771",
        "companyName", "株式会社テスト", "requestedAmount", 1_000_000),
        "{\"name\":\"株式会社テスト\",\"email\":\"info@test.example.jp\"}");
    assertThat(pi).isWaitingAt(TASK_AWAIT_CORRECTION);
    // the subsidy's notices go to the portal: the letter is what applicant-notice prepared, as a mail would say it
    String notice = engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(ApplicantNotice.ID).list().get(0).getId();
    Map<String, Object> prepared = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(notice).list()
        .forEach(v -> {
          if (v.getValue() != null) {
            prepared.put(v.getName(), v.getValue());
          }
        });
    Assertions.assertThat(prepared).containsEntry(ApplicantNotice.CORRECTION_CONSEQUENCE,
        "期限までに補正がない場合は、申請は取り下げられたものとして扱います。");
    String letter = new MailTemplates().render(NotificationVariables.EVENT_CORRECTION_REQUESTED, prepared).body();
    Assertions.assertThat(letter).contains("期限までに補正がない場合は、申請は取り下げられたものとして扱います。",
        "補正の期限：2026年11月30日").doesNotContain("そのまま判断", "拒否", "補正を求めました");
    // the deadline and the pause are said once, as a letter; the staff history keeps its own sentence
    Assertions.assertThat(letter.split("一時停止", -1)).hasSize(2);
    Assertions.assertThat(letter.split("2026年11月30日", -1)).hasSize(2);
    Assertions.assertThat(message(pi, "correction-requested")).startsWith("補正を求めました（補正期限 2026-11-30）");
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
        .setVariable(WITHDRAWAL_REASON, "計画を変更したため").setVariable(WITHDRAWAL_REQUESTED_BY, "api-client")
        .correlate();
    postNotices(pi);
    assertThat(pi).isEnded().hasPassed(TASK_RECORD_WITHDRAWAL, EVENT_WITHDRAWN).hasNotPassed(TASK_NOTIFY)
        .variables().containsEntry(OUTCOME, OUTCOME_WITHDRAWN);
    assertThat(route).isEnded();
    Assertions.assertThat(application(pi).outcomeReason()).isEqualTo("計画を変更したため");
    Assertions.assertThat(message(pi, "notified")).contains("取下げを受理");
    Assertions.assertThat(ENV.store.events(application(pi).id()).stream().filter(e -> e.type().equals("withdrawn"))
        .findFirst().orElseThrow().actor()).isEqualTo("api-client");
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

    postNotices(pi);
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
    enterLegacyRegister(pi);
    postNotices(pi);
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

  // --- the workers: document inspection, notices, the legacy register ---

  @Test
  void aRefusedAttachmentMakesACorrectionRequestNamingTheFileAndTheReason() {
    List<String[]> documents = new java.util.ArrayList<>(allDocuments(ROAD));
    documents.set(1, new String[] {"location-map", "application/pdf", "位置図_暗号化.pdf"});
    ProcessInstance pi = start(ROAD, documents, dataOf(ROAD), "{\"name\":\"デモ建設株式会社\"}");
    // every attachment is inspected before the completeness check, each by its own task
    List<LockedExternalTask> inspections = fetch(Topics.DOCUMENT_INSPECTION, pi, 10);
    Assertions.assertThat(inspections).hasSize(4);
    assertThat(pi).isWaitingAt(TASK_INSPECT_DOCUMENT).hasNotPassed(TASK_CHECK_COMPLETENESS);
    for (LockedExternalTask task : inspections) {
      if (fileName(task).equals("位置図_暗号化.pdf")) {
        // a worker answers what it likes: only the reason is taken, and bounded
        engine.getExternalTaskService().handleBpmnError(task.getId(), WORKER, Errors.DOCUMENT_REFUSED,
            "encrypted", Map.of(DocumentVariables.REFUSAL_CODE, "ENCRYPTED", DocumentVariables.REFUSAL_REASON,
                "PDF にパスワードが設定されているため開けません。パスワードを外して提出してください。"));
      } else {
        accept(task);
      }
    }

    assertThat(pi).hasPassed(TASK_RECORD_REFUSAL, TASK_CHECK_COMPLETENESS, TASK_REQUEST_CORRECTION)
        .isWaitingAt(TASK_AWAIT_CORRECTION);
    Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), MISSING_ITEMS))
        .contains("「位置図_暗号化.pdf」（位置図）は受け付けられません。PDF にパスワードが設定されているため開けません。")
        .doesNotContain("位置図が添付されていません");
    Assertions.assertThat(message(pi, "correction-requested")).contains("位置図_暗号化.pdf").contains("パスワード");

    // the applicant sends the map again: only the new file is inspected, and the case goes to review
    ENV.store.attach(application(pi).id(), ENV.document("application/pdf", "位置図.pdf"), "location-map", MONDAY);
    runtimeService().createMessageCorrelation(MSG_CORRECTION_RECEIVED).processInstanceId(pi.getId()).correlate();
    Assertions.assertThat(inspectAll(pi)).isEqualTo(1);
    assertThat(pi).isWaitingAt(TASK_REVIEW).variables().containsEntry(COMPLETE, true);
  }

  @Test
  void aDocumentTheMachineCannotReadIsTranscribedByStaffBeforeTheCompletenessCheck() {
    ProcessInstance pi = start(ROAD, allDocuments(ROAD), dataOf(ROAD), "{\"name\":\"デモ建設株式会社\"}");
    List<LockedExternalTask> inspections = fetch(Topics.DOCUMENT_INSPECTION, pi, 10);
    var external = engine.getExternalTaskService();
    external.handleBpmnError(inspections.get(0).getId(), WORKER, Errors.DOCUMENT_UNREADABLE, "no text");
    external.handleBpmnError(inspections.get(1).getId(), WORKER, Errors.OCR_UNAVAILABLE, "tesseract missing");
    accept(inspections.get(2));
    accept(inspections.get(3));

    List<Task> transcriptions = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_TRANSCRIBE_DOCUMENT).list();
    Assertions.assertThat(transcriptions).hasSize(2);
    assertThat(transcriptions.get(0)).hasCandidateGroup("demo-ku-doro");
    Assertions.assertThat(taskService().getVariable(transcriptions.get(0).getId(), "documentName"))
        .asString().endsWith(".pdf");
    assertThat(pi).hasNotPassed(TASK_CHECK_COMPLETENESS);
    Assertions.assertThat(eventTypes(pi)).contains("transcription-needed");

    assertThatThrownBy(() -> completeAs("staff-ku", transcriptions.get(0), Map.of(TRANSCRIPTION, " ")))
        .hasMessageContaining("書類の内容を入力してください");
    for (Task task : transcriptions) {
      completeAs("staff-ku", task, Map.of(TRANSCRIPTION, "申請者 デモ建設株式会社　占用場所 区道1号"));
    }
    assertThat(pi).hasPassed(TASK_CHECK_COMPLETENESS).isWaitingAt(TASK_REVIEW);
    Assertions.assertThat(ENV.store.inspections(application(pi).id())).extracting(ApplicationStore.Inspected::inspection)
        .containsOnly(ApplicationStore.INSPECTION_ACCEPTED, ApplicationStore.INSPECTION_TRANSCRIBED);
    Assertions.assertThat(ENV.store.events(application(pi).id())).filteredOn(e -> e.type().equals("document-transcribed"))
        .extracting(ApplicationStore.Event::actor).containsOnly("staff-ku");
  }

  @Test
  void aWorkerCannotRewriteTheResultOfAnotherDocumentOfTheCase() {
    // review finding: a worker pointed its report at a document already accepted and turned it into a refusal
    ProcessInstance pi = start(ROAD, allDocuments(ROAD), dataOf(ROAD), "{\"name\":\"デモ建設株式会社\"}");
    List<LockedExternalTask> inspections = fetch(Topics.DOCUMENT_INSPECTION, pi, 10);
    accept(inspections.get(0));
    String accepted = (String) inspections.get(0).getVariables().get(DocumentVariables.DOCUMENT_ID);
    var external = engine.getExternalTaskService();
    assertThatThrownBy(() -> external.handleBpmnError(inspections.get(1).getId(), WORKER, Errors.DOCUMENT_REFUSED,
        "forged", Map.of(DocumentVariables.DOCUMENT_ID, accepted, DocumentVariables.REFUSAL_REASON, "偽造です")))
        .hasStackTraceContaining("既に記録されています");
    Assertions.assertThat(ENV.store.inspections(application(pi).id()))
        .filteredOn(i -> i.documentId().equals(accepted)).extracting(ApplicationStore.Inspected::inspection)
        .containsExactly(ApplicationStore.INSPECTION_ACCEPTED);
  }

  @Test
  void aDocumentNobodyInspectedIsNeverTakenAsComplete() {
    ProcessInstance pi = start(ROAD, allDocuments(ROAD), dataOf(ROAD), "{\"name\":\"デモ建設株式会社\"}");
    List<LockedExternalTask> inspections = fetch(Topics.DOCUMENT_INSPECTION, pi, 10);
    accept(inspections.get(0));
    // a report that names the first document again for the second one's task: refused, nothing recorded
    String first = (String) inspections.get(0).getVariables().get(DocumentVariables.DOCUMENT_ID);
    assertThatThrownBy(() -> engine.getExternalTaskService().complete(inspections.get(1).getId(), WORKER,
        Map.of(DocumentVariables.DOCUMENT_ID, first, DocumentVariables.DOCUMENT_MEDIA_TYPE, "application/pdf")))
        .hasStackTraceContaining("既に記録されています");
    // a file attached while the inspections ran (not in their collection) is named, not taken as complete
    ENV.store.attach(application(pi).id(), ENV.document("application/pdf", "追加の図面.pdf"), "location-map", MONDAY);
    inspections.subList(1, inspections.size()).forEach(this::accept);
    Assertions.assertThat(ENV.store.events(application(pi).id())).filteredOn(e -> e.type().equals(
        "completeness-checked")).last().extracting(ApplicationStore.Event::message).asString()
        .contains("追加の図面.pdf", "検査が終わっていません");
    assertThat(pi).isNotWaitingAt(TASK_REVIEW);
  }

  @Test
  void aTranscriptionIsNotReusedForTheNextDocument() {
    // review finding: an empty completion of the second transcription task took the first one's text
    ProcessInstance pi = start(ROAD, allDocuments(ROAD), dataOf(ROAD), "{\"name\":\"デモ建設株式会社\"}");
    List<LockedExternalTask> inspections = fetch(Topics.DOCUMENT_INSPECTION, pi, 10);
    var external = engine.getExternalTaskService();
    external.handleBpmnError(inspections.get(0).getId(), WORKER, Errors.DOCUMENT_UNREADABLE, "no text");
    external.handleBpmnError(inspections.get(1).getId(), WORKER, Errors.DOCUMENT_UNREADABLE, "no text");
    List<Task> transcriptions = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_TRANSCRIBE_DOCUMENT).list();
    completeAs("staff-ku", transcriptions.get(0), Map.of(TRANSCRIPTION, "申請者 デモ建設株式会社"));
    assertThatThrownBy(() -> completeAs("staff-ku", transcriptions.get(1), Map.of()))
        .hasMessageContaining("書類の内容を入力してください");
  }

  @Test
  void eachNoticeIsMailedOnceAndARedeliveredTaskSendsNothing() throws Exception {
    MAIL.clear();
    ProcessInstance pi = apply(OUTDOOR, allDocuments(OUTDOOR).subList(0, 3), dataOf(OUTDOOR), OUTDOOR_APPLICANT);
    assertThat(pi).isWaitingAt(TASK_AWAIT_CORRECTION);
    ProcessInstance notice = noticeOf(pi);
    assertThat(notice).isWaitingAt(ApplicantNotice.TASK_MAIL_NOTICE).variables()
        .containsEntry(NotificationVariables.APPLICANT_EMAIL, "info@demo-kanban.example.jp")
        .containsEntry(ApplicantNotice.NOTICE_TEMPLATE, NotificationVariables.EVENT_CORRECTION_REQUESTED);

    // the worker sends, then dies before it completes the task; the lock runs out and the task comes again
    LockedExternalTask first = fetch(Topics.NOTIFY_APPLICANT, notice, 1).get(0);
    Assertions.assertThat(first.getVariables().get(NotificationVariables.NOTIFICATION_OCCURRENCE))
        .isEqualTo(runtimeService().getVariable(pi.getId(), NOTICE_EVENT_ID));
    ApplicantNotifier.Delivery sent = deliver(first);
    Assertions.assertThat(sent.sentNow()).isTrue();
    ClockUtil.setCurrentTime(Date.from(MONDAY.plusSeconds(120)));
    LockedExternalTask redelivered = fetch(Topics.NOTIFY_APPLICANT, notice, 1).get(0);
    Assertions.assertThat(redelivered.getId()).isEqualTo(first.getId());
    ApplicantNotifier.Delivery again = deliver(redelivered);
    Assertions.assertThat(again.sentNow()).isFalse();
    Assertions.assertThat(again.messageId()).isEqualTo(sent.messageId());
    engine.getExternalTaskService().complete(redelivered.getId(), WORKER,
        Map.of(NotificationVariables.NOTIFICATION_MESSAGE_ID, again.messageId(), OUTCOME, OUTCOME_GRANTED));

    Assertions.assertThat(MAIL.sent()).hasSize(1);
    Assertions.assertThat(MAIL.sent().get(0).getSubject()).contains("補正のお願い");
    Assertions.assertThat(MAIL.body(0)).contains("承諾書が添付されていません").contains("デモ看板株式会社 様");
    assertThat(notice).isEnded().hasPassed(ApplicantNotice.TASK_RECORD_MAIL_SENT);
    Assertions.assertThat(message(pi, "mail-sent")).contains("補正の求め").contains(sent.messageId());
    // a variable the worker added does not decide anything in the case
    Assertions.assertThat(application(pi).outcome()).isNull();

    // the decision is another event: one more mail, with the notice as recorded
    ENV.store.attach(application(pi).id(), ENV.document("application/pdf", "承諾書.pdf"), "owner-consent", MONDAY);
    runtimeService().createMessageCorrelation(MSG_CORRECTION_RECEIVED).processInstanceId(pi.getId()).correlate();
    inspectAll(pi);
    review(pi, "staff-ku", "基準に適合");
    approve("kacho-ku", null);
    approve("bucho-ku", null);
    assertThat(pi).hasPassed(TASK_GRANT, TASK_NOTIFY).hasNotPassed(TASK_ENTER_LEGACY_REGISTER)
        .isWaitingAt(TASK_SEND_DECISION_NOTICE);
    LockedExternalTask decision = fetch(Topics.NOTIFY_APPLICANT, noticeOf(pi), 1).get(0);
    ApplicantNotifier.Delivery decided = deliver(decision);
    engine.getExternalTaskService().complete(decision.getId(), WORKER,
        Map.of(NotificationVariables.NOTIFICATION_MESSAGE_ID, decided.messageId()));
    Assertions.assertThat(decided.messageId()).isNotEqualTo(sent.messageId());
    Assertions.assertThat(MAIL.sent()).hasSize(2);
    Assertions.assertThat(MAIL.body(1)).contains("申請のとおり許可します").contains("屋外広告物条例")
        .contains("処分庁：", "処分日：2026年11月16日", "お問い合わせ：").doesNotContain("通知方法", "{");
    Assertions.assertThat(MAIL.body(0)).contains("補正の期限：", "電子申請サービスから",
        "拒否することになります（行政手続法第7条）").doesNotContain("そのまま判断", "補正を求めました");
    assertThat(pi).isEnded().variables().containsEntry(OUTCOME, OUTCOME_GRANTED);
    Assertions.assertThat(eventTypes(pi)).containsSubsequence("correction-requested", "mail-sent", "notified",
        "mail-sent");
  }

  @Test
  void theApplicantIsRemindedByMailOnceThreeOpenDaysBeforeTheCorrectionDeadline() throws Exception {
    MAIL.clear();
    ProcessInstance pi = apply(OUTDOOR, allDocuments(OUTDOOR).subList(0, 3), dataOf(OUTDOOR), OUTDOOR_APPLICANT);
    assertThat(pi).isWaitingAt(TASK_AWAIT_CORRECTION).variables().containsEntry(CORRECTION_DUE_DATE, "2026-12-01");
    LockedExternalTask request = fetch(Topics.NOTIFY_APPLICANT, noticeOf(pi), 1).get(0);
    engine.getExternalTaskService().complete(request.getId(), WORKER,
        Map.of(NotificationVariables.NOTIFICATION_MESSAGE_ID, deliver(request).messageId()));

    // 補正期限 Tue 12/1: 3 open days before it are 11/30, 11/27 and Thu 11/26, 09:00 in Tokyo
    Job reminder = timer(pi, EVENT_CORRECTION_REMINDER_DUE);
    Assertions.assertThat(reminder.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T00:00:00Z")));
    execute(reminder);
    assertThat(pi).hasPassed(TASK_RECORD_CORRECTION_REMINDER).isWaitingAt(TASK_AWAIT_CORRECTION,
        TASK_SEND_CORRECTION_REMINDER);
    Assertions.assertThat(message(pi, "correction-reminder")).contains("補正期限（2026-12-01）")
        .contains("拒否することになります").contains("承諾書が添付されていません");
    Assertions.assertThat(application(pi).clockPaused()).isTrue();

    // one mail for the reminder event, although its task is delivered twice
    ProcessInstance notice = noticeOf(pi);
    assertThat(notice).variables().containsEntry(ApplicantNotice.NOTICE_TEMPLATE,
        NotificationVariables.EVENT_CORRECTION_REMINDER);
    LockedExternalTask first = fetch(Topics.NOTIFY_APPLICANT, notice, 1).get(0);
    Assertions.assertThat(first.getVariables().get(NotificationVariables.NOTIFICATION_OCCURRENCE))
        .isEqualTo(runtimeService().getVariable(pi.getId(), CORRECTION_REMINDER_EVENT_ID))
        .isNotEqualTo(request.getVariables().get(NotificationVariables.NOTIFICATION_OCCURRENCE));
    ApplicantNotifier.Delivery sent = deliver(first);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T00:03:00Z")));
    LockedExternalTask redelivered = fetch(Topics.NOTIFY_APPLICANT, notice, 1).get(0);
    ApplicantNotifier.Delivery again = deliver(redelivered);
    Assertions.assertThat(sent.sentNow()).isTrue();
    Assertions.assertThat(again.sentNow()).isFalse();
    engine.getExternalTaskService().complete(redelivered.getId(), WORKER,
        Map.of(NotificationVariables.NOTIFICATION_MESSAGE_ID, again.messageId()));

    Assertions.assertThat(MAIL.sent()).hasSize(2);
    Assertions.assertThat(MAIL.sent().get(1).getSubject()).contains("補正の期限が近づいています");
    Assertions.assertThat(MAIL.body(1)).contains("デモ看板株式会社 様").contains("補正期限（2026年12月1日）")
        .contains("承諾書が添付されていません");
    assertThat(notice).isEnded().hasPassed(ApplicantNotice.TASK_RECORD_MAIL_SENT);
    assertThat(pi).hasPassed(TASK_SEND_CORRECTION_REMINDER, EVENT_CORRECTION_REMINDED)
        .isWaitingAt(TASK_AWAIT_CORRECTION);
    Assertions.assertThat(eventTypes(pi)).containsSubsequence("correction-requested", "mail-sent",
        "correction-reminder", "mail-sent");
    Assertions.assertThat(ENV.store.events(application(pi).id()).stream().filter(e -> e.type().equals("mail-sent"))
        .map(ApplicationStore.Event::message).toList()).last().asString().contains("補正期限が近いことのお知らせ")
        .contains(sent.messageId());

    // no correction by the deadline: refused as the catalog says, no second reminder
    execute(timer(pi, EVENT_CORRECTION_DEADLINE_PASSED));
    Assertions.assertThat(eventTypes(pi).stream().filter("correction-reminder"::equals)).hasSize(1);
    Assertions.assertThat(application(pi).outcome()).isEqualTo(OUTCOME_REFUSED);
  }

  @Test
  void aProcedureWithoutCorrectionRemindersSetsNoReminderBeforeTheDeadline() {
    // the subsidy: 14 calendar days, reminded 3 open days before 11/30 (Wed 11/25); the catalog may say 0
    ProcessInstance pi = apply("business-subsidy", List.of(), Map.of("corporateNumber", "1180301018771",
        "companyName", "株式会社テスト", "requestedAmount", 1_000_000));
    Assertions.assertThat(timer(pi, EVENT_CORRECTION_REMINDER_DUE).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    Procedure subsidy = ENV.catalog.find("business-subsidy").orElseThrow();
    Procedure silent = new Procedure(subsidy.code(), subsidy.version(), subsidy.name(), subsidy.tenants(),
        subsidy.legalBasis(), subsidy.standardPeriod(), subsidy.documents(), subsidy.fields(), subsidy.review(),
        subsidy.decisionAuthority(), subsidy.notification(), new Procedure.Correction(
            subsidy.correction().deadline(), subsidy.correction().onTimeout(), 0), subsidy.arrivalDateMaxAge(),
        subsidy.legacyRegister());
    jp.tetsuzuki.processes.calendar.OfficeCalendar calendar = jp.tetsuzuki.processes.calendar.OfficeCalendar
        .standard();
    Assertions.assertThat(ProcedureDeadlines.correctionReminderAt(calendar, silent, LocalDate.of(2026, 11, 16),
        LocalDate.of(2026, 11, 30))).isEmpty();
    // a reminder day on or before the request is no reminder either
    Assertions.assertThat(ProcedureDeadlines.correctionReminderAt(calendar, subsidy, LocalDate.of(2026, 11, 25),
        LocalDate.of(2026, 11, 30))).isEmpty();
  }

  @Test
  void aNoticeThatCannotBeMailedIsRecordedAndStaffPostIt() throws Exception {
    MAIL.clear();
    ProcessInstance pi = apply(OUTDOOR, allDocuments(OUTDOOR), dataOf(OUTDOOR), "{\"name\":\"デモ看板株式会社\"}");
    runtimeService().createMessageCorrelation(MSG_WITHDRAWAL_REQUESTED).processInstanceId(pi.getId())
        .setVariable(WITHDRAWAL_REASON, "出店を取りやめたため").correlate();
    ProcessInstance notice = noticeOf(pi);
    LockedExternalTask mail = fetch(Topics.NOTIFY_APPLICANT, notice, 1).get(0);
    assertThatThrownBy(() -> deliver(mail)).isInstanceOf(UndeliverableException.class);
    engine.getExternalTaskService().handleBpmnError(mail.getId(), WORKER, Errors.NOTIFICATION_UNDELIVERABLE,
        "the applicant has no mail address");

    assertThat(notice).hasPassed(ApplicantNotice.TASK_RECORD_UNDELIVERABLE)
        .isWaitingAt(ApplicantNotice.TASK_NOTIFY_BY_POST);
    Assertions.assertThat(message(pi, "mail-undeliverable")).contains("取下げの受理の通知").contains("郵送");
    Task post = taskService().createTaskQuery().processInstanceId(notice.getId()).singleResult();
    assertThat(post).hasCandidateGroup("demo-ku-toshikeikaku");
    Assertions.assertThat((String) taskService().getVariable(post.getId(), ApplicantNotice.NOTICE_TEXT))
        .contains("取下げを受理");
    assertThatThrownBy(() -> completeAs("staff-ku", post, Map.of(ApplicantNotice.POSTED_ON, "2026-11-17")))
        .hasMessageContaining("郵送した日");
    completeAs("staff-ku", post, Map.of(ApplicantNotice.POSTED_ON, "2026-11-16"));
    assertThat(pi).isEnded().hasPassed(TASK_SEND_WITHDRAWAL_NOTICE, EVENT_WITHDRAWN);
    Assertions.assertThat(message(pi, "posted")).contains("2026-11-16");
    Assertions.assertThat(MAIL.sent()).isEmpty();
  }

  @Test
  void aPostChannelNoticeGivesStaffThePostingTaskWhileTheCorrectionDeadlineRuns() {
    // road-occupancy-permit notifies by post: the 補正 request is a task 「通知を郵送する」 with the text to print
    MAIL.clear();
    ProcessInstance pi = apply(ROAD, allDocuments(ROAD).subList(0, 3));
    assertThat(pi).isWaitingAt(TASK_AWAIT_CORRECTION);
    ProcessInstance notice = noticeOf(pi);
    assertThat(notice).hasPassed(ApplicantNotice.GATEWAY_CHANNEL).isWaitingAt(ApplicantNotice.TASK_NOTIFY_BY_POST)
        .hasNotPassed(ApplicantNotice.TASK_MAIL_NOTICE, ApplicantNotice.EVENT_NOT_BY_MAIL);
    Task post = taskService().createTaskQuery().processInstanceId(notice.getId()).singleResult();
    assertThat(post).hasName("通知を郵送する").hasCandidateGroup("demo-ku-doro")
        .hasFormKey(null);
    Assertions.assertThat((String) taskService().getVariable(post.getId(), ApplicantNotice.NOTICE_TEXT))
        .contains("補正").contains("工程表");
    Assertions.assertThat((String) taskService().getVariable(post.getId(), ApplicantNotice.POST_REASON))
        .contains("郵送");
    Assertions.assertThat(message(pi, "post-requested")).contains("補正の求め").contains("郵送");
    Assertions.assertThat(eventTypes(pi)).doesNotContain("posted");

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-17T02:00:00Z")));
    completeAs("staff-ku", post, Map.of(ApplicantNotice.POSTED_ON, "2026-11-17"));
    assertThat(notice).isEnded().hasPassed(ApplicantNotice.EVENT_POSTED);
    Assertions.assertThat(message(pi, "posted")).contains("補正の求め").contains("2026-11-17");
    Assertions.assertThat(ENV.store.events(application(pi).id()).stream().filter(e -> e.type().equals("posted"))
        .findFirst().orElseThrow().actor()).isEqualTo("staff-ku");
    // the case itself still waits for the correction
    assertThat(pi).isWaitingAt(TASK_AWAIT_CORRECTION);
    Assertions.assertThat(MAIL.sent()).isEmpty();
  }

  @Test
  void aGrantedRoadPermitIsEnteredIntoTheRoadRegisterWithItsScreenTrail() {
    ProcessInstance pi = apply(ROAD, allDocuments(ROAD));
    review(pi, "staff-ku", "基準に適合");
    approve("kacho-ku", null);
    approve("bucho-ku", null);
    assertThat(pi).hasPassed(TASK_GRANT).isWaitingAt(TASK_ENTER_LEGACY_REGISTER).variables()
        .containsEntry(LEGACY_REGISTER, true);

    LockedExternalTask entry = fetch(Topics.LEGACY_SYSTEM_ENTRY, pi, 1).get(0);
    Map<String, Object> input = entry.getVariables();
    Assertions.assertThat(input).containsEntry(LegacyEntryVariables.CASE_NUMBER, application(pi).id())
        .containsEntry(LegacyEntryVariables.APPLICANT_NAME, "デモ建設株式会社")
        .containsEntry(LegacyEntryVariables.APPLICANT_NAME_KANA, "デモケンセツカブシキガイシャ")
        .containsEntry(LegacyEntryVariables.POSTAL_CODE, "100-0001")
        .containsEntry(LegacyEntryVariables.ADDRESS, "東京都デモ区1-1")
        .containsEntry(LegacyEntryVariables.AMOUNT, 3200L)
        .containsEntry(LegacyEntryVariables.DECISION_DATE, "2026-11-16");
    // the trail as the bot writes it, plus what a misbehaving worker might add: only the known fields are kept
    engine.getExternalTaskService().complete(entry.getId(), WORKER, Map.of(
        LegacyEntryVariables.LEGACY_RECORD_NUMBER, "R-000042",
        LegacyEntryVariables.LEGACY_ENTRY_OUTCOME, "ENTERED",
        LegacyEntryVariables.LEGACY_ENTRY_AUDIT, "[{\"at\":\"2026-11-16T01:00:00Z\",\"screen\":\"受給者登録\","
            + "\"action\":\"confirm\",\"outcome\":\"ok\",\"shimei\":\"デモ建設株式会社\"},"
            + "{\"at\":\"2026-11-16T01:00:01Z\",\"screen\":\"登録完了\",\"action\":\"register\",\"outcome\":\"ok\"}]"));

    postNotices(pi);
    assertThat(pi).hasPassed(TASK_RECORD_LEGACY_ENTRY, TASK_NOTIFY).isEnded();
    List<ApplicationStore.LegacyEntry> entries = ENV.store.legacyEntries(application(pi).id());
    Assertions.assertThat(entries).singleElement().satisfies(e -> {
      Assertions.assertThat(e.registerName()).isEqualTo("道路占用台帳");
      Assertions.assertThat(e.outcome()).isEqualTo("entered");
      Assertions.assertThat(e.recordNumber()).isEqualTo("R-000042");
      Assertions.assertThat(e.auditJson()).contains("受給者登録", "登録完了").doesNotContain("shimei");
    });
    Assertions.assertThat(message(pi, "legacy-entered")).contains("道路占用台帳").contains("R-000042");
    Assertions.assertThat(eventTypes(pi)).containsSubsequence("granted", "legacy-entered", "notified");
  }

  @Test
  void aRegisterValidationErrorBecomesAStaffTaskCompletedByHand() {
    ProcessInstance pi = apply(ROAD, allDocuments(ROAD), Map.of("roadName", "区道1号", "occupancyFrom",
        "2027-01-04", "occupancyTo", "2027-03-31", "occupancyArea", 12.5));
    review(pi, "staff-ku", "基準に適合");
    approve("kacho-ku", null);
    approve("bucho-ku", null);
    LockedExternalTask entry = fetch(Topics.LEGACY_SYSTEM_ENTRY, pi, 1).get(0);
    engine.getExternalTaskService().handleBpmnError(entry.getId(), WORKER, Errors.LEGACY_VALIDATION_FAILED,
        "validation", Map.of(LegacyEntryVariables.LEGACY_VALIDATION_ERRORS,
            "氏名カナは全角カタカナで入力してください。\n郵便番号は「123-4567」の形式で入力してください。",
            LegacyEntryVariables.LEGACY_ENTRY_AUDIT, "[{\"screen\":\"受給者登録\",\"action\":\"confirm\","
                + "\"outcome\":\"validation-error\"}]",
            // review finding: a record number the bot sent along must not prefill (and pass) the manual path
            LegacyEntryVariables.LEGACY_RECORD_NUMBER, "R-FROM-BOT"));

    assertThat(pi).hasPassed(EVENT_LEGACY_VALIDATION_FAILED, TASK_RECORD_LEGACY_PROBLEM)
        .isWaitingAt(TASK_ENTER_LEGACY_BY_HAND);
    Task byHand = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_ENTER_LEGACY_BY_HAND).singleResult();
    assertThat(byHand).hasCandidateGroup("demo-ku-doro");
    // the case is decided: the task is due 3 open days after it appeared (Monday 11/16 → Thursday 11/19, 17:00)
    Assertions.assertThat(byHand.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-19T08:00:00Z"));
    Assertions.assertThat((String) taskService().getVariable(byHand.getId(), LEGACY_PROBLEM))
        .contains("道路占用台帳").contains("氏名カナは全角カタカナ");
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_MANUAL)))
        .hasMessageContaining("管理番号を入力してください");
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_MANUAL,
        LEGACY_RECORD_NUMBER, "R 1; DROP"))).hasMessageContaining("半角英数字");
    completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_MANUAL, LEGACY_RECORD_NUMBER, "R-000043",
        LEGACY_NOTE, "カナを確認のうえ手入力"));

    postNotices(pi);
    assertThat(pi).hasPassed(TASK_RECORD_MANUAL_LEGACY_ENTRY, TASK_NOTIFY).isEnded();
    Assertions.assertThat(ENV.store.legacyEntries(application(pi).id()))
        .extracting(ApplicationStore.LegacyEntry::outcome, ApplicationStore.LegacyEntry::recordNumber,
            ApplicationStore.LegacyEntry::actor)
        .containsExactly(Assertions.tuple("validation-failed", null, null),
            Assertions.tuple("entered-by-hand", "R-000043", "staff-ku"));
    Assertions.assertThat(message(pi, "legacy-entered-by-hand")).contains("R-000043").contains("カナを確認");
  }

  @Test
  void aRegisterValidationErrorIsCorrectedByStaffAndTheBotEntersTheCorrectedValues() {
    ProcessInstance pi = apply(ROAD, allDocuments(ROAD));
    review(pi, "staff-ku", "基準に適合");
    approve("kacho-ku", null);
    approve("bucho-ku", null);
    LockedExternalTask entry = fetch(Topics.LEGACY_SYSTEM_ENTRY, pi, 1).get(0);
    Assertions.assertThat(entry.getVariables()).containsEntry(LegacyEntryVariables.POSTAL_CODE, "100-0001");
    engine.getExternalTaskService().handleBpmnError(entry.getId(), WORKER, Errors.LEGACY_VALIDATION_FAILED,
        "validation", Map.of(LegacyEntryVariables.LEGACY_VALIDATION_ERRORS,
            "郵便番号が住所と一致しません。", LegacyEntryVariables.LEGACY_ENTRY_AUDIT, "[]"));
    Task byHand = legacyTask(pi);
    Assertions.assertThat((String) taskService().getVariable(byHand.getId(), LEGACY_PROBLEM))
        .contains("値を直して再実行する");
    // the same data again can never pass the register's check: a plain retry is refused
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_RETRY)))
        .hasMessageContaining("同じ値のまま再実行しても登録できません");
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_CORRECT)))
        .hasMessageContaining("値が修正されていません");
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_CORRECT,
        LEGACY_POSTAL_CODE, "1000001"))).hasMessageContaining("郵便番号は「123-4567」の形式");
    // the register refused the postal code only: the approved 月額 and the other values are not staff's to change
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_CORRECT,
        LEGACY_APPLICANT_NAME_KANA, "デモケンセツ"))).hasMessageContaining("氏名カナは台帳の入力チェックで止まった値ではない");
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_CORRECT,
        LEGACY_POSTAL_CODE, "100-0005", LEGACY_AMOUNT, 1L))).hasMessageContaining("月額（円）は台帳の入力チェックで止まった値ではない")
        .hasMessageContaining("直せるのは郵便番号");
    // corrected values go with 値を直して再実行する only, never stored unchecked with another choice
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_MANUAL,
        LEGACY_RECORD_NUMBER, "R-000099", LEGACY_ADDRESS, "東京都別区9-9")))
        .hasMessageContaining("「値を直して再実行する」を選んだときだけ");
    assertThat(pi).isWaitingAt(TASK_ENTER_LEGACY_BY_HAND);
    completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_CORRECT, LEGACY_POSTAL_CODE, "100-0005",
        LEGACY_NOTE, "住所に合わせて郵便番号を訂正"));

    // the bot runs again with the corrected value (the rest as stored), and keeps it for every later attempt
    assertThat(pi).isWaitingAt(TASK_ENTER_LEGACY_REGISTER);
    LockedExternalTask again = fetch(Topics.LEGACY_SYSTEM_ENTRY, pi, 1).get(0);
    Assertions.assertThat(again.getVariables()).containsEntry(LegacyEntryVariables.POSTAL_CODE, "100-0005")
        .containsEntry(LegacyEntryVariables.ADDRESS, "東京都デモ区1-1")
        .containsEntry(LegacyEntryVariables.APPLICANT_NAME_KANA, "デモケンセツカブシキガイシャ");
    engine.getExternalTaskService().complete(again.getId(), WORKER, Map.of(
        LegacyEntryVariables.LEGACY_RECORD_NUMBER, "R-000044", LegacyEntryVariables.LEGACY_ENTRY_OUTCOME, "ENTERED",
        LegacyEntryVariables.LEGACY_ENTRY_AUDIT, "[]"));

    postNotices(pi);
    assertThat(pi).hasPassed(TASK_RECORD_LEGACY_ENTRY, TASK_NOTIFY).isEnded();
    Assertions.assertThat(ENV.store.legacyEntries(application(pi).id()))
        .extracting(ApplicationStore.LegacyEntry::outcome, ApplicationStore.LegacyEntry::messages,
            ApplicationStore.LegacyEntry::actor)
        .containsExactly(Assertions.tuple("validation-failed", "郵便番号が住所と一致しません。", null),
            Assertions.tuple("corrected", "郵便番号：100-0001 → 100-0005", "staff-ku"),
            Assertions.tuple("entered", null, null));
    Assertions.assertThat(message(pi, "legacy-corrected")).contains("道路占用台帳").contains("郵便番号")
        .contains("住所に合わせて").doesNotContain("100-0005");
    Assertions.assertThat(eventTypes(pi)).containsSubsequence("legacy-validation-failed", "legacy-corrected",
        "legacy-entered", "notified");
  }

  private Task legacyTask(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_ENTER_LEGACY_BY_HAND).singleResult();
  }

  @Test
  void anOutageOfTheRegisterBeyondTheRetriesGoesToStaffWhoLetTheBotRetry() {
    ProcessInstance pi = apply(ROAD, allDocuments(ROAD));
    review(pi, "staff-ku", "基準に適合");
    approve("kacho-ku", null);
    approve("bucho-ku", null);
    // the bot fails three times: an incident; half an hour later staff take over
    LockedExternalTask entry = fetch(Topics.LEGACY_SYSTEM_ENTRY, pi, 1).get(0);
    engine.getExternalTaskService().handleFailure(entry.getId(), WORKER, "503 メンテナンス中", "audit: []", 0, 0);
    Assertions.assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
        .isEqualTo(1);
    execute(timer(pi, EVENT_LEGACY_ENTRY_STALLED));
    assertThat(pi).hasPassed(TASK_RECORD_LEGACY_OUTAGE).isWaitingAt(TASK_ENTER_LEGACY_BY_HAND);
    Assertions.assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
        .isZero();
    Task byHand = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_ENTER_LEGACY_BY_HAND).singleResult();
    Assertions.assertThat((String) taskService().getVariable(byHand.getId(), LEGACY_PROBLEM)).contains("障害");
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of())).hasMessageContaining("選んでください");
    // an outage is no wrong value: correcting values is for the register's validation errors
    assertThatThrownBy(() -> completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_CORRECT,
        LEGACY_POSTAL_CODE, "100-0005"))).hasMessageContaining("入力チェックで止まった場合");
    completeAs("staff-ku", byHand, Map.of(LEGACY_ACTION, LEGACY_ACTION_RETRY, LEGACY_NOTE, "再実行"));

    // the retry fails too: the next task opens empty (review finding: an empty completion reused the old choice)
    assertThat(pi).isWaitingAt(TASK_ENTER_LEGACY_REGISTER);
    LockedExternalTask again = fetch(Topics.LEGACY_SYSTEM_ENTRY, pi, 1).get(0);
    engine.getExternalTaskService().handleFailure(again.getId(), WORKER, "503 メンテナンス中", "audit: []", 0, 0);
    execute(timer(pi, EVENT_LEGACY_ENTRY_STALLED));
    Task second = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_ENTER_LEGACY_BY_HAND).singleResult();
    assertThatThrownBy(() -> completeAs("staff-ku", second, Map.of())).hasMessageContaining("選んでください");
    completeAs("staff-ku", second, Map.of(LEGACY_ACTION, LEGACY_ACTION_RETRY));

    assertThat(pi).isWaitingAt(TASK_ENTER_LEGACY_REGISTER);
    enterLegacyRegister(pi);
    postNotices(pi);
    assertThat(pi).isEnded();
    Assertions.assertThat(eventTypes(pi)).containsSubsequence("legacy-outage", "legacy-retry", "legacy-entered");
  }

  @Test
  void aWorkerCannotPointAStepAtAnotherCasesApplication() {
    ProcessInstance other = apply(ROAD, allDocuments(ROAD));
    ProcessInstance pi = start(ROAD, allDocuments(ROAD), dataOf(ROAD), "{\"name\":\"デモ建設株式会社\"}");
    LockedExternalTask task = fetch(Topics.DOCUMENT_INSPECTION, pi, 1).get(0);
    assertThatThrownBy(() -> engine.getExternalTaskService().complete(task.getId(), WORKER, Map.of(
        APPLICATION_ID, application(other).id()))).hasMessageContaining("この案件に結び付いた申請ではありません");
    // nothing of the other case changed, and this one still waits for its inspections
    Assertions.assertThat(ENV.store.inspections(application(other).id()))
        .extracting(ApplicationStore.Inspected::inspection).containsOnly(ApplicationStore.INSPECTION_ACCEPTED);
    assertThat(pi).isWaitingAt(TASK_INSPECT_DOCUMENT);
  }

  // --- helpers: the application as the API creates it, then the process started for it ---

  private ProcessInstance apply(String code, List<String[]> documents) {
    return apply(code, documents, dataOf(code));
  }

  /** Applied, and every document inspected and accepted (as document-inspection does for a plain PDF). */
  private ProcessInstance apply(String code, List<String[]> documents, Map<String, Object> data) {
    return apply(code, documents, data, "{\"name\":\"デモ建設株式会社\",\"address\":\"東京都デモ区1-1\"}");
  }

  private ProcessInstance apply(String code, List<String[]> documents, Map<String, Object> data, String applicant) {
    ProcessInstance pi = start(code, documents, data, applicant);
    inspectAll(pi);
    return pi;
  }

  private ProcessInstance start(String code, List<String[]> documents, Map<String, Object> data, String applicant) {
    Procedure procedure = ENV.catalog.find(code).orElseThrow();
    String id = UUID.randomUUID().toString();
    LocalDate today = LocalDate.of(2026, 11, 16);
    LocalDate due = ProcedureDeadlines.dueDate(jp.tetsuzuki.processes.calendar.OfficeCalendar.standard(), procedure,
        today, List.of());
    ENV.store.insert(new ApplicationRecord(id, TENANT, code, procedure.version(), null,
        ApplicationRecord.CHANNEL_ONLINE, ApplicationRecord.STATUS_RECEIVED, ApplicationRecord.STAGE_ARRIVAL,
        today, due, false, null, 0, null, applicant, json(data), null, null, "api-client",
        MONDAY), MONDAY);
    for (String[] d : documents) {
      ENV.store.attach(id, ENV.document(d[1], d.length > 2 ? d[2] : d[0] + ".pdf"), d[0], MONDAY);
    }
    return runtimeService().createProcessInstanceByKey(ID).businessKey(id)
        .setVariables(Map.of(TENANT_ID, TENANT, APPLICATION_ID, id, PROCEDURE_CODE, code)).execute();
  }

  private static Map<String, Object> dataOf(String code) {
    return switch (code) {
      case ROAD -> Map.of("roadName", "区道1号", "occupancyFrom", "2027-01-04", "occupancyTo", "2027-03-31",
          "occupancyArea", 12.5, "applicantNameKana", "デモケンセツカブシキガイシャ", "representativeBirthDate",
          "1970-04-01", "postalCode", "100-0001", "occupancyFee", 3200);
      case OUTDOOR -> Map.of("location", "デモ区1-1", "displayArea", 4.5, "displayFrom", "2027-01-04");
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

  static final String WORKER = "test-worker";

  /** Plays document-inspection for every open inspection of the case: all accepted. Returns how many. */
  private int inspectAll(ProcessInstance pi) {
    List<LockedExternalTask> tasks = fetch(Topics.DOCUMENT_INSPECTION, pi, 50);
    tasks.forEach(this::accept);
    return tasks.size();
  }

  private void accept(LockedExternalTask task) {
    engine.getExternalTaskService().complete(task.getId(), WORKER, Map.of(DocumentVariables.DOCUMENT_MEDIA_TYPE,
        "application/pdf", DocumentVariables.DOCUMENT_PAGES, 1, DocumentVariables.DOCUMENT_TEXT_LENGTH, 120));
  }

  private String fileName(LockedExternalTask task) {
    String documentId = (String) task.getVariables().get(DocumentVariables.DOCUMENT_ID);
    return ENV.jdbc.queryForObject("SELECT file_name FROM tz_document WHERE id = ?", String.class, documentId);
  }

  /** Plays the legacy-system bot: the case is entered. */
  private void enterLegacyRegister(ProcessInstance pi) {
    LockedExternalTask entry = fetch(Topics.LEGACY_SYSTEM_ENTRY, pi, 1).get(0);
    engine.getExternalTaskService().complete(entry.getId(), WORKER, Map.of(
        LegacyEntryVariables.LEGACY_RECORD_NUMBER, "R-" + entry.getId().replaceAll("[^A-Za-z0-9]", ""),
        LegacyEntryVariables.LEGACY_ENTRY_OUTCOME, "ENTERED", LegacyEntryVariables.LEGACY_ENTRY_AUDIT, "[]"));
  }

  /** Locked external tasks of the topic in this instance (or the notice it called). */
  private List<LockedExternalTask> fetch(String topic, ProcessInstance pi, int max) {
    return engine.getExternalTaskService().fetchAndLock(max, WORKER).topic(topic, 60_000)
        .businessKey(pi.getBusinessKey()).execute();
  }

  /** What NotifyApplicantHandler does with a task: the notifier, keyed by instance, event and occurrence. */
  private ApplicantNotifier.Delivery deliver(LockedExternalTask task) throws UndeliverableException {
    Map<String, Object> values = new HashMap<>();
    task.getVariables().forEach((k, v) -> {
      if (v != null) {
        values.put(k, v);
      }
    });
    String event = (String) values.get(NotificationVariables.NOTIFICATION_EVENT);
    return NOTIFIER.send(new Notification(Notification.keyOf(task.getProcessInstanceId(), event,
        values.get(NotificationVariables.NOTIFICATION_OCCURRENCE)),
        (String) values.get(NotificationVariables.APPLICANT_EMAIL), event, values));
  }

  /**
   * Staff post every notice of a post-channel case (road-occupancy-permit) as Task_NotifyByPost asks; returns the
   * notice texts they were given to print.
   */
  private List<String> postNotices(ProcessInstance pi) {
    List<String> texts = new java.util.ArrayList<>();
    for (ProcessInstance notice : runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(ApplicantNotice.ID).active().list()) {
      for (Task post : taskService().createTaskQuery().processInstanceId(notice.getId())
          .taskDefinitionKey(ApplicantNotice.TASK_NOTIFY_BY_POST).list()) {
        texts.add((String) taskService().getVariable(post.getId(), ApplicantNotice.NOTICE_TEXT));
        completeAs("staff-ku", post, Map.of(ApplicantNotice.POSTED_ON, "2026-11-16"));
      }
    }
    return texts;
  }

  private ProcessInstance noticeOf(ProcessInstance pi) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(ApplicantNotice.ID).active().list().stream().reduce((a, b) -> b).orElseThrow();
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, List.of(), List.of(TENANT));
    try {
      taskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static ApplicantNotifier notifier() {
    try {
      return new ApplicantNotifier((key, message) -> MAIL.send(message), new JdbcNotificationLog(new NotificationLogDatabase(
          new WorkersSettings.Database("jdbc:h2:mem:notification-log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
              "sa", "", 2)).dataSource()), new MailTemplates(),
          new InternetAddress("noreply@demo-ku.example.lg.jp"), Duration.ofMinutes(2), TestEngines.engineClock());
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A mail server as the notifier meets it, keeping what it was given. */
  static final class RecordingMailSender extends JavaMailSenderImpl {
    private final List<MimeMessage> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
      sent.addAll(List.of(messages));
    }

    List<MimeMessage> sent() {
      return sent;
    }

    String body(int i) throws Exception {
      return String.valueOf(sent.get(i).getContent());
    }

    void clear() {
      sent.clear();
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
