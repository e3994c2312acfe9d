package jp.tetsuzuki.processes.approval;

import java.time.LocalDate;
import java.util.function.Function;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;

/**
 * Step deadlines count the tenant's open days: weekends, national holidays and 12/29–1/3 are closed (行政機関の休日に
 * 関する法律 1条), plus the tenant's own closed days where its calendar has them.
 */
public final class CalendarOfficeDays implements OfficeDays {

  private final Function<String, OfficeCalendar> calendarOfTenant;

  public CalendarOfficeDays(Function<String, OfficeCalendar> calendarOfTenant) {
    this.calendarOfTenant = calendarOfTenant;
  }

  /** The national calendar for every tenant. */
  public static CalendarOfficeDays national() {
    OfficeCalendar standard = OfficeCalendar.standard();
    return new CalendarOfficeDays(tenant -> standard);
  }

  @Override
  public boolean isOpen(String tenantId, LocalDate day) {
    return calendarOfTenant.apply(tenantId).isOpen(day);
  }
}
