package jp.tetsuzuki.processes.document;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.security.Principal;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.workers.documents.PlatformDocumentClient;
import jp.tetsuzuki.workers.documents.StoredDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workers' way to a document (worker application and in-JVM workers alike, {@link PlatformDocumentClient}):
 * {@code GET /api/worker/documents/{id}?workerId=…}, for group {@code workers} only (the edge refuses every other
 * role, administrators included), and only for a document that an external task locked under that worker id names
 * ({@link WorkerDocuments}); anything else is 404. At most {@code tetsuzuki.workers.max-document-size} bytes (413
 * above). Not part of the public API documentation.
 */
@Hidden
@RestController
@RequestMapping("/api/worker/documents")
class WorkerDocumentController {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerDocumentController.class);
  /** Document ids are UUIDs (36 characters); anything much longer is not one and is refused unread. */
  static final int MAX_DOCUMENT_ID = 64;
  /** Camunda keeps a lock's worker id in a VARCHAR(255). */
  static final int MAX_WORKER_ID = 255;
  /** How much of a caller's id an answer or a log line repeats. */
  private static final int SHOWN = 64;

  private final WorkerDocuments documents;
  private final DocumentStore store;
  private final long maxBytes;

  WorkerDocumentController(WorkerDocuments documents, DocumentStore store,
      @Value("${tetsuzuki.workers.max-document-size:20MB}") DataSize maxSize) {
    this.documents = documents;
    this.store = store;
    this.maxBytes = maxSize.toBytes();
  }

  @GetMapping("/{documentId}")
  ResponseEntity<byte[]> content(@PathVariable String documentId, @RequestParam(required = false) String workerId,
      Principal caller) throws IOException {
    if (!(caller instanceof Authentication authentication) || authentication.getAuthorities().stream()
        .noneMatch(a -> (Roles.AUTHORITY_PREFIX + Roles.WORKERS).equals(a.getAuthority()))) {
      throw new ApiException(403, null, "the worker document endpoint is for group workers only");
    }
    if (workerId == null || workerId.isBlank()) {
      throw ApiException.badRequest("workerId", "workerId: required (the worker id the task was locked with)");
    }
    if (documentId.length() > MAX_DOCUMENT_ID) {
      throw ApiException.badRequest("documentId", "documentId: at most " + MAX_DOCUMENT_ID + " characters (a document"
          + " id is a UUID)");
    }
    if (workerId.length() > MAX_WORKER_ID) {
      throw ApiException.badRequest("workerId", "workerId: at most " + MAX_WORKER_ID + " characters");
    }
    WorkerDocuments.Handed handed = documents.lockedBy(workerId, documentId).orElseThrow(() -> ApiException.notFound(
        "no document '" + shown(documentId) + "' of an external task locked by worker '" + shown(workerId) + "'"));
    StoredFile file = handed.file();
    if (file.size() > maxBytes) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE.value(), "documentId", "document " + documentId + " has "
          + file.size() + " bytes, more than the " + maxBytes + " handed to workers");
    }
    byte[] content;
    try (StoredDocument stored = store.open(documentId).orElseThrow(() -> ApiException.notFound(
        "no document '" + shown(documentId) + "'"))) {
      content = stored.content().readAllBytes();
    }
    LOG.info("document {} handed to worker {} ({}) for external task {}", documentId, shown(workerId), caller.getName(),
        handed.externalTaskId());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(content.length)
        .cacheControl(CacheControl.noStore())
        .header(PlatformDocumentClient.MEDIA_TYPE_HEADER, file.mediaType())
        .header(PlatformDocumentClient.SHA256_HEADER, DocumentStore.sha256(content))
        .body(content);
  }

  /** At most {@link #SHOWN} characters of an id the caller sent. */
  static String shown(String id) {
    return id.length() <= SHOWN ? id : id.substring(0, SHOWN) + "…";
  }
}
