package jp.tetsuzuki.processes.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The days an office is open (開庁日) and the due dates of periods counted on them.
 *
 * <p>A day is closed (閉庁日) when it is a Saturday, a Sunday, a national holiday ({@link JapaneseHolidays}), a day
 * from 12/29 to 1/3 (行政機関の休日に関する法律 1条; municipalities have the same by ordinance), or one of the tenant's
 * extra closed days. All dates are dates in Asia/Tokyo.
 *
 * <p>Periods follow 初日不算入 (民法140条): the arrival day is never counted, day 1 is the next day. Dates whose year
 * is outside {@value JapaneseHolidays#FIRST_YEAR}..{@value JapaneseHolidays#LAST_YEAR} are rejected with an
 * {@link IllegalArgumentException}, also when a computation would run past 2099.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OfficeCalendar {

  /** The longest period accepted, in days of its unit (about ten years). */
  public static final int MAX_PERIOD = 3650;

  private static final String SATURDAY = "土曜日";
  private static final String SUNDAY = "日曜日";
  private static final String YEAR_END_HOLIDAYS = "年末年始";

  private static final MonthDay YEAR_END_START = MonthDay.of(12, 29);
  private static final MonthDay NEW_YEAR_END = MonthDay.of(1, 3);

  private final Map<LocalDate, String> extraClosedDays;

  /**
   * Creates a calendar with the tenant's own closed days on top of the statutory ones.
   *
   * @param extraClosedDays closed days of this tenant (e.g. a building inspection), at most one per date
   * @throws IllegalArgumentException if the collection or an element is null, or a date appears twice
   */
  public OfficeCalendar(Collection<ClosedDay> extraClosedDays) {
    requireNonNull(extraClosedDays, "extraClosedDays");
    Map<LocalDate, String> byDate = new HashMap<>();
    for (ClosedDay day : extraClosedDays) {
      requireNonNull(day, "extraClosedDays element");
      if (byDate.putIfAbsent(day.date(), day.reason()) != null) {
        throw new IllegalArgumentException("extraClosedDays contains " + day.date() + " more than once");
      }
    }
    this.extraClosedDays = Map.copyOf(byDate);
  }

  /** A calendar with the statutory closed days only. */
  public static OfficeCalendar standard() {
    return new OfficeCalendar(List.of());
  }

  /**
   * Tells why the office is closed on a date, or empty if it is open. When several reasons apply the most specific
   * statutory one wins: the holiday name, then 年末年始, then 土曜日 / 日曜日, then the tenant's reason.
   *
   * @throws IllegalArgumentException if the date is null or outside the supported years
   */
  public Optional<String> closedReason(LocalDate date) {
    requireNonNull(date, "date");
    Optional<String> holiday = JapaneseHolidays.nameOf(date);
    if (holiday.isPresent()) {
      return holiday;
    }
    if (isYearEndHoliday(date)) {
      return Optional.of(YEAR_END_HOLIDAYS);
    }
    if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
      return Optional.of(SATURDAY);
    }
    if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return Optional.of(SUNDAY);
    }
    return Optional.ofNullable(extraClosedDays.get(date));
  }

  /**
   * @throws IllegalArgumentException if the date is null or outside the supported years
   */
  public boolean isClosed(LocalDate date) {
    return closedReason(date).isPresent();
  }

  /**
   * @throws IllegalArgumentException if the date is null or outside the supported years
   */
  public boolean isOpen(LocalDate date) {
    return !isClosed(date);
  }

  /**
   * Lists every closed day of a year in date order, with its reason as in {@link #closedReason(LocalDate)}.
   *
   * @throws IllegalArgumentException if the year is outside the supported range
   */
  public List<ClosedDay> closedDays(int year) {
    JapaneseHolidays.of(year); // validates the year before iterating
    return closedDaysBetween(LocalDate.of(year, 1, 1).minusDays(1), LocalDate.of(year, 12, 31));
  }

  /**
   * Lists the closed days in ({@code from}, {@code to}] in date order, with their reasons: the days a period from
   * {@code from} to its due date {@code to} skipped.
   *
   * @throws IllegalArgumentException if a date is null or outside the supported years (the day {@code from} itself
   *                                  is not looked at), or {@code to} is before {@code from}
   */
  public List<ClosedDay> closedDaysBetween(LocalDate from, LocalDate to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " must not be before from " + from);
    }
    List<ClosedDay> days = new ArrayList<>();
    for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
      LocalDate day = date;
      closedReason(day).ifPresent(reason -> days.add(new ClosedDay(day, reason)));
    }
    return List.copyOf(days);
  }

  /**
   * Computes the due date of a period that starts with an arrival (到達), without pauses.
   *
   * @see #dueDate(LocalDate, int, PeriodUnit, List)
   */
  public LocalDate dueDate(LocalDate arrival, int period, PeriodUnit unit) {
    return dueDate(arrival, period, unit, List.of());
  }

  /**
   * Computes the due date of a period that starts with an arrival (到達) and may have been paused for corrections.
   *
   * <ul>
   *   <li>{@link PeriodUnit#BUSINESS_DAYS}: the {@code period}-th open day after the arrival day; each pause adds
   *       the open days in ({@code requestedOn}, {@code resumedOn}].</li>
   *   <li>{@link PeriodUnit#CALENDAR_DAYS}: arrival + {@code period} days plus, for each pause,
   *       {@code resumedOn − requestedOn} days; if that day is closed, the next open day (民法142条).</li>
   * </ul>
   * The arrival day itself is never counted, even when it is a closed day (a paper application registered with its
   * real arrival date on a Sunday still starts counting on Monday).
   *
   * @param arrival the day the application or invoice arrived
   * @param period  1..{@value #MAX_PERIOD}, in the given unit
   * @param unit    how the period is counted
   * @param pauses  completed pauses, none starting before the arrival, none overlapping another
   * @return the last day (inclusive) on which the office must have acted; always an open day
   * @throws IllegalArgumentException if an argument is null or out of range, or the pauses are inconsistent
   */
  public LocalDate dueDate(LocalDate arrival, int period, PeriodUnit unit, List<Pause> pauses) {
    requireNonNull(arrival, "arrival");
    if (period < 1 || period > MAX_PERIOD) {
      throw new IllegalArgumentException("period must be between 1 and " + MAX_PERIOD + ", was " + period);
    }
    requireNonNull(unit, "unit");
    List<Pause> ordered = checkedPauses(arrival, pauses);
    return switch (unit) {
      case BUSINESS_DAYS -> {
        int paused = 0;
        for (Pause pause : ordered) {
          paused += openDaysBetween(pause.requestedOn(), pause.resumedOn());
        }
        yield addOpenDays(arrival, period + paused);
      }
      case CALENDAR_DAYS -> {
        long paused = 0;
        for (Pause pause : ordered) {
          paused += ChronoUnit.DAYS.between(pause.requestedOn(), pause.resumedOn());
        }
        yield openDayOnOrAfter(arrival.plusDays(period + paused));
      }
    };
  }

  /**
   * Counts the open days in ({@code from}, {@code to}]: the start day is excluded, the end day included, so that
   * {@code openDaysBetween(d, addOpenDays(d, n)) == n}.
   *
   * @throws IllegalArgumentException if a date is null or outside the supported years, or {@code to} is before
   *                                  {@code from}
   */
  public int openDaysBetween(LocalDate from, LocalDate to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " must not be before from " + from);
    }
    int count = 0;
    for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
      if (isOpen(date)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns the {@code n}-th open day after {@code date} ({@code date} itself is not counted); {@code date} itself
   * when {@code n} is 0.
   *
   * @throws IllegalArgumentException if the date is null, {@code n} is negative, or the result would be after 2099
   */
  public LocalDate addOpenDays(LocalDate date, int n) {
    return stepOpenDays(date, n, 1);
  }

  /**
   * Returns the {@code n}-th open day before {@code date} ({@code date} itself is not counted); {@code date} itself
   * when {@code n} is 0. The mirror of {@link #addOpenDays}: reminders "3 open days before the due date".
   *
   * @throws IllegalArgumentException if the date is null, {@code n} is negative, or the result would be before 1980
   */
  public LocalDate subtractOpenDays(LocalDate date, int n) {
    return stepOpenDays(date, n, -1);
  }

  /** The one open-day loop: {@code n} open days from {@code date} in {@code direction} (+1 later, -1 earlier). */
  private LocalDate stepOpenDays(LocalDate date, int n, int direction) {
    requireNonNull(date, "date");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    LocalDate result = date;
    int counted = 0;
    while (counted < n) {
      result = result.plusDays(direction);
      if (isOpen(result)) {
        counted++;
      }
    }
    return result;
  }

  /**
   * Counts the open days left until a due date, for "残り N 開庁日" displays: the open days in ({@code today},
   * {@code due}], so 0 on the due date itself and 1 on the last open day before it. Once the due date has passed
   * the result is negative: minus the open days in ({@code due}, {@code today}], but at least −1, so that a closed
   * day right after the due date shows as overdue rather than as 0.
   *
   * @throws IllegalArgumentException if a date is null or outside the supported years
   */
  public int remainingOpenDays(LocalDate today, LocalDate due) {
    requireNonNull(today, "today");
    requireNonNull(due, "due");
    if (!today.isAfter(due)) {
      return openDaysBetween(today, due);
    }
    return -Math.max(1, openDaysBetween(due, today));
  }

  private LocalDate openDayOnOrAfter(LocalDate date) {
    LocalDate result = date;
    while (isClosed(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  private static boolean isYearEndHoliday(LocalDate date) {
    MonthDay day = MonthDay.from(date);
    return !day.isBefore(YEAR_END_START) || !day.isAfter(NEW_YEAR_END);
  }

  private static List<Pause> checkedPauses(LocalDate arrival, List<Pause> pauses) {
    requireNonNull(pauses, "pauses");
    List<Pause> ordered = new ArrayList<>(pauses.size());
    for (Pause pause : pauses) {
      requireNonNull(pause, "pauses element");
      if (pause.requestedOn().isBefore(arrival)) {
        throw new IllegalArgumentException(
            "pauses: requestedOn " + pause.requestedOn() + " is before arrival " + arrival);
      }
      ordered.add(pause);
    }
    ordered.sort(Comparator.comparing(Pause::requestedOn));
    for (int i = 1; i < ordered.size(); i++) {
      Pause previous = ordered.get(i - 1);
      Pause next = ordered.get(i);
      // Touching is fine: (X1, Y] and (Y, Y2] share no day.
      if (next.requestedOn().isBefore(previous.resumedOn())) {
        throw new IllegalArgumentException("pauses overlap: " + previous + " and " + next);
      }
    }
    return ordered;
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }
}
