package jp.tetsuzuki.processes.childcare.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Review C2 as the attack: the same child's name with an invisible character inserted (a zero-width space, a joiner,
 * a byte order mark, a NUL) made other keys, so a second live application of the child for the same month was taken.
 */
class ChildKeysTest {

  private static final List<ApplicationContent.Guardian> GUARDIANS = List.of(
      new ApplicationContent.Guardian("攻撃 太郎", "work", 20, 8.0, null, null),
      new ApplicationContent.Guardian("攻撃 花子", "work", 20, 8.0, null, null));
  private static final LocalDate BORN = LocalDate.of(2025, 5, 1);

  private static List<String> keys(String childName, List<ApplicationContent.Guardian> guardians) {
    return ChildKeys.of(new ApplicationContent.Child("c1", childName, BORN, List.of("minami-hoikuen"), null),
        guardians);
  }

  /**
   * Format characters (Cf), controls (Cc) and the other invisible code points, each inside, before and after the
   * child's name and inside a guardian's name: the same keys as the plain spelling.
   */
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"200B", "200C", "200D", "2060", "FEFF", "00AD", "200E", "202E", "2066", "180E", "0000",
      "0009", "000A", "000D", "001F", "007F", "0085", "2028", "2029", "00A0", "3000", "034F", "FE0F", "E0100",
      "3164"})
  void anInvisibleCharacterDoesNotMakeAnotherChild(String hex) {
    String invisible = new String(Character.toChars(Integer.parseInt(hex, 16)));
    List<String> plain = keys("攻撃 一郎RC", GUARDIANS);
    assertThat(plain).hasSize(2);
    for (String spelled : List.of("攻撃" + invisible + " 一郎RC", invisible + "攻撃 一郎RC", "攻撃 一郎RC" + invisible,
        "攻撃 一" + invisible + "郎RC")) {
      assertThat(keys(spelled, GUARDIANS)).as(spelled.codePoints().mapToObj(Integer::toHexString).toList()
          .toString()).isEqualTo(plain);
    }
    List<ApplicationContent.Guardian> marked = List.of(
        new ApplicationContent.Guardian("攻撃" + invisible + "太郎", "work", 20, 8.0, null, null), GUARDIANS.get(1));
    assertThat(keys("攻撃 一郎RC", marked)).isEqualTo(plain);
  }

  @Test
  void widthCaseAndSpacesAreTheSameNameAndAnotherNameIsAnotherChild() {
    List<String> plain = keys("攻撃 一郎RC", GUARDIANS);
    assertThat(keys("攻撃\u3000一郎ｒｃ", GUARDIANS)).isEqualTo(plain);
    assertThat(ChildKeys.normalized("\u200B攻撃\u2060 一郎\uFEFFＲＣ\u0000")).isEqualTo("攻撃一郎rc");
    // an invisible character must not swallow a visible one: 一郎 and 二郎 stay two children
    assertThat(keys("攻撃\u200B 二郎RC", GUARDIANS)).doesNotContainAnyElementsOf(plain);
    // a name of invisible characters only is no name: no key
    assertThat(keys("\u200B\u200C\uFEFF", GUARDIANS)).isEmpty();
  }

  /** NFKC cannot be kept from composing by a character inserted between a letter and its sound mark. */
  @Test
  void anInvisibleCharacterBetweenALetterAndItsSoundMarkIsStillTheSameName() {
    assertThat(ChildKeys.normalized("か\u200B\u3099ん")).isEqualTo(ChildKeys.normalized("がん"));
  }
}
