package jp.tetsuzuki.processes.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Deadlines of a route step in business days: a step started on day D with N days is due at the end of the N-th open
 * day after D (the start day is not counted, 初日不算入); the approver is reminded at 9:00 on that last day. Dates are
 * Tokyo dates; instants are returned for the engine's timers.
 */
public final class StepDeadlines {

  public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private final OfficeDays officeDays;

  public StepDeadlines(OfficeDays officeDays) {
    this.officeDays = officeDays;
  }

  /** The last open day of the step. */
  public LocalDate lastDay(String tenantId, Instant started, int businessDays) {
    LocalDate day = started.atZone(TOKYO).toLocalDate();
    int counted = 0;
    while (counted < Math.max(1, businessDays)) {
      day = day.plusDays(1);
      if (officeDays.isOpen(tenantId, day)) {
        counted++;
      }
    }
    return day;
  }

  /** The moment the step is overdue: midnight (Tokyo) after its last open day. */
  public Instant dueAt(String tenantId, Instant started, int businessDays) {
    return lastDay(tenantId, started, businessDays).plusDays(1).atStartOfDay(TOKYO).toInstant();
  }

  /** The moment the approver is reminded: 9:00 (Tokyo) on the last open day. */
  public Instant reminderAt(String tenantId, Instant started, int businessDays) {
    return lastDay(tenantId, started, businessDays).atTime(REMINDER_TIME).atZone(TOKYO).toInstant();
  }
}
