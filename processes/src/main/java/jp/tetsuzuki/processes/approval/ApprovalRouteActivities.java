package jp.tetsuzuki.processes.approval;

import static jp.tetsuzuki.bpmn.ApprovalRoute.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.bpmn.ApprovalCirculation;
import jp.tetsuzuki.bpmn.ApprovalSubstituteRegistration;
import jp.tetsuzuki.bpmn.CommonVariables;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The glue of {@code approval-route}, {@code approval-circulation} and {@code approval-substitute-registration}:
 * each method reads variables, calls {@link ApprovalService} or {@link SubstituteService}, and writes the result
 * back. Service tasks bind the delegates as {@code camunda:delegateExpression="${approvalRouteActivities.plan}"}
 * (a delegate's exceptions reach the caller unwrapped, so a refusal is a 403/400 at the REST API, not a 500);
 * listeners call {@code ${approvalRouteActivities.taskCreated(task)}}.
 */
public class ApprovalRouteActivities {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalRouteActivities.class);
  /** Priority of an overdue step (Camunda's default is 50). */
  static final int ESCALATED_PRIORITY = 80;

  private final ApprovalService approvals;
  private final SubstituteService substitutes;

  public ApprovalRouteActivities(ApprovalService approvals, SubstituteService substitutes) {
    this.approvals = approvals;
    this.substitutes = substitutes;
  }

  // delegates for camunda:delegateExpression
  public JavaDelegate getPlan() { return this::plan; }
  public JavaDelegate getApplyDecision() { return this::applyDecision; }
  public JavaDelegate getRecordOpinion() { return this::recordOpinion; }
  public JavaDelegate getApplyConsultation() { return this::applyConsultation; }
  public JavaDelegate getStartCirculation() { return this::startCirculation; }
  public JavaDelegate getApplyRevision() { return this::applyRevision; }
  public JavaDelegate getRecordWithdrawal() { return this::recordWithdrawal; }
  public JavaDelegate getRemind() { return this::remind; }
  public JavaDelegate getEscalate() { return this::escalate; }
  public JavaDelegate getRecordRead() { return this::recordRead; }
  public JavaDelegate getRegisterSubstitute() { return this::registerSubstitute; }
  /** A delegate (not an expression): its refusals reach the REST layer as they are (400 naming the field). */
  public org.camunda.bpm.engine.delegate.ExecutionListener getCheckStart() { return this::checkStart; }

  /** The platform's approval models; tenant deployments cannot reuse their keys (deployment guard). */
  static final java.util.Set<String> OWN_MODELS = java.util.Set.of(jp.tetsuzuki.bpmn.ApprovalRoute.ID,
      ApprovalCirculation.ID, ApprovalSubstituteRegistration.ID);

  /** A tenant designer's model calling the glue (e.g. with a timer start, as nobody) is refused. */
  static void requireOwnModel(DelegateExecution execution) {
    String key = jp.tetsuzuki.processes.engine.RunningModel.keyOf(execution);
    if (!OWN_MODELS.contains(key)) {
      throw new AuthorizationException("この処理は決裁の標準モデルからだけ呼び出せます。 / the approval glue runs only in "
          + OWN_MODELS + ", not in '" + key + "'");
    }
  }

  /** Task_PlanRoute: the route table's rows become the route of this case. */
  public void plan(DelegateExecution execution) {
    requireOwnModel(execution);
    String starter = actor(execution);
    if (starter != null && execution.getProcessInstance().getSuperExecution() == null
        && !starter.equals(string(execution, ORIGINATOR))) {
      // checked at the start (checkStart); again here, as nothing may plan a route in another's name
      throw new AuthorizationException("起案者は決裁を起案した本人（" + starter + "）です。 / the originator of a route"
          + " started directly must be its starter '" + starter + "'");
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable(ROUTE_RULES);
    Route.Activation next;
    try {
      List<RouteRule> rules = new ArrayList<>();
      for (Map<String, Object> row : rows == null ? List.<Map<String, Object>>of() : rows) {
        rules.add(RouteRule.fromDecisionRow(row));
      }
      // a missing or bad input (件名, 種別, 起案課, …) is the starter's 400 naming the field, never the engine's 500
      Route.Request request = new Route.Request(execution.getProcessInstanceId(),
          execution.getTenantId(), string(execution, SUBJECT), string(execution, KIND), amount(execution),
          string(execution, DEPARTMENT), string(execution, PROCEDURE_CODE), string(execution, ORIGINATOR));
      next = call(() -> approvals.plan(request, rules));
    } catch (RoutePlanner.RouteNotDefinedException | OrganisationChart.ApproverNotFoundException
             | IllegalArgumentException e) {
      LOG.warn("approval route of {} unresolved: {}", execution.getProcessInstanceId(), e.getMessage());
      throw new BpmnError(ERROR_ROUTE_UNRESOLVED, e.getMessage());
    }
    execution.removeVariable(ROUTE_RULES);
    execution.setVariable(APPROVAL_INSTANCE_ID, execution.getProcessInstanceId());
    Object described = execution.getVariable(ATTACHMENTS_TEXT);
    String attachments = described instanceof String text && !text.isBlank()
        ? (text.length() > MAX_ATTACHMENTS_TEXT ? text.substring(0, MAX_ATTACHMENTS_TEXT) + "…" : text)
        : attachmentsText(execution.getVariable(ATTACHMENTS));
    execution.setVariable(ATTACHMENTS_TEXT, attachments);
    call(() -> {
      approvals.keepDocument(execution.getProcessInstanceId(), string(execution, SUMMARY), attachments);
      return null;
    });
    apply(execution, next);
  }

  /**
   * Event_RouteRequested (start listener, before the route table is read): a 決裁 a person files directly is checked
   * as its start form's input; one a process files (call activity) or the platform starts is its caller's business.
   */
  public void checkStart(DelegateExecution execution) {
    requireOwnModel(execution);
    String starter = actor(execution);
    if (starter != null && execution.getProcessInstance().getSuperExecution() == null) {
      checkDirectStart(execution, starter);
    }
  }

  /** What a person may file directly (start form {@code approval-route-start}); the route table knows these kinds. */
  static final java.util.Map<String, String> DIRECT_KINDS = java.util.Map.of(
      jp.tetsuzuki.bpmn.ApprovalRoute.KIND_PROCEDURE, "一般の決裁（処分・事務）",
      jp.tetsuzuki.bpmn.ApprovalRoute.KIND_PAYMENT, "支出の決裁");
  static final int MAX_DIRECT_SUBJECT = 200;
  static final int MAX_DIRECT_TEXT = 4000;

  /**
   * A person filing a 決裁 directly (Tasklist start form or the engine's REST start) is its originator (nobody files
   * one in another's name), files it for a 起案課 of their own, and gets a 400 naming the field for a missing or bad
   * input, before anything is recorded.
   */
  private void checkDirectStart(DelegateExecution execution, String starter) {
    Object originator = execution.getVariable(ORIGINATOR);
    if (originator == null || originator.toString().isBlank()) {
      execution.setVariable(ORIGINATOR, starter);
    } else if (!starter.equals(originator)) {
      throw new AuthorizationException("起案者は決裁を起案した本人（" + starter + "）です。他の職員の名前では起案できません。"
          + " / the originator of a route started directly must be its starter '" + starter + "'");
    }
    // the caller as the engine's REST layer and the webapps authenticated them: their tenants and groups
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller.getTenantIds() == null || !caller.getTenantIds().contains(execution.getTenantId())) {
      throw new AuthorizationException("自治体「" + execution.getTenantId() + "」の職員ではないため、その決裁は起案できません。"
          + " / '" + starter + "' is no member of tenant '" + execution.getTenantId() + "' and files no 決裁 there");
    }
    String subject = string(execution, SUBJECT);
    if (subject == null || subject.isBlank()) {
      throw new FormFieldValidationException(SUBJECT, "件名を入力してください。 / subject: is required");
    }
    if (subject.length() > MAX_DIRECT_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
      throw new FormFieldValidationException(SUBJECT, "件名は改行を含まない " + MAX_DIRECT_SUBJECT
          + " 文字以内で入力してください。 / subject: at most " + MAX_DIRECT_SUBJECT + " characters, one line");
    }
    for (String text : List.of(SUMMARY, ATTACHMENTS_TEXT)) {
      Object value = execution.getVariable(text);
      if (value != null && !(value instanceof String)) {
        throw new FormFieldValidationException(text, (SUMMARY.equals(text) ? "概要" : "添付資料")
            + "は文字で入力してください。 / " + text + ": must be a string");
      }
      if (value instanceof String string && string.length() > MAX_DIRECT_TEXT) {
        throw new FormFieldValidationException(text, (SUMMARY.equals(text) ? "概要" : "添付資料") + "は "
            + MAX_DIRECT_TEXT + " 文字以内で入力してください。 / " + text + ": at most " + MAX_DIRECT_TEXT + " characters");
      }
    }
    String kind = string(execution, KIND);
    if (kind == null || !DIRECT_KINDS.containsKey(kind)) {
      throw new FormFieldValidationException(KIND, "種別は「一般の決裁（処分・事務）」か「支出の決裁」を選んでください。"
          + " / kind: one of " + new java.util.TreeSet<>(DIRECT_KINDS.keySet()));
    }
    Object amount = execution.getVariable(AMOUNT);
    long yen;
    try {
      yen = amount(execution);
    } catch (IllegalArgumentException e) {
      yen = -1;
    }
    if (yen < 0 || amount instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new FormFieldValidationException(AMOUNT, "金額（円）は 0 以上の整数で入力してください。"
          + " / amount: a whole number of yen, not negative");
    }
    if (yen > MAX_DIRECT_AMOUNT || amount instanceof Number n && n.doubleValue() > MAX_DIRECT_AMOUNT) {
      // second review N3: 1e300 reached the route table as a 500 from the DMN engine
      throw new FormFieldValidationException(AMOUNT, "金額（円）は 1兆円以下で入力してください。"
          + " / amount: at most " + MAX_DIRECT_AMOUNT + " yen");
    }
    String department = string(execution, DEPARTMENT);
    if (department == null || department.isBlank()) {
      throw new FormFieldValidationException(DEPARTMENT, "起案課を選んでください。 / department: is required");
    }
    String group = execution.getTenantId() + "-" + department;
    if (caller.getGroupIds() == null || !caller.getGroupIds().contains(group)) {
      throw new FormFieldValidationException(DEPARTMENT, "起案課「" + department + "」はあなたの所属課ではありません。"
          + "所属する課から選んでください。 / department: '" + starter + "' is not a member of " + group);
    }
    if (!approvals.isDepartment(execution.getTenantId(), department)) {
      // second review N2: a group of the caller that is no 課 (supervisors, kensa) started a route that ended at once
      throw new FormFieldValidationException(DEPARTMENT, "「" + department + "」は組織図の課ではありません。起案する課を"
          + "選んでください。 / department: '" + department + "' is not a 課 of the organisation chart");
    }
  }

  /** The largest amount a 決裁 filed directly may name (as for contracts: one trillion yen). */
  static final long MAX_DIRECT_AMOUNT = 1_000_000_000_000L;

  /** Task_ApplyDecision: the approver's decision from the form. */
  public void applyDecision(DelegateExecution execution) {
    requireOwnModel(execution);
    Object sendBackTo = execution.getVariable(SEND_BACK_TO);
    Route.Decision decision = new Route.Decision(string(execution, DECISION),
        string(execution, COMMENT), sendBackTo == null || sendBackTo.toString().isBlank() ? null
            : toInt(SEND_BACK_TO, sendBackTo), string(execution, ADDITIONAL_APPROVER));
    // form fields must not pre-fill the next approver's form
    execution.removeVariables(List.of(DECISION, COMMENT, SEND_BACK_TO, ADDITIONAL_APPROVER));
    apply(execution, call(() -> approvals.decide(execution.getProcessInstanceId(), actor(execution), decision)));
  }

  /** Task_RecordOpinion (inside each 合議 instance): one consulted department's opinion. */
  public void recordOpinion(DelegateExecution execution) {
    requireOwnModel(execution);
    String consultee = string(execution, CONSULTEE);
    String opinion = string(execution, OPINION);
    String comment = string(execution, COMMENT);
    call(() -> {
      approvals.answerConsultation(execution.getProcessInstanceId(), actor(execution), consultee, opinion, comment);
      return null;
    });
  }

  /** Task_ApplyConsultation: every consulted department answered. */
  public void applyConsultation(DelegateExecution execution) {
    requireOwnModel(execution);
    apply(execution, call(() -> approvals.finishConsultation(execution.getProcessInstanceId())));
  }

  /** Task_StartCirculation: one 回覧 case per reader, then the route goes on without waiting. */
  public void startCirculation(DelegateExecution execution) {
    requireOwnModel(execution);
    int position = toInt(STEP_POSITION, execution.getVariable(STEP_POSITION));
    List<String> readers = approvals.steps(execution.getProcessInstanceId()).stream()
        .filter(s -> s.position() == position && s.kind() == StepKind.CIRCULATION).map(RouteStep::userId).toList();
    Route.Activation next = call(() -> approvals.circulate(execution.getProcessInstanceId()));
    var identity = execution.getProcessEngineServices().getIdentityService();
    for (String reader : readers) {
      // the platform opens the 回覧 cases: nobody holds a permission to start one by hand
      jp.tetsuzuki.processes.identity.AsPlatform.call(identity, () -> execution.getProcessEngineServices()
          .getRuntimeService()
          .createProcessInstanceByKey(ApprovalCirculation.ID)
          .businessKey(execution.getProcessBusinessKey())
          .setVariable(CommonVariables.TENANT_ID, execution.getVariable(TENANT_ID))
          .setVariable(ApprovalCirculation.APPROVAL_INSTANCE_ID, execution.getProcessInstanceId())
          .setVariable(ApprovalCirculation.READER, reader)
          .setVariable(ApprovalCirculation.STEP_POSITION, position)
          .setVariable(SUBJECT, execution.getVariable(SUBJECT))
          .setVariable(SUMMARY, execution.getVariable(SUMMARY))
          .setVariable(AMOUNT, execution.getVariable(AMOUNT))
          .setVariable(ATTACHMENTS_TEXT, execution.getVariable(ATTACHMENTS_TEXT))
          .execute());
    }
    apply(execution, next);
  }

  /** Task_ApplyRevision: the originator resubmits or withdraws after a send-back. */
  public void applyRevision(DelegateExecution execution) {
    requireOwnModel(execution);
    String revision = string(execution, REVISION);
    String comment = string(execution, COMMENT);
    execution.removeVariables(List.of(REVISION, COMMENT));
    apply(execution, call(() -> approvals.revise(execution.getProcessInstanceId(), actor(execution), revision,
        comment)));
  }

  /** Task_RecordWithdrawal: the originator withdrew (message {@code approvalWithdrawn}). */
  public void recordWithdrawal(DelegateExecution execution) {
    requireOwnModel(execution);
    String by = string(execution, WITHDRAWN_BY);
    String caller = actor(execution);
    if (caller != null && !caller.equals(by)) {
      // only the platform's withdrawal API (which checked the originator) correlates without a caller
      throw new AuthorizationException("'" + caller + "' cannot withdraw on behalf of '" + by + "'");
    }
    String comment = string(execution, COMMENT);
    apply(execution, call(() -> approvals.withdraw(execution.getProcessInstanceId(), by, comment)));
  }

  /** Task_Remind: the step's last day has begun. */
  public void remind(DelegateExecution execution) {
    requireOwnModel(execution);
    List<String> users = call(() -> approvals.remind(execution.getProcessInstanceId()));
    LOG.info("approval step {} of {} due today; reminded {}", execution.getVariable(STEP_POSITION),
        execution.getProcessInstanceId(), users);
  }

  /** Task_Escalate: the step is overdue; its task goes to the superior and the tenant's supervisors too. */
  public void escalate(DelegateExecution execution) {
    requireOwnModel(execution);
    Route.Escalation escalation = call(() -> approvals.escalate(execution.getProcessInstanceId()));
    var tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_APPROVE).list()) {
      if (escalation.superior() != null) {
        tasks.addCandidateUser(task.getId(), escalation.superior());
      }
      tasks.addCandidateGroup(task.getId(), escalation.supervisorsGroup());
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
    }
    LOG.info("approval step {} of {} overdue; escalated to {} and {}", execution.getVariable(STEP_POSITION),
        execution.getProcessInstanceId(), escalation.superior(), escalation.supervisorsGroup());
  }

  /** Create listener of every approval task: substitutes may see and act on it; the form shows the route. */
  public void taskCreated(DelegateTask task) {
    requireOwnModel(task.getExecution());
    String tenantId = (String) task.getVariable(TENANT_ID);
    String instance = (String) task.getVariable(APPROVAL_INSTANCE_ID);
    String routeId = instance == null ? task.getProcessInstanceId() : instance;
    ApprovalCase route = approvals.find(routeId).filter(c -> c.tenantId().equals(task.getTenantId()))
        .orElseThrow(() -> new AuthorizationException("route " + routeId + " is not a route of tenant "
            + task.getTenantId()));
    if (task.getAssignee() != null) {
      // not the route's drafter nor anyone acting on it otherwise (A14): the task is not offered to them
      task.addCandidateUsers(approvals.activeSubstitutesOn(routeId, tenantId, task.getAssignee()));
    }
    task.setVariableLocal(ROUTE_HISTORY_TEXT, approvals.historyText(routeId));
    // the form shows the route's stored document, not process variables an earlier task could have rewritten
    task.setVariableLocal(SUBJECT, route.subject());
    task.setVariableLocal(AMOUNT, route.amount());
    task.setVariableLocal(DEPARTMENT, route.department());
    task.setVariableLocal(ORIGINATOR, route.originator());
    approvals.document(routeId).ifPresent(document -> {
      task.setVariableLocal(SUMMARY, document.summary());
      task.setVariableLocal(ATTACHMENTS_TEXT, document.attachmentsText());
    });
  }

  /** approval-circulation Task_RecordRead: the reader confirmed. */
  public void recordRead(DelegateExecution execution) {
    requireOwnModel(execution);
    String approvalInstance = string(execution, ApprovalCirculation.APPROVAL_INSTANCE_ID);
    int position = toInt(STEP_POSITION, execution.getVariable(ApprovalCirculation.STEP_POSITION));
    String comment = string(execution, COMMENT);
    call(() -> {
      approvals.recordRead(approvalInstance, actor(execution), position, comment);
      return null;
    });
  }

  /** approval-substitute-registration Task_RegisterSubstitute: the initiator registers their substitute. */
  public void registerSubstitute(DelegateExecution execution) {
    requireOwnModel(execution);
    String principal = actor(execution);
    String initiator = string(execution, ApprovalSubstituteRegistration.INITIATOR);
    if (principal == null || !principal.equals(initiator)) {
      // camunda:initiator can be overwritten by a start variable: trust only the authenticated user
      throw new AuthorizationException("a substitute is registered by the principal themselves");
    }
    Substitute registered = call(() -> substitutes.register(principal, new SubstituteService.Request(
        execution.getTenantId(), principal, string(execution, ApprovalSubstituteRegistration.SUBSTITUTE),
        string(execution, ApprovalSubstituteRegistration.VALID_FROM),
        string(execution, ApprovalSubstituteRegistration.VALID_TO))));
    execution.setVariable(ApprovalSubstituteRegistration.SUBSTITUTE_ID, registered.id());
  }

  private static void apply(DelegateExecution execution, Route.Activation next) {
    execution.setVariable(NEXT_STEP, next.next());
    execution.setVariable(STEP_POSITION, next.position());
    if (NEXT_APPROVAL.equals(next.next()) || NEXT_ORIGINATOR.equals(next.next())) {
      execution.setVariable(APPROVER, next.approver());
    }
    if (NEXT_CONSULTATION.equals(next.next())) {
      execution.setVariable(CONSULTEES, Variables.objectValue(new ArrayList<>(next.participants()))
          .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
    if (next.dueAt() != null) {
      execution.setVariable(STEP_DUE_DATE, Date.from(next.dueAt()));
      execution.setVariable(STEP_REMINDER_DATE, Date.from(next.reminderAt()));
    }
    if (next.outcome() != null) {
      execution.setVariable(APPROVAL_OUTCOME, next.outcome());
      execution.setVariable(APPROVAL_COMMENT, next.comment());
      execution.setVariable(APPROVAL_DECIDED_BY, next.decidedBy());
    }
  }

  /** Business refusals become what the engine's callers understand: 403 for "not yours", 400 for bad input. */
  private static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (ApprovalException e) {
      throw switch (e.reason()) {
        case FORBIDDEN -> new AuthorizationException(e.getMessage());
        case INVALID -> new FormFieldValidationException(e.field(), e.getMessage());
        default -> new ProcessEngineException(e.getMessage(), e);
      };
    }
  }

  private static String actor(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static long amount(DelegateExecution execution) {
    Object value = execution.getVariable(AMOUNT);
    if (value == null || value.toString().isBlank()) {
      return 0;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(AMOUNT + " must be a whole number of yen, not '" + value + "'");
    }
  }

  private static int toInt(String field, Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new FormFieldValidationException(field, field + " must be a number");
    }
  }

  /** How much of a caller's description of the attachments the route keeps. */
  static final int MAX_ATTACHMENTS_TEXT = 4000;

  static String attachmentsText(Object attachments) {
    if (attachments == null) {
      return "（添付なし）";
    }
    List<String> ids = new ArrayList<>();
    if (attachments instanceof Collection<?> list) {
      list.forEach(a -> ids.add(String.valueOf(a)));
    } else {
      for (String id : attachments.toString().split(",")) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
    }
    return ids.isEmpty() ? "（添付なし）" : String.join("\n", ids.stream().map(id -> "・文書 " + id).toList());
  }
}
