package jp.tetsuzuki.integrations.accounting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The report beside a file in {@code failed} ({@code <file>.rejected.csv}): CSV in UTF-8 with a byte-order mark (Excel
 * and Notepad open it; the reasons are Japanese and need no mapping to windows-31j), header
 * {@value #HEADER}, one line per problem; line 0 (written empty) means the whole file. Written under a hidden name
 * and renamed into place. Also used by the e-invoice intake.
 */
public final class FileReport {

  public static final String SUFFIX = ".rejected.csv";
  public static final String HEADER = "行番号,支払番号・請求書番号,理由コード,理由";

  private final List<String> lines = new ArrayList<>();

  public FileReport add(int line, String reference, String code, String reasonJa) {
    lines.add((line > 0 ? String.valueOf(line) : "") + "," + cell(reference) + "," + cell(code) + "," + cell(reasonJa));
    return this;
  }

  public int size() {
    return lines.size();
  }

  /** Writes the report beside {@code target} (the file's place in {@code failed}). */
  public Path publish(Path target) {
    Path report = target.resolveSibling(target.getFileName() + SUFFIX);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
    for (String line : lines) {
      out.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    try {
      Files.createDirectories(report.getParent());
      Path temporary = report.resolveSibling(".writing-" + java.util.UUID.randomUUID() + SUFFIX);
      Files.write(temporary, out.toByteArray());
      Files.move(temporary, report, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return report;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write the report " + report, e);
    }
  }

  /** Quoted; a value a spreadsheet would run as a formula gets a leading {@code '}. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }

  /** {@code name} in the folder, or with {@code -2}, {@code -3}, … before its extension when taken. */
  public static Path free(Path folder, String name) {
    Path candidate = folder.resolve(name);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 2; Files.exists(candidate) || Files.exists(candidate.resolveSibling(candidate.getFileName()
        + SUFFIX)); i++) {
      candidate = folder.resolve(base + "-" + i + ext);
    }
    return candidate;
  }
}
