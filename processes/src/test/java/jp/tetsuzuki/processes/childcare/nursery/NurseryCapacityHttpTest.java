package jp.tetsuzuki.processes.childcare.nursery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import jp.tetsuzuki.bpmn.ChildcareAllocationRound;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareModule;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code PUT/POST /api/v1/childcare/capacities} as a nursery system uses it (README "Nursery ICT systems"; demo
 * account {@code nursery-ku} of デモ区's system, bound to 南/北/東保育園): stored with their history, the same
 * snapshot twice changes nothing, a reused key with another body is refused, each bad entry is named (field and
 * {@code messageJa}) and nothing of a refused snapshot is stored, other tenants and facilities and other roles are
 * refused; a round staff start for that month takes these places. H2 and, tagged {@code database}, PostgreSQL.
 */
@PlatformTest
class NurseryCapacityHttpTest {

  static final String CAPACITIES = "/api/v1/childcare/capacities";

  @LocalServerPort int port;
  @Autowired ChildcareModule childcare;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired NurseryOutboxWriter outbox;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** Review C9: one open round per tenant and year; rounds earlier tests (or runs) left open are ended first. */
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.RuntimeService roundRuntime;

  @org.junit.jupiter.api.BeforeEach
  void noOpenRoundOfDemoKu() {
    roundRuntime.createProcessInstanceQuery().processDefinitionKey(ChildcareAllocationRound.ID).tenantIdIn("demo-ku")
        .list().forEach(pi -> roundRuntime.deleteProcessInstance(pi.getId(), "test: earlier round"));
  }

  /**
   * A month of its own, within the months places are taken for (this month to 24 ahead; not the next month, which
   * the demo pull fills), emptied first: the PostgreSQL database keeps earlier runs' places.
   */
  final String month = java.time.YearMonth.now(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE)
      .plusMonths(2 + ThreadLocalRandom.current().nextInt(11)).toString();

  @org.junit.jupiter.api.BeforeEach
  void noPlacesYetInThisMonthAndTheSameMonthAYearLater() {
    String later = java.time.YearMonth.parse(month).plusYears(1).toString();
    for (String table : List.of("tz_nursery_capacity", "tz_nursery_capacity_history")) {
      jdbc.update("DELETE FROM " + table + " WHERE tenant_id = 'demo-ku' AND admission_month IN (?, ?)", month,
          later);
    }
  }

  @Test
  void aSnapshotIsStoredOnceWithItsHistoryAndTheSameSnapshotAgainChangesNothing() {
    Http nursery = Http.as("nursery-ku", port);
    String key = "snapshot-" + UUID.randomUUID();
    Map<String, Object> body = snapshot("demo-ku", entry("minami-hoikuen", 0, 3), entry("minami-hoikuen", 1, 5),
        entry("kita-hoikuen", 0, 0));

    Http.Response first = nursery.header("Idempotency-Key", key).putJson(CAPACITIES, body);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("changed").asInt()).isEqualTo(3);
    assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");

    Http.Response again = nursery.header("Idempotency-Key", key).postJson(CAPACITIES, body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("replayed").asBoolean()).isTrue();
    assertThat(again.json().get("changed").asInt()).isZero();
    // the same places under a new key: a new snapshot, but nothing changed
    Http.Response same = nursery.header("Idempotency-Key", key + "-b").putJson(CAPACITIES, body);
    assertThat(same.json().get("changed").asInt()).isZero();
    assertThat(same.json().get("replayed").asBoolean()).isFalse();

    Http.Response reused = nursery.header("Idempotency-Key", key).putJson(CAPACITIES,
        snapshot("demo-ku", entry("minami-hoikuen", 0, 4)));
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().get("messageJa").asText()).contains("別の内容");

    Http.Response changed = nursery.header("Idempotency-Key", key + "-c").putJson(CAPACITIES,
        snapshot("demo-ku", entry("minami-hoikuen", 0, 2)));
    assertThat(changed.json().get("changed").asInt()).isEqualTo(1);
    var history = childcare.capacities().history("demo-ku", "minami-hoikuen", month, 0);
    assertThat(history).extracting(CapacityStore.HistoryRow::oldCapacity).containsExactly(null, 3);
    assertThat(history).extracting(CapacityStore.HistoryRow::newCapacity).containsExactly(3, 2);
    assertThat(history).allMatch(h -> h.changedBy().equals("nursery-ku"));
    assertThat(childcare.capacities().placesFor("demo-ku", month))
        .anySatisfy(f -> assertThat(f.id()).isEqualTo("minami-hoikuen"));
  }

  @Test
  void eachBadEntryIsNamedAndNothingOfTheSnapshotIsStored() {
    Http nursery = Http.as("nursery-ku", port);
    assertRefused(nursery, snapshot("demo-ku", entry("minami-hoikuen", 0, 1), entry("kita-hoikuen", 6, 1)),
        400, "capacities[1].classAge", "0〜5");
    assertRefused(nursery, snapshot("demo-ku", entry("minami-hoikuen", 0, 1000)), 400, "capacities[0].capacity",
        "0〜999");
    assertRefused(nursery, snapshot("demo-ku", entry("minami-hoikuen", 0, -1)), 400, "capacities[0].capacity",
        "0〜999");
    assertRefused(nursery, Map.of("tenantId", "demo-ku", "capacities", List.of(Map.of("facilityId",
        "minami-hoikuen", "admissionMonth", "2027/04", "classAge", 0, "capacity", 1))), 400,
        "capacities[0].admissionMonth", "YYYY-MM");
    // N6 (second attacker pass): 2.99 places became 2, "7" became 7, a month of 2000 was stored
    assertRefused(nursery, Map.of("tenantId", "demo-ku", "capacities", List.of(Map.of("facilityId",
        "minami-hoikuen", "admissionMonth", month, "classAge", 0, "capacity", 2.99))), 400,
        "capacities[0].capacity", "項目");
    assertRefused(nursery, Map.of("tenantId", "demo-ku", "capacities", List.of(Map.of("facilityId",
        "minami-hoikuen", "admissionMonth", month, "classAge", 0, "capacity", "7"))), 400,
        "capacities[0].capacity", "項目");
    assertRefused(nursery, Map.of("tenantId", "demo-ku", "capacities", List.of(Map.of("facilityId",
        "minami-hoikuen", "admissionMonth", "2000-04", "classAge", 0, "capacity", 1))), 400,
        "capacities[0].admissionMonth", "過ぎた月");
    // デモ市's facility, and a facility nobody registered
    assertRefused(nursery, snapshot("demo-ku", entry("chuo-hoikuen", 0, 1)), 400, "capacities[0].facilityId",
        "担当する施設ではありません");
    assertRefused(nursery, snapshot("demo-ku", entry("no-such-hoikuen", 0, 1)), 400, "capacities[0].facilityId",
        "担当する施設ではありません");
    assertRefused(nursery, snapshot("demo-ku", entry("minami-hoikuen", 0, 1), entry("minami-hoikuen", 0, 2)), 400,
        "capacities[1]", "重複");
    assertRefused(nursery, snapshot("demo-ku"), 400, "capacities", "1件以上");
    // another tenant: デモ区's system does not report for デモ市
    assertRefused(nursery, snapshot("demo-shi", entry("chuo-hoikuen", 0, 1)), 403, "tenantId", "保育施設システム");
    Http.Response unknownField = nursery.header("Idempotency-Key", UUID.randomUUID().toString()).putJson(CAPACITIES,
        Map.of("tenantId", "demo-ku", "capacities", List.of(), "extra", 1));
    assertThat(unknownField.status()).isEqualTo(400);
    Http.Response noKey = nursery.putJson(CAPACITIES, snapshot("demo-ku", entry("minami-hoikuen", 0, 1)));
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(noKey.json().get("field").asText()).isEqualTo("Idempotency-Key");
    // nothing of the refused snapshots was stored
    assertThat(childcare.capacities().placesFor("demo-ku", month)).isEmpty();
  }

  @Test
  void onlyNurserySystemsReportPlaces() {
    Map<String, Object> body = snapshot("demo-ku", entry("minami-hoikuen", 0, 1));
    for (String user : List.of("api-client", "staff-ku", "supervisor-ku")) {
      assertThat(Http.as(user, port).header("Idempotency-Key", UUID.randomUUID().toString())
          .putJson(CAPACITIES, body).status()).as(user).isEqualTo(403);
    }
    // an administrator passes the edge but is no nursery system
    Http.Response admin = Http.as("admin", port).header("Idempotency-Key", UUID.randomUUID().toString())
        .putJson(CAPACITIES, body);
    assertThat(admin.status()).isEqualTo(403);
    assertThat(Http.anonymous(port).putJson(CAPACITIES, body).status()).isEqualTo(401);
    assertThat(childcare.capacities().placesFor("demo-ku", month)).isEmpty();
  }

  @Test
  void aRoundStaffStartForThatMonthTakesThePushedPlacesAndAMonthWithoutPlacesDoesNotStart() {
    Http.Response pushed = Http.as("nursery-ku", port).header("Idempotency-Key", UUID.randomUUID().toString())
        .putJson(CAPACITIES, snapshot("demo-ku", entry("higashi-hoikuen", 2, 4)));
    assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    Http staff = Http.as("staff-ku", port);

    Http.Response round = staff.postJson("/engine-rest/process-definition/key/" + ChildcareAllocationRound.ID
        + "/start", Map.of("variables", Map.of(ChildcareAllocationRound.TENANT_ID, Map.of("value", "demo-ku"),
            ChildcareAllocationRound.ADMISSION_MONTH, Map.of("value", month))));
    assertThat(round.status()).as(round.body()).isEqualTo(200);
    String roundId = round.json().get("id").asText();
    // read by the platform: staff hold no grant to read a round's variables through the REST API
    assertThat(runtime.getVariable(roundId, ChildcareAllocationRound.CAPACITY_SOURCE))
        .isEqualTo(ChildcareAllocationRound.CAPACITY_SOURCE_NURSERY_SYSTEMS);
    assertThat((String) runtime.getVariable(roundId, ChildcareAllocationRound.RESULT_SUMMARY_TEXT))
        .contains("保育施設システムから届いた値");

    String empty = (Integer.parseInt(month.substring(0, 4)) + 1) + month.substring(4);
    Http.Response none = staff.postJson("/engine-rest/process-definition/key/" + ChildcareAllocationRound.ID
        + "/start", Map.of("variables", Map.of(ChildcareAllocationRound.TENANT_ID, Map.of("value", "demo-ku"),
            ChildcareAllocationRound.ADMISSION_MONTH, Map.of("value", empty))));
    assertThat(none.status()).isBetween(400, 499);
    assertThat(none.body()).contains("募集人数が保育施設システムから届いていません");

    // review C9: a second round of the year is refused in the start form while this one is open
    Http.Response second = staff.postJson("/engine-rest/process-definition/key/" + ChildcareAllocationRound.ID
        + "/submit-form", Map.of("variables", Map.of(ChildcareAllocationRound.TENANT_ID, Map.of("value", "demo-ku"),
            ChildcareAllocationRound.ADMISSION_MONTH, Map.of("value", month))));
    assertThat(second.status()).isBetween(400, 499);
    assertThat(second.body()).contains("の利用調整が実行中です（" + roundId + "）")
        .contains("先にその利用調整を承認または取り消してください。");
    // staff cancel it at its review (nothing delivered), then the year is free again
    var review = staff.get("/engine-rest/task?maxResults=10&processInstanceId=" + roundId).json().get(0);
    assertThat(staff.postJson("/engine-rest/task/" + review.get("id").asText() + "/complete", Map.of("variables",
        Map.of(ChildcareAllocationRound.REVIEW_DECISION, Map.of("value", ChildcareAllocationRound.DECISION_CANCEL))))
        .status()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(roundId).count()).isZero();
    Http.Response again = staff.postJson("/engine-rest/process-definition/key/" + ChildcareAllocationRound.ID
        + "/submit-form", Map.of("variables", Map.of(ChildcareAllocationRound.TENANT_ID, Map.of("value", "demo-ku"),
            ChildcareAllocationRound.ADMISSION_MONTH, Map.of("value", month))));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
  }

  @Test
  void theDemoPullStoresEachSimulatedSystemsPlacesAndTheOutboxReachesItsSystem() {
    String next = java.time.YearMonth.now(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE).plusMonths(1).toString();
    // the pull runs 30 s after the start and then every minute (demo profile)
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).untilAsserted(() -> {
      assertThat(childcare.capacities().placesFor("demo-ku", next)).extracting(f -> f.id())
          .containsExactlyInAnyOrder("higashi-hoikuen", "kita-hoikuen", "minami-hoikuen");
      assertThat(childcare.capacities().placesFor("demo-shi", next)).extracting(f -> f.id())
          .containsExactlyInAnyOrder("chuo-hoikuen", "nishi-hoikuen");
    });
    assertThat(childcare.capacities().history("demo-ku", "minami-hoikuen", next, 0))
        .allMatch(h -> h.changedBy().equals("nursery-ku") && h.snapshotKey().startsWith("pull-"));

    String application = UUID.randomUUID().toString();
    outbox.enqueue("tetsuzuki:demo-ku:enrollment:" + application, "demo-ku", NurseryOutboxWriter.KIND_ENROLLMENT,
        application, "minami-hoikuen", "demo-ku-nursery", Map.of("kind", "enrollment", "tenantId", "demo-ku",
            "facilityId", "minami-hoikuen", "admissionMonth", next, "applicationId", application,
            "childIds", List.of("c1")), java.time.Instant.now());
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
        "delivered".equals(outbox.ofApplication(application).get(0).get("STATUS")));
  }

  @Test
  void anAdministratorSeesAFailedMessageAndRequeuesItOnce() {
    String application = UUID.randomUUID().toString();
    outbox.enqueue("tetsuzuki:demo-ku:offer:requeue:" + application, "demo-ku", NurseryOutboxWriter.KIND_OFFER,
        application, "minami-hoikuen", "demo-ku-nursery", Map.of("kind", "offer", "tenantId", "demo-ku",
            "facilityId", "minami-hoikuen", "admissionMonth", month, "applicationId", application), java.time.Instant.now());
    String id = (String) outbox.ofApplication(application).get(0).get("ID");
    // as the route leaves a message it gave up on
    jdbc.update("UPDATE tz_nursery_outbox SET status = 'failed', attempts = 6, last_error = 'no delivery after 6 "
        + "attempts (last: HTTP 503)', next_attempt_at = ? WHERE id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3600)), id);
    Http admin = Http.as("admin", port);

    Http.Response failed = admin.get("/api/v1/childcare/nursery-outbox?status=failed&limit=500");
    assertThat(failed.status()).isEqualTo(200);
    assertThat(failed.body()).contains(id).contains("HTTP 503");
    // the API's own camelCase fields, not the database's column labels
    com.fasterxml.jackson.databind.JsonNode message = java.util.stream.StreamSupport.stream(
        failed.json().spliterator(), false).filter(m -> m.path("id").asText().equals(id)).findFirst().orElseThrow();
    List<String> names = new java.util.ArrayList<>();
    message.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("id",
        "idempotencyKey", "tenantId", "kind", "applicationId", "facilityId", "systemId", "status", "attempts",
        "lastError", "createdAt");
    assertThat(message.get("idempotencyKey").asText()).isEqualTo("tetsuzuki:demo-ku:offer:requeue:" + application);
    assertThat(message.get("attempts").asInt()).isEqualTo(6);
    assertThat(java.time.Instant.parse(message.get("createdAt").asText())).isBefore(java.time.Instant.now());
    // a page size outside 1..500 is refused naming limit, not clamped
    for (String limit : List.of("0", "501", "100000", "-1", "ten")) {
      Http.Response refused = admin.get("/api/v1/childcare/nursery-outbox?status=failed&limit=" + limit);
      assertThat(refused.status()).as(limit).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).isEqualTo("limit");
      assertThat(refused.json().get("messageJa").asText()).isEqualTo("limit は1から500までの整数で指定してください。");
    }
    assertThat(Http.as("staff-ku", port).get("/api/v1/childcare/nursery-outbox").status()).isEqualTo(403);
    assertThat(Http.as("nursery-ku", port).postJson("/api/v1/childcare/nursery-outbox/" + id + "/requeue",
        Map.of()).status()).isEqualTo(403);

    Http.Response requeued = admin.postJson("/api/v1/childcare/nursery-outbox/" + id + "/requeue", Map.of());
    assertThat(requeued.status()).as(requeued.body()).isEqualTo(200);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
        "delivered".equals(outbox.status(id)));
    Http.Response again = admin.postJson("/api/v1/childcare/nursery-outbox/" + id + "/requeue", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("messageJa").asText()).contains("再送できません");
    assertThat(admin.postJson("/api/v1/childcare/nursery-outbox/no-such-message/requeue", Map.of()).status())
        .isEqualTo(404);
    assertThat(admin.get("/api/v1/childcare/nursery-outbox?status=lost").status()).isEqualTo(400);
  }

  // --- helpers

  private void assertRefused(Http nursery, Map<String, Object> body, int status, String field, String japanese) {
    Http.Response response = nursery.header("Idempotency-Key", UUID.randomUUID().toString()).putJson(CAPACITIES,
        body);
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().get("field").asText()).isEqualTo(field);
    assertThat(response.json().get("messageJa").asText()).contains(japanese);
  }

  private Map<String, Object> snapshot(String tenant, Map<?, ?>... entries) {
    return Map.of("tenantId", tenant, "capacities", List.of(entries));
  }

  private Map<String, Object> entry(String facility, int age, int places) {
    return Map.of("facilityId", facility, "admissionMonth", month, "classAge", age, "capacity", places);
  }
}
