package jp.tetsuzuki.processes.childcare.enrollment;

import static jp.tetsuzuki.bpmn.ChildcareEnrollment.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Errors;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.ApplicationRow;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.EventRow;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
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
 * {@code childcare-enrollment} on a real in-memory engine with the real glue, our tables and the demo tenants'
 * points tables (fiscal year 2026). The test plays the workers (it fetches and completes the external tasks as a
 * worker does) and the allocation round ({@link RoundResults}).
 */
class ChildcareEnrollmentProcessTest {

  static final ChildcareTestEnvironment ENV = new ChildcareTestEnvironment();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENV.configuration)
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(jp.tetsuzuki.bpmn.ChildcareAllocationRound.ID)
      .build();

  static boolean populated;
  /** Monday 2026-11-02 10:00 in Tokyo: applications for December 2026 (fiscal year 2026). */
  static final Instant NOW = Instant.parse("2026-11-02T01:00:00Z");
  static final String CERTIFICATE_OK = """
      {"fields":{"employeeName":{"value":"品川 花子","confidence":0.97},
      "employerName":{"value":"株式会社デモ","confidence":0.95},
      "employmentType":{"value":"正社員","confidence":0.93},
      "certificationDate":{"value":"2026-10-20","confidence":0.96},
      "workDaysPerMonth":{"value":"20","confidence":0.94},
      "workHoursPerMonth":{"value":"160","confidence":0.92},
      "workHoursPerWeek":{"value":"40","confidence":0.91}}}""";
  static final String CERTIFICATE_DOUBTFUL = """
      {"fields":{"employeeName":{"value":"品川 花子","confidence":0.97},
      "employerName":{"value":"株式会社デモ","confidence":0.95},
      "employmentType":{"value":"パート・アルバイト","confidence":0.9},
      "certificationDate":{"value":null,"confidence":0,"reason":"記載が見つかりません"},
      "workDaysPerMonth":{"value":"10","confidence":0.41,"reason":"1か月の就労時間と合いません"},
      "workHoursPerMonth":{"value":"96","confidence":0.88},
      "workHoursPerWeek":{"value":"24","confidence":0.9}}}""";

  ProcessEngine engine;
  ChildcareStore store;
  RoundResults rounds;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    if (!populated) {
      ENV.populate(engine);
      populated = true;
    }
    store = ENV.module.store();
    rounds = new RoundResults(store, engine::getRuntimeService);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void offerThenInterviewEnrolsAndRecordsTheOutboundEvent() {
    String id = apply("demo-ku", true);
    ProcessInstance pi = start("demo-ku", id);
    inspectAll(pi);
    readCertificate(pi, CERTIFICATE_OK, false);
    Task verify = task(pi, TASK_VERIFY_CERTIFICATE);
    Assertions.assertThat(engine.getTaskService().getVariable(verify.getId(), FIELDS_TO_CHECK_TEXT))
        .isEqualTo("確認が必要な項目はありません。");
    Assertions.assertThat(engine.getTaskService().getVariable(verify.getId(), WORK_DAYS_PER_MONTH)).isEqualTo(20L);
    engine.getTaskService().complete(verify.getId(), Map.of(GUARDIAN_NUMBER, 1L, WORK_DAYS_PER_MONTH, 20L,
        WORK_HOURS_PER_MONTH, 160.0, WORK_HOURS_PER_WEEK, 40.0, EMPLOYEE_NAME, "品川 花子",
        EMPLOYER_NAME, "株式会社デモ", EMPLOYMENT_TYPE, "正社員", CERTIFICATION_DATE, "2026-10-20"));

    assertThat(pi).isWaitingAt(TASK_AWAIT_ROUND_RESULT);
    ApplicationRow scored = store.find(id).orElseThrow();
    // guardian 1 verified 20 days × 8 h = 20, guardian 2 declared 16 days × 6 h = 16, sibling at 1st choice +2
    Assertions.assertThat(scored.points()).isEqualTo(38);
    Assertions.assertThat(scored.stage()).isEqualTo(ChildcareStore.STAGE_AWAITING_ROUND);

    rounds.publish("demo-ku", id, "hoikuen-minami", "第1希望 hoikuen-minami に内定（指数 38）");
    assertThat(pi).isWaitingAt(TASK_INTERVIEW_AND_HEALTH_CHECK).task().hasCandidateGroup("demo-ku-hoiku");
    Assertions.assertThat(engine.getRuntimeService().getVariable(pi.getId(), OFFER_TEXT).toString())
        .startsWith("内定: hoikuen-minami");
    complete(pi, TASK_INTERVIEW_AND_HEALTH_CHECK, Map.of(INTERVIEW_OUTCOME, INTERVIEW_ENROLL));

    assertThat(pi).isEnded().hasPassed(TASK_RECORD_ENROLLMENT, EVENT_ENROLLED);
    Assertions.assertThat(store.find(id).orElseThrow().stage()).isEqualTo(ChildcareStore.STAGE_ENROLLED);
    Assertions.assertThat(kinds(id)).contains("registered", "document-inspected", "certificate-read",
        "certificate-verified", "points", "offered", "enrolled", "nursery-enrollment-outbound");
  }

  @Test
  void waitingGoesToTheNextRoundThenAnOfferCanBeDeclined() {
    String id = apply("demo-shi", false);
    ProcessInstance pi = start("demo-shi", id);
    inspectAll(pi);
    assertThat(pi).isWaitingAt(TASK_AWAIT_ROUND_RESULT);
    // no certificate: declared work per week (Kunitachi-style) 5 days 35 h = 90 and 4 days 22 h = 60
    Assertions.assertThat(store.find(id).orElseThrow().points()).isEqualTo(150);

    rounds.publish("demo-shi", id, null, "第1希望 A保育園: 1歳児 定員 3、最低指数 155");
    assertThat(pi).isWaitingAt(TASK_AWAIT_ROUND_RESULT).hasPassed(TASK_RECORD_WAITING);
    Assertions.assertThat(store.find(id).orElseThrow().stage()).isEqualTo(ChildcareStore.STAGE_WAITING);

    rounds.publish("demo-shi", id, "hoikuen-kita", "第2希望 hoikuen-kita に内定");
    complete(pi, TASK_INTERVIEW_AND_HEALTH_CHECK, Map.of(INTERVIEW_OUTCOME, INTERVIEW_DECLINE,
        INTERVIEW_COMMENT, "転居のため"));
    assertThat(pi).isEnded().hasPassed(TASK_RECORD_DECLINE, EVENT_OFFER_DECLINED);
    Assertions.assertThat(store.find(id).orElseThrow().stage()).isEqualTo(ChildcareStore.STAGE_DECLINED);
  }

  @Test
  void withdrawalEndsTheCaseAtAnyStage() {
    String id = apply("demo-ku", true);
    ProcessInstance pi = start("demo-ku", id);
    inspectAll(pi);
    engine.getRuntimeService().createMessageCorrelation(MSG_WITHDRAWN).tenantId("demo-ku")
        .processInstanceBusinessKey(id).correlate();
    assertThat(pi).isEnded().hasPassed(TASK_RECORD_WITHDRAWAL, EVENT_WITHDRAWN);
    Assertions.assertThat(store.find(id).orElseThrow().stage()).isEqualTo(ChildcareStore.STAGE_WITHDRAWN);
  }

  @Test
  void theFiscalYearEndClosesAWaitingCase() {
    String id = apply("demo-shi", false);
    ProcessInstance pi = start("demo-shi", id);
    inspectAll(pi);
    Assertions.assertThat(job(pi).getDuedate()).isEqualTo(Date.from(Instant.parse("2027-03-31T15:00:00Z")));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed(TASK_RECORD_FISCAL_YEAR_END, EVENT_CLOSED_AT_FISCAL_YEAR_END);
    Assertions.assertThat(store.find(id).orElseThrow().stage()).isEqualTo(ChildcareStore.STAGE_CLOSED);
  }

  /** Domain file ("Allocation round": the case waits until withdrawn or the fiscal year ends): every open stage. */
  @Test
  void theFiscalYearEndClosesEveryOpenCaseWithANoticeAndTheReason() {
    // still at the document inspection (received)
    String inspecting = apply("demo-ku", true);
    ProcessInstance first = start("demo-ku", inspecting);
    // waiting at the interview after an offer
    String offered = apply("demo-ku", false);
    ProcessInstance second = start("demo-ku", offered);
    inspectOnly(second);
    rounds.publish("demo-ku", offered, "hoikuen-minami", "第1希望 hoikuen-minami に内定");
    assertThat(second).isWaitingAt(TASK_INTERVIEW_AND_HEALTH_CHECK);

    for (ProcessInstance pi : List.of(first, second)) {
      Assertions.assertThat(job(pi).getDuedate()).isEqualTo(Date.from(Instant.parse("2027-03-31T15:00:00Z")));
      execute(job(pi));
      assertThat(pi).isEnded().hasPassed(EVENT_FISCAL_YEAR_ENDED, TASK_RECORD_FISCAL_YEAR_END,
          EVENT_CLOSED_AT_FISCAL_YEAR_END);
    }
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(second.getId()).count()).isZero();
    Assertions.assertThat(engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(first.getId())
        .count()).isZero();
    Assertions.assertThat(store.find(inspecting).orElseThrow().stage()).isEqualTo(ChildcareStore.STAGE_CLOSED);
    Assertions.assertThat(store.find(offered).orElseThrow().stage()).isEqualTo(ChildcareStore.STAGE_CLOSED);
    Assertions.assertThat(text(inspecting, "fiscal-year-ended")).contains("2026年度の終了（2027年4月1日 0時）")
        .contains("「受付（書類の検査）」の段階").contains("理由:");
    Assertions.assertThat(text(offered, "fiscal-year-ended")).contains("「内定（面接・健康診断待ち）」の段階");
    Assertions.assertThat(text(offered, "applicant-notice")).contains("2026年度が終了したため")
        .contains("内定も終了します").contains("2027年度も利用を希望される場合");
  }

  /** Withdrawal (取下げ) through the application service at every open stage: the case ends withdrawn. */
  @Test
  void aWithdrawalEndsTheCaseAtEveryOpenStage() {
    addUser("parent-app", "demo-ku");
    // received: the documents are still being inspected
    String received = apply("demo-ku", true);
    ProcessInstance atInspection = start("demo-ku", received);
    // verifying: the certificate read, staff have not confirmed it yet
    String verifying = apply("demo-ku", true);
    ProcessInstance atVerification = start("demo-ku", verifying);
    inspectOnly(atVerification);
    LockedExternalTask ocr = fetch(Topics.OCR_EMPLOYMENT_CERTIFICATE, 10).stream()
        .filter(t -> t.getProcessInstanceId().equals(atVerification.getId())).findFirst().orElseThrow();
    engine.getExternalTaskService().complete(ocr.getId(), "test-worker", Map.of(DocumentVariables.RECOGNITION,
        CERTIFICATE_OK, DocumentVariables.NEEDS_VERIFICATION, false));
    assertThat(atVerification).isWaitingAt(TASK_VERIFY_CERTIFICATE);
    // awaiting the round, waiting after a round, offered
    String awaiting = apply("demo-ku", false);
    ProcessInstance atRound = start("demo-ku", awaiting);
    inspectOnly(atRound);
    String waiting = apply("demo-ku", false);
    ProcessInstance afterRound = start("demo-ku", waiting);
    inspectOnly(afterRound);
    rounds.publish("demo-ku", waiting, null, "保留");
    String offered = apply("demo-ku", false);
    ProcessInstance atInterview = start("demo-ku", offered);
    inspectOnly(atInterview);
    rounds.publish("demo-ku", offered, "hoikuen-minami", "第1希望に内定");

    Map<String, ProcessInstance> cases = new java.util.LinkedHashMap<>();
    cases.put(received, atInspection);
    cases.put(verifying, atVerification);
    cases.put(awaiting, atRound);
    cases.put(waiting, afterRound);
    cases.put(offered, atInterview);
    for (Map.Entry<String, ProcessInstance> c : cases.entrySet()) {
      var withdrawal = ENV.applications.withdraw("parent-app", c.getKey(), "転居のため");
      Assertions.assertThat(withdrawal.replayed()).isFalse();
      Assertions.assertThat(withdrawal.application().stage()).isEqualTo(ChildcareStore.STAGE_WITHDRAWN);
      assertThat(c.getValue()).isEnded().hasPassed(TASK_RECORD_WITHDRAWAL, EVENT_WITHDRAWN);
      Assertions.assertThat(text(c.getKey(), "withdrawal-requested")).contains("理由: 転居のため");
      Assertions.assertThat(kinds(c.getKey())).contains("withdrawn");
      // idempotent: the same answer again, nothing recorded twice
      Assertions.assertThat(ENV.applications.withdraw("parent-app", c.getKey(), null).replayed()).isTrue();
      Assertions.assertThat(kinds(c.getKey()).stream().filter("withdrawn"::equals).count()).isEqualTo(1);
    }
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(atInterview.getId()).count())
        .isZero();
    // a round no longer sees them
    Assertions.assertThat(store.inStage("demo-ku", "2026-12", List.of(ChildcareStore.STAGE_AWAITING_ROUND,
        ChildcareStore.STAGE_WAITING))).doesNotContainAnyElementsOf(cases.keySet());
    // a result that arrives later changes nothing
    Assertions.assertThat(rounds.publish("demo-ku", awaiting, "hoikuen-minami", "内定")).isFalse();
  }

  @Test
  void aWithdrawalAfterEnrolmentIsRefusedAndOnlyTheSubmitterOrChildcareStaffMayWithdraw() {
    addUser("parent-app", "demo-ku");
    addUser("other-app", "demo-ku");
    addUser("hoiku-staff", "demo-ku", "staff", "demo-ku-hoiku");
    addUser("keiyaku-staff", "demo-ku", "staff", "demo-ku-keiyaku");
    String id = apply("demo-ku", false);
    ProcessInstance pi = start("demo-ku", id);
    inspectOnly(pi);
    // another outside system of the same tenant and staff outside 保育課 do not see it (404, nothing changes)
    for (String user : List.of("other-app", "keiyaku-staff")) {
      assertThatThrownBy(() -> ENV.applications.withdraw(user, id, null))
          .isInstanceOfSatisfying(jp.tetsuzuki.processes.api.ApiException.class,
              e -> Assertions.assertThat(e.status()).isEqualTo(404));
    }
    assertThat(pi).isWaitingAt(TASK_AWAIT_ROUND_RESULT);
    rounds.publish("demo-ku", id, "hoikuen-minami", "第1希望に内定");
    complete(pi, TASK_INTERVIEW_AND_HEALTH_CHECK, Map.of(INTERVIEW_OUTCOME, INTERVIEW_ENROLL));
    assertThat(pi).isEnded().hasPassed(EVENT_ENROLLED, EVENT_CASE_ENDED);
    assertThatThrownBy(() -> ENV.applications.withdraw("parent-app", id, null))
        .isInstanceOfSatisfying(jp.tetsuzuki.processes.api.ApiException.class, e -> {
          Assertions.assertThat(e.status()).isEqualTo(409);
          Assertions.assertThat(e.japanese()).contains("入所が決まった申込みは取り下げできません");
        });
    Assertions.assertThat(store.find(id).orElseThrow().stage()).isEqualTo(ChildcareStore.STAGE_ENROLLED);

    // the staff path: a parent asks the office, 保育課 staff withdraw for them (recorded with who)
    String other = apply("demo-ku", false);
    ProcessInstance second = start("demo-ku", other);
    inspectOnly(second);
    Assertions.assertThat(ENV.applications.withdraw("hoiku-staff", other, "電話で申出").application().stage())
        .isEqualTo(ChildcareStore.STAGE_WITHDRAWN);
    assertThat(second).isEnded().hasPassed(EVENT_WITHDRAWN);
    Assertions.assertThat(store.events(other).stream().filter(e -> e.kind().equals("withdrawal-requested"))
        .findFirst().orElseThrow()).satisfies(e -> {
          Assertions.assertThat(e.actor()).isEqualTo("hoiku-staff");
          Assertions.assertThat(e.textJa()).contains("職員が取下げを受け付けました").contains("電話で申出");
        });
  }

  /** The Tasklist start form (紙の申込書): the same service, the staff member's tenant, only 保育課 staff. */
  @Test
  void aPaperApplicationIsRegisteredThroughTheSameServiceForTheStaffsTenant() {
    addUser("hoiku-shi", "demo-shi", "staff", "demo-shi-hoiku");
    addUser("keiyaku-shi", "demo-shi", "staff", "demo-shi-keiyaku");
    Map<String, Object> paper = new HashMap<>();
    paper.put(PAPER_ADMISSION_MONTH, "2026-12");
    paper.put(PAPER_GUARDIAN1_NAME, "保護者1");
    paper.put(PAPER_GUARDIAN1_REASON, "work");
    paper.put(PAPER_GUARDIAN1_DAYS_PER_WEEK, 5L);
    paper.put(PAPER_GUARDIAN1_HOURS_PER_WEEK, 35L);
    paper.put(PAPER_GUARDIAN2_NAME, "保護者2");
    paper.put(PAPER_GUARDIAN2_REASON, "work");
    paper.put(PAPER_GUARDIAN2_DAYS_PER_WEEK, 4L);
    paper.put(PAPER_GUARDIAN2_HOURS_PER_WEEK, 22.0);
    paper.put(PAPER_CHILD1_NAME, "子1");
    paper.put(PAPER_CHILD1_BIRTH_DATE, "2025-06-01");
    paper.put(PAPER_CHILD1_PREFERENCES, "hoikuen-minami、hoikuen-kita");

    ProcessInstance pi = startAs("hoiku-shi", List.of("staff", "demo-shi-hoiku"), "demo-shi", paper);
    Assertions.assertThat(pi.getTenantId()).isEqualTo("demo-shi");
    assertThat(pi).isWaitingAt(TASK_AWAIT_ROUND_RESULT);
    ApplicationRow a = store.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(a.tenantId()).isEqualTo("demo-shi");
    Assertions.assertThat(a.createdBy()).isEqualTo("hoiku-shi");
    Assertions.assertThat(a.processInstanceId()).isEqualTo(pi.getId());
    Assertions.assertThat(store.channel(a.id())).isEqualTo("paper");
    Assertions.assertThat(a.content().children()).singleElement().satisfies(c -> {
      Assertions.assertThat(c.preferences()).containsExactly("hoikuen-minami", "hoikuen-kita");
      Assertions.assertThat(c.birthDate()).isEqualTo(LocalDate.of(2025, 6, 1));
    });
    // Kunitachi-style weekly table: 5 days 35 h = 90, 4 days 22 h = 60 (the same as the API's application)
    Assertions.assertThat(a.points()).isEqualTo(150);
    Assertions.assertThat(kinds(a.id())).contains("paper-registered", "registered", "points");
    // the content lives in the record, not in the case's variables
    Assertions.assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(
        PAPER_CHILD1_NAME, PAPER_GUARDIAN1_NAME, PAPER_ADMISSION_MONTH);

    // the same paper again (a double submit, a colleague): refused naming the first, nothing started
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ID).count();
    assertThatThrownBy(() -> startAs("hoiku-shi", List.of("staff", "demo-shi-hoiku"), "demo-shi", paper))
        .hasMessageContaining("この申込書は既に登録されています（申込みID " + a.id());
    // the checks of the API: a bad field is named in Japanese
    Map<String, Object> bad = new HashMap<>(paper);
    bad.put(PAPER_CHILD1_BIRTH_DATE, "2010-01-01");
    assertThatThrownBy(() -> startAs("hoiku-shi", List.of("staff", "demo-shi-hoiku"), "demo-shi", bad))
        .hasMessageContaining("生年月日を正しく入力してください");
    // staff outside 保育課 cannot open it; a tenant named by the starter is not taken
    assertThatThrownBy(() -> startAs("keiyaku-shi", List.of("staff", "demo-shi-keiyaku"), "demo-shi", paper))
        .hasMessageContaining("保育担当の職員（保育課）だけ");
    Map<String, Object> forged = new HashMap<>(paper);
    forged.put(TENANT_ID, "demo-ku");
    assertThatThrownBy(() -> startAs("hoiku-shi", List.of("staff", "demo-shi-hoiku"), "demo-shi", forged))
        .hasMessageContaining("自治体は登録する職員の所属で決まります");
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ID).count())
        .isEqualTo(before);
  }

  @Test
  void lowConfidenceFieldsAreHighlightedAndCorrectionsRecorded() {
    String id = apply("demo-ku", true);
    ProcessInstance pi = start("demo-ku", id);
    inspectAll(pi);
    readCertificate(pi, CERTIFICATE_DOUBTFUL, true);
    Task verify = task(pi, TASK_VERIFY_CERTIFICATE);
    String toCheck = (String) engine.getTaskService().getVariable(verify.getId(), FIELDS_TO_CHECK_TEXT);
    Assertions.assertThat(toCheck).contains("**証明日**: 読み取れませんでした")
        .contains("**1か月の就労日数**: 確信度 41%（1か月の就労時間と合いません）")
        .doesNotContain("本人氏名").doesNotContain("事業所名");
    Assertions.assertThat(engine.getTaskService().getVariable(verify.getId(), DOCUMENT_LINK_TEXT).toString())
        .contains("/api/v1/documents/cert-1");

    // out of range: refused with the field named, nothing recorded
    Map<String, Object> bad = new HashMap<>(Map.of(GUARDIAN_NUMBER, 1L, WORK_DAYS_PER_MONTH, 40L,
        WORK_HOURS_PER_MONTH, 96.0));
    assertThatThrownBy(() -> engine.getTaskService().complete(verify.getId(), bad))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("workDaysPerMonth")
        .hasMessageContaining("1か月の就労日数は0から31");
    Assertions.assertThat(kinds(id)).doesNotContain("certificate-corrected", "certificate-verified");

    engine.getTaskService().complete(verify.getId(), Map.of(GUARDIAN_NUMBER, 1L, WORK_DAYS_PER_MONTH, 16L,
        WORK_HOURS_PER_MONTH, 96.0, WORK_HOURS_PER_WEEK, 24.0, EMPLOYEE_NAME, "品川 花子",
        EMPLOYER_NAME, "株式会社デモ", EMPLOYMENT_TYPE, "パート・アルバイト", CERTIFICATION_DATE, "2026-10-15"));
    EventRow corrected = store.events(id).stream().filter(e -> e.kind().equals("certificate-corrected"))
        .findFirst().orElseThrow();
    Assertions.assertThat(corrected.textJa()).contains("1か月の就労日数: 10 → 16")
        .contains("証明日: （なし） → 2026-10-15").doesNotContain("本人氏名");
    // corrected: 16 days × 6 h = 16, guardian 2 declared 16 × 6 = 16, sibling +2
    Assertions.assertThat(store.find(id).orElseThrow().points()).isEqualTo(34);
    assertThat(pi).isWaitingAt(TASK_AWAIT_ROUND_RESULT);
  }

  @Test
  void refusedDocumentsAndAnUnreadableCertificateGoToStaff() {
    String id = apply("demo-ku", true);
    ProcessInstance pi = start("demo-ku", id);
    List<LockedExternalTask> inspections = fetch(Topics.DOCUMENT_INSPECTION, 10);
    Assertions.assertThat(inspections).hasSize(2);
    for (LockedExternalTask t : inspections) {
      if (t.getVariables().get(DocumentVariables.DOCUMENT_ID).equals("cert-1")) {
        engine.getExternalTaskService().handleBpmnError(t.getId(), "test-worker", Errors.OCR_UNAVAILABLE,
            "OCR down", Map.of());
      } else {
        engine.getExternalTaskService().handleBpmnError(t.getId(), "test-worker", Errors.DOCUMENT_REFUSED,
            "encrypted", Map.of(DocumentVariables.REFUSAL_REASON, "暗号化されたファイルは受け付けられません。"));
      }
    }
    LockedExternalTask ocr = fetch(Topics.OCR_EMPLOYMENT_CERTIFICATE, 1).get(0);
    engine.getExternalTaskService().handleBpmnError(ocr.getId(), "test-worker", Errors.DOCUMENT_UNREADABLE,
        "no text", Map.of());
    Task verify = task(pi, TASK_VERIFY_CERTIFICATE);
    Assertions.assertThat(engine.getTaskService().getVariable(verify.getId(), FIELDS_TO_CHECK_TEXT).toString())
        .contains("**1か月の就労日数**: 読み取れませんでした");
    engine.getTaskService().complete(verify.getId(), Map.of(GUARDIAN_NUMBER, 1L, WORK_DAYS_PER_MONTH, 20L,
        WORK_HOURS_PER_MONTH, 160.0));
    assertThat(pi).isWaitingAt(TASK_AWAIT_ROUND_RESULT)
        .hasPassed(TASK_RECORD_REFUSAL, TASK_RECORD_UNREAD);
    Assertions.assertThat(kinds(id)).contains("document-refused", "certificate-unread", "certificate-corrected");
    Assertions.assertThat(store.events(id).stream().map(EventRow::textJa))
        .anyMatch(t -> t.contains("暗号化されたファイルは受け付けられません。"));
  }

  @Test
  void anInstanceOfAnotherTenantCannotUseTheApplication() {
    String id = apply("demo-ku", true);
    Map<String, Object> vars = new HashMap<>(Map.of(TENANT_ID, "demo-shi", APPLICATION_ID, id));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(ID, id, vars))
        .hasMessageContaining("the instance is not linked to application " + id);
    Assertions.assertThat(store.find(id).orElseThrow().processInstanceId()).isNull();
  }

  // --- helpers

  String apply(String tenant, boolean withCertificate) {
    String id = UUID.randomUUID().toString();
    List<ApplicationContent.Document> documents = withCertificate
        ? List.of(new ApplicationContent.Document("cert-1", ApplicationContent.KIND_EMPLOYMENT_CERTIFICATE, 1,
            "shomei.pdf"), new ApplicationContent.Document("other-1", ApplicationContent.KIND_OTHER, null, "a.pdf"))
        : List.of(new ApplicationContent.Document("other-1", ApplicationContent.KIND_OTHER, null, "a.pdf"));
    ApplicationContent.Guardian second = tenant.equals("demo-ku")
        ? new ApplicationContent.Guardian("保護者2", "work", 16, 6.0, null, null)
        : new ApplicationContent.Guardian("保護者2", "work", null, null, 4, 22.0);
    ApplicationContent.Guardian first = new ApplicationContent.Guardian("保護者1", "work", null, null, 5, 35.0);
    ApplicationContent content = new ApplicationContent(List.of(first, second), false, tenant.equals("demo-ku"),
        false, false, false, 0, null,
        List.of(new ApplicationContent.Child("c1", "子1", LocalDate.of(2025, 6, 1),
            List.of("hoikuen-minami", "hoikuen-kita"), null)), documents);
    store.insert(new ApplicationRow(id, tenant, "parent-app", NOW, null, "0".repeat(64), 2026, "2026-12",
        ChildcareStore.STAGE_RECEIVED, content, null, null, null, null, null));
    return id;
  }

  ProcessInstance start(String tenant, String id) {
    return engine.getRuntimeService().startProcessInstanceByKey(ID, id,
        new HashMap<>(Map.of(TENANT_ID, tenant, APPLICATION_ID, id)));
  }

  /** Completes the inspections of this case only (other tests' cases may wait at theirs). */
  void inspectOnly(ProcessInstance pi) {
    for (LockedExternalTask t : engine.getExternalTaskService().fetchAndLock(50, "test-worker")
        .topic(Topics.DOCUMENT_INSPECTION, 60_000).businessKey(pi.getBusinessKey()).execute()) {
      engine.getExternalTaskService().complete(t.getId(), "test-worker", Map.of(
          DocumentVariables.DOCUMENT_MEDIA_TYPE, "application/pdf", DocumentVariables.DOCUMENT_PAGES, 1));
    }
  }

  String text(String applicationId, String kind) {
    return store.events(applicationId).stream().filter(e -> e.kind().equals(kind)).map(EventRow::textJa)
        .findFirst().orElse("");
  }

  void addUser(String user, String tenant, String... groups) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(user).count() > 0) {
      return;
    }
    identity.saveUser(identity.newUser(user));
    identity.createTenantUserMembership(tenant, user);
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(user, group);
    }
  }

  ProcessInstance startAs(String user, List<String> groups, String tenant, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, groups, List.of(tenant));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(ID, new HashMap<>(variables));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void inspectAll(ProcessInstance pi) {
    for (LockedExternalTask t : fetch(Topics.DOCUMENT_INSPECTION, 10)) {
      engine.getExternalTaskService().complete(t.getId(), "test-worker", Map.of(
          DocumentVariables.DOCUMENT_MEDIA_TYPE, "application/pdf", DocumentVariables.DOCUMENT_PAGES, 1));
    }
  }

  void readCertificate(ProcessInstance pi, String recognition, boolean needsVerification) {
    LockedExternalTask ocr = fetch(Topics.OCR_EMPLOYMENT_CERTIFICATE, 1).get(0);
    engine.getExternalTaskService().complete(ocr.getId(), "test-worker", Map.of(
        DocumentVariables.RECOGNITION, recognition, DocumentVariables.NEEDS_VERIFICATION, needsVerification));
  }

  List<LockedExternalTask> fetch(String topic, int max) {
    return engine.getExternalTaskService().fetchAndLock(max, "test-worker").topic(topic, 60_000)
        .variables(DocumentVariables.DOCUMENT_ID).execute();
  }

  Task task(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  void complete(ProcessInstance pi, String key, Map<String, Object> variables) {
    engine.getTaskService().complete(task(pi, key).getId(), variables);
  }

  List<String> kinds(String id) {
    return store.events(id).stream().map(EventRow::kind).toList();
  }
}
