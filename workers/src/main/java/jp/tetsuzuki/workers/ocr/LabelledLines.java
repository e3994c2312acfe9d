package jp.tetsuzuki.workers.ocr;

import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds "label value" rows in OCR lines. Labels are matched loosely (one misread character in labels of four or more)
 * because OCR misreads a label as easily as a value; the value is what follows the label on the same line.
 */
final class LabelledLines {

  record Hit(String value, double confidence) {}

  private final List<OcrLine> lines;

  LabelledLines(List<OcrPage> pages) {
    this.lines = pages.stream().flatMap(p -> p.lines().stream()).toList();
  }

  List<OcrLine> lines() {
    return lines;
  }

  Optional<Hit> after(String... labels) {
    // exact labels first, anywhere on the page; only then a loose match, so 請求日 never stands in for 請求先
    for (boolean loose : new boolean[] {false, true}) {
      for (OcrLine line : lines) {
        String text = JapaneseText.compact(line.text());
        for (String label : labels) {
          int end = loose ? looseLabelEnd(text, label) : text.startsWith(label) ? label.length() : -1;
          if (end >= 0 && end < text.length()) {
            return Optional.of(new Hit(text.substring(end), line.meanConfidence() / 100.0 * (loose ? 0.9 : 1)));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Index after the label at the start of the line, or -1. */
  private static int looseLabelEnd(String text, String label) {
    // short labels differ from each other by one character (請求日/請求先, 所在地/所在): only 4+ may be loose
    if (label.length() < 4 || text.length() < label.length()) {
      return -1;
    }
    String head = text.substring(0, label.length());
    return LevenshteinDistance.getDefaultInstance().apply(head, label) <= 1 ? label.length() : -1;
  }
}
