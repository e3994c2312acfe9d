package jp.tetsuzuki.processes.api;

import java.util.Optional;

/**
 * Maximum lengths of the public API's text fields, checked before anything reaches the database, so that an
 * over-long value is a 400 naming its field and never a database error. Lengths count characters (code points), as
 * the database columns do. Each limit leaves room in the column it ends up in (JSON escaping included).
 */
public final class TextLimits {

  /** A person's or company's name (applicant.name). */
  public static final int NAME = 200;
  /** A mail address (RFC 5321: 254). */
  public static final int EMAIL = 254;
  /** A postal address. */
  public static final int ADDRESS = 500;
  /** A phone number. */
  public static final int PHONE = 30;
  /** A corporate number (13 digits) with some room for formatting. */
  public static final int CORPORATE_NUMBER = 20;
  /** One text value of an application's data fields. */
  public static final int DATA_VALUE = 2000;
  /** An application's data fields together, as stored (JSON; the column holds 20,000). */
  public static final int DATA_TOTAL = 20_000;
  /** An applicant as stored (JSON; the column holds 4,000). */
  public static final int APPLICANT_TOTAL = 4000;
  /** A comment or reason (補正, 取下げ, 引戻し comments; the action column holds 2,000). */
  public static final int COMMENT = 2000;
  /** An identifier of a user, tenant or document. */
  public static final int ID = 64;
  /** A reference to a document or a kind of document. */
  public static final int REFERENCE = 100;

  private TextLimits() {}

  /** The English problem with the value, or empty when it is within the limit (null counts as within). */
  public static Optional<String> problem(String value, int max) {
    if (value == null) {
      return Optional.empty();
    }
    int length = value.codePointCount(0, value.length());
    return length <= max ? Optional.empty()
        : Optional.of("at most " + max + " characters (got " + length + ")");
  }

  /** Like {@link #problem} for one-line values, which also refuse control characters (tabs, line breaks…). */
  public static Optional<String> singleLineProblem(String value, int max) {
    Optional<String> length = problem(value, max);
    if (length.isPresent() || value == null) {
      return length;
    }
    return value.chars().anyMatch(Character::isISOControl)
        ? Optional.of("must be one line without control characters") : Optional.empty();
  }

  /**
   * The value if it is within the limit.
   *
   * @throws ApiException 400 naming the field otherwise
   */
  public static String check(String field, String value, int max) {
    problem(value, max).ifPresent(p -> {
      throw ApiException.badRequest(field, field + ": " + p);
    });
    return value;
  }

  /**
   * {@link #check} with the Japanese sentence for people: {@code label} is the field's name as they see it (the
   * catalog's label, 申請者の氏名 …).
   */
  public static String check(String field, String label, String value, int max) {
    problem(value, max).ifPresent(p -> {
      throw ApiException.invalid(field, field + ": " + p, tooLong(label, value, max));
    });
    return value;
  }

  /** {@link #checkSingleLine} with the Japanese sentence for people. */
  public static String checkSingleLine(String field, String label, String value, int max) {
    singleLineProblem(value, max).ifPresent(p -> {
      throw ApiException.invalid(field, field + ": " + p, problem(value, max).isPresent() ? tooLong(label, value, max)
          : "「" + label + "」は改行やタブを含めず、1行で入力してください。");
    });
    return value;
  }

  private static String tooLong(String label, String value, int max) {
    return "「" + label + "」は" + max + "文字以内で入力してください（" + value.codePointCount(0, value.length())
        + "文字あります）。";
  }

  /** {@link #check} for one-line values. */
  public static String checkSingleLine(String field, String value, int max) {
    singleLineProblem(value, max).ifPresent(p -> {
      throw ApiException.badRequest(field, field + ": " + p);
    });
    return value;
  }
}
