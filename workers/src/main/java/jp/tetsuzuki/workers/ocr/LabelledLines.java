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
        String text = stripJunk(JapaneseText.compact(line.text()));
        for (String label : labels) {
          int end = loose ? looseLabelEnd(text, label) : text.startsWith(label) ? label.length() : -1;
          String value = end < 0 ? "" : stripJunk(text.substring(end));
          if (!value.isEmpty()) {
            return Optional.of(new Hit(value, line.meanConfidence() / 100.0 * (loose ? 0.9 : 1)));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Index after the label at the start of the line, or -1. The label may have one character misread, dropped or
   * added (8%対象 read as 8対象), so heads one shorter and one longer than the label are tried too.
   */
  private static int looseLabelEnd(String text, String label) {
    // short labels differ from each other by one character (請求日/請求先, 所在地/所在): only 4+ may be loose
    if (label.length() < 4) {
      return -1;
    }
    for (int length : new int[] {label.length(), label.length() - 1, label.length() + 1}) {
      if (text.length() >= length
          && LevenshteinDistance.getDefaultInstance().apply(text.substring(0, length), label) <= 1) {
        return length;
      }
    }
    return -1;
  }

  /**
   * Marks OCR puts where the scan has specks or rule remnants, before a label or between label and value: 「 」 。 _
   * ' " | : and the like. No value of our forms starts with one of them.
   */
  private static final java.util.regex.Pattern LEADING_JUNK =
      java.util.regex.Pattern.compile("^[_。、「」『』'\"`|｜!！:：;；,.・~〜\\-ー―‐]+");

  static String stripJunk(String text) {
    return LEADING_JUNK.matcher(text).replaceFirst("");
  }
}
