package jp.tetsuzuki.workers.ocr;

/** A word (for Japanese often one to a few characters) with Tesseract's confidence 0..100 and its box. */
public record OcrWord(String text, double confidence, int left, int top, int width, int height) {}
