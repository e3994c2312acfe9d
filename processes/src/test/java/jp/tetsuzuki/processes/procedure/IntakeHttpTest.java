package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.support.Cases;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import jp.tetsuzuki.processes.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One intake path (issue 9): an application registered on paper in the Tasklist (the generated start form, through
 * the webapps' engine API as the Tasklist calls it), sent by an outside system to the public API, and dropped as a
 * municipal system's case file ends as the same record with the same events; a bad field gets the same Japanese
 * sentence on every path; a paper submitted twice is one application.
 */
@PlatformTest
class IntakeHttpTest {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Value("${tetsuzuki.integrations.inbox}") Path inbox;

  @Test
  void theSameApplicationOnPaperThroughTheApiAndFromAFileIsTheSameRecordWithTheSameEvents() throws IOException {
    String applicant = "同一申請建設株式会社 " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> data = Map.of("roadName", "区道1号", "occupancyFrom", "2027-01-04", "occupancyTo",
        "2027-03-31", "occupancyArea", 12.5);

    // 1. paper, by staff-ku in the Tasklist: the form offers the catalog and staff-ku's own municipality only
    WebappSession tasklist = WebappSession.login(port, "staff-ku", Http.DEMO_PASSWORD, "tasklist");
    String definition = definitionId(tasklist);
    JsonNode form = tasklist.get(ENGINE + "/process-definition/" + definition + "/deployed-start-form").json();
    JsonNode tenant = field(form, AdministrativeProcedure.TENANT_ID);
    assertThat(tenant.get("values").toString()).isEqualTo("[{\"label\":\"デモ区\",\"value\":\"demo-ku\"}]");
    assertThat(tenant.get("defaultValue").asText()).isEqualTo("demo-ku");
    assertThat(field(form, AdministrativeProcedure.PROCEDURE_CODE).get("values").toString())
        .contains("\"value\":\"road-occupancy-permit\"", "道路占用許可申請");
    assertThat(field(form, "road-occupancy-permit__occupancyArea").get("type").asText()).isEqualTo("number");
    Map<String, Object> paper = paperForm(applicant, LocalDate.now(JapanTime.ZONE).toString());
    Http.Response registered = tasklist.postJson(ENGINE + "/process-definition/" + definition + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", paper)));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    String paperId = applicationOf(registered.json().get("id").asText());

    // 2. the public API, by an outside system of デモ区
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("procedureCode", Cases.ROAD);
    body.put("tenantId", "demo-ku");
    body.put("applicant", Map.of("name", applicant, "email", "info@example.invalid"));
    body.put("data", data);
    Http.Response sent = Http.as("api-client", port).header("Idempotency-Key", UUID.randomUUID().toString())
        .postJson("/api/v1/applications", body);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    String apiId = sent.json().get("id").asText();

    // 3. a case file of a municipal system
    String fileName = drop(Map.of("processKey", AdministrativeProcedure.ID, "tenantId", "demo-ku", "businessKey",
        "SYS-" + UUID.randomUUID(), "variables", Map.of("procedureCode", Cases.ROAD, "applicant",
            Map.of("name", applicant, "email", "info@example.invalid"), "data", data)));
    await().atMost(WAIT).until(() -> Files.exists(inbox.resolve("cases/.done").resolve(fileName))
        || Files.exists(inbox.resolve("cases/.error").resolve(fileName + ".reason.txt")));
    assertThat(inbox.resolve("cases/.error").resolve(fileName + ".reason.txt")).doesNotExist();
    String fileId = jdbc.queryForObject("SELECT id FROM tz_application WHERE created_by = 'svc-case-file-intake' "
        + "AND applicant_json LIKE ?", String.class, "%" + applicant + "%");

    Map<String, Object> first = record(paperId);
    assertThat(first).containsEntry("channel", "paper").containsEntry("created_by", "staff-ku");
    assertThat(record(apiId)).containsEntry("channel", "online").containsEntry("created_by", "api-client");
    assertThat(record(fileId)).containsEntry("channel", "file").containsEntry("created_by", "svc-case-file-intake");
    for (String other : List.of(apiId, fileId)) {
      assertThat(same(record(other))).as("record of " + other).isEqualTo(same(first));
      assertThat(events(other)).as("events of " + other).isEqualTo(events(paperId));
    }
    assertThat(events(paperId)).extracting(e -> e.split("\\|")[0])
        .containsExactly("received", "completeness-checked", "correction-requested", "post-requested");
    assertThat((String) first.get("applicant_json")).isEqualTo("{\"name\":\"" + applicant
        + "\",\"email\":\"info@example.invalid\"}");
    // the case of the paper keeps ids and small facts, not the application's content
    assertThat(Http.as("staff-ku", port).get("/engine-rest/process-instance/" + first.get("process_instance_id")
        + "/variables").json().has("road-occupancy-permit__roadName")).isFalse();
  }

  /**
   * Review 3 C10: a key given twice took the last value ({"tenantId":"demo-ku","tenantId":"demo-shi"} registered for
   * デモ市 while a gateway reading the first key saw デモ区), and a number too large for its field lost the field's name.
   * Both are refused naming the field; Camunda's REST, which may share the application's JSON mapper, is not made
   * stricter by it (a string number in an external-task fetch is still the engine's own answer).
   */
  @Test
  void aKeyGivenTwiceOrANumberTooLargeIsRefusedNamingTheField() {
    Http client = Http.as("api-client", port).header("Idempotency-Key", UUID.randomUUID().toString());
    Http.Response twice = client.post("/api/v1/childcare/applications", "application/json",
        "{\"tenantId\":\"demo-ku\",\"tenantId\":\"demo-shi\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(twice.status()).as(twice.body()).isEqualTo(400);
    assertThat(twice.json().get("field").asText()).isEqualTo("tenantId");
    assertThat(twice.json().get("detail").asText()).contains("given twice");
    Http.Response huge = Http.as("api-client", port).header("Idempotency-Key", UUID.randomUUID().toString())
        .post("/api/v1/childcare/applications", "application/json", ("{\"tenantId\":\"demo-ku\",\"household\":"
            + "{\"waitingMonths\":99999999999}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(huge.status()).as(huge.body()).isEqualTo(400);
    assertThat(huge.json().get("field").asText()).isEqualTo("waitingMonths");
    // the engine's REST reads its own bodies as before: a number as a string in a task query is taken
    Http.Response query = Http.as("staff-ku", port).postJson("/engine-rest/task/count",
        Map.of("priority", "50"));
    assertThat(query.status()).as(query.body()).isEqualTo(200);
  }

  @Test
  void aBadFieldGetsTheSameJapaneseSentenceOnPaperAsThroughTheApiAndNothingIsCreated() throws IOException {
    WebappSession tasklist = WebappSession.login(port, "staff-ku", Http.DEMO_PASSWORD, "tasklist");
    String definition = definitionId(tasklist);
    long before = count();
    String today = LocalDate.now(JapanTime.ZONE).toString();
    // (field as the form sends it, the API's body change, the API's field name)
    List<Object[]> cases = List.of(
        new Object[] {"road-occupancy-permit__occupancyArea", Map.of("value", "広い", "type", "String"),
            "data", "occupancyArea", "広い", "data.occupancyArea"},
        new Object[] {"road-occupancy-permit__occupancyFrom", Map.of("value", "2027/01/04", "type", "String"),
            "data", "occupancyFrom", "2027/01/04", "data.occupancyFrom"},
        new Object[] {AdministrativeProcedure.APPLICANT_CORPORATE_NUMBER, Map.of("value", "1180301018772",
            "type", "String"), "applicant", "corporateNumber", "1180301018772", "applicant.corporateNumber"});
    for (Object[] bad : cases) {
      Map<String, Object> paper = paperForm("誤り建設株式会社", today);
      paper.put((String) bad[0], bad[1]);
      Http.Response refused = tasklist.postJson(ENGINE + "/process-definition/" + definition + "/submit-form",
          JSON.writeValueAsString(Map.of("variables", paper)));

      Map<String, Object> body = new LinkedHashMap<>(Cases.roadApplication(List.of()));
      @SuppressWarnings("unchecked")
      Map<String, Object> part = new LinkedHashMap<>((Map<String, Object>) body.get(bad[2]));
      part.put((String) bad[3], bad[4]);
      body.put((String) bad[2], part);
      Http.Response api = Http.as("api-client", port).header("Idempotency-Key", UUID.randomUUID().toString())
          .postJson("/api/v1/applications", body);

      assertThat(api.status()).as(api.body()).isEqualTo(400);
      assertThat(api.json().get("field").asText()).isEqualTo(bad[5]);
      assertThat(api.json().get("detail").asText()).startsWith(bad[5] + ": ");
      String japanese = api.json().get("messageJa").asText();
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).as("the Tasklist shows").isEqualTo(japanese);
    }
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aPaperSubmittedTwiceIsOneApplicationAndTheSecondAnswerNamesIt() throws IOException {
    WebappSession tasklist = WebappSession.login(port, "staff-ku", Http.DEMO_PASSWORD, "tasklist");
    String definition = definitionId(tasklist);
    String applicant = "二重登録建設株式会社 " + UUID.randomUUID().toString().substring(0, 8);
    String yesterday = LocalDate.now(JapanTime.ZONE).minusDays(1).toString();
    String submit = JSON.writeValueAsString(Map.of("variables", paperForm(applicant, yesterday)));
    Http.Response first = tasklist.postJson(ENGINE + "/process-definition/" + definition + "/submit-form", submit);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String id = applicationOf(first.json().get("id").asText());
    long cases = cases();

    // the double click, and a colleague registering the same paper over the REST API
    Http.Response again = tasklist.postJson(ENGINE + "/process-definition/" + definition + "/submit-form", submit);
    Http.Response colleague = Http.as("supervisor-ku", port).postJson("/engine-rest/process-definition/key/"
        + AdministrativeProcedure.ID + "/submit-form", JSON.readTree(submit));
    for (Http.Response twice : List.of(again, colleague)) {
      assertThat(twice.status()).as(twice.body()).isEqualTo(400);
      assertThat(twice.json().get("message").asText()).startsWith("この申請書は既に登録されています（申請ID " + id)
          .contains("staff-ku さんが登録");
    }
    assertThat(cases()).isEqualTo(cases);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_application WHERE applicant_json LIKE ?", Long.class,
        "%" + applicant + "%")).isOne();

    // a different arrival date is another paper
    Http.Response other = tasklist.postJson(ENGINE + "/process-definition/" + definition + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", paperForm(applicant, LocalDate.now(JapanTime.ZONE)
            .toString()))));
    assertThat(other.status()).as(other.body()).isEqualTo(200);
  }

  @Test
  void theGeneratedFormIsTheAllowListAndTheTenantIsCheckedOnTheServer() throws IOException {
    WebappSession tasklist = WebappSession.login(port, "staff-ku", Http.DEMO_PASSWORD, "tasklist");
    String definition = definitionId(tasklist);
    long before = count();
    Map<String, Object> typedJson = paperForm("旧形式株式会社", LocalDate.now(JapanTime.ZONE).toString());
    typedJson.put("applicationData", Map.of("value", "{\"roadName\":\"区道1号\"}", "type", "String"));
    Http.Response unknown = tasklist.postJson(ENGINE + "/process-definition/" + definition + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", typedJson)));
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.body()).contains("applicationData").contains("are not fields of the start form");

    Map<String, Object> foreign = paperForm("越境株式会社", LocalDate.now(JapanTime.ZONE).toString());
    foreign.put(AdministrativeProcedure.TENANT_ID, Map.of("value", "demo-shi", "type", "String"));
    Http.Response refused = tasklist.postJson(ENGINE + "/process-definition/" + definition + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", foreign)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).contains("権限がありません");

    Map<String, Object> future = paperForm("未来株式会社", LocalDate.now(JapanTime.ZONE).plusDays(1)
        .toString());
    Http.Response tomorrow = tasklist.postJson(ENGINE + "/process-definition/" + definition + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", future)));
    assertThat(tomorrow.status()).as(tomorrow.body()).isEqualTo(400);
    assertThat(tomorrow.json().get("message").asText()).isEqualTo("到達日に未来の日付は指定できません。");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aMissingOrMistypedTenantOrArrivalDateIsABadRequestNotAnInternalError() throws IOException {
    // review F3 and F4: variables a REST client types as it likes
    String path = "/engine-rest/process-definition/key/" + AdministrativeProcedure.ID + "/submit-form";
    String today = LocalDate.now(JapanTime.ZONE).toString();
    long before = count();
    long cases = cases();
    List<Map.Entry<String, Object>> bad = List.of(
        Map.entry(AdministrativeProcedure.TENANT_ID, Map.of("value", 7, "type", "Long")),
        Map.entry(AdministrativeProcedure.TENANT_ID, Map.of("value", true, "type", "Boolean")));
    List<Map<String, Object>> forms = new ArrayList<>();
    Map<String, Object> missing = paperForm("無テナント株式会社", today);
    missing.remove(AdministrativeProcedure.TENANT_ID);
    forms.add(missing);
    for (var entry : bad) {
      Map<String, Object> form = paperForm("型違い株式会社", today);
      form.put(entry.getKey(), entry.getValue());
      forms.add(form);
    }
    for (Map<String, Object> form : forms) {
      Http.Response refused = Http.as("staff-ku", port).postJson(path, JSON.valueToTree(Map.of("variables", form)));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).as(refused.body())
          .contains("自治体（tenantId）").contains(" / ").contains("start variable 'tenantId'");
    }

    // typed Object: without valueInfo nothing can store it; with a JSON format it would be deserialized when read
    Map<String, Object> untyped = paperForm("オブジェクト日付株式会社", today);
    untyped.put(AdministrativeProcedure.RECEIVED_ON, Map.of("value", "{\"day\":1}", "type", "Object"));
    Http.Response object = Http.as("staff-ku", port).postJson(path, JSON.valueToTree(Map.of("variables", untyped)));
    assertThat(object.status()).as(object.body()).isEqualTo(400);
    // refused at the edge now, before the engine: a form field takes only a form field's type (second review N4)
    assertThat(object.json().get("message").asText()).as(object.body())
        .contains("variables." + AdministrativeProcedure.RECEIVED_ON).contains("type Object");
    assertThat(object.json().get("messageJa").asText()).as(object.body()).contains("値の種類が正しくありません");
    Map<String, Object> json = paperForm("オブジェクト日付株式会社", today);
    json.put(AdministrativeProcedure.RECEIVED_ON, Map.of("value", "{\"day\":1}", "type", "Object", "valueInfo",
        Map.of("objectTypeName", "java.time.LocalDate", "serializationDataFormat", "application/json")));
    Http.Response spin = Http.as("staff-ku", port).postJson(path, JSON.valueToTree(Map.of("variables", json)));
    assertThat(spin.status()).as(spin.body()).isEqualTo(400);
    assertThat(spin.json().get("message").asText()).as(spin.body())
        .contains("「" + AdministrativeProcedure.RECEIVED_ON + "」").contains(" / ").contains("type Object");

    Map<String, Object> notANumber = paperForm("非数株式会社", today);
    notANumber.put("road-occupancy-permit__occupancyArea", Map.of("value", "NaN", "type", "Double"));
    Http.Response nan = Http.as("staff-ku", port).postJson(path, JSON.valueToTree(Map.of("variables", notANumber)));
    assertThat(nan.status()).as(nan.body()).isEqualTo(400);
    assertThat(nan.json().get("message").asText()).contains("は数値（絶対値 1 兆以下");
    assertThat(count()).isEqualTo(before);
    assertThat(cases()).isEqualTo(cases);
  }

  // --- helpers ---

  /** The variables of a filled-in paper form for a road-occupancy application, as the Tasklist submits them. */
  private static Map<String, Object> paperForm(String applicant, String receivedOn) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(AdministrativeProcedure.TENANT_ID, Map.of("value", "demo-ku", "type", "String"));
    variables.put(AdministrativeProcedure.PROCEDURE_CODE, Map.of("value", Cases.ROAD, "type", "String"));
    variables.put(AdministrativeProcedure.RECEIVED_ON, Map.of("value", receivedOn, "type", "String"));
    variables.put(AdministrativeProcedure.APPLICANT_NAME, Map.of("value", applicant, "type", "String"));
    variables.put(AdministrativeProcedure.APPLICANT_EMAIL, Map.of("value", "info@example.invalid", "type", "String"));
    variables.put(AdministrativeProcedure.PAPER_DOCUMENTS_RECEIVED, Map.of("value", false, "type", "Boolean"));
    variables.put("road-occupancy-permit__roadName", Map.of("value", "区道1号", "type", "String"));
    variables.put("road-occupancy-permit__occupancyFrom", Map.of("value", "2027-01-04", "type", "String"));
    variables.put("road-occupancy-permit__occupancyTo", Map.of("value", "2027-03-31", "type", "String"));
    variables.put("road-occupancy-permit__occupancyArea", Map.of("value", 12.5, "type", "Double"));
    return variables;
  }

  private String definitionId(WebappSession tasklist) {
    return tasklist.get(ENGINE + "/process-definition/key/" + AdministrativeProcedure.ID).json().get("id").asText();
  }

  private String applicationOf(String processInstanceId) {
    return jdbc.queryForObject("SELECT id FROM tz_application WHERE process_instance_id = ?", String.class,
        processInstanceId);
  }

  private Map<String, Object> record(String id) {
    return jdbc.queryForMap("SELECT * FROM tz_application WHERE id = ?", id);
  }

  /** What must be the same whichever way the application came. */
  private static Map<String, Object> same(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String column : List.of("tenant_id", "procedure_code", "procedure_version", "status", "stage",
        "received_on", "due_date", "clock_paused", "paused_since", "paused_days", "correction_due", "applicant_json",
        "data_json", "outcome")) {
      out.put(column, String.valueOf(row.get(column))); // the row's keys ignore case (H2 and PostgreSQL)
    }
    return out;
  }

  private List<String> events(String applicationId) {
    JsonNode view = Http.as("staff-ku", port).get("/api/v1/applications/" + applicationId).json();
    List<String> out = new ArrayList<>();
    view.get("events").forEach(e -> out.add(e.get("type").asText() + "|" + e.get("message").asText()));
    return out;
  }

  private JsonNode field(JsonNode form, String key) {
    for (JsonNode c : form.get("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError("no field " + key + " in " + form);
  }

  private long count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM tz_application", Long.class);
  }

  private long cases() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?", Long.class,
        AdministrativeProcedure.ID);
  }

  private String drop(Map<String, Object> file) throws IOException {
    Path cases = Files.createDirectories(inbox.resolve("cases"));
    String name = "intake-" + UUID.randomUUID() + ".json";
    Path temp = cases.resolve("." + name + ".tmp");
    Files.writeString(temp, JSON.writeValueAsString(file), StandardCharsets.UTF_8);
    Files.move(temp, cases.resolve(name));
    return name;
  }
}
