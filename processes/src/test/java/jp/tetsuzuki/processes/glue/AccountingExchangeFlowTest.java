package jp.tetsuzuki.processes.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.bpmn.ContractPayment;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.integrations.accounting.AccountingExchangeProperties;
import jp.tetsuzuki.integrations.accounting.FileReport;
import jp.tetsuzuki.integrations.accounting.demo.AccountingSystemSimulator;
import jp.tetsuzuki.integrations.einvoice.EInvoiceIntakeProperties;
import jp.tetsuzuki.processes.contractpayment.SupplierAccounts;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The accounting exchange and the e-invoice intake folder on the whole platform, as the access point and the
 * accounting system use them: the supplier's JP PINT invoice arrives as a file and becomes the case's invoice (the
 * service of {@code POST /api/v1/invoices}); the approved payment order leaves in a payment instruction file of the
 * outbox; the accounting system's acknowledgement file marks the case paid ({@code GET /api/v1/contracts/{id}}), and the
 * same file again pays nothing twice. Refused files (DOCTYPE, the specification's example naming no contract of ours,
 * bytes that are not text, a malformed or undecodable acknowledgement) end in {@code failed} with a Japanese report
 * and a dead letter the operations view shows. Each municipality has its own e-invoice inbox and the inbox decides
 * whose contract an invoice is (N5): with one contract id in デモ区 and デモ市, a file in デモ市's inbox reaches デモ市's case
 * only; a file naming a contract of デモ区 only, dropped in デモ市's inbox, is refused; a folder of a tenant not served
 * is not read. Rules: {@code shared/domain/contract-payment.md} (JP PINT, accounting).
 */
@PlatformTest
class AccountingExchangeFlowTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  /** デモ市's inspector and its supplier's system, which the demo does not have (デモ区 has kensa-ku, supplier-marumaru). */
  private static final String INSPECTOR_SHI = "kensa-shi-n5";
  private static final String SUPPLIER_SHI = "supplier-marumaru-shi";

  @LocalServerPort int port;
  @Autowired AccountingExchangeProperties accounting;
  @Autowired EInvoiceIntakeProperties einvoice;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired SupplierAccounts supplierAccounts;

  @BeforeEach
  void inspectorAndSupplierSystemOfDemoShi() {
    ensureUserOfDemoShi(INSPECTOR_SHI, "市検査員", Roles.STAFF, "demo-shi-kensa");
    ensureUserOfDemoShi(SUPPLIER_SHI, "株式会社〇〇商事", Roles.API_CLIENTS);
    supplierAccounts.bind(SUPPLIER_SHI, "demo-shi", "5010001008846", Instant.now());
  }

  @Test
  void theServiceIdentitiesServeTheDemoTenantsAndHoldNoEngineGrant() {
    for (String user : List.of("svc-accounting-exchange", "svc-einvoice-intake")) {
      assertThat(identity.createGroupQuery().groupMember(user).list()).extracting(g -> g.getId())
          .containsExactly(Roles.INTEGRATIONS);
      assertThat(identity.createTenantQuery().userMember(user).list()).extracting(Tenant::getId)
          .containsExactlyInAnyOrder("demo-ku", "demo-shi");
      assertThat(authorizations.createAuthorizationQuery().userIdIn(user).count()).isZero();
    }
  }

  @Test
  void anInvoiceFileAndAnApprovedPaymentOrderEndInAnOutboxFileAndTheAcknowledgementPaysTheCaseOnce() throws Exception {
    String id = "C-ACC-" + UUID.randomUUID().toString().substring(0, 8);
    Http contractSystem = Http.as("api-client", port);
    Http supplier = Http.as("supplier-marumaru", port);
    awaitingInvoice(id);

    // the access point delivers the supplier's e-invoice into the intake folder
    byte[] invoice = invoice(id);
    dropEInvoice("demo-ku", "inv-" + id + ".xml", invoice);
    await().atMost(WAIT).until(() -> Files.exists(einvoice.done("demo-ku").resolve("inv-" + id + ".xml")));
    JsonNode afterInvoice = await().atMost(WAIT).until(() -> contractSystem.get("/api/v1/contracts/" + id).json(),
        c -> c.get("stage").asText().equals("payment_order"));
    assertThat(afterInvoice.get("invoices")).hasSize(1);
    assertThat(afterInvoice.get("invoices").get(0).get("valid").asBoolean()).isTrue();
    // the same file again: one invoice, reported as a duplicate
    dropEInvoice("demo-ku", "inv-" + id + "-again.xml", invoice);
    Path again = einvoice.failed("demo-ku").resolve("inv-" + id + "-again.xml");
    await().atMost(WAIT).until(() -> Files.exists(again));
    assertThat(report(again)).contains("DUPLICATE", "既に受け付けています");
    assertThat(contractSystem.get("/api/v1/contracts/" + id).json().get("invoices")).hasSize(1);

    approveAndCheck(id);
    // the route collects it into a payment instruction file of the outbox
    JsonNode exported = await().atMost(WAIT).until(() -> contractSystem.get("/api/v1/contracts/" + id).json(),
        c -> c.get("stage").asText().equals("exported"));
    String paymentId = exported.at("/payment/paymentId").asText();
    Path file = await().atMost(WAIT).until(() -> outboxFileWith(paymentId), p -> p != null);
    assertThat(file.getFileName().toString()).matches("payment-demo-ku-B\\d{8}-[0-9A-F]{10}\\.dat");
    byte[] instruction = Files.readAllBytes(file);
    assertThat(instruction.length % 162).isZero();
    assertThat(new String(instruction, "windows-31j")).contains(id, "株式会社〇〇商事");
    // the case records the file once it is in the outbox
    await().atMost(WAIT).until(() -> contractSystem.get("/api/v1/contracts/" + id).json().get("events").toString()
        .contains("支払指示ファイル " + file.getFileName() + " を出力しました"));

    // the accounting system answers "paid": the case is paid, once
    AccountingSystemSimulator accountingSystem = new AccountingSystemSimulator();
    AccountingSystemSimulator.Answer answer = accountingSystem.answer(instruction, LocalDate.now(JapanTime.ZONE));
    assertThat(new String(answer.content(), StandardCharsets.US_ASCII)).contains(paymentId + ",PAID,");
    String ackName = "ack-" + id + ".csv";
    dropAck("demo-ku", ackName, answer.content());
    JsonNode paid = await().atMost(WAIT).until(() -> supplier.get("/api/v1/contracts/" + id).json(),
        c -> c.get("stage").asText().equals("paid"));
    assertThat(paid.at("/payment/lateInterest").asLong()).isZero();
    await().atMost(WAIT).until(() -> Files.exists(Path.of(accounting.ackDone()).resolve("demo-ku").resolve(ackName)));
    // the same acknowledgement again: nothing paid twice, the file reported as a duplicate
    dropAck("demo-ku", "again-" + ackName, answer.content());
    Path duplicate = Path.of(accounting.ackFailed()).resolve("demo-ku").resolve("again-" + ackName);
    await().atMost(WAIT).until(() -> Files.exists(duplicate));
    assertThat(report(duplicate)).contains("DUPLICATE", "二重に支払済にはしていません");
    JsonNode after = supplier.get("/api/v1/contracts/" + id).json();
    assertThat(after.get("stage").asText()).isEqualTo("paid");
    long paidEvents = java.util.stream.StreamSupport.stream(after.get("events").spliterator(), false)
        .filter(e -> e.get("type").asText().equals("paid")).count();
    assertThat(paidEvents).isOne();
  }

  /**
   * A FAILED line through the acknowledgement route (ContractCases.acknowledgeFile) interrupts 「支払済の通知を待つ」:
   * 会計課 gets 「不払を解決する」; a re-export goes through the batch queue again (stage export_queued) under a new
   * payment id, the failed one stays FAILED in the ledger, and the next acknowledgement pays the case.
   */
  @Test
  void aNotPaidAnswerGivesTheTreasuryATaskAndAReExportThroughTheBatchPaysTheCase() throws Exception {
    String id = "C-NP-" + UUID.randomUUID().toString().substring(0, 8);
    Http contractSystem = Http.as("api-client", port);
    awaitingInvoice(id);
    // the same invoice through the public API: one invoice service for both entry paths
    assertThat(Http.as("supplier-marumaru", port).header("Idempotency-Key", "i-" + id).post("/api/v1/invoices",
        "application/xml", invoice(id)).status()).isEqualTo(201);
    await().atMost(WAIT).until(() -> contractSystem.get("/api/v1/contracts/" + id).json(),
        c -> c.get("stage").asText().equals("payment_order"));
    approveAndCheck(id);
    String paymentId = await().atMost(WAIT).until(() -> contractSystem.get("/api/v1/contracts/" + id).json(),
        c -> c.get("stage").asText().equals("exported")).at("/payment/paymentId").asText();
    Path file = await().atMost(WAIT).until(() -> outboxFileWith(paymentId), p -> p != null);

    AccountingSystemSimulator accountingSystem = new AccountingSystemSimulator();
    accountingSystem.failing(paymentId);
    dropAck("demo-ku", "failed-" + id + ".csv", accountingSystem.answer(Files.readAllBytes(file),
        LocalDate.now(JapanTime.ZONE)).content());

    JsonNode failed = await().atMost(WAIT).until(() -> contractSystem.get("/api/v1/contracts/" + id).json(),
        c -> c.get("stage").asText().equals("payment_failed"));
    assertThat(failed.get("events").toString()).contains("支払番号 " + paymentId + " を不払と通知しました");
    await().atMost(WAIT).until(() -> Files.exists(Path.of(accounting.ackDone()).resolve("demo-ku")
        .resolve("failed-" + id + ".csv")));
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(ContractPayment.ID).singleResult().getId();
    Http treasury = Http.as("kacho-kaikei-ku", port);
    JsonNode resolve = singleTask(treasury, pid, ContractPayment.TASK_RESOLVE_PAYMENT_FAILURE);
    assertThat(treasury.postJson("/engine-rest/task/" + resolve.get("id").asText() + "/submit-form",
        Map.of("variables", Map.of(ContractPayment.PAYMENT_RESOLUTION, Map.of("value",
            ContractPayment.RESOLUTION_RETRY, "type", "String"),
            ContractPayment.RESOLUTION_COMMENT, Map.of("value", "口座番号を訂正", "type", "String"))))
        .status()).isEqualTo(204);

    String again = await().atMost(WAIT).until(() -> contractSystem.get("/api/v1/contracts/" + id).json(),
        c -> c.get("stage").asText().equals("exported") && !c.at("/payment/paymentId").asText().equals(paymentId))
        .at("/payment/paymentId").asText();
    assertThat(contractSystem.get("/api/v1/contracts/" + id).json().get("events").toString())
        .contains("payment-queued");
    Path second = await().atMost(WAIT).until(() -> outboxFileWith(again), p -> p != null);
    dropAck("demo-ku", "paid-" + id + ".csv", new AccountingSystemSimulator().answer(Files.readAllBytes(second),
        LocalDate.now(JapanTime.ZONE)).content());
    await().atMost(WAIT).until(() -> contractSystem.get("/api/v1/contracts/" + id).json(),
        c -> c.get("stage").asText().equals("paid"));
  }

  @Test
  void refusedInvoiceFilesGoToFailedWithAJapaneseReportAndADeadLetter() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    // DOCTYPE (external entity): refused by the secure parser, nothing read from the disk
    dropEInvoice("demo-ku", "doctype-" + run + ".xml", ("<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM "
        + "\"file:///etc/passwd\">]><Invoice>&x;</Invoice>").getBytes(StandardCharsets.UTF_8));
    // the specification's own example as delivered: it names contract "framework no 1", none of ours
    dropEInvoice("demo-ku", "spec-example-" + run + ".xml", example("Example.xml"));
    // bytes that are not UTF-8 text (0x85 0x40 is not even windows-31j)
    ByteArrayOutputStream broken = new ByteArrayOutputStream();
    broken.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invoice>".getBytes(StandardCharsets.UTF_8));
    broken.writeBytes(new byte[] {(byte) 0x85, 0x40});
    broken.writeBytes("</Invoice>".getBytes(StandardCharsets.UTF_8));
    dropEInvoice("demo-ku", "bytes-" + run + ".xml", broken.toByteArray());

    Path failed = einvoice.failed("demo-ku");
    for (String name : List.of("doctype-", "spec-example-", "bytes-")) {
      await().atMost(WAIT).until(() -> Files.exists(failed.resolve(name + run + ".xml")));
    }
    assertThat(report(failed.resolve("doctype-" + run + ".xml"))).contains("INVOICE_UNREADABLE", "DOCTYPE")
        .doesNotContain("root:");
    assertThat(report(failed.resolve("spec-example-" + run + ".xml"))).contains("CONTRACT_NOT_FOUND",
        "請求書の契約番号「framework no 1」の契約が見つかりません");
    assertThat(report(failed.resolve("bytes-" + run + ".xml"))).contains("INVOICE_UNREADABLE", "請求書は受け付けていません");

    Http admin = Http.as("admin", port);
    Http.Response letters = admin.get("/api/v1/operations/dead-letters?routeId=einvoice-intake&limit=50");
    assertThat(letters.status()).as(letters.body()).isEqualTo(200);
    assertThat(letters.body()).contains("demo-ku/doctype-" + run + ".xml", "demo-ku/spec-example-" + run + ".xml",
        "demo-ku/bytes-" + run + ".xml");
    assertThat(Http.as("supervisor-ku", port).get("/api/v1/operations/dead-letters?routeId=einvoice-intake")
        .status()).isEqualTo(403);
  }

  /** N5: contract ids are unique per tenant only (V77); the inbox, not the id, decides whose contract it is. */
  @Test
  void aFileInDemoShisInboxReachesDemoShisContractOnlyWhenDemoKuHasAContractOfTheSameId() throws Exception {
    String id = "C-N5-" + UUID.randomUUID().toString().substring(0, 8);
    Http contractSystem = Http.as("api-client", port);
    awaitingInvoice("demo-ku", id);
    awaitingInvoice("demo-shi", id);

    dropEInvoice("demo-shi", "shared-" + id + ".xml", invoice(id));
    await().atMost(WAIT).until(() -> Files.exists(einvoice.done("demo-shi").resolve("shared-" + id + ".xml")));
    JsonNode shi = await().atMost(WAIT).until(() -> contractSystem.get("/api/v1/contracts/" + id
        + "?tenantId=demo-shi").json(), c -> c.get("invoices").size() == 1);
    assertThat(shi.get("tenantId").asText()).isEqualTo("demo-shi");
    // デモ区's case of the same id got nothing: still waiting for its own invoice
    JsonNode ku = contractSystem.get("/api/v1/contracts/" + id + "?tenantId=demo-ku").json();
    assertThat(ku.get("invoices")).isEmpty();
    assertThat(ku.get("stage").asText()).isEqualTo("awaiting_invoice");
    assertThat(Files.exists(einvoice.done("demo-ku").resolve("shared-" + id + ".xml"))).isFalse();
  }

  @Test
  void aFileNamingAContractOfDemoKuOnlyDroppedInDemoShisInboxIsRefusedWithAJapaneseReport() throws Exception {
    String id = "C-KU-" + UUID.randomUUID().toString().substring(0, 8);
    awaitingInvoice("demo-ku", id);

    dropEInvoice("demo-shi", "ku-only-" + id + ".xml", invoice(id));
    Path refused = einvoice.failed("demo-shi").resolve("ku-only-" + id + ".xml");
    await().atMost(WAIT).until(() -> Files.exists(refused));
    assertThat(report(refused)).contains(",,\"CONTRACT_NOT_FOUND\",\"請求書の契約番号「" + id + "」の契約が見つかりません"
        + "（受信フォルダーの自治体「demo-shi」の契約ではありません）。請求書は受け付けていません。\"");
    JsonNode ku = Http.as("api-client", port).get("/api/v1/contracts/" + id + "?tenantId=demo-ku").json();
    assertThat(ku.get("invoices")).isEmpty();
    assertThat(ku.get("stage").asText()).isEqualTo("awaiting_invoice");
    assertThat(Http.as("admin", port).get("/api/v1/operations/dead-letters?routeId=einvoice-intake&limit=50").body())
        .contains("demo-shi/ku-only-" + id + ".xml", "CONTRACT_NOT_FOUND");
  }

  @Test
  void aFileInTheFolderOfATenantTheIntakeDoesNotServeIsNotRead() throws Exception {
    String id = "C-MURA-" + UUID.randomUUID().toString().substring(0, 8);
    awaitingInvoice("demo-ku", id);
    // a valid invoice of デモ区's waiting case, in the folder of a municipality the intake does not serve
    dropEInvoice("other-mura", "mura-" + id + ".xml", invoice(id));
    // a file of a served inbox dropped after it, taken by a poll that listed the other folder too
    dropEInvoice("demo-ku", "after-mura-" + id + ".xml", example("Example.xml"));
    await().atMost(WAIT).until(() -> Files.exists(einvoice.failed("demo-ku").resolve("after-mura-" + id + ".xml")));

    Path mura = Path.of(einvoice.folder()).resolve("other-mura");
    assertThat(mura.resolve("inbox").resolve("mura-" + id + ".xml")).exists();
    assertThat(mura.resolve("done")).doesNotExist();
    assertThat(mura.resolve("failed")).doesNotExist();
    JsonNode ku = Http.as("api-client", port).get("/api/v1/contracts/" + id + "?tenantId=demo-ku").json();
    assertThat(ku.get("invoices")).isEmpty();
    assertThat(ku.get("stage").asText()).isEqualTo("awaiting_invoice");
  }

  @Test
  void aMalformedOrUndecodableAcknowledgementIsRefusedAndShownInTheOperationsView() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    dropAck("demo-ku", "short-" + run + ".csv", "P1234,PAID,20261201\r\n".getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream cp932 = new ByteArrayOutputStream();
    cp932.writeBytes("P1234,PAID,20261201,100".getBytes(StandardCharsets.US_ASCII));
    cp932.writeBytes(new byte[] {(byte) 0x85, 0x40, '\r', '\n'}); // not a character of windows-31j
    dropAck("demo-ku", "bytes-" + run + ".csv", cp932.toByteArray());
    // the wave dash as windows-31j writes it (0x8160) is text, but no payment id
    dropAck("demo-shi", "wave-" + run + ".csv", "P～1,PAID,20261201,100\r\n".getBytes("windows-31j"));

    Path failed = Path.of(accounting.ackFailed());
    Path shortFile = failed.resolve("demo-ku").resolve("short-" + run + ".csv");
    Path bytesFile = failed.resolve("demo-ku").resolve("bytes-" + run + ".csv");
    Path waveFile = failed.resolve("demo-shi").resolve("wave-" + run + ".csv");
    for (Path p : List.of(shortFile, bytesFile, waveFile)) {
      await().atMost(WAIT).until(() -> Files.exists(p));
    }
    assertThat(report(shortFile)).contains("1,,\"FORMAT:line\",\"1 行目の項目数が 4 ではありません。");
    assertThat(report(bytesFile)).contains(",,\"FORMAT:file\",\"支払結果ファイルの文字コードが windows-31j（Shift_JIS）では"
        + "ありません。");
    assertThat(report(waveFile)).contains("1,,\"FORMAT:paymentId\",\"1 行目の支払番号が正しくありません。");

    Http admin = Http.as("admin", port);
    JsonNode routes = admin.get("/api/v1/operations/routes").json().get("routes");
    List<String> ids = java.util.stream.StreamSupport.stream(routes.spliterator(), false)
        .map(r -> r.get("routeId").asText()).toList();
    assertThat(ids).contains("accounting-export", "accounting-ack-intake", "einvoice-intake");
    assertThat(java.util.stream.StreamSupport.stream(routes.spliterator(), false)
        .filter(r -> r.get("routeId").asText().equals("accounting-ack-intake")).findFirst().orElseThrow()
        .get("deadLetters").asInt()).isGreaterThanOrEqualTo(3);
    Http.Response letters = admin.get("/api/v1/operations/dead-letters?routeId=accounting-ack-intake&limit=50");
    assertThat(letters.body()).contains("demo-ku/short-" + run + ".csv", "demo-ku/bytes-" + run + ".csv",
        "demo-shi/wave-" + run + ".csv");
    assertThat(admin.get("/actuator/prometheus").body()).contains("tetsuzuki_integration_files_total{",
        "route=\"accounting-ack-intake\"");
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  private void ensureUserOfDemoShi(String id, String name, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setLastName(name);
      user.setPassword(Http.DEMO_PASSWORD);
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
      identity.createTenantUserMembership("demo-shi", id);
    }
  }

  /** Registers a contract of デモ区, announces completion and passes the inspection. */
  private void awaitingInvoice(String id) {
    awaitingInvoice("demo-ku", id);
  }

  /** Registers a contract of the tenant (デモ区 or デモ市), announces completion and passes the inspection. */
  private void awaitingInvoice(String tenant, String id) {
    Http contractSystem = Http.as("api-client", port);
    Http supplier = Http.as(tenant.equals("demo-ku") ? "supplier-marumaru" : SUPPLIER_SHI, port);
    Map<String, Object> body = Map.of("id", id, "tenantId", tenant, "department", "doro", "kind", "goods",
        "title", "事務用品の購入", "supplier", Map.of("name", "株式会社〇〇商事", "corporateNumber", "5010001008846",
            "registrationNumber", "T5010001008846"),
        "items", List.of(Map.of("description", "デスクチェア 5脚", "amount", 250000, "taxRate", 10),
            Map.of("description", "配送", "amount", 7500, "taxRate", 10),
            Map.of("description", "緑茶ペットボトル", "amount", 2500, "taxRate", 8),
            Map.of("description", "検定済教科書（算数）10冊", "amount", 3490, "taxRate", 0)),
        "contractDate", LocalDate.now(JapanTime.ZONE).minusDays(30).toString(), "taxRounding", "FLOOR");
    assertThat(contractSystem.header("Idempotency-Key", "c-" + tenant + "-" + id).postJson("/api/v1/contracts", body)
        .status()).isEqualTo(201);
    Http.Response notice = supplier.header("Idempotency-Key", "n-" + id).postJson("/api/v1/contracts/" + id
        + "/completion", Map.of());
    assertThat(notice.status()).as(notice.body()).isEqualTo(200);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
        .variableValueEquals(ContractPayment.TENANT_ID, tenant)
        .processDefinitionKey(ContractPayment.ID).singleResult().getId();
    Http inspector = Http.as(tenant.equals("demo-ku") ? "kensa-ku" : INSPECTOR_SHI, port);
    JsonNode inspect = singleTask(inspector, pid, ContractPayment.TASK_INSPECT);
    assertThat(inspector.postJson("/engine-rest/task/" + inspect.get("id").asText() + "/submit-form",
        Map.of("variables", Map.of(ContractPayment.INSPECTION_RESULT, Map.of("value", "pass", "type", "String"),
            ContractPayment.INSPECTION_COMMENT, Map.of("value", "納品を確認", "type", "String")))).status())
        .isEqualTo(204);
  }

  /** 支出命令 approved by 課長, then checked by the 会計管理者. */
  private void approveAndCheck(String id) {
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(ContractPayment.ID).singleResult().getId();
    Http kacho = Http.as("kacho-ku", port);
    String route = await().atMost(WAIT).until(() -> runtime.createProcessInstanceQuery().superProcessInstanceId(pid)
        .processDefinitionKey(ApprovalRoute.ID).singleResult(), r -> r != null).getId();
    JsonNode approve = singleTask(kacho, route, ApprovalRoute.TASK_APPROVE);
    assertThat(kacho.postJson("/engine-rest/task/" + approve.get("id").asText() + "/submit-form", Map.of("variables",
        Map.of(ApprovalRoute.DECISION, Map.of("value", ApprovalRoute.DECISION_APPROVE, "type", "String"))))
        .status()).isEqualTo(204);
    Http accountant = Http.as("kaikeikanri-ku", port);
    JsonNode check = singleTask(accountant, pid, ContractPayment.TASK_CHECK_ACCOUNTING);
    assertThat(accountant.postJson("/engine-rest/task/" + check.get("id").asText() + "/submit-form",
        Map.of("variables", Map.of(ContractPayment.ACCOUNTING_RESULT, Map.of("value", "pass", "type", "String"))))
        .status()).isEqualTo(204);
  }

  private Path outboxFileWith(String paymentId) throws IOException {
    Path outbox = Path.of(accounting.outbox());
    if (!Files.isDirectory(outbox)) {
      return null;
    }
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("payment-")).toList()) {
        if (new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(paymentId)) {
          return p;
        }
      }
    }
    return null;
  }

  /** The access point delivers into the tenant's inbox ({@code <folder>/<tenant>/inbox}). */
  private void dropEInvoice(String tenant, String name, byte[] content) throws IOException {
    drop(Files.createDirectories(Path.of(einvoice.folder()).resolve(tenant).resolve("inbox")), name, content);
  }

  private void dropAck(String tenant, String name, byte[] content) throws IOException {
    drop(Files.createDirectories(Path.of(accounting.ackInbox()).resolve(tenant)), name, content);
  }

  private static void drop(Path folder, String name, byte[] content) throws IOException {
    Path temp = folder.resolve("." + name + ".part");
    Files.write(temp, content);
    Files.move(temp, folder.resolve(name));
  }

  private static String report(Path file) throws IOException {
    String text = Files.readString(file.resolveSibling(file.getFileName() + FileReport.SUFFIX),
        StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF" + FileReport.HEADER + "\r\n");
    return text;
  }

  /** The test invoice shaped like the specification's example, naming our contract (see ContractPaymentProcessTest). */
  private static byte[] invoice(String contractId) throws IOException {
    try (InputStream in = AccountingExchangeFlowTest.class.getResourceAsStream("/contract/jp-pint/Invoice-10-8-demo.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("<cbc:ID>C-2023-001</cbc:ID>", "<cbc:ID>" + contractId + "</cbc:ID>")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  private static byte[] example(String name) throws IOException {
    try (InputStream in = AccountingExchangeFlowTest.class.getResourceAsStream("/contract/jp-pint/" + name)) {
      return in.readAllBytes();
    }
  }

  private static JsonNode singleTask(Http http, String pid, String key) {
    JsonNode tasks = await().atMost(WAIT).until(() -> http.get("/engine-rest/task?processInstanceId=" + pid
        + "&taskDefinitionKey=" + key + "&maxResults=10").json(), t -> t.size() == 1);
    return tasks.get(0);
  }
}
