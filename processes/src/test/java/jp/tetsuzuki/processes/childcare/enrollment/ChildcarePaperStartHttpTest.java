package jp.tetsuzuki.processes.childcare.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
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
    String child = "紙 一郎 " + java.util.UUID.randomUUID().toString().substring(0, 6);
    paper.put(ChildcareEnrollment.PAPER_CHILD1_NAME, Map.of("value", child));
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

    // review C4: the intake rules of the API hold for paper too, and the message reaches the start form in Japanese.
    // An admission month already past:
    Map<String, Object> late = new HashMap<>(paper);
    late.put(ChildcareEnrollment.PAPER_ADMISSION_MONTH, Map.of("value", java.time.YearMonth.now(
        jp.tetsuzuki.bpmn.rules.JapanTime.ZONE).minusMonths(6).toString()));
    Http.Response past = staff.postJson(SUBMIT, Map.of("variables", late));
    assertThat(past.status()).as(past.body()).isEqualTo(400);
    assertThat(past.json().get("message").asText()).startsWith("入所希望月（").contains("）は過ぎています。今月以降を指定してください。");
    // the child of the paper again, on another paper (another guardian 1, the same guardian 2): refused naming it
    Map<String, Object> sameChild = new HashMap<>(paper);
    sameChild.put(ChildcareEnrollment.PAPER_GUARDIAN1_NAME, Map.of("value", "別の 保護者"));
    Http.Response duplicate = staff.postJson(SUBMIT, Map.of("variables", sameChild));
    assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(400);
    assertThat(duplicate.json().get("message").asText()).startsWith("同じ児童（氏名・生年月日・保護者が同じ）の 2027-03 入所の申込み（"
        + id + "）がすでにあります");
    // the paper wrote the child's keys: an outside system's application of the child is refused (without the id)
    Map<String, Object> api = Map.of("tenantId", "demo-ku", "admissionMonth", "2027-03",
        "guardians", List.of(Map.of("name", "紙 太郎", "reason", "work", "daysPerMonth", 20, "hoursPerDay", 8),
            Map.of("name", "アプリ 保護者", "reason", "work", "daysPerMonth", 20, "hoursPerDay", 8)),
        "children", List.of(Map.of("childId", "c1", "name", child, "birthDate", "2025-05-10",
            "preferences", List.of("kita-hoikuen"))));
    Http.Response afterPaper = Http.as("api-client", port).header("Idempotency-Key", java.util.UUID.randomUUID()
        .toString()).postJson("/api/v1/childcare/applications", api);
    assertThat(afterPaper.status()).as(afterPaper.body()).isEqualTo(409);
    assertThat(afterPaper.body()).doesNotContain(id);

    // leave nothing waiting for other tests' rounds: the office withdraws it for the parent
    assertThat(staff.postJson("/api/v1/childcare/applications/" + id + "/withdrawal", Map.of()).status())
        .isEqualTo(200);
  }
}
