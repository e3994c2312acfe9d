package jp.tetsuzuki.processes.calendar;

import java.time.LocalDate;

/**
 * A stopped clock: a correction (補正) was requested on {@code requestedOn} and the correction, or the corrected
 * document such as a returned invoice, arrived on {@code resumedOn}.
 *
 * <p>The paused days are the days in the half-open interval ({@code requestedOn}, {@code resumedOn}]: the request
 * day still counts toward the period (the office worked on the application that day), while the day the
 * correction arrives does not, just as the arrival day of the application is not counted (初日不算入, 民法140条). A
 * correction that arrives on the day it was requested pauses nothing. How the paused days are counted (open days or
 * calendar days) follows the unit of the period; see {@link OfficeCalendar#dueDate(LocalDate, int, PeriodUnit,
 * java.util.List)}.
 *
 * <p>A pause that is still running has no end; the due date is undefined until the correction arrives.
 *
 * @param requestedOn the day the correction was requested
 * @param resumedOn   the day the correction arrived; not before {@code requestedOn}
 */
public record Pause(LocalDate requestedOn, LocalDate resumedOn) {

  /**
   * @throws IllegalArgumentException if a date is null or {@code resumedOn} is before {@code requestedOn}
   */
  public Pause {
    if (requestedOn == null) {
      throw new IllegalArgumentException("requestedOn must not be null");
    }
    if (resumedOn == null) {
      throw new IllegalArgumentException("resumedOn must not be null");
    }
    if (resumedOn.isBefore(requestedOn)) {
      throw new IllegalArgumentException(
          "resumedOn " + resumedOn + " must not be before requestedOn " + requestedOn);
    }
  }
}
