package jp.tetsuzuki.processes.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.workers.documents.DocumentInspector;
import jp.tetsuzuki.workers.documents.DocumentRefusedException;
import jp.tetsuzuki.workers.ocr.EmploymentCertificateReader;
import jp.tetsuzuki.workers.ocr.InvoiceReader;
import jp.tetsuzuki.workers.ocr.OcrPipeline;
import jp.tetsuzuki.workers.ocr.OcrUnavailableException;
import jp.tetsuzuki.workers.ocr.Recognition;
import jp.tetsuzuki.workers.ocr.RecognitionService;
import jp.tetsuzuki.workers.ocr.TesseractEngine;
import jp.tetsuzuki.workers.ocr.UnreadableDocumentException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Synchronous recognition for apps that pre-fill their forms (issue 5): the same readers the OCR workers use, on a
 * stored document the caller may use ({@link DocumentAccess}), in the bounded {@link RecognitionPool}.
 */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "documents")
class DocumentRecognitionController {

  /** {@code reason} (Japanese, for staff) when the field is missing, derived or failed a check; else left out. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  record FieldView(@JsonInclude(JsonInclude.Include.ALWAYS) String value,
      @JsonInclude(JsonInclude.Include.ALWAYS) double confidence, String reason, boolean derived) {}

  record RecognitionView(Map<String, FieldView> fields, boolean needsVerification) {
    static RecognitionView of(Recognition recognition) {
      Map<String, FieldView> fields = new LinkedHashMap<>();
      recognition.fields().forEach((key, field) -> fields.put(key, new FieldView(field.value(), field.confidence(),
          field.reason(), field.derived())));
      return new RecognitionView(fields, recognition.needsVerification());
    }
  }

  /** Finds a document the caller may use (the access rule). */
  interface Documents {
    Optional<StoredFile> usable(String caller, String documentId);
  }

  /** Reads a document into fields (the OCR readers; a seam for tests). */
  interface Recognizer {
    Recognition recognize(String documentId, RecognitionService.Form form, OcrPipeline.Progress progress)
        throws DocumentRefusedException, IOException;
  }

  private final Documents documents;
  private final Recognizer recognizer;
  private final RecognitionPool pool;

  /** The workers' readers when the workers run in this JVM; otherwise our own over the same classes. */
  @Autowired
  DocumentRecognitionController(DocumentStore store, DocumentAccess access, RecognitionPool pool,
      ObjectProvider<DocumentInspector> inspector, ObjectProvider<EmploymentCertificateReader> certificates,
      ObjectProvider<InvoiceReader> invoices, ObjectProvider<OcrPipeline> pipeline) {
    this(access::usable, recognitionService(store, inspector, certificates, invoices, pipeline)::recognize, pool);
  }

  DocumentRecognitionController(Documents documents, Recognizer recognizer, RecognitionPool pool) {
    this.documents = documents;
    this.recognizer = recognizer;
    this.pool = pool;
  }

  private static RecognitionService recognitionService(DocumentStore store,
      ObjectProvider<DocumentInspector> inspector, ObjectProvider<EmploymentCertificateReader> certificates,
      ObjectProvider<InvoiceReader> invoices, ObjectProvider<OcrPipeline> pipeline) {
    OcrPipeline ocr = pipeline.getIfAvailable(() -> new OcrPipeline(new TesseractEngine()));
    return new RecognitionService(store::open, inspector.getIfAvailable(DocumentInspector::new),
        certificates.getIfAvailable(() -> new EmploymentCertificateReader(ocr)),
        invoices.getIfAvailable(() -> new InvoiceReader(ocr)));
  }

  @PostMapping("/{documentId}/recognition")
  @Operation(summary = "Read an employment certificate or an invoice into fields with confidence (0..1)",
      description = "form=employment-certificate|invoice. 200 {fields:{key:{value,confidence[,reason][,derived]}}, "
          + "needsVerification}; reason (Japanese) says why a field is missing, derived or inconsistent; "
          + "404 unknown document or one the caller may not use (outside systems: only their own uploads); "
          + "422 refused or unreadable document; 503 with Retry-After when recognition is busy or took longer "
          + "than its time limit, or when OCR is not installed.")
  RecognitionView recognize(@PathVariable String documentId, @RequestParam String form, Principal caller)
      throws Exception {
    RecognitionService.Form kind = switch (form) {
      case "employment-certificate" -> RecognitionService.Form.EMPLOYMENT_CERTIFICATE;
      case "invoice" -> RecognitionService.Form.INVOICE;
      default -> throw ApiException.badRequest("form", "form: must be employment-certificate or invoice");
    };
    documents.usable(caller.getName(), documentId)
        .orElseThrow(() -> ApiException.notFound("no document '" + documentId + "'"));
    try {
      return RecognitionView.of(pool.run(progress -> recognizer.recognize(documentId, kind, progress)));
    } catch (DocumentRefusedException e) {
      throw new ApiException(422, "documentId", "documentId: refused (" + e.getMessage() + ") " + e.messageJa());
    }
  }

  @ExceptionHandler(RecognitionPool.Busy.class)
  ResponseEntity<ProblemDetail> busy(RecognitionPool.Busy e) {
    return unavailable("busy", "recognition is busy (" + e.getMessage() + "); retry after "
        + RecognitionPool.seconds(pool.limits().retryAfter()) + " s",
        "文字認識が混み合っています。しばらく待ってから再度お試しください。");
  }

  @ExceptionHandler(RecognitionPool.TimedOut.class)
  ResponseEntity<ProblemDetail> timedOut(RecognitionPool.TimedOut e) {
    return unavailable("timeout", e.getMessage() + " and was stopped; retry later or enter the fields by hand",
        "文字認識が制限時間内に終わりませんでした。時間をおいて再度お試しいただくか、手入力してください。");
  }

  private ResponseEntity<ProblemDetail> unavailable(String reason, String detail, String messageJa) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setProperty("reason", reason);
    problem.setProperty("messageJa", messageJa);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RecognitionPool.seconds(pool.limits().retryAfter())))
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(OcrUnavailableException.class)
  ProblemDetail unavailable(OcrUnavailableException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "OCR is not available on this server; enter the fields by hand (" + e.getMessage() + ")");
    problem.setProperty("messageJa", "この環境では文字認識（OCR）を利用できません。手入力してください。");
    return problem;
  }

  @ExceptionHandler(UnreadableDocumentException.class)
  ProblemDetail unreadable(UnreadableDocumentException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        "documentId: the document could not be read (" + e.getMessage() + ")");
    problem.setProperty("field", "documentId");
    problem.setProperty("messageJa", "書類を読み取れませんでした。鮮明な画像または PDF を登録してください。");
    return problem;
  }
}
