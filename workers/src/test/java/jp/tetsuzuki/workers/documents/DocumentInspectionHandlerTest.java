package jp.tetsuzuki.workers.documents;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Errors;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class DocumentInspectionHandlerTest {

  private final ExternalTask task = mock(ExternalTask.class);
  private final ExternalTaskService tasks = mock(ExternalTaskService.class);
  private final DocumentSource source = mock(DocumentSource.class);
  @SuppressWarnings("unchecked")
  private final ObjectProvider<DocumentSource> sources = mock(ObjectProvider.class);
  private final DocumentInspectionHandler handler = new DocumentInspectionHandler(sources, new DocumentInspector());

  @BeforeEach
  void task() {
    when(task.getVariable(DocumentVariables.DOCUMENT_ID)).thenReturn("doc-1");
    when(task.getId()).thenReturn("task-1");
    when(sources.getIfAvailable()).thenReturn(source);
  }

  private void stored(byte[] bytes) throws Exception {
    when(source.open("doc-1")).thenAnswer(i -> Optional.of(new StoredDocument("doc-1", "application/pdf",
        bytes.length, new ByteArrayInputStream(bytes))));
  }

  @Test
  void completesWithTheDetectedTypeAndPages() throws Exception {
    stored(Samples.pdf(2, "申請書"));
    handler.execute(task, tasks);
    verify(tasks).complete(eq(task), org.mockito.ArgumentMatchers.argThat(variables ->
        "application/pdf".equals(variables.get(DocumentVariables.DOCUMENT_MEDIA_TYPE))
            && Integer.valueOf(2).equals(variables.get(DocumentVariables.DOCUMENT_PAGES))
            && (Integer) variables.get(DocumentVariables.DOCUMENT_TEXT_LENGTH) >= "申請書（1頁）申請書（2頁）".length()));
  }

  @Test
  void refusalIsABpmnErrorWithTheReasonForTheApplicant() throws Exception {
    stored(Samples.encryptedPdf("pw"));
    handler.execute(task, tasks);
    verify(tasks).handleBpmnError(eq(task), eq(Errors.DOCUMENT_REFUSED), contains("保護を解除"), eq(Map.of(
        DocumentVariables.REFUSAL_CODE, "ENCRYPTED",
        DocumentVariables.REFUSAL_REASON, RefusalReason.ENCRYPTED.template())));
    verify(tasks, never()).complete(eq(task), anyMap());
  }

  @Test
  void missingDocumentOrBrokenStoreIsATechnicalFailureWithRetries() throws Exception {
    when(source.open("doc-1")).thenReturn(Optional.empty());
    when(task.getRetries()).thenReturn(null);
    handler.execute(task, tasks);
    verify(tasks).handleFailure(eq(task), contains("doc-1"), anyString(), eq(2), eq(10_000L));

    when(source.open("doc-1")).thenThrow(new java.io.IOException("store offline"));
    when(task.getRetries()).thenReturn(1);
    handler.execute(task, tasks);
    verify(tasks).handleFailure(eq(task), eq("store offline"), anyString(), eq(0), eq(300_000L));
  }

  @Test
  void aRedeliveredTaskThatWasAlreadyCompletedIsNotFailed() throws Exception {
    stored(Samples.pdf(1, "申請書"));
    doThrow(new NotFoundException("task gone", new org.camunda.bpm.client.exception.RestException("task gone", "NotFound", 404))).when(tasks).complete(eq(task), anyMap());
    handler.execute(task, tasks);
    verify(tasks, never()).handleFailure(eq(task), anyString(), anyString(), anyInt(), anyLong());
  }
}
