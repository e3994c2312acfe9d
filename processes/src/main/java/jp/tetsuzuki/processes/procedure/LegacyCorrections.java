package jp.tetsuzuki.processes.procedure;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.LegacyEntryVariables;

/**
 * Staff's corrections of what the legacy-register bot enters, after the register refused the values (入力チェック):
 * each correctable field with its rule, in the formats the bot hands to the register's screens. Plain Java: the
 * Japanese refusal names the field.
 */
public final class LegacyCorrections {

  /** A bot input staff may correct, with its label on the form and in the case history. */
  public enum Field {
    APPLICANT_NAME_KANA(LegacyEntryVariables.APPLICANT_NAME_KANA, "氏名カナ"),
    APPLICANT_BIRTH_DATE(LegacyEntryVariables.APPLICANT_BIRTH_DATE, "生年月日"),
    POSTAL_CODE(LegacyEntryVariables.POSTAL_CODE, "郵便番号"),
    ADDRESS(LegacyEntryVariables.ADDRESS, "住所"),
    AMOUNT(LegacyEntryVariables.AMOUNT, "月額（円）");

    public final String key;
    public final String label;

    Field(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }

  /** A corrected value the register would refuse too, or no change at all; the message is for staff. */
  public static final class Refused extends RuntimeException {
    Refused(String messageJa) {
      super(messageJa);
    }
  }

  static final int MAX_TEXT = 200;
  static final long MAX_AMOUNT = 999_999_999L;
  private static final Pattern KATAKANA = Pattern.compile("[\\u30A1-\\u30FC\\u3000]+");
  private static final Pattern POSTAL = Pattern.compile("\\d{3}-\\d{4}");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");

  private LegacyCorrections() {}

  public static List<String> keys() {
    return java.util.Arrays.stream(Field.values()).map(f -> f.key).toList();
  }

  /**
   * The fields whose submitted value differs from what the bot was given, checked and normalised (an amount as a
   * number); at least one. A field not submitted keeps the value given.
   */
  public static Map<Field, Object> changes(Map<String, Object> given, Map<String, Object> submitted) {
    Map<Field, Object> changed = new LinkedHashMap<>();
    for (Field field : Field.values()) {
      if (!submitted.containsKey(field.key)) {
        continue;
      }
      Object before = given.get(field.key);
      if (blank(submitted.get(field.key)) && blank(before)) {
        continue; // not mapped for this register and left empty
      }
      Object value = checked(field, submitted.get(field.key));
      boolean same = field == Field.AMOUNT ? before != null && Objects.equals(asAmount(before), value)
          : Objects.equals(before == null ? null : before.toString(), value);
      if (!same) {
        changed.put(field, value);
      }
    }
    if (changed.isEmpty()) {
      throw new Refused("値が修正されていません。台帳の入力チェックで止まった値を直すか、手で登録してください。");
    }
    return changed;
  }

  /** The value as the bot enters it; a Japanese refusal naming the field otherwise. */
  static Object checked(Field field, Object raw) {
    String text = raw == null ? "" : raw.toString().strip();
    if (text.isEmpty()) {
      throw new Refused(field.label + "を入力してください。");
    }
    if (text.length() > MAX_TEXT) {
      throw new Refused(field.label + "は " + MAX_TEXT + " 文字以内で入力してください。");
    }
    switch (field) {
      case APPLICANT_NAME_KANA -> {
        if (!KATAKANA.matcher(text).matches()) {
          throw new Refused("氏名カナは全角カタカナで入力してください。");
        }
        return text;
      }
      case APPLICANT_BIRTH_DATE -> {
        try {
          LocalDate date = LocalDate.parse(text);
          if (date.getYear() < 1900) {
            throw new Refused("生年月日は 1900 年以降の日付を入力してください。");
          }
          return date.toString();
        } catch (DateTimeException e) {
          throw new Refused("生年月日は「2025-04-01」の形式で入力してください。");
        }
      }
      case POSTAL_CODE -> {
        if (!POSTAL.matcher(text).matches()) {
          throw new Refused("郵便番号は「123-4567」の形式で入力してください。");
        }
        return text;
      }
      case AMOUNT -> {
        Long amount = asAmount(raw);
        if (amount == null || amount < 0 || amount > MAX_AMOUNT) {
          throw new Refused("月額（円）は 0 から " + MAX_AMOUNT + " までの整数で入力してください。");
        }
        return amount;
      }
      default -> {
        return text;
      }
    }
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

  private static Long asAmount(Object raw) {
    if (raw instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d) ? n.longValue() : null;
    }
    String text = raw == null ? "" : raw.toString().strip();
    return DIGITS.matcher(text).matches() ? Long.valueOf(text) : null;
  }
}
