package jp.tetsuzuki.processes.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business-day deadlines of route steps (fallback office calendar: weekends and 12/29–1/3). */
class StepDeadlinesTest {

  private final StepDeadlines deadlines = StepDeadlines.national();

  @ParameterizedTest(name = "started {0} (Tokyo), {1} open days → last day {2}")
  @CsvSource({
      // Monday: the start day is not counted
      "2025-11-10T10:00:00+09:00, 3, 2025-11-13",
      // Friday: the weekend does not count
      "2025-11-14T10:00:00+09:00, 1, 2025-11-17",
      // Friday before the year-end closure: 12/29–1/3 and the weekend do not count
      "2025-12-26T10:00:00+09:00, 3, 2026-01-07",
      // late evening in Tokyo is already the next day in UTC terms: the Tokyo date counts
      "2025-11-13T23:30:00+09:00, 1, 2025-11-14",
      // Saturday start
      "2025-11-15T09:00:00+09:00, 1, 2025-11-17"})
  void lastDayCountsOpenDaysAfterTheStartDay(String started, int days, LocalDate lastDay) {
    Instant start = java.time.OffsetDateTime.parse(started).toInstant();
    assertThat(deadlines.lastDay("demo-ku", start, days)).isEqualTo(lastDay);
    assertThat(deadlines.dueAt("demo-ku", start, days))
        .isEqualTo(lastDay.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant());
    assertThat(deadlines.reminderAt("demo-ku", start, days))
        .isEqualTo(lastDay.atTime(9, 0).atZone(JapanTime.ZONE).toInstant());
  }
}
