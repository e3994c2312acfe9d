package jp.tetsuzuki.bpmn.rules;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
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
      char c = text.charAt(i);
      // below U+00A2 nothing is spelled twice: no map look-up (and no boxing) for ASCII
      Character mapped = c < '\u00A2' ? null : WINDOWS_SPELLINGS.get(c);
      if (mapped != null) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, mapped);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * The code point's bytes after {@link #windowsSpelling}, or {@code null} when they would not read back as it.
   * A table of the BMP, built once with one encoder and one decoder (review C6: an encoder per character made a
   * 16 MB text take 40 s).
   */
  public static byte[] bytesOf(int codePoint) {
    if (codePoint < 0 || codePoint > 0xFFFF) {
      return null; // windows-31j has no character outside the BMP
    }
    int packed = Table.BYTES[codePoint];
    if (packed == 0) {
      return null;
    }
    return packed > 0xFFFF ? new byte[] {(byte) (packed >> 8), (byte) packed} : new byte[] {(byte) packed};
  }

  /** The char index of the first character that cannot be written as itself, or -1 when all can. */
  public static int firstUnwritable(String text) {
    int[] table = Table.BYTES;
    for (int i = 0; i < text.length(); i++) {
      // a surrogate (half of a character outside the BMP) is never writable: its table entry is 0
      if (table[text.charAt(i)] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Per BMP char: 0 when it cannot be written as itself, else its bytes ({@link #pack}); built on first use. */
  private static final class Table {
    static final int[] BYTES = build();

    private static int[] build() {
      int[] table = new int[0x10000];
      CharsetEncoder encoder = CHARSET.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      CharsetDecoder decoder = CHARSET.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      char[] one = new char[1];
      CharBuffer in = CharBuffer.wrap(one);
      ByteBuffer out = ByteBuffer.allocate(8);
      CharBuffer back = CharBuffer.allocate(4);
      for (int cp = 0; cp <= 0xFFFF; cp++) {
        char c = WINDOWS_SPELLINGS.getOrDefault((char) cp, (char) cp);
        one[0] = c;
        in.clear();
        out.clear();
        encoder.reset();
        if (encoder.encode(in, out, true).isError() || encoder.flush(out).isError()) {
          continue;
        }
        out.flip();
        int length = out.remaining();
        if (length < 1 || length > 2) {
          continue;
        }
        int first = out.get(0) & 0xFF;
        int second = length == 2 ? out.get(1) & 0xFF : -1;
        back.clear();
        decoder.reset();
        if (decoder.decode(out, back, true).isError() || decoder.flush(back).isError()) {
          continue;
        }
        back.flip();
        if (back.remaining() == 1 && back.get(0) == c) {
          table[cp] = pack(first, second);
        }
      }
      return table;
    }

    /** One byte {@code b}: {@code 0x100 | b} (never 0); two bytes: {@code 0x10000 | b1 << 8 | b2} (above 0xFFFF). */
    private static int pack(int first, int second) {
      return second < 0 ? 0x100 | first : 0x10000 | first << 8 | second;
    }
  }
}
