package jp.tetsuzuki.processes.workerapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.NotificationVariables;
import jp.tetsuzuki.processes.support.Cases;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import jp.tetsuzuki.processes.support.WorkerTestModels;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The worker application as its own JVM (the packaged {@code tetsuzuki-workers-*-app.jar}, or its classes and
 * runtime class path before packaging) against this platform on 127.0.0.1, which runs as an engine node without
 * in-JVM workers ({@code tetsuzuki.workers.enabled=false}). Given nothing but the platform's address and the
 * workers' account (no profile, so production-like), it inspects an uploaded PDF and mails the applicant through
 * {@code /engine-rest} and the worker document endpoint. A second worker process on the same mail log then gets a
 * second delivery of the same notice and sends nothing.
 *
 * <p>Its own Spring context (workers off) must not share a JVM with the other platform tests' context (both would
 * register the engine {@code default}); the processes POM runs it in a surefire execution of its own.
 */
@PlatformTest
@TestPropertySource(properties = "tetsuzuki.workers.enabled=false")
class WorkerApplicationJvmTest {

  private static final Path WORKERS_MODULE = Path.of("..", "workers").toAbsolutePath().normalize();

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @TempDir Path workerData;

  private final List<Process> workers = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  @AfterEach
  void stopWorkers() throws IOException {
    for (Process worker : workers) {
      worker.destroy();
    }
    for (Process worker : workers) {
      try {
        if (!worker.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          worker.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Path log : logs) {
      // what the worker processes said, for the report of a failed run
      System.out.println("---- " + log.getFileName() + "\n" + Files.readString(log));
    }
  }

  @Test
  void theWorkerApplicationInspectsAndMailsThroughEngineRestOnlyAndASecondProcessSendsTheNoticeNoMoreThanOnce()
      throws Exception {
    assertThat(context.getBeansOfType(ExternalTaskHandler.class)).as("no in-JVM workers on this node").isEmpty();
    String key = "worker-app-test-" + UUID.randomUUID().toString().substring(0, 8);
    // the worker serves every case waiting at its topics (on a reused database, other tests' too): count our mails
    String applicant = key + "@example.invalid";
    repository.createDeployment().name(key).tenantId("demo-ku")
        .addModelInstance(key + ".bpmn", WorkerTestModels.inspectionAndNotice(key)).deploy();
    String documentId = Cases.upload(Http.as("api-client", port), "demo-ku", Cases.pdf("separate worker"));
    String pid = runtime.createProcessInstanceByKey(key).processDefinitionTenantId("demo-ku")
        .setVariables(Map.of(DocumentVariables.DOCUMENT_ID, documentId,
            NotificationVariables.APPLICANT_EMAIL, applicant,
            "applicantName", "山田 太郎", "procedureName", "道路占用許可", "caseNumber", "R8-0001"))
        .execute().getId();

    String first = "worker-app-a-" + UUID.randomUUID();
    startWorker(first);
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
        runtime.createEventSubscriptionQuery().processInstanceId(pid).eventName(WorkerTestModels.CONTINUE_MESSAGE)
            .count() == 1);

    assertThat(runtime.getVariable(pid, DocumentVariables.DOCUMENT_MEDIA_TYPE)).isEqualTo("application/pdf");
    assertThat(runtime.getVariable(pid, DocumentVariables.DOCUMENT_PAGES)).isEqualTo(1);
    assertThat(workerOf(pid, WorkerTestModels.INSPECT)).isEqualTo(first);
    assertThat(workerOf(pid, WorkerTestModels.NOTIFY)).isEqualTo(first);
    List<MimeMessage> received = mailsTo(applicant);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getSubject()).isEqualTo("【道路占用許可】申請を受け付けました（受付番号 R8-0001）");
    String messageId = (String) runtime.getVariable(pid, NotificationVariables.NOTIFICATION_MESSAGE_ID);
    assertThat(received.get(0).getMessageID()).isEqualTo(messageId);

    // a second worker process on the same mail log takes over; the first one stops
    String second = "worker-app-b-" + UUID.randomUUID();
    startWorker(second);
    // both processes up on the one mail log (the second reaches the H2 file through the first), then the first stops
    Path secondLog = logs.get(1);
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
        Files.readString(secondLog).contains("worker application for"));
    Process a = workers.get(0);
    a.destroy();
    assertThat(a.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("first worker stopped").isTrue();

    // the same notice delivered once more (same case and event): the other process finds it sent
    runtime.createMessageCorrelation(WorkerTestModels.CONTINUE_MESSAGE).processInstanceId(pid).correlate();
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
        history.createHistoricProcessInstanceQuery().processInstanceId(pid).finished().count() == 1);
    assertThat(workerOf(pid, WorkerTestModels.NOTIFY_AGAIN)).isEqualTo(second);
    assertThat(mailsTo(applicant)).as("the notice went out once").hasSize(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pid)
        .variableName(NotificationVariables.NOTIFICATION_MESSAGE_ID).singleResult().getValue()).isEqualTo(messageId);
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> to = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      if (message.getAllRecipients() != null && message.getAllRecipients().length == 1
          && message.getAllRecipients()[0].toString().equals(address)) {
        to.add(message);
      }
    }
    return to;
  }

  private String workerOf(String pid, String activityId) {
    HistoricExternalTaskLog done = history.createHistoricExternalTaskLogQuery().processInstanceId(pid)
        .activityIdIn(activityId).successLog().singleResult();
    return done == null ? null : done.getWorkerId();
  }

  /** Starts the worker application with only the platform's address, the workers' account and the mail server. */
  private void startWorker(String workerId) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-Duser.timezone=UTC",
        "-Dfile.encoding=UTF-8"));
    command.addAll(launch());
    ProcessBuilder builder = new ProcessBuilder(command).directory(workerData.toFile()).redirectErrorStream(true);
    Path log = workerData.resolve(workerId + ".log");
    builder.redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // nothing of this test JVM's settings (profiles, databases, ports) reaches the worker
    env.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("TETSUZUKI_")
        || name.startsWith("DB_") || name.equals("TEST_PORT"));
    env.put("TETSUZUKI_PLATFORM_URL", "http://127.0.0.1:" + port);
    env.put("TETSUZUKI_WORKER_USER", "worker");
    env.put("TETSUZUKI_WORKER_PASSWORD", Http.DEMO_PASSWORD);
    env.put("TETSUZUKI_WORKER_ID", workerId);
    env.put("TETSUZUKI_WORKER_POLL_MS", "1000");
    env.put("TETSUZUKI_DATA_DIR", workerData.toString());
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(mail.getSmtp().getPort()));
    env.put("OMP_THREAD_LIMIT", "1");
    logs.add(log);
    workers.add(builder.start());
  }

  /** {@code -jar} the packaged application when it is newer than the classes, else the classes and class path. */
  private static List<String> launch() throws IOException {
    Path target = WORKERS_MODULE.resolve("target");
    Path classes = target.resolve("classes");
    Path jar;
    try (Stream<Path> files = Files.list(target)) {
      jar = files.filter(f -> f.getFileName().toString().matches("tetsuzuki-workers-.*-app\\.jar")).findFirst()
          .orElse(null);
    }
    if (jar != null && newestUnder(classes) <= Files.getLastModifiedTime(jar).toMillis()) {
      return List.of("-jar", jar.toString());
    }
    String classPath = Files.readString(target.resolve("worker-app.classpath")).strip();
    return List.of("-cp", classes + File.pathSeparator + classPath, "jp.tetsuzuki.workerapp.WorkerApplication");
  }

  private static long newestUnder(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
    }
  }
}
