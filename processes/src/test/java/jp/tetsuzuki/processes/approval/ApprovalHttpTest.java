package jp.tetsuzuki.processes.approval;

import static jp.tetsuzuki.bpmn.ApprovalRoute.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff complete an approval route over HTTP as the Tasklist does (issue 4): two approvers through /engine-rest,
 * outsiders refused, the history readable in the public API per tenant, substitutes registered through the API.
 */
@PlatformTest
class ApprovalHttpTest {

  @LocalServerPort int port;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired ApprovalRulesDeployer deployer;
  @Autowired SubstituteRegistry registry;
  @Autowired SubstituteLinks substituteLinks;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  @Test
  void twoApproversCompleteTheRouteAndOutsidersCannotTouchIt() {
    String pid = startRoute("staff-ku");
    Http kacho = Http.as("kacho-ku", port);
    JsonNode task = singleTask(kacho, pid);
    String taskId = task.get("id").asText();
    assertThat(task.get("assignee").asText()).isEqualTo("kacho-ku");
    assertThat(task.get("name").asText()).isEqualTo("決裁する");
    JsonNode form = kacho.get("/engine-rest/task/" + taskId + "/deployed-form").json();
    assertThat(form.get("id").asText()).isEqualTo(FORM_APPROVE);
    assertThat(kacho.get("/engine-rest/task/" + taskId + "/form-variables").json()
        .get(ROUTE_HISTORY_TEXT).get("value").asText()).contains("起案").contains("課長");

    // neither approver nor substitute: the originator, a supervisor, a user of another tenant
    assertThat(Http.as("staff-ku", port).get("/engine-rest/task/" + taskId).status()).isEqualTo(404);
    assertThat(Http.as("staff-ku", port).postJson("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", vars(DECISION, DECISION_APPROVE))).status()).isIn(403, 404);
    Http.Response bySupervisor = Http.as("supervisor-ku", port).postJson("/engine-rest/task/" + taskId
        + "/complete", Map.of("variables", vars(DECISION, DECISION_APPROVE)));
    assertThat(bySupervisor.status()).as(bySupervisor.body()).isEqualTo(403);
    assertThat(Http.as("staff-shi", port).get("/engine-rest/task/" + taskId).status()).isEqualTo(404);
    // another tenant's task is "not found" for the engine; Camunda's REST layer answers that complete with 500
    // (as in ModuleWiringTest) — what matters here is that nothing happens
    assertThat(Http.as("staff-shi", port).postJson("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", vars(DECISION, DECISION_APPROVE))).status()).isIn(403, 404, 500);
    assertThat(singleTask(kacho, pid).get("id").asText()).isEqualTo(taskId);

    Http.Response bad = kacho.postJson("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", vars(DECISION, "maybe")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains(DECISION);

    Http.Response approved = kacho.postJson("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", vars(DECISION, DECISION_APPROVE, COMMENT, "確認済")));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);

    Http bucho = Http.as("bucho-ku", port);
    String second = singleTask(bucho, pid).get("id").asText();
    assertThat(bucho.postJson("/engine-rest/task/" + second + "/submit-form",
        Map.of("variables", vars(DECISION, DECISION_APPROVE, COMMENT, "決裁"))).status()).isEqualTo(204);

    var ended = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(ended.getEndActivityId()).isEqualTo(EVENT_APPROVED);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName(APPROVAL_OUTCOME)
        .singleResult().getValue()).isEqualTo(OUTCOME_APPROVED);

    JsonNode routeHistory = Http.as("staff-ku", port).get("/api/v1/approvals/" + pid + "/history").json();
    assertThat(routeHistory.get("status").asText()).isEqualTo("approved");
    List<String> actions = new ArrayList<>();
    routeHistory.get("actions").forEach(a -> actions.add(a.get("action").asText() + " " + a.get("actor").asText()));
    assertThat(actions).containsExactly("submitted staff-ku", "approved kacho-ku", "approved bucho-ku");
    assertThat(routeHistory.get("actions").get(1).get("comment").asText()).isEqualTo("確認済");
    assertThat(routeHistory.get("actions").get(1).get("actionLabel").asText()).isEqualTo("承認");
    assertThat(Http.as("staff-shi", port).get("/api/v1/approvals/" + pid + "/history").status()).isEqualTo(404);
    assertThat(Http.anonymous(port).get("/api/v1/approvals/" + pid + "/history").status()).isEqualTo(401);
    // N10 (second attacker pass): every member of the tenant read every 決裁. The approvers, the supervisors and the
    // originating department (都市計画課) read it; the inspector (検査担当 only) and the 会計管理者 do not
    assertThat(kacho.get("/api/v1/approvals/" + pid + "/history").status()).isEqualTo(200);
    assertThat(Http.as("supervisor-ku", port).get("/api/v1/approvals/" + pid + "/history").status()).isEqualTo(200);
    for (String outsider : List.of("kensa-ku", "kaikeikanri-ku")) {
      Http.Response refused = Http.as(outsider, port).get("/api/v1/approvals/" + pid + "/history");
      assertThat(refused.status()).as(outsider).isEqualTo(404);
      assertThat(refused.json().get("messageJa").asText()).as(outsider).contains("決裁が見つかりません");
    }
  }

  @Test
  void originatorWithdrawsThroughTheApiAndOthersAreRefused() {
    String pid = startRoute("staff-ku");
    Http.Response byOther = Http.as("kacho-ku", port).postJson("/api/v1/approvals/" + pid + "/withdrawal",
        Map.of("comment", "x"));
    assertThat(byOther.status()).isEqualTo(403);
    assertThat(byOther.json().path("messageJa").asText()).contains("引戻しできるのは起案者");
    Http.Response withdrawn = Http.as("staff-ku", port).postJson("/api/v1/approvals/" + pid + "/withdrawal",
        Map.of("comment", "再検討します"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(204);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId(EVENT_WITHDRAWN)
        .finished().count()).isOne();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName(APPROVAL_OUTCOME)
        .singleResult().getValue()).isEqualTo(OUTCOME_WITHDRAWN);
    assertThat(Http.as("staff-ku", port).postJson("/api/v1/approvals/" + pid + "/withdrawal", Map.of())
        .status()).isEqualTo(409);
  }

  @Test
  void substitutesAreRegisteredListedAndRemovedThroughTheApiAndActOnBehalf() {
    String today = LocalDate.now(JapanTime.ZONE).toString();
    String nextWeek = LocalDate.now(JapanTime.ZONE).plusDays(7).toString();
    Http bucho = Http.as("bucho-ku", port);

    Http.Response reversed = bucho.postJson("/api/v1/approvals/substitutes", Map.of("tenantId", "demo-ku",
        "substitute", "jicho-ku", "validFrom", nextWeek, "validTo", today));
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.json().get("field").asText()).isEqualTo("validTo");
    Http.Response malformed = bucho.postJson("/api/v1/approvals/substitutes", Map.of("tenantId", "demo-ku",
        "substitute", "jicho-ku", "validFrom", "2025/04/01", "validTo", nextWeek));
    assertThat(malformed.json().get("field").asText()).isEqualTo("validFrom");
    Http.Response unknown = bucho.postJson("/api/v1/approvals/substitutes", Map.of("tenantId", "demo-ku",
        "substitute", "jicho-ku", "validFrom", today, "validTo", nextWeek, "until", nextWeek));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("field").asText()).isEqualTo("until");
    Http.Response outsider = bucho.postJson("/api/v1/approvals/substitutes", Map.of("tenantId", "demo-ku",
        "substitute", "staff-shi", "validFrom", today, "validTo", nextWeek));
    assertThat(outsider.json().get("field").asText()).isEqualTo("substitute");

    // a route already waiting for the principal: the new substitute sees the task at once
    String pid = startRoute("staff-ku");
    Http kacho = Http.as("kacho-ku", port);
    kacho.postJson("/engine-rest/task/" + singleTask(kacho, pid).get("id").asText() + "/submit-form",
        Map.of("variables", vars(DECISION, DECISION_APPROVE)));
    Http jicho = Http.as("jicho-ku", port);
    assertThat(jicho.get("/engine-rest/task?maxResults=10&processInstanceId=" + pid).json()).isEmpty();

    Http.Response registered = bucho.postJson("/api/v1/approvals/substitutes", Map.of("tenantId", "demo-ku",
        "substitute", "jicho-ku", "validFrom", today, "validTo", nextWeek));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String id = registered.json().get("id").asText();
    assertThat(registered.json().get("principal").asText()).isEqualTo("bucho-ku");
    assertThat(bucho.get("/api/v1/approvals/substitutes?tenantId=demo-ku").json().toString()).contains(id);
    Http.Response notTheirs = jicho.postJson("/api/v1/approvals/substitutes", Map.of("tenantId", "demo-ku",
        "principal", "bucho-ku", "substitute", "kacho-ku", "validFrom", today, "validTo", nextWeek));
    assertThat(notTheirs.status()).isEqualTo(403);
    // jicho-ku is bucho-ku's substitute already: a substitute cannot appoint another
    assertThat(notTheirs.json().path("messageJa").asText()).isEqualTo(
        "代理者は、さらに代理者を指定できません（「bucho-ku」の代理）。");

    JsonNode task = jicho.get("/engine-rest/task?maxResults=10&processInstanceId=" + pid + "&candidateUser=jicho-ku"
        + "&includeAssignedTasks=true").json();
    assertThat(task).hasSize(1);
    assertThat(jicho.postJson("/engine-rest/task/" + task.get(0).get("id").asText() + "/submit-form",
        Map.of("variables", vars(DECISION, DECISION_APPROVE, COMMENT, "代理決裁"))).status()).isEqualTo(204);
    JsonNode last = Http.as("staff-ku", port).get("/api/v1/approvals/" + pid + "/history").json().get("actions")
        .get(2);
    assertThat(last.get("actor").asText()).isEqualTo("jicho-ku");
    assertThat(last.get("onBehalfOf").asText()).isEqualTo("bucho-ku");

    assertThat(Http.as("staff-shi", port).delete("/api/v1/approvals/substitutes/" + id).status()).isEqualTo(404);
    assertThat(bucho.delete("/api/v1/approvals/substitutes/" + id).status()).isEqualTo(204);
    assertThat(bucho.get("/api/v1/approvals/substitutes?tenantId=demo-ku").json().toString()).doesNotContain(id);
  }

  @Test
  void theDrafterRegisteredAsSubstituteIsNotOfferedTheTaskAndCannotApproveIt() {
    // attack review 3 A14: kacho-ku registered the drafter staff-ku as his substitute (201), and staff-ku approved
    // the route for him (204) — drafter = approver
    String today = LocalDate.now(JapanTime.ZONE).toString();
    String pid = startRoute("staff-ku");
    Http kacho = Http.as("kacho-ku", port);
    String taskId = singleTask(kacho, pid).get("id").asText();
    Http.Response registered = kacho.postJson("/api/v1/approvals/substitutes", Map.of("tenantId", "demo-ku",
        "substitute", "staff-ku", "validFrom", today, "validTo", today));
    // still registered: staff-ku may stand in for kacho-ku on routes they did not draft
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String id = registered.json().get("id").asText();
    try {
      Http staff = Http.as("staff-ku", port);
      assertThat(staff.get("/engine-rest/task/" + taskId).status()).isEqualTo(404);
      Http.Response refused = staff.postJson("/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", vars(DECISION, DECISION_APPROVE)));
      assertThat(refused.status()).as(refused.body()).isIn(403, 404);

      // a candidate link from before the rule (or set by hand) does not help: the route refuses, in Japanese
      taskService.addCandidateUser(taskId, "staff-ku");
      Http.Response stale = staff.postJson("/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", vars(DECISION, DECISION_APPROVE)));
      assertThat(stale.status()).as(stale.body()).isEqualTo(403);
      assertThat(stale.body()).contains("「staff-ku」はこの決裁の起案者のため、「kacho-ku」の代理・代決はできません");
      JsonNode routeHistory = staff.get("/api/v1/approvals/" + pid + "/history").json();
      assertThat(routeHistory.get("status").asText()).isEqualTo("in_progress");
      assertThat(routeHistory.get("actions")).hasSize(1);
      assertThat(singleTask(kacho, pid).get("id").asText()).isEqualTo(taskId);
    } finally {
      assertThat(kacho.delete("/api/v1/approvals/substitutes/" + id).status()).isEqualTo(204);
    }
  }

  @Test
  void tenantRouteTablesAreDeployedOncePerTenant() {
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_ROUTE_RULES)
        .tenantIdIn("demo-ku").count()).isPositive();
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_ROUTE_RULES)
        .tenantIdIn("demo-shi").count()).isPositive();
    assertThat(deployer.deployTenantTables()).isEmpty();
  }

  @Test
  void aDirectStartWithoutDepartmentIsTheStartersBadRequestNamingTheFieldNotAnEngineError() {
    // review (newcomer #23): the same start as the Tasklist's generic form, without 起案課, answered HTTP 500
    long before = instances();
    Http staff = Http.as("staff-ku", port);
    Http.Response missing = staff.postJson("/engine-rest/process-definition/key/" + ID + "/submit-form",
        Map.of("variables", vars(TENANT_ID, "demo-ku", SUBJECT, "備品購入の決裁", KIND, KIND_PROCEDURE)));
    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    assertThat(missing.body()).contains("起案課", DEPARTMENT).doesNotContain("ApprovalException");
    // every other bad input of the start form: a 400 naming its field, nothing started
    Map<String, Object> good = new java.util.HashMap<>(vars(TENANT_ID, "demo-ku", SUBJECT, "備品購入の決裁", KIND,
        KIND_PAYMENT, AMOUNT, 120000, DEPARTMENT, "doro"));
    for (Object[] bad : new Object[][] {
        {SUBJECT, null, "件名"}, {SUBJECT, "長".repeat(201), "件名"}, {KIND, "anything", "種別"},
        {AMOUNT, -1, "金額（円）"}, {AMOUNT, "十万", "金額（円）"}, {AMOUNT, 1e300, "1兆円以下"}, {DEPARTMENT, "kaikei", "起案課「kaikei」はあなたの所属課ではありません"},
        {SUMMARY, "長".repeat(4001), "概要"}}) {
      Map<String, Object> variables = new java.util.HashMap<>(good);
      variables.remove(bad[0]);
      if (bad[1] != null) {
        variables.putAll(vars((String) bad[0], bad[1]));
      }
      Http.Response refused = staff.postJson("/engine-rest/process-definition/key/" + ID + "/submit-form",
          Map.of("variables", variables));
      assertThat(refused.status()).as(bad[0] + "=" + bad[1] + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains((String) bad[2], (String) bad[0]);
    }
    // second review N2: a group of the caller's that is no 課 of the chart (supervisors) is no 起案課 either
    Map<String, Object> noKa = new java.util.HashMap<>(good);
    noKa.putAll(vars(DEPARTMENT, "supervisors"));
    Http.Response notAKa = Http.as("supervisor-ku", port).postJson("/engine-rest/process-definition/key/" + ID
        + "/submit-form", Map.of("variables", noKa));
    assertThat(notAKa.status()).as(notAKa.body()).isEqualTo(400);
    assertThat(notAKa.body()).contains("組織図の課ではありません", DEPARTMENT);
    assertThat(instances()).isEqualTo(before);

    // the form's fields alone start it: the starter is the originator, the 起案課 theirs
    Http.Response started = staff.postJson("/engine-rest/process-definition/key/" + ID + "/submit-form",
        Map.of("variables", good));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    assertThat(Http.as("admin", port).get("/engine-rest/process-instance/" + pid + "/variables/" + ORIGINATOR)
        .json().path("value").asText()).isEqualTo("staff-ku");
  }

  @Test
  void theStartFormOffersTheCallersOwnMunicipalityAndDepartmentsAndNoFreeTextTenant() {
    // review (newcomer #23): 決裁 showed Camunda's generic variable form in the Tasklist
    Http.Response form = Http.as("staff-ku", port).get("/engine-rest/process-definition/key/" + ID
        + "/deployed-start-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    JsonNode components = form.json().path("components");
    Map<String, JsonNode> byKey = new java.util.HashMap<>();
    components.forEach(c -> byKey.put(c.path("key").asText(), c));
    assertThat(byKey).containsKeys(TENANT_ID, SUBJECT, SUMMARY, KIND, AMOUNT, DEPARTMENT)
        .doesNotContainKeys(ORIGINATOR, PROCEDURE_CODE);
    assertThat(byKey.get(TENANT_ID).path("type").asText()).isEqualTo("select");
    assertThat(byKey.get(TENANT_ID).path("values").findValuesAsText("value")).containsExactly("demo-ku");
    assertThat(byKey.get(TENANT_ID).path("defaultValue").asText()).isEqualTo("demo-ku");
    assertThat(byKey.get(DEPARTMENT).path("type").asText()).isEqualTo("select");
    assertThat(byKey.get(DEPARTMENT).path("values").findValuesAsText("value")).contains("toshikeikaku", "doro")
        .doesNotContain("kaikei");
    assertThat(byKey.get(KIND).path("values").findValuesAsText("value")).containsExactlyInAnyOrder(KIND_PROCEDURE,
        KIND_PAYMENT);
    assertThat(byKey.get(SUBJECT).path("validate").path("maxLength").asInt()).isEqualTo(200);
    assertThat(byKey.get(AMOUNT).path("validate").path("min").asInt()).isZero();
    // another municipality's staff see their own
    assertThat(Http.as("staff-shi", port).get("/engine-rest/process-definition/key/" + ID + "/deployed-start-form")
        .json().path("components").findValues("values").toString()).doesNotContain("demo-ku");
  }

  private long instances() {
    return Http.as("admin", port).get("/engine-rest/process-instance/count?processDefinitionKey=" + ID).json()
        .path("count").asLong();
  }

  @Test
  void nobodyActsInAnotherPersonsNameOrTenant() {
    // filing a 決裁 in someone else's name, or in a municipality one does not belong to
    Http.Response forgedOriginator = Http.as("staff-ku", port).postJson("/engine-rest/process-definition/key/" + ID
        + "/start", Map.of("variables", vars(TENANT_ID, "demo-ku", SUBJECT, "なりすまし", KIND, KIND_PROCEDURE,
        AMOUNT, 0, DEPARTMENT, "toshikeikaku", ORIGINATOR, "kyokucho-ku")));
    // refused at the edge already: originator is no field of the start form (the starter is the originator)
    assertThat(forgedOriginator.status()).isEqualTo(400);
    assertThat(forgedOriginator.body()).contains(ORIGINATOR);
    Http.Response foreignTenant = Http.as("staff-shi", port).postJson("/engine-rest/process-definition/key/" + ID
        + "/start", Map.of("variables", vars(TENANT_ID, "demo-ku", SUBJECT, "他区", KIND, KIND_PROCEDURE,
        AMOUNT, 0, DEPARTMENT, "toshikeikaku")));
    assertThat(foreignTenant.status()).isEqualTo(403);

    // registering oneself as the 局長's substitute by overwriting camunda:initiator
    String today = LocalDate.now(JapanTime.ZONE).toString();
    Http.Response forgedInitiator = Http.as("staff-ku", port).postJson("/engine-rest/process-definition/key/"
        + jp.tetsuzuki.bpmn.ApprovalSubstituteRegistration.ID + "/start", Map.of("variables", vars(TENANT_ID,
        "demo-ku", "initiator", "kyokucho-ku", jp.tetsuzuki.bpmn.ApprovalSubstituteRegistration.SUBSTITUTE,
        "staff-ku", jp.tetsuzuki.bpmn.ApprovalSubstituteRegistration.VALID_FROM, today,
        jp.tetsuzuki.bpmn.ApprovalSubstituteRegistration.VALID_TO, today)));
    // refused at the edge already: initiator is no field of the registration's start form
    assertThat(forgedInitiator.status()).isEqualTo(400);
    assertThat(forgedInitiator.body()).contains("initiator");
    assertThat(Http.as("kyokucho-ku", port).get("/api/v1/approvals/substitutes?tenantId=demo-ku").body())
        .doesNotContain("\"substitute\":\"staff-ku\"");

    // a supervisor arranges substitutes for others, but cannot make themselves one
    Http.Response selfAppointed = Http.as("supervisor-ku", port).postJson("/api/v1/approvals/substitutes",
        Map.of("tenantId", "demo-ku", "principal", "kyokucho-ku", "substitute", "supervisor-ku",
            "validFrom", today, "validTo", today));
    assertThat(selfAppointed.status()).isEqualTo(403);

    // withdrawing someone's route by correlating the message directly
    String pid = startRoute("staff-ku");
    Http.Response forgedWithdrawal = Http.as("api-client", port).postJson("/engine-rest/message", Map.of(
        "messageName", MSG_WITHDRAWN, "processInstanceId", pid,
        "processVariables", vars(WITHDRAWN_BY, "staff-ku")));
    assertThat(forgedWithdrawal.status()).isGreaterThanOrEqualTo(400);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndTime())
        .isNull();
  }

  @Test
  void aRemovedSubstituteNoLongerSeesThePrincipalsTask() {
    String today = LocalDate.now(JapanTime.ZONE).toString();
    String pid = startRoute("staff-ku");
    Http kacho = Http.as("kacho-ku", port);
    kacho.postJson("/engine-rest/task/" + singleTask(kacho, pid).get("id").asText() + "/submit-form",
        Map.of("variables", vars(DECISION, DECISION_APPROVE)));
    Http bucho = Http.as("bucho-ku", port);
    String taskId = singleTask(bucho, pid).get("id").asText();
    Http jicho = Http.as("jicho-ku", port);
    String id = bucho.postJson("/api/v1/approvals/substitutes", Map.of("tenantId", "demo-ku",
        "substitute", "jicho-ku", "validFrom", today, "validTo", today)).json().get("id").asText();
    assertThat(jicho.get("/engine-rest/task/" + taskId).status()).isEqualTo(200);

    assertThat(bucho.delete("/api/v1/approvals/substitutes/" + id).status()).isEqualTo(204);
    assertThat(jicho.get("/engine-rest/task/" + taskId).status()).isEqualTo(404);
    assertThat(jicho.postJson("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", vars(DECISION, DECISION_APPROVE))).status()).isGreaterThanOrEqualTo(400);
    assertThat(bucho.get("/engine-rest/task/" + taskId).status()).isEqualTo(200);
  }

  @Test
  void substitutePeriodsTakeEffectOnTheirFirstDayAndEndAfterTheirLast() {
    java.time.LocalDate today = java.time.LocalDate.now(JapanTime.ZONE);
    String pid = startRoute("staff-ku");
    Http kacho = Http.as("kacho-ku", port);
    kacho.postJson("/engine-rest/task/" + singleTask(kacho, pid).get("id").asText() + "/submit-form",
        Map.of("variables", vars(DECISION, DECISION_APPROVE)));
    String taskId = singleTask(Http.as("bucho-ku", port), pid).get("id").asText();

    // registered earlier for a period that begins today: the task waiting for the principal becomes visible
    Substitute beginning = new Substitute(java.util.UUID.randomUUID().toString(), "demo-ku", "bucho-ku", "jicho-ku",
        today, today.plusDays(3), "bucho-ku", java.time.Instant.now());
    registry.insert(beginning);
    Http jicho = Http.as("jicho-ku", port);
    assertThat(jicho.get("/engine-rest/task/" + taskId).status()).isEqualTo(404);
    substituteLinks.synchronize();
    assertThat(jicho.get("/engine-rest/task/" + taskId).status()).isEqualTo(200);

    // a period that ended yesterday: the substitute linked during it loses the task
    Substitute ended = new Substitute(java.util.UUID.randomUUID().toString(), "demo-ku", "bucho-ku",
        "kacho-keiyaku-ku", today.minusDays(5), today.minusDays(1), "bucho-ku", java.time.Instant.now());
    registry.insert(ended);
    registry.claimLinking(ended.id(), java.time.Instant.now());
    taskService.addCandidateUser(taskId, "kacho-keiyaku-ku");
    Http keiyaku = Http.as("kacho-keiyaku-ku", port);
    assertThat(keiyaku.get("/engine-rest/task/" + taskId).status()).isEqualTo(200);
    substituteLinks.synchronize();
    assertThat(keiyaku.get("/engine-rest/task/" + taskId).status()).isEqualTo(404);
    assertThat(jicho.get("/engine-rest/task/" + taskId).status()).isEqualTo(200);
    // done once: a second run changes nothing
    substituteLinks.synchronize();
    assertThat(jicho.get("/engine-rest/task/" + taskId).status()).isEqualTo(200);
    assertThat(registry.dueForLinking(today)).extracting(Substitute::id).doesNotContain(beginning.id());
    assertThat(registry.dueForUnlinking(today)).extracting(Substitute::id).doesNotContain(ended.id());
  }

  private String startRoute(String originator) {
    Http.Response started = Http.as(originator, port).postJson("/engine-rest/process-definition/key/" + ID
        + "/start", Map.of("variables", vars(TENANT_ID, "demo-ku", SUBJECT, "道路占用許可の決定", KIND, KIND_PROCEDURE,
        AMOUNT, 0, DEPARTMENT, "toshikeikaku", ATTACHMENTS_TEXT, "doc-a")));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().get("id").asText();
  }

  private static JsonNode singleTask(Http user, String pid) {
    JsonNode tasks = user.get("/engine-rest/task?maxResults=10&processInstanceId=" + pid).json();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return variables;
  }
}
