package jp.tetsuzuki.processes.childcare.nursery;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a capacity snapshot (募集人数), plain Java: every entry names a facility the reporting system serves
 * for the tenant, an admission month {@code YYYY-MM} from the current month to {@link #MONTHS_AHEAD} months ahead
 * (places of a month gone by place nobody; second attacker pass N6 stored months back to 2000), a class age 0–5 (age
 * on 1 April)
 * and a whole number of places from 0 to {@link #MAX_CAPACITY}; no (facility, month, class age) twice; at least one
 * and at most {@link #MAX_ENTRIES} entries. The first problem is reported with its field and a Japanese sentence.
 */
public final class CapacityRules {

  public static final int MAX_CAPACITY = 999;
  public static final int MAX_ENTRIES = 50_000;
  /** How far ahead places are reported: the next fiscal year's April is at most 16 months away; two years cover it. */
  public static final int MONTHS_AHEAD = 24;

  /** One place count as it arrived (every part may be missing). */
  public record Entry(String facilityId, String admissionMonth, Integer classAge, Integer capacity) {}

  /** The first problem of a snapshot: the field as the API names it, English and Japanese. */
  public record Problem(String field, String message, String messageJa) {}

  private CapacityRules() {}

  /**
   * @param current the current month in Japan (the earliest admission month places are taken for)
   * @return the first problem, or null when every entry is acceptable
   */
  public static Problem check(List<Entry> entries, Set<String> facilitiesOfTheSystem, YearMonth current) {
    if (entries == null || entries.isEmpty()) {
      return new Problem("capacities", "capacities: at least one entry", "募集人数を1件以上送ってください。");
    }
    if (entries.size() > MAX_ENTRIES) {
      return new Problem("capacities", "capacities: at most " + MAX_ENTRIES + " entries",
          "募集人数は1回に" + MAX_ENTRIES + "件までです。");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      String at = "capacities[" + i + "]";
      String n = (i + 1) + "件目";
      if (e == null) {
        return new Problem(at, at + ": required", n + "が空です。");
      }
      if (e.facilityId() == null || e.facilityId().isBlank()) {
        return new Problem(at + ".facilityId", at + ".facilityId: required", n + ": 保育所IDがありません。");
      }
      if (!facilitiesOfTheSystem.contains(e.facilityId())) {
        return new Problem(at + ".facilityId", at + ".facilityId: not a facility this system serves for the "
            + "tenant", n + ": 保育所ID「" + cut(e.facilityId()) + "」はこの自治体でこのシステムが担当する施設ではありません。");
      }
      YearMonth month = month(e.admissionMonth());
      if (month == null) {
        return new Problem(at + ".admissionMonth", at + ".admissionMonth: YYYY-MM",
            n + ": 入所月は YYYY-MM 形式（例 2027-04）で指定してください。");
      }
      YearMonth last = current.plusMonths(MONTHS_AHEAD);
      if (month.isBefore(current) || month.isAfter(last)) {
        return new Problem(at + ".admissionMonth", at + ".admissionMonth: from " + current + " to " + last
            + " (this month to " + MONTHS_AHEAD + " months ahead)", n + ": 入所月は " + current + " から " + last
            + " までの月で指定してください（過ぎた月の募集人数は受け付けません）。");
      }
      if (e.classAge() == null || e.classAge() < 0 || e.classAge() > 5) {
        return new Problem(at + ".classAge", at + ".classAge: 0 to 5 (age on 1 April)",
            n + ": クラス年齢は0〜5（4月1日時点の年齢）で指定してください。");
      }
      if (e.capacity() == null || e.capacity() < 0 || e.capacity() > MAX_CAPACITY) {
        return new Problem(at + ".capacity", at + ".capacity: 0 to " + MAX_CAPACITY,
            n + ": 募集人数は0〜" + MAX_CAPACITY + "の整数で指定してください。");
      }
      if (!seen.add(e.facilityId() + "|" + month + "|" + e.classAge())) {
        return new Problem(at, at + ": facility, month and class age given twice",
            n + ": 保育所 " + e.facilityId() + "・" + month + "・" + e.classAge() + "歳クラスが重複しています。");
      }
    }
    return null;
  }

  static YearMonth month(String text) {
    if (text == null || !text.matches("20\\d{2}-(0[1-9]|1[0-2])")) {
      return null;
    }
    return YearMonth.parse(text);
  }

  private static String cut(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }
}
