package jp.tetsuzuki.bpmn.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one windows-31j writing rule (STACK.md: CP932 is IBM's; the wave-dash family; look-alikes). */
class Windows31jTest {

  @ParameterizedTest(name = "{0} is written as bytes {1}")
  @CsvSource({
      "'〜', '8160'",   // WAVE DASH U+301C: Windows writes FULLWIDTH TILDE's bytes
      "'～', '8160'",   // U+FF5E itself
      "'−', '817C'",    // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
      "'—', '815C'",    // EM DASH → HORIZONTAL BAR
      "'あ', '82A0'",
      "'①', '8740'",    // NEC special character: in windows-31j
      "'A', '41'"})
  void writableCharacters(String character, String hex) {
    assertThat(Windows31j.bytesOf(character.codePointAt(0))).asHexString().isEqualTo(hex);
  }

  @ParameterizedTest(name = "{0} cannot be written as itself")
  @CsvSource({
      "'¥'",       // the JDK writes 0x5C, which reads back as a backslash
      "'‾'",       // 0x7E reads back as a tilde
      "'𠮷'",      // outside the BMP, not in windows-31j
      "'한'"})     // not in windows-31j
  void unwritableCharacters(String character) {
    assertThat(Windows31j.bytesOf(character.codePointAt(0))).isNull();
  }

  @ParameterizedTest(name = "first unwritable of \"{0}\" is at {1}")
  @CsvSource({
      "'受付〜終了', -1",
      "'保育料¥0', 3",
      "'a𠮷b', 1"})
  void firstUnwritable(String text, int index) {
    assertThat(Windows31j.firstUnwritable(Windows31j.windowsSpelling(text))).isEqualTo(index);
  }

  @ParameterizedTest(name = "\"{0}\" is spelled \"{1}\" for Windows")
  @CsvSource({"'10〜12時', '10～12時'", "'−5', '－5'", "'abc', 'abc'"})
  void windowsSpelling(String text, String spelled) {
    assertThat(Windows31j.windowsSpelling(text)).isEqualTo(spelled);
  }
}
