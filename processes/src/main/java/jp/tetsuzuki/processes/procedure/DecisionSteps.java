package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import java.time.Instant;
import jp.tetsuzuki.bpmn.NotificationVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The disposition (許可, 申請拒否処分), the notice of the outcome, and 取下げ. */
public class DecisionSteps {

  private final CaseRecords cases;

  DecisionSteps(CaseRecords cases) {
    this.cases = cases;
  }

  /** 許可; whether the catalog names a legacy register comes from the case's procedure, not from a variable. */
  public void grant(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    CaseRecords.after(application, ApplicationLifecycle.Step.DECIDE, OUTCOME_GRANTED);
    Object comment = execution.getVariable(DECISION_COMMENT);
    execution.setVariable(OUTCOME, OUTCOME_GRANTED);
    execution.setVariable(LEGACY_REGISTER, cases.procedureOf(application).legacyRegister() != null);
    cases.store().outcome(application.id(), OUTCOME_GRANTED, ReviewSteps.stringOrNull(comment), now);
    cases.store().event(application.id(), "granted", EventTexts.text("granted", EventTexts.inParentheses(comment)),
        ReviewSteps.stringOrNull(execution.getVariable(DECIDED_BY)), now);
  }

  /** 申請拒否処分: the reasons are stated (行政手続法8条). */
  public void refuse(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    CaseRecords.after(application, ApplicationLifecycle.Step.DECIDE, OUTCOME_REFUSED);
    // the reasons drafted in review and approved with the draft (required there)
    String reasons = String.valueOf(execution.getVariable(REFUSAL_REASONS));
    execution.setVariable(OUTCOME, OUTCOME_REFUSED);
    cases.store().outcome(application.id(), OUTCOME_REFUSED, reasons, now);
    cases.store().event(application.id(), "refused", EventTexts.text("refused", reasons),
        ReviewSteps.stringOrNull(execution.getVariable(DECIDED_BY)), now);
  }

  /** 通知: the notice of the outcome is recorded (the notice model sends it by the catalog's channel). */
  public void recordNotice(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    ApplicationLifecycle.State state = CaseRecords.after(application, ApplicationLifecycle.Step.CLOSE);
    String eventId = cases.store().event(application.id(), "notified",
        Notices.text(cases.procedureOf(application), application), null, now);
    cases.store().stageOnly(application.id(), state.stage(), now);
    execution.setVariable(NOTICE_EVENT_ID, eventId);
    execution.setVariable(NOTICE_TEMPLATE, NotificationVariables.EVENT_DECISION_NOTIFIED);
  }

  /** 取下げ: accepted until the decision; the applicant is told. */
  public void recordWithdrawal(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    CaseRecords.after(application, ApplicationLifecycle.Step.WITHDRAW, OUTCOME_WITHDRAWN);
    Object reason = execution.getVariable(WITHDRAWAL_REASON);
    String id = application.id();
    execution.setVariable(OUTCOME, OUTCOME_WITHDRAWN);
    cases.store().outcome(id, OUTCOME_WITHDRAWN, reason == null ? null : reason.toString(), now);
    cases.store().event(id, "withdrawn", EventTexts.text("withdrawn", reason == null ? ""
        : EventTexts.text("withdrawn.reason", reason)), ReviewSteps.stringOrNull(execution.getVariable(
        WITHDRAWAL_REQUESTED_BY)), now);
    ApplicationRecord withdrawn = cases.store().get(id);
    String eventId = cases.store().event(id, "notified", Notices.text(cases.procedureOf(withdrawn), withdrawn), null,
        now);
    cases.store().stageOnly(id, CaseRecords.after(withdrawn, ApplicationLifecycle.Step.CLOSE).stage(), now);
    execution.setVariable(NOTICE_EVENT_ID, eventId);
    execution.setVariable(NOTICE_TEMPLATE, NotificationVariables.EVENT_WITHDRAWAL_ACCEPTED);
  }
}
