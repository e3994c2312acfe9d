package jp.tetsuzuki.processes.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.calendar.Pause;
import jp.tetsuzuki.processes.calendar.PeriodUnit;

/**
 * Deadlines of an application (plain Java): the due date of the standard period after pauses, the correction
 * deadline, and when staff are reminded (3 open days before) and supervisors alerted (the last open day before).
 * Dates are Asia/Tokyo; instants are what timers and task due dates use.
 */
public final class ProcedureDeadlines {

  /** Task due time on the due date: end of office hours. */
  public static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 0);
  /** Reminders and escalations are sent when the office opens. */
  public static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);
  public static final int REMINDER_OPEN_DAYS_BEFORE = 3;
  public static final int ESCALATION_OPEN_DAYS_BEFORE = 1;

  private ProcedureDeadlines() {}

  public static LocalDate today(Instant now) {
    return now.atZone(JapanTime.ZONE).toLocalDate();
  }

  /** The due date of the standard period counted from the arrival, moved by the completed pauses. */
  public static LocalDate dueDate(OfficeCalendar calendar, Procedure procedure, LocalDate receivedOn,
      List<Pause> pauses) {
    return calendar.dueDate(receivedOn, procedure.standardPeriod().value(), procedure.standardPeriod().periodUnit(),
        pauses);
  }

  /** Last day for the applicant to answer a correction requested on {@code requestedOn}. */
  public static LocalDate correctionDue(OfficeCalendar calendar, Procedure procedure, LocalDate requestedOn) {
    Procedure.Period deadline = procedure.correction().deadline();
    return calendar.dueDate(requestedOn, deadline.value(), deadline.periodUnit());
  }

  /**
   * When the applicant is reminded of a correction due on {@code correctionDue} (requested on {@code requestedOn}):
   * 09:00 in Tokyo on the catalog's n-th open day before it; empty when the procedure sends no reminder or that day is
   * not after the request.
   */
  public static java.util.Optional<Instant> correctionReminderAt(OfficeCalendar calendar, Procedure procedure,
      LocalDate requestedOn, LocalDate correctionDue) {
    int days = procedure.correction().reminderDays();
    if (days <= 0) {
      return java.util.Optional.empty();
    }
    LocalDate day = openDayBefore(calendar, correctionDue, days);
    return day.isAfter(requestedOn)
        ? java.util.Optional.of(day.atTime(OFFICE_OPENS).atZone(JapanTime.ZONE).toInstant())
        : java.util.Optional.empty();
  }

  /** The paused days of completed pauses, counted in the unit of the standard period. */
  public static int pausedDays(OfficeCalendar calendar, Procedure procedure, List<Pause> pauses) {
    int days = 0;
    for (Pause pause : pauses) {
      days += procedure.standardPeriod().periodUnit() == PeriodUnit.BUSINESS_DAYS
          ? calendar.openDaysBetween(pause.requestedOn(), pause.resumedOn())
          : (int) ChronoUnit.DAYS.between(pause.requestedOn(), pause.resumedOn());
    }
    return days;
  }

  /** Task due date: 17:00 in Tokyo on the due date. */
  public static Instant dueAt(LocalDate due) {
    return due.atTime(OFFICE_CLOSES).atZone(JapanTime.ZONE).toInstant();
  }

  /** End of a day in Tokyo (the deadline passes at midnight). */
  public static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant();
  }

  public static Instant reminderAt(OfficeCalendar calendar, LocalDate due) {
    return openDayBefore(calendar, due, REMINDER_OPEN_DAYS_BEFORE).atTime(OFFICE_OPENS).atZone(JapanTime.ZONE)
        .toInstant();
  }

  public static Instant escalationAt(OfficeCalendar calendar, LocalDate due) {
    return openDayBefore(calendar, due, ESCALATION_OPEN_DAYS_BEFORE).atTime(OFFICE_OPENS).atZone(JapanTime.ZONE)
        .toInstant();
  }

  /** The n-th open day before {@code due}. */
  static LocalDate openDayBefore(OfficeCalendar calendar, LocalDate due, int n) {
    return calendar.subtractOpenDays(due, n);
  }
}
