package jp.tetsuzuki.processes.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.calendar.ClosedDay;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.calendar.PeriodUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office calendar of a tenant (開庁日): due dates of periods and the closed days of a year. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "Office calendar: closed days (閉庁日) and due dates of legal periods")
class CalendarApiController {

  record DueDateView(String tenant, LocalDate from, int period, String unit, LocalDate dueDate,
      List<ClosedDay> closedDaysSkipped) {}

  record ClosedDaysView(String tenant, int year, List<ClosedDay> closedDays) {}

  private final TenantCalendars calendars;
  private final TenantMembers members;

  CalendarApiController(TenantCalendars calendars, TenantMembers members) {
    this.calendars = calendars;
    this.members = members;
  }

  @GetMapping("/due-date")
  @Operation(summary = "Due date of a period counted from an arrival date",
      description = "The arrival day is not counted (初日不算入). business-days: the N-th open day after it; "
          + "calendar-days: arrival + N days, moved to the next open day when closed.")
  DueDateView dueDate(@RequestParam String tenant,
      @Parameter(description = "arrival date, YYYY-MM-DD") @RequestParam String from,
      @RequestParam String period,
      @Parameter(description = "business-days or calendar-days") @RequestParam String unit, Principal caller) {
    OfficeCalendar calendar = calendarOf(tenant, caller);
    LocalDate arrival = date("from", from);
    int n;
    try {
      n = Integer.parseInt(period);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("period", "period: must be a whole number");
    }
    if (n < 1 || n > OfficeCalendar.MAX_PERIOD) {
      throw ApiException.badRequest("period", "period: must be between 1 and " + OfficeCalendar.MAX_PERIOD);
    }
    PeriodUnit periodUnit = switch (unit) {
      case "business-days" -> PeriodUnit.BUSINESS_DAYS;
      case "calendar-days" -> PeriodUnit.CALENDAR_DAYS;
      default -> throw ApiException.badRequest("unit", "unit: must be business-days or calendar-days");
    };
    LocalDate due;
    try {
      due = calendar.dueDate(arrival, n, periodUnit);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("from", "from: " + e.getMessage());
    }
    return new DueDateView(tenant, arrival, n, unit, due, calendar.closedDaysBetween(arrival, due));
  }

  @GetMapping("/closed-days")
  @Operation(summary = "Closed days (閉庁日) of a year with their reasons")
  ClosedDaysView closedDays(@RequestParam String tenant, @RequestParam String year, Principal caller) {
    OfficeCalendar calendar = calendarOf(tenant, caller);
    int y;
    try {
      y = Integer.parseInt(year);
      return new ClosedDaysView(tenant, y, calendar.closedDays(y));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("year", "year: must be a year between 1980 and 2099");
    }
  }

  private OfficeCalendar calendarOf(String tenant, Principal caller) {
    if (!members.isMember(tenant, caller.getName())) {
      throw ApiException.notFound("tenant: no tenant '" + tenant + "' for this user");
    }
    return calendars.of(tenant);
  }

  static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field, field + ": must be a date YYYY-MM-DD");
    }
  }
}
