package jp.tetsuzuki.workers.ocr;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Errors;
import jp.tetsuzuki.workers.documents.DocumentInspector;
import jp.tetsuzuki.workers.documents.DocumentSource;
import jp.tetsuzuki.workers.documents.StoredDocument;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class RecognitionHandlerTest {

  private final ExternalTask task = mock(ExternalTask.class);
  private final ExternalTaskService tasks = mock(ExternalTaskService.class);
  private final DocumentSource source = mock(DocumentSource.class);
  @SuppressWarnings("unchecked")
  private final ObjectProvider<DocumentSource> sources = mock(ObjectProvider.class);
  private final DocumentInspector inspector = new DocumentInspector();

  @BeforeEach
  void task() throws Exception {
    when(task.getVariable(DocumentVariables.DOCUMENT_ID)).thenReturn("doc-7");
    when(sources.getIfAvailable()).thenReturn(source);
    byte[] pdf = new jp.tetsuzuki.workers.fixtures.FixtureGenerator(1).certificate(0).pdf();
    when(source.open("doc-7")).thenAnswer(i -> Optional.of(new StoredDocument("doc-7", "application/pdf",
        pdf.length, new ByteArrayInputStream(pdf))));
  }

  @Test
  void missingOcrSendsTheCaseToManualTranscription() throws Exception {
    TesseractEngine notInstalled = new TesseractEngine(Files.createTempDirectory("empty").toString());
    OcrPipeline pipeline = new OcrPipeline(notInstalled);
    var handler = new EmploymentCertificateOcrHandler(sources, inspector, new EmploymentCertificateReader(pipeline),
        new InvoiceReader(pipeline));

    handler.execute(task, tasks);

    verify(tasks).handleBpmnError(eq(task), eq(Errors.OCR_UNAVAILABLE), contains("OCR unavailable"));
    verify(tasks, never()).handleFailure(any(ExternalTask.class), anyString(), anyString(), anyInt(), anyLong());
  }

  @Test
  void extendsTheLockBeforeEachPageAndCompletesWithTheFields() throws Exception {
    EmploymentCertificateReader reader = mock(EmploymentCertificateReader.class);
    Recognition recognition = new Recognition(Map.of("employeeName", new Recognition.Field("佐藤花子", 0.97)));
    when(reader.read(any(), eq("application/pdf"), any())).thenAnswer(i -> {
      OcrPipeline.Progress progress = i.getArgument(2);
      progress.beforePage(1);
      progress.beforePage(2);
      return recognition;
    });
    var handler = new EmploymentCertificateOcrHandler(sources, inspector, reader, mock(InvoiceReader.class));

    handler.execute(task, tasks);

    verify(tasks, times(2)).extendLock(task, RecognitionHandler.LOCK_PER_PAGE_MILLIS);
    verify(tasks).complete(task, Map.of(DocumentVariables.RECOGNITION, recognition.toJson(),
        DocumentVariables.NEEDS_VERIFICATION, false));
  }

  @Test
  void anUnreadableDocumentIsABusinessOutcome() throws Exception {
    EmploymentCertificateReader reader = mock(EmploymentCertificateReader.class);
    when(reader.read(any(), any(), any())).thenThrow(new UnreadableDocumentException("no text found"));
    new EmploymentCertificateOcrHandler(sources, inspector, reader, mock(InvoiceReader.class)).execute(task, tasks);
    verify(tasks).handleBpmnError(task, Errors.DOCUMENT_UNREADABLE, "no text found");
    verify(tasks, never()).complete(eq(task), anyMap());
  }
}
