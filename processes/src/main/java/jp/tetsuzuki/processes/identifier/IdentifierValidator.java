package jp.tetsuzuki.processes.identifier;

import java.text.Normalizer;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.rules.CheckDigits;

/**
 * Checks 法人番号, 適格請求書発行事業者 登録番号 and マイナンバー as typed by people: the input is NFKC-normalised
 * (full-width digits and letters, ideographic spaces), trimmed, and spaces or hyphens between characters are removed
 * ("1180-3010-18771", "１１８０　３０１０　１８７７１", "t1180301018771" are accepted).
 *
 * <p>Individual numbers: the raw value must never be logged, stored in a process variable or written to history.
 * This class never returns it: the normalized value is masked to the last four digits and reasons never quote any
 * digit of it. Callers must not log the raw input either.
 */
public final class IdentifierValidator {

  private static final int CORPORATE_NUMBER_LENGTH = 13;
  private static final int INDIVIDUAL_NUMBER_LENGTH = 12;
  private static final int INDIVIDUAL_NUMBER_VISIBLE_DIGITS = 4;

  // Whitespace and the dash-like characters that survive NFKC (U+FF0D becomes '-', U+FF70 becomes 'ー').
  private static final String SEPARATOR_CHARACTERS = "\\s\\-\\u2010-\\u2015\\u2212\\u30FC";
  // Only separators between two other characters go; a leading or trailing dash stays and is rejected.
  private static final Pattern SEPARATORS_BETWEEN_CHARACTERS = Pattern.compile(
      "(?<=[^" + SEPARATOR_CHARACTERS + "])[" + SEPARATOR_CHARACTERS + "]+(?=[^" + SEPARATOR_CHARACTERS + "])");

  private IdentifierValidator() {
  }

  /**
   * Validates and normalizes an identifier.
   *
   * @param type the kind of identifier
   * @param raw  the value as entered; null or blank is reported as invalid
   * @return the outcome; never null
   * @throws IllegalArgumentException if the type is null
   */
  public static IdentifierValidation validate(IdentifierType type, String raw) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    if (raw == null) {
      return IdentifierValidation.rejected("must not be empty");
    }
    String text = SEPARATORS_BETWEEN_CHARACTERS
        .matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip())
        .replaceAll("");
    if (text.isEmpty()) {
      return IdentifierValidation.rejected("must not be empty");
    }
    return switch (type) {
      case CORPORATE_NUMBER -> validateCorporateNumber(text, "");
      case INVOICE_REGISTRATION_NUMBER -> Character.toUpperCase(text.charAt(0)) == 'T'
          ? validateCorporateNumber(text.substring(1), "T")
          : IdentifierValidation.rejected("must start with T");
      case INDIVIDUAL_NUMBER -> validateIndividualNumber(text);
    };
  }

  private static IdentifierValidation validateCorporateNumber(String digits, String prefix) {
    String formatProblem = formatProblem(digits, CORPORATE_NUMBER_LENGTH);
    if (formatProblem != null) {
      return IdentifierValidation.rejected(formatProblem);
    }
    int expected = CheckDigits.corporateNumber(digits.substring(1));
    if (digits.charAt(0) - '0' != expected) {
      return IdentifierValidation.rejected("check digit mismatch: expected " + expected);
    }
    return IdentifierValidation.accepted(prefix + digits);
  }

  private static IdentifierValidation validateIndividualNumber(String digits) {
    String formatProblem = formatProblem(digits, INDIVIDUAL_NUMBER_LENGTH);
    if (formatProblem != null) {
      return IdentifierValidation.rejected(formatProblem);
    }
    if (!CheckDigits.isIndividualNumber(digits)) {
      // The expected digit is not quoted: it would disclose part of the number in logs.
      return IdentifierValidation.rejected("check digit mismatch");
    }
    int hidden = INDIVIDUAL_NUMBER_LENGTH - INDIVIDUAL_NUMBER_VISIBLE_DIGITS;
    return IdentifierValidation.accepted("*".repeat(hidden) + digits.substring(hidden));
  }

  private static String formatProblem(String digits, int length) {
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return "contains characters other than digits";
      }
    }
    return digits.length() == length ? null : "must be " + length + " digits";
  }
}
