package jp.tetsuzuki.processes.childcare.enrollment;

import static jp.tetsuzuki.bpmn.ChildcareEnrollment.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.api.ApiException;

/**
 * Reads the Tasklist start form of {@code childcare-enrollment} (紙の申込書, {@code Event_ApplicationReceived.form})
 * back into the request the API takes, so the application service checks a paper exactly as it checks an app's
 * request. The tenant is not a field: the case's tenant is the registering staff member's. Children are numbered
 * {@code 1}, {@code 2}, {@code 3} in the order of the form. Plain Java.
 */
public final class PaperChildcareForm {

  private PaperChildcareForm() {}

  /** Every key of the form (what the edge lets a start send, and what is removed once it is in the record). */
  public static final Set<String> KEYS = keys();

  private static Set<String> keys() {
    Set<String> keys = new TreeSet<>(List.of(PAPER_ADMISSION_MONTH, PAPER_SIBLING_PATTERN, PAPER_SINGLE_PARENT,
        PAPER_SIBLING_ENROLLED_AT_FIRST_CHOICE, PAPER_PARENTAL_LEAVE_ENDING, PAPER_WELFARE,
        PAPER_GUARDIAN_POSTED_AWAY, PAPER_WAITING_MONTHS));
    for (int g = 1; g <= PAPER_GUARDIANS; g++) {
      for (String part : List.of("Name", "Reason", "DaysPerMonth", "HoursPerDay", "DaysPerWeek", "HoursPerWeek")) {
        keys.add("guardian" + g + part);
      }
    }
    for (int c = 1; c <= PAPER_CHILDREN; c++) {
      for (String part : List.of("Name", "BirthDate", "Preferences", "CurrentFacilityId")) {
        keys.add("child" + c + part);
      }
    }
    return java.util.Collections.unmodifiableSet(keys);
  }

  /** The request of a filled-in form for {@code tenantId}; a value of the wrong kind is named in Japanese. */
  public static ChildcareApplicationService.Request request(String tenantId, Map<String, Object> v) {
    List<ApplicationContent.Guardian> guardians = new ArrayList<>();
    for (int g = 1; g <= PAPER_GUARDIANS; g++) {
      String p = "guardian" + g;
      String reason = text(v, p + "Reason");
      String name = text(v, p + "Name");
      if (reason == null && name == null && g > 1) {
        continue;
      }
      guardians.add(new ApplicationContent.Guardian(name, reason == null ? "" : reason,
          integer(v, p + "DaysPerMonth", "保護者" + g + "の1か月の就労日数"), decimal(v, p + "HoursPerDay",
              "保護者" + g + "の1日の就労時間"), integer(v, p + "DaysPerWeek", "保護者" + g + "の1週の就労日数"),
          decimal(v, p + "HoursPerWeek", "保護者" + g + "の1週の就労時間")));
    }
    List<ApplicationContent.Child> children = new ArrayList<>();
    for (int c = 1; c <= PAPER_CHILDREN; c++) {
      String p = "child" + c;
      String name = text(v, p + "Name");
      Object birth = v.get(p + "BirthDate");
      String preferences = text(v, p + "Preferences");
      if (name == null && birth == null && preferences == null && c > 1) {
        continue;
      }
      List<String> prefs = preferences == null ? List.of() : Arrays.stream(preferences.split("[,、，\\s]+"))
          .map(String::strip).filter(s -> !s.isEmpty()).toList();
      children.add(new ApplicationContent.Child(String.valueOf(c), name, date(birth, "児童" + c + "の生年月日"), prefs,
          text(v, p + "CurrentFacilityId")));
    }
    String pattern = text(v, PAPER_SIBLING_PATTERN);
    Integer siblingPattern;
    try {
      siblingPattern = pattern == null ? null : Integer.valueOf(pattern);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("siblingPattern", "siblingPattern: 1 to 7", "きょうだいの希望は1〜7から選んでください。");
    }
    Integer waiting = integer(v, PAPER_WAITING_MONTHS, "待機期間（月）");
    return new ChildcareApplicationService.Request(tenantId, text(v, PAPER_ADMISSION_MONTH),
        new ChildcareApplicationService.Household(flag(v, PAPER_SINGLE_PARENT),
            flag(v, PAPER_SIBLING_ENROLLED_AT_FIRST_CHOICE), flag(v, PAPER_PARENTAL_LEAVE_ENDING),
            flag(v, PAPER_WELFARE), flag(v, PAPER_GUARDIAN_POSTED_AWAY), waiting == null ? 0 : waiting),
        guardians, children, siblingPattern, List.of());
  }

  private static String text(Map<String, Object> v, String key) {
    Object value = v.get(key);
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static boolean flag(Map<String, Object> v, String key) {
    Object value = v.get(key);
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString());
  }

  private static Integer integer(Map<String, Object> v, String key, String label) {
    Object value = v.get(key);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(key, key + ": a whole number", label + "は整数で入力してください。");
    }
  }

  private static Double decimal(Map<String, Object> v, String key, String label) {
    Object value = v.get(key);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(key, key + ": a number", label + "は数値で入力してください。");
    }
  }

  /** A date as form-js sends it (YYYY-MM-DD, maybe with a time), or a Date taken in Tokyo. */
  private static LocalDate date(Object value, String label) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(JapanTime.ZONE).toLocalDate();
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("birthDate", "birthDate: YYYY-MM-DD", label + "を正しく入力してください（例: 2025-06-01）。");
    }
  }
}
