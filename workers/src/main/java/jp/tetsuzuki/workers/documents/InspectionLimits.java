package jp.tetsuzuki.workers.documents;

import java.time.Duration;

/**
 * Limits that keep one upload from exhausting a worker.
 *
 * @param maxBytes largest accepted file
 * @param maxPages most pages (PDF, TIFF)
 * @param maxPixels largest image (width × height), so a small PNG cannot decode into gigabytes
 * @param parseTimeout longest text extraction
 * @param maxTextChars text kept; more is cut off (the document is still accepted)
 * @param maxInflatedStreamBytes largest single compressed stream or archive entry once inflated
 * @param maxInflatedTotalBytes all compressed streams or entries together once inflated
 */
public record InspectionLimits(long maxBytes, int maxPages, long maxPixels, Duration parseTimeout, int maxTextChars,
    long maxInflatedStreamBytes, long maxInflatedTotalBytes) {

  public static InspectionLimits defaults() {
    return new InspectionLimits(20L << 20, 50, 80_000_000L, Duration.ofSeconds(30), 1_000_000, 100L << 20,
        1L << 30);
  }

  public InspectionLimits withParseTimeout(Duration timeout) {
    return new InspectionLimits(maxBytes, maxPages, maxPixels, timeout, maxTextChars, maxInflatedStreamBytes,
        maxInflatedTotalBytes);
  }

  public InspectionLimits withMaxBytes(long bytes) {
    return new InspectionLimits(bytes, maxPages, maxPixels, parseTimeout, maxTextChars, maxInflatedStreamBytes,
        maxInflatedTotalBytes);
  }

  public InspectionLimits withMaxPages(int pages) {
    return new InspectionLimits(maxBytes, pages, maxPixels, parseTimeout, maxTextChars, maxInflatedStreamBytes,
        maxInflatedTotalBytes);
  }
}
