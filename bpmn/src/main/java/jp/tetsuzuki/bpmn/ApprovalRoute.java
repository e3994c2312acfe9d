package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code approval-route} (決裁ルート): the reusable call activity that takes a document through the
 * Japanese approval route resolved for it and returns the outcome.
 *
 * <h2>Inputs (call-activity {@code in} mappings)</h2>
 * <ul>
 *   <li>{@link #TENANT_ID} (String, required) — the municipality; selects the tenant's route table.</li>
 *   <li>{@link #SUBJECT} (String, required) — 件名 shown to every approver.</li>
 *   <li>{@link #SUMMARY} (String, optional) — 概要.</li>
 *   <li>{@link #KIND} (String, required) — {@link #KIND_PROCEDURE} or {@link #KIND_PAYMENT} (the route table may know
 *   more kinds).</li>
 *   <li>{@link #AMOUNT} (Long/Integer, yen, optional, 0 if absent).</li>
 *   <li>{@link #DEPARTMENT} (String, required) — the originator's department code, e.g. {@code toshikeikaku}.</li>
 *   <li>{@link #PROCEDURE_CODE} (String, optional) — the procedure (行政手続) or contract code.</li>
 *   <li>{@link #ORIGINATOR} (String, required) — user id of the 起案者; receives send-backs and may withdraw.</li>
 *   <li>{@link #ATTACHMENTS} (String with comma-separated document ids, or a list; optional).</li>
 *   <li>{@link #ATTACHMENTS_TEXT} (String, optional) — the attachments as the caller describes them for people (e.g.
 *   document kind and file name); shown instead of the bare ids when given (at most 4000 characters).</li>
 * </ul>
 *
 * <h2>Outputs (call-activity {@code out} mappings)</h2>
 * <ul>
 *   <li>{@link #APPROVAL_OUTCOME} — {@link #OUTCOME_APPROVED}, {@link #OUTCOME_REJECTED} or
 *   {@link #OUTCOME_WITHDRAWN}.</li>
 *   <li>{@link #APPROVAL_COMMENT} — comment of the final action (approval, rejection or withdrawal).</li>
 *   <li>{@link #APPROVAL_DECIDED_BY} — user who took the final action.</li>
 *   <li>{@link #APPROVAL_INSTANCE_ID} — id of the approval-route instance; its full history is at
 *   {@code GET /api/v1/approvals/{approvalInstanceId}/history}.</li>
 * </ul>
 * If no route can be resolved the instance ends with the BPMN error {@link #ERROR_ROUTE_UNRESOLVED}, which the calling
 * activity can catch.
 */
public final class ApprovalRoute {

  public static final String ID = "approval-route";
  /** Decision (DMN) deployed per tenant: route steps from kind, amount, department and procedure. */
  public static final String DECISION_ROUTE_RULES = "approval-route-rules";

  // elements
  public static final String EVENT_ROUTE_REQUESTED = "Event_RouteRequested";
  public static final String TASK_RESOLVE_ROUTE = "Task_ResolveRoute";
  public static final String TASK_PLAN_ROUTE = "Task_PlanRoute";
  public static final String GATEWAY_NEXT_STEP = "Gateway_NextStep";
  public static final String TASK_APPROVE = "Task_Approve";
  public static final String TASK_APPLY_DECISION = "Task_ApplyDecision";
  public static final String EVENT_REMINDER_DUE = "Event_ReminderDue";
  public static final String TASK_REMIND = "Task_Remind";
  public static final String EVENT_STEP_OVERDUE = "Event_StepOverdue";
  public static final String TASK_ESCALATE = "Task_Escalate";
  /** 合議: one instance per consulted user, in parallel. */
  public static final String SUBPROCESS_CONSULTATION = "SubProcess_Consultation";
  public static final String EVENT_CONSULTATION_REQUESTED = "Event_ConsultationRequested";
  public static final String TASK_CONSULT = "Task_Consult";
  public static final String TASK_RECORD_OPINION = "Task_RecordOpinion";
  public static final String EVENT_OPINION_GIVEN = "Event_OpinionGiven";
  public static final String TASK_APPLY_CONSULTATION = "Task_ApplyConsultation";
  public static final String TASK_START_CIRCULATION = "Task_StartCirculation";
  public static final String TASK_REVISE = "Task_Revise";
  public static final String TASK_APPLY_REVISION = "Task_ApplyRevision";
  public static final String EVENT_APPROVED = "Event_Approved";
  public static final String EVENT_REJECTED = "Event_Rejected";
  public static final String EVENT_WITHDRAWN_BY_ORIGINATOR = "Event_WithdrawnByOriginator";
  public static final String EVENT_ROUTE_UNRESOLVED = "Event_RouteUnresolved";
  public static final String EVENT_ROUTE_FAILED = "Event_RouteFailed";
  public static final String SUBPROCESS_WITHDRAWAL = "SubProcess_Withdrawal";
  public static final String EVENT_WITHDRAWAL_REQUESTED = "Event_WithdrawalRequested";
  public static final String TASK_RECORD_WITHDRAWAL = "Task_RecordWithdrawal";
  public static final String EVENT_WITHDRAWN = "Event_Withdrawn";

  /** Form ids (form-js {@code id}) of the user tasks. */
  public static final String FORM_APPROVE = "approval-route-approve";
  public static final String FORM_CONSULT = "approval-route-consult";
  public static final String FORM_REVISE = "approval-route-revise";
  /** The start form of a 決裁 a person files directly (Tasklist 「プロセスを開始」 → 決裁). */
  public static final String FORM_START = "approval-route-start";

  // inputs
  public static final String TENANT_ID = CommonVariables.TENANT_ID;
  public static final String SUBJECT = "subject";
  public static final String SUMMARY = "summary";
  public static final String KIND = "kind";
  public static final String AMOUNT = "amount";
  public static final String DEPARTMENT = "department";
  public static final String PROCEDURE_CODE = "procedureCode";
  public static final String ORIGINATOR = "originator";
  public static final String ATTACHMENTS = "attachments";

  public static final String KIND_PROCEDURE = "procedure";
  public static final String KIND_PAYMENT = "payment";

  // outputs
  public static final String APPROVAL_OUTCOME = "approvalOutcome";
  public static final String APPROVAL_COMMENT = "approvalComment";
  public static final String APPROVAL_DECIDED_BY = "approvalDecidedBy";
  public static final String APPROVAL_INSTANCE_ID = "approvalInstanceId";
  public static final String OUTCOME_APPROVED = "approved";
  public static final String OUTCOME_REJECTED = "rejected";
  public static final String OUTCOME_WITHDRAWN = "withdrawn";

  // internal variables (set by the model's delegates; read by the model and the forms)
  /** Result list of the route decision. */
  public static final String ROUTE_RULES = "routeRules";
  /** Where the route goes next: one of the {@code NEXT_*} values. */
  public static final String NEXT_STEP = "nextStep";
  public static final String NEXT_APPROVAL = "approval";
  public static final String NEXT_CONSULTATION = "consultation";
  public static final String NEXT_CIRCULATION = "circulation";
  public static final String NEXT_ORIGINATOR = "originator";
  public static final String NEXT_APPROVED = "approved";
  public static final String NEXT_REJECTED = "rejected";
  public static final String NEXT_WITHDRAWN = "withdrawn";
  /** Position (1-based) of the active step in the route. */
  public static final String STEP_POSITION = "stepPosition";
  /** Approver of the active approval step (task assignee). */
  public static final String APPROVER = "approver";
  /** Consulted users of the active 合議 step (JSON list; multi-instance collection). */
  public static final String CONSULTEES = "consultees";
  /** Element variable of the 合議 multi-instance. */
  public static final String CONSULTEE = "consultee";
  /** Deadline of the active step (end of its last business day, Asia/Tokyo). */
  public static final String STEP_DUE_DATE = "stepDueDate";
  /** When the approver is reminded (start of the last business day). */
  public static final String STEP_REMINDER_DATE = "stepReminderDate";
  /** Japanese text of the route and its history so far, shown in every task form (task-local). */
  public static final String ROUTE_HISTORY_TEXT = "routeHistoryText";
  /** Attachments as a readable list for the forms. */
  public static final String ATTACHMENTS_TEXT = "attachmentsText";

  // form fields submitted by staff
  /** Approver's decision: one of the {@code DECISION_*} values. */
  public static final String DECISION = "decision";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_REJECT = "reject";
  public static final String DECISION_SEND_BACK = "sendBack";
  /** Position to send back to; 0 = the originator. */
  public static final String SEND_BACK_TO = "sendBackTo";
  /** Optional user id of an approver added right after the current step. */
  public static final String ADDITIONAL_APPROVER = "additionalApprover";
  /** Comment of the action (any task). */
  public static final String COMMENT = "comment";
  /** 合議 opinion: {@link #OPINION_AGREE} or {@link #OPINION_DISAGREE}. */
  public static final String OPINION = "opinion";
  public static final String OPINION_AGREE = "agree";
  public static final String OPINION_DISAGREE = "disagree";
  /** Originator's answer to a send-back: {@link #REVISION_RESUBMIT} or {@link #REVISION_WITHDRAW}. */
  public static final String REVISION = "revision";
  public static final String REVISION_RESUBMIT = "resubmit";
  public static final String REVISION_WITHDRAW = "withdraw";

  // messages
  /** The originator withdraws (引戻し) the document; correlate with {@link #WITHDRAWN_BY} and {@link #COMMENT}. */
  public static final String MSG_WITHDRAWN = "approvalWithdrawn";
  public static final String WITHDRAWN_BY = "withdrawnBy";

  // errors
  /** No route could be resolved (no matching rule, or a role has no holder in the organisation data). */
  public static final String ERROR_ROUTE_UNRESOLVED = "APPROVAL_ROUTE_UNRESOLVED";

  private ApprovalRoute() {}
}
