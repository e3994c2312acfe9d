package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.support.Cases;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An outside system (api-client) uses the public API as documented: catalog, calendar, identifiers, document upload,
 * application with an idempotency key, correction, status until decided; staff and approvers work over
 * /engine-rest as the Tasklist does. Bad input is refused with the field named and nothing created.
 */
@PlatformTest
class ProcedureHttpTest {

  static final String ROAD = Cases.ROAD;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired jp.tetsuzuki.processes.document.DocumentStore documentStore;

  Http client() {
    return Http.as("api-client", port);
  }

  /**
   * Staff of the review group complete 「通知を郵送する」 for every notice of the case through the Tasklist's API, as
   * the post channel asks; returns how many they posted.
   */
  int postNotices(String applicationId) {
    Http staff = Http.as("staff-ku", port);
    JsonNode tasks = await().atMost(Duration.ofSeconds(30)).until(() -> staff.get("/engine-rest/task?maxResults=50"
        + "&processInstanceBusinessKey=" + applicationId + "&taskDefinitionKey=Task_NotifyByPost").json(),
        t -> t.isArray() && t.size() > 0);
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
    for (JsonNode task : tasks) {
      Http.Response posted = staff.postJson("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
          Map.of("variables", Map.of("postedOn", Map.of("value", today, "type", "String"))));
      assertThat(posted.status()).as(posted.body()).isEqualTo(204);
    }
    return tasks.size();
  }

  /** The demo profile's simulated legacy system (its road register). */
  @Autowired
  jp.tetsuzuki.workers.rpa.demo.LegacySystemSimulator legacySystem;

  @Test
  void catalogListsTheProceduresOfATenantWithWhatToSend() {
    JsonNode list = client().get("/api/v1/procedures?tenant=demo-ku").json();
    List<String> codes = new ArrayList<>();
    list.forEach(p -> codes.add(p.get("code").asText()));
    assertThat(codes).contains("business-subsidy", "outdoor-advertising-permit", ROAD);
    JsonNode road = find(list, ROAD);
    assertThat(road.get("name").asText()).isEqualTo("道路占用許可申請");
    assertThat(road.at("/standardPeriod/value").asInt()).isEqualTo(14);
    assertThat(road.at("/standardPeriod/unit").asText()).isEqualTo("business-days");
    assertThat(road.get("reviewGroup").asText()).isEqualTo("demo-ku-doro");
    assertThat(road.get("requiredDocuments").toString()).contains("work-schedule").contains("工程表");
    assertThat(road.get("fields").toString()).contains("\"key\":\"roadName\"").contains("\"required\":true");
    assertThat(find(list, "business-subsidy").at("/standardPeriod/unit").asText()).isEqualTo("calendar-days");

    assertThat(Http.as("staff-shi", port).get("/api/v1/procedures?tenant=demo-ku").status()).isEqualTo(404);
    assertThat(Http.anonymous(port).get("/api/v1/procedures?tenant=demo-ku").status()).isEqualTo(401);
    assertThat(client().get("/v3/api-docs").body()).contains("/api/v1/applications").contains("Idempotency-Key")
        .contains("/api/v1/calendar/due-date");
  }

  @Test
  void calendarAndIdentifierEndpointsAnswerWithTheLawsRules() {
    JsonNode due = client().get("/api/v1/calendar/due-date?tenant=demo-ku&from=2026-11-16&period=14"
        + "&unit=business-days").json();
    assertThat(due.get("dueDate").asText()).isEqualTo("2026-12-07");
    assertThat(due.get("closedDaysSkipped").toString()).contains("2026-11-23").contains("勤労感謝の日");
    assertThat(client().get("/api/v1/calendar/due-date?tenant=demo-ku&from=2026-12-25&period=5"
        + "&unit=calendar-days").json().get("dueDate").asText()).isEqualTo("2027-01-04");
    JsonNode closed = client().get("/api/v1/calendar/closed-days?tenant=demo-shi&year=2026").json();
    assertThat(closed.get("closedDays").toString()).contains("{\"date\":\"2026-09-22\",\"reason\":\"国民の休日\"}");

    // a tenant's own closed day (tz_closed_day) counts for that tenant only
    jdbc.update("INSERT INTO tz_closed_day (tenant_id, closed_on, reason) VALUES ('demo-shi', DATE '2031-06-10', "
        + "'庁舎設備点検')");
    try {
      assertThat(client().get("/api/v1/calendar/due-date?tenant=demo-shi&from=2031-06-09&period=1"
          + "&unit=business-days").json().get("dueDate").asText()).isEqualTo("2031-06-11");
      assertThat(client().get("/api/v1/calendar/due-date?tenant=demo-ku&from=2031-06-09&period=1"
          + "&unit=business-days").json().get("dueDate").asText()).isEqualTo("2031-06-10");
      assertThat(client().get("/api/v1/calendar/closed-days?tenant=demo-shi&year=2031").body())
          .contains("{\"date\":\"2031-06-10\",\"reason\":\"庁舎設備点検\"}");
    } finally {
      jdbc.update("DELETE FROM tz_closed_day WHERE tenant_id = 'demo-shi'");
    }

    Http.Response badDate = client().get("/api/v1/calendar/due-date?tenant=demo-ku&from=2026-13-01&period=3"
        + "&unit=business-days");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.json().get("field").asText()).isEqualTo("from");
    assertThat(client().get("/api/v1/calendar/due-date?tenant=demo-ku&from=2026-11-16&period=3&unit=weeks")
        .json().get("field").asText()).isEqualTo("unit");
    assertThat(client().get("/api/v1/calendar/closed-days?tenant=demo-ku&year=2200").json().get("field")
        .asText()).isEqualTo("year");

    JsonNode corporate = client().postJson("/api/v1/identifiers/validate", Map.of("type", "corporate-number",
        "value", "１１８０３０１０１８７７１")).json();
    assertThat(corporate.get("valid").asBoolean()).isTrue();
    assertThat(corporate.get("normalized").asText()).isEqualTo("1180301018771");
    JsonNode invoice = client().postJson("/api/v1/identifiers/validate", Map.of("type",
        "invoice-registration-number", "value", "T1180301018772")).json();
    assertThat(invoice.get("valid").asBoolean()).isFalse();
    assertThat(invoice.get("reason").asText()).isNotBlank();
    Http.Response individual = client().postJson("/api/v1/identifiers/validate", Map.of("type",
        "individual-number", "value", "1234 5678 9018"));
    assertThat(individual.json().get("valid").asBoolean()).isTrue();
    assertThat(individual.body()).doesNotContain("12345678").contains("9018");
    assertThat(client().postJson("/api/v1/identifiers/validate", Map.of("type", "passport", "value", "x"))
        .json().get("field").asText()).isEqualTo("type");
  }

  @Test
  void documentsAreTypedByContentAndLimited() throws Exception {
    byte[] pdf = pdf("site plan");
    Http.Response stored = upload("demo-ku", "plan.txt", "text/plain", pdf); // the name and type lie
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    assertThat(stored.json().get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(stored.json().get("size").asLong()).isEqualTo(pdf.length);
    assertThat(stored.json().get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(pdf)));

    Http.Response text = upload("demo-ku", "plan.pdf", "application/pdf",
        "just text, not a PDF".getBytes(StandardCharsets.UTF_8));
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().get("messageJa").asText()).contains("ファイル形式");
    Http.Response huge = upload("demo-ku", "big.pdf", "application/pdf", new byte[21 * 1024 * 1024]);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(upload("demo-shi", "plan.pdf", "application/pdf", pdf, Http.as("staff-ku", port)).status())
        .isEqualTo(404);

    // the store keeps the bytes as sent (workers get them through the worker endpoint, WorkerDocumentHttpTest)
    try (var opened = documentStore.open(stored.json().get("documentId").asText()).orElseThrow()) {
      assertThat(opened.content().readAllBytes()).isEqualTo(pdf);
      assertThat(opened.mediaType()).isEqualTo("application/pdf");
    }
    assertThat(documentStore.open(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void anOutsideSystemAppliesCorrectsAndFollowsTheCaseUntilItIsDecided() throws Exception {
    List<Map<String, String>> documents = new ArrayList<>();
    for (String kind : List.of("application-form", "location-map", "floor-plan")) {
      documents.add(Map.of("documentId", documentId("demo-ku", kind), "kind", kind));
    }
    Map<String, Object> body = roadApplication(documents);
    String key = UUID.randomUUID().toString();
    long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(AdministrativeProcedure.ID)
        .count();
    Http.Response created = client().header("Idempotency-Key", key).postJson("/api/v1/applications", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).endsWith("/api/v1/applications/" + id);
    assertThat(created.json().get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");

    Http.Response again = client().header("Idempotency-Key", key).postJson("/api/v1/applications", body);
    assertThat(again.json().get("id").asText()).isEqualTo(id);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AdministrativeProcedure.ID).count())
        .isEqualTo(instancesBefore + 1);
    Map<String, Object> changed = new LinkedHashMap<>(body);
    changed.put("receivedOn", null);
    changed.put("applicant", Map.of("name", "別の申請者"));
    Http.Response reused = client().header("Idempotency-Key", key).postJson("/api/v1/applications", changed);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().path("messageJa").asText()).contains("別の内容の申請");

    // the worker inspects the three files first; the 工程表 is missing: a correction is requested, the clock stops
    JsonNode status = await().atMost(Duration.ofSeconds(30)).until(() -> client().get("/api/v1/applications/" + id)
        .json(), s -> s.get("status").asText().equals("awaiting-correction"));
    assertThat(status.get("events").toString()).contains("document-inspected");
    assertThat(status.get("clockPaused").asBoolean()).isTrue();
    assertThat(status.get("correctionDueDate").asText()).isNotBlank();
    assertThat(status.get("events").toString()).contains("工程表が添付されていません");
    assertThat(Http.as("staff-shi", port).get("/api/v1/applications/" + id).status()).isEqualTo(404);

    Http.Response corrected = client().postJson("/api/v1/applications/" + id + "/corrections", Map.of(
        "documents", List.of(Map.of("documentId", documentId("demo-ku", "work-schedule"), "kind", "work-schedule")),
        "comment", "工程表を追加します"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("clockPaused").asBoolean()).isFalse();
    // the new file is inspected, then the case is reviewed
    JsonNode underReview = await().atMost(Duration.ofSeconds(30)).until(() -> client().get("/api/v1/applications/"
        + id).json(), s -> s.get("status").asText().equals("under-review"));
    assertThat(client().postJson("/api/v1/applications/" + id + "/corrections", Map.of("comment", "x"))
        .status()).isEqualTo(409);
    String pid = corrected.json().get("processInstanceId").asText();

    // 審査 by staff of 道路管理課 in the Tasklist, then 決裁 by 課長 and 部長
    Http staff = Http.as("staff-ku", port);
    JsonNode review = singleTask(staff, pid, AdministrativeProcedure.TASK_REVIEW);
    assertThat(review.get("name").asText()).isEqualTo("審査する");
    assertThat(review.get("due").asText()).startsWith(underReview.get("dueDate").asText());
    String reviewId = review.get("id").asText();
    assertThat(staff.get("/engine-rest/task/" + reviewId + "/deployed-form").json().get("id").asText())
        .isEqualTo(AdministrativeProcedure.FORM_REVIEW);
    // the reviewer reads the application's data fields in the form: a text, no input
    JsonNode reviewForm = staff.get("/engine-rest/task/" + reviewId + "/deployed-form").json();
    assertThat(reviewForm.toString()).contains("=" + AdministrativeProcedure.APPLICATION_DETAILS);
    reviewForm.get("components").forEach(c -> assertThat(c.path("key").asText())
        .isNotEqualTo(AdministrativeProcedure.APPLICATION_DETAILS));
    assertThat(staff.get("/engine-rest/task/" + reviewId + "/form-variables").json()
        .path(AdministrativeProcedure.APPLICATION_DETAILS).path("value").asText())
        .contains("| 道路名 |", "| 占用開始日 |", "年", "| 占用面積（平方メートル） |");
    // staff read only what the form shows, not the case's other variables (README: no process variables)
    JsonNode shownToStaff = staff.get("/engine-rest/task/" + reviewId + "/form-variables").json();
    assertThat(shownToStaff.has(AdministrativeProcedure.PROCEDURE_NAME)).isTrue();
    assertThat(shownToStaff.has(AdministrativeProcedure.ATTACHMENT_LIST)).isTrue();
    assertThat(shownToStaff.has(AdministrativeProcedure.TENANT_ID)).as(shownToStaff.toString()).isFalse();
    assertThat(shownToStaff.has(AdministrativeProcedure.APPLICATION_ID)).isFalse();
    assertThat(shownToStaff.has(AdministrativeProcedure.REVIEW_GROUP)).isFalse();
    assertThat(staff.get("/engine-rest/task/" + reviewId + "/form-variables?variableNames="
        + AdministrativeProcedure.TENANT_ID + "," + AdministrativeProcedure.PROCEDURE_NAME).json().fieldNames())
        .toIterable().containsExactly(AdministrativeProcedure.PROCEDURE_NAME);
    assertThat(staff.get("/engine-rest/task/" + reviewId + "/form%2Dvariables").json()
        .has(AdministrativeProcedure.TENANT_ID)).isFalse();
    assertThat(staff.get("/engine-rest/task/" + reviewId + "/variables").status()).isEqualTo(403);
    assertThat(staff.get("/engine-rest/task/" + reviewId + "/localVariables").status()).isEqualTo(403);
    assertThat(staff.get("/engine-rest/task/" + reviewId + "/variables/" + AdministrativeProcedure.TENANT_ID)
        .status()).isEqualTo(403);
    // a matrix parameter does not hide the name (refused by the firewall or the edge)
    assertThat(staff.get("/engine-rest/task/" + reviewId + "/variables;x=1/" + AdministrativeProcedure.TENANT_ID)
        .status()).isIn(400, 403);
    assertThat(staff.get("/engine-rest/task/" + reviewId + "/variables/" + AdministrativeProcedure.PROCEDURE_NAME)
        .status()).isEqualTo(200);
    // administrators still see everything (case repair)
    assertThat(Http.as("admin", port).get("/engine-rest/task/" + reviewId + "/form-variables").json()
        .has(AdministrativeProcedure.TENANT_ID)).isTrue();
    assertThat(staff.postJson("/engine-rest/task/" + reviewId + "/claim", Map.of("userId", "staff-ku")).status())
        .isEqualTo(204);
    // a text longer than the form (or the engine's 4,000-character column) takes is a 400 naming the field, not a 500
    Http.Response tooLong = staff.postJson("/engine-rest/task/" + reviewId + "/submit-form", Map.of("variables",
        Map.of(AdministrativeProcedure.REVIEW_SUMMARY, Map.of("value", "あ".repeat(4001), "type", "String"),
            AdministrativeProcedure.PROPOSED_DECISION, Map.of("value", AdministrativeProcedure.PROPOSED_GRANT))));
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.json().path("message").asText()).contains(AdministrativeProcedure.REVIEW_SUMMARY);
    assertThat(tooLong.json().path("messageJa").asText()).isEqualTo(
        "審査結果（決裁文書の概要になります）は 2000 文字以内で入力してください（4001 文字入力されています）。");
    // and cannot send it back changed: the task takes its form's fields only
    Http.Response tampered = staff.postJson("/engine-rest/task/" + reviewId + "/submit-form", Map.of("variables",
        Map.of(AdministrativeProcedure.REVIEW_SUMMARY, Map.of("value", "基準に適合", "type", "String"),
            AdministrativeProcedure.PROPOSED_DECISION, Map.of("value", AdministrativeProcedure.PROPOSED_GRANT),
            AdministrativeProcedure.APPLICATION_DETAILS, Map.of("value", "| 道路名 | 別の道路 |"))));
    assertThat(tampered.status()).as(tampered.body()).isIn(400, 403);
    Http.Response reviewed = staff.postJson("/engine-rest/task/" + reviewId + "/submit-form", Map.of("variables",
        Map.of(AdministrativeProcedure.REVIEW_SUMMARY, Map.of("value", "基準に適合", "type", "String"),
            AdministrativeProcedure.PROPOSED_DECISION, Map.of("value", AdministrativeProcedure.PROPOSED_GRANT))));
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(204);
    assertThat(client().get("/api/v1/applications/" + id).json().get("stage").asText()).isEqualTo("decision");

    for (String approver : List.of("kacho-ku", "bucho-ku")) {
      Http http = Http.as(approver, port);
      String route = runtime.createProcessInstanceQuery().superProcessInstanceId(pid)
          .processDefinitionKey(ApprovalRoute.ID).singleResult().getId();
      JsonNode task = singleTask(http, route, ApprovalRoute.TASK_APPROVE);
      assertThat(task.get("assignee").asText()).isEqualTo(approver);
      Http.Response done = http.postJson("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
          Map.of("variables", Map.of(ApprovalRoute.DECISION, Map.of("value", ApprovalRoute.DECISION_APPROVE,
              "type", "String"))));
      assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    // after 許可 the bot enters the permit into the road register of the (simulated) legacy system
    JsonNode decided = await().atMost(Duration.ofSeconds(60)).until(
        () -> client().get("/api/v1/applications/" + id).json(), s -> s.get("stage").asText().equals("closed"));
    assertThat(decided.get("status").asText()).isEqualTo("granted");
    assertThat(legacySystem.records()).containsKey(id);
    assertThat(legacySystem.records().get(id).fields()).containsEntry("shimei", "デモ建設株式会社")
        .containsEntry("shimeiKana", "デモケンセツカブシキガイシャ").containsEntry("yubinBango", "100-0001");
    assertThat(decided.get("events").toString()).contains("道路占用台帳に登録しました（管理番号 "
        + legacySystem.records().get(id).recordNumber());
    // road-occupancy-permit notifies by post: staff confirm every posted notice (補正 request, decision)
    assertThat(postNotices(id)).isEqualTo(2);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    List<String> types = new ArrayList<>();
    decided.get("events").forEach(e -> types.add(e.get("type").asText()));
    // in the order they happened (several are written in one transaction with one timestamp)
    assertThat(types).containsSubsequence("received", "correction-requested", "correction-submitted",
        "correction-received", "reviewed", "granted", "legacy-entered", "notified");
    assertThat(client().postJson("/api/v1/applications/" + id + "/withdrawal", Map.of()).status())
        .isEqualTo(409);
  }

  @Test
  void staffRegisterAPaperApplicationFromTheTasklistStartForm() {
    Http staff = Http.as("staff-ku", port);
    String form = staff.get("/engine-rest/process-definition/key/" + AdministrativeProcedure.ID
        + "/deployed-start-form").body();
    assertThat(form).contains(AdministrativeProcedure.FORM_START).contains("到達日");
    String yesterday = java.time.LocalDate.now(JapanTime.ZONE).minusDays(1).toString();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("tenantId", Map.of("value", "demo-ku", "type", "String"));
    variables.put("procedureCode", Map.of("value", "outdoor-advertising-permit", "type", "String"));
    variables.put("receivedOn", Map.of("value", yesterday, "type", "String"));
    variables.put("applicantName", Map.of("value", "デモ看板株式会社", "type", "String"));
    variables.put("paperDocumentsReceived", Map.of("value", true, "type", "Boolean"));
    // typed fields of the generated form, one per catalog field of the chosen procedure
    variables.put("outdoor-advertising-permit__location", Map.of("value", "デモ区1-1", "type", "String"));
    variables.put("outdoor-advertising-permit__displayArea", Map.of("value", 4, "type", "Integer"));
    variables.put("outdoor-advertising-permit__displayFrom", Map.of("value", "2027-04-01", "type", "String"));
    Http.Response started = staff.postJson("/engine-rest/process-definition/key/" + AdministrativeProcedure.ID
        + "/submit-form", Map.of("variables", variables));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    String applicationId = (String) runtime.getVariable(pid, AdministrativeProcedure.APPLICATION_ID);

    // staff of the tenant follow it through the same API as outside systems
    JsonNode status = staff.get("/api/v1/applications/" + applicationId).json();
    assertThat(status.get("channel").asText()).isEqualTo("paper");
    assertThat(status.get("receivedOn").asText()).isEqualTo(yesterday);
    assertThat(status.get("status").asText()).isEqualTo("under-review");
    assertThat(singleTask(staff, pid, AdministrativeProcedure.TASK_REVIEW).get("due").asText())
        .startsWith(status.get("dueDate").asText());

    // another municipality's staff cannot register for デモ区
    Long applications = jdbc.queryForObject("SELECT COUNT(*) FROM tz_application", Long.class);
    Http.Response foreign = Http.as("staff-shi", port).postJson("/engine-rest/process-definition/key/"
        + AdministrativeProcedure.ID + "/submit-form", Map.of("variables", variables));
    assertThat(foreign.status()).isGreaterThanOrEqualTo(400);
    assertThat(foreign.body()).contains("権限がありません");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_application", Long.class)).isEqualTo(applications);
  }

  @Test
  void theSameKeySentTwiceAtOnceStartsOneCase() throws Exception {
    List<Map<String, String>> documents = new ArrayList<>();
    for (String kind : List.of("application-form", "location-map", "floor-plan", "work-schedule")) {
      documents.add(Map.of("documentId", documentId("demo-ku", kind), "kind", kind));
    }
    Map<String, Object> body = roadApplication(documents);
    Http keyed = client().header("Idempotency-Key", UUID.randomUUID().toString());
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(AdministrativeProcedure.ID).count();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> keyed.postJson("/api/v1/applications", body));
      var second = pool.submit(() -> keyed.postJson("/api/v1/applications", body));
      Http.Response a = first.get();
      Http.Response b = second.get();
      assertThat(a.status()).as(a.body()).isEqualTo(201);
      assertThat(b.status()).as(b.body()).isEqualTo(201);
      assertThat(a.json().get("id").asText()).isEqualTo(b.json().get("id").asText());
    } finally {
      pool.shutdown();
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AdministrativeProcedure.ID).count())
        .isEqualTo(before + 1);
  }

  @Test
  void withdrawalEndsAnOpenApplication() throws Exception {
    List<Map<String, String>> documents = new ArrayList<>();
    for (String kind : List.of("application-form", "location-map", "floor-plan", "work-schedule")) {
      documents.add(Map.of("documentId", documentId("demo-ku", kind), "kind", kind));
    }
    Http.Response created = client().header("Idempotency-Key", UUID.randomUUID().toString())
        .postJson("/api/v1/applications", roadApplication(documents));
    String id = created.json().get("id").asText();
    // the document check is the in-JVM worker's, shared with the OCR of earlier tests in this context: it may queue
    await().atMost(Duration.ofSeconds(120)).until(() -> client().get("/api/v1/applications/" + id).json()
        .get("status").asText(), "under-review"::equals);
    assertThat(Http.as("staff-shi", port).postJson("/api/v1/applications/" + id + "/withdrawal", Map.of())
        .status()).isEqualTo(404);
    Http.Response withdrawn = client().postJson("/api/v1/applications/" + id + "/withdrawal",
        Map.of("reason", "工事を中止したため"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.json().get("status").asText()).isEqualTo("withdrawn");
    // the case history names who asked for it: the authenticated outside system
    JsonNode withdrawnEvent = null;
    for (JsonNode e : client().get("/api/v1/applications/" + id).json().get("events")) {
      if ("withdrawn".equals(e.get("type").asText())) {
        withdrawnEvent = e;
      }
    }
    assertThat(withdrawnEvent).as(withdrawn.body()).isNotNull();
    assertThat(withdrawnEvent.get("actor").asText()).isEqualTo("api-client");
    assertThat(postNotices(id)).isEqualTo(1);
    // every refusal of the public API says why in Japanese too
    Http.Response again = client().postJson("/api/v1/applications/" + id + "/withdrawal", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("messageJa").asText()).isEqualTo(
        "この申請は既に終了しています（取下げ済み）。取り下げることはできません。");
    Http.Response unknown = client().get("/api/v1/applications/" + UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("messageJa").asText()).contains("は見つかりません（存在しないか、参照する権限がありません）");
    Http.Response noTenant = client().get("/api/v1/procedures");
    assertThat(noTenant.status()).isEqualTo(400);
    assertThat(noTenant.json().path("messageJa").asText()).isEqualTo("tenant を指定してください。");
    Http.Response badPeriod = client().get("/api/v1/calendar/due-date?tenant=demo-ku&from=2026-12-01&period=x"
        + "&unit=business-days");
    assertThat(badPeriod.status()).isEqualTo(400);
    assertThat(badPeriod.json().path("messageJa").asText()).contains("入力内容に誤りがあります（項目: period）");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(created.json().get("processInstanceId")
        .asText()).count()).isZero();
  }

  @Test
  void anApplicationCannotBeTakenOverByAnotherCaseOrTenant() throws Exception {
    List<Map<String, String>> documents = new ArrayList<>();
    for (String kind : List.of("application-form", "location-map", "floor-plan", "work-schedule")) {
      documents.add(Map.of("documentId", documentId("demo-ku", kind), "kind", kind));
    }
    Http.Response created = client().header("Idempotency-Key", UUID.randomUUID().toString())
        .postJson("/api/v1/applications", roadApplication(documents));
    String id = created.json().get("id").asText();
    String processInstanceId = created.json().get("processInstanceId").asText();
    String path = "/engine-rest/process-definition/key/" + AdministrativeProcedure.ID + "/start";

    // another municipality starting a case of its own on this application
    Http.Response foreign = Http.as("staff-shi", port).postJson(path, Map.of("variables", Map.of(
        "tenantId", Map.of("value", "demo-shi"), AdministrativeProcedure.APPLICATION_ID, Map.of("value", id))));
    // refused at the edge: applicationId is no field of the start form (the glue would refuse it as well)
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(400);
    assertThat(foreign.body()).contains("applicationId").contains("not fields of the start form");
    // a second case on the same application in its own municipality
    Http.Response second = Http.as("staff-ku", port).postJson(path, Map.of("variables", Map.of(
        "tenantId", Map.of("value", "demo-ku"), AdministrativeProcedure.APPLICATION_ID, Map.of("value", id))));
    assertThat(second.status()).as(second.body()).isEqualTo(400);
    assertThat(second.body()).contains("applicationId");

    assertThat(client().get("/api/v1/applications/" + id).json().get("processInstanceId").asText())
        .isEqualTo(processInstanceId);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AdministrativeProcedure.ID)
        .variableValueEquals(AdministrativeProcedure.APPLICATION_ID, id).count()).isOne();
  }

  @Test
  void anotherOutsideSystemOfTheSameMunicipalityCannotSeeOrTouchTheApplication() throws Exception {
    if (identity.createUserQuery().userId("other-system").count() == 0) {
      var user = identity.newUser("other-system");
      user.setPassword(Http.DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership("other-system", "api-clients");
      identity.createTenantUserMembership("demo-ku", "other-system");
    }
    List<Map<String, String>> documents = new ArrayList<>();
    for (String kind : List.of("application-form", "location-map", "floor-plan", "work-schedule")) {
      documents.add(Map.of("documentId", documentId("demo-ku", kind), "kind", kind));
    }
    String id = client().header("Idempotency-Key", UUID.randomUUID().toString())
        .postJson("/api/v1/applications", roadApplication(documents)).json().get("id").asText();

    Http other = Http.as("other-system", port);
    assertThat(other.get("/api/v1/applications/" + id).status()).isEqualTo(404);
    assertThat(other.postJson("/api/v1/applications/" + id + "/withdrawal", Map.of("reason", "x")).status())
        .isEqualTo(404);
    // nor attach the documents the first system uploaded
    Http.Response borrowed = other.header("Idempotency-Key", "k-" + UUID.randomUUID())
        .postJson("/api/v1/applications", roadApplication(documents));
    assertThat(borrowed.status()).as(borrowed.body()).isEqualTo(400);
    assertThat(borrowed.json().get("field").asText()).startsWith("documents[0]");
    // staff of the municipality see every application of it
    assertThat(Http.as("staff-ku", port).get("/api/v1/applications/" + id).status()).isEqualTo(200);
    // untouched: it goes on to review once its documents are inspected
    await().atMost(Duration.ofSeconds(30)).until(() -> client().get("/api/v1/applications/" + id).json()
        .get("status").asText(), "under-review"::equals);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsCreated() throws Exception {
    String doc = documentId("demo-ku", "application-form");
    Long before = jdbc.queryForObject("SELECT COUNT(*) FROM tz_application", Long.class);
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey(AdministrativeProcedure.ID).count();

    assertField(apply(with("procedureCode", "no-such-permit")), 400, "procedureCode");
    assertField(apply(with("procedureCode", null)), 400, "procedureCode");
    // outside systems apply online, today: only staff registering paper may give an arrival date
    assertField(apply(with("receivedOn", LocalDate.now(JapanTime.ZONE).minusDays(3).toString())), 403, "receivedOn");
    Http staff = Http.as("staff-ku", port);
    assertField(staff.header("Idempotency-Key", "k-" + UUID.randomUUID()).postJson("/api/v1/applications",
        with("receivedOn", "2026/11/16")), 400, "receivedOn");
    assertField(staff.header("Idempotency-Key", "k-" + UUID.randomUUID()).postJson("/api/v1/applications",
        with("receivedOn", "2999-01-01")), 400, "receivedOn");
    assertField(apply(with("applicant", Map.of())), 400, "applicant.name");
    assertField(apply(with("data", Map.of("roadName", "区道1号"))), 400, "data.occupancyFrom");
    assertField(apply(with("data", Map.of("roadName", "区道1号", "occupancyFrom", "2027-02-30",
        "occupancyTo", "2027-03-31", "occupancyArea", 3))), 400, "data.occupancyFrom");
    assertField(apply(with("data", Map.of("roadName", "区道1号", "occupancyFrom", "2027-01-04",
        "occupancyTo", "2027-03-31", "occupancyArea", "広い"))), 400, "data.occupancyArea");
    assertField(apply(with("documents", List.of(Map.of("documentId", doc, "kind", "photo")))), 400,
        "documents[0].kind");
    assertField(apply(with("documents", List.of(Map.of("documentId", UUID.randomUUID().toString(),
        "kind", "application-form")))), 400, "documents[0].documentId");
    assertField(apply(with("colour", "red")), 400, "colour");
    assertField(client().header("Idempotency-Key", "k-" + UUID.randomUUID())
        .postJson("/api/v1/applications", "{\"procedureCode\": \"road-occupancy-permit\","), 400, null);
    Http.Response keyless = client().postJson("/api/v1/applications", roadApplication(List.of()));
    assertField(keyless, 400, "Idempotency-Key");
    assertThat(keyless.json().path("messageJa").asText()).contains("Idempotency-Key").contains("1〜200 文字");
    // a user of another municipality, and a document of another tenant
    assertField(Http.as("staff-shi", port).header("Idempotency-Key", "k-" + UUID.randomUUID())
        .postJson("/api/v1/applications", roadApplication(List.of())), 403, "tenantId");
    Map<String, Object> shi = with("documents", List.of(Map.of("documentId", documentId("demo-shi", "x"),
        "kind", "application-form")));
    assertField(apply(shi), 400, "documents[0].documentId");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_application", Long.class)).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AdministrativeProcedure.ID).count())
        .isEqualTo(instances);
  }

  // --- helpers ---

  private static Map<String, Object> roadApplication(List<Map<String, String>> documents) {
    return Cases.roadApplication(documents);
  }

  private Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = roadApplication(List.of());
    body.put(field, value);
    return body;
  }

  private Http.Response apply(Map<String, Object> body) {
    return client().header("Idempotency-Key", "k-" + UUID.randomUUID()).postJson("/api/v1/applications", body);
  }

  private static void assertField(Http.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    if (field != null) {
      assertThat(response.json().path("field").asText()).as(response.body()).isEqualTo(field);
      assertThat(response.json().get("detail").asText()).contains(field);
    } else {
      assertThat(response.json().get("detail").asText()).contains("JSON");
    }
  }

  private String documentId(String tenant, String text) throws IOException {
    Http uploader = tenant.equals("demo-ku") ? client() : Http.as("staff-shi", port);
    Http.Response stored = upload(tenant, text + ".pdf", "application/pdf", pdf(text), uploader);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    return stored.json().get("documentId").asText();
  }

  private Http.Response upload(String tenant, String fileName, String contentType, byte[] content) {
    return upload(tenant, fileName, contentType, content, client());
  }

  private Http.Response upload(String tenant, String fileName, String contentType, byte[] content, Http as) {
    String boundary = "tz-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenantId\"\r\n\r\n" + tenant + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return as.post("/api/v1/documents", "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  private static byte[] pdf(String text) {
    return Cases.pdf(text);
  }

  private static JsonNode singleTask(Http http, String pid, String key) {
    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key + "&maxResults=10").json();
    assertThat(tasks.size()).as(tasks.toString()).isEqualTo(1);
    return tasks.get(0);
  }

  private static JsonNode find(JsonNode list, String code) {
    for (JsonNode p : list) {
      if (p.get("code").asText().equals(code)) {
        return p;
      }
    }
    throw new AssertionError("no " + code + " in " + list);
  }
}
