package jp.tetsuzuki.integrations.municipalcsv;

import jp.tetsuzuki.bpmn.rules.SpreadsheetCells;
import jp.tetsuzuki.bpmn.rules.Windows31j;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The rejection report beside a file ({@code <file>.rejected.csv}): one line per refused row, in Japanese, with the
 * row's line number in the file, the column, the row's externalId and the reason. Written in the file's own encoding
 * so that the ward's system and Excel read it as they read their file: windows-31j for a windows-31j file, UTF-8 with
 * a byte-order mark otherwise. Before windows-31j encoding the characters that Windows writes differently are mapped
 * (〜→～, −→－, ‖→∥, —→―, ¢→￠, £→￡, ¬→￢) and a character windows-31j still cannot hold is written as {@code U+XXXX},
 * never as a silent "?". Values that a spreadsheet would run as a formula get a leading {@code '} by the shared
 * rule {@link SpreadsheetCells}. Streamed to a hidden temporary file and renamed into place when complete.
 */
final class RejectionReport implements AutoCloseable {

  static final String SUFFIX = ".rejected.csv";
  static final String HEADER = "行番号,列,外部ID（externalId）,理由";

  private final Path temporary;
  private final FileEncoding encoding;
  private Writer writer;
  private int lines;

  RejectionReport(Path folder, FileEncoding encoding) {
    this.temporary = folder.resolve(".writing-" + java.util.UUID.randomUUID() + SUFFIX);
    this.encoding = encoding;
  }

  /** Adds one refused row; {@code line} 0 and {@code column} empty for the whole file. */
  void add(long line, String column, String externalId, String reason) {
    try {
      if (writer == null) {
        Files.createDirectories(temporary.getParent());
        OutputStream out = Files.newOutputStream(temporary);
        if (encoding != FileEncoding.WINDOWS_31J) {
          out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        writer = new BufferedWriter(new OutputStreamWriter(out, encoding.charset().newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        writer.write(HEADER + "\r\n");
      }
      writer.write((line > 0 ? String.valueOf(line) : "") + "," + cell(column) + "," + cell(externalId) + ","
          + cell(reason) + "\r\n");
      lines++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejection report " + temporary, e);
    }
  }

  int lines() {
    return lines;
  }

  /** Moves the report to {@code target} (the file's name in its folder plus {@link #SUFFIX}); nothing if empty. */
  Path publish(Path target) throws IOException {
    close();
    if (lines == 0) {
      return null;
    }
    Files.createDirectories(target.getParent());
    try {
      return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Closes the writer and, if the report was never published, removes its temporary file. */
  void discard() {
    try {
      close();
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // a leftover hidden temporary file is harmless
    }
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }

  /** One CSV cell as the report's encoding can hold it. */
  private String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = SpreadsheetCells.inert(value);
    if (encoding == FileEncoding.WINDOWS_31J) {
      text = encodable(text);
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /**
   * The text with the windows-31j forms mapped and every character that windows-31j cannot hold, or would write as a
   * look-alike (the JDK writes ¥ as 0x5C, which reads back as a backslash, ‾ as 0x7E), written as {@code U+XXXX}.
   */
  static String encodable(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    Windows31j.windowsSpelling(text).codePoints().forEach(cp -> {
      if (Windows31j.bytesOf(cp) != null) {
        out.appendCodePoint(cp);
      } else {
        out.append(String.format("U+%04X", cp));
      }
    });
    return out.toString();
  }
}
