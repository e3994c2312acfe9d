package jp.tetsuzuki.processes.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.workers.documents.DocumentRefusedException;
import jp.tetsuzuki.workers.documents.DocumentUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload of application documents. The type is detected from the content; the declared type is ignored. */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "documents", description = "Document upload (type detected from content, size and type limits)")
class DocumentApiController {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentApiController.class);

  record DocumentView(String documentId, String tenantId, String mediaType, long size, String sha256) {
    static DocumentView of(StoredFile f) {
      return new DocumentView(f.id(), f.tenantId(), f.mediaType(), f.size(), f.sha256());
    }
  }

  private final DocumentStore store;
  private final TenantMembers members;
  private final DocumentAccess access;

  DocumentApiController(DocumentStore store, TenantMembers members, DocumentAccess access) {
    this.store = store;
    this.members = members;
    this.access = access;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload a document (multipart: file, tenantId, optional use)",
      description = "201 with documentId, mediaType (detected from the content), size and sha256. 413 when too "
          + "large, 415 when the type is not accepted, 422 when the file is empty, encrypted or unreadable. "
          + "use: APPLICATION_ATTACHMENT (default, PDF and images) or SUPPORTING_DOCUMENT.")
  ResponseEntity<DocumentView> upload(@RequestPart("file") MultipartFile file, @RequestParam String tenantId,
      @RequestParam(required = false) String use, Principal caller) throws IOException {
    if (!members.isMember(tenantId, caller.getName())) {
      throw ApiException.notFound("tenantId: no tenant '" + tenantId + "' for this user");
    }
    DocumentUse documentUse = use == null ? DocumentUse.APPLICATION_ATTACHMENT : switch (use) {
      case "APPLICATION_ATTACHMENT" -> DocumentUse.APPLICATION_ATTACHMENT;
      case "SUPPORTING_DOCUMENT" -> DocumentUse.SUPPORTING_DOCUMENT;
      default -> throw ApiException.badRequest("use", "use: must be APPLICATION_ATTACHMENT or SUPPORTING_DOCUMENT");
    };
    try {
      StoredFile stored = store.store(tenantId, caller.getName(), file.getOriginalFilename(), file.getBytes(),
          documentUse);
      LOG.info("document {} stored for tenant {}: {} bytes, {}", stored.id(), tenantId, stored.size(),
          stored.mediaType());
      return ResponseEntity.created(URI.create("/api/v1/documents/" + stored.id())).body(DocumentView.of(stored));
    } catch (DocumentRefusedException e) {
      throw new Refused(e);
    }
  }

  @GetMapping("/{documentId}")
  @Operation(summary = "Metadata of a document the caller submitted (staff: of their tenant)",
      description = "404 for documents of other tenants and, for outside systems, for documents another system "
          + "submitted.")
  DocumentView find(@PathVariable String documentId, Principal caller) {
    return access.usable(caller.getName(), documentId).map(DocumentView::of).orElseThrow(() -> ApiException.notFound("no document '" + documentId + "'"));
  }

  static final class Refused extends RuntimeException {
    final DocumentRefusedException cause;

    Refused(DocumentRefusedException cause) {
      super(cause.getMessage());
      this.cause = cause;
    }
  }

  @ExceptionHandler(Refused.class)
  ProblemDetail refused(Refused e) {
    HttpStatus status = switch (e.cause.reason()) {
      case TOO_LARGE, TOO_MANY_PAGES -> HttpStatus.PAYLOAD_TOO_LARGE;
      case TYPE_NOT_ALLOWED, ARCHIVE, MACRO, POLYGLOT, UNSAFE_XML -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      default -> HttpStatus.UNPROCESSABLE_ENTITY;
    };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "file: refused (" + e.getMessage() + ")");
    problem.setProperty("field", "file");
    problem.setProperty("reason", e.cause.reason().code());
    problem.setProperty("messageJa", e.cause.messageJa());
    return problem;
  }
}
