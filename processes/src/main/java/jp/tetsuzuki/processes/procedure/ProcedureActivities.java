package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.calendar.Pause;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The glue of {@code administrative-procedure}: each method reads variables, calls the plain rules
 * ({@link ProcedureDeadlines}, {@link CompletenessCheck}) and the {@link ApplicationStore}, and writes the results.
 * Bound by name in the model: {@code ${procedureActivities.checkCompleteness(execution)}}. Time is the engine's
 * clock, so timers and deadlines agree in tests.
 */
public class ProcedureActivities {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcedureCatalog catalog;
  private final ApplicationStore store;
  private final Function<String, OfficeCalendar> calendars;
  private final TenantMembers members;
  private final ApplicationService applications;

  public ProcedureActivities(ProcedureCatalog catalog, ApplicationStore store,
      Function<String, OfficeCalendar> calendars, TenantMembers members, ApplicationService applications) {
    this.catalog = catalog;
    this.store = store;
    this.calendars = calendars;
    this.members = members;
    this.applications = applications;
  }

  /**
   * 到達. From the API the application exists already; from the Tasklist start form (a paper application) it is
   * created here with its real arrival date. Either way the case gets its deadlines.
   */
  public void registerArrival(DelegateExecution execution) {
    requireOwnModel(execution);
    String tenantId = (String) execution.getVariable(TENANT_ID);
    String applicationId = (String) execution.getVariable(APPLICATION_ID);
    ApplicationRecord application;
    if (applicationId == null) {
      application = registerPaperApplication(execution);
      execution.setVariable(APPLICATION_ID, application.id());
      execution.setProcessBusinessKey(application.id());
    } else {
      application = store.get(applicationId);
      if (!application.tenantId().equals(execution.getTenantId())) {
        throw new AuthorizationException("申請 " + applicationId + " はこの自治体の申請ではありません。 / application "
            + applicationId + " does not belong to tenant " + execution.getTenantId());
      }
    }
    if (!store.linkProcess(application.id(), execution.getProcessInstanceId())) {
      throw new AuthorizationException("申請 " + application.id() + " は既に別の案件で処理中です。 / application "
          + application.id() + " is handled by another case already");
    }
    Procedure procedure = procedureOf(application);
    execution.setVariable(PROCEDURE_CODE, procedure.code());
    execution.setVariable(PROCEDURE_NAME, procedure.name());
    execution.setVariable(RECEIVED_ON, application.receivedOn().toString());
    execution.setVariable(REVIEW_GROUP, procedure.reviewGroup(tenantId));
    execution.setVariable(REVIEW_DEPARTMENT, procedure.review().department());
    execution.setVariable(APPLICANT_NAME, applicantName(application));
    setDeadlines(execution, calendars.apply(tenantId), application.dueDate());
  }

  /**
   * A paper application from the Tasklist start form: the form's fields are read back into a submission and
   * registered by the application service, with the checks, idempotency and events of every intake path. The
   * registering staff member is the authenticated user, never a variable. A refusal is the service's Japanese
   * sentence (400 bad field or registered before, 403 not a member of the tenant); nothing of the start remains.
   */
  private ApplicationRecord registerPaperApplication(DelegateExecution execution) {
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String staff = caller == null ? null : caller.getUserId();
    Map<String, Object> form = execution.getVariables();
    try {
      ApplicationRecord application = applications.registerPaper(staff,
          PaperApplicationForm.submission(catalog, form), execution.getProcessInstanceId());
      // the content now lives in the application record, as for the other paths; the case keeps ids and small facts
      PaperApplicationForm.contentKeys(form).forEach(execution::removeVariable);
      return application;
    } catch (jp.tetsuzuki.processes.api.ApiException refused) {
      String message = refused.japanese() != null ? refused.japanese() : refused.getMessage();
      throw refused.status() == 403 ? new AuthorizationException(message) : new BadUserRequestException(message);
    }
  }

  /** 形式審査. */
  public void checkCompleteness(DelegateExecution execution) {
    Instant now = now();
    ApplicationRecord application = linked(execution);
    store.stage(application.id(), ApplicationRecord.STATUS_RECEIVED, ApplicationRecord.STAGE_COMPLETENESS_CHECK,
        now);
    boolean paper = Boolean.TRUE.equals(execution.getVariable(PAPER_DOCUMENTS_RECEIVED));
    List<CompletenessCheck.Attached> documents = store.documents(application.id());
    List<String> problems = CompletenessCheck.problems(procedureOf(application), documents,
        readData(application.dataJson()), paper);
    execution.setVariable(COMPLETE, problems.isEmpty());
    execution.setVariable(MISSING_ITEMS, String.join("\n", problems));
    execution.setVariable("attachments", documents.stream().map(CompletenessCheck.Attached::documentId)
        .collect(Collectors.joining(",")));
    store.event(application.id(), "completeness-checked", problems.isEmpty() ? "形式審査: 要件を満たしています。"
        : "形式審査: 不備があります。" + String.join(" ", problems), null, now);
  }

  /** 補正要求: the clock stops today; the applicant has until the correction deadline. */
  public void requestCorrection(DelegateExecution execution) {
    Instant now = now();
    ApplicationRecord application = linked(execution);
    LocalDate today = ProcedureDeadlines.today(now);
    LocalDate requestedOn = today.isBefore(application.receivedOn()) ? application.receivedOn() : today;
    LocalDate correctionDue = ProcedureDeadlines.correctionDue(calendars.apply(application.tenantId()),
        procedureOf(application), requestedOn);
    store.pause(application.id(), requestedOn, correctionDue, now);
    execution.setVariable(CORRECTION_DUE_DATE, correctionDue.toString());
    execution.setVariable(CORRECTION_DUE_AT, Date.from(ProcedureDeadlines.endOf(correctionDue)));
    store.event(application.id(), "correction-requested", "補正を求めました（補正期限 " + correctionDue
        + "）。補正があるまで標準処理期間は停止します。\n" + execution.getVariable(MISSING_ITEMS), null, now);
  }

  /** 補正受領: the clock runs again and the due date moves by the paused days. */
  public void resumeClock(DelegateExecution execution) {
    Instant now = now();
    ApplicationRecord application = linked(execution);
    LocalDate resumedOn = ProcedureDeadlines.today(now);
    if (application.pausedSince() != null && resumedOn.isBefore(application.pausedSince())) {
      resumedOn = application.pausedSince();
    }
    OfficeCalendar calendar = calendars.apply(application.tenantId());
    Procedure procedure = procedureOf(application);
    List<Pause> pauses = new java.util.ArrayList<>(store.completedPauses(application.id()));
    if (application.pausedSince() != null) {
      pauses.add(new Pause(application.pausedSince(), resumedOn));
    }
    LocalDate due = ProcedureDeadlines.dueDate(calendar, procedure, application.receivedOn(), pauses);
    store.resume(application.id(), resumedOn, due, ProcedureDeadlines.pausedDays(calendar, procedure, pauses), now);
    setDeadlines(execution, calendar, due);
    store.event(application.id(), "correction-received", "補正を受領しました。処理期限は " + due + " です。", null, now);
  }

  /** No answer by the correction deadline: refused or treated as withdrawn, as the catalog says. */
  public void decideUnanswered(DelegateExecution execution) {
    Instant now = now();
    ApplicationRecord application = linked(execution);
    Procedure procedure = procedureOf(application);
    boolean refusal = Procedure.TIMEOUT_REFUSAL.equals(procedure.correction().onTimeout());
    String reason = refusal
        ? "補正期限（" + application.correctionDue() + "）までに補正がなかったため、形式上の要件に適合しない申請として拒否します"
            + "（行政手続法第7条）。不備: " + String.join(" ", String.valueOf(execution.getVariable(MISSING_ITEMS)))
        : "補正期限（" + application.correctionDue() + "）までに補正がなかったため、申請は取り下げられたものとして扱います。";
    String outcome = refusal ? OUTCOME_REFUSED : OUTCOME_DEEMED_WITHDRAWN;
    execution.setVariable(OUTCOME, outcome);
    store.outcome(application.id(), outcome, reason, now);
    store.event(application.id(), "correction-deadline-passed", reason, null, now);
  }

  /** The review task appears: stage and status, and the due date shown on the task. */
  public void reviewStarted(DelegateTask task) {
    Instant now = now();
    store.stage(linked(task.getExecution()).id(), ApplicationRecord.STATUS_UNDER_REVIEW,
        ApplicationRecord.STAGE_REVIEW, now);
  }

  /** The reviewer becomes the originator of the decision document (起案者). */
  public void reviewCompleted(DelegateTask task) {
    Instant now = now();
    ApplicationRecord application = linked(task.getExecution());
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    // the originator of the 決裁 is whoever completes the review, as authenticated: never the task's assignee field,
    // which decides the approvers (the originator's own post is skipped) and which somebody else may have set
    String reviewer = caller == null ? null : caller.getUserId();
    if (reviewer == null) {
      throw new BadUserRequestException("審査を完了した職員が特定できません。ログインしてタスクを完了してください。");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(reviewer)) {
      throw new AuthorizationException("この審査タスクは " + task.getAssignee() + " さんに割り当てられています。自分に割り当ててから"
          + "完了してください。 / the review task is assigned to '" + task.getAssignee() + "', not to '" + reviewer + "'");
    }
    Object proposed = task.getVariable(PROPOSED_DECISION);
    if (!PROPOSED_GRANT.equals(proposed) && !PROPOSED_REFUSE.equals(proposed)) {
      throw new BadUserRequestException("起案する処分（許可・不許可）を選んでください。 / proposedDecision must be grant or refuse");
    }
    Object reasons = task.getVariable(REFUSAL_REASONS);
    if (PROPOSED_REFUSE.equals(proposed) && (reasons == null || reasons.toString().isBlank())) {
      // 行政手続法8条: a refusal states its reasons; they are drafted here and approved with the draft
      throw new BadUserRequestException("不許可とする場合は、拒否の理由を記入してください（行政手続法第8条）。 / refusalReasons "
          + "is required when refusing");
    }
    // what the 決裁 is routed by comes from the stored case, whatever the completion carried
    Procedure procedure = procedureOf(application);
    task.getExecution().setVariable(REVIEWER, reviewer);
    task.getExecution().setVariable(APPLICATION_ID, application.id());
    task.getExecution().setVariable(PROCEDURE_CODE, procedure.code());
    task.getExecution().setVariable(PROCEDURE_NAME, procedure.name());
    task.getExecution().setVariable(REVIEW_DEPARTMENT, procedure.review().department());
    task.getExecution().setVariable(REVIEW_GROUP, procedure.reviewGroup(application.tenantId()));
    String id = application.id();
    store.stage(id, ApplicationRecord.STATUS_DECIDING, ApplicationRecord.STAGE_DECISION, now);
    store.event(id, "reviewed", "審査を完了し、" + (PROPOSED_REFUSE.equals(proposed) ? "不許可" : "許可")
        + "の案で決裁に回しました。", reviewer, now);
  }

  /** 否認: the draft (not the application) was rejected in the 決裁; it goes back to review with the comment. */
  public void draftRejected(DelegateExecution execution) {
    Object comment = execution.getVariable(DECISION_COMMENT);
    String id = linked(execution).id();
    store.stage(id, ApplicationRecord.STATUS_UNDER_REVIEW, ApplicationRecord.STAGE_REVIEW,
        now());
    store.event(id, "draft-rejected", "決裁で起案が否認されたため、再審査します。"
        + (comment == null ? "" : "（" + comment + "）"), (String) execution.getVariable(DECIDED_BY), now());
  }

  /** 督促: the due date is near. */
  public void remind(DelegateExecution execution) {
    store.event(linked(execution).id(), "reminder", "処理期限（" + execution.getVariable(DUE_DATE)
        + "）が近づいています。担当課（" + execution.getVariable(REVIEW_GROUP) + "）に督促しました。", null, now());
  }

  /** エスカレーション: the tenant's supervisors see and may take the review task. */
  public void escalate(DelegateExecution execution) {
    String supervisors = execution.getVariable(TENANT_ID) + "-supervisors";
    var tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_REVIEW).list()) {
      tasks.addCandidateGroup(task.getId(), supervisors);
    }
    store.event(linked(execution).id(), "escalated", "処理期限（" + execution.getVariable(DUE_DATE)
        + "）の前日です。監督職（" + supervisors + "）にエスカレーションしました。", null, now());
  }

  public void recordRouteFailure(DelegateExecution execution) {
    store.event(linked(execution).id(), "route-unresolved", "決裁ルートを決定できませんでした。組織データを確認し、"
        + "審査からやり直してください。", null, now());
  }

  /** 許可. */
  public void grant(DelegateExecution execution) {
    Instant now = now();
    String id = decided(execution).id();
    String comment = (String) execution.getVariable(DECISION_COMMENT);
    execution.setVariable(OUTCOME, OUTCOME_GRANTED);
    store.outcome(id, OUTCOME_GRANTED, comment, now);
    store.event(id, "granted", "許可することに決定しました。" + (comment == null ? "" : "（" + comment + "）"),
        (String) execution.getVariable(DECIDED_BY), now);
  }

  /** 申請拒否処分: the reasons are stated (行政手続法8条). */
  public void refuse(DelegateExecution execution) {
    Instant now = now();
    String id = decided(execution).id();
    // the reasons drafted in review and approved with the draft (required there)
    String reasons = String.valueOf(execution.getVariable(REFUSAL_REASONS));
    execution.setVariable(OUTCOME, OUTCOME_REFUSED);
    store.outcome(id, OUTCOME_REFUSED, reasons, now);
    store.event(id, "refused", "申請を拒否することに決定しました。理由: " + reasons,
        (String) execution.getVariable(DECIDED_BY), now);
  }

  /** 通知: records the notice for the channel of the catalog (the mail worker sends it). */
  public void notifyApplicant(DelegateExecution execution) {
    Instant now = now();
    ApplicationRecord application = linked(execution);
    Procedure procedure = procedureOf(application);
    store.event(application.id(), "notified", Notices.text(procedure, application), null, now);
    store.stageOnly(application.id(), ApplicationRecord.STAGE_CLOSED, now);
  }

  /** 取下げ: accepted until the decision; the applicant is told. */
  public void recordWithdrawal(DelegateExecution execution) {
    Instant now = now();
    String id = linked(execution).id();
    Object reason = execution.getVariable(WITHDRAWAL_REASON);
    String text = "申請の取下げを受理しました。" + (reason == null ? "" : "（理由: " + reason + "）");
    execution.setVariable(OUTCOME, OUTCOME_WITHDRAWN);
    store.outcome(id, OUTCOME_WITHDRAWN, reason == null ? null : reason.toString(), now);
    store.event(id, "withdrawn", text, null, now);
    ApplicationRecord application = store.get(id);
    store.event(id, "notified", Notices.text(procedureOf(application), application), null, now);
    store.stageOnly(id, ApplicationRecord.STAGE_CLOSED, now);
  }

  private void setDeadlines(DelegateExecution execution, OfficeCalendar calendar, LocalDate due) {
    execution.setVariable(DUE_DATE, due.toString());
    execution.setVariable(DUE_AT, Date.from(ProcedureDeadlines.dueAt(due)));
    execution.setVariable(REMINDER_AT, Date.from(ProcedureDeadlines.reminderAt(calendar, due)));
    execution.setVariable(ESCALATION_AT, Date.from(ProcedureDeadlines.escalationAt(calendar, due)));
  }

  private Procedure procedureOf(ApplicationRecord application) {
    return catalog.find(application.procedureCode(), application.procedureVersion()).orElseThrow(() -> new ProcessEngineException(
        "procedure " + application.procedureCode() + " is no longer in the catalog"));
  }

  private static String applicationId(DelegateExecution execution) {
    return (String) execution.getVariable(APPLICATION_ID);
  }

  /**
   * The application this very case handles: linked to this process instance (by 到達) and of its tenant. A step
   * reached without 到達 (a start at a later activity, a moved token) or pointed at another application by a
   * variable stops here instead of acting on somebody else's record.
   */
  private ApplicationRecord linked(DelegateExecution execution) {
    requireOwnModel(execution);
    String id = applicationId(execution);
    ApplicationRecord application = id == null ? null : store.find(id).orElse(null);
    if (application == null || !execution.getProcessInstanceId().equals(application.processInstanceId())
        || !application.tenantId().equals(execution.getTenantId())) {
      throw new AuthorizationException("この案件に結び付いた申請ではありません（申請 " + id + "）。 / application " + id
          + " is not the application of case " + execution.getProcessInstanceId() + " in tenant "
          + execution.getTenantId());
    }
    return application;
  }

  /**
   * The glue acts for the platform's own model only: a tenant designer's model calling these methods (with a timer
   * start, as nobody) would otherwise register and decide applications without review or 決裁. Tenant deployments
   * cannot reuse the shared model's key (deployment guard), so the key identifies it.
   */
  static void requireOwnModel(DelegateExecution execution) {
    String key = jp.tetsuzuki.processes.engine.RunningModel.keyOf(execution);
    if (!ID.equals(key)) {
      throw new AuthorizationException("この処理は行政手続の標準モデルからだけ呼び出せます。 / the procedure glue runs only in "
          + "model '" + ID + "', not in '" + key + "'");
    }
  }

  /** The linked application, which must have been reviewed and sent to the 決裁 before a disposition is recorded. */
  private ApplicationRecord decided(DelegateExecution execution) {
    ApplicationRecord application = linked(execution);
    if (!ApplicationRecord.STAGE_DECISION.equals(application.stage()) || application.outcome() != null) {
      throw new AuthorizationException("審査と決裁を経ていない申請の処分は記録できません（申請 " + application.id() + "、段階 "
          + application.stage() + "）。 / application " + application.id() + " has not been through review and "
          + "decision (stage " + application.stage() + ")");
    }
    return application;
  }

  private static String applicantName(ApplicationRecord application) {
    try {
      return JSON.readTree(application.applicantJson()).path("name").asText(null);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static Map<String, Object> readData(String json) {
    try {
      return JSON.readValue(json, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
          Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored application data is not JSON", e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
