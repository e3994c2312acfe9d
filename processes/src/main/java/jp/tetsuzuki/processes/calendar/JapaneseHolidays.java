package jp.tetsuzuki.processes.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * National holidays of Japan for the years {@value #FIRST_YEAR}..{@value #LAST_YEAR}, computed from the rules of
 * 国民の祝日に関する法律 rather than from a list, so that deadlines far in the future work without yearly updates.
 *
 * <p>The rules in force from 2020 apply to every later year. Earlier years follow the law as it stood then
 * (成人の日 on 1/15 until 1999, 海の日 on 7/20 1996–2002, 敬老の日 on 9/15 until 2002, 体育の日 on 10/10 until 1999,
 * みどりの日 on 4/29 1989–2006, 山の日 from 2016, 天皇誕生日 4/29 until 1988, 12/23 1989–2018, none in 2019 and 2/23
 * from 2020) and include the one-off days of 1989, 1990, 1993 and 2019 and the Olympic moves of 2020 and 2021.
 *
 * <p>春分の日 and 秋分の日 are announced each February for the next year only; the approximation used here is the one
 * commonly used for 1980–2099 and matches every announced date in that range. Results are cached per year.
 */
public final class JapaneseHolidays {

  /** First year whose holidays can be computed. */
  public static final int FIRST_YEAR = 1980;
  /** Last year whose holidays can be computed; the equinox approximation is not valid after it. */
  public static final int LAST_YEAR = 2099;

  private static final String SUBSTITUTE_HOLIDAY = "振替休日";
  private static final String CITIZENS_HOLIDAY = "国民の休日";

  // Days declared holidays by special acts; they count as 国民の祝日 for the 振替休日 and 国民の休日 rules.
  private static final Map<LocalDate, String> ONE_OFF_HOLIDAYS = Map.of(
      LocalDate.of(1989, 2, 24), "昭和天皇の大喪の礼",
      LocalDate.of(1990, 11, 12), "即位礼正殿の儀",
      LocalDate.of(1993, 6, 9), "皇太子徳仁親王の結婚の儀",
      LocalDate.of(2019, 5, 1), "天皇の即位の日",
      LocalDate.of(2019, 10, 22), "即位礼正殿の儀の行われる日");

  // 国民の休日 exists since the amendment of 1985-12-27.
  private static final int FIRST_CITIZENS_HOLIDAY_YEAR = 1986;

  private static final Map<Integer, SortedMap<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

  private JapaneseHolidays() {
  }

  /**
   * Returns the holidays of a year, sorted by date, with their Japanese names ("元日", "振替休日", "国民の休日", …).
   *
   * @param year a year in {@value #FIRST_YEAR}..{@value #LAST_YEAR}
   * @return an unmodifiable map from date to name
   * @throws IllegalArgumentException if the year is outside the supported range
   */
  public static SortedMap<LocalDate, String> of(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "year " + year + " is outside the supported range " + FIRST_YEAR + ".." + LAST_YEAR);
    }
    return CACHE.computeIfAbsent(year, JapaneseHolidays::compute);
  }

  /**
   * Returns the holiday name of a date, if the date is a national holiday.
   *
   * @throws IllegalArgumentException if the date is null or its year is outside the supported range
   */
  public static Optional<String> nameOf(LocalDate date) {
    if (date == null) {
      throw new IllegalArgumentException("date must not be null");
    }
    return Optional.ofNullable(of(date.getYear()).get(date));
  }

  /**
   * Tells whether a date is a national holiday (including 振替休日 and 国民の休日).
   *
   * @throws IllegalArgumentException if the date is null or its year is outside the supported range
   */
  public static boolean isHoliday(LocalDate date) {
    return nameOf(date).isPresent();
  }

  private static SortedMap<LocalDate, String> compute(int year) {
    SortedMap<LocalDate, String> statutory = statutoryHolidays(year);
    SortedMap<LocalDate, String> all = new TreeMap<>(statutory);
    addSubstituteHolidays(statutory, all);
    addCitizensHolidays(year, statutory, all);
    return Collections.unmodifiableSortedMap(all);
  }

  /** The 国民の祝日 themselves (and the one-off days treated as such), without the derived 休日. */
  private static SortedMap<LocalDate, String> statutoryHolidays(int year) {
    SortedMap<LocalDate, String> days = new TreeMap<>();
    days.put(LocalDate.of(year, 1, 1), "元日");
    days.put(year < 2000 ? LocalDate.of(year, 1, 15) : mondayOf(year, Month.JANUARY, 2), "成人の日");
    days.put(LocalDate.of(year, 2, 11), "建国記念の日");
    if (year >= 2020) {
      days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
    }
    days.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
    days.put(LocalDate.of(year, 4, 29), year < 1989 ? "天皇誕生日" : year < 2007 ? "みどりの日" : "昭和の日");
    days.put(LocalDate.of(year, 5, 3), "憲法記念日");
    if (year >= 2007) {
      days.put(LocalDate.of(year, 5, 4), "みどりの日");
    }
    days.put(LocalDate.of(year, 5, 5), "こどもの日");
    if (year >= 1996) {
      days.put(marineDay(year), "海の日");
    }
    if (year >= 2016) {
      days.put(mountainDay(year), "山の日");
    }
    days.put(year < 2003 ? LocalDate.of(year, 9, 15) : mondayOf(year, Month.SEPTEMBER, 3), "敬老の日");
    days.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
    days.put(sportsDay(year), year < 2020 ? "体育の日" : "スポーツの日");
    days.put(LocalDate.of(year, 11, 3), "文化の日");
    days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
    if (year >= 1989 && year <= 2018) {
      days.put(LocalDate.of(year, 12, 23), "天皇誕生日");
    }
    ONE_OFF_HOLIDAYS.forEach((date, name) -> {
      if (date.getYear() == year) {
        days.put(date, name);
      }
    });
    return days;
  }

  private static LocalDate marineDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 7, 23); // moved for the Tokyo Olympics
      case 2021 -> LocalDate.of(2021, 7, 22);
      default -> year < 2003 ? LocalDate.of(year, 7, 20) : mondayOf(year, Month.JULY, 3);
    };
  }

  private static LocalDate mountainDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 8, 10);
      case 2021 -> LocalDate.of(2021, 8, 8);
      default -> LocalDate.of(year, 8, 11);
    };
  }

  private static LocalDate sportsDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 7, 24);
      case 2021 -> LocalDate.of(2021, 7, 23);
      default -> year < 2000 ? LocalDate.of(year, 10, 10) : mondayOf(year, Month.OCTOBER, 2);
    };
  }

  /**
   * 振替休日: a 祝日 on a Sunday makes the nearest following day that is not a 祝日 a holiday. Before 2007 the law
   * said "the next day"; both readings give the same dates up to 2006 because no two 祝日 were consecutive then.
   */
  private static void addSubstituteHolidays(SortedMap<LocalDate, String> statutory, SortedMap<LocalDate, String> all) {
    for (LocalDate date : statutory.keySet()) {
      if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        LocalDate substitute = date.plusDays(1);
        while (statutory.containsKey(substitute)) {
          substitute = substitute.plusDays(1);
        }
        all.put(substitute, SUBSTITUTE_HOLIDAY);
      }
    }
  }

  /**
   * 国民の休日: a day whose previous and next days are both 祝日 is a holiday unless it already is one. A Sunday never
   * qualifies: the law excluded it until 2006 (5/4 on a Sunday stayed a plain Sunday), and under the later rules no
   * Sunday can fall between two 祝日.
   */
  private static void addCitizensHolidays(int year, SortedMap<LocalDate, String> statutory,
      SortedMap<LocalDate, String> all) {
    if (year < FIRST_CITIZENS_HOLIDAY_YEAR) {
      return;
    }
    for (LocalDate date : statutory.keySet()) {
      LocalDate between = date.plusDays(1);
      if (statutory.containsKey(between.plusDays(1)) && !all.containsKey(between)
          && between.getDayOfWeek() != DayOfWeek.SUNDAY) {
        all.put(between, CITIZENS_HOLIDAY);
      }
    }
  }

  private static LocalDate mondayOf(int year, Month month, int ordinal) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, DayOfWeek.MONDAY));
  }

  // The usual approximation int(20.8431 + 0.242194 (Y - 1980) - int((Y - 1980) / 4)), in integer micro-days so
  // that no floating-point rounding can move a day (2012's autumnal value is 22.999008).
  private static int vernalEquinoxDay(int year) {
    return equinoxDay(20_843_100L, year);
  }

  // Same approximation with 23.2488 for 秋分.
  private static int autumnalEquinoxDay(int year) {
    return equinoxDay(23_248_800L, year);
  }

  private static int equinoxDay(long baseMicroDays, int year) {
    int yearsSince1980 = year - 1980;
    return (int) ((baseMicroDays + 242_194L * yearsSince1980) / 1_000_000L) - yearsSince1980 / 4;
  }
}
