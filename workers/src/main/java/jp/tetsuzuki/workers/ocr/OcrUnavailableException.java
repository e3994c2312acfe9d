package jp.tetsuzuki.workers.ocr;

/**
 * Tesseract or its language data is not installed or does not load on this worker. Not a fault of the document:
 * the case goes to manual transcription, and operators see this message to fix the installation.
 */
public class OcrUnavailableException extends RuntimeException {

  public OcrUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
