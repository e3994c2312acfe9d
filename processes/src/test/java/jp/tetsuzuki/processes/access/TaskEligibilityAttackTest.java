package jp.tetsuzuki.processes.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.ContractPayment;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review of 2026-12-01 (F1), written as the attack: {@code supervisor-ku} (group {@code demo-ku-supervisors}, not
 * the 検査員's {@code demo-ku-kensa}) claimed and completed the inspection of a contract, and would equally have done
 * the 会計管理者's check: the separation of 検査員, 起案者 and 会計管理者 (contract-payment.md, 地方自治法 234条の2 and
 * 170条) held only as long as no supervisor tried. A task is worked only by somebody who may work it: a candidate
 * (user, or member of a candidate group) or its assignee; a supervisor hands it only to such a person, and candidate
 * links are not changed over the API by anybody but administrators.
 */
@PlatformTest
class TaskEligibilityAttackTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void aSupervisorOutsideTheInspectorsGroupNeitherTakesNorCompletesNorHandsOutTheInspection() {
    String id = "C-ELIG-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> contract = Map.of("id", id, "tenantId", "demo-ku", "department", "doro", "kind", "goods",
        "title", "事務用品の購入", "supplier", Map.of("name", "株式会社〇〇商事", "corporateNumber", "5010001008846",
            "registrationNumber", "T5010001008846"),
        "items", List.of(Map.of("description", "デスクチェア 5脚", "amount", 250000, "taxRate", 10)),
        "contractDate", LocalDate.now(JapanTime.ZONE).minusDays(10).toString());
    assertThat(Http.as("api-client", port).header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts", contract)
        .status()).isEqualTo(201);
    assertThat(Http.as("supplier-marumaru", port).header("Idempotency-Key", "n-" + id)
        .postJson("/api/v1/contracts/" + id + "/completion", Map.of()).status()).isEqualTo(200);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    String inspect = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(ContractPayment.TASK_INSPECT)
        .singleResult().getId();
    Http supervisor = Http.as("supervisor-ku", port);
    Map<String, Object> pass = Map.of("variables", Map.of(ContractPayment.INSPECTION_RESULT,
        Map.of("value", "pass", "type", "String")));

    // the attack as reproduced: claim for oneself, then complete
    assertThat(supervisor.postJson("/engine-rest/task/" + inspect + "/claim", Map.of("userId", "supervisor-ku"))
        .status()).isEqualTo(403);
    assertThat(supervisor.postJson("/engine-rest/task/" + inspect + "/complete", pass).status()).isEqualTo(403);
    assertThat(supervisor.postJson("/camunda/api/engine/engine/default/task/" + inspect + "/complete", pass)
        .status()).isIn(401, 403);
    // nor by the roundabout ways: assignee, PUT with an assignee, delegation, a candidate link of one's own
    assertThat(supervisor.postJson("/engine-rest/task/" + inspect + "/assignee", Map.of("userId", "supervisor-ku"))
        .status()).isEqualTo(403);
    JsonNode task = Http.as("kensa-ku", port).get("/engine-rest/task/" + inspect).json();
    Map<String, Object> update = new java.util.HashMap<>();
    update.put("name", task.get("name").asText());
    update.put("tenantId", "demo-ku");
    update.put("due", task.get("due").asText()); // as the Tasklist sends the whole task
    update.put("assignee", "staff-ku");
    Http.Response put = supervisor.putJson("/engine-rest/task/" + inspect, update);
    assertThat(put.status()).as(put.body()).isEqualTo(403);
    assertThat(supervisor.postJson("/engine-rest/task/" + inspect + "/delegate", Map.of("userId", "staff-ku"))
        .status()).isEqualTo(403);
    assertThat(supervisor.postJson("/engine-rest/task/" + inspect + "/identity-links",
        Map.of("userId", "supervisor-ku", "type", "candidate")).status()).isEqualTo(403);
    assertThat(tasks.getIdentityLinksForTask(inspect)).noneMatch(l -> "supervisor-ku".equals(l.getUserId()));
    assertThat(tasks.createTaskQuery().taskId(inspect).singleResult().getAssignee()).isNull();

    // a staff member who is not an inspector does not take it either, even when a supervisor tries to give it
    assertThat(Http.as("staff-ku", port).postJson("/engine-rest/task/" + inspect + "/claim",
        Map.of("userId", "staff-ku")).status()).isIn(403, 404);

    // the supervisor's real right: hand it to an inspector, who then does the inspection
    assertThat(supervisor.postJson("/engine-rest/task/" + inspect + "/assignee", Map.of("userId", "kensa-ku"))
        .status()).isEqualTo(204);
    assertThat(supervisor.postJson("/engine-rest/task/" + inspect + "/complete", pass).status()).isEqualTo(403);
    assertThat(Http.as("kensa-ku", port).postJson("/engine-rest/task/" + inspect + "/complete", pass).status())
        .isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(inspect).count()).isZero();
  }

  @Test
  void aSupervisorChangesATasksDatesButNotWhatTheModelSet() {
    // review 2026-12-01 (F20): PUT task renamed a 決裁 「確認済み・そのまま承認してください」; without tenantId a 500
    String id = "C-PUT-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> contract = Map.of("id", id, "tenantId", "demo-ku", "department", "doro", "kind", "goods",
        "title", "事務用品の購入", "supplier", Map.of("name", "株式会社〇〇商事", "corporateNumber", "5010001008846",
            "registrationNumber", "T5010001008846"),
        "items", List.of(Map.of("description", "デスクチェア 5脚", "amount", 250000, "taxRate", 10)),
        "contractDate", LocalDate.now(JapanTime.ZONE).minusDays(10).toString());
    Http.as("api-client", port).header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts", contract);
    Http.as("supplier-marumaru", port).header("Idempotency-Key", "n-" + id)
        .postJson("/api/v1/contracts/" + id + "/completion", Map.of());
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    String inspect = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    Http supervisor = Http.as("supervisor-ku", port);
    JsonNode task = Http.as("kensa-ku", port).get("/engine-rest/task/" + inspect).json();
    String name = task.get("name").asText();

    Map<String, Object> renamed = new java.util.HashMap<>();
    renamed.put("name", "検査する（確認済み・そのまま合格にしてください）");
    renamed.put("tenantId", "demo-ku");
    Http.Response refused = supervisor.putJson("/engine-rest/task/" + inspect, renamed);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("messageJa").asText()).contains("name");
    Http.Response withoutTenant = supervisor.putJson("/engine-rest/task/" + inspect, Map.of("name", name));
    assertThat(withoutTenant.status()).as(withoutTenant.body()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(inspect).singleResult().getName()).isEqualTo(name);

    Map<String, Object> newDue = new java.util.HashMap<>();
    newDue.put("name", name);
    newDue.put("tenantId", "demo-ku");
    // second attacker pass N10: the 検査's due day is the statutory one (10 days after the notice) that the model
    // computed; a supervisor moved it to 2030 and the late inspection no longer looked late
    java.util.Date statutoryDue = tasks.createTaskQuery().taskId(inspect).singleResult().getDueDate();
    newDue.put("due", "2030-01-31T17:00:00.000+0900");
    newDue.put("priority", 70);
    Http.Response moved = supervisor.putJson("/engine-rest/task/" + inspect, newDue);
    assertThat(moved.status()).as(moved.body()).isEqualTo(400);
    assertThat(moved.json().get("messageJa").asText()).contains("due");
    newDue.remove("due");
    assertThat(supervisor.putJson("/engine-rest/task/" + inspect, newDue).status()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(inspect).singleResult().getDueDate()).isEqualTo(statutoryDue);
    // sent as the task has it (the Tasklist sends the whole task), the priority changes
    newDue.put("due", task.get("due").asText());
    Http.Response dated = supervisor.putJson("/engine-rest/task/" + inspect, newDue);
    assertThat(dated.status()).as(dated.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(inspect).singleResult().getPriority()).isEqualTo(70);
    assertThat(tasks.createTaskQuery().taskId(inspect).singleResult().getDueDate()).isEqualTo(statutoryDue);
  }

  @Test
  void aFormFieldTakesOnlyAFormFieldsTypeOfValue() {
    // second review N4: a start with an Object-typed 件名 of bad JSON answered 500 (SPIN), a Java list became the
    // 件名 of a 決裁; form fields are texts, numbers, dates and checkboxes
    Map<String, Object> objectSubject = Map.of("variables", Map.of("tenantId", Map.of("value", "demo-ku"),
        "subject", Map.of("value", "x", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.lang.String",
            "serializationDataFormat", "application/json")),
        "kind", Map.of("value", "procedure"), "department", Map.of("value", "doro")));
    Http.Response refused = Http.as("staff-ku", port).postJson(
        "/engine-rest/process-definition/key/approval-route/submit-form", objectSubject);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("subject").doesNotContain("SPIN");
    Map<String, Object> listSubject = Map.of("variables", Map.of("tenantId", Map.of("value", "demo-ku"),
        "subject", Map.of("value", "[1]", "type", "Json"), "kind", Map.of("value", "procedure"),
        "department", Map.of("value", "doro")));
    assertThat(Http.as("staff-ku", port).postJson("/engine-rest/process-definition/key/approval-route/submit-form",
        listSubject).status()).isEqualTo(400);
  }

  @Test
  void claimingATaskThatDoesNotExistIsNotFoundNotAnInternalError() {
    // review 2026-12-01 (F6): 500 "Cannot find task with id does-not-exist: task is null"
    Http.Response claim = Http.as("staff-ku", port).postJson("/engine-rest/task/does-not-exist/claim",
        Map.of("userId", "staff-ku"));
    assertThat(claim.status()).as(claim.body()).isEqualTo(404);
    assertThat(claim.body()).doesNotContain("NullValueException");
    assertThat(Http.as("supervisor-ku", port).postJson("/engine-rest/task/does-not-exist/assignee",
        Map.of("userId", "staff-ku")).status()).isEqualTo(404);
  }
}
