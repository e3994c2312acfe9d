package jp.tetsuzuki.workers.documents;

import java.util.Map;

/**
 * An accepted document.
 *
 * @param mediaType type detected from the content
 * @param size bytes
 * @param pages pages (1 for a single image)
 * @param text extracted text (empty for scans without a text layer; OCR is a separate step)
 * @param textTruncated true when the text was cut at the limit
 * @param metadata selected metadata (bounded values)
 */
public record Inspection(String mediaType, long size, int pages, String text, boolean textTruncated,
    Map<String, String> metadata) {}
