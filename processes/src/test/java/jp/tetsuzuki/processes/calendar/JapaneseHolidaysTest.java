package jp.tetsuzuki.processes.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Rules: shared/domain/calendar-and-identifiers.md, "Office calendar (開庁日)" (国民の祝日に関する法律).
class JapaneseHolidaysTest {

  // The Cabinet Office lists for 2025-2027, complete: together with yearCounts they pin every holiday of those years.
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "2025-01-01, 元日",
      "2025-01-13, 成人の日", // 2nd Monday of January
      "2025-02-11, 建国記念の日",
      "2025-02-23, 天皇誕生日",
      "2025-02-24, 振替休日", // 2/23 is a Sunday
      "2025-03-20, 春分の日",
      "2025-04-29, 昭和の日",
      "2025-05-03, 憲法記念日",
      "2025-05-04, みどりの日",
      "2025-05-05, こどもの日",
      "2025-05-06, 振替休日", // 5/4 is a Sunday and 5/5 a holiday: the nearest following non-holiday
      "2025-07-21, 海の日",
      "2025-08-11, 山の日",
      "2025-09-15, 敬老の日",
      "2025-09-23, 秋分の日",
      "2025-10-13, スポーツの日",
      "2025-11-03, 文化の日",
      "2025-11-23, 勤労感謝の日",
      "2025-11-24, 振替休日",
      "2026-01-01, 元日",
      "2026-01-12, 成人の日",
      "2026-02-11, 建国記念の日",
      "2026-02-23, 天皇誕生日",
      "2026-03-20, 春分の日",
      "2026-04-29, 昭和の日",
      "2026-05-03, 憲法記念日",
      "2026-05-04, みどりの日",
      "2026-05-05, こどもの日",
      "2026-05-06, 振替休日", // for 5/3 (Sunday), pushed past 5/4 and 5/5
      "2026-07-20, 海の日",
      "2026-08-11, 山の日",
      "2026-09-21, 敬老の日",
      "2026-09-22, 国民の休日", // sandwiched between 敬老の日 and 秋分の日
      "2026-09-23, 秋分の日",
      "2026-10-12, スポーツの日",
      "2026-11-03, 文化の日",
      "2026-11-23, 勤労感謝の日",
      "2027-01-01, 元日",
      "2027-01-11, 成人の日",
      "2027-02-11, 建国記念の日",
      "2027-02-23, 天皇誕生日",
      "2027-03-21, 春分の日",
      "2027-03-22, 振替休日",
      "2027-04-29, 昭和の日",
      "2027-05-03, 憲法記念日",
      "2027-05-04, みどりの日",
      "2027-05-05, こどもの日",
      "2027-07-19, 海の日",
      "2027-08-11, 山の日",
      "2027-09-20, 敬老の日",
      "2027-09-23, 秋分の日",
      "2027-10-11, スポーツの日",
      "2027-11-03, 文化の日",
      "2027-11-23, 勤労感謝の日",
  })
  void officialHolidays2025To2027(LocalDate date, String name) {
    assertThat(JapaneseHolidays.nameOf(date)).contains(name);
  }

  // Whole-year counts including 振替休日 and 国民の休日, as in the Cabinet Office lists.
  @ParameterizedTest(name = "{0}: {1} holidays")
  @CsvSource({
      "2018, 20", // four 振替休日 and 天皇誕生日 on 12/23
      "2019, 22", // 即位の日 and its two 国民の休日, 即位礼正殿の儀
      "2020, 18",
      "2021, 17",
      "2024, 21", // five 祝日 on a Sunday
      "2025, 19",
      "2026, 18",
      "2027, 17",
  })
  void yearCounts(int year, int count) {
    assertThat(JapaneseHolidays.of(year)).hasSize(count);
  }

  // 秋分の日 and 春分の日: the approximation valid for 1980-2099.
  @ParameterizedTest(name = "{0}: {1} and {2}")
  @CsvSource({
      "1980, 1980-03-20, 1980-09-23",
      "2000, 2000-03-20, 2000-09-23",
      "2012, 2012-03-20, 2012-09-22", // first 9/22 since 1979; the formula gives 22.999 here
      "2016, 2016-03-20, 2016-09-22",
      "2023, 2023-03-21, 2023-09-23",
      "2024, 2024-03-20, 2024-09-22",
      "2025, 2025-03-20, 2025-09-23",
      "2027, 2027-03-21, 2027-09-23",
      "2030, 2030-03-20, 2030-09-23",
      "2044, 2044-03-20, 2044-09-22",
      "2092, 2092-03-19, 2092-09-22", // first 3/19 in the range
  })
  void equinoxDays(int year, LocalDate vernal, LocalDate autumnal) {
    assertThat(JapaneseHolidays.of(year))
        .containsEntry(vernal, "春分の日")
        .containsEntry(autumnal, "秋分の日");
  }

  // Rules before 2020 and the one-off moves of 2019-2021 ("must not crash"; we keep them exact).
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "2000-01-10, 成人の日", // Happy Monday from 2000
      "1999-01-15, 成人の日",
      "2002-07-20, 海の日", // fixed until 2002
      "2003-07-21, 海の日", // 3rd Monday from 2003
      "2002-09-16, 振替休日", // 敬老の日 on Sunday 9/15
      "2006-05-04, 国民の休日", // 5/4 was a 国民の休日 until 2006
      "2006-04-29, みどりの日",
      "2007-04-30, 振替休日", // 昭和の日 on a Sunday
      "2008-05-06, 振替休日", // the 2007 rule: みどりの日 on Sunday pushes past こどもの日
      "2009-09-22, 国民の休日",
      "2015-09-22, 国民の休日",
      "2016-08-11, 山の日",
      "2018-12-24, 振替休日", // 天皇誕生日 12/23 until 2018
      "2019-04-30, 国民の休日",
      "2019-05-01, 天皇の即位の日",
      "2019-05-02, 国民の休日",
      "2019-10-14, 体育の日",
      "2019-10-22, 即位礼正殿の儀の行われる日",
      "2020-02-24, 振替休日", // 天皇誕生日 2/23 from 2020
      "2020-07-23, 海の日",
      "2020-07-24, スポーツの日",
      "2020-08-10, 山の日",
      "2021-07-22, 海の日",
      "2021-07-23, スポーツの日",
      "2021-08-08, 山の日",
      "2021-08-09, 振替休日",
      "1989-02-24, 昭和天皇の大喪の礼",
      "1988-04-29, 天皇誕生日",
  })
  void historicalAndOneOffHolidays(LocalDate date, String name) {
    assertThat(JapaneseHolidays.nameOf(date)).contains(name);
  }

  @ParameterizedTest(name = "{0} is not a holiday")
  @ValueSource(strings = {
      "2025-05-07",
      "2025-09-22", // Monday before 秋分の日, but the previous day is no holiday
      "2027-09-22",
      "2026-12-23", // 天皇誕生日 moved to 2/23
      "2019-12-23", // no 天皇誕生日 at all in 2019
      "2019-02-23",
      "2020-10-12", // スポーツの日 moved to July in 2020 and 2021
      "2021-10-11",
      "2021-08-11",
      "2015-08-11", // before 山の日
      "2003-05-04", // a Sunday: no 国民の休日 before 2007
  })
  void notHolidays(LocalDate date) {
    assertThat(JapaneseHolidays.isHoliday(date)).isFalse();
  }

  @ParameterizedTest(name = "year {0}")
  @ValueSource(ints = {1979, 2100, 0, -1, Integer.MAX_VALUE})
  void yearsOutsideTheRangeAreRejectedClearly(int year) {
    assertThatThrownBy(() -> JapaneseHolidays.of(year))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("year " + year + " is outside the supported range 1980..2099");
  }

  @Test
  void nullDateIsRejected() {
    assertThatThrownBy(() -> JapaneseHolidays.nameOf(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("date must not be null");
  }

  @Test
  void everyYearOfTheRangeComputesWithinSaneBounds() {
    for (int year = JapaneseHolidays.FIRST_YEAR; year <= JapaneseHolidays.LAST_YEAR; year++) {
      int y = year;
      SortedMap<LocalDate, String> holidays = JapaneseHolidays.of(year);
      assertThat(holidays.keySet()).as("year %d", year).allMatch(date -> date.getYear() == y);
      if (year >= 2000 && year != 2019) {
        // The brief expected 15-19, but 2018, 2024, 2052, 2069, 2080, 2086 and 2097 have 20 or 21
        // (several 祝日 on Sundays); 2019 has its one-off days (see yearCounts).
        assertThat(holidays).as("year %d", year).hasSizeBetween(15, 21);
      }
    }
  }

  private static final Set<String> STATUTORY_NAMES_FROM_2022 = Set.of(
      "元日", "成人の日", "建国記念の日", "天皇誕生日", "春分の日", "昭和の日", "憲法記念日", "みどりの日", "こどもの日",
      "海の日", "山の日", "敬老の日", "秋分の日", "スポーツの日", "文化の日", "勤労感謝の日");

  // Under the rules in force from 2020 (no more one-off moves after 2021) every year has the 16 祝日 once, one
  // 振替休日 per 祝日 on a Sunday, and a 国民の休日 only on the Tuesday between 敬老の日 and 秋分の日.
  @Test
  void futureYearsFollowTheCurrentRules() {
    for (int year = 2022; year <= JapaneseHolidays.LAST_YEAR; year++) {
      SortedMap<LocalDate, String> holidays = JapaneseHolidays.of(year);
      Map<String, List<LocalDate>> byName = holidays.entrySet().stream().collect(Collectors.groupingBy(
          Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));

      for (String name : STATUTORY_NAMES_FROM_2022) {
        assertThat(byName.get(name)).as("%s %d", name, year).hasSize(1);
      }
      assertThat(byName.keySet()).as("names in %d", year)
          .isSubsetOf(union(STATUTORY_NAMES_FROM_2022, Set.of("振替休日", "国民の休日")));

      long sundayHolidays = STATUTORY_NAMES_FROM_2022.stream()
          .filter(name -> byName.get(name).get(0).getDayOfWeek() == DayOfWeek.SUNDAY)
          .count();
      List<LocalDate> substitutes = byName.getOrDefault("振替休日", List.of());
      assertThat(substitutes).as("振替休日 in %d", year).hasSize((int) sundayHolidays)
          .allMatch(date -> holidays.containsKey(date.minusDays(1)))
          .noneMatch(date -> date.getDayOfWeek() == DayOfWeek.SUNDAY);

      LocalDate respectForTheAged = byName.get("敬老の日").get(0);
      LocalDate autumnalEquinox = byName.get("秋分の日").get(0);
      List<LocalDate> citizens = byName.getOrDefault("国民の休日", List.of());
      if (autumnalEquinox.equals(respectForTheAged.plusDays(2))) {
        assertThat(citizens).as("国民の休日 in %d", year).containsExactly(respectForTheAged.plusDays(1));
      } else {
        assertThat(citizens).as("国民の休日 in %d", year).isEmpty();
      }
    }
  }

  @Test
  void yearsAreComputedOnceAndCannotBeChanged() {
    SortedMap<LocalDate, String> holidays = JapaneseHolidays.of(2026);

    assertThat(JapaneseHolidays.of(2026)).isSameAs(holidays);
    assertThatThrownBy(() -> holidays.put(LocalDate.of(2026, 6, 1), "創立記念日"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
  }
}
