package jp.tetsuzuki.processes.tasklist;

import java.time.Instant;
import java.time.LocalDate;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;

/**
 * Where "due within 3 open days" (3開庁日以内) ends for a tenant on a given day: tasks due before the start of the day
 * after the third open day after today are due soon. The same count as the staff reminder, which comes 3 open days
 * before the due date, so a task enters this filter on the day its reminder is sent. Plain Java.
 */
public final class DueSoonWindow {

  /** Open days ahead that count as "soon". */
  public static final int OPEN_DAYS = 3;

  private DueSoonWindow() {}

  /** The first instant that is no longer "due soon" on {@code today} (Asia/Tokyo). */
  public static Instant endOn(OfficeCalendar calendar, LocalDate today) {
    return calendar.addOpenDays(today, OPEN_DAYS).plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant();
  }
}
