package jp.tetsuzuki.processes.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Function;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;

/**
 * Deadlines of a route step in business days: a step started on day D with N days is due at the end of the N-th open
 * day after D (the start day is not counted, 初日不算入); the approver is reminded at 9:00 on that last day. Open days
 * are the tenant's office calendar (weekends, national holidays and 12/29–1/3 closed, 行政機関の休日に関する法律 1条,
 * plus the tenant's own closed days); the counting itself is the calendar's. Dates are Tokyo dates; instants are
 * returned for the engine's timers.
 */
public final class StepDeadlines {

  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private final Function<String, OfficeCalendar> calendarOfTenant;

  public StepDeadlines(Function<String, OfficeCalendar> calendarOfTenant) {
    this.calendarOfTenant = calendarOfTenant;
  }

  /** The national calendar for every tenant (no tenant's own closed days). */
  public static StepDeadlines national() {
    OfficeCalendar standard = OfficeCalendar.standard();
    return new StepDeadlines(tenant -> standard);
  }

  /** The last open day of the step. */
  public LocalDate lastDay(String tenantId, Instant started, int businessDays) {
    return calendarOfTenant.apply(tenantId).addOpenDays(started.atZone(JapanTime.ZONE).toLocalDate(),
        Math.max(1, businessDays));
  }

  /** The moment the step is overdue: midnight (Tokyo) after its last open day. */
  public Instant dueAt(String tenantId, Instant started, int businessDays) {
    return lastDay(tenantId, started, businessDays).plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant();
  }

  /** The moment the approver is reminded: 9:00 (Tokyo) on the last open day. */
  public Instant reminderAt(String tenantId, Instant started, int businessDays) {
    return lastDay(tenantId, started, businessDays).atTime(REMINDER_TIME).atZone(JapanTime.ZONE).toInstant();
  }
}
