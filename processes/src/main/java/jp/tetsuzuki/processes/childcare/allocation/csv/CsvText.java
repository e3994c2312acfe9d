package jp.tetsuzuki.processes.childcare.allocation.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.tetsuzuki.bpmn.rules.SpreadsheetCells;

/**
 * The bytes and records of a CSV file (RFC 4180: quotes, doubled quotes, CRLF/LF/CR, line breaks inside quotes),
 * decoded strictly: UTF-8 (with or without BOM) or Microsoft's Shift_JIS, {@code windows-31j} (never Java's
 * {@code CP932}, which is IBM's code page: STACK.md). Each record keeps the line it starts on, for error messages.
 */
public final class CsvText {

  public static final Charset WINDOWS_31J = jp.tetsuzuki.bpmn.rules.Windows31j.CHARSET;

  /** One record: the file line it starts on (1 = the first line) and its cells. */
  public record Row(int line, List<String> cells) {}

  private CsvText() {}

  /**
   * Decodes the file: a UTF-8 BOM means UTF-8; otherwise UTF-8 if the bytes are valid UTF-8, else windows-31j;
   * with {@code charset} given (UTF-8 or windows-31j and its aliases Shift_JIS, MS932, CP932) only that one.
   *
   * @throws CsvFormatException naming the line of the first byte that decodes under none of them
   */
  public static String decode(byte[] bytes, String charset, CsvPart part) {
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf;
    int start = bom ? 3 : 0;
    Charset only = charset == null || charset.isBlank() ? null : charsetNamed(charset);
    if (bom || (only != null && only.equals(StandardCharsets.UTF_8))) {
      return strict(bytes, start, StandardCharsets.UTF_8, part);
    }
    if (only != null) {
      return strict(bytes, 0, only, part);
    }
    try {
      return strict(bytes, 0, StandardCharsets.UTF_8, part);
    } catch (CsvFormatException notUtf8) {
      try {
        return strict(bytes, 0, WINDOWS_31J, part);
      } catch (CsvFormatException neither) {
        CsvProblem utf8 = notUtf8.problems().get(0);
        throw new CsvFormatException(List.of(new CsvProblem(part, utf8.line(), null, "UNDECODABLE",
            part.name + " line " + utf8.line() + ": bytes that are neither UTF-8 nor windows-31j (Shift_JIS)",
            part.ja + " " + utf8.line() + "行目：UTF-8 でも Shift_JIS（windows-31j）でも読めない文字があります。"
                + "どちらかの文字コードで保存し直してください。")));
      }
    }
  }

  /** UTF-8, or windows-31j for every name municipal files go by (their "Shift_JIS" is Microsoft's). */
  public static Charset charsetNamed(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    return switch (n) {
      case "utf_8", "utf8" -> StandardCharsets.UTF_8;
      case "windows_31j", "ms932", "cp932", "shift_jis", "sjis", "shiftjis", "x_sjis" -> WINDOWS_31J;
      default -> throw new CsvFormatException(List.of(new CsvProblem(null, 0, null, "CHARSET_UNSUPPORTED",
          "charset: UTF-8 or windows-31j (Shift_JIS), not '" + abbreviate(name) + "'",
          "文字コードは UTF-8 または Shift_JIS（windows-31j）を指定してください。")));
    };
  }

  private static String strict(byte[] bytes, int start, Charset charset, CsvPart part) {
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
        (long) (bytes.length * (double) decoder.maxCharsPerByte()) + 16));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = start; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new CsvFormatException(List.of(new CsvProblem(part, line, null, "UNDECODABLE",
          part.name + " line " + line + ": bytes that are not valid " + charset.name(),
          part.ja + " " + line + "行目：" + charset.name() + " として読めない文字があります。")));
    }
    out.flip();
    return out.toString();
  }

  /**
   * The records of the text; empty records (blank lines) are dropped. At most {@code maxRows} records, else a
   * problem naming the limit.
   */
  public static List<Row> parse(String text, CsvPart part, int maxRows) {
    return parse(text, part, maxRows, Integer.MAX_VALUE);
  }

  /**
   * The records of the text, at most {@code maxRows} records of at most {@code maxColumns} cells each; a record with
   * more is refused as soon as its first cell too many is read ({@code TOO_MANY_COLUMNS} naming the line and the
   * column's number: review C6, a header of 8,000,000 empty columns kept a CPU busy for minutes).
   */
  public static List<Row> parse(String text, CsvPart part, int maxRows, int maxColumns) {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean cellStarted = false;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      char ch = i < n ? text.charAt(i) : '\n';
      boolean end = i == n;
      if (quoted) {
        if (end) {
          throw new CsvFormatException(List.of(new CsvProblem(part, recordLine, null, "UNCLOSED_QUOTE",
              part.name + " line " + recordLine + ": a quoted cell is never closed",
              part.ja + " " + recordLine + "行目：「\"」で始まる項目が閉じられていません。")));
        }
        if (ch == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          cell.append(ch);
        }
        continue;
      }
      if (ch == '"' && !cellStarted) {
        quoted = true;
        cellStarted = true;
      } else if (ch == ',') {
        if (cells.size() + 1 >= maxColumns) {
          throw tooManyColumns(part, recordLine, maxColumns);
        }
        cells.add(cell.toString());
        cell.setLength(0);
        cellStarted = false;
      } else if (ch == '\r' || ch == '\n') {
        if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(cell.toString());
        cell.setLength(0);
        cellStarted = false;
        boolean blank = cells.size() == 1 && cells.get(0).isBlank();
        if (!blank) {
          if (rows.size() >= maxRows) {
            throw new CsvFormatException(List.of(new CsvProblem(part, recordLine, null, "TOO_MANY_ROWS",
                part.name + ": more than " + (maxRows - 1) + " data rows",
                part.ja + "：行数が上限（" + (maxRows - 1) + "行）を超えています。")));
          }
          rows.add(new Row(recordLine, List.copyOf(cells)));
        }
        cells.clear();
        if (!end) {
          line++;
        }
        recordLine = line;
      } else {
        cell.append(ch);
        cellStarted = true;
      }
    }
    return rows;
  }

  private static CsvFormatException tooManyColumns(CsvPart part, int line, int maxColumns) {
    return new CsvFormatException(List.of(new CsvProblem(part, line, null, "TOO_MANY_COLUMNS",
        part.name + " line " + line + ": column " + (maxColumns + 1) + " is one too many, at most " + maxColumns
            + " columns per line",
        part.ja + " " + line + "行目：" + (maxColumns + 1) + "列目があります。1行の列は" + maxColumns
            + "列までです（空の列も数えます）。")));
  }

  /**
   * One CSV line from cells, quoted where needed, ending in CRLF (what municipal tools expect); a cell a spreadsheet
   * would run as a formula gets a leading {@code '} ({@link SpreadsheetCells}, the rule of every CSV we write).
   */
  public static void appendRecord(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String c = cells.get(i) == null ? "" : SpreadsheetCells.inert(cells.get(i));
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append("\r\n");
  }

  /**
   * Encodes for a legacy file: UTF-8 with BOM (spreadsheets then read it right), or windows-31j after mapping the
   * characters Shift_JIS tools write differently (〜→～, −→－, ‖→∥, —→―); a character windows-31j cannot hold, or
   * would write as a look-alike that reads back as another (¥, ‾), is an error naming its line, never a silent "?".
   */
  public static byte[] encode(String text, Charset charset) {
    if (!charset.equals(WINDOWS_31J)) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      byte[] withBom = new byte[body.length + 3];
      withBom[0] = (byte) 0xef;
      withBom[1] = (byte) 0xbb;
      withBom[2] = (byte) 0xbf;
      System.arraycopy(body, 0, withBom, 3, body.length);
      return withBom;
    }
    String mapped = jp.tetsuzuki.bpmn.rules.Windows31j.windowsSpelling(text);
    // unmappable, or written as a look-alike that reads back as another character (¥ as \, ‾ as ~)
    int bad = jp.tetsuzuki.bpmn.rules.Windows31j.firstUnwritable(mapped);
    if (bad >= 0) {
      int line = 1;
      for (int i = 0; i < bad; i++) {
        if (mapped.charAt(i) == '\n') {
          line++;
        }
      }
      String ch = new String(Character.toChars(mapped.codePointAt(bad)));
      throw new CsvFormatException(List.of(new CsvProblem(CsvPart.RESULT, line, null, "UNENCODABLE",
          "result line " + line + ": character U+" + String.format("%04X", ch.codePointAt(0))
              + " cannot be written in windows-31j; ask for UTF-8",
          "結果ファイル " + line + "行目：文字「" + ch + "」は Shift_JIS（windows-31j）で書けません。UTF-8 を指定してください。")));
    }
    return mapped.getBytes(WINDOWS_31J);
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
