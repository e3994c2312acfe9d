package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import java.util.List;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.DocumentVariables;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * 添付書類の検査 ({@code document-inspection}, one instance per document not inspected yet): records what the worker
 * found on the document of this application, a refusal with its reason (named in the 補正 request), or staff's
 * transcription of a document the machine cannot read.
 */
public class DocumentInspectionSteps {

  /** Bounds of what a worker or staff may write into the case. */
  static final int MAX_REASON = 500;
  static final int MAX_TRANSCRIPTION = 4_000; // the engine keeps a task variable in VARCHAR(4000)
  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9.+-]{1,40}/[a-z0-9.+-]{1,80}");

  private final CaseRecords cases;

  DocumentInspectionSteps(CaseRecords cases) {
    this.cases = cases;
  }

  /** The collection of the inspection: the documents of this application nobody inspected yet. */
  public List<String> uninspected(DelegateExecution execution) {
    return cases.store().uninspectedDocuments(cases.linked(execution).id());
  }

  /** The worker accepted the document: only its media type and page count are taken, bounded. */
  public void recordInspection(DelegateExecution execution) {
    ApplicationRecord application = cases.linked(execution);
    String documentId = documentOf(execution, application);
    String mediaType = WorkerResults.matching(execution.getVariable(DocumentVariables.DOCUMENT_MEDIA_TYPE),
        MEDIA_TYPE).orElse("?");
    long pages = WorkerResults.number(execution.getVariable(DocumentVariables.DOCUMENT_PAGES), 0, 100_000).orElse(0L);
    record(application, documentId, ApplicationStore.INSPECTION_ACCEPTED, null);
    cases.store().event(application.id(), "document-inspected", EventTexts.text("document.inspected",
        fileName(application, documentId), mediaType, String.valueOf(pages)), null, CaseRecords.now());
  }

  /** DOCUMENT_REFUSED: the reason (Japanese, for the applicant) is kept with the document, bounded. */
  public void recordRefusal(DelegateExecution execution) {
    ApplicationRecord application = cases.linked(execution);
    String documentId = documentOf(execution, application);
    String reason = WorkerResults.text(execution.getVariable(DocumentVariables.REFUSAL_REASON), MAX_REASON)
        .orElse(EventTexts.text("document.refused.no-reason"));
    record(application, documentId, ApplicationStore.INSPECTION_REFUSED, reason);
    cases.store().event(application.id(), "document-refused", EventTexts.text("document.refused",
        fileName(application, documentId), reason), null, CaseRecords.now());
  }

  /** DOCUMENT_UNREADABLE / OCR_UNAVAILABLE: the staff task says which file, in the case history too. */
  public void transcriptionStarted(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    ApplicationRecord application = cases.linked(execution);
    String documentId = documentOf(execution, application);
    task.setVariableLocal(DOCUMENT_NAME, fileName(application, documentId));
    cases.store().event(application.id(), "transcription-needed", EventTexts.text("document.transcription-needed",
        fileName(application, documentId), ""), null, CaseRecords.now());
  }

  /** Staff typed what the document says: kept with the document, bounded, by the authenticated user. */
  public void transcribed(DelegateTask task) {
    // the input first (a 400 that changes nothing), then whose document it is
    Object text = task.getVariable(TRANSCRIPTION);
    if (!(text instanceof String transcription) || transcription.isBlank()) {
      throw new BadUserRequestException(EventTexts.text("document.no-transcription"));
    }
    if (transcription.length() > MAX_TRANSCRIPTION) {
      throw new BadUserRequestException(EventTexts.text("document.transcription-too-long",
          String.valueOf(MAX_TRANSCRIPTION)));
    }
    DelegateExecution execution = task.getExecution();
    ApplicationRecord application = cases.linked(execution);
    String documentId = documentOf(execution, application);
    record(application, documentId, ApplicationStore.INSPECTION_TRANSCRIBED, transcription.strip());
    // the text is kept with the document; the next document's task must not find it as a case variable
    execution.removeVariable(TRANSCRIPTION);
    cases.store().event(application.id(), "document-transcribed", EventTexts.text("document.transcribed",
        fileName(application, documentId)), ReviewSteps.caller(task), CaseRecords.now());
  }

  private void record(ApplicationRecord application, String documentId, String inspection, String note) {
    if (!cases.store().inspected(application.id(), documentId, inspection, note)) {
      throw new AuthorizationException(EventTexts.text("document.inspected-already", fileName(application,
          documentId)) + " / the inspection of document " + documentId + " is recorded already");
    }
  }

  /** The instance's document, which must be attached to this application. */
  private String documentOf(DelegateExecution execution, ApplicationRecord application) {
    Object value = execution.getVariable(DOCUMENT_ID);
    if (!(value instanceof String documentId) || cases.store().inspections(application.id()).stream()
        .noneMatch(i -> i.documentId().equals(documentId))) {
      throw notAttached(String.valueOf(value));
    }
    return documentId;
  }

  private String fileName(ApplicationRecord application, String documentId) {
    return cases.store().inspections(application.id()).stream().filter(i -> i.documentId().equals(documentId))
        .map(i -> i.fileName() == null ? documentId : i.fileName()).findFirst().orElse(documentId);
  }

  private static AuthorizationException notAttached(String documentId) {
    return new AuthorizationException(EventTexts.text("document.not-attached", documentId) + " / document "
        + documentId + " is not attached to this application");
  }
}
