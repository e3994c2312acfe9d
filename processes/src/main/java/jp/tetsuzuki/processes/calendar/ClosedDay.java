package jp.tetsuzuki.processes.calendar;

import java.time.LocalDate;

/**
 * A day the office is closed (閉庁日) and why, in Japanese for display ("土曜日", "元日", "年末年始", or the tenant's own
 * wording such as "庁舎設備点検").
 *
 * @param date   the closed day
 * @param reason the reason shown to users; never blank
 */
public record ClosedDay(LocalDate date, String reason) {

  /**
   * @throws IllegalArgumentException if the date is null or the reason is null or blank
   */
  public ClosedDay {
    if (date == null) {
      throw new IllegalArgumentException("date must not be null");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }
}
