package jp.tetsuzuki.processes.contractpayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.bpmn.ContractPayment;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import jp.tetsuzuki.processes.support.WebappSession;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contract system of デモ区 ({@code api-client}) and the supplier's system ({@code supplier-marumaru}, bound to
 * 株式会社〇〇商事's 法人番号) use the public API as documented; the inspector, 課長 and 会計管理者 work in the
 * Tasklist over /engine-rest. The invoice is shaped like the specification's example (seller T-number in
 * PartyTaxScheme/CompanyID, 10 % and 8 % subtotals). Bad input is refused naming the field, nothing created.
 */
@PlatformTest
public class ContractPaymentHttpTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired ContractCases cases;

  Http contractSystem() {
    return Http.as("api-client", port);
  }

  Http supplier() {
    return Http.as("supplier-marumaru", port);
  }

  @Test
  void theContractSystemRegistersTheSupplierNotifiesAndInvoicesAndTheOfficePays() throws Exception {
    String id = "C-HTTP-" + UUID.randomUUID().toString().substring(0, 8);
    String contractDate = LocalDate.now(JapanTime.ZONE).minusDays(30).toString();
    Map<String, Object> body = Map.of("id", id, "tenantId", "demo-ku", "department", "doro", "kind", "goods",
        "title", "事務用品の購入", "supplier", Map.of("name", "株式会社〇〇商事", "corporateNumber", "5010001008846",
            "registrationNumber", "T5010001008846"),
        "items", List.of(Map.of("description", "デスクチェア 5脚", "amount", 250000, "taxRate", 10),
            Map.of("description", "配送", "amount", 7500, "taxRate", 10),
            Map.of("description", "緑茶ペットボトル", "amount", 2500, "taxRate", 8),
            Map.of("description", "検定済教科書（算数）10冊", "amount", 3490, "taxRate", 0)),
        "contractDate", contractDate, "taxRounding", "FLOOR");

    // refused input names the field; nothing is created
    Http.Response noKey = contractSystem().postJson("/api/v1/contracts", body);
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(noKey.json().get("field").asText()).isEqualTo("Idempotency-Key");
    Map<String, Object> badKind = new java.util.HashMap<>(body);
    badKind.put("kind", "rental");
    Http.Response refused = contractSystem().header("Idempotency-Key", "k-" + id).postJson("/api/v1/contracts",
        badKind);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("field").asText()).isEqualTo("kind");
    assertThat(refused.json().get("messageJa").asText()).contains("種別");
    Map<String, Object> badNumber = new java.util.HashMap<>(body);
    badNumber.put("supplier", Map.of("name", "株式会社〇〇商事", "registrationNumber", "T5010001008847"));
    assertThat(contractSystem().header("Idempotency-Key", "k2-" + id).postJson("/api/v1/contracts", badNumber)
        .json().get("field").asText()).isEqualTo("supplier.registrationNumber");
    assertThat(contractSystem().get("/api/v1/contracts/" + id).status()).isEqualTo(404);
    // a supplier's system cannot register contracts, staff do not use this API
    assertThat(supplier().header("Idempotency-Key", "s-" + id).postJson("/api/v1/contracts", body).status())
        .isEqualTo(403);

    Http.Response created = contractSystem().header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("stage").asText()).isEqualTo("awaiting_completion");
    Http.Response replay = contractSystem().header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts", body);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_contract_case WHERE id = ?", Integer.class, id))
        .isEqualTo(1);
    assertThat(Http.as("staff-ku", port).get("/api/v1/contracts/" + id).status()).isEqualTo(403);
    assertThat(Http.anonymous(port).get("/api/v1/contracts/" + id).status()).isEqualTo(401);

    // the supplier announces completion; the inspector passes it in the Tasklist
    Http.Response notified = supplier().header("Idempotency-Key", "n-" + id)
        .postJson("/api/v1/contracts/" + id + "/completion", Map.of());
    assertThat(notified.status()).as(notified.body()).isEqualTo(200);
    assertThat(notified.json().get("stage").asText()).isEqualTo("inspection");
    assertThat(notified.json().get("inspectionDue").asText()).isNotBlank();
    assertThat(supplier().header("Idempotency-Key", "n-" + id).postJson("/api/v1/contracts/" + id + "/completion",
        Map.of()).json().get("inspections").size()).isEqualTo(1);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    Http inspector = Http.as("kensa-ku", port);
    JsonNode inspect = singleTask(inspector, pid, ContractPayment.TASK_INSPECT);
    assertThat(inspector.get("/engine-rest/task/" + inspect.get("id").asText() + "/deployed-form").json()
        .get("id").asText()).isEqualTo(ContractPayment.FORM_INSPECT);
    assertThat(Http.as("staff-ku", port).postJson("/engine-rest/task/" + inspect.get("id").asText()
        + "/submit-form", Map.of("variables", Map.of(ContractPayment.INSPECTION_RESULT, Map.of("value", "pass"))))
        .status()).isIn(403, 404);
    Http.Response inspected = inspector.postJson("/engine-rest/task/" + inspect.get("id").asText() + "/submit-form",
        Map.of("variables", Map.of(ContractPayment.INSPECTION_RESULT, Map.of("value", "pass", "type", "String"),
            ContractPayment.INSPECTION_COMMENT, Map.of("value", "納品を確認", "type", "String"))));
    assertThat(inspected.status()).as(inspected.body()).isEqualTo(204);

    // unreadable invoices are refused and nothing is stored
    Http.Response doctype = supplier().header("Idempotency-Key", "x1-" + id).post("/api/v1/invoices",
        "application/xml", ("<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Invoice>&x;</Invoice>").getBytes(StandardCharsets.UTF_8));
    assertThat(doctype.status()).as(doctype.body()).isEqualTo(400);
    assertThat(doctype.json().get("field").asText()).isEqualTo("invoice");
    assertThat(doctype.body()).doesNotContain("root:");
    byte[] huge = new byte[6 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertThat(supplier().header("Idempotency-Key", "x2-" + id).post("/api/v1/invoices", "application/xml", huge)
        .status()).isEqualTo(400);
    assertThat(contractSystem().get("/api/v1/contracts/" + id).json().get("invoices").size()).isZero();

    // a wrong registration number: returned with the problems named, the clock pauses
    Http.Response wrong = supplier().header("Idempotency-Key", "i1-" + id).post("/api/v1/invoices",
        "application/xml", ContractPaymentProcessTest.invoice(id, "<cbc:CompanyID>T5010001008846</cbc:CompanyID>",
            "<cbc:CompanyID>T5010001008847</cbc:CompanyID>"));
    assertThat(wrong.status()).as(wrong.body()).isEqualTo(201);
    JsonNode wrongAnswer = wrong.json();
    assertThat(wrongAnswer.get("contractId").asText()).isEqualTo(id);
    assertThat(wrongAnswer.get("valid").asBoolean()).isFalse();
    assertThat(wrongAnswer.get("problems").toString()).contains("REGISTRATION_NUMBER_CHECK_DIGIT", "登録番号");
    assertThat(contractSystem().get("/api/v1/contracts/" + id).json().get("stage").asText())
        .isEqualTo("invoice_returned");

    // the corrected invoice as a multipart file
    String boundary = "b" + UUID.randomUUID();
    Http.Response corrected = supplier().header("Idempotency-Key", "i2-" + id).post("/api/v1/invoices",
        "multipart/form-data; boundary=" + boundary, multipart(boundary, ContractPaymentProcessTest.invoice(id)));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
    JsonNode afterInvoice = await().atMost(Duration.ofSeconds(90)).until(
        () -> contractSystem().get("/api/v1/contracts/" + id).json(), c -> c.get("stage").asText()
            .equals("payment_order"));
    assertThat(afterInvoice.get("invoices").get(1).get("valid").asBoolean()).isTrue();
    assertThat(afterInvoice.get("paymentDue").asText()).isNotBlank();
    assertThat(afterInvoice.at("/payment/amount").asLong()).isEqualTo(289_440);
    // attack review 3 A8: the contract names no periods, so the law's 15 days (10条), not the 30-day maximum
    assertThat(afterInvoice.get("events").toString()).contains("支払期間 15日");
    // another supplier's invoice for this contract is not found
    assertThat(Http.as("api-client", port).get("/api/v1/contracts/" + id).status()).isEqualTo(200);

    // 支出命令 by 課長, then the 会計管理者
    Http kacho = Http.as("kacho-ku", port);
    String route = runtime.createProcessInstanceQuery().superProcessInstanceId(pid).singleResult().getId();
    JsonNode approve = singleTask(kacho, route, ApprovalRoute.TASK_APPROVE);
    assertThat(kacho.postJson("/engine-rest/task/" + approve.get("id").asText() + "/submit-form", Map.of("variables",
        Map.of(ApprovalRoute.DECISION, Map.of("value", ApprovalRoute.DECISION_APPROVE, "type", "String"))))
        .status()).isEqualTo(204);
    Http accountant = Http.as("kaikeikanri-ku", port);
    JsonNode check = singleTask(accountant, pid, ContractPayment.TASK_CHECK_ACCOUNTING);
    Http.Response checked = accountant.postJson("/engine-rest/task/" + check.get("id").asText() + "/submit-form",
        Map.of("variables", Map.of(ContractPayment.ACCOUNTING_RESULT, Map.of("value", "pass", "type", "String"))));
    assertThat(checked.status()).as(checked.body()).isEqualTo(204);
    // the export is a job of its own (the job executor runs it)
    JsonNode exported = await().atMost(Duration.ofSeconds(60)).until(
        () -> supplier().get("/api/v1/contracts/" + id).json(), c -> c.get("stage").asText().equals("exported"));
    String paymentId = exported.at("/payment/paymentId").asText();

    // the accounting system's acknowledgement marks it paid (once)
    String today = LocalDate.now(JapanTime.ZONE).toString().replace("-", "");
    byte[] ack = (paymentId + ",PAID," + today + ",289440\r\n").getBytes(StandardCharsets.US_ASCII);
    assertThat(cases.acknowledge("demo-ku", ack).paid()).hasSize(1);
    assertThat(cases.acknowledge("demo-ku", ack).paid()).isEmpty();
    JsonNode paid = supplier().get("/api/v1/contracts/" + id).json();
    assertThat(paid.get("stage").asText()).isEqualTo("paid");
    assertThat(paid.at("/payment/lateInterest").asLong()).isZero();
    assertThat(paid.get("events").toString()).contains("返戻", "支払済");
    // one more invoice for the paid contract: 409 saying it is paid (N10: it said "send it after the inspection")
    Http.Response late = supplier().header("Idempotency-Key", "i3-" + id).post("/api/v1/invoices",
        "application/xml", ContractPaymentProcessTest.invoice(id));
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.json().get("messageJa").asText()).contains("支払済").doesNotContain("検査の合格後");
    assertThat(contractSystem().get("/v3/api-docs").body()).contains("/api/v1/contracts", "/api/v1/invoices");
  }

  // ---- the attacker review of issue 11 (/work/review-attack.md)

  private Map<String, Object> contractBody(String id, String tenantId, String department, Map<String, Object> supplier,
      String itemDescription) {
    return new java.util.HashMap<>(Map.of("id", id, "tenantId", tenantId, "department", department, "kind", "goods",
        "title", "事務用品の購入", "supplier", supplier,
        "items", List.of(Map.of("description", itemDescription, "amount", 250000, "taxRate", 10)),
        "contractDate", LocalDate.now(JapanTime.ZONE).minusDays(30).toString()));
  }

  private static Map<String, Object> marumaru() {
    return Map.of("name", "株式会社〇〇商事", "corporateNumber", "5010001008846", "registrationNumber", "T5010001008846");
  }

  /**
   * F4: contract ids were global, so デモ市's contract system learned (409) and could take デモ区's ids. Ids are unique
   * per tenant (V77); an account serving several tenants names the tenant when an id is in more than one.
   */
  @Test
  void reviewF4_twoTenantsMayUseTheSameContractIdAndEachSeesOnlyItsOwn() {
    String id = "C-F4-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response ku = contractSystem().header("Idempotency-Key", "ku-" + id).postJson("/api/v1/contracts",
        contractBody(id, "demo-ku", "doro", marumaru(), "デスクチェア"));
    assertThat(ku.status()).as(ku.body()).isEqualTo(201);
    Http.Response shi = contractSystem().header("Idempotency-Key", "shi-" + id).postJson("/api/v1/contracts",
        contractBody(id, "demo-shi", "doro", marumaru(), "デスクチェア"));
    assertThat(shi.status()).as(shi.body()).isEqualTo(201);
    assertThat(shi.json().get("tenantId").asText()).isEqualTo("demo-shi");
    // the same id twice in one tenant is still a conflict
    assertThat(contractSystem().header("Idempotency-Key", "ku2-" + id).postJson("/api/v1/contracts",
        contractBody(id, "demo-ku", "doro", marumaru(), "机")).status()).isEqualTo(409);
    // api-client serves both tenants: it names the one it means
    Http.Response ambiguous = contractSystem().get("/api/v1/contracts/" + id);
    assertThat(ambiguous.status()).isEqualTo(400);
    assertThat(ambiguous.json().get("field").asText()).isEqualTo("tenantId");
    assertThat(contractSystem().get("/api/v1/contracts/" + id + "?tenantId=demo-shi").json().get("tenantId")
        .asText()).isEqualTo("demo-shi");
    // the supplier is bound in デモ区 only: its notice reaches デモ区's contract, デモ市's stays untouched
    Http.Response notified = supplier().header("Idempotency-Key", "n-" + id)
        .postJson("/api/v1/contracts/" + id + "/completion", Map.of());
    assertThat(notified.status()).as(notified.body()).isEqualTo(200);
    assertThat(notified.json().get("tenantId").asText()).isEqualTo("demo-ku");
    assertThat(contractSystem().get("/api/v1/contracts/" + id + "?tenantId=demo-shi").json().get("stage").asText())
        .isEqualTo("awaiting_completion");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_contract_case WHERE id = ?", Integer.class, id))
        .isEqualTo(2);
  }

  /**
   * F5: any department string was accepted; the department routes the payment order and its revision group, so an
   * unknown one strands it and kaikeikanri hands the originator role to the 会計管理者 (shared/domain/
   * contract-payment.md steps 6 and 7 are different people). 400 naming department.
   */
  @Test
  void reviewF5_theDepartmentMustBeAnOrderingDepartmentOfTheTenant() {
    String id = "C-F5-" + UUID.randomUUID().toString().substring(0, 8);
    for (String department : List.of("zz-nonexistent", "kaikeikanri", "kensa", "supervisors")) {
      Http.Response refused = contractSystem().header("Idempotency-Key", department + "-" + id)
          .postJson("/api/v1/contracts", contractBody(id, "demo-ku", department, marumaru(), "机"));
      assertThat(refused.status()).as(department + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).isEqualTo("department");
      assertThat(refused.json().get("messageJa").asText()).isNotBlank();
    }
    assertThat(contractSystem().get("/api/v1/contracts/" + id + "?tenantId=demo-ku").status()).isEqualTo(404);
  }

  /**
   * F22: a supplier name with CR LF was accepted and only failed at the payment export (after every approval). The
   * payee name is checked as the accounting file writes it (windows-31j, JIS X 0208, 48 bytes) at registration.
   */
  @Test
  void reviewF22_namesTheAccountingFileCannotCarryAreRefusedAtRegistration() {
    String id = "C-F22-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> refusedNames = Map.of("crlf", "株式会社\r\n〇〇商事", "ibm", "髙島屋株式会社",
        "wide", "株".repeat(25), "bidi", "株式会社\u202e〇〇商事");
    refusedNames.forEach((label, name) -> {
      Http.Response refused = contractSystem().header("Idempotency-Key", label + "-" + id).postJson(
          "/api/v1/contracts", contractBody(id, "demo-ku", "doro", Map.of("name", name,
              "corporateNumber", "5010001008846"), "机"));
      assertThat(refused.status()).as(label + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).as(label).isEqualTo("supplier.name");
      assertThat(refused.json().get("messageJa").asText()).as(label).contains("相手方");
    });
    Http.Response item = contractSystem().header("Idempotency-Key", "item-" + id).postJson("/api/v1/contracts",
        contractBody(id, "demo-ku", "doro", marumaru(), "机\u0000\r\n"));
    assertThat(item.status()).as(item.body()).isEqualTo(400);
    assertThat(item.json().get("field").asText()).isEqualTo("items[0].description");
    assertThat(contractSystem().get("/api/v1/contracts/" + id + "?tenantId=demo-ku").status()).isEqualTo(404);
  }

  /**
   * N11 (second attacker pass): 120000.5 yen was cut to 120000, "250000" and "10" as texts were taken as numbers and a
   * contract of 1900 was registered. A fraction or a text where a number belongs is refused naming the field; a
   * contract older than the five years a payment claim lasts (地方自治法第236条) is refused; nothing is stored.
   */
  @Test
  void reviewN11_fractionsTextsForNumbersAndAncientContractDatesAreRefused() {
    String id = "C-N11-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Map<String, Object>> refusedItems = Map.of(
        "fraction", Map.of("description", "机", "amount", 120000.5, "taxRate", 10),
        "text-amount", Map.of("description", "机", "amount", "250000", "taxRate", 10),
        "text-rate", Map.of("description", "机", "amount", 250000, "taxRate", "10"),
        "fraction-rate", Map.of("description", "机", "amount", 250000, "taxRate", 9.9));
    refusedItems.forEach((label, item) -> {
      Map<String, Object> body = contractBody(id, "demo-ku", "doro", marumaru(), "机");
      body.put("items", List.of(item));
      Http.Response refused = contractSystem().header("Idempotency-Key", label + "-" + id)
          .postJson("/api/v1/contracts", body);
      assertThat(refused.status()).as(label + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).as(label).startsWith("items[0].");
      assertThat(refused.json().get("messageJa").asText()).as(label).isNotBlank();
    });
    Map<String, Object> numericTitle = contractBody(id, "demo-ku", "doro", marumaru(), "机");
    numericTitle.put("title", 12345);
    Http.Response title = contractSystem().header("Idempotency-Key", "title-" + id).postJson("/api/v1/contracts",
        numericTitle);
    assertThat(title.status()).as(title.body()).isEqualTo(400);
    assertThat(title.json().get("field").asText()).isEqualTo("title");
    for (String date : List.of("1900-01-01", LocalDate.now(JapanTime.ZONE).minusYears(5).minusDays(1).toString())) {
      Map<String, Object> old = contractBody(id, "demo-ku", "doro", marumaru(), "机");
      old.put("contractDate", date);
      Http.Response refused = contractSystem().header("Idempotency-Key", date + "-" + id)
          .postJson("/api/v1/contracts", old);
      assertThat(refused.status()).as(date + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).isEqualTo("contractDate");
      assertThat(refused.json().get("messageJa").asText()).contains("地方自治法第236条");
    }
    assertThat(contractSystem().get("/api/v1/contracts/" + id + "?tenantId=demo-ku").status()).isEqualTo(404);
  }

  /**
   * F19: six simultaneous completion notices gave one 200, four 409 and one 500 (duplicate key of the inspection
   * round). The case row is locked: one notice wins, every other gets 409.
   */
  @Test
  void reviewF19_simultaneousCompletionNoticesGiveOneNoticeAndConflictsNever500() throws Exception {
    String id = "C-F19-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(contractSystem().header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts",
        contractBody(id, "demo-ku", "doro", marumaru(), "机")).status()).isEqualTo(201);
    int parallel = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        String key = "n" + i + "-" + id;
        answers.add(pool.submit(() -> {
          go.await();
          return supplier().header("Idempotency-Key", key).postJson("/api/v1/contracts/" + id + "/completion",
              Map.of()).status();
        }));
      }
      go.countDown();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses).as(statuses.toString()).containsOnly(200, 409);
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tz_contract_inspection WHERE contract_id = ?",
        Integer.class, id)).isEqualTo(1);
  }

  /** F15: the contract system may not announce completion for the supplier (403, nothing started). */
  @Test
  void reviewF15_theContractSystemGets403ForCompletionNotices() {
    String id = "C-F15-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(contractSystem().header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts",
        contractBody(id, "demo-ku", "doro", marumaru(), "机")).status()).isEqualTo(201);
    Http.Response refused = contractSystem().header("Idempotency-Key", "n-" + id)
        .postJson("/api/v1/contracts/" + id + "/completion", Map.of());
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().get("messageJa").asText()).contains("相手方");
    assertThat(contractSystem().get("/api/v1/contracts/" + id).json().get("stage").asText())
        .isEqualTo("awaiting_completion");
  }

  // ---- attack review 3 (/work/review-attack3.md)

  /** Registered, noticed and passed: the contract awaits its invoice. */
  private void awaitingInvoice(String id) {
    assertThat(contractSystem().header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts",
        contractBody(id, "demo-ku", "doro", marumaru(), "デスクチェア")).status()).isEqualTo(201);
    assertThat(supplier().header("Idempotency-Key", "n-" + id).postJson("/api/v1/contracts/" + id + "/completion",
        Map.of()).status()).isEqualTo(200);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    Http inspector = Http.as("kensa-ku", port);
    JsonNode inspect = singleTask(inspector, pid, ContractPayment.TASK_INSPECT);
    assertThat(inspector.postJson("/engine-rest/task/" + inspect.get("id").asText() + "/submit-form",
        Map.of("variables", Map.of(ContractPayment.INSPECTION_RESULT, Map.of("value", "pass", "type", "String"))))
        .status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> supplier().get("/api/v1/contracts/" + id).json()
        .get("stage").asText(), "awaiting_invoice"::equals);
  }

  /** A4: the JSON body {@code null} (or another non-object) was a 500 (NPE); it is 400 naming the body. */
  @Test
  void attack3A4_aJsonBodyThatIsNoObjectIs400NamingTheBody() {
    for (String body : List.of("null", "[]", "42", "\"x\"", "")) {
      Http.Response refused = contractSystem().header("Idempotency-Key", "a4-" + UUID.randomUUID())
          .post("/api/v1/contracts", "application/json", body.getBytes(StandardCharsets.UTF_8));
      assertThat(refused.status()).as("'" + body + "': " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).as(body).isEqualTo("body");
      assertThat(refused.json().get("messageJa").asText()).as(body).isNotBlank();
    }
    String id = "C-A4-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(contractSystem().header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts",
        contractBody(id, "demo-ku", "doro", marumaru(), "机")).status()).isEqualTo(201);
    for (String body : List.of("null", "[]", "7")) {
      Http.Response refused = supplier().header("Idempotency-Key", "a4n-" + UUID.randomUUID())
          .post("/api/v1/contracts/" + id + "/completion", "application/json", body.getBytes(StandardCharsets.UTF_8));
      assertThat(refused.status()).as("'" + body + "': " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).as(body).isEqualTo("body");
    }
    assertThat(supplier().get("/api/v1/contracts/" + id).json().get("stage").asText())
        .isEqualTo("awaiting_completion");
  }

  /**
   * A5: an Idempotency-Key covers the whole request: a completion notice with another body, a scan for another
   * contract, an invoice with another file is 409 saying the key was used for another request (it said the case had
   * changed); an XML file whose contract differs from the contractId part is 400 contractId; an empty XML body is
   * an empty invoice, not "not valid JSON".
   */
  @Test
  void attack3A5_anIdempotencyKeyCoversTheWholeRequest() throws Exception {
    String id = "C-A5-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(contractSystem().header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts",
        contractBody(id, "demo-ku", "doro", marumaru(), "机")).status()).isEqualTo(201);
    assertThat(supplier().header("Idempotency-Key", "K-" + id).postJson("/api/v1/contracts/" + id + "/completion",
        Map.of()).status()).isEqualTo(200);
    Http.Response other = supplier().header("Idempotency-Key", "K-" + id).postJson("/api/v1/contracts/" + id
        + "/completion", Map.of("noticeOn", LocalDate.now(JapanTime.ZONE).minusDays(1).toString()));
    assertThat(other.status()).as(other.body()).isEqualTo(409);
    assertThat(other.json().get("messageJa").asText()).contains("別の要求に使用済み");
    Http.Response same = supplier().header("Idempotency-Key", "K-" + id).postJson("/api/v1/contracts/" + id
        + "/completion", Map.of());
    assertThat(same.status()).as(same.body()).isEqualTo(200);
    assertThat(same.json().get("inspections").size()).isEqualTo(1);
    assertThat(same.json().at("/inspections/0/noticeOn").asText()).isEqualTo(LocalDate.now(JapanTime.ZONE)
        .toString());

    // a scan for contract a, then the same key and file for contract b
    String a = "C-A5a-" + UUID.randomUUID().toString().substring(0, 8);
    String b = "C-A5b-" + UUID.randomUUID().toString().substring(0, 8);
    awaitingInvoice(a);
    awaitingInvoice(b);
    byte[] pdf = invoicePdf(LocalDate.now(JapanTime.ZONE).minusDays(1));
    String boundary = "b" + UUID.randomUUID();
    Http.Response scan = supplier().header("Idempotency-Key", "S-" + a).post("/api/v1/invoices",
        "multipart/form-data; boundary=" + boundary, pdfMultipart(boundary, pdf, a));
    assertThat(scan.status()).as(scan.body()).isEqualTo(202);
    Http.Response scanForB = supplier().header("Idempotency-Key", "S-" + a).post("/api/v1/invoices",
        "multipart/form-data; boundary=" + boundary, pdfMultipart(boundary, pdf, b));
    assertThat(scanForB.status()).as(scanForB.body()).isEqualTo(409);
    assertThat(scanForB.json().get("messageJa").asText()).contains("別の要求に使用済み");
    assertThat(supplier().get("/api/v1/contracts/" + b).json().get("invoices").size()).isZero();

    // an e-invoice for b in a multipart whose contractId part names a
    Http.Response contradicting = supplier().header("Idempotency-Key", "X-" + b).post("/api/v1/invoices",
        "multipart/form-data; boundary=" + boundary, xmlMultipart(boundary, ContractPaymentProcessTest.invoice(b), a));
    assertThat(contradicting.status()).as(contradicting.body()).isEqualTo(400);
    assertThat(contradicting.json().get("field").asText()).isEqualTo("contractId");
    assertThat(supplier().get("/api/v1/contracts/" + b).json().get("invoices").size()).isZero();
    // the same key with another invoice file
    Http.Response first = supplier().header("Idempotency-Key", "X-" + b).post("/api/v1/invoices",
        "application/xml", ContractPaymentProcessTest.invoice(b));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Http.Response another = supplier().header("Idempotency-Key", "X-" + b).post("/api/v1/invoices",
        "application/xml", ContractPaymentProcessTest.invoice(b, "INV-2026-0042", "INV-2026-0043"));
    assertThat(another.status()).as(another.body()).isEqualTo(409);
    assertThat(another.json().get("messageJa").asText()).contains("別の要求に使用済み");
    // an empty XML body
    Http.Response empty = supplier().header("Idempotency-Key", "E-" + b).post("/api/v1/invoices",
        "application/xml", new byte[0]);
    assertThat(empty.status()).as(empty.body()).isEqualTo(400);
    assertThat(empty.json().get("detail").asText()).doesNotContain("JSON");
    assertThat(empty.json().get("messageJa").asText()).contains("請求書が空です");
  }

  /**
   * A6: an invoice number (cbc:ID) with CR LF and template braces was stored, shown in the case history and mailed.
   * Control and format characters and more than 100 characters are refused naming cbc:ID; nothing is stored.
   */
  @Test
  void attack3A6_anInvoiceNumberWithControlCharactersOrOver100CharactersIsRefused() {
    String id = "C-A6-" + UUID.randomUUID().toString().substring(0, 8);
    awaitingInvoice(id);
    for (String number : List.of("INV-{contractTitle}-{invoiceProblemsText}&#13;&#10;Bcc: evil@example.com",
        "INV-&#x202E;0042", "INV-&#x200B;0042", "N".repeat(101))) {
      Http.Response refused = supplier().header("Idempotency-Key", "a6-" + UUID.randomUUID()).post(
          "/api/v1/invoices", "application/xml", ContractPaymentProcessTest.invoice(id,
              "<cbc:ID>INV-2026-0042</cbc:ID>", "<cbc:ID>" + number + "</cbc:ID>", "289440</cbc:PayableAmount>",
              "289441</cbc:PayableAmount>"));
      assertThat(refused.status()).as(number + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).isEqualTo("cbc:ID");
      assertThat(refused.json().get("messageJa").asText()).contains("請求書番号");
    }
    JsonNode c = supplier().get("/api/v1/contracts/" + id).json();
    assertThat(c.get("invoices").size()).isZero();
    assertThat(c.get("stage").asText()).isEqualTo("awaiting_invoice");
    assertThat(c.get("events").toString()).doesNotContain("evil@example.com");
    // a plain number of 100 characters is fine
    Http.Response accepted = supplier().header("Idempotency-Key", "a6-ok-" + id).post("/api/v1/invoices",
        "application/xml", ContractPaymentProcessTest.invoice(id, "<cbc:ID>INV-2026-0042</cbc:ID>",
            "<cbc:ID>" + "N".repeat(100) + "</cbc:ID>"));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
  }

  /**
   * A7: a 1e12-yen 10 % contract (1.1e12 with tax) was registered and failed only at the payment export. The total
   * with the highest tax must fit the payment file's 12-digit amount field (999,999,999,999 yen).
   */
  @Test
  void attack3A7_aContractThePaymentFileCannotCarryIsRefusedAtRegistration() {
    String id = "C-A7-" + UUID.randomUUID().toString().substring(0, 8);
    for (long amount : List.of(1_000_000_000_000L, 909_090_909_091L)) {
      Map<String, Object> body = contractBody(id, "demo-ku", "doro", marumaru(), "庁舎");
      body.put("items", List.of(Map.of("description", "庁舎", "amount", amount, "taxRate", 10)));
      Http.Response refused = contractSystem().header("Idempotency-Key", "a7-" + amount + "-" + id)
          .postJson("/api/v1/contracts", body);
      assertThat(refused.status()).as(amount + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).isEqualTo("items");
      assertThat(refused.json().get("messageJa").asText()).contains("支払指示ファイル");
    }
    assertThat(contractSystem().get("/api/v1/contracts/" + id + "?tenantId=demo-ku").status()).isEqualTo(404);
    // 909,090,909,090 + 10 % = 999,999,999,999: the largest the file carries
    Map<String, Object> largest = contractBody(id, "demo-ku", "doro", marumaru(), "庁舎");
    largest.put("items", List.of(Map.of("description", "庁舎", "amount", 909_090_909_090L, "taxRate", 10)));
    assertThat(contractSystem().header("Idempotency-Key", "a7-ok-" + id).postJson("/api/v1/contracts", largest)
        .status()).isEqualTo(201);
  }

  /**
   * A8: a contract registered without inspectionDays/paymentDays got the statutory maxima (10/30, construction
   * 14/40) instead of the periods of a contract that names none (10条: inspection 10, payment 15).
   */
  @Test
  void attack3A8_periodsTheContractDoesNotNameAreTheLawsTenAndFifteenDays() {
    String unnamed = "C-A8-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = contractBody(unnamed, "demo-ku", "doro", marumaru(), "舗装工事");
    body.put("kind", "construction");
    assertThat(contractSystem().header("Idempotency-Key", "a8-" + unnamed).postJson("/api/v1/contracts", body)
        .status()).isEqualTo(201);
    String named = unnamed + "-N";
    Map<String, Object> maxima = contractBody(named, "demo-ku", "doro", marumaru(), "舗装工事");
    maxima.put("kind", "construction");
    maxima.put("inspectionDays", 14);
    maxima.put("paymentDays", 40);
    assertThat(contractSystem().header("Idempotency-Key", "a8-" + named).postJson("/api/v1/contracts", maxima)
        .status()).isEqualTo(201);
    String onlyPayment = unnamed + "-P";
    Map<String, Object> payment = contractBody(onlyPayment, "demo-ku", "doro", marumaru(), "机");
    payment.put("paymentDays", 20);
    assertThat(contractSystem().header("Idempotency-Key", "a8-" + onlyPayment).postJson("/api/v1/contracts",
        payment).status()).isEqualTo(201);
    assertThat(jdbc.queryForList("SELECT id, inspection_days, payment_days FROM tz_contract_case WHERE tenant_id = "
        + "'demo-ku' AND id IN (?, ?, ?) ORDER BY id", unnamed, named, onlyPayment).stream()
        .map(r -> r.get("ID") + "=" + r.get("INSPECTION_DAYS") + "/" + r.get("PAYMENT_DAYS")).toList())
        .containsExactly(unnamed + "=10/15", named + "=14/40", onlyPayment + "=10/20");
  }

  /**
   * One PDF invoice through OCR and staff verification: the supplier's system sends a PDF (202, verification
   * pending), the in-JVM OCR worker reads it with real Tesseract, staff see the scan beside the fields in the
   * Tasklist (the staff document view, with their webapp session) and confirm them, and the invoice is validated
   * like an e-invoice.
   */
  /** The contract the PDF invoice of {@link #invoicePdf} bills (10 % and 8 % items, FLOOR rounding). */
  public static Map<String, Object> pdfInvoiceContract(String id, String title) {
    return Map.of("id", id, "tenantId", "demo-ku", "department", "doro", "kind", "goods",
        "title", title, "supplier", Map.of("name", "株式会社〇〇商事", "corporateNumber",
            "5010001008846", "registrationNumber", "T5010001008846"),
        "items", List.of(Map.of("description", "デスクチェア 5脚", "amount", 250000, "taxRate", 10),
            Map.of("description", "配送", "amount", 7500, "taxRate", 10),
            Map.of("description", "緑茶ペットボトル", "amount", 2500, "taxRate", 8)),
        "contractDate", LocalDate.now(JapanTime.ZONE).minusDays(30).toString(), "taxRounding", "FLOOR");
  }

  @Test
  void onePdfInvoiceThroughOcrAndStaffVerification() throws Exception {
    String id = "C-PDF-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = pdfInvoiceContract(id, "事務用品の購入（紙の請求書）");
    assertThat(contractSystem().header("Idempotency-Key", "c-" + id).postJson("/api/v1/contracts", body).status())
        .isEqualTo(201);
    assertThat(supplier().header("Idempotency-Key", "n-" + id).postJson("/api/v1/contracts/" + id + "/completion",
        Map.of()).status()).isEqualTo(200);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    Http inspector = Http.as("kensa-ku", port);
    JsonNode inspect = singleTask(inspector, pid, ContractPayment.TASK_INSPECT);
    assertThat(inspector.postJson("/engine-rest/task/" + inspect.get("id").asText() + "/submit-form",
        Map.of("variables", Map.of(ContractPayment.INSPECTION_RESULT, Map.of("value", "pass", "type", "String"))))
        .status()).isEqualTo(204);

    LocalDate issued = LocalDate.now(JapanTime.ZONE).minusDays(1);
    byte[] pdf = invoicePdf(issued);
    String boundary = "b" + UUID.randomUUID();
    // without the contract it names, a PDF is refused naming the part; nothing stored
    Http.Response noContract = supplier().header("Idempotency-Key", "p0-" + id).post("/api/v1/invoices",
        "multipart/form-data; boundary=" + boundary, pdfMultipart(boundary, pdf, null));
    assertThat(noContract.status()).as(noContract.body()).isEqualTo(400);
    assertThat(noContract.json().get("field").asText()).isEqualTo("contractId");
    // second review N1: the contract system does not send the supplier's scan either (403, as for XML)
    Http.Response forSupplier = contractSystem().header("Idempotency-Key", "p9-" + id).post("/api/v1/invoices",
        "multipart/form-data; boundary=" + boundary, pdfMultipart(boundary, pdf, id));
    assertThat(forSupplier.status()).as(forSupplier.body()).isEqualTo(403);
    assertThat(supplier().get("/api/v1/contracts/" + id).json().get("stage").asText()).isEqualTo("awaiting_invoice");
    Http.Response sent = supplier().header("Idempotency-Key", "p1-" + id).post("/api/v1/invoices",
        "multipart/form-data; boundary=" + boundary, pdfMultipart(boundary, pdf, id));
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(sent.json().get("valid").isNull()).isTrue();
    assertThat(sent.json().get("status").asText()).isEqualTo("VERIFICATION_PENDING");
    assertThat(sent.json().get("contractId").asText()).isEqualTo(id);
    JsonNode pending = supplier().get("/api/v1/contracts/" + id).json();
    assertThat(pending.get("invoices").get(0).get("status").asText()).isIn("verifying", "received");
    assertThat(pending.get("invoices").get(0).get("valid").isNull()).isTrue();

    // the OCR worker (real Tesseract) reads it; staff of 道路管理課 verify it in the Tasklist
    WebappSession staff = WebappSession.login(port, "staff-ku", Http.DEMO_PASSWORD, "tasklist");
    String engine = "/camunda/api/engine/engine/default";
    JsonNode verify = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(
        () -> staff.get(engine + "/task?processInstanceId=" + pid + "&taskDefinitionKey="
            + ContractPayment.TASK_VERIFY_INVOICE + "&maxResults=5").json(), t -> t.size() == 1).get(0);
    String taskId = verify.get("id").asText();
    assertThat(supplier().get("/api/v1/contracts/" + id).json().get("stage").asText())
        .isEqualTo("invoice_verification");
    JsonNode form = staff.get(engine + "/task/" + taskId + "/form-variables").json();
    // the form's text component shows the page as a Markdown image with a relative source: it loads from whatever
    // host the Tasklist was opened at (the session cookie's host)
    String imageText = form.at("/" + ContractPayment.DOCUMENT_IMAGE_TEXT + "/value").asText();
    assertThat(imageText).startsWith("![請求書の原本（1頁目）](/camunda/api/tetsuzuki/tasks/" + taskId + "/documents/")
        .endsWith("/pages/1.png)");
    String image = imageText.substring(imageText.indexOf("](") + 2, imageText.length() - 1);
    // what OCR read prefills the form; a number it misread fails its check digit and is listed for a look
    String read = form.at("/" + ContractPayment.REGISTRATION_NUMBER + "/value").asText();
    assertThat(read).matches("T[0-9]{13}");
    String toCheck = form.at("/" + ContractPayment.FIELDS_TO_CHECK_TEXT + "/value").asText();
    if (!read.equals("T5010001008846")) {
      assertThat(toCheck).contains("**登録番号**");
    }
    // the scan beside the fields, with the staff member's session
    String imagePath = image;
    Http.Response png = staff.get(imagePath);
    assertThat(png.status()).as(png.body()).isEqualTo(200);
    assertThat(png.header("Content-Type")).isEqualTo("image/png");
    assertThat(png.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(png.header("Content-Disposition")).startsWith("inline");
    assertThat(png.raw().headers().allValues("Content-Security-Policy")).singleElement().asString()
        .contains("default-src 'none'", "form-action 'none'").doesNotContain("script-src");
    assertThat(java.util.Arrays.copyOf(png.bytes(), 4)).containsExactly(0x89, 'P', 'N', 'G');
    Http.Response original = staff.get(imagePath.replace("/pages/1.png", ""));
    assertThat(original.status()).isEqualTo(200);
    assertThat(original.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(original.bytes()).isEqualTo(pdf);
    // not for others: another tenant's staff, staff not of the task's group, outside systems, anonymous
    assertThat(WebappSession.login(port, "staff-shi", Http.DEMO_PASSWORD, "tasklist").get(imagePath).status())
        .isEqualTo(404);
    assertThat(WebappSession.login(port, "kensa-ku", Http.DEMO_PASSWORD, "tasklist").get(imagePath).status())
        .isEqualTo(404);
    assertThat(Http.as("api-client", port).get(imagePath).status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get(imagePath).status()).isEqualTo(401);

    // staff confirm the fields as on the paper (whatever OCR misread is recorded as before → after)
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put(ContractPayment.REGISTRATION_NUMBER, Map.of("value", "T5010001008846", "type", "String"));
    variables.put(ContractPayment.ISSUER_NAME, Map.of("value", "株式会社〇〇商事", "type", "String"));
    variables.put(ContractPayment.RECIPIENT_NAME, Map.of("value", "デモ区", "type", "String"));
    variables.put(ContractPayment.ISSUE_DATE, Map.of("value", issued.toString(), "type", "String"));
    variables.put(ContractPayment.TRANSACTION_DATE, Map.of("value", issued.toString(), "type", "String"));
    variables.put(ContractPayment.SUBTOTAL_10, Map.of("value", 257500, "type", "Long"));
    variables.put(ContractPayment.TAX_10, Map.of("value", 25750, "type", "Long"));
    variables.put(ContractPayment.SUBTOTAL_8, Map.of("value", 2500, "type", "Long"));
    variables.put(ContractPayment.TAX_8, Map.of("value", 200, "type", "Long"));
    variables.put(ContractPayment.SUBTOTAL_0, Map.of("value", 0, "type", "Long"));
    variables.put(ContractPayment.TOTAL, Map.of("value", 285950, "type", "Long"));
    Http.Response submitted = staff.postJson(engine + "/task/" + taskId + "/submit-form",
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("variables", variables)));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    JsonNode validated = await().atMost(Duration.ofSeconds(60)).until(
        () -> supplier().get("/api/v1/contracts/" + id).json(), c -> c.get("stage").asText().equals("payment_order"));
    assertThat(validated.get("invoices").get(0).get("valid").asBoolean()).as(validated.toString()).isTrue();
    assertThat(validated.at("/payment/amount").asLong()).isEqualTo(285_950);
    // N9 (second attacker pass): the supplier read who verified the scan and the staff's notes; it reads what it was
    // told (received, scheduled), the office's contract system reads the office's steps
    assertThat(validated.get("events").toString()).contains("payment-scheduled")
        .doesNotContain("staff-ku", "invoice-verified", "invoice-corrected", "invoice-read");
    JsonNode office = contractSystem().get("/api/v1/contracts/" + id).json();
    assertThat(office.get("events").toString()).contains("OCR で読み取りました", "読取内容を確認しました（staff-ku）");
    if (!read.equals("T5010001008846")) {
      assertThat(office.get("events").toString()).contains("登録番号: " + read + " → T5010001008846");
    }
    // the task is done: the scan is no longer shown through it
    assertThat(staff.get(imagePath).status()).isEqualTo(404);
  }

  /** A qualified invoice as a supplier's accounting software prints it (IPA Gothic, A4). */
  public static byte[] invoicePdf(LocalDate issued) throws java.io.IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var page = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
      document.addPage(page);
      var font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(document,
          new java.io.File("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"));
      String date = "令和" + (issued.getYear() - 2018) + "年" + issued.getMonthValue() + "月" + issued.getDayOfMonth()
          + "日";
      try (var text = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
        float y = 760;
        for (String line : List.of("請求書", "デモ区 御中", "登録番号 T5010001008846", "発行者 株式会社〇〇商事",
            "請求日 " + date, "10%対象 257,500円 消費税 25,750円", "8%対象 2,500円 消費税 200円", "合計 285,950円")) {
          text.beginText();
          text.setFont(font, 14);
          text.newLineAtOffset(72, y);
          text.showText(line);
          text.endText();
          y -= 36;
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  public static byte[] pdfMultipart(String boundary, byte[] pdf, String contractId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (contractId != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"contractId\"\r\n\r\n" + contractId
          + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(pdf);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] xmlMultipart(String boundary, byte[] xml, String contractId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"contractId\"\r\n\r\n" + contractId
        + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(multipart(boundary, xml));
    return out.toByteArray();
  }

  private static byte[] multipart(String boundary, byte[] xml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.xml\"\r\n"
        + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(xml);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static JsonNode singleTask(Http http, String pid, String key) {
    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key
        + "&maxResults=10").json();
    assertThat(tasks.size()).as(tasks.toString()).isEqualTo(1);
    return tasks.get(0);
  }
}
