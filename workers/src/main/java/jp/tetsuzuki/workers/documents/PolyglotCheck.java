package jp.tetsuzuki.workers.documents;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds files that are valid as two formats at once (PDF+ZIP/JAR, image+ZIP, PDF or image that a browser would run
 * as HTML). Such files pass a type check as the harmless format and act as the other one elsewhere (a staff browser,
 * a Java class path), so we refuse them instead of trying to tell intent.
 */
final class PolyglotCheck {

  /** Browsers sniff the first 512 bytes; PDF readers accept a header anywhere in the first 1024. */
  private static final int HEAD = 1024;
  /** A ZIP's end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes. */
  private static final int TAIL = 22 + 65_535;
  /** Bytes allowed after a PDF's last %%EOF (line ends, padding some tools add). */
  private static final int PDF_TRAILING_SLACK = 1024;

  private static final List<String> HTML_MARKERS = List.of("<html", "<script", "<!doctype html", "<body", "<iframe",
      "<svg", "<?php", "<object", "<embed");

  private PolyglotCheck() {}

  /** Empty when the file is one format only; otherwise what else it is, for the log. */
  static Optional<String> secondFormat(Path file, String detectedType) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      byte[] head = new byte[(int) Math.min(HEAD, length)];
      in.readFully(head);
      int tailLength = (int) Math.min(TAIL, length);
      byte[] tail = new byte[tailLength];
      in.seek(length - tailLength);
      in.readFully(tail);

      String headText = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      String tailText = new String(tail, StandardCharsets.ISO_8859_1);
      boolean markup = detectedType.contains("xml") || detectedType.startsWith("text/");
      if (!markup) {
        for (String marker : HTML_MARKERS) {
          if (headText.contains(marker)) {
            return Optional.of("HTML (" + marker + ") in the first " + HEAD + " bytes");
          }
        }
      }
      if (!detectedType.equals(DocumentUse.Media.PDF) && headText.contains("%pdf-")) {
        return Optional.of("PDF header inside " + detectedType);
      }
      if (hasZipDirectoryAtEnd(tail, length)) {
        return Optional.of("ZIP central directory at the end");
      }
      if (detectedType.equals(DocumentUse.Media.PDF)) {
        int eof = tailText.lastIndexOf("%%EOF");
        if (eof < 0 && length > TAIL) {
          return Optional.of("PDF without %%EOF in its last " + TAIL + " bytes");
        }
        if (eof >= 0 && tailLength - (eof + 5) > PDF_TRAILING_SLACK
            && !tailText.substring(eof + 5).isBlank()) {
          return Optional.of((tailLength - eof - 5) + " bytes after the PDF's %%EOF");
        }
      }
      return Optional.empty();
    }
  }

  /** A well-formed end-of-central-directory record whose comment runs exactly to the end of the file. */
  private static boolean hasZipDirectoryAtEnd(byte[] tail, long fileLength) {
    for (int i = tail.length - 22; i >= 0; i--) {
      if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
        int commentLength = (tail[i + 20] & 0xff) | (tail[i + 21] & 0xff) << 8;
        if (i + 22 + commentLength == tail.length) {
          return true;
        }
      }
    }
    return false;
  }
}
