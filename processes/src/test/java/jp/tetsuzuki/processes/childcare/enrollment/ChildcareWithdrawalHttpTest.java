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
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/v1/childcare/applications/{id}/withdrawal} over HTTP (H2, and PostgreSQL in the database group):
 * only the submitting system or the tenant's 保育課 withdraw, a repeat answers the same, a withdrawn application is no
 * longer placed by a round, and after enrolment the answer is 409 with the reason in Japanese.
 */
@PlatformTest
class ChildcareWithdrawalHttpTest {

  private static final String APPLICATIONS = "/api/v1/childcare/applications";
  private static final String FACILITY = "wd-hoikuen";

  @LocalServerPort int port;

  /** Review C9: one open round per tenant and year; rounds earlier tests (or runs) left open are ended first. */
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.RuntimeService roundRuntime;

  @org.junit.jupiter.api.BeforeEach
  void noOpenRoundOfDemoKu() {
    roundRuntime.createProcessInstanceQuery().processDefinitionKey(ChildcareAllocationRound.ID).tenantIdIn("demo-ku")
        .list().forEach(pi -> roundRuntime.deleteProcessInstance(pi.getId(), "test: earlier round"));
  }
  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** A facility of this test only (nobody else's applications compete for its place), on デモ区's facility list. */
  @org.junit.jupiter.api.BeforeEach
  void theTestFacilityIsOneOfTheTenants() {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM tz_nursery_facility WHERE tenant_id = 'demo-ku' AND facility_id = ?",
        Integer.class, FACILITY) == 0) {
      jdbc.update("INSERT INTO tz_nursery_facility (tenant_id, facility_id, name, system_id) VALUES ('demo-ku', ?, "
          + "'取下げ試験保育園', 'demo-ku-nursery')", FACILITY);
    }
  }

  @Test
  void theSubmittingSystemWithdrawsOnceAndNobodyElseCan() {
    Http app = Http.as("api-client", port);
    String id = apply(app, 20, "2027-02");
    // a supplier's system of the same municipality (refused at the edge: 403, review 3 A16), another municipality's
    // staff, staff outside 保育課 (not found: 404)
    for (String user : List.of("supplier-marumaru", "staff-shi", "kensa-ku")) {
      int status = user.equals("supplier-marumaru") ? 403 : 404;
      Http.Response refused = Http.as(user, port).postJson(APPLICATIONS + "/" + id + "/withdrawal", Map.of());
      assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(status);
      // nor read it (attack review C1: staff outside 保育課 read the household's facts)
      assertThat(Http.as(user, port).get(APPLICATIONS + "/" + id).status()).as(user).isEqualTo(status);
    }
    assertThat(app.get(APPLICATIONS + "/" + id).json().get("stage").asText()).isEqualTo("awaiting-round");

    Http.Response withdrawn = app.postJson(APPLICATIONS + "/" + id + "/withdrawal", Map.of("reason", "転居のため"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.json().get("stage").asText()).isEqualTo("withdrawn");
    assertThat(withdrawn.header("Idempotent-Replayed")).isEqualTo("false");
    Http.Response again = app.postJson(APPLICATIONS + "/" + id + "/withdrawal", Map.of());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    JsonNode view = app.get(APPLICATIONS + "/" + id).json();
    assertThat(view.get("stage").asText()).isEqualTo("withdrawn");
    assertThat(view.get("events").findValuesAsText("kind")).containsOnlyOnce("withdrawn")
        .contains("withdrawal-requested");
    // a reason that is too long is named, nothing changes
    String other = apply(app, 20, "2027-02");
    Http.Response tooLong = app.postJson(APPLICATIONS + "/" + other + "/withdrawal", Map.of("reason", "長".repeat(501)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("reason").contains("500文字以内");
    // the staff path: a parent asks the office, 保育課 staff withdraw it for them
    Http.Response byStaff = Http.as("staff-ku", port).postJson(APPLICATIONS + "/" + other + "/withdrawal",
        Map.of("reason", "窓口で申出"));
    assertThat(byStaff.status()).as(byStaff.body()).isEqualTo(200);
    assertThat(app.get(APPLICATIONS + "/" + other).json().get("stage").asText()).isEqualTo("withdrawn");
  }

  @Test
  void aRoundNoLongerSeesAWithdrawnApplicationAndAfterEnrolmentTheWithdrawalIsRefused() {
    Http app = Http.as("api-client", port);
    Http staff = Http.as("staff-ku", port);
    // the higher score would take the one place, but it is withdrawn before the round
    String withdrawn = apply(app, 20, "2027-02");
    String placed = apply(app, 16, "2027-02");
    assertThat(app.postJson(APPLICATIONS + "/" + withdrawn + "/withdrawal", Map.of()).status()).isEqualTo(200);

    startAndApproveRound(staff, 1);
    JsonNode offered = app.get(APPLICATIONS + "/" + placed).json();
    assertThat(offered.get("stage").asText()).isEqualTo("offered");
    assertThat(offered.get("result").get("facilityId").asText()).isEqualTo(FACILITY);
    JsonNode stillWithdrawn = app.get(APPLICATIONS + "/" + withdrawn).json();
    assertThat(stillWithdrawn.get("stage").asText()).isEqualTo("withdrawn");
    assertThat(stillWithdrawn.get("result").isNull()).isTrue();

    String pi = created.get(placed);
    JsonNode interview = staff.get("/engine-rest/task?maxResults=10&processInstanceId=" + pi).json().get(0);
    assertThat(interview.get("taskDefinitionKey").asText())
        .isEqualTo(ChildcareEnrollment.TASK_INTERVIEW_AND_HEALTH_CHECK);
    assertThat(staff.postJson("/engine-rest/task/" + interview.get("id").asText() + "/complete", Map.of("variables",
        Map.of(ChildcareEnrollment.INTERVIEW_OUTCOME, Map.of("value", "enroll")))).status()).isEqualTo(204);
    assertThat(app.get(APPLICATIONS + "/" + placed).json().get("stage").asText()).isEqualTo("enrolled");

    Http.Response late = app.postJson(APPLICATIONS + "/" + placed + "/withdrawal", Map.of());
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.json().get("messageJa").asText()).contains("入所が決まった申込みは取り下げできません");
    assertThat(app.get(APPLICATIONS + "/" + placed).json().get("stage").asText()).isEqualTo("enrolled");
  }

  /**
   * Newcomer review N17: an offer queued for the facility's nursery system and then withdrawn (取下げ) or declined
   * (辞退) is told to that system (kind {@code offer-withdrawn}, its own idempotency key, the demo system accepts it);
   * an application withdrawn before any offer sends nothing.
   */
  @Test
  void aWithdrawnOrDeclinedOfferIsWithdrawnAtTheNurserySystem() {
    Http app = Http.as("api-client", port);
    Http staff = Http.as("staff-ku", port);
    String withdrawnLater = apply(app, 20, "2027-02");
    String declined = apply(app, 20, "2027-02");
    String early = apply(app, 20, "2027-02");
    assertThat(app.postJson(APPLICATIONS + "/" + early + "/withdrawal", Map.of()).status()).isEqualTo(200);

    startAndApproveRound(staff, 9);
    for (String id : List.of(withdrawnLater, declined)) {
      assertThat(app.get(APPLICATIONS + "/" + id).json().get("stage").asText()).isEqualTo("offered");
    }

    assertThat(app.postJson(APPLICATIONS + "/" + withdrawnLater + "/withdrawal", Map.of()).status()).isEqualTo(200);
    JsonNode interview = staff.get("/engine-rest/task?maxResults=10&processInstanceId=" + created.get(declined))
        .json().get(0);
    assertThat(staff.postJson("/engine-rest/task/" + interview.get("id").asText() + "/complete", Map.of("variables",
        Map.of(ChildcareEnrollment.INTERVIEW_OUTCOME, Map.of("value", ChildcareEnrollment.INTERVIEW_DECLINE))))
        .status()).isEqualTo(204);
    assertThat(app.get(APPLICATIONS + "/" + declined).json().get("stage").asText()).isEqualTo("declined");

    for (String id : List.of(withdrawnLater, declined)) {
      // the offer first, then its withdrawal, each delivered to the facility's (demo) system once
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList("SELECT kind, status,"
          + " idempotency_key, facility_id FROM tz_nursery_outbox WHERE application_id = ? ORDER BY created_at", id))
          .extracting(r -> r.get("KIND") != null ? r.get("KIND") : r.get("kind"),
              r -> r.get("STATUS") != null ? r.get("STATUS") : r.get("status"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple("offer", "delivered"),
              org.assertj.core.groups.Tuple.tuple("offer-withdrawn", "delivered")));
      assertThat(jdbc.queryForObject("SELECT idempotency_key FROM tz_nursery_outbox WHERE application_id = ? AND"
          + " kind = 'offer-withdrawn'", String.class, id)).isEqualTo("tetsuzuki:demo-ku:offer-withdrawn:" + id);
      assertThat(jdbc.queryForObject("SELECT payload_json FROM tz_nursery_outbox WHERE application_id = ? AND"
          + " kind = 'offer-withdrawn'", String.class, id)).contains("\"facilityId\":\"" + FACILITY + "\"")
          .contains("\"reason\":\"" + (id.equals(declined) ? "declined" : "withdrawn") + "\"");
      assertThat(app.get(APPLICATIONS + "/" + id).json().get("events").findValuesAsText("kind"))
          .containsOnlyOnce("nursery-offer-withdrawn-queued");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_nursery_outbox WHERE application_id = ?", Integer.class,
        early)).isZero();
  }

  private final Map<String, String> created = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * 申告内容の確認 (review F11) by the tenant's 保育課 as declared: the task's form comes prefilled with the
   * declaration, so completing it unchanged confirms the declared values.
   */
  static void confirmDeclaration(int port, String processInstanceId) {
    Http staff = Http.as("staff-ku", port);
    JsonNode confirm = await().atMost(Duration.ofSeconds(30)).until(() -> staff.get("/engine-rest/task?maxResults=10"
        + "&processInstanceId=" + processInstanceId + "&taskDefinitionKey="
        + ChildcareEnrollment.TASK_CONFIRM_DECLARATION).json(), t -> t.size() == 1).get(0);
    Http.Response confirmed = staff.postJson("/engine-rest/task/" + confirm.get("id").asText() + "/complete",
        Map.of("variables", Map.of()));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
  }

  /** An application without documents: inspected, confirmed by staff and scored, waiting for a round. */
  private String apply(Http app, int daysFirstGuardian, String month) {
    Map<String, Object> body = Map.of(
        "tenantId", "demo-ku",
        "admissionMonth", month,
        "guardians", List.of(Map.of("name", "保護者1", "reason", "work", "daysPerMonth", daysFirstGuardian,
            "hoursPerDay", 8), Map.of("name", "保護者2", "reason", "work", "daysPerMonth", 20, "hoursPerDay", 8)),
        // a name of its own: the same child twice for one month is refused (review F10b)
        "children", List.of(Map.of("childId", "c1", "name", "子 " + UUID.randomUUID().toString().substring(0, 8),
            "birthDate", "2025-06-01",
            "preferences", List.of(FACILITY))));
    Http.Response response = app.header("Idempotency-Key", UUID.randomUUID().toString()).postJson(APPLICATIONS, body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String id = response.json().get("id").asText();
    created.put(id, response.json().get("processInstanceId").asText());
    confirmDeclaration(port, created.get(id));
    await().atMost(Duration.ofSeconds(30)).until(() -> app.get(APPLICATIONS + "/" + id).json().get("stage").asText(),
        "awaiting-round"::equals);
    return id;
  }

  /**
   * A 2027-02 round of デモ区 on places typed in by {@code starter} (the test facility with {@code places} 0-year-old
   * places), approved by another 保育課 member than the starter, as a staff override needs (review C7).
   */
  private void startAndApproveRound(Http starter, int places) {
    Http.Response round = starter.postJson("/engine-rest/process-definition/key/" + ChildcareAllocationRound.ID
        + "/start", Map.of("variables", Map.of(
            ChildcareAllocationRound.TENANT_ID, Map.of("value", "demo-ku"),
            ChildcareAllocationRound.ADMISSION_MONTH, Map.of("value", "2027-02"),
            ChildcareAllocationRound.FACILITIES_TEXT, Map.of("value", FACILITY + ",取下げ試験保育園," + places
                + ",0,0,0,0,0")),
            "withVariablesInReturn", false));
    assertThat(round.status()).as(round.body()).isEqualTo(200);
    JsonNode review = starter.get("/engine-rest/task?maxResults=10&processInstanceId="
        + round.json().get("id").asText()).json().get(0);
    assertThat(Http.as("supervisor-ku", port).postJson("/engine-rest/task/" + review.get("id").asText()
        + "/complete", Map.of("variables", Map.of(ChildcareAllocationRound.REVIEW_DECISION,
        Map.of("value", "approve")))).status()).isEqualTo(204);
  }
}
