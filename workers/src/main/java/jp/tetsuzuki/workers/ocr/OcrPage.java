package jp.tetsuzuki.workers.ocr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The recognised lines of one page. {@code complete} is false when Tesseract was stopped by the page's time budget:
 * the lines are then what it had read so far, and every field read from the page goes to staff verification.
 * {@code image} is the page as Tesseract saw it (the words' boxes are in its pixels), for what OCR text does not carry
 * (a ○ drawn around a chosen option); null for text read elsewhere (the command line, a text layer).
 */
public record OcrPage(int number, List<OcrLine> lines, boolean complete, GreyImage image) {

  public OcrPage(int number, List<OcrLine> lines) {
    this(number, lines, true, null);
  }

  public OcrPage(int number, List<OcrLine> lines, boolean complete) {
    this(number, lines, complete, null);
  }

  public String text() {
    return lines.stream().map(OcrLine::text).collect(Collectors.joining("\n"));
  }
}
