package jp.tetsuzuki.workers.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Finds decompression bombs before any parser inflates them. Parsers (PDFBox, POI) decode a whole stream into memory
 * before they look at it, so a 2 MB file can ask for gigabytes; here every compressed stream is inflated into a small
 * reused buffer and counted, and counting stops at the limit, so time and memory stay bounded whatever the file says.
 */
final class InflationGuard {

  private static final int BUFFER = 64 * 1024;
  private static final int MAX_ZIP_ENTRIES = 10_000;

  private final long maxStream;
  private final long maxTotal;

  InflationGuard(InspectionLimits limits) {
    this.maxStream = limits.maxInflatedStreamBytes();
    this.maxTotal = limits.maxInflatedTotalBytes();
  }

  /**
   * Scans the raw bytes of a PDF for {@code stream … endstream} sections compressed with FlateDecode (content, image,
   * object and cross-reference streams alike) without trusting {@code /Length} or the cross-reference table.
   */
  void checkPdf(Path file) throws IOException, DocumentRefusedException {
    byte[] bytes = readAll(file);
    // ISO-8859-1 maps bytes 1:1 to chars, so indexes in the string are offsets in the file
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    long total = 0;
    int from = 0;
    while (true) {
      int keyword = raw.indexOf("stream", from);
      if (keyword < 0) {
        break;
      }
      from = keyword + 6;
      if (keyword >= 3 && raw.startsWith("end", keyword - 3)) {
        continue; // "endstream"
      }
      int dictEnd = raw.lastIndexOf(">>", keyword);
      int dictStart = dictEnd < 0 ? -1 : raw.lastIndexOf("obj", dictEnd);
      // a stream keyword directly follows its dictionary; anything else is text that happens to say "stream"
      if (dictEnd < 0 || dictStart < 0 || !raw.substring(dictEnd + 2, keyword).isBlank()) {
        continue;
      }
      String dictionary = raw.substring(dictStart, dictEnd);
      if (!dictionary.contains("FlateDecode") && !dictionary.contains("/Fl")) {
        continue;
      }
      int dataStart = from;
      if (dataStart < raw.length() && raw.charAt(dataStart) == '\r') {
        dataStart++;
      }
      if (dataStart < raw.length() && raw.charAt(dataStart) == '\n') {
        dataStart++;
      }
      int end = raw.indexOf("endstream", dataStart);
      int dataEnd = end < 0 ? bytes.length : end;
      long inflated = inflatedSize(bytes, dataStart, dataEnd - dataStart, maxStream + 1);
      total += inflated;
      if (inflated > maxStream || total > maxTotal) {
        throw new DocumentRefusedException(RefusalReason.DECOMPRESSION_BOMB,
            "PDF stream at offset " + dataStart + " inflates beyond the limit");
      }
      from = Math.max(from, dataEnd);
    }
  }

  /** Inflates every entry of a ZIP-based document (OOXML, ODF) and counts; entry sizes in the directory may lie. */
  void checkZip(Path file) throws IOException, DocumentRefusedException {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      long total = 0;
      int entries = 0;
      byte[] buffer = new byte[BUFFER];
      for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
        ZipArchiveEntry entry = e.nextElement();
        if (++entries > MAX_ZIP_ENTRIES) {
          throw new DocumentRefusedException(RefusalReason.DECOMPRESSION_BOMB, "more than " + MAX_ZIP_ENTRIES
              + " entries");
        }
        if (!zip.canReadEntryData(entry)) {
          throw new DocumentRefusedException(RefusalReason.ENCRYPTED, "entry " + entry.getName()
              + " uses an unsupported or encrypted method");
        }
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            size += n;
            if (size > maxStream || total + size > maxTotal) {
              throw new DocumentRefusedException(RefusalReason.DECOMPRESSION_BOMB,
                  "entry " + entry.getName() + " inflates beyond the limit");
            }
          }
        }
        total += size;
      }
    }
  }

  private static long inflatedSize(byte[] data, int offset, int length, long stopAt) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data, offset, Math.max(0, length));
      byte[] out = new byte[BUFFER];
      long size = 0;
      while (!inflater.finished() && size < stopAt) {
        int n = inflater.inflate(out);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        size += n;
      }
      return size;
    } catch (DataFormatException e) {
      return 0; // not inflatable: the parser will complain, it cannot blow up
    } finally {
      inflater.end();
    }
  }

  private static byte[] readAll(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      byte[] bytes = new byte[(int) in.length()];
      in.readFully(bytes);
      return bytes;
    }
  }
}
