package jp.tetsuzuki.processes.approval;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Fallback office calendar: closed on Saturdays, Sundays and 12/29–1/3 (行政機関の休日に関する法律 1条). National
 * holidays are not known here; the platform's office calendar replaces this once merged.
 */
public final class WeekendAndYearEndOfficeDays implements OfficeDays {

  private static final MonthDay YEAR_END_FROM = MonthDay.of(12, 29);
  private static final MonthDay NEW_YEAR_TO = MonthDay.of(1, 3);

  @Override
  public boolean isOpen(String tenantId, LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return false;
    }
    MonthDay md = MonthDay.from(day);
    return md.isBefore(YEAR_END_FROM) && md.isAfter(NEW_YEAR_TO);
  }
}
