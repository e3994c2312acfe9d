package jp.tetsuzuki.processes.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.integrations.municipalcsv.MunicipalCsvProperties;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The municipal CSV intake on the whole platform: a windows-31j file dropped into the inbox becomes applications
 * through the one application service as the route's service identity, visible to the tenant's staff through
 * {@code GET /api/v1/applications/{id}}; the ward's 到達日 is kept and checked as the catalog says (not in the
 * future, not older than {@code arrivalDateMaxAge}); refused rows are in the report with the service's own Japanese
 * sentence; the same file again registers nothing.
 */
@PlatformTest
class MunicipalCsvIntakePlatformTest {

  private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SERVICE = "svc-municipal-csv-intake";
  private static final String HEADER = "procedureCode,tenantId,receivedOn,applicantName,corporateNumber,email,"
      + "externalId,roadName,occupancyFrom,occupancyTo,occupancyArea";

  @LocalServerPort int port;
  @Autowired MunicipalCsvProperties properties;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theServiceIdentityServesTheDemoTenantsAndHoldsNoEngineGrant() {
    assertThat(properties.serviceUser()).isEqualTo(SERVICE);
    assertThat(identity.createGroupQuery().groupMember(SERVICE).list()).extracting(g -> g.getId())
        .containsExactly(Roles.INTEGRATIONS);
    assertThat(identity.createTenantQuery().userMember(SERVICE).list()).extracting(Tenant::getId)
        .containsExactlyInAnyOrder("demo-ku", "demo-shi");
    assertThat(authorizations.createAuthorizationQuery().userIdIn(SERVICE).count()).isZero();
  }

  @Test
  void aDroppedWindows31jFileBecomesApplicationsOfItsInboxsTenantAndItsBadRowsAreReported() throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now(JapanTime.ZONE);
    String name = "ward-" + run + ".csv";
    byte[] file = String.join("\r\n", HEADER,
        row(run + "-1", "demo-ku", today.minusDays(3), "区道工業～" + run, "12.5"),
        row(run + "-2", "demo-shi", today, "市道商事" + run, "3"),
        row(run + "-3", "demo-ku", today.plusDays(1), "未来日付" + run, "1"),
        row(run + "-4", "demo-ku", today.minusDays(91), "古すぎ" + run, "1"),
        row(run + "-5", "other-mura", today, "担当外" + run, "1"),
        row(run + "-6", "demo-ku", today, "面積不正" + run, "十")).concat("\r\n").getBytes(WINDOWS_31J);
    // review F18: デモ区's ward system writes into デモ区's inbox; its row for デモ市 (-2) must not become デモ市's
    drop("demo-ku", name, file);
    // デモ市's own ward system, its own inbox
    String shiName = "shi-" + run + ".csv";
    drop("demo-shi", shiName, String.join("\r\n", HEADER, row(run + "-7", "demo-shi", today, "市道商事" + run, "3"))
        .concat("\r\n").getBytes(WINDOWS_31J));

    Path failed = properties.failed("demo-ku").resolve(name);
    await().atMost(WAIT).until(() -> Files.exists(failed));
    await().atMost(WAIT).until(() -> Files.exists(properties.done("demo-shi").resolve(shiName)));
    String ku = applicationOf(run + "-1", "demo-ku");
    String shi = applicationOf(run + "-7", "demo-shi");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_idempotency_key WHERE client_id = ? AND idem_key LIKE ?",
        Integer.class, SERVICE, "%:" + run + "-2")).isZero();

    // the tenant's staff see the application through the public API; another tenant's staff do not
    Http.Response seen = Http.as("staff-ku", port).get("/api/v1/applications/" + ku);
    assertThat(seen.status()).as(seen.body()).isEqualTo(200);
    JsonNode view = seen.json();
    assertThat(view.get("tenantId").asText()).isEqualTo("demo-ku");
    assertThat(view.get("procedureCode").asText()).isEqualTo("road-occupancy-permit");
    assertThat(view.get("channel").asText()).isEqualTo("batch");
    assertThat(view.get("receivedOn").asText()).isEqualTo(today.minusDays(3).toString());
    assertThat(view.get("events").toString()).contains("申請が到達しました（到達日 " + today.minusDays(3));
    assertThat(Http.as("staff-shi", port).get("/api/v1/applications/" + ku).status()).isEqualTo(404);
    assertThat(Http.as("staff-shi", port).get("/api/v1/applications/" + shi).status()).isEqualTo(200);
    // the wave dash of windows-31j (0x8160) is stored as Windows means it: ～ U+FF5E
    assertThat(jdbc.queryForObject("SELECT applicant_json FROM tz_application WHERE id = ?", String.class, ku))
        .contains("区道工業\uFF5E" + run);

    List<String> report = List.of(new String(Files.readAllBytes(failed.resolveSibling(name + ".rejected.csv")),
        WINDOWS_31J).split("\r\n"));
    assertThat(report).hasSize(6);
    assertThat(report.get(1)).startsWith("3,\"tenantId\",\"" + run + "-2\",").contains("demo-shi",
        "受信フォルダーの自治体「demo-ku」と違います");
    assertThat(report.get(2)).startsWith("4,\"receivedOn\",\"" + run + "-3\",").contains("未来");
    assertThat(report.get(3)).startsWith("5,\"receivedOn\",\"" + run + "-4\",").contains(
        today.minusDays(90).toString());
    assertThat(report.get(4)).startsWith("6,\"tenantId\",\"" + run + "-5\",").contains("other-mura",
        "受信フォルダーの自治体「demo-ku」と違います");
    assertThat(report.get(5)).startsWith("7,\"occupancyArea\",\"" + run + "-6\",").contains("占用面積");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_idempotency_key WHERE client_id = ? AND idem_key LIKE ?",
        Integer.class, SERVICE, "%:" + run + "-%")).isEqualTo(2);

    // the same rows again in another file: found registered, nothing new; the file moves to done
    String again = "again-" + run + ".csv";
    drop("demo-ku", again, String.join("\r\n", HEADER, row(run + "-1", "demo-ku", today.minusDays(3), "区道工業～" + run, "12.5"))
        .concat("\r\n").getBytes(WINDOWS_31J));
    await().atMost(WAIT).until(() -> Files.exists(properties.done("demo-ku").resolve(again)));
    assertThat(applicationOf(run + "-1", "demo-ku")).isEqualTo(ku);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_application WHERE applicant_json LIKE ?", Integer.class,
        "%区道工業\uFF5E" + run + "%")).isOne();
  }

  private static String row(String externalId, String tenant, LocalDate receivedOn, String applicant, String area) {
    return "road-occupancy-permit," + tenant + "," + receivedOn + "," + applicant + ",,info@example.invalid,"
        + externalId + ",区道1号,2027-01-04,2027-03-31," + area;
  }

  private void drop(String tenant, String name, byte[] content) throws IOException {
    Path inbox = Files.createDirectories(properties.inbox(tenant));
    Path temp = inbox.resolve("." + name + ".tmp");
    Files.write(temp, content);
    Files.move(temp, inbox.resolve(name));
  }

  private String applicationOf(String externalId, String tenant) {
    return jdbc.queryForObject("SELECT application_id FROM tz_idempotency_key WHERE client_id = ? AND idem_key = ?",
        String.class, SERVICE, tenant + ":" + externalId);
  }
}
