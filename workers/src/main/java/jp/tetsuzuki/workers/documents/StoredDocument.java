package jp.tetsuzuki.workers.documents;

import java.io.IOException;
import java.io.InputStream;

/**
 * A document as stored. {@code mediaType} is what the uploader declared and is never trusted: the inspector detects
 * the type from the content.
 */
public record StoredDocument(String id, String mediaType, long size, InputStream content) implements AutoCloseable {

  @Override
  public void close() throws IOException {
    content.close();
  }
}
