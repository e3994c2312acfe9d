package jp.tetsuzuki.processes.approval;

import static jp.tetsuzuki.bpmn.ApprovalRoute.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.bpmn.ApprovalCirculation;
import jp.tetsuzuki.bpmn.ApprovalSubstituteRegistration;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
 * {@code approval-route} on a real in-memory engine with the real services, organisation data and demo route table
 * (デモ区: 課長 always; procedures 部長; development permits 局長; payments ≥1M 部長, ≥5M 合議 with 契約課 and 会計課,
 * ≥10M 局長, 1M–5M 回覧 to 会計課).
 */
class ApprovalRouteProcessTest {

  static final ApprovalTestEnvironment ENV = new ApprovalTestEnvironment();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENV.configuration)
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(ApprovalCirculation.ID, ApprovalSubstituteRegistration.ID)
      .build();

  static final String TENANT = ApprovalTestEnvironment.TENANT;
  static boolean populated;
  /** Friday 2025-12-26 10:00 in Tokyo: the year-end closure (12/29–1/3) follows the weekend. */
  static final Instant FRIDAY_BEFORE_YEAR_END = Instant.parse("2025-12-26T01:00:00Z");

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(FRIDAY_BEFORE_YEAR_END));
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
  void procedureDecisionIsApprovedByKachoThenBucho() {
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", "zoning-change");
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("kacho-ku");
    Assertions.assertThat(routeUsers(pi)).containsExactly("kacho-ku", "bucho-ku");

    approve(pi, "kacho-ku", "内容を確認しました");
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("bucho-ku");
    Map<String, Object> form = taskService().getVariables(task(pi).getId());
    Assertions.assertThat((String) form.get(ROUTE_HISTORY_TEXT)).contains("承認").contains("内容を確認しました")
        .contains("kacho-ku");
    Assertions.assertThat((String) form.get(ATTACHMENTS_TEXT)).contains("doc-1").contains("doc-2");

    approve(pi, "bucho-ku", "決裁します");
    assertThat(pi).isEnded().hasPassed(EVENT_APPROVED).variables()
        .containsEntry(APPROVAL_OUTCOME, OUTCOME_APPROVED).containsEntry(APPROVAL_COMMENT, "決裁します")
        .containsEntry(APPROVAL_DECIDED_BY, "bucho-ku").containsEntry(APPROVAL_INSTANCE_ID, pi.getId());
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku", "APPROVED kacho-ku",
        "APPROVED bucho-ku");
  }

  @Test
  void nobodyButTheApproverOrTheirSubstituteMayAct() {
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", null);
    as("kakaricho-ku");
    Task task = task(pi);
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of(DECISION, DECISION_APPROVE)))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("neither the approver");
    as("staff-ku");
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of(DECISION, DECISION_APPROVE)))
        .isInstanceOf(AuthorizationException.class);
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("kacho-ku");
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku");
  }

  @Test
  void aCommentLongerThanTheHistoryKeepsIsRefusedAndNothingIsRecorded() {
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", "zoning-change");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> approve(pi, "kacho-ku", "長".repeat(2001)))
        .hasMessageContaining("2000");
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("kacho-ku");
    Assertions.assertThat(actions(pi)).doesNotContain("APPROVED");
  }

  @Test
  void rejectionEndsTheRouteWithTheReason() {
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", null);
    approve(pi, "kacho-ku", null);
    decide(pi, "bucho-ku", Map.of(DECISION, DECISION_REJECT, COMMENT, "根拠法令の記載がありません"));
    assertThat(pi).isEnded().hasPassed(EVENT_REJECTED).variables()
        .containsEntry(APPROVAL_OUTCOME, OUTCOME_REJECTED).containsEntry(APPROVAL_COMMENT, "根拠法令の記載がありません");
  }

  @Test
  void sendBackToAnEarlierStepThenEveryoneFromThereApprovesAgain() {
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", "development-permit");
    Assertions.assertThat(routeUsers(pi)).containsExactly("kacho-ku", "bucho-ku", "kyokucho-ku");
    approve(pi, "kacho-ku", null);
    approve(pi, "bucho-ku", null);
    assertThatThrownBy(() -> decide(pi, "kyokucho-ku", Map.of(DECISION, DECISION_SEND_BACK, SEND_BACK_TO, 3)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(SEND_BACK_TO);
    decide(pi, "kyokucho-ku", Map.of(DECISION, DECISION_SEND_BACK, SEND_BACK_TO, 1, COMMENT, "図面を差し替えてください"));

    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("kacho-ku");
    Assertions.assertThat(taskService().getVariables(task(pi).getId())).doesNotContainKeys(DECISION, SEND_BACK_TO);
    approve(pi, "kacho-ku", "差替え済");
    assertThat(pi).task().isAssignedTo("bucho-ku");
    approve(pi, "bucho-ku", null);
    assertThat(pi).task().isAssignedTo("kyokucho-ku");
    approve(pi, "kyokucho-ku", "許可します");
    assertThat(pi).isEnded().variables().containsEntry(APPROVAL_OUTCOME, OUTCOME_APPROVED);
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku", "APPROVED kacho-ku",
        "APPROVED bucho-ku", "SENT_BACK kyokucho-ku", "APPROVED kacho-ku", "APPROVED bucho-ku",
        "APPROVED kyokucho-ku");
    Assertions.assertThat(ENV.approvals.history(pi.getId()).get(3).targetPosition()).isEqualTo(1);
  }

  @Test
  void sendBackToTheOriginatorWhoResubmitsAndLaterWithdraws() {
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", null);
    decide(pi, "kacho-ku", Map.of(DECISION, DECISION_SEND_BACK, SEND_BACK_TO, 0, COMMENT, "添付が不足"));
    assertThat(pi).isWaitingAt(TASK_REVISE).task().isAssignedTo("staff-ku");

    as("kacho-ku");
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), Map.of(REVISION, REVISION_RESUBMIT)))
        .isInstanceOf(AuthorizationException.class);
    as("staff-ku");
    taskService().complete(task(pi).getId(), Map.of(REVISION, REVISION_RESUBMIT, COMMENT, "添付しました"));
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("kacho-ku");

    decide(pi, "kacho-ku", Map.of(DECISION, DECISION_SEND_BACK, SEND_BACK_TO, 0));
    as("staff-ku");
    taskService().complete(task(pi).getId(), Map.of(REVISION, REVISION_WITHDRAW, COMMENT, "取り下げます"));
    assertThat(pi).isEnded().hasPassed(EVENT_WITHDRAWN_BY_ORIGINATOR).variables()
        .containsEntry(APPROVAL_OUTCOME, OUTCOME_WITHDRAWN);
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku", "SENT_BACK kacho-ku",
        "RESUBMITTED staff-ku", "SENT_BACK kacho-ku", "WITHDRAWN staff-ku");
  }

  @Test
  void originatorWithdrawsAfterTheFirstApprovalButNobodyElseMay() {
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", null);
    approve(pi, "kacho-ku", null);
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("bucho-ku");

    assertThatThrownBy(() -> withdraw(pi, "kacho-ku")).isInstanceOf(AuthorizationException.class);
    assertThat(pi).isWaitingAt(TASK_APPROVE);

    withdraw(pi, "staff-ku");
    assertThat(pi).isEnded().hasPassed(EVENT_WITHDRAWN).variables()
        .containsEntry(APPROVAL_OUTCOME, OUTCOME_WITHDRAWN).containsEntry(APPROVAL_COMMENT, "誤りがあったため引き戻します");
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku", "APPROVED kacho-ku",
        "WITHDRAWN staff-ku");
    assertThatThrownBy(() -> ENV.approvals.checkWithdrawal(pi.getId(), "staff-ku"))
        .isInstanceOf(ApprovalException.class).hasMessageContaining("already ended");
  }

  @Test
  void substituteSeesTheTaskAndApprovesOnBehalfOfTheApprover() {
    LocalDate today = LocalDate.of(2025, 12, 26);
    ENV.substitutes.register("bucho-ku", new SubstituteService.Request(TENANT, null, "jicho-ku",
        today.toString(), today.plusDays(14).toString()));
    // the substitute cannot pass the duty on: no substitute appointed by them, and their own substitute sees nothing
    assertThatThrownBy(() -> ENV.substitutes.register("jicho-ku", new SubstituteService.Request(TENANT, "bucho-ku",
        "kakaricho-ku", today.toString(), today.plusDays(3).toString())))
        .isInstanceOf(ApprovalException.class).hasMessageContaining("a substitute cannot appoint a substitute");
    ENV.substitutes.register("jicho-ku", new SubstituteService.Request(TENANT, null, "kakaricho-ku",
        today.toString(), today.plusDays(3).toString()));

    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", null);
    approve(pi, "kacho-ku", null);
    Task task = task(pi);
    Assertions.assertThat(candidateUsers(task)).containsExactly("jicho-ku");
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateUser("jicho-ku").includeAssignedTasks()
        .processInstanceId(pi.getId()).count()).isOne();

    as("kakaricho-ku");
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of(DECISION, DECISION_APPROVE)))
        .isInstanceOf(AuthorizationException.class);

    approve(pi, "jicho-ku", "部長不在のため代理で決裁");
    assertThat(pi).isEnded().variables().containsEntry(APPROVAL_OUTCOME, OUTCOME_APPROVED)
        .containsEntry(APPROVAL_DECIDED_BY, "jicho-ku");
    ActionRecord last = ENV.approvals.history(pi.getId()).get(2);
    Assertions.assertThat(last.actorId()).isEqualTo("jicho-ku");
    Assertions.assertThat(last.onBehalfOf()).isEqualTo("bucho-ku");
    Assertions.assertThat(ENV.approvals.historyText(pi.getId())).contains("jicho-ku（bucho-ku の代理）");
  }

  @Test
  void theDrafterOrAnApproverOfTheRouteIsNeitherOfferedNorAllowedToActAsSubstitute() {
    // attack review 3 A14: kacho-ku registered the drafter staff-ku as his substitute, who then approved for him.
    // Registering stays allowed (they may stand in on other routes); the route refuses them its steps
    LocalDate today = LocalDate.of(2025, 12, 26);
    Substitute drafter = ENV.substitutes.register("kacho-ku", new SubstituteService.Request(TENANT, null, "staff-ku",
        today.toString(), today.toString()));
    Substitute approver = ENV.substitutes.register("bucho-ku", new SubstituteService.Request(TENANT, null,
        "kacho-ku", today.toString(), today.toString()));
    try {
      ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", null);
      Task first = task(pi);
      Assertions.assertThat(candidateUsers(first)).doesNotContain("staff-ku");
      as("staff-ku");
      assertThatThrownBy(() -> taskService().complete(first.getId(), Map.of(DECISION, DECISION_APPROVE)))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("「staff-ku」はこの決裁の起案者のため、「kacho-ku」の代理・代決はできません");

      approve(pi, "kacho-ku", null);
      Task second = task(pi);
      Assertions.assertThat(candidateUsers(second)).doesNotContain("kacho-ku", "staff-ku");
      assertThatThrownBy(() -> approve(pi, "kacho-ku", "部長の代理で"))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("「kacho-ku」はこの決裁の 1 番目の決裁の担当者のため、「bucho-ku」の代理・代決はできません")
          .hasMessageContaining("同じ決裁で同じ職員が二度決裁・合議することはできません");
      assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("bucho-ku");
      Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku", "APPROVED kacho-ku");
      approve(pi, "bucho-ku", null);
      assertThat(pi).isEnded().variables().containsEntry(APPROVAL_DECIDED_BY, "bucho-ku");
    } finally {
      ENV.substitutes.delete("kacho-ku", drafter.id());
      ENV.substitutes.delete("bucho-ku", approver.id());
    }
  }

  @Test
  void anApproverAddsNeitherHimselfNorAnotherApproverOfTheRouteAsTheNextApprover() {
    // attack review 3 A15: kacho-ku added himself → 「決裁 課長 kacho-ku（承認済）▶ 決裁 追加承認者 kacho-ku」
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", null);
    assertThatThrownBy(() -> decide(pi, "kacho-ku", Map.of(DECISION, DECISION_APPROVE, ADDITIONAL_APPROVER,
        "kacho-ku"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining(ADDITIONAL_APPROVER)
        .hasMessageContaining("「kacho-ku」はこの段階を決裁する本人のため、承認者に追加できません（同じ決裁で同じ職員が二度決裁・合議する"
            + "ことはできません）");
    assertThatThrownBy(() -> decide(pi, "kacho-ku", Map.of(DECISION, DECISION_APPROVE, ADDITIONAL_APPROVER,
        "bucho-ku"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining(ADDITIONAL_APPROVER)
        .hasMessageContaining("「bucho-ku」はこの決裁の 2 番目の決裁の担当者のため、承認者に追加できません");
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("kacho-ku");
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku");
  }

  @Test
  void consultationWithOneOfTwoDepartmentsDisagreeingReturnsToTheStepOwner() {
    ProcessInstance pi = start(KIND_PAYMENT, 6_000_000, "toshikeikaku", "contract-2025-001");
    Assertions.assertThat(routeUsers(pi)).containsExactly("kacho-ku", "bucho-ku", "kacho-keiyaku-ku",
        "kacho-kaikei-ku");
    approve(pi, "kacho-ku", null);
    approve(pi, "bucho-ku", null);
    assertThat(pi).isWaitingAt(TASK_CONSULT);
    Assertions.assertThat(consultTasks(pi)).hasSize(2);

    consult(pi, "kacho-keiyaku-ku", OPINION_AGREE, null);
    assertThatThrownBy(() -> consult(pi, "kacho-kaikei-ku", OPINION_DISAGREE, null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(COMMENT);
    consult(pi, "kacho-kaikei-ku", OPINION_DISAGREE, "予算科目が違います");

    // back to the owner of the step before the 合議 (部長), with the objection in the history
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("bucho-ku");
    Assertions.assertThat((String) taskService().getVariable(task(pi).getId(), ROUTE_HISTORY_TEXT))
        .contains("合議（異議）").contains("予算科目が違います").contains("合議の異議により差戻し");
    approve(pi, "bucho-ku", "科目を修正しました");
    consult(pi, "kacho-keiyaku-ku", OPINION_AGREE, null);
    consult(pi, "kacho-kaikei-ku", OPINION_AGREE, "了解");
    // a route ending on its 合議 reports the last approval as its decision
    assertThat(pi).isEnded().variables().containsEntry(APPROVAL_OUTCOME, OUTCOME_APPROVED)
        .containsEntry(APPROVAL_DECIDED_BY, "bucho-ku").containsEntry(APPROVAL_COMMENT, "科目を修正しました");
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku", "APPROVED kacho-ku",
        "APPROVED bucho-ku", "CONSULTATION_AGREED kacho-keiyaku-ku", "CONSULTATION_DISAGREED kacho-kaikei-ku",
        "RETURNED_BY_CONSULTATION null", "APPROVED bucho-ku", "CONSULTATION_AGREED kacho-keiyaku-ku",
        "CONSULTATION_AGREED kacho-kaikei-ku");
  }

  @Test
  void circulationNeverBlocksTheRoute() {
    ProcessInstance pi = start(KIND_PAYMENT, 2_000_000, "toshikeikaku", null);
    Assertions.assertThat(routeUsers(pi)).containsExactly("kacho-ku", "kacho-kaikei-ku", "bucho-ku");
    approve(pi, "kacho-ku", null);
    // 回覧 started and the route already waits for the next approver
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("bucho-ku");
    ProcessInstance circulation = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(ApprovalCirculation.ID).variableValueEquals(APPROVAL_INSTANCE_ID, pi.getId())
        .singleResult();
    assertThat(circulation).isWaitingAt(ApprovalCirculation.TASK_READ).task().isAssignedTo("kacho-kaikei-ku");
    Assertions.assertThat(circulation.getTenantId()).isEqualTo(TENANT);

    approve(pi, "bucho-ku", null);
    assertThat(pi).isEnded().variables().containsEntry(APPROVAL_OUTCOME, OUTCOME_APPROVED);
    assertThat(circulation).isWaitingAt(ApprovalCirculation.TASK_READ);

    as("kacho-kaikei-ku");
    taskService().complete(taskService().createTaskQuery().processInstanceId(circulation.getId()).singleResult()
        .getId(), Map.of(COMMENT, "確認しました"));
    assertThat(circulation).isEnded().hasPassed(ApprovalCirculation.EVENT_READ);
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku", "APPROVED kacho-ku",
        "CIRCULATED null", "APPROVED bucho-ku", "READ kacho-kaikei-ku");
  }

  @Test
  void approverAddedOnTheWayDecidesRightAfterTheOneWhoAddedThem() {
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", null);
    assertThatThrownBy(() -> decide(pi, "kacho-ku", Map.of(DECISION, DECISION_APPROVE, ADDITIONAL_APPROVER,
        "nobody-here"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining(ADDITIONAL_APPROVER);
    // review 2026-12-01 (F23): a machine account of the tenant (here an outside system) added as approver left the
    // 決裁 with nobody who can open it
    engine.getIdentityService().clearAuthentication();
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser("api-client-test"));
    engine.getIdentityService().createTenantUserMembership(TENANT, "api-client-test");
    assertThatThrownBy(() -> decide(pi, "kacho-ku", Map.of(DECISION, DECISION_APPROVE, ADDITIONAL_APPROVER,
        "api-client-test"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(ADDITIONAL_APPROVER);
    decide(pi, "kacho-ku", Map.of(DECISION, DECISION_APPROVE, ADDITIONAL_APPROVER, "kacho-keiyaku-ku",
        COMMENT, "契約課長にも見てもらいます"));
    assertThat(pi).isWaitingAt(TASK_APPROVE).task().isAssignedTo("kacho-keiyaku-ku");
    Assertions.assertThat(taskService().getVariables(task(pi).getId())).doesNotContainKey(ADDITIONAL_APPROVER);
    approve(pi, "kacho-keiyaku-ku", null);
    assertThat(pi).task().isAssignedTo("bucho-ku");
    approve(pi, "bucho-ku", null);
    assertThat(pi).isEnded().variables().containsEntry(APPROVAL_OUTCOME, OUTCOME_APPROVED);
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku", "APPROVED kacho-ku",
        "APPROVER_ADDED kacho-ku", "APPROVED kacho-keiyaku-ku", "APPROVED bucho-ku");
  }

  @Test
  void stepPastItsBusinessDayDeadlineIsRemindedThenEscalatedToTheSuperior() {
    ProcessInstance pi = start(KIND_PROCEDURE, 0, "toshikeikaku", null);
    // started Friday 12/26; 12/27–1/4 closed (weekend, 年末年始, Sunday); 3 open days: 1/5, 1/6, 1/7
    Job reminder = job(EVENT_REMINDER_DUE, pi);
    Job overdue = job(EVENT_STEP_OVERDUE, pi);
    Assertions.assertThat(reminder.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-01-07T00:00:00Z"));
    Assertions.assertThat(overdue.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-01-07T15:00:00Z"));
    Assertions.assertThat(task(pi).getDueDate().toInstant()).isEqualTo(Instant.parse("2026-01-07T15:00:00Z"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-07T00:00:01Z")));
    execute(reminder);
    assertThat(pi).isWaitingAt(TASK_APPROVE).hasPassed(TASK_REMIND);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-07T15:00:01Z")));
    execute(overdue);
    assertThat(pi).isWaitingAt(TASK_APPROVE).hasPassed(TASK_ESCALATE);

    Task task = task(pi);
    Assertions.assertThat(task.getAssignee()).isEqualTo("kacho-ku");
    Assertions.assertThat(task.getPriority()).isEqualTo(ApprovalRouteActivities.ESCALATED_PRIORITY);
    // the 部長 approves step 2 himself: deciding step 1 too would be two acts of one person (A14); the next one up
    Assertions.assertThat(candidateUsers(task)).contains("kyokucho-ku").doesNotContain("bucho-ku");
    Assertions.assertThat(taskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains(TENANT + "-supervisors");
    assertThatThrownBy(() -> approve(pi, "bucho-ku", "課長不在のため代決"))
        .isInstanceOf(AuthorizationException.class);

    // the superior decides in the approver's place (代決), recorded on behalf of the approver
    approve(pi, "kyokucho-ku", "課長不在のため代決");
    ActionRecord decided = ENV.approvals.history(pi.getId()).get(3);
    Assertions.assertThat(decided.action()).isEqualTo(ActionType.APPROVED);
    Assertions.assertThat(decided.onBehalfOf()).isEqualTo("kacho-ku");
    assertThat(pi).task().isAssignedTo("bucho-ku");
    approve(pi, "bucho-ku", null);
    assertThat(pi).isEnded();
    Assertions.assertThat(actions(pi)).containsExactly("SUBMITTED staff-ku", "REMINDED null", "ESCALATED null",
        "APPROVED kyokucho-ku", "APPROVED bucho-ku");
  }

  @Test
  void changedThresholdInTheTenantTableChangesTheNextCaseWithoutRedeployingTheModel() {
    // a designer deploys the new table later the same day
    ClockUtil.setCurrentTime(Date.from(FRIDAY_BEFORE_YEAR_END.plusSeconds(600)));
    String modelBefore = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ID)
        .latestVersion().singleResult().getId();
    ProcessInstance before = start(KIND_PAYMENT, 500_000, "doro", null);
    Assertions.assertThat(routeUsers(before)).containsExactly("kacho-ku");

    ClockUtil.setCurrentTime(Date.from(FRIDAY_BEFORE_YEAR_END.plusSeconds(1200)));
    ENV.deployTable(engine, "/approval/approval-route-rules-bucho-from-300000.dmn");

    ProcessInstance after = start(KIND_PAYMENT, 500_000, "doro", null);
    Assertions.assertThat(routeUsers(after)).containsExactly("kacho-ku", "bucho-ku");
    Assertions.assertThat(after.getProcessDefinitionId()).isEqualTo(modelBefore);
    // the case already under way keeps its route
    approve(before, "kacho-ku", null);
    assertThat(before).isEnded().variables().containsEntry(APPROVAL_OUTCOME, OUTCOME_APPROVED);
    // redeploying an unchanged table creates no version
    long versions = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION_ROUTE_RULES).tenantIdIn(TENANT).count();
    ClockUtil.setCurrentTime(Date.from(FRIDAY_BEFORE_YEAR_END.plusSeconds(1800)));
    ENV.deployTable(engine, "/approval/approval-route-rules-bucho-from-300000.dmn");
    Assertions.assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION_ROUTE_RULES).tenantIdIn(TENANT).count()).isEqualTo(versions);
  }

  @Test
  void routeThatCannotBeResolvedEndsWithTheRouteError() {
    // filed directly by a person, a department that is no 課 of the chart is the starter's 400 (second review N2)
    assertThatThrownBy(() -> start(KIND_PROCEDURE, 0, "no-such-department", null))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(DEPARTMENT);
    // filed by the platform (a procedure's call activity, no person as starter), the route error ends it
    engine.getIdentityService().clearAuthentication();
    Map<String, Object> variables = new HashMap<>(Map.of(TENANT_ID, TENANT, SUBJECT, "テスト起案", SUMMARY, "概要",
        KIND, KIND_PROCEDURE, AMOUNT, 0L, DEPARTMENT, "no-such-department", ORIGINATOR, "staff-ku"));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ID, variables);
    assertThat(pi).isEnded().hasPassed(EVENT_ROUTE_UNRESOLVED, EVENT_ROUTE_FAILED);
    Assertions.assertThat(ENV.approvals.find(pi.getId())).isEmpty();
  }

  @Test
  void staffRegisterTheirSubstituteFromTheTasklistStartForm() {
    // the principal is whoever starts the form (camunda:initiator), never a field they could fill in
    as("kyokucho-ku");
    ProcessInstance registration = runtimeService().startProcessInstanceByKey(ApprovalSubstituteRegistration.ID,
        Map.of(TENANT_ID, TENANT, ApprovalSubstituteRegistration.SUBSTITUTE, "kacho-kaikei-ku",
            ApprovalSubstituteRegistration.VALID_FROM, "2025-12-26", ApprovalSubstituteRegistration.VALID_TO,
            "2026-01-09"));
    assertThat(registration).isEnded().hasPassed(ApprovalSubstituteRegistration.EVENT_REGISTERED);
    Assertions.assertThat(ENV.approvals.activeSubstitutesOf(TENANT, "kyokucho-ku"))
        .containsExactly("kacho-kaikei-ku");

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ApprovalSubstituteRegistration.ID,
        Map.of(TENANT_ID, TENANT, ApprovalSubstituteRegistration.SUBSTITUTE, "kacho-kaikei-ku",
            ApprovalSubstituteRegistration.VALID_FROM, "2026-01-09", ApprovalSubstituteRegistration.VALID_TO,
            "2026-01-01"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(ApprovalSubstituteRegistration.VALID_TO);
  }

  // ---- helpers

  private ProcessInstance start(String kind, long amount, String department, String procedureCode) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(TENANT_ID, TENANT);
    variables.put(SUBJECT, "テスト起案 " + kind);
    variables.put(SUMMARY, "概要");
    variables.put(KIND, kind);
    variables.put(AMOUNT, amount);
    variables.put(DEPARTMENT, department);
    variables.put(ORIGINATOR, "staff-ku");
    variables.put(ATTACHMENTS, "doc-1,doc-2");
    if (procedureCode != null) {
      variables.put(PROCEDURE_CODE, procedureCode);
    }
    // a member of the 起案課 (as the REST layer authenticates staff-ku with their groups)
    engine.getIdentityService().setAuthentication("staff-ku", List.of(TENANT + "-" + department), List.of(TENANT));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ID, variables);
    engine.getIdentityService().clearAuthentication();
    return pi;
  }

  /** As the REST layer authenticates a member of the tenant (tenant checks then apply as in production). */
  private void as(String user) {
    engine.getIdentityService().setAuthentication(user, List.of(), List.of(TENANT));
  }

  private Task task(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private List<Task> consultTasks(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_CONSULT).list();
  }

  private void approve(ProcessInstance pi, String user, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(DECISION, DECISION_APPROVE);
    variables.put(COMMENT, comment);
    decide(pi, user, variables);
  }

  private void decide(ProcessInstance pi, String user, Map<String, Object> variables) {
    as(user);
    taskService().complete(taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_APPROVE).singleResult().getId(), variables);
  }

  private void consult(ProcessInstance pi, String consultee, String opinion, String comment) {
    as(consultee);
    Map<String, Object> variables = new HashMap<>();
    variables.put(OPINION, opinion);
    variables.put(COMMENT, comment);
    taskService().complete(taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_CONSULT).taskAssignee(consultee).singleResult().getId(), variables);
  }

  /** As the platform's withdrawal API correlates it: without a caller, after checking who asks. */
  private void withdraw(ProcessInstance pi, String user) {
    engine.getIdentityService().clearAuthentication();
    runtimeService().createMessageCorrelation(MSG_WITHDRAWN).processInstanceId(pi.getId())
        .setVariable(WITHDRAWN_BY, user).setVariable(COMMENT, "誤りがあったため引き戻します").correlate();
  }

  private List<String> candidateUsers(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null).map(IdentityLink::getUserId).toList();
  }

  private List<String> routeUsers(ProcessInstance pi) {
    return ENV.approvals.steps(pi.getId()).stream().map(RouteStep::userId).toList();
  }

  private List<String> actions(ProcessInstance pi) {
    return ENV.approvals.history(pi.getId()).stream().map(a -> a.action().name() + " " + a.actorId()).toList();
  }
}
