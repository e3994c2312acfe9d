package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import java.time.Instant;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;

/** 審査: the review task, its reminders and escalation, and the way back from the 決裁. */
public class ReviewSteps {

  private final CaseRecords cases;

  ReviewSteps(CaseRecords cases) {
    this.cases = cases;
  }

  /** The review task appears: stage and status. */
  public void reviewStarted(DelegateTask task) {
    ApplicationRecord application = cases.linked(task.getExecution());
    ApplicationLifecycle.State state = CaseRecords.after(application, ApplicationLifecycle.Step.START_REVIEW);
    cases.store().stage(application.id(), state.status(), state.stage(), CaseRecords.now());
    // what the applicant submitted, from the stored record (case variables never hold the content), for reading
    task.setVariableLocal(APPLICATION_DETAILS, ApplicationDetails.markdown(cases.procedureOf(application),
        ProcedureActivities.readData(application.dataJson())));
    task.setVariableLocal(ATTACHMENT_LIST, AttachmentList.markdown(cases.procedureOf(application),
        cases.store().inspections(application.id())));
  }

  /** The reviewer becomes the originator of the decision document (起案者). */
  public void reviewCompleted(DelegateTask task) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(task.getExecution());
    // the originator of the 決裁 is whoever completes the review, as authenticated: never the task's assignee field,
    // which decides the approvers (the originator's own post is skipped) and which somebody else may have set
    String reviewer = caller(task);
    if (reviewer == null) {
      throw new BadUserRequestException(EventTexts.text("review.no-reviewer"));
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(reviewer)) {
      throw new AuthorizationException(EventTexts.text("review.assigned-to-other", task.getAssignee())
          + " / the review task is assigned to '" + task.getAssignee() + "', not to '" + reviewer + "'");
    }
    Object proposed = task.getVariable(PROPOSED_DECISION);
    if (!PROPOSED_GRANT.equals(proposed) && !PROPOSED_REFUSE.equals(proposed)) {
      throw new BadUserRequestException(EventTexts.text("review.no-proposal")
          + " / proposedDecision must be grant or refuse");
    }
    Object reasons = task.getVariable(REFUSAL_REASONS);
    if (PROPOSED_REFUSE.equals(proposed) && (reasons == null || reasons.toString().isBlank())) {
      // 行政手続法8条: a refusal states its reasons; they are drafted here and approved with the draft
      throw new BadUserRequestException(EventTexts.text("review.no-refusal-reasons")
          + " / refusalReasons is required when refusing");
    }
    ApplicationLifecycle.State state = CaseRecords.after(application, ApplicationLifecycle.Step.SEND_TO_DECISION);
    // what the 決裁 is routed by comes from the stored case, whatever the completion carried
    Procedure procedure = cases.procedureOf(application);
    DelegateExecution execution = task.getExecution();
    execution.setVariable(REVIEWER, reviewer);
    execution.setVariable(APPLICATION_ID, application.id());
    execution.setVariable(PROCEDURE_CODE, procedure.code());
    execution.setVariable(PROCEDURE_NAME, procedure.name());
    execution.setVariable(REVIEW_DEPARTMENT, procedure.review().department());
    execution.setVariable(REVIEW_GROUP, procedure.reviewGroup(application.tenantId()));
    cases.store().stage(application.id(), state.status(), state.stage(), now);
    cases.store().event(application.id(), "reviewed", EventTexts.text("review.completed",
        EventTexts.text(PROPOSED_REFUSE.equals(proposed) ? "review.proposed.refuse" : "review.proposed.grant")),
        reviewer, now);
  }

  /** 否認: the draft (not the application) was rejected in the 決裁; it goes back to review with the comment. */
  public void draftRejected(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    ApplicationLifecycle.State state = CaseRecords.after(application, ApplicationLifecycle.Step.REJECT_DRAFT);
    cases.store().stage(application.id(), state.status(), state.stage(), now);
    cases.store().event(application.id(), "draft-rejected", EventTexts.text("draft.rejected",
        EventTexts.inParentheses(execution.getVariable(DECISION_COMMENT))),
        stringOrNull(execution.getVariable(DECIDED_BY)), now);
  }

  /** 督促: the due date is near. */
  public void remind(DelegateExecution execution) {
    ApplicationRecord application = cases.linked(execution);
    cases.store().event(application.id(), "reminder", EventTexts.text("reminder", String.valueOf(
        application.dueDate()), cases.procedureOf(application).reviewGroup(application.tenantId())), null,
        CaseRecords.now());
  }

  /** エスカレーション: the tenant's supervisors see and may take the review task. */
  public void escalate(DelegateExecution execution) {
    ApplicationRecord application = cases.linked(execution);
    String supervisors = application.tenantId() + "-supervisors";
    var tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_REVIEW).list()) {
      tasks.addCandidateGroup(task.getId(), supervisors);
    }
    cases.store().event(application.id(), "escalated", EventTexts.text("escalated", String.valueOf(
        application.dueDate()), supervisors), null, CaseRecords.now());
  }

  public void recordRouteFailure(DelegateExecution execution) {
    cases.store().event(cases.linked(execution).id(), "route-unresolved", EventTexts.text("route.unresolved"), null,
        CaseRecords.now());
  }

  /** Who completes a task, as authenticated (never a variable). */
  static String caller(DelegateTask task) {
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  static String stringOrNull(Object value) {
    return value instanceof String s ? s : null;
  }
}
