package jp.tetsuzuki.workers.ocr;

/** An accepted document that machine reading cannot use (no page images, nothing recognisable). */
public class UnreadableDocumentException extends RuntimeException {

  public UnreadableDocumentException(String message) {
    super(message);
  }
}
