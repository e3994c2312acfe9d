package jp.tetsuzuki.processes.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.ConnectivityCheck;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One flow per module proves the wiring (issue 2): a worker from {@code workers} completes the external task of a
 * model from {@code bpmn}, a form from {@code forms} is bound to the user task, a route from {@code integrations}
 * starts a case, and tenants stay apart.
 */
@PlatformTest
class ModuleWiringTest {

  @LocalServerPort int port;
  @Value("${tetsuzuki.integrations.inbox}") Path inbox;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void workerAnswersAndStaffConfirmsInTheJapaneseFormOnlyInTheirOwnTenant() {
    String businessKey = "wiring-" + UUID.randomUUID();
    // operators (staff or designers) start it; outside systems hold no engine rights at all
    JsonNode started = Http.as("staff-ku", port).postJson(
        "/engine-rest/process-definition/key/" + ConnectivityCheck.ID + "/start", Map.of("businessKey", businessKey,
            "variables", Map.of("tenantId", Map.of("value", "demo-ku"),
                ConnectivityCheck.MESSAGE, Map.of("value", "こんにちは")))).json();
    String instanceId = started.get("id").asText();
    assertThat(started.get("tenantId").asText()).isEqualTo("demo-ku");

    Http staffKu = Http.as("staff-ku", port);
    // the in-JVM worker answers first; after a quiet spell its empty-fetch backoff reaches 60 s (as in
    // LoginLockoutAttackTest), so the wait covers it (a full PostgreSQL run waited 30 s in vain)
    JsonNode task = await().atMost(Duration.ofSeconds(90)).until(
        () -> staffKu.get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + businessKey).json(),
        tasks -> tasks.size() == 1).get(0);
    String taskId = task.get("id").asText();
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(ConnectivityCheck.TASK_CONFIRM);
    JsonNode variables = staffKu.get("/engine-rest/task/" + taskId + "/form-variables").json();
    assertThat(variables.get(ConnectivityCheck.ECHO).get("value").asText()).isEqualTo("応答: こんにちは");
    assertThat(variables.get(ConnectivityCheck.ECHOED_BY).get("value").asText()).startsWith("tetsuzuki-");

    JsonNode form = staffKu.get("/engine-rest/task/" + taskId + "/deployed-form").json();
    assertThat(form.get("id").asText()).isEqualTo(ConnectivityCheck.FORM_CONFIRM);
    assertThat(form.toString()).contains("確認した");

    Http staffShi = Http.as("staff-shi", port);
    assertThat(staffShi.get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + businessKey).json())
        .isEmpty();
    assertThat(staffShi.get("/engine-rest/task/" + taskId).status()).isEqualTo(404);
    assertThat(staffShi.postJson("/engine-rest/task/" + taskId + "/complete", Map.of()).status()).isIn(403, 404, 500);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();

    Http.Response completed = staffKu.postJson("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of(ConnectivityCheck.CONFIRMED, Map.of("value", true))));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndActivityId()).isEqualTo(ConnectivityCheck.EVENT_CONFIRMED);
  }

  @Test
  void caseFileDroppedIntoTheInboxStartsItsCaseOnce() throws IOException {
    String businessKey = "file-" + UUID.randomUUID();
    Path cases = Files.createDirectories(inbox.resolve("cases"));
    String json = """
        {"processKey":"connectivity-check","tenantId":"demo-shi","businessKey":"%s",
         "variables":{"message":"ファイルから"}}""".formatted(businessKey);
    write(cases.resolve(businessKey + ".json"), json);
    await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).count() == 1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult()
        .getTenantId()).isEqualTo("demo-shi");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(cases.resolve(".done/" + businessKey + ".json")));

    // the same case sent again under another file name starts nothing new
    write(cases.resolve(businessKey + "-again.json"), json);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> Files.exists(cases.resolve(".done/" + businessKey + "-again.json")));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isOne();
  }

  @Test
  void unreadableCaseFileIsMovedAsideWithItsReason() throws IOException {
    Path cases = Files.createDirectories(inbox.resolve("cases"));
    String name = "broken-" + UUID.randomUUID() + ".json";
    write(cases.resolve(name), "{\"processKey\":\"connectivity-check\",\"tenantId\":\"demo-ku\"}");
    Path reason = cases.resolve(".error/" + name + ".reason.txt");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(reason));
    assertThat(Files.exists(cases.resolve(".error/" + name))).isTrue();
    assertThat(Files.readString(reason, StandardCharsets.UTF_8)).contains("取込に失敗しました").contains("businessKey");
  }

  private static void write(Path file, String content) throws IOException {
    // written under a temporary name and moved, as a municipal system should, so no half file is read
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file);
  }

  /** The mail log lives in the workers' own database (V54 dropped the platform's unused copy of V30). */
  @Test
  void thePlatformDatabaseHoldsNoMailLogOfTheWorkers() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
        + "WHERE LOWER(table_name) = 'tz_notification_log'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
        + "WHERE LOWER(table_name) = 'tz_application'", Long.class)).as("the query sees our tables").isEqualTo(1);
  }
}
