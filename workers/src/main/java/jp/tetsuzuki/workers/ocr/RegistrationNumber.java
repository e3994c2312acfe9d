package jp.tetsuzuki.workers.ocr;

import jp.tetsuzuki.bpmn.rules.CheckDigits;

/**
 * 適格請求書発行事業者 登録番号: "T" + 13 digits whose first digit checks the other 12 (the 法人番号 rule).
 * Kept here as plain code because the OCR confidence depends on it; the platform's identifier service uses the same
 * rule.
 */
public final class RegistrationNumber {

  private RegistrationNumber() {}

  /** Normalises OCR output (full width, lower-case t, O read for 0, spaces) to T+13 digits, or null. */
  public static String normalize(String text) {
    String t = JapaneseText.compact(text).toUpperCase(java.util.Locale.ROOT).replace('O', '0').replace('I', '1')
        .replace('L', '1')
        .replace('|', '1').replace('｜', '1');
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("T?(\\d{13})").matcher(t);
    return m.find() ? "T" + m.group(1) : null;
  }

  /**
   * As {@link #normalize}, but when OCR read more than 13 digits (a speck read as 1 before them), the 13 in a row that
   * pass the check digit, if exactly one such window exists.
   */
  public static String normalizeChecked(String text) {
    String first = normalize(text);
    String t = JapaneseText.compact(text).toUpperCase(java.util.Locale.ROOT).replace('O', '0').replace('I', '1')
        .replace('L', '1')
        .replace('|', '1').replace('｜', '1');
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{14,16}").matcher(t);
    if (first == null || isValid(first) || !m.find()) {
      return first;
    }
    String run = m.group();
    String found = null;
    for (int i = 0; i + 13 <= run.length(); i++) {
      String candidate = "T" + run.substring(i, i + 13);
      if (isValid(candidate)) {
        if (found != null) {
          return first;
        }
        found = candidate;
      }
    }
    return found == null ? first : found;
  }

  /** T + 13 digits that pass the 法人番号 check digit ({@link CheckDigits}, the rule every module shares). */
  public static boolean isValid(String number) {
    return number != null && number.matches("T\\d{13}") && CheckDigits.isCorporateNumber(number.substring(1));
  }
}
