package jp.tetsuzuki.integrations.municipalcsv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The encoding of a municipal CSV file: a UTF-8 byte-order mark means UTF-8; else UTF-8 if the whole file decodes as
 * strict UTF-8; else {@code windows-31j} (Microsoft's Shift_JIS, never Java's {@code Shift_JIS} or {@code CP932}: they
 * read 0x8160 as 〜 U+301C where Windows means ～ U+FF5E). Rows are decoded one by one (strictly), so bytes that are
 * not windows-31j reject only their row.
 */
public enum FileEncoding {
  UTF_8_BOM(StandardCharsets.UTF_8, 3, "UTF-8（BOM付き）"),
  UTF_8(StandardCharsets.UTF_8, 0, "UTF-8"),
  WINDOWS_31J(jp.tetsuzuki.bpmn.rules.Windows31j.CHARSET, 0, "Shift_JIS（windows-31j）");

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Charset charset;
  private final int skip;
  private final String label;

  FileEncoding(Charset charset, int skip, String label) {
    this.charset = charset;
    this.skip = skip;
    this.label = label;
  }

  public Charset charset() {
    return charset;
  }

  /** Bytes to skip at the start of the file (the byte-order mark). */
  public int skip() {
    return skip;
  }

  /** As the rejection report and the logs name it. */
  public String label() {
    return label;
  }

  /** Reads the file once (streaming) to decide. */
  public static FileEncoding detect(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(3);
      if (head.length == 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2]) {
        return UTF_8_BOM;
      }
      CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
      CharBuffer chars = CharBuffer.allocate(64 * 1024);
      bytes.put(head);
      int read;
      boolean end = false;
      while (!end) {
        read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = read < 0;
        if (read > 0) {
          bytes.position(bytes.position() + read);
        }
        bytes.flip();
        CoderResult result = strict.decode(bytes, chars, end);
        if (result.isError()) {
          return WINDOWS_31J;
        }
        chars.clear();
        bytes.compact();
      }
      if (strict.flush(chars).isError()) {
        return WINDOWS_31J;
      }
      return UTF_8;
    }
  }

  /** The text of one row's bytes, or empty when they are not valid in this encoding. */
  public Optional<String> decodeStrictly(byte[] row) {
    try {
      return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(row)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The row with each undecodable byte sequence replaced by U+FFFD, to find the column it is in. */
  public String decodeReplacing(byte[] row) {
    return new String(row, charset);
  }
}
