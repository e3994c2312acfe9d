package jp.tetsuzuki.workers.ocr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The recognised lines of one page. {@code complete} is false when Tesseract was stopped by the page's time budget:
 * the lines are then what it had read so far, and every field read from the page goes to staff verification.
 */
public record OcrPage(int number, List<OcrLine> lines, boolean complete) {

  public OcrPage(int number, List<OcrLine> lines) {
    this(number, lines, true);
  }

  public String text() {
    return lines.stream().map(OcrLine::text).collect(Collectors.joining("\n"));
  }
}
