package jp.tetsuzuki.workers.ocr;

import java.util.List;
import java.util.stream.Collectors;

/** The recognised lines of one page. */
public record OcrPage(int number, List<OcrLine> lines) {

  public String text() {
    return lines.stream().map(OcrLine::text).collect(Collectors.joining("\n"));
  }
}
