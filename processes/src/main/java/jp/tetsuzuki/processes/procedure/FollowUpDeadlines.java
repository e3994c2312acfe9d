package jp.tetsuzuki.processes.procedure;

import java.util.Date;
import java.util.function.Function;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Due dates of the staff tasks that follow a decision (the case's 処理期限 no longer applies once it is decided): the
 * manual legacy-register entry is due {@code openDays} open days of the tenant's calendar after it appears, at
 * 17:00 in Tokyo, so that it shows under 期限が近い / 期限切れ like any other task.
 */
public class FollowUpDeadlines {

  /** Default of {@code tetsuzuki.procedure.follow-up-open-days}. */
  public static final int DEFAULT_OPEN_DAYS = 3;

  private final Function<String, OfficeCalendar> calendars;
  private final int openDays;

  FollowUpDeadlines(Function<String, OfficeCalendar> calendars, int openDays) {
    if (openDays < 1 || openDays > 20) {
      throw new IllegalArgumentException("tetsuzuki.procedure.follow-up-open-days must be 1..20, not " + openDays);
    }
    this.calendars = calendars;
    this.openDays = openDays;
  }

  /** Task_EnterLegacyByHand's due date (camunda:dueDate). */
  public Date legacyEntryDueAt(DelegateExecution execution) {
    Object tenant = execution.getVariable(AdministrativeProcedure.TENANT_ID);
    OfficeCalendar calendar = calendars.apply(tenant instanceof String t ? t : null);
    return Date.from(ProcedureDeadlines.dueAt(calendar.addOpenDays(ProcedureDeadlines.today(CaseRecords.now()),
        openDays)));
  }
}
