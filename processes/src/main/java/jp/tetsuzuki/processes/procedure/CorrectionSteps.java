package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import jp.tetsuzuki.bpmn.NotificationVariables;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.calendar.Pause;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** 補正: the request (clock stops), the correction received (clock runs, due date moves), no answer in time. */
public class CorrectionSteps {

  private final CaseRecords cases;
  private final Function<String, OfficeCalendar> calendars;

  CorrectionSteps(CaseRecords cases, Function<String, OfficeCalendar> calendars) {
    this.cases = cases;
    this.calendars = calendars;
  }

  /** 補正要求: the clock stops today; the applicant has until the correction deadline, and is told. */
  public void requestCorrection(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    CaseRecords.after(application, ApplicationLifecycle.Step.REQUEST_CORRECTION);
    LocalDate today = ProcedureDeadlines.today(now);
    LocalDate requestedOn = today.isBefore(application.receivedOn()) ? application.receivedOn() : today;
    LocalDate correctionDue = ProcedureDeadlines.correctionDue(calendars.apply(application.tenantId()),
        cases.procedureOf(application), requestedOn);
    cases.store().pause(application.id(), requestedOn, correctionDue, now);
    execution.setVariable(CORRECTION_DUE_DATE, correctionDue.toString());
    execution.setVariable(CORRECTION_DUE_AT, Date.from(ProcedureDeadlines.endOf(correctionDue)));
    // no reminder: a time after the deadline, which ends the wait (and cancels this timer) first
    execution.setVariable(CORRECTION_REMINDER_AT, Date.from(ProcedureDeadlines.correctionReminderAt(
        calendars.apply(application.tenantId()), cases.procedureOf(application), requestedOn, correctionDue)
        .orElse(ProcedureDeadlines.endOf(correctionDue.plusDays(1)))));
    String eventId = cases.store().event(application.id(), "correction-requested", EventTexts.text(
        "correction.requested", correctionDue.toString(), execution.getVariable(MISSING_ITEMS)), null, now);
    execution.setVariable(NOTICE_EVENT_ID, eventId);
    execution.setVariable(NOTICE_TEMPLATE, NotificationVariables.EVENT_CORRECTION_REQUESTED);
  }

  /**
   * 補正期限が近い and no correction yet: the reminder is an event of the case (the notice the applicant gets, once per
   * reminder: its id is the mail's key), handed to {@code applicant-notice} as {@link
   * jp.tetsuzuki.bpmn.AdministrativeProcedure#CORRECTION_REMINDER_EVENT_ID} (the correction notice keeps its own).
   */
  public void remindApplicant(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    CaseRecords.after(application, ApplicationLifecycle.Step.REMIND_CORRECTION);
    String eventId = cases.store().event(application.id(), "correction-reminder", EventTexts.text(
        "correction.reminder", String.valueOf(application.correctionDue()), onTimeout(cases.procedureOf(application)),
        execution.getVariable(MISSING_ITEMS)), null, now);
    execution.setVariable(CORRECTION_REMINDER_EVENT_ID, eventId);
  }

  private static String onTimeout(Procedure procedure) {
    return EventTexts.text(Procedure.TIMEOUT_REFUSAL.equals(procedure.correction().onTimeout())
        ? "correction.reminder.refusal" : "correction.reminder.deemed-withdrawn");
  }

  /** 補正受領: the clock runs again and the due date moves by the paused days. */
  public void resumeClock(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    CaseRecords.after(application, ApplicationLifecycle.Step.RESUME);
    LocalDate resumedOn = ProcedureDeadlines.today(now);
    if (application.pausedSince() != null && resumedOn.isBefore(application.pausedSince())) {
      resumedOn = application.pausedSince();
    }
    OfficeCalendar calendar = calendars.apply(application.tenantId());
    Procedure procedure = cases.procedureOf(application);
    List<Pause> pauses = new ArrayList<>(cases.store().completedPauses(application.id()));
    if (application.pausedSince() != null) {
      pauses.add(new Pause(application.pausedSince(), resumedOn));
    }
    LocalDate due = ProcedureDeadlines.dueDate(calendar, procedure, application.receivedOn(), pauses);
    cases.store().resume(application.id(), resumedOn, due, ProcedureDeadlines.pausedDays(calendar, procedure, pauses),
        now);
    setDeadlines(execution, calendar, due);
    cases.store().event(application.id(), "correction-received", EventTexts.text("correction.received",
        due.toString()), null, now);
  }

  /** No answer by the correction deadline: refused or treated as withdrawn, as the catalog says. */
  public void decideUnanswered(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    Procedure procedure = cases.procedureOf(application);
    boolean refusal = Procedure.TIMEOUT_REFUSAL.equals(procedure.correction().onTimeout());
    String due = String.valueOf(application.correctionDue());
    String reason = refusal
        ? EventTexts.text("unanswered.refused", due, String.valueOf(execution.getVariable(MISSING_ITEMS)))
        : EventTexts.text("unanswered.deemed-withdrawn", due);
    String outcome = refusal ? OUTCOME_REFUSED : OUTCOME_DEEMED_WITHDRAWN;
    CaseRecords.after(application, ApplicationLifecycle.Step.DECIDE_UNANSWERED, outcome);
    execution.setVariable(OUTCOME, outcome);
    cases.store().outcome(application.id(), outcome, reason, now);
    cases.store().event(application.id(), "correction-deadline-passed", reason, null, now);
  }

  /** The due date and the timers that follow from it (also on the review task). */
  static void setDeadlines(DelegateExecution execution, OfficeCalendar calendar, LocalDate due) {
    execution.setVariable(DUE_DATE, due.toString());
    execution.setVariable(DUE_AT, Date.from(ProcedureDeadlines.dueAt(due)));
    execution.setVariable(REMINDER_AT, Date.from(ProcedureDeadlines.reminderAt(calendar, due)));
    execution.setVariable(ESCALATION_AT, Date.from(ProcedureDeadlines.escalationAt(calendar, due)));
  }
}
