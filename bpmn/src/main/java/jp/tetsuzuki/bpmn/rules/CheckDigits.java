package jp.tetsuzuki.bpmn.rules;

/**
 * Check digits of Japanese identifiers (shared/domain/calendar-and-identifiers.md). Digits only: normalising what
 * people typed or OCR read (full width, separators, the "T" of a registration number) is the caller's job.
 */
public final class CheckDigits {

  private static final int CORPORATE_NUMBER_LENGTH = 13;
  private static final int INDIVIDUAL_NUMBER_LENGTH = 12;
  private static final int[] INDIVIDUAL_NUMBER_WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  private CheckDigits() {}

  /**
   * 法人番号 check digit (also that of a 適格請求書発行事業者 登録番号, "T" + a 法人番号 or a number built the same way):
   * C = 9 − (Σ P_n × Q_n mod 9), P_n the n-th digit of the 12-digit base counted from the right, Q_n = 1 for odd n
   * and 2 for even n.
   *
   * @param base the 12 digits after the check digit
   * @throws IllegalArgumentException unless {@code base} is 12 ASCII digits
   */
  public static int corporateNumber(String base) {
    requireDigits(base, CORPORATE_NUMBER_LENGTH - 1);
    int sum = 0;
    for (int n = 1; n <= base.length(); n++) {
      int digit = base.charAt(base.length() - n) - '0';
      sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return 9 - sum % 9;
  }

  /** Whether {@code number} is 13 ASCII digits whose first digit checks the other twelve (法人番号). */
  public static boolean isCorporateNumber(String number) {
    return isDigits(number, CORPORATE_NUMBER_LENGTH)
        && number.charAt(0) - '0' == corporateNumber(number.substring(1));
  }

  /**
   * マイナンバー (個人番号) check digit: weights 6,5,4,3,2,7,6,5,4,3,2 from the left over the first 11 digits,
   * r = Σ mod 11, C = 0 if r ≤ 1, else 11 − r.
   *
   * @param base the 11 digits before the check digit
   * @throws IllegalArgumentException unless {@code base} is 11 ASCII digits (the message never quotes the digits)
   */
  public static int individualNumber(String base) {
    requireDigits(base, INDIVIDUAL_NUMBER_LENGTH - 1);
    int sum = 0;
    for (int i = 0; i < base.length(); i++) {
      sum += (base.charAt(i) - '0') * INDIVIDUAL_NUMBER_WEIGHTS[i];
    }
    int remainder = sum % 11;
    return remainder <= 1 ? 0 : 11 - remainder;
  }

  /** Whether {@code number} is 12 ASCII digits whose last digit checks the first eleven (マイナンバー). */
  public static boolean isIndividualNumber(String number) {
    return isDigits(number, INDIVIDUAL_NUMBER_LENGTH)
        && number.charAt(INDIVIDUAL_NUMBER_LENGTH - 1) - '0'
            == individualNumber(number.substring(0, INDIVIDUAL_NUMBER_LENGTH - 1));
  }

  private static void requireDigits(String value, int length) {
    if (!isDigits(value, length)) {
      throw new IllegalArgumentException("the base must be " + length + " ASCII digits");
    }
  }

  private static boolean isDigits(String value, int length) {
    if (value == null || value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
