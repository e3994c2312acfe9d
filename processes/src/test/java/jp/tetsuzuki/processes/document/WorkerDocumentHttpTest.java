package jp.tetsuzuki.processes.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.support.Cases;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import jp.tetsuzuki.processes.support.WorkerTestModels;
import jp.tetsuzuki.workers.documents.DocumentUse;
import jp.tetsuzuki.workers.documents.PlatformDocumentClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workers' document endpoint ({@code GET /api/worker/documents/{id}?workerId=…}) hands a worker exactly the
 * document of an external task it holds locked, and nothing else: not by id alone, not under another worker id, not
 * after the lock is gone, not for a task of a topic that reads no document, not a document of another tenant, not
 * above the size limit, and to no other role. The tasks live in a tenant of their own that only this test's worker
 * account serves, so the platform's in-JVM workers never take them.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerDocumentHttpTest {

  private static final String TENANT = "worker-docs-test";
  private static final String WORKER = "worker-docs-test";
  private static final String PASSWORD = "Shelf-Rabbit-42";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired DocumentStore store;
  @Autowired JdbcTemplate jdbc;

  private final byte[] pdf = Cases.pdf("worker endpoint");
  private String inspectionKey;
  private String noticeKey;

  @BeforeAll
  void aTenantServedOnlyByThisTestsWorker() {
    if (identity.createTenantQuery().tenantId(TENANT).count() == 0) {
      identity.saveTenant(identity.newTenant(TENANT));
    }
    if (identity.createUserQuery().userId(WORKER).count() == 0) {
      var user = identity.newUser(WORKER);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(WORKER, Roles.WORKERS);
      identity.createTenantUserMembership(TENANT, WORKER);
    }
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    inspectionKey = "worker-docs-inspection-" + suffix;
    noticeKey = "worker-docs-notice-" + suffix;
    deploy(inspectionKey, WorkerTestModels.inspection(inspectionKey));
    deploy(noticeKey, WorkerTestModels.notice(noticeKey));
  }

  private void deploy(String key, BpmnModelInstance model) {
    repository.createDeployment().name(key).tenantId(TENANT).addModelInstance(key + ".bpmn", model).deploy();
  }

  private Http worker() {
    return Http.as(WORKER, PASSWORD, port);
  }

  private String stored(String tenant) throws Exception {
    return store.store(tenant, "worker-docs-test-upload", "plan.pdf", pdf, DocumentUse.APPLICATION_ATTACHMENT).id();
  }

  /** Starts a case naming the document and locks its one task under {@code workerId}; returns the task id. */
  private String lockedTask(String key, String topic, String documentId, String workerId) {
    String businessKey = "worker-docs-" + UUID.randomUUID();
    runtime.createProcessInstanceByKey(key).processDefinitionTenantId(TENANT).businessKey(businessKey)
        .setVariable(DocumentVariables.DOCUMENT_ID, documentId).execute();
    Http.Response fetched = worker().postJson("/engine-rest/external-task/fetchAndLock", Map.of("workerId", workerId,
        "maxTasks", 1, "topics", List.of(Map.of("topicName", topic, "lockDuration", 120_000,
            "businessKey", businessKey))));
    assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
    JsonNode tasks = fetched.json();
    assertThat(tasks).as(fetched.body()).hasSize(1);
    assertThat(tasks.get(0).path("variables").path(DocumentVariables.DOCUMENT_ID).path("value").asText())
        .isEqualTo(documentId);
    return tasks.get(0).get("id").asText();
  }

  private Http.Response read(Http as, String documentId, String workerId) {
    return as.get(PlatformDocumentClient.PATH + documentId + (workerId == null ? "" : "?workerId=" + workerId));
  }

  @Test
  void theWorkerHoldingTheTaskReadsItsDocumentAndNothingElse() throws Exception {
    String documentId = stored(TENANT);
    String otherDocument = stored(TENANT);
    String workerId = "worker-docs-" + UUID.randomUUID();
    String taskId = lockedTask(inspectionKey, Topics.DOCUMENT_INSPECTION, documentId, workerId);

    Http.Response read = read(worker(), documentId, workerId);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.bytes()).isEqualTo(pdf);
    assertThat(read.header(PlatformDocumentClient.MEDIA_TYPE_HEADER)).isEqualTo("application/pdf");
    assertThat(read.header(PlatformDocumentClient.SHA256_HEADER)).isEqualTo(HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));
    assertThat(read.header("Cache-Control")).contains("no-store");

    // never a document by its id alone: another document of the same tenant, or the right one under another id
    assertThat(read(worker(), otherDocument, workerId).status()).isEqualTo(404);
    assertThat(read(worker(), documentId, "worker-docs-guess").status()).isEqualTo(404);
    assertThat(read(worker(), UUID.randomUUID().toString(), workerId).status()).isEqualTo(404);
    // review F6: an absurd id is refused unread and never echoed whole
    Http.Response longId = read(worker(), "a".repeat(5000), workerId);
    assertThat(longId.status()).as(longId.body()).isEqualTo(400);
    assertThat(longId.json().get("field").asText()).isEqualTo("documentId");
    // the detail names no id; the problem's instance repeats at most 128 characters of the path
    assertThat(longId.body()).hasSizeLessThan(1000).doesNotContain("a".repeat(129));
    Http.Response longWorker = read(worker(), documentId, "w".repeat(5000));
    assertThat(longWorker.status()).as(longWorker.body()).isEqualTo(400);
    assertThat(longWorker.json().get("field").asText()).isEqualTo("workerId");
    assertThat(longWorker.body()).hasSizeLessThan(1000).doesNotContain("w".repeat(65));
    Http.Response unknownLongWorker = read(worker(), documentId, "v".repeat(200));
    assertThat(unknownLongWorker.status()).as(unknownLongWorker.body()).isEqualTo(404);
    assertThat(unknownLongWorker.body()).doesNotContain("v".repeat(65));
    Http.Response noWorker = read(worker(), documentId, null);
    assertThat(noWorker.status()).isEqualTo(400);
    assertThat(noWorker.json().get("field").asText()).isEqualTo("workerId");

    // once the lock is given back, the document is gone for the worker too
    assertThat(worker().postJson("/engine-rest/external-task/" + taskId + "/unlock", Map.of()).status())
        .isEqualTo(204);
    assertThat(read(worker(), documentId, workerId).status()).isEqualTo(404);
  }

  @Test
  void aTaskThatReadsNoDocumentOrPointsIntoAnotherTenantHandsOutNothing() throws Exception {
    // a notification task that names a document: its worker has no business reading it
    String documentId = stored(TENANT);
    String noticeWorker = "worker-docs-" + UUID.randomUUID();
    lockedTask(noticeKey, Topics.NOTIFY_APPLICANT, documentId, noticeWorker);
    assertThat(read(worker(), documentId, noticeWorker).status()).isEqualTo(404);

    // an inspection whose variable points at another municipality's document
    String foreign = stored("demo-ku");
    String inspectionWorker = "worker-docs-" + UUID.randomUUID();
    lockedTask(inspectionKey, Topics.DOCUMENT_INSPECTION, foreign, inspectionWorker);
    assertThat(read(worker(), foreign, inspectionWorker).status()).isEqualTo(404);
  }

  @Test
  void aDocumentAboveTheLimitIsNotHandedOut() {
    // a stored document recorded larger than the 20 MB a worker may read (written directly: uploads stop below it)
    String large = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO tz_document (id, tenant_id, file_name, media_type, size_bytes, sha256, content, "
        + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", large, TENANT, "large.pdf",
        "application/pdf", 21L * 1024 * 1024, "0".repeat(64), pdf, "worker-docs-test-upload",
        Timestamp.from(Instant.now()));
    String workerId = "worker-docs-" + UUID.randomUUID();
    lockedTask(inspectionKey, Topics.DOCUMENT_INSPECTION, large, workerId);
    Http.Response read = read(worker(), large, workerId);
    assertThat(read.status()).as(read.body()).isEqualTo(413);
  }

  @Test
  void everyOtherRoleIsRefusedEvenWithTheRightWorkerId() throws Exception {
    String documentId = stored(TENANT);
    String workerId = "worker-docs-" + UUID.randomUUID();
    lockedTask(inspectionKey, Topics.DOCUMENT_INSPECTION, documentId, workerId);
    assertThat(read(Http.anonymous(port), documentId, workerId).status()).isEqualTo(401);
    for (String account : List.of("api-client", "staff-ku", "supervisor-ku", "designer", "admin")) {
      Http.Response refused = read(Http.as(account, port), documentId, workerId);
      assertThat(refused.status()).as(account + ": " + refused.body()).isEqualTo(403);
    }
    assertThat(read(worker(), documentId, workerId).status()).isEqualTo(200);
  }
}
