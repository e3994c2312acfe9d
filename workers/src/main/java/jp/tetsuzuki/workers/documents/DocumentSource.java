package jp.tetsuzuki.workers.documents;

import java.io.IOException;
import java.util.Optional;

/**
 * Port to the platform's document store (implemented in {@code processes}); workers only read documents by id.
 * The caller closes the returned content.
 */
public interface DocumentSource {

  Optional<StoredDocument> open(String documentId) throws IOException;
}
