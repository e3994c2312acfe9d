package jp.tetsuzuki.processes.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.approval.TenantMembers;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Synchronous recognition for apps that pre-fill their forms (issue 5): the same readers the OCR workers use, on a
 * stored document of one of the caller's tenants.
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

  private final DocumentStore store;
  private final TenantMembers members;
  private final RecognitionService recognition;

  /** The workers' readers when the workers run in this JVM; otherwise our own over the same classes. */
  DocumentRecognitionController(DocumentStore store, TenantMembers members,
      ObjectProvider<DocumentInspector> inspector, ObjectProvider<EmploymentCertificateReader> certificates,
      ObjectProvider<InvoiceReader> invoices, ObjectProvider<OcrPipeline> pipeline) {
    this.store = store;
    this.members = members;
    OcrPipeline ocr = pipeline.getIfAvailable(() -> new OcrPipeline(new TesseractEngine()));
    this.recognition = new RecognitionService(store, inspector.getIfAvailable(DocumentInspector::new),
        certificates.getIfAvailable(() -> new EmploymentCertificateReader(ocr)),
        invoices.getIfAvailable(() -> new InvoiceReader(ocr)));
  }

  @PostMapping("/{documentId}/recognition")
  @Operation(summary = "Read an employment certificate or an invoice into fields with confidence (0..1)",
      description = "form=employment-certificate|invoice. 200 {fields:{key:{value,confidence[,reason][,derived]}}, "
          + "needsVerification}; reason (Japanese) says why a field is missing, derived or inconsistent; "
          + "404 unknown document; 422 refused or unreadable document; 503 when OCR is not installed.")
  RecognitionView recognize(@PathVariable String documentId, @RequestParam String form, Principal caller)
      throws IOException {
    RecognitionService.Form kind = switch (form) {
      case "employment-certificate" -> RecognitionService.Form.EMPLOYMENT_CERTIFICATE;
      case "invoice" -> RecognitionService.Form.INVOICE;
      default -> throw ApiException.badRequest("form", "form: must be employment-certificate or invoice");
    };
    store.find(documentId).filter(f -> members.isMember(f.tenantId(), caller.getName()))
        .orElseThrow(() -> ApiException.notFound("no document '" + documentId + "'"));
    try {
      return RecognitionView.of(recognition.recognize(documentId, kind, OcrPipeline.Progress.NONE));
    } catch (DocumentRefusedException e) {
      throw new ApiException(422, "documentId", "documentId: refused (" + e.getMessage() + ") " + e.messageJa());
    }
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
