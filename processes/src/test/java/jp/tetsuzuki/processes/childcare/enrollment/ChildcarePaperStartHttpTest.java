package jp.tetsuzuki.processes.childcare.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist start form of {@code childcare-enrollment} over the engine REST API as the Tasklist sends it: only the
 * form's fields pass the edge, the case belongs to the staff member's 保育課 tenant, the application service checks
 * and stores the paper, a second submit of the same paper is refused.
 */
@PlatformTest
class ChildcarePaperStartHttpTest {

  private static final String SUBMIT = "/engine-rest/process-definition/key/" + ChildcareEnrollment.ID
      + "/submit-form";

  @LocalServerPort int port;

  @Test
  void childcareStaffRegisterAPaperApplicationOnceForTheirOwnTenant() {
    Http staff = Http.as("staff-ku", port);
    String form = staff.get("/engine-rest/process-definition/key/" + ChildcareEnrollment.ID
        + "/deployed-start-form").body();
    assertThat(form).contains("紙の申込書の登録").contains("入所希望月");

    Map<String, Object> paper = new HashMap<>();
    paper.put(ChildcareEnrollment.PAPER_ADMISSION_MONTH, Map.of("value", "2027-03"));
    // a paper of its own on every run (a database kept between runs holds the papers of earlier runs)
    paper.put(ChildcareEnrollment.PAPER_GUARDIAN1_NAME, Map.of("value", "紙 花子 " + java.util.UUID.randomUUID()
        .toString().substring(0, 8)));
    paper.put(ChildcareEnrollment.PAPER_GUARDIAN1_REASON, Map.of("value", "work"));
    paper.put(ChildcareEnrollment.PAPER_GUARDIAN1_DAYS_PER_MONTH, Map.of("value", 20, "type", "Long"));
    paper.put(ChildcareEnrollment.PAPER_GUARDIAN1_HOURS_PER_DAY, Map.of("value", 8, "type", "Long"));
    paper.put(ChildcareEnrollment.PAPER_GUARDIAN2_NAME, Map.of("value", "紙 太郎"));
    paper.put(ChildcareEnrollment.PAPER_GUARDIAN2_REASON, Map.of("value", "work"));
    paper.put(ChildcareEnrollment.PAPER_GUARDIAN2_DAYS_PER_MONTH, Map.of("value", 16, "type", "Long"));
    paper.put(ChildcareEnrollment.PAPER_GUARDIAN2_HOURS_PER_DAY, Map.of("value", 6.0, "type", "Double"));
    paper.put(ChildcareEnrollment.PAPER_CHILD1_NAME, Map.of("value", "紙 一郎"));
    paper.put(ChildcareEnrollment.PAPER_CHILD1_BIRTH_DATE, Map.of("value", "2025-05-10"));
    paper.put(ChildcareEnrollment.PAPER_CHILD1_PREFERENCES, Map.of("value", "higashi-hoikuen、 kita-hoikuen"));

    // a variable the form does not have (a tenant, an application id) is refused at the edge
    for (String foreign : new String[] {"tenantId", ChildcareEnrollment.APPLICATION_ID}) {
      Map<String, Object> forged = new HashMap<>(paper);
      forged.put(foreign, Map.of("value", "demo-shi"));
      Http.Response refused = staff.postJson(SUBMIT, Map.of("variables", forged));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains(foreign);
    }
    // staff outside 保育課 cannot register it
    Http.Response notHoiku = Http.as("kensa-ku", port).postJson(SUBMIT, Map.of("variables", paper));
    assertThat(notHoiku.status()).as(notHoiku.body()).isEqualTo(403);

    Http.Response started = staff.postJson(SUBMIT, Map.of("variables", paper));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().get("businessKey").asText();
    assertThat(started.json().get("tenantId").asText()).isEqualTo("demo-ku");
    ChildcareWithdrawalHttpTest.confirmDeclaration(port, started.json().get("id").asText());
    JsonNode application = staff.get("/api/v1/childcare/applications/" + id).json();
    assertThat(application.get("tenantId").asText()).isEqualTo("demo-ku");
    assertThat(application.get("stage").asText()).isEqualTo("awaiting-round");
    // 20 days × 8 h = 20, 16 days × 6 h = 16 (デモ区, Shinagawa-style)
    assertThat(application.get("points").asInt()).isEqualTo(36);
    assertThat(application.get("events").findValuesAsText("kind")).contains("paper-registered", "points");

    // the same paper again: refused naming the first application, nothing started
    Http.Response twice = staff.postJson(SUBMIT, Map.of("variables", paper));
    assertThat(twice.status()).as(twice.body()).isEqualTo(400);
    assertThat(twice.body()).contains("この申込書は既に登録されています").contains(id);

    // leave nothing waiting for other tests' rounds: the office withdraws it for the parent
    assertThat(staff.postJson("/api/v1/childcare/applications/" + id + "/withdrawal", Map.of()).status())
        .isEqualTo(200);
  }
}
