package jp.tetsuzuki.processes.identifier;

/**
 * The outcome of {@link IdentifierValidator#validate(IdentifierType, String)}.
 *
 * <p>For an individual number (マイナンバー) {@code normalized} is masked and no component ever holds the number
 * itself, so the record, including its {@code toString()}, is safe to log.
 *
 * @param valid      whether the value is a well-formed identifier with a correct check digit
 * @param normalized the canonical form when valid ("1180301018771", "T1180301018771", "********9018" for an
 *                   individual number); null when invalid
 * @param reason     a short English explanation when invalid ("must be 13 digits", "check digit mismatch: expected
 *                   7", …); null when valid
 */
public record IdentifierValidation(boolean valid, String normalized, String reason) {

  /**
   * @throws IllegalArgumentException if a valid result has no normalized value or has a reason, or an invalid one
   *                                  has no reason or has a normalized value
   */
  public IdentifierValidation {
    if (valid && (normalized == null || reason != null)) {
      throw new IllegalArgumentException("a valid result needs a normalized value and no reason");
    }
    if (!valid && (reason == null || normalized != null)) {
      throw new IllegalArgumentException("an invalid result needs a reason and no normalized value");
    }
  }

  static IdentifierValidation accepted(String normalized) {
    return new IdentifierValidation(true, normalized, null);
  }

  static IdentifierValidation rejected(String reason) {
    return new IdentifierValidation(false, null, reason);
  }
}
