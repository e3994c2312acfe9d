package jp.tetsuzuki.processes.calendar;

import static jp.tetsuzuki.processes.calendar.PeriodUnit.BUSINESS_DAYS;
import static jp.tetsuzuki.processes.calendar.PeriodUnit.CALENDAR_DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Rules: shared/domain/calendar-and-identifiers.md, "Office calendar (開庁日)" and "Counting a period";
// periods from the catalog in shared/domain/administrative-procedures.md (20 / 14 開庁日, 30 日).
class OfficeCalendarTest {

  private static final LocalDate INSPECTION_DAY = LocalDate.of(2026, 6, 1);
  private static final String INSPECTION = "庁舎電気設備点検";

  private final OfficeCalendar standard = OfficeCalendar.standard();
  private final OfficeCalendar tenant = new OfficeCalendar(List.of(
      new ClosedDay(INSPECTION_DAY, INSPECTION),
      new ClosedDay(LocalDate.of(2026, 6, 6), "臨時閉庁"))); // a Saturday: the statutory reason wins

  // Closed: Saturday, Sunday, national holiday, 12/29-1/3, tenant days (行政機関の休日に関する法律 1条).
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "2025-12-26, ", // Friday: open
      "2025-12-27, 土曜日",
      "2025-12-28, 日曜日",
      "2025-12-29, 年末年始",
      "2025-12-31, 年末年始",
      "2026-01-01, 元日", // the holiday name is more specific than 年末年始
      "2026-01-02, 年末年始",
      "2026-01-03, 年末年始", // also a Saturday
      "2026-01-04, 日曜日",
      "2026-01-05, ", // first open day of 2026
      "2026-05-01, ",
      "2026-05-02, 土曜日",
      "2026-05-06, 振替休日",
      "2026-09-22, 国民の休日",
      "2026-06-01, 庁舎電気設備点検",
      "2026-06-06, 土曜日",
      "2026-12-28, ",
      "2026-12-29, 年末年始",
  })
  void closedDaysAndTheirReasons(LocalDate date, String reason) {
    if (reason == null) {
      assertThat(tenant.isOpen(date)).isTrue();
      assertThat(tenant.isClosed(date)).isFalse();
      assertThat(tenant.closedReason(date)).isEmpty();
    } else {
      assertThat(tenant.isClosed(date)).isTrue();
      assertThat(tenant.isOpen(date)).isFalse();
      assertThat(tenant.closedReason(date)).contains(reason);
    }
  }

  @Test
  void tenantDaysDoNotCloseOtherTenants() {
    assertThat(standard.isOpen(INSPECTION_DAY)).isTrue();
  }

  // 2026: 104 Saturdays and Sundays, 17 holidays on weekdays, 4 weekdays of 年末年始 (1/2, 12/29-31) = 125.
  @Test
  void closedDaysOfAYear() {
    List<ClosedDay> days = tenant.closedDays(2026);

    assertThat(standard.closedDays(2026)).hasSize(125);
    assertThat(days).hasSize(126)
        .startsWith(
            new ClosedDay(LocalDate.of(2026, 1, 1), "元日"),
            new ClosedDay(LocalDate.of(2026, 1, 2), "年末年始"),
            new ClosedDay(LocalDate.of(2026, 1, 3), "年末年始"),
            new ClosedDay(LocalDate.of(2026, 1, 4), "日曜日"))
        .contains(new ClosedDay(INSPECTION_DAY, INSPECTION))
        .endsWith(new ClosedDay(LocalDate.of(2026, 12, 31), "年末年始"));
    assertThat(days).extracting(ClosedDay::date).isSorted();
  }

  // 初日不算入: day 1 is the day after arrival. Business days: the N-th open day after it. Calendar days:
  // arrival + N, moved to the next open day if closed (民法142条).
  @ParameterizedTest(name = "{0} + {1} {2} = {3}")
  @CsvSource({
      // Golden Week 2026: 4/29 closed, 4/30 and 5/1 open, 5/2-5/6 closed, 5/7 open.
      "2026-04-28,   3, BUSINESS_DAYS, 2026-05-07",
      "2026-05-01,   1, BUSINESS_DAYS, 2026-05-07",
      "2026-04-30,  20, BUSINESS_DAYS, 2026-06-02", // 屋外広告物表示許可申請, 20 開庁日
      "2026-05-03,   1, BUSINESS_DAYS, 2026-05-07", // paper arrival registered on a Sunday
      "2026-04-01,  30, CALENDAR_DAYS, 2026-05-01", // lands on an open day
      "2026-04-02,  30, CALENDAR_DAYS, 2026-05-07", // 5/2 is a Saturday
      "2026-04-06,  30, CALENDAR_DAYS, 2026-05-07", // 5/6 振替休日; 中小企業DX補助金, 30 日
      "2026-04-25,   8, CALENDAR_DAYS, 2026-05-07", // 5/3
      "2026-05-03,   1, CALENDAR_DAYS, 2026-05-07",
      // 年末年始 2026/27: 12/28 open, 12/29-1/3 closed, 1/4 open, 1/11 成人の日.
      "2026-12-25,  14, BUSINESS_DAYS, 2027-01-21", // 道路占用許可申請, 14 開庁日
      "2025-12-26,   1, BUSINESS_DAYS, 2026-01-05",
      "2026-12-01,  30, CALENDAR_DAYS, 2027-01-04", // 12/31
      "2025-12-28,   5, CALENDAR_DAYS, 2026-01-05", // 1/2, then 1/3 Saturday, 1/4 Sunday
      "2026-12-28,  30, CALENDAR_DAYS, 2027-01-27", // closed days inside a calendar period still count
      // Silver Week 2026: 9/19-9/23 closed.
      "2026-09-18,   1, BUSINESS_DAYS, 2026-09-24",
      "2026-08-22,  30, CALENDAR_DAYS, 2026-09-24", // 9/21 敬老の日
      // 2026 has 240 open days; 1/5 is the first of them.
      "2026-01-05, 239, BUSINESS_DAYS, 2026-12-28",
      "2026-01-05, 240, BUSINESS_DAYS, 2027-01-04",
  })
  void dueDates(LocalDate arrival, int period, PeriodUnit unit, LocalDate due) {
    assertThat(standard.dueDate(arrival, period, unit)).isEqualTo(due);
  }

  @ParameterizedTest(name = "{0} + {1} {2} = {3} with a tenant closed day")
  @CsvSource({
      "2026-04-30, 20, BUSINESS_DAYS, 2026-06-03", // 6/1 no longer counts
      "2026-05-02, 30, CALENDAR_DAYS, 2026-06-02", // 6/1 is closed, move to the next open day
  })
  void tenantClosedDaysMoveDueDates(LocalDate arrival, int period, PeriodUnit unit, LocalDate due) {
    assertThat(tenant.dueDate(arrival, period, unit)).isEqualTo(due);
  }

  // Paused clocks (補正): the days in (requestedOn, resumedOn] do not count; open days for business periods,
  // calendar days for calendar periods (administrative-procedures.md, 行政手続法 7条).
  @ParameterizedTest(name = "{0} + {1} {2}, paused {3}..{4} = {5}")
  @CsvSource({
      // Without the pause: 2026-06-15. Paused 6/4, 6/5, 6/8: the request day 6/3 still counts.
      "2026-06-01, 10, BUSINESS_DAYS, 2026-06-03, 2026-06-08, 2026-06-18",
      // Requested on the arrival day: counting starts after the correction arrives (6/8 .. 6/19 = 10 open days).
      "2026-06-01, 10, BUSINESS_DAYS, 2026-06-01, 2026-06-05, 2026-06-19",
      // Correction the same day: nothing paused.
      "2026-06-01, 10, BUSINESS_DAYS, 2026-06-03, 2026-06-03, 2026-06-15",
      // Across Golden Week: paused open days are only 4/30, 5/1, 5/7 (without the pause: 5/8).
      "2026-04-20, 10, BUSINESS_DAYS, 2026-04-28, 2026-05-07, 2026-05-13",
      // Requested on a Saturday: only Monday 6/8 is a paused open day.
      "2026-06-01, 10, BUSINESS_DAYS, 2026-06-06, 2026-06-08, 2026-06-16",
      // Without the pause: 7/1. 10 calendar days later is 7/11, a Saturday.
      "2026-06-01, 30, CALENDAR_DAYS, 2026-06-10, 2026-06-20, 2026-07-13",
      "2026-06-01, 30, CALENDAR_DAYS, 2026-06-03, 2026-06-03, 2026-07-01",
      // Across Golden Week: 9 calendar days paused (without the pause: 5/20).
      "2026-04-20, 30, CALENDAR_DAYS, 2026-04-28, 2026-05-07, 2026-05-29",
  })
  void pausedClocks(LocalDate arrival, int period, PeriodUnit unit, LocalDate requestedOn, LocalDate resumedOn,
      LocalDate due) {
    assertThat(standard.dueDate(arrival, period, unit, List.of(new Pause(requestedOn, resumedOn))))
        .isEqualTo(due);
  }

  @Test
  void severalPausesAddUpInAnyOrder() {
    LocalDate arrival = LocalDate.of(2026, 6, 1);
    Pause second = new Pause(LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 10)); // 6/10
    Pause first = new Pause(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 4)); // 6/3, 6/4
    Pause touching = new Pause(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 11)); // 6/11

    assertThat(standard.dueDate(arrival, 10, BUSINESS_DAYS, List.of(second, first)))
        .isEqualTo(LocalDate.of(2026, 6, 18));
    assertThat(standard.dueDate(arrival, 10, BUSINESS_DAYS, List.of(first, second, touching)))
        .isEqualTo(LocalDate.of(2026, 6, 19));
    assertThat(standard.dueDate(arrival, 30, CALENDAR_DAYS, List.of(second, first)))
        .isEqualTo(LocalDate.of(2026, 7, 6)); // 7/1 + 3 days = 7/4 Saturday
  }

  @Test
  void inconsistentPausesAreRejected() {
    LocalDate arrival = LocalDate.of(2026, 6, 1);
    Pause early = new Pause(LocalDate.of(2026, 5, 29), LocalDate.of(2026, 6, 3));
    Pause a = new Pause(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 5));
    Pause b = new Pause(LocalDate.of(2026, 6, 4), LocalDate.of(2026, 6, 8));

    assertThatThrownBy(() -> standard.dueDate(arrival, 10, BUSINESS_DAYS, List.of(early)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pauses: requestedOn 2026-05-29 is before arrival 2026-06-01");
    assertThatThrownBy(() -> standard.dueDate(arrival, 10, BUSINESS_DAYS, List.of(b, a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pauses overlap");
    assertThatThrownBy(() -> standard.dueDate(arrival, 10, BUSINESS_DAYS, Arrays.asList(a, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pauses element must not be null");
    assertThatThrownBy(() -> new Pause(LocalDate.of(2026, 6, 5), LocalDate.of(2026, 6, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resumedOn 2026-06-04 must not be before requestedOn 2026-06-05");
  }

  @ParameterizedTest(name = "period {0}")
  @ValueSource(ints = {0, -1, 3651, Integer.MAX_VALUE})
  void periodOutOfRangeIsRejected(int period) {
    assertThatThrownBy(() -> standard.dueDate(LocalDate.of(2026, 6, 1), period, CALENDAR_DAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be between 1 and 3650, was " + period);
  }

  @Test
  void periodBoundsAreAccepted() {
    assertThat(standard.dueDate(LocalDate.of(2026, 6, 1), 1, BUSINESS_DAYS)).isEqualTo(LocalDate.of(2026, 6, 2));
    assertThat(standard.dueDate(LocalDate.of(2000, 1, 4), 3650, CALENDAR_DAYS)).isEqualTo(LocalDate.of(2010, 1, 4));
    assertThat(standard.dueDate(LocalDate.of(2000, 1, 4), 3650, BUSINESS_DAYS)).isBefore(LocalDate.of(2016, 1, 1));
  }

  @Test
  void missingArgumentsAreNamed() {
    LocalDate day = LocalDate.of(2026, 6, 1);

    assertThatThrownBy(() -> standard.dueDate(null, 10, BUSINESS_DAYS))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("arrival must not be null");
    assertThatThrownBy(() -> standard.dueDate(day, 10, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unit must not be null");
    assertThatThrownBy(() -> standard.dueDate(day, 10, BUSINESS_DAYS, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pauses must not be null");
    assertThatThrownBy(() -> standard.isOpen(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("date must not be null");
    assertThatThrownBy(() -> standard.openDaysBetween(day, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("to must not be null");
    assertThatThrownBy(() -> standard.remainingOpenDays(null, day))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("today must not be null");
    assertThatThrownBy(() -> standard.addOpenDays(day, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("n must not be negative, was -1");
    assertThatThrownBy(() -> new OfficeCalendar(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("extraClosedDays must not be null");
    assertThatThrownBy(() -> new ClosedDay(day, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("reason must not be blank");
    assertThatThrownBy(() -> new OfficeCalendar(List.of(new ClosedDay(day, "点検"), new ClosedDay(day, "停電"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extraClosedDays contains 2026-06-01 more than once");
  }

  @Test
  void datesBeyondTheSupportedYearsFailClearly() {
    assertThatThrownBy(() -> standard.dueDate(LocalDate.of(2099, 12, 20), 30, BUSINESS_DAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("year 2100 is outside the supported range 1980..2099");
    assertThatThrownBy(() -> standard.isClosed(LocalDate.of(1979, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1979");
  }

  // Open days in (from, to]: the same convention as 初日不算入.
  @ParameterizedTest(name = "({0}, {1}] has {2} open days")
  @CsvSource({
      "2026-04-28, 2026-05-07,   3",
      "2026-05-01, 2026-05-01,   0",
      "2026-05-02, 2026-05-06,   0",
      "2026-12-25, 2027-01-04,   2",
      "2025-12-31, 2026-12-31, 240",
  })
  void openDaysBetween(LocalDate from, LocalDate to, int openDays) {
    assertThat(standard.openDaysBetween(from, to)).isEqualTo(openDays);
  }

  @Test
  void openDaysBetweenNeedsOrderedDates() {
    assertThatThrownBy(() -> standard.openDaysBetween(LocalDate.of(2026, 5, 7), LocalDate.of(2026, 5, 6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("to 2026-05-06 must not be before from 2026-05-07");
  }

  @ParameterizedTest(name = "{0} + {1} open days = {2}")
  @CsvSource({
      "2026-04-28, 3, 2026-05-07",
      "2026-12-28, 1, 2027-01-04",
      "2026-05-03, 0, 2026-05-03", // zero days: the date itself, even when closed
  })
  void addOpenDays(LocalDate date, int n, LocalDate expected) {
    assertThat(standard.addOpenDays(date, n)).isEqualTo(expected);
    assertThat(standard.openDaysBetween(date, expected)).isEqualTo(n);
  }

  // "残り N 開庁日": 0 on the due date, negative once it has passed, never 0 after it.
  @ParameterizedTest(name = "today {0}, due {1}: {2}")
  @CsvSource({
      "2026-04-28, 2026-05-07,  3",
      "2026-05-01, 2026-05-07,  1", // last open day before the due date
      "2026-05-02, 2026-05-07,  1", // a closed day: the due date is the next open day
      "2026-05-07, 2026-05-07,  0",
      "2026-05-08, 2026-05-07, -1",
      "2026-05-09, 2026-05-08, -1", // Saturday after a Friday due date: already overdue
      "2026-05-11, 2026-05-08, -1",
      "2026-05-12, 2026-05-08, -2",
      "2026-05-07, 2026-04-30, -2", // 5/1 and 5/7 have passed
  })
  void remainingOpenDays(LocalDate today, LocalDate due, int remaining) {
    assertThat(standard.remainingOpenDays(today, due)).isEqualTo(remaining);
  }
}
