package jp.tetsuzuki.processes.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.bpmn.ChildcareAllocationRound;
import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import jp.tetsuzuki.processes.support.Cases;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import jp.tetsuzuki.processes.support.WebappSession;
import jp.tetsuzuki.processes.tasklist.TasklistFilters;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.ApplicantNotice;
import jp.tetsuzuki.bpmn.ContractPayment;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The authorization matrix (issue 8): every role against every public API endpoint and the engine REST operations
 * an attacker reaches first, one row per operation with the expected allow ({@code A}) or deny ({@code D}) per
 * role. Allowed means the edge and the engine let the call through (it may still fail on its input: several rows
 * send deliberately harmless input so that allowed roles change nothing); denied means 403 (401 for anonymous).
 * Runs on H2 and, tagged {@code database}, on PostgreSQL.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /** Column order of the table: the role and the account that plays it. */
  private static final List<String[]> ROLES = List.of(
      new String[] {"anonymous", null},
      new String[] {"outside-system", "api-client"},
      new String[] {"staff", "staff-ku"},
      new String[] {"supervisor", "supervisor-ku"},
      new String[] {"designer", "designer"},
      new String[] {"platform-designer", "matrix-platform-designer"},
      new String[] {"administrator", "admin"},
      new String[] {"worker", "worker"});
  private static final String PLATFORM_DESIGNER_PASSWORD = "Matrix-platform-1";

  @Value("${server.port}")
  int port;
  @Autowired
  IdentityService identity;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService tasks;
  @Autowired
  FilterService filters;

  private String applicationId;
  private String processInstanceId;
  private String jobId;
  private String documentId;
  /** One open task of each staff task the workers' paths create: who may complete it. */
  private String transcribeTaskId;
  private String legacyByHandTaskId;
  private String notifyByPostTaskId;
  /** Childcare staff tasks (保育課 of デモ区). */
  private String verifyCertificateTaskId;
  private String interviewTaskId;
  private String reviewAllocationTaskId;
  /** 申告内容の確認 of the childcare case (review F10/F11). */
  private String confirmDeclarationTaskId;
  @Autowired
  jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore childcareStore;
  @Autowired
  jp.tetsuzuki.processes.document.DocumentStore documents;
  @Autowired
  jp.tetsuzuki.processes.contractpayment.ContractCaseStore contractCases;
  private String kuFilterId;
  private String shiFilterId;
  /** contract payment (issue 11): a registered contract and one open task of each of its user tasks. */
  private String contractId;
  private String inspectTaskId;
  private String accountingTaskId;
  private String reviseOrderTaskId;

  @BeforeAll
  void aCaseAndAPlatformDesigner() throws Exception {
    if (identity.createUserQuery().userId("matrix-platform-designer").count() == 0) {
      var user = identity.newUser("matrix-platform-designer");
      user.setFirstName("共通");
      user.setLastName("設計");
      user.setPassword(PLATFORM_DESIGNER_PASSWORD);
      identity.saveUser(user);
      identity.createMembership("matrix-platform-designer", Roles.PLATFORM_DESIGNERS);
      identity.createTenantUserMembership("demo-ku", "matrix-platform-designer");
    }
    Http client = Http.as("api-client", port);
    documentId = Cases.upload(client, "demo-ku", Cases.pdf("matrix"));
    Http.Response created = client.header("Idempotency-Key", "matrix-" + UUID.randomUUID())
        .postJson("/api/v1/applications", Cases.roadApplication(List.of()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    applicationId = created.json().get("id").asText();
    processInstanceId = created.json().get("processInstanceId").asText();
    jobId = management.createJobQuery().processInstanceId(processInstanceId).list().get(0).getId();

    // the staff tasks of the workers' paths, put where a case would have them (道路管理課 of デモ区)
    Http.Response withDocument = client.header("Idempotency-Key", "matrix-" + UUID.randomUUID())
        .postJson("/api/v1/applications", Cases.roadApplication(List.of(Map.of("documentId",
            Cases.upload(client, "demo-ku", Cases.pdf("matrix-transcribe")), "kind", "application-form"))));
    assertThat(withDocument.status()).as(withDocument.body()).isEqualTo(201);
    String casePid = withDocument.json().get("processInstanceId").asText();
    String attached = jdbc.queryForObject("SELECT document_id FROM tz_application_document WHERE application_id = ?",
        String.class, withDocument.json().get("id").asText());
    runtime.createProcessInstanceModification(casePid)
        .startBeforeActivity(AdministrativeProcedure.TASK_TRANSCRIBE_DOCUMENT)
        .setVariable(AdministrativeProcedure.DOCUMENT_ID, attached).execute();
    transcribeTaskId = openTask(casePid, AdministrativeProcedure.TASK_TRANSCRIBE_DOCUMENT);
    String legacyPid = runtime.createProcessInstanceByKey(AdministrativeProcedure.ID)
        .setVariable("tenantId", "demo-ku").setVariable(AdministrativeProcedure.REVIEW_GROUP, "demo-ku-doro")
        .startBeforeActivity(AdministrativeProcedure.TASK_ENTER_LEGACY_BY_HAND)
        .execute().getId();
    legacyByHandTaskId = openTask(legacyPid, AdministrativeProcedure.TASK_ENTER_LEGACY_BY_HAND);
    String noticePid = runtime.createProcessInstanceByKey(ApplicantNotice.ID)
        .setVariable("tenantId", "demo-ku").setVariable(ApplicantNotice.REVIEW_GROUP, "demo-ku-doro")
        .startBeforeActivity(ApplicantNotice.TASK_NOTIFY_BY_POST)
        .execute().getId();
    notifyByPostTaskId = openTask(noticePid, ApplicantNotice.TASK_NOTIFY_BY_POST);
    String childcareId = verifyingChildcareApplication("matrix-cert");
    String childcarePid = runtime.createProcessInstanceByKey(ChildcareEnrollment.ID).businessKey(childcareId)
        .setVariable("tenantId", "demo-ku").setVariable(ChildcareEnrollment.APPLICATION_ID, childcareId)
        .setVariable(ChildcareEnrollment.CHILDCARE_GROUP, "demo-ku-hoiku")
        // the case's fiscal-year timer (on the subprocess the tasks are in), as registration sets it
        .setVariable(ChildcareEnrollment.FISCAL_YEAR_END, "2027-04-01T00:00:00+09:00")
        .startBeforeActivity(ChildcareEnrollment.TASK_VERIFY_CERTIFICATE)
        .setVariable(jp.tetsuzuki.bpmn.DocumentVariables.DOCUMENT_ID, "matrix-cert")
        .startBeforeActivity(ChildcareEnrollment.TASK_INTERVIEW_AND_HEALTH_CHECK)
        .startBeforeActivity(ChildcareEnrollment.TASK_CONFIRM_DECLARATION)
        .execute().getId();
    confirmDeclarationTaskId = openTask(childcarePid, ChildcareEnrollment.TASK_CONFIRM_DECLARATION);
    verifyCertificateTaskId = openTask(childcarePid, ChildcareEnrollment.TASK_VERIFY_CERTIFICATE);
    interviewTaskId = openTask(childcarePid, ChildcareEnrollment.TASK_INTERVIEW_AND_HEALTH_CHECK);
    String roundPid = runtime.createProcessInstanceByKey(ChildcareAllocationRound.ID)
        .setVariable("tenantId", "demo-ku").setVariable(ChildcareAllocationRound.CHILDCARE_GROUP, "demo-ku-hoiku")
        .startBeforeActivity(ChildcareAllocationRound.TASK_REVIEW_ALLOCATION).execute().getId();
    reviewAllocationTaskId = openTask(roundPid, ChildcareAllocationRound.TASK_REVIEW_ALLOCATION);
    kuFilterId = filterOf("demo-ku/GROUP");
    shiFilterId = filterOf("demo-shi/GROUP");

    // a contract of デモ区 (道路管理課), its tasks put where a case would have them
    contractId = "C-MATRIX-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response contract = client.header("Idempotency-Key", "matrix-" + contractId).postJson("/api/v1/contracts",
        Map.of("id", contractId, "tenantId", "demo-ku", "department", "doro", "kind", "goods", "title", "検証用",
            "supplier", Map.of("name", "株式会社〇〇商事", "corporateNumber", "5010001008846"),
            "items", List.of(Map.of("description", "物品", "amount", 1000, "taxRate", 10)),
            "contractDate", "2026-11-02"));
    assertThat(contract.status()).as(contract.body()).isEqualTo(201);
    String contractPid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(contractId).singleResult()
        .getId();
    runtime.createProcessInstanceModification(contractPid)
        .startBeforeActivity(ContractPayment.TASK_INSPECT)
        .setVariable(ContractPayment.INSPECTION_GROUP, "demo-ku-kensa")
        .setVariable(ContractPayment.INSPECTION_DUE_AT, null)
        .setVariable(ContractPayment.PAYMENT_WARN_AT, java.util.Date.from(java.time.Instant.parse("2099-01-01T00:00:00Z")))
        .startBeforeActivity(ContractPayment.TASK_CHECK_ACCOUNTING)
        .setVariable(ContractPayment.ACCOUNTING_GROUP, "demo-ku-kaikeikanri")
        .startBeforeActivity(ContractPayment.TASK_REVISE_ORDER)
        .execute();
    inspectTaskId = openTask(contractPid, ContractPayment.TASK_INSPECT);
    accountingTaskId = openTask(contractPid, ContractPayment.TASK_CHECK_ACCOUNTING);
    reviseOrderTaskId = openTask(contractPid, ContractPayment.TASK_REVISE_ORDER);
  }

  private String openTask(String pid, String key) {
    return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult().getId();
  }

  private String filterOf(String key) {
    return filters.createFilterQuery().list().stream()
        .filter(f -> f.getProperties() != null && key.equals(f.getProperties().get(TasklistFilters.KEY)))
        .findFirst().orElseThrow(() -> new AssertionError("no Tasklist filter " + key)).getId();
  }

  private Http as(String[] role) {
    if (role[1] == null) {
      return Http.anonymous(port);
    }
    return role[1].equals("matrix-platform-designer") ? Http.as(role[1], PLATFORM_DESIGNER_PASSWORD, port)
        : Http.as(role[1], port);
  }

  /**
   * @param refusedAsInput whether a 400 counts as denied too: a deployment whose content is refused is answered 400
   *     with the list of problems; allowed roles must then get 200
   */
  private record Operation(String name, String expected, Function<Http, Http.Response> call, boolean refusedAsInput) {}

  private List<Operation> operations() {
    String pid = processInstanceId;
    String app = applicationId;
    List<Operation> ops = new ArrayList<>();
    //                          anon outside staff sup des pdes admin worker
    // ---- public API
    ops.add(op("GET procedures", "D A A A A A A D", h -> h.get("/api/v1/procedures?tenant=demo-ku")));
    // the API's documentation for whoever builds against the API (not for the monitoring and nursery accounts,
    // review 3 A10, whose columns deny everything but their one endpoint)
    ops.add(op("GET v3/api-docs", "D A A A A A A A", h -> h.get("/v3/api-docs")));
    ops.add(op("GET calendar due-date", "D A A A A A A D",
        h -> h.get("/api/v1/calendar/due-date?tenant=demo-ku&from=2026-12-01&period=5&unit=business-days")));
    ops.add(op("GET calendar closed-days", "D A A A A A A D",
        h -> h.get("/api/v1/calendar/closed-days?tenant=demo-ku&year=2026")));
    ops.add(op("POST identifiers/validate", "D A A A A A A D",
        h -> h.postJson("/api/v1/identifiers/validate", Map.of("type", "corporate-number", "value", "x"))));
    ops.add(op("POST documents", "D A A A D D A D", h -> h.post("/api/v1/documents",
        "multipart/form-data; boundary=none", "--none--\r\n".getBytes(StandardCharsets.UTF_8))));
    ops.add(op("GET documents/{id}", "D A A A D D A D", h -> h.get("/api/v1/documents/" + documentId)));
    ops.add(op("POST documents/{id}/recognition", "D A A A D D A D",
        h -> h.postJson("/api/v1/documents/" + documentId + "/recognition?form=no-such-form", Map.of())));
    ops.add(op("POST applications", "D A A A D D A D",
        h -> h.postJson("/api/v1/applications", Map.of()))); // no Idempotency-Key: refused as input (400)
    ops.add(op("GET applications/{id}", "D A A A D D A D", h -> h.get("/api/v1/applications/" + app)));
    ops.add(op("POST applications/{id}/corrections", "D A A A D D A D",
        h -> h.postJson("/api/v1/applications/" + app + "/corrections", Map.of())));
    ops.add(op("POST applications/{id}/withdrawal", "D A A A D D A D",
        h -> h.postJson("/api/v1/applications/no-such-application/withdrawal", Map.of())));
    ops.add(op("GET approvals/{pid}/history", "D D A A D D A D",
        h -> h.get("/api/v1/approvals/no-such-route/history")));
    ops.add(op("POST approvals/{pid}/withdrawal", "D D A A D D A D",
        h -> h.postJson("/api/v1/approvals/no-such-route/withdrawal", Map.of())));
    ops.add(op("GET approvals/substitutes", "D D A A D D A D",
        h -> h.get("/api/v1/approvals/substitutes?tenantId=demo-ku")));
    ops.add(op("POST approvals/substitutes", "D D A A D D A D",
        h -> h.postJson("/api/v1/approvals/substitutes", Map.of())));
    ops.add(op("DELETE approvals/substitutes/{id}", "D D A A D D A D",
        h -> h.delete("/api/v1/approvals/substitutes/no-such-substitute")));
    // ---- operations view of the integration routes (issue 13): administrators only, supervisors included out
    // (routes and dead letters span every tenant)
    ops.add(op("GET actuator/prometheus", "D D D D D D A D", h -> h.get("/actuator/prometheus")));
    ops.add(op("GET operations page", "D D D D D D A D", h -> h.get("/api/v1/operations")));
    ops.add(op("GET operations/routes", "D D D D D D A D", h -> h.get("/api/v1/operations/routes")));
    ops.add(op("GET operations/dead-letters", "D D D D D D A D",
        h -> h.get("/api/v1/operations/dead-letters?limit=5")));
    // stand-alone allocation runs: the tenant's office and outside systems (an empty multipart body: 400)
    ops.add(op("POST childcare/allocation-runs", "D A A A D D A D", h -> h.post("/api/v1/childcare/allocation-runs",
        "multipart/form-data; boundary=none", "--none--\r\n".getBytes(StandardCharsets.UTF_8))));
    ops.add(op("GET childcare/allocation-runs/{id}", "D A A A D D A D",
        h -> h.get("/api/v1/childcare/allocation-runs/no-such-run")));
    ops.add(op("GET childcare/allocation-runs/{id}/result.csv", "D A A A D D A D",
        h -> h.get("/api/v1/childcare/allocation-runs/no-such-run/result.csv")));
    // childcare applications: outside systems (parents' apps, linkage platform) and the office (no key: 400)
    ops.add(op("POST childcare/applications", "D A A A D D A D",
        h -> h.postJson("/api/v1/childcare/applications", Map.of())));
    ops.add(op("GET childcare/applications/{id}", "D A A A D D A D",
        h -> h.get("/api/v1/childcare/applications/no-such-application")));
    // 取下げ: the submitting system, or the tenant's 保育課 for a parent (the controller: others get 404)
    ops.add(op("POST childcare/applications/{id}/withdrawal", "D A A A D D A D",
        h -> h.postJson("/api/v1/childcare/applications/no-such-application/withdrawal", Map.of())));
    // places (募集人数) from the tenants' nursery systems (issue 13): their machine accounts only (column of its own:
    // theNurserySystemAccountReachesItsCapacityEndpointAndNothingElse); no Idempotency-Key: refused as input (400);
    // an administrator passes the edge, the service then refuses any account outside nursery-systems (403)
    ops.add(op("PUT childcare/capacities", "D D D D D D A D",
        h -> h.putJson("/api/v1/childcare/capacities", Map.of())));
    ops.add(op("POST childcare/capacities", "D D D D D D A D",
        h -> h.postJson("/api/v1/childcare/capacities", Map.of())));
    // the nursery outbox (failed offers/enrollments, requeue): administrators only (all tenants)
    ops.add(op("GET childcare/nursery-outbox", "D D D D D D A D",
        h -> h.get("/api/v1/childcare/nursery-outbox?status=failed&limit=1")));
    ops.add(op("POST childcare/nursery-outbox/{id}/requeue", "D D D D D D A D",
        h -> h.postJson("/api/v1/childcare/nursery-outbox/no-such-message/requeue", Map.of())));
    // ---- contract payment (issue 11): outside systems only (the contract system, suppliers' systems)
    ops.add(op("POST contracts", "D A D D D D A D",
        h -> h.postJson("/api/v1/contracts", Map.of()))); // no Idempotency-Key: refused as input (400)
    ops.add(op("GET contracts/{id}", "D A D D D D A D", h -> h.get("/api/v1/contracts/" + contractId)));
    ops.add(op("POST contracts/{id}/completion", "D A D D D D A D",
        h -> h.postJson("/api/v1/contracts/" + contractId + "/completion", Map.of())));
    ops.add(op("POST invoices", "D A D D D D A D", h -> h.post("/api/v1/invoices", "application/xml",
        "<Invoice/>".getBytes(StandardCharsets.UTF_8))));
    // ---- the workers' API (no administrator shortcut); the worker holds no task here, so it is allowed and told 404
    ops.add(op("GET worker documents/{id}", "D D D D D D D A",
        h -> h.get("/api/worker/documents/" + documentId + "?workerId=matrix")));
    // ---- engine REST
    ops.add(op("GET engine", "D D A A A A A A", h -> h.get("/engine-rest/engine")));
    ops.add(op("POST message (correlate, all)", "D D D D D D A D", h -> h.postJson("/engine-rest/message",
        Map.of("messageName", "matrixProbeNoSuchMessage", "all", true, "tenantId", "demo-ku"))));
    ops.add(op("PUT process-instance variable", "D D D D D D A D",
        h -> h.putJson("/engine-rest/process-instance/" + pid + "/variables/matrixProbe",
            Map.of("value", "x", "type", "String"))));
    ops.add(op("GET history variable-instance", "D D A A A A A D",
        h -> h.get("/engine-rest/history/variable-instance?variableName=applicantName&maxResults=10")));
    ops.add(op("POST job execute", "D D D D D D A D", h -> h.postJson("/engine-rest/job/"
        + (h.user() != null && h.user().equals("admin") ? "no-such-job" : jobId) + "/execute", Map.of())));
    ops.add(op("POST process-instance modification", "D D D D D D A D",
        h -> h.postJson("/engine-rest/process-instance/" + (h.user() != null && h.user().equals("admin")
            ? "no-such-instance" : pid) + "/modification", Map.of("instructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_Grant"))))));
    ops.add(op("POST start with startInstructions", "D D D D D D A D",
        h -> h.postJson("/engine-rest/process-definition/key/administrative-procedure/start", Map.of(
            "variables", Map.of("tenantId", Map.of("value", "demo-ku")),
            "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
                h.user() != null && h.user().equals("admin") ? "No_Such_Activity" : "Task_Grant"))))));
    // ---- paper registration (the Tasklist's start form of administrative-procedure): staff of the office only;
    // allowed roles get 400 here (an arrival date in the future), so nothing is registered
    ops.add(op("GET paper start form", "D D A A A A A D",
        h -> h.get("/engine-rest/process-definition/key/administrative-procedure/deployed-start-form")));
    ops.add(op("POST paper start form (submit-form)", "D D A A D D D D",
        h -> h.postJson("/engine-rest/process-definition/key/administrative-procedure/submit-form", Map.of(
            "variables", Map.of("tenantId", Map.of("value", "demo-ku"), "procedureCode", Map.of("value",
                Cases.ROAD), "receivedOn", Map.of("value", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"))
                .plusDays(1).toString()), "applicantName", Map.of("value", "行列テスト株式会社"))))));
    // ---- paper childcare applications (the start form of childcare-enrollment): 保育課 staff of a tenant only (the
    // case's tenant is theirs: administrators belong to no 保育課); allowed roles get 400 (a month that does not
    // exist), so nothing is registered
    ops.add(op("GET childcare paper start form", "D D A A A A A D",
        h -> h.get("/engine-rest/process-definition/key/childcare-enrollment/deployed-start-form")));
    ops.add(op("POST childcare paper start form (submit-form)", "D D A A D D D D",
        h -> h.postJson("/engine-rest/process-definition/key/childcare-enrollment/submit-form", Map.of(
            "variables", Map.of("admissionMonth", Map.of("value", "2026-13"), "child1Name", Map.of("value",
                "行列テスト"))))));
    // ---- a 決裁 filed directly (the Tasklist's start form of approval-route): the office's people only; allowed
    // roles get 400 here (a negative amount), so nothing is started
    ops.add(op("GET approval-route start form", "D D A A A A A D",
        h -> h.get("/engine-rest/process-definition/key/approval-route/deployed-start-form")));
    ops.add(op("POST approval-route start form (submit-form)", "D D A A D D D D",
        h -> h.postJson("/engine-rest/process-definition/key/approval-route/submit-form", Map.of(
            "variables", Map.of("tenantId", Map.of("value", "demo-ku"), "subject", Map.of("value", "行列テストの決裁"),
                "kind", Map.of("value", "payment"), "amount", Map.of("value", -1), "department",
                Map.of("value", "toshikeikaku"))))));
    ops.add(deployment("POST deployment with tenant", "D D D D A A A D",
        h -> Cases.deploy(h, "demo-ku", Cases.harmlessProcess())));
    ops.add(deployment("POST deployment without tenant", "D D D D D A A D",
        h -> Cases.deploy(h, null, Cases.harmlessProcess())));
    ops.add(deployment("POST deployment with script task", "D D D D D D A D",
        h -> Cases.deploy(h, "demo-ku", Cases.scriptProcess())));
    ops.add(op("POST external-task fetchAndLock", "D D D D D D A A",
        h -> h.postJson("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "matrix", "maxTasks", 1,
            "topics", List.of(Map.of("topicName", "ocr-invoice", "lockDuration", 1000))))));
    ops.add(op("POST fetchAndLock of a foreign topic", "D D D D D D A D",
        h -> h.postJson("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "matrix", "maxTasks", 1,
            "topics", List.of(Map.of("topicName", "matrix-foreign-topic", "lockDuration", 1000))))));
    ops.add(op("POST user create", "D D D D D D A D", h -> h.postJson("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "matrix-new-user", "firstName", "新", "lastName", "規"),
        "credentials", Map.of("password", "x")))));
    ops.add(op("POST identity/verify (password oracle)", "D D D D D D A D", h -> h.postJson(
        "/engine-rest/identity/verify", Map.of("username", "staff-ku", "password", Http.DEMO_PASSWORD))));
    ops.add(op("GET deployment list", "D D A A A A A D", h -> h.get("/engine-rest/deployment?maxResults=5")));
    // ---- staff tasks of the workers' paths: staff of the reviewing department and supervisors complete them
    // (empty answers: refused as input with a Japanese message, so allowed roles change nothing)
    ops.add(op("POST task complete Task_TranscribeDocument", "D D A A D D A D",
        h -> h.postJson("/engine-rest/task/" + transcribeTaskId + "/complete", Map.of("variables", Map.of()))));
    ops.add(op("POST task complete Task_EnterLegacyByHand", "D D A A D D A D",
        h -> h.postJson("/engine-rest/task/" + legacyByHandTaskId + "/complete", Map.of("variables", Map.of()))));
    ops.add(op("POST task complete Task_NotifyByPost", "D D A A D D A D",
        h -> h.postJson("/engine-rest/task/" + notifyByPostTaskId + "/complete", Map.of("variables", Map.of()))));
    // childcare tasks: the tenant's 保育課 (staff-ku and supervisor-ku are members); empty answers are refused
    ops.add(op("POST task complete Task_VerifyCertificate", "D D A A D D A D",
        h -> h.postJson("/engine-rest/task/" + verifyCertificateTaskId + "/complete", Map.of("variables", Map.of()))));
    ops.add(op("POST task complete Task_InterviewAndHealthCheck", "D D A A D D A D",
        h -> h.postJson("/engine-rest/task/" + interviewTaskId + "/complete", Map.of("variables", Map.of()))));
    ops.add(op("POST task complete Task_ReviewAllocation", "D D A A D D A D",
        h -> h.postJson("/engine-rest/task/" + reviewAllocationTaskId + "/complete", Map.of("variables", Map.of()))));
    // 申告内容の確認 (review F10/F11): the tenant's 保育課; a waiting period out of range is refused as input
    ops.add(op("POST task complete Task_ConfirmDeclaration", "D D A A D D A D",
        h -> h.postJson("/engine-rest/task/" + confirmDeclarationTaskId + "/complete", Map.of("variables",
            Map.of(ChildcareEnrollment.WAITING_MONTHS, Map.of("value", -1, "type", "Long"))))));
    // ---- contract payment tasks: 検査 by the inspection group, 会計管理者 by theirs, revision by the department
    // (staff-ku and supervisor-ku are of 道路管理課; a task is completed only by its candidates or assignee, so a
    // supervisor outside 検査 or 会計管理者 completes neither: review 2026-12-01 F1); empty completions are refused as
    // input by the allowed
    ops.add(op("POST task complete Task_Inspect", "D D D D D D A D",
        h -> h.postJson("/engine-rest/task/" + inspectTaskId + "/complete", Map.of("variables", Map.of()))));
    ops.add(op("POST task complete Task_CheckAccounting", "D D D D D D A D",
        h -> h.postJson("/engine-rest/task/" + accountingTaskId + "/complete", Map.of("variables", Map.of()))));
    ops.add(op("POST task complete Task_ReviseOrder", "D D A A D D A D",
        h -> h.postJson("/engine-rest/task/" + reviseOrderTaskId + "/complete", Map.of("variables", Map.of()))));
    // ---- Tasklist filters: each municipality's filters are read by its own people only (designers work no cases)
    ops.add(op("GET own tenant's filter", "D D A A D D A D", h -> h.get("/engine-rest/filter/" + kuFilterId)));
    ops.add(op("POST own tenant's filter list", "D D A A D D A D",
        h -> h.postJson("/engine-rest/filter/" + kuFilterId + "/list?maxResults=10", Map.of())));
    ops.add(op("GET other tenant's filter", "D D D D D D A D", h -> h.get("/engine-rest/filter/" + shiFilterId)));
    ops.add(op("POST other tenant's filter list", "D D D D D D A D",
        h -> h.postJson("/engine-rest/filter/" + shiFilterId + "/list?maxResults=10", Map.of())));
    ops.add(op("POST filter create", "D D D D D D A D", h -> h.postJson("/engine-rest/filter/create",
        Map.of("resourceType", "NoSuchResource", "name", "matrix-probe", "query", Map.of())))); // 400: none made
    return ops;
  }

  private static Operation op(String name, String expected, Function<Http, Http.Response> call) {
    return new Operation(name, expected, call, false);
  }

  private static Operation deployment(String name, String expected, Function<Http, Http.Response> call) {
    return new Operation(name, expected, call, true);
  }

  @Test
  void everyRoleCanDoExactlyWhatTheMatrixSays() {
    Map<String, String> mismatches = new LinkedHashMap<>();
    for (Operation operation : operations()) {
      String[] expected = operation.expected().split(" ");
      assertThat(expected).as(operation.name()).hasSize(ROLES.size());
      for (int i = 0; i < ROLES.size(); i++) {
        String[] role = ROLES.get(i);
        Http.Response response = operation.call().apply(as(role));
        boolean denied = response.status() == 401 || response.status() == 403
            || (operation.refusedAsInput() && response.status() != 200);
        boolean expectDenied = expected[i].equals("D");
        if (denied != expectDenied) {
          mismatches.put(operation.name() + " as " + role[0], response.status() + " " + abbreviate(response.body()));
        }
        if (expectDenied && role[1] == null) {
          assertThat(response.status()).as(operation.name() + " anonymous").isEqualTo(401);
        }
      }
    }
    assertThat(mismatches).as("role × operation cells that differ from the matrix").isEmpty();
  }

  /**
   * The monitoring system's account (group {@code monitoring}, issue 13): of every operation of the matrix it may
   * only scrape the metrics; beyond the matrix, no other actuator endpoint, no engine REST, no webapp login. Its own
   * column would have to be added to every row others add, so it is this one test over the same rows.
   */
  @Test
  void theMonitoringAccountScrapesTheMetricsAndNothingElse() {
    Http monitoring = Http.as("monitoring", port);
    java.util.Set<String> allowed = java.util.Set.of("GET actuator/prometheus");
    Map<String, String> mismatches = new LinkedHashMap<>();
    for (Operation operation : operations()) {
      Http.Response response = operation.call().apply(monitoring);
      boolean denied = response.status() == 401 || response.status() == 403
          || (operation.refusedAsInput() && response.status() != 200);
      if (denied == allowed.contains(operation.name())) {
        mismatches.put(operation.name() + " as monitoring", response.status() + " " + abbreviate(response.body()));
      }
    }
    //                 beyond the matrix's rows                           expected status for monitoring
    Map<String, Integer> beyond = new LinkedHashMap<>();
    beyond.put("/actuator/metrics", 403);
    beyond.put("/actuator/env", 403);
    beyond.put("/actuator/loggers", 403);
    beyond.put("/engine-rest/engine", 403);
    beyond.put("/engine-rest/process-instance?maxResults=1", 403);
    beyond.put("/engine-rest/history/process-instance?maxResults=1", 403);
    beyond.put("/api/v1/procedures?tenant=demo-ku", 403);
    beyond.put("/api/v1/operations/dead-letters?routeId=municipal-csv-intake", 403);
    beyond.put("/swagger-ui/index.html", 403);
    beyond.forEach((path, status) -> {
      Http.Response response = monitoring.get(path);
      if (response.status() != status) {
        mismatches.put("GET " + path + " as monitoring", response.status() + " " + abbreviate(response.body()));
      }
    });
    assertThat(mismatches).as("operations the monitoring account gets other than the matrix says").isEmpty();

    Http.Response metrics = monitoring.get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("camel_exchanges_total{", "routeId=\"municipal-csv-intake\"");
    assertThat(WebappSession.loginStatus(port, "monitoring", Http.DEMO_PASSWORD, "welcome")).isEqualTo(401);
    assertThat(WebappSession.loginStatus(port, "monitoring", Http.DEMO_PASSWORD, "cockpit")).isEqualTo(401);
    assertThat(identity.createUserQuery().userId("monitoring").memberOfGroup(Roles.MONITORING).count()).isOne();
    assertThat(identity.createGroupQuery().groupMember("monitoring").count()).as("monitoring alone").isOne();
  }

  /**
   * The nursery system's machine account (group {@code nursery-systems}, demo {@code nursery-ku}) against every row
   * of the matrix: it reaches the capacity endpoint and nothing else, and it cannot log in to the webapps.
   */
  @Test
  void theNurserySystemAccountReachesItsCapacityEndpointAndNothingElse() {
    Http nursery = Http.as("nursery-ku", port);
    Map<String, String> mismatches = new LinkedHashMap<>();
    for (Operation operation : operations()) {
      Http.Response response = operation.call().apply(nursery);
      boolean denied = response.status() == 401 || response.status() == 403
          || (operation.refusedAsInput() && response.status() != 200);
      boolean expectDenied = !operation.name().endsWith("childcare/capacities");
      if (denied != expectDenied) {
        mismatches.put(operation.name() + " as nursery-system", response.status() + " " + abbreviate(response.body()));
      }
    }
    assertThat(nursery.get("/swagger-ui/index.html").status()).isEqualTo(403);
    assertThat(mismatches).as("operations of the nursery system's account that differ from its column").isEmpty();
    assertThat(WebappSession.loginStatus(port, "nursery-ku", Http.DEMO_PASSWORD, "welcome")).isEqualTo(401);
  }

  /**
   * Review 3 A16: a supplier's system ({@code supplier-marumaru}, bound to its 法人番号 in {@code tz_supplier_account})
   * is an outside system, yet it filed childcare and procedure applications, allocation runs and documents. Against
   * every row of the matrix that outside systems may use: it keeps the reference data, contracts and invoices only.
   */
  @Test
  void aSuppliersSystemUsesItsContractsAndInvoicesAndNothingElseOfTheOutsideSystemsRows() {
    Http supplier = Http.as("supplier-marumaru", port);
    java.util.Set<String> kept = java.util.Set.of("GET procedures", "GET calendar due-date",
        "GET calendar closed-days", "POST identifiers/validate");
    Map<String, String> mismatches = new LinkedHashMap<>();
    for (Operation operation : operations()) {
      if (!operation.name().matches("(GET|POST|PUT|DELETE) (procedures|calendar|identifiers|documents|applications"
          + "|childcare).*")) {
        continue;
      }
      Http.Response response = operation.call().apply(supplier);
      boolean denied = response.status() == 401 || response.status() == 403;
      if (denied == kept.contains(operation.name())) {
        mismatches.put(operation.name() + " as supplier", response.status() + " " + abbreviate(response.body()));
      }
    }
    assertThat(mismatches).as("outside-system operations a supplier's system is not (or is) refused").isEmpty();
    Http.Response refused = supplier.postJson("/api/v1/childcare/applications", Map.of());
    assertThat(refused.body()).contains("supplier");
  }

  /**
   * Attack review 3 A3: every api-clients account not bound to a supplier was "the contract system" and read all
   * contracts of its tenants and registered new ones. Only the account bound as the tenant's contract system
   * ({@code tz_contract_system_account}, V81; the demo's {@code api-client}) registers and reads the tenant's contracts,
   * the supplier's system its own; another outside system of the tenant (a test account in api-clients, bound to
   * nothing) gets 403 on registration and 404 on the contract, as for an id that does not exist; the nursery system,
   * staff and other tenants' accounts get 403 at the edge.
   */
  @Test
  void contractsAreRegisteredAndReadByTheTenantsContractSystemOnly() {
    if (identity.createUserQuery().userId("matrix-other-system").count() == 0) {
      var user = identity.newUser("matrix-other-system");
      user.setFirstName("連携");
      user.setLastName("別システム");
      user.setPassword(Http.DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership("matrix-other-system", Roles.API_CLIENTS);
      identity.createTenantUserMembership("demo-ku", "matrix-other-system");
    }
    String id = "C-MATRIX-A3-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = Map.of("id", id, "tenantId", "demo-ku", "department", "doro", "kind", "goods",
        "title", "検証用", "supplier", Map.of("name", "株式会社〇〇商事", "corporateNumber", "5010001008846"),
        "items", List.of(Map.of("description", "机", "amount", 1000, "taxRate", 10)), "contractDate", "2026-11-02");
    Map<String, Integer> register = new LinkedHashMap<>();
    register.put("matrix-other-system", 403); // an outside system of デモ区 that is not its contract system
    register.put("supplier-marumaru", 403);   // a supplier's system
    register.put("nursery-ku", 403);          // the nursery system: not at the edge
    register.put("staff-ku", 403);
    register.put("api-client", 201);          // デモ区's contract system
    Map<String, Integer> registered = new LinkedHashMap<>();
    register.keySet().forEach(account -> registered.put(account, Http.as(account, port)
        .header("Idempotency-Key", "a3-" + account + "-" + id).postJson("/api/v1/contracts", body).status()));
    assertThat(registered).isEqualTo(register);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_contract_case WHERE id = ?", Integer.class, id)).isOne();

    Map<String, Integer> read = new LinkedHashMap<>();
    read.put("api-client", 200);              // the contract system of デモ区
    read.put("supplier-marumaru", 200);       // the contract's supplier
    read.put("matrix-other-system", 404);     // another outside system of デモ区: no contracts
    read.put("nursery-ku", 403);
    read.put("staff-ku", 403);
    read.put("staff-shi", 403);
    Map<String, Integer> actual = new LinkedHashMap<>();
    read.keySet().forEach(account -> actual.put(account, Http.as(account, port)
        .get("/api/v1/contracts/" + id).status()));
    assertThat(actual).isEqualTo(read);
    Http.Response refused = Http.as("matrix-other-system", port).header("Idempotency-Key", "a3-other2-" + id)
        .postJson("/api/v1/contracts", body);
    assertThat(refused.json().get("messageJa").asText()).contains("契約システム");
    // nor does it send completion notices or invoices for the tenant's contracts: it finds none
    assertThat(Http.as("matrix-other-system", port).header("Idempotency-Key", "a3-n-" + id)
        .postJson("/api/v1/contracts/" + id + "/completion", Map.of()).status()).isEqualTo(404);
  }

  /**
   * Review F9: a stand-alone allocation run (children's ids, ages, points) is read by the account that submitted
   * it, the tenant's 保育課 ({@code demo-ku-hoiku}: staff-ku, supervisor-ku) and the tenant's supervisors; other
   * staff of the same tenant (the inspector kensa-ku), other outside systems and other tenants' staff are told it
   * does not exist (404), anonymous callers 401.
   */
  @Test
  void anAllocationRunIsReadByItsSubmitterTheChildcareOfficeAndSupervisorsOnly() {
    String boundary = "matrix-" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"applicants\"; filename=\"a.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n申請者番号,世帯番号,年齢,点数1,希望保育園ID_1\r\n101,1001,3,10,10\r\n\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"facilities\"; filename=\"f.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n保育所ID,保育所名,0歳募集人数,1歳募集人数,2歳募集人数,3歳募集人数,4歳募集人数,"
        + "5歳募集人数\r\n10,さくら保育園,0,0,0,1,0,0\r\n\r\n--" + boundary + "--\r\n";
    Http.Response created = Http.as("api-client", port).post("/api/v1/childcare/allocation-runs?tenantId=demo-ku",
        "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String run = "/api/v1/childcare/allocation-runs/" + created.json().get("id").asText();
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("api-client", 200);         // the submitting outside system
    expected.put("staff-ku", 200);           // 保育課 of デモ区
    expected.put("supervisor-ku", 200);      // supervisor of デモ区
    expected.put("kensa-ku", 404);           // staff of デモ区 outside 保育課
    expected.put("kaikeikanri-ku", 404);     // staff of デモ区 outside 保育課
    expected.put("supplier-marumaru", 403);  // a supplier's system: refused at the edge (review 3 A16)
    expected.put("staff-shi", 404);          // another tenant's 保育課
    Map<String, Integer> actual = new LinkedHashMap<>();
    for (String account : expected.keySet()) {
      actual.put(account, Http.as(account, port).get(run).status());
      assertThat(Http.as(account, port).get(run + "/result.csv").status()).as(account + " result.csv")
          .isEqualTo(expected.get(account));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(Http.anonymous(port).get(run).status()).isEqualTo(401);
  }

  /**
   * The webapps' engine API follows the same table: a Tasklist session of staff works tasks but cannot correlate
   * messages or modify cases, and an outside system's account that logs in to the webapps gets nothing.
   */
  @Test
  void theWebappsEngineApiFollowsTheSameTable() {
    String engine = "/camunda/api/engine/engine/default";
    WebappSession staff = WebappSession.login(port, "staff-ku", Http.DEMO_PASSWORD, "tasklist");
    assertThat(staff.get(engine + "/task?maxResults=5").status()).isEqualTo(200);
    Http.Response message = staff.postJson(engine + "/message",
        "{\"messageName\":\"withdrawalRequested\",\"all\":true,\"tenantId\":\"demo-ku\"}");
    assertThat(message.status()).as(message.body()).isEqualTo(403);
    Http.Response modification = staff.postJson(engine + "/process-instance/" + processInstanceId
        + "/modification", "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Grant\"}]}");
    assertThat(modification.status()).as(modification.body()).isEqualTo(403);

    // Camunda lets any user log in to the welcome page; machine accounts are refused before that
    assertThat(WebappSession.loginStatus(port, "api-client", Http.DEMO_PASSWORD, "welcome")).isEqualTo(401);
    assertThat(WebappSession.loginStatus(port, "worker", Http.DEMO_PASSWORD, "welcome")).isEqualTo(401);
    // the Cockpit's own API is for supervisors and designers, not for staff who merely have a session
    assertThat(staff.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count").status())
        .isEqualTo(403);
    WebappSession supervisor = WebappSession.login(port, "supervisor-ku", Http.DEMO_PASSWORD, "cockpit");
    assertThat(supervisor.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count")
        .status()).isEqualTo(200);
  }

  /**
   * The staff document view ({@code /camunda/api/tetsuzuki/tasks/{taskId}/documents/{documentId}}, contract-payment
   * and childcare forms show scans from it): with a webapp session, only the people who may work the task (its
   * candidates, or the tenant's supervisors), only the document its case links; everybody else 404, without a
   * session 401 (machine accounts have none: their Basic credentials do not count there).
   */
  @Test
  void theStaffDocumentViewShowsAScanOnlyToThoseWhoMayWorkItsTask() throws Exception {
    String id = "C-MATRIX-DOC-" + UUID.randomUUID().toString().substring(0, 8);
    Http client = Http.as("api-client", port);
    assertThat(client.header("Idempotency-Key", "matrix-" + id).postJson("/api/v1/contracts",
        Map.of("id", id, "tenantId", "demo-ku", "department", "doro", "kind", "goods", "title", "検証用",
            "supplier", Map.of("name", "株式会社〇〇商事", "corporateNumber", "5010001008846"),
            "items", List.of(Map.of("description", "物品", "amount", 1000, "taxRate", 10)),
            "contractDate", "2026-11-02")).status()).isEqualTo(201);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    var scan = documents.store("demo-ku", "supplier-marumaru", "invoice.pdf", Cases.pdf("matrix-invoice"),
        jp.tetsuzuki.workers.documents.DocumentUse.INVOICE);
    var elsewhere = documents.store("demo-ku", "supplier-marumaru", "other.pdf", Cases.pdf("matrix-other"),
        jp.tetsuzuki.workers.documents.DocumentUse.INVOICE);
    String invoiceId = UUID.randomUUID().toString();
    contractCases.insertScan("demo-ku", new jp.tetsuzuki.processes.contractpayment.ContractCaseStore.Invoice(invoiceId,
        "demo-ku", id, null, java.time.LocalDate.now(), java.time.Instant.now(), "supplier-marumaru",
        "matrix-" + invoiceId, "0".repeat(64), jp.tetsuzuki.processes.contractpayment.ContractCaseStore
            .InvoiceStatus.VERIFYING, null, null, null), scan.id());
    runtime.createProcessInstanceModification(pid).startBeforeActivity(ContractPayment.TASK_VERIFY_INVOICE)
        .setVariable(ContractPayment.INVOICE_ID, invoiceId).setVariable(ContractPayment.DOCUMENT_ID, scan.id())
        .setVariable(ContractPayment.DEPARTMENT_GROUP, "demo-ku-doro").execute();
    String taskId = openTask(pid, ContractPayment.TASK_VERIFY_INVOICE);
    String view = "/camunda/api/tetsuzuki/tasks/" + taskId + "/documents/" + scan.id();

    record Row(String who, Function<String, Http.Response> call, int expected) {}
    Function<String, Function<String, Http.Response>> session = user -> {
      WebappSession s = WebappSession.login(port, user, Http.DEMO_PASSWORD, "tasklist");
      return s::get;
    };
    List<Row> rows = List.of(
        new Row("staff of the task (staff-ku, 道路管理課)", session.apply("staff-ku"), 200),
        new Row("supervisor of the tenant", session.apply("supervisor-ku"), 200),
        new Row("other staff of the tenant (kensa-ku, not a candidate)", session.apply("kensa-ku"), 404),
        new Row("staff of another tenant", session.apply("staff-shi"), 404),
        new Row("designer", session.apply("designer"), 404),
        new Row("administrator (works no tasks)", session.apply("admin"), 404),
        new Row("outside system (Basic)", path -> Http.as("api-client", port).get(path), 401),
        new Row("worker (Basic)", path -> Http.as("worker", port).get(path), 401),
        new Row("anonymous", path -> Http.anonymous(port).get(path), 401));
    Map<String, String> mismatches = new LinkedHashMap<>();
    for (Row row : rows) {
      for (String path : List.of(view, view + "/pages/1.png")) {
        Http.Response response = row.call().apply(path);
        if (response.status() != row.expected()) {
          mismatches.put(row.who() + " " + path.substring(path.lastIndexOf('/')), response.status() + " "
              + abbreviate(response.body()));
        }
      }
    }
    // the right person, but a document the task's case does not link, or a page the scan does not have
    Function<String, Http.Response> staff = session.apply("staff-ku");
    for (String path : List.of("/camunda/api/tetsuzuki/tasks/" + taskId + "/documents/" + elsewhere.id(),
        "/camunda/api/tetsuzuki/tasks/" + verifyCertificateTaskId + "/documents/" + scan.id(),
        "/camunda/api/tetsuzuki/tasks/no-such-task/documents/" + scan.id(), view + "/pages/2.png")) {
      int status = staff.apply(path).status();
      if (status != 404) {
        mismatches.put("staff-ku " + path, String.valueOf(status));
      }
    }

    // the childcare certificate form shows its scan the same way: 保育課 of the tenant only
    var certificate = documents.store("demo-ku", "api-client", "certificate.pdf", Cases.pdf("matrix-certificate"),
        jp.tetsuzuki.workers.documents.DocumentUse.SUPPORTING_DOCUMENT);
    String childcareId = verifyingChildcareApplication(certificate.id());
    String childcarePid = runtime.createProcessInstanceByKey(ChildcareEnrollment.ID).businessKey(childcareId)
        .setVariable("tenantId", "demo-ku").setVariable(ChildcareEnrollment.APPLICATION_ID, childcareId)
        .setVariable(ChildcareEnrollment.CHILDCARE_GROUP, "demo-ku-hoiku")
        // the task sits in SubProcess_Case, whose fiscal-year timer needs its date
        .setVariable(ChildcareEnrollment.FISCAL_YEAR_END, "2027-04-01T00:00:00+09:00")
        .startBeforeActivity(ChildcareEnrollment.TASK_VERIFY_CERTIFICATE)
        .setVariable(jp.tetsuzuki.bpmn.DocumentVariables.DOCUMENT_ID, certificate.id())
        .execute().getId();
    childcareStore.processInstance(childcareId, childcarePid);
    String certificateTask = openTask(childcarePid, ChildcareEnrollment.TASK_VERIFY_CERTIFICATE);
    String image = (String) tasks.getVariable(certificateTask, ChildcareEnrollment.DOCUMENT_IMAGE_URL);
    assertThat(image).isEqualTo("/camunda/api/tetsuzuki/tasks/" + certificateTask
        + "/documents/" + certificate.id() + "/pages/1.png");
    String certificatePage = image;
    for (Row row : List.of(new Row("保育課 (staff-ku)", staff, 200),
        new Row("other staff of the tenant (kensa-ku)", session.apply("kensa-ku"), 404),
        new Row("staff of another tenant", session.apply("staff-shi"), 404),
        new Row("outside system (Basic)", path -> Http.as("api-client", port).get(path), 401))) {
      Http.Response response = row.call().apply(certificatePage);
      if (response.status() != row.expected()) {
        mismatches.put("certificate: " + row.who(), response.status() + " " + abbreviate(response.body()));
      }
    }
    assertThat(mismatches).as("who × staff document view cells that differ from the matrix").isEmpty();
    Http.Response shown = staff.apply(view);
    assertThat(shown.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(shown.header("Content-Disposition")).startsWith("inline");
    assertThat(shown.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(shown.header("Cache-Control")).contains("no-store");
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  /** A デモ区 childcare application of api-client at its certificate check, naming the certificate document. */
  private String verifyingChildcareApplication(String certificateId) {
    String childcareId = UUID.randomUUID().toString();
    childcareStore.insert(new jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.ApplicationRow(childcareId,
        "demo-ku", "api-client", java.time.Instant.now(), null, "0".repeat(64), 2026, "2027-01", "verifying",
        new jp.tetsuzuki.processes.childcare.enrollment.ApplicationContent(List.of(
            new jp.tetsuzuki.processes.childcare.enrollment.ApplicationContent.Guardian("a", "work", 20, 8.0, null,
                null)), true, false, false, false, false, 0, null, List.of(
            new jp.tetsuzuki.processes.childcare.enrollment.ApplicationContent.Child("c1", null,
                java.time.LocalDate.of(2025, 6, 1), List.of("f1"), null)),
            List.of(new jp.tetsuzuki.processes.childcare.enrollment.ApplicationContent.Document(certificateId,
                "employment-certificate", 1, null))), null, null, null, null, null));
    return childcareId;
  }
}
