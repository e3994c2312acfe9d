package jp.tetsuzuki.workers.ocr;

/** Writing direction of the text to read; vertical Japanese needs its own model (jpn_vert) and segmentation. */
public enum TextDirection {
  /** Horizontal Japanese and Latin text (forms, invoices): jpn+eng, automatic page segmentation. */
  HORIZONTAL("jpn", 4),
  /** Vertical Japanese (縦書き), e.g. a notice in columns: jpn_vert, a single block of vertical text. */
  VERTICAL("jpn_vert+jpn", 5);

  final String languages;
  final int pageSegMode;

  TextDirection(String languages, int pageSegMode) {
    this.languages = languages;
    this.pageSegMode = pageSegMode;
  }
}
