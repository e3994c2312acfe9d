package jp.tetsuzuki.bpmn.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import org.junit.jupiter.api.Test;
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

  /** The table answers what an encoder of its own per character answered (the rule before review C6), for the BMP. */
  @Test
  void theTableAgreesWithAFreshEncoderForEveryCharacter() {
    int writable = 0;
    for (int cp = 0; cp <= 0xFFFF; cp++) {
      byte[] expected = freshEncoder(cp);
      assertThat(Windows31j.bytesOf(cp)).as("U+%04X", cp).isEqualTo(expected);
      assertThat(Windows31j.firstUnwritable(String.valueOf((char) cp))).as("U+%04X", cp)
          .isEqualTo(expected == null ? 0 : -1);
      writable += expected == null ? 0 : 1;
    }
    assertThat(writable).isGreaterThan(7000); // JIS X 0208, NEC and IBM extensions, ASCII, half-width katakana
  }

  /**
   * Review C6, as the attack: a 16 MB result file of commas was checked with a new encoder per character (40 s for
   * every windows-31j download); one table look-up per character now.
   */
  @Test
  void sixteenMillionCharactersAreCheckedInWellUnderASecondEach() {
    String commas = ",".repeat(16_000_000) + "¥";
    Windows31j.firstUnwritable("warm-up");
    long started = System.nanoTime();
    assertThat(Windows31j.firstUnwritable(commas)).isEqualTo(16_000_000);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(millis).as("ms for 16,000,001 characters").isLessThan(3_000);
  }

  private static byte[] freshEncoder(int cp) {
    char c = switch (cp) {
      case 0x301C -> '\uFF5E';
      case 0x2212 -> '\uFF0D';
      case 0x2016 -> '\u2225';
      case 0x2014 -> '\u2015';
      case 0x00A2 -> '\uFFE0';
      case 0x00A3 -> '\uFFE1';
      case 0x00AC -> '\uFFE2';
      default -> (char) cp;
    };
    CharsetEncoder encoder = Windows31j.CHARSET.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer encoded = encoder.encode(CharBuffer.wrap(new char[] {c}));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return new String(bytes, Windows31j.CHARSET).equals(String.valueOf(c)) ? bytes : null;
    } catch (CharacterCodingException unmappable) {
      return null;
    }
  }
}
