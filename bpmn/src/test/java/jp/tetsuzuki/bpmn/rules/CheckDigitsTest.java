package jp.tetsuzuki.bpmn.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The check digits of shared/domain/calendar-and-identifiers.md, with the public examples given there. */
class CheckDigitsTest {

  @ParameterizedTest(name = "法人番号 {0}: check digit {1}")
  @CsvSource({
      "1180301018771, 1", "5010001008846, 5", "7010401045660, 7", "7000012050002, 7",
      // Σ mod 9 = 0 gives 9, never 0
      "9000000000000, 9"})
  void corporateNumberCheckDigitComesFirst(String number, int checkDigit) {
    assertThat(CheckDigits.corporateNumber(number.substring(1))).isEqualTo(checkDigit);
    assertThat(CheckDigits.isCorporateNumber(number)).isTrue();
  }

  @ParameterizedTest(name = "not a 法人番号: ''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"2180301018771", "1180301018772", "118030101877", "11803010187710", "118030101877A",
      "１180301018771"})
  void corporateNumbersWithAWrongDigitOrShapeFail(String number) {
    assertThat(CheckDigits.isCorporateNumber(number)).isFalse();
  }

  @ParameterizedTest(name = "マイナンバー base {0}: check digit {1}")
  @CsvSource({
      "12345678901, 8",
      "00000000000, 0", // r = 0 -> 0
      "20000000000, 0", // 2 × 6 = 12, r = 1 -> 0
      "00001000000, 9", // 1 × 2, r = 2 -> 9
      "02000000000, 1"}) // 2 × 5, r = 10 -> 1
  void individualNumberCheckDigitComesLast(String base, int checkDigit) {
    assertThat(CheckDigits.individualNumber(base)).isEqualTo(checkDigit);
    assertThat(CheckDigits.isIndividualNumber(base + checkDigit)).isTrue();
    assertThat(CheckDigits.isIndividualNumber(base + (checkDigit + 1) % 10)).isFalse();
  }

  @ParameterizedTest(name = "base ''{0}'' is refused")
  @ValueSource(strings = {"1234567890", "1234567890123", "1234567890A"})
  void aBaseOfTheWrongShapeIsAnErrorThatQuotesNoDigit(String base) {
    assertThatThrownBy(() -> CheckDigits.individualNumber(base)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the base must be 11 ASCII digits");
    assertThatThrownBy(() -> CheckDigits.corporateNumber(base)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the base must be 12 ASCII digits");
  }
}
