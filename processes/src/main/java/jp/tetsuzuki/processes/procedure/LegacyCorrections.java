package jp.tetsuzuki.processes.procedure;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.LegacyEntryVariables;
import jp.tetsuzuki.processes.api.TextLimits;

/**
 * Staff's corrections of what the legacy-register bot enters, after the register refused the values (入力チェック):
 * each correctable field with its rule, in the formats the bot hands to the register's screens. Plain Java: the
 * Japanese refusal names the field.
 */
public final class LegacyCorrections {

  /**
   * A bot input staff may correct, with its label on the form and in the case history, and the name the register's
   * input-check messages start with (「氏名カナは全角カタカナで…」, 「月額は7桁以内の…」).
   */
  public enum Field {
    APPLICANT_NAME_KANA(LegacyEntryVariables.APPLICANT_NAME_KANA, "氏名カナ", "氏名カナ"),
    APPLICANT_BIRTH_DATE(LegacyEntryVariables.APPLICANT_BIRTH_DATE, "生年月日", "生年月日"),
    POSTAL_CODE(LegacyEntryVariables.POSTAL_CODE, "郵便番号", "郵便番号"),
    ADDRESS(LegacyEntryVariables.ADDRESS, "住所", "住所"),
    AMOUNT(LegacyEntryVariables.AMOUNT, "月額（円）", "月額");

    public final String key;
    public final String label;
    final String registerLabel;

    Field(String key, String label, String registerLabel) {
      this.key = key;
      this.label = label;
      this.registerLabel = registerLabel;
    }
  }

  /** A corrected value the register would refuse too, or no change at all; the message is for staff. */
  public static final class Refused extends RuntimeException {
    Refused(String messageJa) {
      super(messageJa);
    }
  }

  static final int MAX_TEXT = 200;
  /** The register takes at most 7 digits (「月額は7桁以内の半角数字で…」). */
  static final long MAX_AMOUNT = 9_999_999L;
  /** What the register takes: ァ..ヶ, ー and the full-width space (not ・ nor ヷ..ヺ). */
  private static final Pattern KATAKANA = Pattern.compile("[\\u30A1-\\u30F6\\u30FC\\u3000]+");
  private static final Pattern POSTAL = Pattern.compile("\\d{3}-\\d{4}");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");

  private LegacyCorrections() {}

  public static List<String> keys() {
    return java.util.Arrays.stream(Field.values()).map(f -> f.key).toList();
  }

  /**
   * The fields the register refused, by its input-check messages (one a line, each starting with the register's name
   * of the field: 「郵便番号は…」, 「住所を…」, 「郵便番号が住所と…」; 氏名 is not 氏名カナ and is none of these). A message about another field (受付番号, 氏名, 決定日) names nothing staff may correct.
   */
  public static Set<Field> refused(String messages) {
    Set<Field> refused = EnumSet.noneOf(Field.class);
    if (messages == null) {
      return refused;
    }
    for (String line : messages.split("\\R")) {
      String message = line.strip();
      for (Field field : Field.values()) {
        if (message.startsWith(field.registerLabel)) {
          refused.add(field);
        }
      }
    }
    return refused;
  }

  /**
   * The fields whose submitted value differs from what the bot was given, checked and normalised (an amount as a
   * number); at least one, and only fields the register refused. A field not submitted keeps the value given.
   */
  public static Map<Field, Object> changes(Map<String, Object> given, Map<String, Object> submitted,
      Set<Field> refused, LocalDate today) {
    if (refused.isEmpty()) {
      throw new Refused("台帳が受け付けなかった値は、この画面で直せる項目（" + labels(EnumSet.allOf(Field.class))
          + "）ではありません。台帳の画面で手で登録してください。");
    }
    Map<Field, Object> changed = new LinkedHashMap<>();
    for (Field field : Field.values()) {
      if (!submitted.containsKey(field.key)) {
        continue;
      }
      Object before = given.get(field.key);
      if (blank(submitted.get(field.key)) && blank(before)) {
        continue; // not mapped for this register and left empty
      }
      Object submittedValue = submitted.get(field.key);
      boolean same = field == Field.AMOUNT ? before != null && Objects.equals(asAmount(before), asAmount(submittedValue))
          : before != null && submittedValue instanceof String text && before.toString().equals(text.strip());
      if (same) {
        continue;
      }
      if (!refused.contains(field)) {
        throw new Refused(field.label + "は台帳の入力チェックで止まった値ではないため、ここでは直せません。直せるのは"
            + labels(refused) + "です。");
      }
      changed.put(field, checked(field, submittedValue, today));
    }
    if (changed.isEmpty()) {
      throw new Refused("値が修正されていません。台帳の入力チェックで止まった値を直すか、手で登録してください。");
    }
    return changed;
  }

  private static String labels(Set<Field> fields) {
    return String.join("、", fields.stream().map(f -> f.label).toList());
  }

  /** The value as the bot enters it; a Japanese refusal naming the field otherwise. */
  static Object checked(Field field, Object raw, LocalDate today) {
    if (raw != null && !(raw instanceof String) && !(field == Field.AMOUNT && raw instanceof Number)) {
      throw new Refused(field.label + "は" + (field == Field.AMOUNT ? "数値" : "文字列") + "で入力してください。");
    }
    String text = raw == null ? "" : raw.toString().strip();
    if (text.isEmpty()) {
      throw new Refused(field.label + "を入力してください。");
    }
    if (text.length() > MAX_TEXT) {
      throw new Refused(field.label + "は " + MAX_TEXT + " 文字以内で入力してください。");
    }
    if (TextLimits.singleLineProblem(text, MAX_TEXT).isPresent()) {
      throw new Refused(field.label + "は改行や制御文字を含めずに、1 行で入力してください。");
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
          if (date.isAfter(today)) {
            throw new Refused("生年月日に今日より後の日付は入力できません。");
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
