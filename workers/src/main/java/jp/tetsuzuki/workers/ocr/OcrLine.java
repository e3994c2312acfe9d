package jp.tetsuzuki.workers.ocr;

import java.util.List;

/** A line of recognised words in reading order. */
public record OcrLine(List<OcrWord> words) {

  /** The line's text; spaces Tesseract puts between Japanese characters are dropped, spaces between Latin words kept. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (OcrWord word : words) {
      if (!out.isEmpty() && needsSpace(out.charAt(out.length() - 1), word.text().charAt(0))) {
        out.append(' ');
      }
      out.append(word.text());
    }
    return out.toString();
  }

  public double meanConfidence() {
    return words.stream().mapToDouble(OcrWord::confidence).average().orElse(0);
  }

  public int top() {
    return words.stream().mapToInt(OcrWord::top).min().orElse(0);
  }

  static boolean needsSpace(char before, char after) {
    return isLatin(before) && isLatin(after);
  }

  private static boolean isLatin(char c) {
    return c < 0x2E80 && Character.isLetterOrDigit(c);
  }
}
