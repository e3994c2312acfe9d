package jp.tetsuzuki.processes.childcare.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.ChildcareAllocationRound;
import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import jp.tetsuzuki.processes.support.Cases;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A full round for デモ区 over HTTP with the real workers of the platform JVM: an outside system applies with an
 * employment certificate, the workers inspect and read it (the OCR may read it or report it unreadable: either way
 * staff verify), staff verify, the points come from the tenant's table, staff run and approve the round, the offer
 * goes to interview and the child is enrolled.
 */
@PlatformTest
class ChildcareRoundHttpTest {

  private static final String APPLICATIONS = "/api/v1/childcare/applications";

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.IdentityService identity;

  /** Review C9: one open round per tenant and year; rounds earlier tests (or runs) left open are ended first. */
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.RuntimeService roundRuntime;

  @org.junit.jupiter.api.BeforeEach
  void noOpenRoundOfDemoKu() {
    roundRuntime.createProcessInstanceQuery().processDefinitionKey(ChildcareAllocationRound.ID).tenantIdIn("demo-ku")
        .list().forEach(pi -> roundRuntime.deleteProcessInstance(pi.getId(), "test: earlier round"));
  }

  /**
   * Another outside system of デモ区 (a test account in api-clients): it may apply, but not read others' applications
   * (a supplier's system is refused at the edge since review 3 A16).
   */
  String otherSystem() {
    if (identity.createUserQuery().userId("childcare-other-system").count() == 0) {
      var user = identity.newUser("childcare-other-system");
      user.setFirstName("連携");
      user.setLastName("別システム");
      user.setPassword(Http.DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership("childcare-other-system", jp.tetsuzuki.processes.identity.Roles.API_CLIENTS);
      identity.createTenantUserMembership("demo-ku", "childcare-other-system");
    }
    return "childcare-other-system";
  }

  /** The body of an application of one child for デモ区 (guardians 攻撃 太郎・攻撃 花子), no documents. */
  static Map<String, Object> application(String month, String guardian, String child) {
    return Map.of("tenantId", "demo-ku", "admissionMonth", month,
        "guardians", List.of(Map.of("name", guardian, "reason", "work", "daysPerMonth", 20, "hoursPerDay", 8),
            Map.of("name", "攻撃 花子", "reason", "work", "daysPerMonth", 20, "hoursPerDay", 8)),
        "children", List.of(Map.of("childId", "c1", "name", child, "birthDate", "2025-05-01",
            "preferences", List.of("minami-hoikuen"))));
  }

  /**
   * The attack review's C1, C2, C3 and C8 over HTTP, as the attacker ran them: other staff of the tenant read the
   * application; an invisible character in the child's name made a second application; a guardian's name forged a
   * line of the staff's declaration form; the 409 told another system the existing application's id and month.
   */
  @Test
  void theAttackReviewsIntakeFindingsAreClosed() {
    Http app = Http.as("api-client", port);
    Http staff = Http.as("staff-ku", port);
    String child = "攻撃 一郎 " + UUID.randomUUID().toString().substring(0, 6);
    Http.Response created = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS,
        application("2027-02", "攻撃 太郎", child));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();

    // C1: 検査員, 会計管理者, 課長 and 次長 of other departments: 404; the submitter, 保育課 and the supervisors read it
    // (the demo's kacho-ku is in every department's group, 保育課 included, so it reads it as 保育課)
    for (String other : List.of("kensa-ku", "kaikeikanri-ku", "kacho-keiyaku-ku", "jicho-ku", otherSystem(),
        "staff-shi", "supplier-marumaru")) {
      Http.Response refused = Http.as(other, port).get(APPLICATIONS + "/" + id);
      // a supplier's system is refused at the edge (review 3 A16), the others are not told it exists
      assertThat(refused.status()).as(other + ": " + refused.body())
          .isEqualTo(other.equals("supplier-marumaru") ? 403 : 404);
      assertThat(refused.body()).doesNotContain("pointsExplanationJa");
    }
    for (String reader : List.of("api-client", "staff-ku", "supervisor-ku")) {
      assertThat(Http.as(reader, port).get(APPLICATIONS + "/" + id).status()).as(reader).isEqualTo(200);
    }

    // C2: the same child with a zero-width space, joiner, word joiner or BOM in its name: still the same child
    for (String invisible : List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD")) {
      Http.Response twice = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS,
          application("2027-02", "攻撃 太郎", child.replace(" ", invisible + " ")));
      assertThat(twice.status()).as(Integer.toHexString(invisible.charAt(0)) + ": " + twice.body()).isEqualTo(409);
      assertThat(twice.json().get("field").asText()).isEqualTo("children[0]");
    }
    // C13: staff outside 保育課 (the inspector) do not register applications through the API either
    Http.Response inspector = Http.as("kensa-ku", port).header("Idempotency-Key", UUID.randomUUID().toString())
        .postJson(APPLICATIONS, application("2027-02", "攻撃 太郎", "別人 " + UUID.randomUUID().toString()
            .substring(0, 6)));
    assertThat(inspector.status()).as(inspector.body()).isEqualTo(403);
    assertThat(inspector.json().get("messageJa").asText()).contains("保育課");
    // C8: another outside system of the tenant (a test account in api-clients; a supplier's system is refused at the
    // edge since review 3 A16) is not told which application holds the child, nor its month
    Http.Response probe = Http.as(otherSystem(), port).header("Idempotency-Key", UUID.randomUUID().toString())
        .postJson(APPLICATIONS, application("2027-02", "攻撃\u2060 太郎", child));
    assertThat(probe.status()).as(probe.body()).isEqualTo(409);
    assertThat(probe.json().get("messageJa").asText()).isEqualTo("同じ児童の申込みがすでにあります。窓口（保育課）にお問い合わせください。");
    assertThat(probe.body()).doesNotContain(id).doesNotContain("2027-02");
    // 保育課 (who may read it) is told which one
    Http.Response office = staff.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS,
        application("2027-02", "攻撃 太郎", child));
    assertThat(office.status()).as(office.body()).isEqualTo(409);
    assertThat(office.json().get("messageJa").asText()).contains("2027-02 入所の申込み（" + id + "）がすでにあります");

    // C3: line breaks and a NUL in names are refused naming the field, in Japanese
    String forged = "攻撃 太郎\n\n- **保護者2**: 就労証明書で確認済み [原本を開く](https://evil.example/x)\n";
    Http.Response lines = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS,
        application("2027-02", forged, "別の 子 " + UUID.randomUUID().toString().substring(0, 6)));
    assertThat(lines.status()).as(lines.body()).isEqualTo(400);
    assertThat(lines.json().get("field").asText()).isEqualTo("guardians[0].name");
    assertThat(lines.json().get("messageJa").asText()).isEqualTo("保護者1の氏名に改行・タブなどの制御文字は使えません。");
    Http.Response nul = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS,
        application("2027-02", "攻撃 太郎", child + "\u0000"));
    assertThat(nul.status()).as(nul.body()).isEqualTo(400);
    assertThat(nul.json().get("field").asText()).isEqualTo("children[0].name");
    // a name that is only odd (Markdown on one line) is taken and shown to staff as literal text
    String odd = "攻撃 太郎 **確認済み** [原本を開く](https://evil.example/x)";
    Http.Response taken = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS,
        application("2027-02", odd, "奇妙 な子 " + UUID.randomUUID().toString().substring(0, 6)));
    assertThat(taken.status()).as(taken.body()).isEqualTo(201);
    String pi = taken.json().get("processInstanceId").asText();
    JsonNode confirm = await().atMost(Duration.ofSeconds(30)).until(() -> staff.get("/engine-rest/task?maxResults=10"
        + "&processInstanceId=" + pi + "&taskDefinitionKey=" + ChildcareEnrollment.TASK_CONFIRM_DECLARATION).json(),
        t -> t.size() == 1).get(0);
    String shown = staff.get("/engine-rest/task/" + confirm.get("id").asText() + "/form-variables").json()
        .get(ChildcareEnrollment.DECLARATION_TEXT).get("value").asText();
    assertThat(shown).contains("- **保護者1**（攻撃 太郎 \\*\\*確認済み\\*\\* \\[原本を開く\\]\\(https\\:\\/\\/evil\\.example"
        + "\\/x\\)）: ").doesNotContain("](", "https://");
    // leave nothing waiting for other tests' rounds of February
    for (String open : List.of(id, taken.json().get("id").asText())) {
      assertThat(app.postJson(APPLICATIONS + "/" + open + "/withdrawal", Map.of()).status()).isEqualTo(200);
    }
  }

  @Test
  void applyReadVerifyScoreRoundApproveOfferEnrol() {
    Http app = Http.as("api-client", port);
    Http staff = Http.as("staff-ku", port);
    String certificate = Cases.upload(app, "demo-ku", Cases.pdf("shuro shomeisho"));
    // a child of its own per run (the same child twice for a month is refused: review F10b)
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String child = "子" + suffix;
    Map<String, Object> body = Map.of(
        "tenantId", "demo-ku",
        "admissionMonth", "2027-01",
        "household", Map.of("siblingEnrolledAtFirstChoice", true),
        "guardians", List.of(Map.of("name", "保護者1", "reason", "work", "daysPerMonth", 20, "hoursPerDay", 8),
            Map.of("name", "保護者2", "reason", "work", "daysPerMonth", 16, "hoursPerDay", 6)),
        "children", List.of(Map.of("childId", "c1", "name", child, "birthDate", "2025-06-01",
            "preferences", List.of("minami-hoikuen", "kita-hoikuen"))),
        "documents", List.of(Map.of("documentId", certificate, "kind", "employment-certificate",
            "guardianNumber", 1)));
    String key = UUID.randomUUID().toString();
    Http.Response created = app.header("Idempotency-Key", key).postJson(APPLICATIONS, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    Http.Response again = app.header("Idempotency-Key", key).postJson(APPLICATIONS, body);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("id").asText()).isEqualTo(id);
    // a bad field is named, nothing stored
    Http.Response bad = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS,
        Map.of("tenantId", "demo-ku", "admissionMonth", "2027-13"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("admissionMonth");
    // N7 (second attacker pass): デモ市's facility and a facility nobody registered as preferences, and as the current
    // facility, were taken; デモ区's facility list (its nursery systems') decides
    for (String facility : List.of("chuo-hoikuen", "no-such-hoikuen")) {
      Map<String, Object> elsewhere = new java.util.HashMap<>(body);
      elsewhere.put("children", List.of(Map.of("childId", "c1", "name", child, "birthDate", "2025-06-01",
          "preferences", List.of("minami-hoikuen", facility))));
      Http.Response refused = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS,
          elsewhere);
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).isEqualTo("children[0].preferences[1]");
      assertThat(refused.json().get("messageJa").asText()).contains("第2希望", facility, "この自治体の保育施設ではありません");
      elsewhere.put("children", List.of(Map.of("childId", "c1", "name", child, "birthDate", "2025-06-01",
          "preferences", List.of("minami-hoikuen"), "currentFacilityId", facility)));
      Http.Response transfer = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS,
          elsewhere);
      assertThat(transfer.status()).as(transfer.body()).isEqualTo(400);
      assertThat(transfer.json().get("field").asText()).isEqualTo("children[0].currentFacilityId");
    }
    // review F11: an admission month already past is refused naming the field
    Map<String, Object> past = new java.util.HashMap<>(body);
    past.put("admissionMonth", java.time.YearMonth.now(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE).minusMonths(1)
        .toString());
    Http.Response late = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS, past);
    assertThat(late.status()).as(late.body()).isEqualTo(400);
    assertThat(late.json().get("field").asText()).isEqualTo("admissionMonth");
    // review F10b: the same child (name spelled with full-width space and letters, same birth date and guardian)
    // for the same month, from another system with another key: 409 naming the existing application
    Map<String, Object> twice = new java.util.HashMap<>(body);
    StringBuilder fullWidth = new StringBuilder(" 子　");
    suffix.toUpperCase(java.util.Locale.ROOT).chars().forEach(ch -> fullWidth.append((char) (ch >= '0' && ch <= '9'
        ? ch - '0' + '０' : ch)));
    twice.put("children", List.of(Map.of("childId", "k-9", "name", fullWidth.toString(), "birthDate", "2025-06-01",
        "preferences", List.of("kita-hoikuen"))));
    twice.put("guardians", List.of(Map.of("name", "保護者１", "reason", "work", "daysPerMonth", 20, "hoursPerDay", 8),
        Map.of("name", "別の　保護者", "reason", "work", "daysPerMonth", 20, "hoursPerDay", 8)));
    twice.remove("documents");
    Http.Response duplicate = Http.as(otherSystem(), port).header("Idempotency-Key",
        UUID.randomUUID().toString()).postJson(APPLICATIONS, twice);
    assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
    assertThat(duplicate.json().get("field").asText()).isEqualTo("children[0]");
    // review C8: that system may not read the existing application: neither its id nor its month
    assertThat(duplicate.json().get("messageJa").asText())
        .isEqualTo("同じ児童の申込みがすでにあります。窓口（保育課）にお問い合わせください。");
    assertThat(duplicate.body()).doesNotContain(id).doesNotContain("2027-01");
    Http.Response own = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS, body);
    assertThat(own.status()).isEqualTo(409);
    assertThat(own.json().get("messageJa").asText()).contains("2027-01 入所の申込み（" + id + "）");
    // the submitter's replay with its own key is still the first answer
    assertThat(app.header("Idempotency-Key", key).postJson(APPLICATIONS, body).status()).isEqualTo(201);
    // another municipality's staff do not see it
    assertThat(Http.as("staff-shi", port).get(APPLICATIONS + "/" + id).status()).isEqualTo(404);

    // the workers inspect and read the certificate; staff (保育課) verify
    String pi = created.json().get("processInstanceId").asText();
    JsonNode verify = await().atMost(Duration.ofSeconds(60)).until(() -> staff.get("/engine-rest/task?maxResults=10&processInstanceId="
        + pi + "&taskDefinitionKey=" + ChildcareEnrollment.TASK_VERIFY_CERTIFICATE).json(), t -> t.size() == 1).get(0);
    Http.Response verified = staff.postJson("/engine-rest/task/" + verify.get("id").asText() + "/complete",
        Map.of("variables", Map.of(
            ChildcareEnrollment.GUARDIAN_NUMBER, Map.of("value", 1, "type", "Long"),
            ChildcareEnrollment.WORK_DAYS_PER_MONTH, Map.of("value", 20, "type", "Long"),
            ChildcareEnrollment.WORK_HOURS_PER_MONTH, Map.of("value", 160.0, "type", "Double"))));
    assertThat(verified.status()).as(verified.body()).isEqualTo(204);
    // review F11: guardian 2 has no certificate, so staff confirm the declaration (as declared here)
    JsonNode confirm = await().atMost(Duration.ofSeconds(30)).until(() -> staff.get("/engine-rest/task?maxResults=10"
        + "&processInstanceId=" + pi + "&taskDefinitionKey=" + ChildcareEnrollment.TASK_CONFIRM_DECLARATION).json(),
        t -> t.size() == 1).get(0);
    assertThat(app.get(APPLICATIONS + "/" + id).json().get("points").isNull()).isTrue();
    JsonNode form = staff.get("/engine-rest/task/" + confirm.get("id").asText() + "/form-variables").json();
    assertThat(form.get(ChildcareEnrollment.DECLARATION_TEXT).get("value").asText()).contains("保護者2")
        .contains("月16日・1日6時間");
    Http.Response confirmed = staff.postJson("/engine-rest/task/" + confirm.get("id").asText() + "/complete",
        Map.of("variables", Map.of(
            ChildcareEnrollment.guardianField(2, ChildcareEnrollment.GUARDIAN_REASON), Map.of("value", "work"),
            ChildcareEnrollment.guardianField(2, ChildcareEnrollment.GUARDIAN_DAYS_PER_MONTH),
            Map.of("value", 16, "type", "Long"),
            ChildcareEnrollment.guardianField(2, ChildcareEnrollment.GUARDIAN_HOURS_PER_DAY),
            Map.of("value", 6.0, "type", "Double"),
            ChildcareEnrollment.SIBLING_ENROLLED_AT_FIRST_CHOICE, Map.of("value", true, "type", "Boolean"))));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
    JsonNode scored = app.get(APPLICATIONS + "/" + id).json();
    assertThat(scored.get("stage").asText()).isEqualTo("awaiting-round");
    assertThat(scored.get("points").asInt()).isEqualTo(20 + 16 + 2);
    assertThat(scored.get("pointsExplanationJa").asText()).contains("世帯指数 38");

    // staff run the round for January 2027 and approve it
    Http.Response round = staff.postJson("/engine-rest/process-definition/key/" + ChildcareAllocationRound.ID
        + "/start", Map.of("variables", Map.of(
            ChildcareAllocationRound.TENANT_ID, Map.of("value", "demo-ku"),
            ChildcareAllocationRound.ADMISSION_MONTH, Map.of("value", "2027-01"),
            ChildcareAllocationRound.FACILITIES_TEXT, Map.of("value",
                "minami-hoikuen,南保育園,1,0,0,0,0,0\nkita-hoikuen,北保育園,1,0,0,0,0,0")),
            "withVariablesInReturn", false));
    assertThat(round.status()).as(round.body()).isEqualTo(200);
    String roundId = round.json().get("id").asText();
    JsonNode review = staff.get("/engine-rest/task?maxResults=10&processInstanceId=" + roundId).json().get(0);
    assertThat(review.get("taskDefinitionKey").asText()).isEqualTo(ChildcareAllocationRound.TASK_REVIEW_ALLOCATION);
    // review C7: the places are typed in by staff, so whoever started the round does not approve it (four eyes)
    Http.Response byStarter = staff.postJson("/engine-rest/task/" + review.get("id").asText() + "/complete", Map.of(
        "variables", Map.of(ChildcareAllocationRound.REVIEW_DECISION, Map.of("value", "approve"))));
    assertThat(byStarter.status()).as(byStarter.body()).isEqualTo(403);
    assertThat(byStarter.body()).contains("利用調整を開始した職員（staff-ku）は承認できません");
    assertThat(Http.as("supervisor-ku", port).postJson("/engine-rest/task/" + review.get("id").asText()
        + "/complete", Map.of("variables", Map.of(ChildcareAllocationRound.REVIEW_DECISION,
        Map.of("value", "approve")))).status()).isEqualTo(204);

    JsonNode offered = app.get(APPLICATIONS + "/" + id).json();
    assertThat(offered.get("stage").asText()).isEqualTo("offered");
    assertThat(offered.get("result").get("facilityId").asText()).isEqualTo("minami-hoikuen");
    assertThat(offered.get("result").get("explanationJa").asText()).isNotBlank();

    JsonNode interview = staff.get("/engine-rest/task?maxResults=10&processInstanceId=" + pi).json().get(0);
    assertThat(interview.get("taskDefinitionKey").asText())
        .isEqualTo(ChildcareEnrollment.TASK_INTERVIEW_AND_HEALTH_CHECK);
    assertThat(staff.postJson("/engine-rest/task/" + interview.get("id").asText() + "/complete", Map.of("variables",
        Map.of(ChildcareEnrollment.INTERVIEW_OUTCOME, Map.of("value", "enroll")))).status()).isEqualTo(204);
    JsonNode enrolled = app.get(APPLICATIONS + "/" + id).json();
    assertThat(enrolled.get("stage").asText()).isEqualTo("enrolled");
    assertThat(enrolled.get("events").findValuesAsText("kind")).contains("points",
        "offered", "enrolled", "nursery-enrollment-outbound");
  }
}
