package jp.tetsuzuki.processes.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.calendar.ClosedDay;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Due within 3 open days" by the office calendar: weekends, national holidays, 年末年始 and a tenant's own days. */
class DueSoonWindowTest {

  private static final OfficeCalendar TENANT = new OfficeCalendar(List.of(
      new ClosedDay(LocalDate.of(2026, 6, 3), "庁舎点検日")));

  @ParameterizedTest(name = "{0} → due before {1} 00:00 JST")
  @CsvSource({
      // Monday: Tue, Wed, Thu are the three open days
      "2026-06-08, 2026-06-12",
      // Thursday: Fri, Mon, Tue (the weekend does not count)
      "2026-06-11, 2026-06-17",
      // Saturday: Mon, Tue, Wed
      "2026-06-13, 2026-06-18",
      // Friday before 年末年始: Mon 28th, then nothing until 4 January (12/29–1/3 closed)
      "2026-12-25, 2027-01-06",
      // Friday before Golden Week: 29 April, 3–6 May are holidays
      "2026-05-01, 2026-05-12",
      // the tenant's own closed day (Wed 3 June) is skipped too
      "2026-06-01, 2026-06-06"})
  void windowEndsAfterTheThirdOpenDay(LocalDate today, LocalDate firstDayNotSoon) {
    assertThat(DueSoonWindow.endOn(TENANT, today))
        .isEqualTo(ZonedDateTime.of(firstDayNotSoon.atStartOfDay(), JapanTime.ZONE).toInstant());
  }
}
