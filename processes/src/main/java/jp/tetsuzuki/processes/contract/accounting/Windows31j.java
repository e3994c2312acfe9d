package jp.tetsuzuki.processes.contract.accounting;

import java.nio.charset.Charset;
import java.io.ByteArrayOutputStream;

/**
 * Text for the accounting system's files: Microsoft's Shift_JIS ({@code windows-31j}, alias MS932; never Java's
 * {@code CP932}, which is IBM's), restricted to what every Shift_JIS system reads the same way (STACK.md, "Found
 * since"): ASCII 0x20–0x7E, half-width katakana (JIS X 0201) and the characters of JIS X 0208.
 *
 * <p>Before encoding, the characters that Unicode spells twice are mapped to windows-31j's spelling: 〜→～, −→－, ‖→∥,
 * —→―, ¢→￠, £→￡, ¬→￢. Anything else outside the set is an error naming the character, never a silent "?": NEC special
 * characters (①, ㈱, lead bytes 0x85–0x87), NEC-selected and IBM extensions (髙, 﨑, lead bytes 0xED–0xEE, 0xFA–0xFC),
 * user-defined characters (0xF0–0xF9), characters windows-31j lacks (𠮷), control characters, and characters the
 * JDK's encoder would silently write as a look-alike (¥ as 0x5C, ‾ as 0x7E, · as ・): every character written reads
 * back as itself. No replacement is made
 * (髙 is not silently 高): a payee's name is a legal name, and staff decide how to write it in the accounting master.
 */
final class Windows31j {

  static final Charset CHARSET = jp.tetsuzuki.bpmn.rules.Windows31j.CHARSET;

  private Windows31j() {}

  /** A character that cannot be written; {@link #codePoint} names it. */
  static final class UnwritableCharacterException extends Exception {
    final int codePoint;
    final int index;

    UnwritableCharacterException(int codePoint, int index) {
      super(String.format("U+%04X '%s' at position %d is outside JIS X 0208 / ASCII / half-width katakana",
          codePoint, new String(Character.toChars(codePoint)), index + 1));
      this.codePoint = codePoint;
      this.index = index;
    }
  }

  /**
   * The shared windows-31j rule ({@link jp.tetsuzuki.bpmn.rules.Windows31j}: Windows spellings, only characters that
   * read back as themselves), narrowed to ASCII, half-width katakana and JIS X 0208, without control characters.
   *
   * @throws UnwritableCharacterException at the first character outside the set
   */
  static byte[] encode(String text) throws UnwritableCharacterException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
        throw new UnwritableCharacterException(cp, i);
      }
      byte[] bytes = jp.tetsuzuki.bpmn.rules.Windows31j.bytesOf(cp);
      if (bytes == null || !allowed(bytes)) {
        throw new UnwritableCharacterException(cp, i);
      }
      out.writeBytes(bytes);
      i += Character.charCount(cp);
    }
    return out.toByteArray();
  }

  /** ASCII, half-width katakana, or a JIS X 0208 row (lead bytes 0x81–0x84, 0x88–0x9F, 0xE0–0xEA). */
  private static boolean allowed(byte[] bytes) {
    if (bytes.length == 1) {
      int b = bytes[0] & 0xFF;
      return (b >= 0x20 && b <= 0x7E) || (b >= 0xA1 && b <= 0xDF);
    }
    if (bytes.length != 2) {
      return false;
    }
    int lead = bytes[0] & 0xFF;
    return (lead >= 0x81 && lead <= 0x84) || (lead >= 0x88 && lead <= 0x9F) || (lead >= 0xE0 && lead <= 0xEA);
  }
}
