package jp.tetsuzuki.workers.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.workers.documents.DocumentInspector;
import jp.tetsuzuki.workers.documents.DocumentSource;
import jp.tetsuzuki.workers.documents.StoredDocument;
import jp.tetsuzuki.workers.fixtures.Fixture;
import jp.tetsuzuki.workers.fixtures.FixtureGenerator;
import jp.tetsuzuki.workers.ocr.EmploymentCertificateReader;
import jp.tetsuzuki.workers.ocr.Handlers;
import jp.tetsuzuki.workers.ocr.InvoiceReader;
import jp.tetsuzuki.workers.ocr.OcrPipeline;
import jp.tetsuzuki.workers.ocr.TesseractEngine;
import org.camunda.bpm.client.exception.BadRequestException;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Issue 5, "a worker crash followed by a restart completes the task once: no lost and no double side effect".
 *
 * <p>Design. A real Camunda engine (in-memory H2, full history) runs a process whose external task has the OCR topic,
 * followed by a user task. The real OCR handler ({@code EmploymentCertificateOcrHandler}, real Tika inspection, real
 * Tesseract on a generated certificate PDF) runs against the engine's Java {@code ExternalTaskService} through
 * {@link EngineTaskService}, an adapter in this test that does what the REST API and the external-task client do
 * for a worker: fetch-and-lock with a worker id, complete / extend lock / failure / BPMN error with that worker id,
 * and the REST API's mapping of engine refusals to the client's exceptions (not found → {@link NotFoundException},
 * bad request → {@link BadRequestException}). Only the HTTP hop is left out.
 *
 * <p>The crash: worker A fetches the task with a short lock (1 s), and its process "dies" at the first progress
 * callback, i.e. after fetching, inspecting and rendering the document and just before Tesseract starts (the
 * adapter throws an {@link Error}, which the handler does not catch, so nothing after that point runs: no
 * completion, no failure report, exactly like a killed JVM). The restart is a new set of objects (new engine
 * instance, pipeline and handler) with a new worker id B, which locks for the production duration (5 min; with
 * 1 s it could expire again before its first lock extension, and the engine refuses to extend an expired lock).
 * The engine's clock is held still ({@code ClockUtil}) and moved past A's lock expiry by the test, so "before" and
 * "after" expiry do not depend on how fast this machine is; expiry itself is the engine's own fetch-and-lock logic.
 * The test checks: while A's lock holds, B gets nothing (no concurrent double work) and no recognition is stored;
 * once it expires, B gets the same task (not lost) and runs the handler to completion; the engine then records
 * exactly one successful completion, the recognition variable written exactly once, and one arrival at the next
 * step. A second test covers the other half of "no double side effect": a worker that was only stalled past its
 * lock (GC pause, network partition) wakes up after B completed and runs the handler on its stale task: its lock
 * extension and then its failure report are refused (404 → the client's NotFoundException), and the engine still
 * shows one completion and one stored recognition.
 */
class WorkerCrashTest {

  private static final long SHORT_LOCK_MILLIS = 1_000;
  /** The restarted worker locks as the production subscription does (RecognitionHandler.LOCK_PER_PAGE_MILLIS). */
  private static final long NORMAL_LOCK_MILLIS = 5 * 60_000L;

  private final long start = System.currentTimeMillis();
  private ProcessEngine engine;
  private Fixture certificate;
  private final AtomicInteger documentReads = new AtomicInteger();

  @BeforeEach
  void engineAndProcess() {
    assumeTrue(new TesseractEngine().isAvailable(), "Tesseract with jpn is not installed");
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:worker-crash-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false)
        .setProcessEngineName("worker-crash-" + UUID.randomUUID())
        .buildProcessEngine();
    BpmnModelInstance model = Bpmn.createExecutableProcess("ocr-crash")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("ocr").camundaType("external").camundaTopic(Topics.OCR_EMPLOYMENT_CERTIFICATE)
        .userTask("verify")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("ocr-crash.bpmn", model).deploy();
    ClockUtil.setCurrentTime(new java.util.Date(start)); // the engine's clock stands still until the test moves it
    FixtureGenerator generator = new FixtureGenerator(5);
    certificate = generator.certificate(0);
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void aWorkerKilledMidTaskIsReplacedAfterItsLockExpiresAndTheTaskCompletesOnce() throws Exception {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("ocr-crash",
        Map.of(DocumentVariables.DOCUMENT_ID, "doc-1"));

    // worker A: fetches, starts the work, dies before Tesseract has read the page
    Worker a = new Worker("worker-a");
    LockedExternalTask first = a.fetch(SHORT_LOCK_MILLIS);
    assertThat(first).isNotNull();
    assertThatThrownBy(() -> a.run(first, true)).isInstanceOf(SimulatedKill.class);
    assertThat(documentReads.get()).as("A got as far as reading the document").isPositive();
    a.shutDown();

    // restarted process, worker B: nothing to fetch while A's lock holds
    Worker b = new Worker("worker-b");
    assertThat(b.fetch(NORMAL_LOCK_MILLIS)).as("no second worker while the first one's lock holds").isNull();
    assertThat(engine.getRuntimeService().createVariableInstanceQuery()
        .variableName(DocumentVariables.RECOGNITION).count()).isZero();

    // after the lock expires, B gets the same task and completes it
    ClockUtil.setCurrentTime(new java.util.Date(start + SHORT_LOCK_MILLIS + 1));
    LockedExternalTask second = b.fetch(NORMAL_LOCK_MILLIS);
    assertThat(second).as("the task is not lost").isNotNull();
    assertThat(second.getId()).isEqualTo(first.getId());
    b.run(second, false);
    b.shutDown();

    assertCompletedOnce(instance);
  }

  @Test
  void aStalledWorkerThatWakesUpAfterItsReplacementCompletedCannotCompleteAgain() throws Exception {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("ocr-crash",
        Map.of(DocumentVariables.DOCUMENT_ID, "doc-1"));
    Worker a = new Worker("worker-a");
    LockedExternalTask stalled = a.fetch(SHORT_LOCK_MILLIS);
    ClockUtil.setCurrentTime(new java.util.Date(start + SHORT_LOCK_MILLIS + 1)); // A is paused (not dead) past its lock

    Worker b = new Worker("worker-b");
    LockedExternalTask taken = b.fetch(NORMAL_LOCK_MILLIS);
    assertThat(taken.getId()).isEqualTo(stalled.getId());
    b.run(taken, false);
    assertThat(engine.getExternalTaskService().createExternalTaskQuery().list())
        .as("B completed").extracting(t -> t.getErrorMessage()).isEmpty();

    // A wakes up and does its whole job; every write it attempts is refused, the exception is the client's
    assertThatThrownBy(() -> a.run(stalled, false)).isInstanceOf(NotFoundException.class);
    a.shutDown();
    b.shutDown();

    assertCompletedOnce(instance);
  }

  private void assertCompletedOnce(ProcessInstance instance) {
    var history = engine.getHistoryService();
    assertThat(history.createHistoricExternalTaskLogQuery().processInstanceId(instance.getId()).successLog().count())
        .as("one successful completion").isEqualTo(1);
    List<HistoricVariableUpdate> writes = history.createHistoricDetailQuery().processInstanceId(instance.getId())
        .variableUpdates().list().stream().map(HistoricVariableUpdate.class::cast)
        .filter(u -> u.getVariableName().equals(DocumentVariables.RECOGNITION)).toList();
    assertThat(writes).as("the recognition is stored once").hasSize(1);
    assertThat((String) writes.get(0).getValue()).startsWith("{\"fields\":{\"certificationDate\":{\"value\":")
        .contains("\"workHoursPerMonth\":{\"value\":");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("verify").count()).as("the case moved on once").isEqualTo(1);
    assertThat(engine.getExternalTaskService().createExternalTaskQuery().count()).isZero();
  }

  /** What a killed process leaves behind: nothing after this point runs. */
  static final class SimulatedKill extends Error {
    SimulatedKill() {
      super("worker process killed");
    }
  }

  /** One worker process: its own Tesseract engine, pipeline and handler, and a worker id. */
  private final class Worker {
    final String id;
    final TesseractEngine tesseract = new TesseractEngine();
    final ExternalTaskHandler handler;

    Worker(String id) {
      this.id = id;
      OcrPipeline pipeline = new OcrPipeline(tesseract);
      StaticListableBeanFactory beans = new StaticListableBeanFactory();
      DocumentSource source = documentId -> {
        documentReads.incrementAndGet();
        byte[] pdf = certificate.pdf();
        return documentId.equals("doc-1") ? Optional.of(new StoredDocument(documentId, "application/pdf",
            pdf.length, new ByteArrayInputStream(pdf))) : Optional.empty();
      };
      beans.addBean("documentSource", source);
      ObjectProvider<DocumentSource> sources = beans.getBeanProvider(DocumentSource.class);
      handler = Handlers.employmentCertificate(sources, new DocumentInspector(),
          new EmploymentCertificateReader(pipeline), new InvoiceReader(pipeline));
    }

    LockedExternalTask fetch(long lockMillis) {
      List<LockedExternalTask> tasks = engine.getExternalTaskService().fetchAndLock(1, id)
          .topic(Topics.OCR_EMPLOYMENT_CERTIFICATE, lockMillis).variables(DocumentVariables.DOCUMENT_ID)
          .execute();
      return tasks.isEmpty() ? null : tasks.get(0);
    }

    void run(LockedExternalTask task, boolean dieMidTask) {
      handler.execute(clientView(task), new EngineTaskService(engine.getExternalTaskService(), id, dieMidTask));
    }

    void shutDown() {
      tesseract.close();
    }
  }

  /** The client's view of a locked task (only what a worker reads); anything else is not used by our handlers. */
  private static ExternalTask clientView(LockedExternalTask task) {
    return (ExternalTask) Proxy.newProxyInstance(ExternalTask.class.getClassLoader(),
        new Class<?>[] {ExternalTask.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getId" -> task.getId();
          case "getTopicName" -> task.getTopicName();
          case "getWorkerId" -> task.getWorkerId();
          case "getRetries" -> task.getRetries();
          case "getProcessInstanceId" -> task.getProcessInstanceId();
          case "getLockExpirationTime" -> task.getLockExpirationTime();
          case "getVariable" -> task.getVariables().get((String) args[0]);
          case "getAllVariables" -> task.getVariables();
          case "toString" -> "ExternalTask[" + task.getId() + "]";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  /**
   * The client's {@code ExternalTaskService} for one worker, on the engine's Java API: every call carries the
   * worker id, and engine refusals become the exceptions the REST client raises for them (404 and 400).
   */
  static final class EngineTaskService implements org.camunda.bpm.client.task.ExternalTaskService {

    private final org.camunda.bpm.engine.ExternalTaskService engine;
    private final String workerId;
    private final boolean dieMidTask;

    EngineTaskService(org.camunda.bpm.engine.ExternalTaskService engine, String workerId, boolean dieMidTask) {
      this.engine = engine;
      this.workerId = workerId;
      this.dieMidTask = dieMidTask;
    }

    private static void call(Runnable action) {
      try {
        action.run();
      } catch (org.camunda.bpm.engine.exception.NotFoundException e) {
        throw new NotFoundException(e.getMessage(), new RestException(e.getMessage(), "NotFoundException", null));
      } catch (BadUserRequestException e) {
        throw new BadRequestException(e.getMessage(), new RestException(e.getMessage(), "BadUserRequest", null));
      }
    }

    @Override
    public void extendLock(ExternalTask task, long newDuration) {
      extendLock(task.getId(), newDuration);
    }

    @Override
    public void extendLock(String taskId, long newDuration) {
      if (dieMidTask) {
        throw new SimulatedKill(); // the handler extends the lock before each page: the process dies right here
      }
      call(() -> engine.extendLock(taskId, workerId, newDuration));
    }

    @Override
    public void complete(ExternalTask task) {
      complete(task.getId(), null, null);
    }

    @Override
    public void complete(ExternalTask task, Map<String, Object> variables) {
      complete(task.getId(), variables, null);
    }

    @Override
    public void complete(ExternalTask task, Map<String, Object> variables, Map<String, Object> localVariables) {
      complete(task.getId(), variables, localVariables);
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables, Map<String, Object> localVariables) {
      call(() -> engine.complete(taskId, workerId, variables, localVariables));
    }

    @Override
    public void handleFailure(ExternalTask task, String message, String details, int retries, long timeout) {
      handleFailure(task.getId(), message, details, retries, timeout);
    }

    @Override
    public void handleFailure(String taskId, String message, String details, int retries, long timeout) {
      call(() -> engine.handleFailure(taskId, workerId, message, details, retries, timeout));
    }

    @Override
    public void handleFailure(String taskId, String message, String details, int retries, long timeout,
        Map<String, Object> variables, Map<String, Object> localVariables) {
      call(() -> engine.handleFailure(taskId, workerId, message, details, retries, timeout, variables,
          localVariables));
    }

    @Override
    public void handleBpmnError(ExternalTask task, String code) {
      handleBpmnError(task.getId(), code, null, null);
    }

    @Override
    public void handleBpmnError(ExternalTask task, String code, String message) {
      handleBpmnError(task.getId(), code, message, null);
    }

    @Override
    public void handleBpmnError(ExternalTask task, String code, String message, Map<String, Object> variables) {
      handleBpmnError(task.getId(), code, message, variables);
    }

    @Override
    public void handleBpmnError(String taskId, String code, String message, Map<String, Object> variables) {
      call(() -> engine.handleBpmnError(taskId, workerId, code, message, variables));
    }

    @Override
    public void lock(String taskId, long duration) {
      call(() -> engine.lock(taskId, workerId, duration));
    }

    @Override
    public void lock(ExternalTask task, long duration) {
      lock(task.getId(), duration);
    }

    @Override
    public void unlock(ExternalTask task) {
      call(() -> engine.unlock(task.getId()));
    }

    @Override
    public void setVariables(String processInstanceId, Map<String, Object> variables) {
      throw new UnsupportedOperationException("not used by our handlers");
    }

    @Override
    public void setVariables(ExternalTask task, Map<String, Object> variables) {
      throw new UnsupportedOperationException("not used by our handlers");
    }
  }
}
