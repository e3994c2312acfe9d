package jp.tetsuzuki.bpmn.rules;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Map;

/**
 * Writing text for Japanese legacy systems in Microsoft's Shift_JIS, {@code windows-31j} (alias MS932; never Java's
 * {@code CP932}, which is IBM's code page: STACK.md). One rule for every file the platform writes in it (accounting
 * instructions, allocation results, CSV rejection reports):
 * <ul>
 *   <li>characters that Unicode spells twice are first written the way Windows spells them: 〜→～ (the wave dash),
 *       −→－, ‖→∥, —→―, ¢→￠, £→￡, ¬→￢;
 *   <li>a character is writable only if its bytes read back as the same character: the JDK's encoder silently writes
 *       some as look-alikes (¥ as 0x5C, which reads back as a backslash; ‾ as 0x7E; · as ・), and those are not.
 * </ul>
 * What a caller does with an unwritable character (refuse the file, name it as {@code U+XXXX}) is its own decision;
 * it is never a silent "?".
 */
public final class Windows31j {

  public static final Charset CHARSET = Charset.forName("windows-31j");

  private static final Map<Character, Character> WINDOWS_SPELLINGS = Map.of('\u301C', '\uFF5E', '\u2212', '\uFF0D',
      '\u2016', '\u2225', '\u2014', '\u2015', '\u00A2', '\uFFE0', '\u00A3', '\uFFE1', '\u00AC', '\uFFE2');

  private Windows31j() {}

  /** The text with the characters Unicode spells twice written as Windows spells them (same length). */
  public static String windowsSpelling(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      Character mapped = WINDOWS_SPELLINGS.get(text.charAt(i));
      if (mapped != null) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, mapped);
      }
    }
    return out == null ? text : out.toString();
  }

  /** The code point's bytes after {@link #windowsSpelling}, or {@code null} when they would not read back as it. */
  public static byte[] bytesOf(int codePoint) {
    if (codePoint > 0xFFFF) {
      return null; // windows-31j has no character outside the BMP
    }
    char c = WINDOWS_SPELLINGS.getOrDefault((char) codePoint, (char) codePoint);
    CharsetEncoder encoder = CHARSET.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer encoded = encoder.encode(CharBuffer.wrap(new char[] {c}));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return new String(bytes, CHARSET).equals(String.valueOf(c)) ? bytes : null;
    } catch (CharacterCodingException unmappable) {
      return null;
    }
  }

  /** The char index of the first character that cannot be written as itself, or -1 when all can. */
  public static int firstUnwritable(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (bytesOf(cp) == null) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }
}
