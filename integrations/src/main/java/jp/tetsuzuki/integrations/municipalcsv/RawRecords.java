package jp.tetsuzuki.integrations.municipalcsv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a CSV file into records at the byte level, before decoding, so that each record is decoded on its own: a
 * line feed ends a record unless it is inside double quotes (a quoted value may span lines). Safe for UTF-8 and
 * windows-31j alike: their multi-byte characters never contain the bytes of {@code "}, CR or LF (windows-31j's
 * second bytes are 0x40–0xFC). A record longer than {@code maxBytes} is returned truncated with {@link
 * Raw#tooLong()} set, and its remaining bytes are skipped.
 */
final class RawRecords implements AutoCloseable {

  /** One record's bytes (without the line end), the line it starts on, and whether it was too long. */
  record Raw(byte[] bytes, long line, boolean tooLong) {}

  private final InputStream in;
  private final int maxBytes;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private long line = 1;
  private boolean finished;

  RawRecords(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next record that is not an empty line, or {@code null} at the end of the file. */
  Raw next() throws IOException {
    while (!finished) {
      buffer.reset();
      long start = line;
      boolean quoted = false;
      boolean tooLong = false;
      boolean any = false;
      int b;
      while (true) {
        b = in.read();
        if (b < 0) {
          finished = true;
          break;
        }
        any = true;
        if (b == '\n') {
          line++;
          if (!quoted) {
            break;
          }
        } else if (b == '"') {
          quoted = !quoted;
        }
        if (buffer.size() < maxBytes) {
          buffer.write(b);
        } else {
          tooLong = true;
        }
      }
      byte[] bytes = buffer.toByteArray();
      int length = bytes.length;
      if (!tooLong && length > 0 && bytes[length - 1] == '\r') {
        length--; // CRLF, as Windows writes it
      }
      if (!any || length == 0 && !tooLong) {
        continue; // an empty line (or the end of the file after the last line end)
      }
      return new Raw(length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length), start, tooLong);
    }
    return null;
  }

  /** Skips the byte-order mark. */
  void skipBytes(int count) throws IOException {
    in.skipNBytes(count);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
