package jp.tetsuzuki.processes.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Over-long text in the public API is a 400 naming the field, checked before the database (issue 8, item 9): a
 * 4,100-character applicant name used to answer 500 with the SQL statement in the body.
 */
@PlatformTest
class TextLimitsHttpTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private Http client() {
    return Http.as("api-client", port);
  }

  private static Map<String, Object> application(Map<String, Object> applicant, Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("procedureCode", "road-occupancy-permit");
    body.put("tenantId", "demo-ku");
    body.put("applicant", applicant);
    body.put("data", data);
    body.put("documents", List.of());
    return body;
  }

  private static Map<String, Object> road() {
    return new LinkedHashMap<>(Map.of("roadName", "区道1号", "occupancyFrom", "2027-01-04", "occupancyTo",
        "2027-03-31", "occupancyArea", 12.5));
  }

  private Http.Response apply(Map<String, Object> body) {
    return client().header("Idempotency-Key", "k-" + UUID.randomUUID()).postJson("/api/v1/applications", body);
  }

  @Test
  void aFourThousandCharacterApplicantNameIsABadRequestNamingTheField() {
    Long before = jdbc.queryForObject("SELECT COUNT(*) FROM tz_application", Long.class);
    Http.Response response = apply(application(Map.of("name", "長".repeat(4100)), road()));
    assertProblem(response, "applicant.name");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_application", Long.class)).isEqualTo(before);
  }

  @Test
  void everyApplicantFieldAndDataStringHasAMaximumLength() {
    assertProblem(apply(application(Map.of("name", "申請者", "email", "a".repeat(300) + "@example.invalid"),
        road())), "applicant.email");
    assertProblem(apply(application(Map.of("name", "申請者", "address", "東京都".repeat(400)), road())),
        "applicant.address");
    assertProblem(apply(application(Map.of("name", "申請者", "phone", "0".repeat(100)), road())),
        "applicant.phone");
    Map<String, Object> data = road();
    data.put("roadName", "道".repeat(25_000));
    assertProblem(apply(application(Map.of("name", "申請者"), data)), "data.roadName");
    assertProblem(client().header("Idempotency-Key", "k".repeat(201)).postJson("/api/v1/applications",
        application(Map.of("name", "申請者"), road())), "Idempotency-Key");
  }

  @Test
  void anOverlongWithdrawalReasonIsABadRequestAndTheApplicationStaysOpen() {
    Http.Response created = apply(application(Map.of("name", "取下げ 太郎"), road()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertProblem(client().postJson("/api/v1/applications/" + id + "/withdrawal",
        Map.of("reason", "理由".repeat(2500))), "reason");
    assertProblem(client().postJson("/api/v1/applications/" + id + "/corrections",
        Map.of("comment", "補正".repeat(2500), "data", Map.of("roadName", "区道2号"))), "comment");
    assertThat(client().get("/api/v1/applications/" + id).json().get("outcome").isNull()).isTrue();
  }

  static void assertProblem(Http.Response response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).as(response.body()).isEqualTo(field);
    assertThat(response.json().path("detail").asText()).as(response.body()).contains(field);
    assertThat(response.body()).doesNotContainIgnoringCase("insert").doesNotContain("SQL").doesNotContain("org.");
  }
}
