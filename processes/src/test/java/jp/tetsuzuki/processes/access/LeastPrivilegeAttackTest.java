package jp.tetsuzuki.processes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.support.Cases;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8 items 1, 2, 3 and 6, each written as the attack that worked before: an outside system withdrawing every
 * open application, reading personal data, changing a case's variables, firing its timers and working its external
 * tasks; a start or a modification that skips review and 決裁; a reviewer choosing the approvers or rerouting the
 * 決裁 with extra variables, and an approver rewriting what the next approver is shown.
 */
@PlatformTest
class LeastPrivilegeAttackTest {

  @Value("${server.port}") int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void noAuthenticationLeftOnTheTestThread() {
    identity.clearAuthentication();
  }

  private Http apiClient() {
    return Http.as("api-client", port);
  }

  /** An application of デモ区 from the outside system; complete ones go to review, the others wait for 補正. */
  private JsonNode apply(boolean complete) {
    List<Map<String, String>> documents = new ArrayList<>();
    if (complete) {
      for (String kind : List.of("application-form", "location-map", "floor-plan", "work-schedule")) {
        documents.add(Map.of("documentId", Cases.upload(apiClient(), "demo-ku", Cases.pdf(kind)), "kind", kind));
      }
    }
    Http.Response created = apiClient().header("Idempotency-Key", "attack-" + UUID.randomUUID())
        .postJson("/api/v1/applications", Cases.roadApplication(documents));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    if (complete) {
      // the document-inspection worker looks at the files first; then the case is at review
      String id = created.json().get("id").asText();
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> status(id),
          "under-review"::equals);
    }
    return created.json();
  }

  private String status(String applicationId) {
    return apiClient().get("/api/v1/applications/" + applicationId).json().get("status").asText();
  }

  @Test
  void item1_anOutsideSystemCannotWithdrawEveryOpenApplicationOfAMunicipality() {
    JsonNode open = apply(false);
    Map<String, Object> attack = Map.of("messageName", AdministrativeProcedure.MSG_WITHDRAWAL_REQUESTED, "all", true,
        "tenantId", "demo-ku");
    Http.Response byOutsideSystem = apiClient().postJson("/engine-rest/message", attack);
    assertThat(byOutsideSystem.status()).as(byOutsideSystem.body()).isEqualTo(403);
    // staff may not correlate by hand either (the platform's withdrawal API does it for them after its checks)
    assertThat(Http.as("staff-ku", port).postJson("/engine-rest/message", attack).status()).isEqualTo(403);
    assertThat(status(open.get("id").asText())).isEqualTo("awaiting-correction");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(open.get("processInstanceId").asText())
        .count()).isOne();
    // inside the engine too: a staff member's Java call is refused whatever their grants
    identity.setAuthentication("staff-ku", List.of(Roles.STAFF), List.of("demo-ku"));
    assertThatThrownBy(() -> runtime.createMessageCorrelation(AdministrativeProcedure.MSG_WITHDRAWAL_REQUESTED)
        .tenantId("demo-ku").correlateAll()).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void item2_anOutsideSystemHoldsNoEngineRightAtAll() {
    JsonNode open = apply(false);
    String pid = open.get("processInstanceId").asText();
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(Roles.API_CLIENTS).count())
        .as("grants of the outside systems' group").isZero();

    Http api = apiClient();
    assertThat(api.get("/engine-rest/history/variable-instance?variableName=applicantName&maxResults=10").status())
        .isEqualTo(403);
    assertThat(api.putJson("/engine-rest/process-instance/" + pid + "/variables/proposedDecision",
        Map.of("value", "grant", "type", "String")).status()).isEqualTo(403);
    assertThat(runtime.getVariable(pid, AdministrativeProcedure.PROPOSED_DECISION)).isNull();

    String deadline = management.createJobQuery().processInstanceId(pid).timers().list().get(0).getId();
    assertThat(api.postJson("/engine-rest/job/" + deadline + "/execute", Map.of()).status()).isEqualTo(403);
    assertThat(management.createJobQuery().jobId(deadline).count()).isOne();
    assertThat(status(open.get("id").asText())).isEqualTo("awaiting-correction");

    assertThat(api.postJson("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "intruder", "maxTasks", 10,
        "topics", List.of(Map.of("topicName", "notify-applicant", "lockDuration", 60000)))).status()).isEqualTo(403);
    assertThat(api.postJson("/engine-rest/external-task/any-task/complete", Map.of("workerId", "intruder"))
        .status()).isEqualTo(403);
    // staff and supervisors do not fire timers early either; in the engine the guard refuses it for anyone but
    // administrators, even with an engine grant that would allow it
    assertThat(Http.as("supervisor-ku", port).postJson("/engine-rest/job/" + deadline + "/execute", Map.of())
        .status()).isEqualTo(403);
    identity.setAuthentication("worker", List.of(Roles.WORKERS), List.of("demo-ku"));
    assertThatThrownBy(() -> management.executeJob(deadline)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.setVariable(pid, AdministrativeProcedure.PROPOSED_DECISION, "grant"))
        .isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();
    assertThat(management.createJobQuery().jobId(deadline).count()).isOne();
  }

  @Test
  void item3_nobodyButAnAdministratorStartsACasePastItsStepsAndNoStepActsOnAnotherCasesApplication() {
    JsonNode victim = apply(false);
    String applicationId = victim.get("id").asText();
    Map<String, Object> skipToGrant = Map.of(
        "variables", Map.of("tenantId", Map.of("value", "demo-ku"),
            AdministrativeProcedure.APPLICATION_ID, Map.of("value", applicationId)),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
            AdministrativeProcedure.TASK_GRANT)));
    String start = "/engine-rest/process-definition/key/" + AdministrativeProcedure.ID + "/start";
    for (String attacker : List.of("api-client", "staff-ku", "supervisor-ku", "designer")) {
      Http.Response response = Http.as(attacker, port).postJson(start, skipToGrant);
      assertThat(response.status()).as(attacker + ": " + response.body()).isEqualTo(403);
    }
    // a modification of a running case past its review
    String pid = victim.get("processInstanceId").asText();
    Http.Response moved = Http.as("staff-ku", port).postJson("/engine-rest/process-instance/" + pid
        + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
        AdministrativeProcedure.TASK_GRANT))));
    assertThat(moved.status()).isEqualTo(403);
    // the engine refuses the same through the Java API for staff (their CREATE_INSTANCE grant is not enough)
    identity.setAuthentication("staff-ku", List.of(Roles.STAFF), List.of("demo-ku"));
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey(AdministrativeProcedure.ID)
        .setVariable("tenantId", "demo-ku").setVariable(AdministrativeProcedure.APPLICATION_ID, applicationId)
        .startBeforeActivity(AdministrativeProcedure.TASK_GRANT).execute()).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.createProcessInstanceModification(pid)
        .startBeforeActivity(AdministrativeProcedure.TASK_GRANT).execute()).isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();

    // even an administrator's repair cannot record a disposition on an application another case handles, nor
    // on one that skipped review and 決裁
    Http.Response repair = Http.as("admin", port).postJson(start, skipToGrant);
    assertThat(repair.status()).as(repair.body()).isIn(400, 403);
    assertThat(repair.body()).contains("is not the application of case");
    Http.Response modified = Http.as("admin", port).postJson("/engine-rest/process-instance/" + pid
        + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
        AdministrativeProcedure.TASK_GRANT))));
    assertThat(modified.status()).as(modified.body()).isIn(400, 403);
    assertThat(modified.body()).contains("has not been through review and decision");
    JsonNode after = apiClient().get("/api/v1/applications/" + applicationId).json();
    assertThat(after.get("status").asText()).isEqualTo("awaiting-correction");
    assertThat(after.path("outcome").isNull() || after.path("outcome").isMissingNode()).isTrue();
  }

  @Test
  void item6_theReviewerNeitherChoosesTheApproversNorReroutesTheDecision() {
    JsonNode application = apply(true);
    String pid = application.get("processInstanceId").asText();
    String otherApplication = apply(false).get("id").asText();
    Http staff = Http.as("staff-ku", port);
    String review = tasks.createTaskQuery().processInstanceId(pid)
        .taskDefinitionKey(AdministrativeProcedure.TASK_REVIEW).singleResult().getId();

    // staff cannot hand the review to the 部長 (whose own step would then be skipped as the originator's)
    assertThat(staff.postJson("/engine-rest/task/" + review + "/assignee", Map.of("userId", "bucho-ku")).status())
        .isEqualTo(403);
    // nor submit a task a supervisor assigned to somebody else: the originator is who completes, as authenticated
    assertThat(Http.as("supervisor-ku", port).postJson("/engine-rest/task/" + review + "/assignee",
        Map.of("userId", "bucho-ku")).status()).isEqualTo(204);
    Map<String, Object> proposal = Map.of("variables", Map.of(
        AdministrativeProcedure.REVIEW_SUMMARY, Map.of("value", "基準に適合", "type", "String"),
        AdministrativeProcedure.PROPOSED_DECISION, Map.of("value", AdministrativeProcedure.PROPOSED_GRANT)));
    Http.Response asSomebodyElse = staff.postJson("/engine-rest/task/" + review + "/submit-form", proposal);
    assertThat(asSomebodyElse.status()).as(asSomebodyElse.body()).isIn(400, 403);
    assertThat(asSomebodyElse.body()).contains("bucho-ku");
    assertThat(tasks.createTaskQuery().taskId(review).count()).isOne();
    Http.as("supervisor-ku", port).postJson("/engine-rest/task/" + review + "/assignee", Map.of("userId", "staff-ku"));

    // extra variables on submit that would reroute the 決裁 or write the disposition onto another application
    Http.Response rerouted = staff.postJson("/engine-rest/task/" + review + "/submit-form", Map.of("variables", Map.of(
        AdministrativeProcedure.REVIEW_SUMMARY, Map.of("value", "基準に適合", "type", "String"),
        AdministrativeProcedure.PROPOSED_DECISION, Map.of("value", AdministrativeProcedure.PROPOSED_GRANT),
        AdministrativeProcedure.REVIEW_DEPARTMENT, Map.of("value", "kaikei"),
        AdministrativeProcedure.APPLICATION_ID, Map.of("value", otherApplication),
        "amount", Map.of("value", 0, "type", "Long"))));
    assertThat(rerouted.status()).as(rerouted.body()).isEqualTo(400);
    assertThat(rerouted.body()).contains("amount").contains(AdministrativeProcedure.APPLICATION_ID)
        .contains(AdministrativeProcedure.REVIEW_DEPARTMENT);
    assertThat(tasks.createTaskQuery().taskId(review).count()).isOne();

    // the honest submission: display-only fields sent along are dropped, the route is the 課長 then the 部長
    Map<String, Object> withDisplayField = Map.of("variables", Map.of(
        AdministrativeProcedure.REVIEW_SUMMARY, Map.of("value", "基準に適合", "type", "String"),
        AdministrativeProcedure.PROPOSED_DECISION, Map.of("value", AdministrativeProcedure.PROPOSED_GRANT),
        AdministrativeProcedure.APPLICANT_NAME, Map.of("value", "書き換えた申請者", "type", "String")));
    Http.Response reviewed = staff.postJson("/engine-rest/task/" + review + "/submit-form", withDisplayField);
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(204);
    assertThat(runtime.getVariable(pid, AdministrativeProcedure.APPLICANT_NAME)).isEqualTo("デモ建設株式会社");
    assertThat(runtime.getVariable(pid, AdministrativeProcedure.REVIEWER)).isEqualTo("staff-ku");
    String route = runtime.createProcessInstanceQuery().superProcessInstanceId(pid).singleResult().getId();
    String first = tasks.createTaskQuery().processInstanceId(route).singleResult().getAssignee();
    assertThat(first).isEqualTo("kacho-ku");

    // approver 1 tries to rewrite the summary approver 2 is shown
    String kachoTask = tasks.createTaskQuery().processInstanceId(route).singleResult().getId();
    Http.Response approved = Http.as("kacho-ku", port).postJson("/engine-rest/task/" + kachoTask + "/submit-form",
        Map.of("variables", Map.of(
            ApprovalRoute.DECISION, Map.of("value", ApprovalRoute.DECISION_APPROVE, "type", "String"),
            ApprovalRoute.SUMMARY, Map.of("value", "問題なし（部長確認不要）", "type", "String"))));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    var second = tasks.createTaskQuery().processInstanceId(route).singleResult();
    assertThat(second.getAssignee()).isEqualTo("bucho-ku");
    JsonNode shown = Http.as("bucho-ku", port).get("/engine-rest/task/" + second.getId() + "/form-variables").json();
    assertThat(shown.get(ApprovalRoute.SUMMARY).get("value").asText()).isEqualTo("基準に適合");
  }

  @Test
  void review_aPercentEncodedPathDoesNotSkipTheFormAllowList() {
    // found in review: the edge looked the definition up by the raw path, the engine decoded it
    Map<String, Object> variables = Map.of("variables", Map.of("tenantId", Map.of("value", "demo-ku"),
        "evilVar", Map.of("value", "x")));
    Http staff = Http.as("staff-ku", port);
    Http.Response encoded = staff.postJson("/engine-rest/process-definition/key/%61dministrative-procedure/submit-form",
        variables);
    assertThat(encoded.status()).as(encoded.body()).isEqualTo(400);
    String review = tasks.createTaskQuery().processInstanceId(apply(true).get("processInstanceId").asText())
        .singleResult().getId();
    String encodedTask = "%" + Integer.toHexString(review.charAt(0)) + review.substring(1);
    assertThat(staff.postJson("/engine-rest/task/" + encodedTask + "/complete", Map.of("variables",
        Map.of("injected", Map.of("value", "yes")))).status()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(review).count()).isOne();
  }

  @Test
  void review_staffSeeTheirOwnGroupsOnlyAndAnotherTenantsTaskIsNotFound() {
    Http staff = Http.as("staff-ku", port);
    assertThat(staff.get("/engine-rest/identity/groups?userId=staff-ku").status()).isEqualTo(200);
    assertThat(staff.get("/engine-rest/identity/groups?userId=kacho-shi").status()).isEqualTo(403);
    String review = tasks.createTaskQuery().processInstanceId(apply(true).get("processInstanceId").asText())
        .singleResult().getId();
    Http.Response foreign = Http.as("staff-shi", port).postJson("/engine-rest/task/" + review + "/claim",
        Map.of("userId", "staff-shi"));
    assertThat(foreign.status()).as(foreign.body()).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
  }

  @Test
  void review_staffClaimTasksForThemselvesOnly() {
    String review = tasks.createTaskQuery().processInstanceId(apply(true).get("processInstanceId").asText())
        .singleResult().getId();
    Http staff = Http.as("staff-ku", port);
    assertThat(staff.postJson("/engine-rest/task/" + review + "/claim", Map.of("userId", "bucho-ku")).status())
        .isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
    assertThat(staff.postJson("/engine-rest/task/" + review + "/claim", Map.of("userId", "staff-ku")).status())
        .isEqualTo(204);
    // a colleague cannot give somebody else's task back to the group (and then take it); giving a task back is a
    // supervisor's (the engine's TASK_WORK grant lets staff claim and complete, not reassign)
    assertThat(Http.as("kacho-ku", port).postJson("/engine-rest/task/" + review + "/unclaim", Map.of()).status())
        .isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isEqualTo("staff-ku");
  }

  @Test
  void review_aTenantDesignersModelCannotDriveTheProcedureGlue() {
    // found in review: a timer start runs as nobody; the glue then registered and granted an application
    String key = "glue-" + UUID.randomUUID().toString().substring(0, 8);
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Glue"
            targetNamespace="http://tetsuzuki.jp/test">
          <bpmn:process id="%s" name="偽の手続" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="Event_Start">
              <bpmn:timerEventDefinition><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Register"/>
            <bpmn:serviceTask id="Task_Register" camunda:expression="${procedureActivities.registerArrival(execution)}"/>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Register" targetRef="Event_End"/>
            <bpmn:endEvent id="Event_End"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key);
    Long applications = jdbc.queryForObject("SELECT COUNT(*) FROM tz_application", Long.class);
    Http.Response deployed = Cases.deploy(Http.as("designer", port), "demo-ku", bpmn);
    if (deployed.status() == 200) {
      String job = management.createJobQuery().processDefinitionKey(key).singleResult().getId();
      assertThatThrownBy(() -> management.executeJob(job)).hasStackTraceContaining("runs only in model");
    } else {
      assertThat(deployed.status()).as(deployed.body()).isIn(400, 403);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_application", Long.class)).isEqualTo(applications);
  }

  @Test
  void item6_aReviewHandedToTheDecidingPostDoesNotSkipIt() {
    // a supervisor may hand the review to the 部長; the 部長 then drafts, and would have decided alone (部長専決
    // skipped as the originator's own step): the route is refused and the case goes back to review
    JsonNode application = apply(true);
    String pid = application.get("processInstanceId").asText();
    String review = tasks.createTaskQuery().processInstanceId(pid)
        .taskDefinitionKey(AdministrativeProcedure.TASK_REVIEW).singleResult().getId();
    assertThat(Http.as("supervisor-ku", port).postJson("/engine-rest/task/" + review + "/assignee",
        Map.of("userId", "bucho-ku")).status()).isEqualTo(204);
    Http.Response drafted = Http.as("bucho-ku", port).postJson("/engine-rest/task/" + review + "/submit-form",
        Map.of("variables", Map.of(
            AdministrativeProcedure.REVIEW_SUMMARY, Map.of("value", "基準に適合", "type", "String"),
            AdministrativeProcedure.PROPOSED_DECISION, Map.of("value", AdministrativeProcedure.PROPOSED_GRANT))));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pid).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(AdministrativeProcedure.TASK_REVIEW)
        .count()).isOne();
    JsonNode events = apiClient().get("/api/v1/applications/" + application.get("id").asText()).json()
        .get("events");
    assertThat(events.toString()).contains("route-unresolved").doesNotContain("\"granted\"");
  }
}
