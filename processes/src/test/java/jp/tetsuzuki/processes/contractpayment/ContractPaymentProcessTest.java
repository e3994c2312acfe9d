package jp.tetsuzuki.processes.contractpayment;

import static jp.tetsuzuki.bpmn.ContractPayment.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tetsuzuki.bpmn.ApprovalCirculation;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.contract.Contract;
import jp.tetsuzuki.processes.contract.ContractItem;
import jp.tetsuzuki.processes.contract.ContractKind;
import jp.tetsuzuki.processes.contract.PaymentTerms;
import jp.tetsuzuki.processes.contract.Supplier;
import jp.tetsuzuki.processes.contract.TaxRate;
import jp.tetsuzuki.processes.contract.TaxRounding;
import jp.tetsuzuki.processes.contract.accounting.AcknowledgementService;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.ContractCase;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.Stage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code contract-payment} on a real in-memory engine with the real rules, store, approval route (デモ区: payments
 * under 1,000,000 yen are decided by 課長 kacho-ku), interest table (V55) and ledger; the registry is the test
 * simulator. The invoice is {@code Invoice-10-8-demo.xml} (S/10 257,500 yen, AA/8 2,500 yen, E 3,490 yen, payable
 * 289,440 yen) naming each test's contract. One test per path.
 */
class ContractPaymentProcessTest {

  static final ContractPaymentTestEnvironment ENV = new ContractPaymentTestEnvironment();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENV.configuration)
      .assertClassCoverageAtLeast(1.0)
      .excludeProcessDefinitionKeys(ApprovalRoute.ID, ApprovalCirculation.ID)
      .build();

  static final String TENANT = ContractPaymentTestEnvironment.TENANT;
  static final ContractCases.Caller CONTRACT_SYSTEM = new ContractCases.Caller(TENANT, "api-client", null);
  static final ContractCases.Caller SUPPLIER = new ContractCases.Caller(TENANT, "supplier-marumaru", "5010001008846");
  static final long PAYABLE = 289_440;
  /** Monday 2026-11-16 10:00 in Tokyo; 11/23 (Mon) is 勤労感謝の日. */
  static final Instant MONDAY = Instant.parse("2026-11-16T01:00:00Z");
  static final AtomicInteger SEQ = new AtomicInteger();
  static boolean populated;

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(MONDAY));
    if (!populated) {
      ENV.populate(engine);
      populated = true;
    }
    ENV.registry.down(false);
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void onTimePaymentIsInspectedValidatedOrderedCheckedExportedAndAcknowledgedOnce() throws Exception {
    String id = register(ContractKind.GOODS, "doro", LocalDate.of(2026, 11, 2));
    ProcessInstance pi = instance(id);
    assertThat(pi).isWaitingAt(TASK_AWAIT_COMPLETION);

    ENV.cases.notifyCompletion(SUPPLIER, id, LocalDate.of(2026, 11, 16), "notice-" + UUID.randomUUID());
    // 10 days from 11/16 (初日不算入): 11/26, open
    assertThat(pi).isWaitingAt(TASK_INSPECT).variables().containsEntry(INSPECTION_DUE_DATE, "2026-11-26")
        .containsEntry(INSPECTION_GROUP, "demo-ku-kensa");
    Task inspection = task(pi);
    Assertions.assertThat(candidateGroups(inspection)).containsExactly("demo-ku-kensa");
    Assertions.assertThat(inspection.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    Assertions.assertThat((String) taskService().getVariableLocal(inspection.getId(), CONTRACT_SUMMARY))
        .contains("株式会社〇〇商事", "T5010001008846", "物品");
    Assertions.assertThat(stage(id)).isEqualTo(Stage.INSPECTION);

    at("2026-11-18T01:00:00Z");
    inspect(pi, "kensa-ku", INSPECTION_PASS, "納品物を確認");
    assertThat(pi).isWaitingAt(TASK_AWAIT_INVOICE).variables().containsEntry(ORIGINATOR, "kensa-ku");

    ContractCases.InvoiceAnswer answer = ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    Assertions.assertThat(answer.valid()).isTrue();
    Assertions.assertThat(answer.problems()).isEmpty();
    Assertions.assertThat(answer.contractId()).isEqualTo(id);
    // 30 days from the proper invoice (11/18): 12/18 (Fri); warned 5 open days before, 12/11 09:00
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT).variables().containsEntry(PAYMENT_DUE_DATE, "2026-12-18")
        .containsEntry(AMOUNT, PAYABLE);
    Job warning = job(pi, EVENT_PAYMENT_DUE_SOON);
    Assertions.assertThat(warning.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-11T00:00:00Z"));
    ContractCase scheduled = ENV.store.find(TENANT, id).orElseThrow();
    Assertions.assertThat(scheduled.paymentDueOn()).isEqualTo(LocalDate.of(2026, 12, 18));
    Assertions.assertThat(scheduled.pausedDays()).isZero();
    Assertions.assertThat(scheduled.inspectionDelayDays()).isZero();

    approve(pi, "kacho-ku", "支出を命ずる");
    assertThat(pi).isWaitingAt(TASK_CHECK_ACCOUNTING);
    Task accounting = task(pi);
    Assertions.assertThat(candidateGroups(accounting)).containsExactly("demo-ku-kaikeikanri");
    // the originator cannot check his own payment order
    assertThatThrownBy(() -> complete("kensa-ku", accounting, Map.of(ACCOUNTING_RESULT, ACCOUNTING_PASS)))
        .hasMessageContaining("the originator of the payment order cannot check it");
    complete("kaikei-kanri-ku", accounting, Map.of(ACCOUNTING_RESULT, ACCOUNTING_PASS));
    export(pi);

    assertThat(pi).isWaitingAt(TASK_AWAIT_ACKNOWLEDGEMENT);
    ContractCase exported = ENV.store.find(TENANT, id).orElseThrow();
    Assertions.assertThat(exported.stage()).isEqualTo(Stage.EXPORTED);
    Assertions.assertThat(exported.instructionInterest()).isZero();
    byte[] file = Files.readAllBytes(ENV.outbox.resolve("payment-demo-ku-" + exported.paymentId() + ".dat"));
    Assertions.assertThat(file.length % 162).isZero();
    Assertions.assertThat(new String(file, "windows-31j")).contains(exported.paymentId(), id);

    // the acknowledgement arrives on the payment day (10:00 in Tokyo)
    at("2026-12-10T01:00:00Z");
    // attack review 3 A1: a PAID line dated in the future (the attacker's 2999-12-31, or tomorrow in Japan) or
    // before the payment was exported (11/18) goes to the rejection report; the payment stays exported
    for (String refused : List.of("29991231", "20261211", "20261117", "19000101")) {
      AcknowledgementService.Result result = ENV.cases.acknowledge(TENANT, (exported.paymentId() + ",PAID," + refused
          + "," + PAYABLE + "\r\n").getBytes(StandardCharsets.US_ASCII));
      Assertions.assertThat(result.paid()).as(refused).isEmpty();
      Assertions.assertThat(result.problems()).as(refused).singleElement().satisfies(p -> {
        Assertions.assertThat(p.paymentId()).isEqualTo(exported.paymentId());
        Assertions.assertThat(p.code()).isEqualTo(refused.compareTo("20261210") > 0 ? "PAID_ON_FUTURE"
            : "PAID_BEFORE_EXPORT");
        Assertions.assertThat(p.messageJa()).contains("支払日");
      });
      Assertions.assertThat(ENV.store.find(TENANT, id).orElseThrow().stage()).isEqualTo(Stage.EXPORTED);
      Assertions.assertThat(ENV.store.find(TENANT, id).orElseThrow().paidOn()).isNull();
      assertThat(pi).isWaitingAt(TASK_AWAIT_ACKNOWLEDGEMENT);
    }
    byte[] ack = (exported.paymentId() + ",PAID,20261210," + PAYABLE + "\r\n").getBytes(StandardCharsets.US_ASCII);
    AcknowledgementService.Result first = ENV.cases.acknowledge(TENANT, ack);
    Assertions.assertThat(first.paid()).hasSize(1);
    assertThat(pi).isEnded().hasPassed(TASK_RECORD_PAYMENT, EVENT_PAYMENT_DONE, EVENT_PAID)
        .hasNotPassed(TASK_WARN_PAYMENT_DUE);
    ContractCase paid = ENV.store.find(TENANT, id).orElseThrow();
    Assertions.assertThat(paid.stage()).isEqualTo(Stage.PAID);
    Assertions.assertThat(paid.paidOn()).isEqualTo(LocalDate.of(2026, 12, 10));
    Assertions.assertThat(paid.lateInterest()).isZero();
    // the same acknowledgement again pays nothing twice
    AcknowledgementService.Result again = ENV.cases.acknowledge(TENANT, ack);
    Assertions.assertThat(again.paid()).isEmpty();
    Assertions.assertThat(again.alreadyApplied()).containsExactly(exported.paymentId());
    Assertions.assertThat(events(id)).containsSubsequence("registered", "completion-notified", "inspection-passed",
        "payment-scheduled", "accounting-passed", "payment-exported", "paid");
  }

  @Test
  void failedInspectionWaitsForANewNoticeAndThePeriodRestartsWhileTheLateDaysShortenThePaymentPeriod() {
    String id = register(ContractKind.GOODS, "doro", LocalDate.of(2026, 11, 2));
    ProcessInstance pi = instance(id);
    ENV.cases.notifyCompletion(SUPPLIER, id, LocalDate.of(2026, 11, 16), "notice-" + UUID.randomUUID());
    assertThat(pi).variables().containsEntry(INSPECTION_DUE_DATE, "2026-11-26");
    // a failure needs findings for the supplier
    assertThatThrownBy(() -> inspect(pi, "kensa-ku", INSPECTION_FAIL, null))
        .hasMessageContaining("inspectionComment is required");

    // inspected 4 days late (11/30) and failed
    at("2026-11-30T01:00:00Z");
    inspect(pi, "kensa-ku", INSPECTION_FAIL, "脚部の塗装に傷あり。交換してください。");
    assertThat(pi).isWaitingAt(TASK_AWAIT_COMPLETION);
    Assertions.assertThat(stage(id)).isEqualTo(Stage.AWAITING_COMPLETION);
    Assertions.assertThat(eventText(id, "inspection-failed")).contains("不合格", "脚部の塗装に傷あり");
    // an invoice before passing is refused, nothing stored
    assertThatThrownBy(() -> ENV.cases.receiveInvoice(SUPPLIER, "early-" + id, invoice(id)))
        .hasMessageContaining("does not await an invoice");
    Assertions.assertThat(ENV.store.invoices(TENANT, id)).isEmpty();

    // the new notice restarts the period: 12/1 + 10 = 12/11
    at("2026-12-01T01:00:00Z");
    ENV.cases.notifyCompletion(SUPPLIER, id, LocalDate.of(2026, 12, 1), "notice-" + UUID.randomUUID());
    assertThat(pi).isWaitingAt(TASK_INSPECT).variables().containsEntry(INSPECTION_DUE_DATE, "2026-12-11")
        .containsEntry(INSPECTION_ROUND, 2);
    at("2026-12-02T01:00:00Z");
    inspect(pi, "kensa-ku", INSPECTION_PASS, null);
    ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    // 9条: the 4 late days are deducted: 12/2 + (30 − 4) = 12/28
    ContractCase c = ENV.store.find(TENANT, id).orElseThrow();
    Assertions.assertThat(c.inspectionDelayDays()).isEqualTo(4);
    Assertions.assertThat(c.paymentDueOn()).isEqualTo(LocalDate.of(2026, 12, 28));
    Assertions.assertThat(ENV.store.inspections(TENANT, id)).extracting(ContractCaseStore.Inspection::passed)
        .containsExactly(false, true);
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT);
  }

  @Test
  void wrongRegistrationNumberIsReturnedAndTheClockPausesUntilTheCorrectedInvoiceArrives() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ContractCases.InvoiceAnswer wrong = ENV.cases.receiveInvoice(SUPPLIER, "inv1-" + id,
        invoice(id, "<cbc:CompanyID>T5010001008846</cbc:CompanyID>", "<cbc:CompanyID>T5010001008847</cbc:CompanyID>"));
    Assertions.assertThat(wrong.valid()).isFalse();
    Assertions.assertThat(wrong.problems()).extracting(p -> p.get("code"))
        .contains("REGISTRATION_NUMBER_CHECK_DIGIT");
    Assertions.assertThat(wrong.problems()).allSatisfy(p -> Assertions.assertThat(p.get("message")).isNotBlank());
    assertThat(pi).hasPassed(TASK_RETURN_INVOICE).isWaitingAt(TASK_AWAIT_INVOICE);
    Assertions.assertThat(stage(id)).isEqualTo(Stage.INVOICE_RETURNED);
    Assertions.assertThat(eventText(id, "invoice-returned")).contains("返戻", "登録番号", "支払期間は進みません");
    // the notice is mailed to the supplier's system (its account's address), once per returned invoice
    LockedExternalTask mail = fetch(pi, TOPIC_NOTIFY_APPLICANT);
    Assertions.assertThat(mail.getVariables()).containsEntry(SUPPLIER_EMAIL, "supplier-marumaru@demo.tetsuzuki.invalid")
        .containsEntry("notificationEvent", EVENT_INVOICE_RETURNED_TEMPLATE)
        .containsEntry("notificationOccurrence", wrong.invoiceId())
        .containsEntry(SUPPLIER_NAME, "株式会社〇〇商事");
    Assertions.assertThat((String) mail.getVariables().get(INVOICE_PROBLEMS_TEXT)).contains("登録番号");
    engine.getExternalTaskService().complete(mail.getId(), WORKER,
        Map.of("notificationMessageId", "<m1@tetsuzuki>"));
    Assertions.assertThat(eventText(id, "invoice-return-mailed")).contains("supplier-marumaru@demo.tetsuzuki.invalid");
    Assertions.assertThat(events(id).stream().filter("invoice-return-mailed"::equals)).hasSize(1);

    // the corrected invoice arrives 3 days later (11/21): the clock stood for those days
    at("2026-11-21T01:00:00Z");
    ContractCases.InvoiceAnswer corrected = ENV.cases.receiveInvoice(SUPPLIER, "inv2-" + id, invoice(id));
    Assertions.assertThat(corrected.valid()).isTrue();
    ContractCase c = ENV.store.find(TENANT, id).orElseThrow();
    Assertions.assertThat(c.pausedDays()).isEqualTo(3);
    Assertions.assertThat(c.clockStartedOn()).isEqualTo(LocalDate.of(2026, 11, 18));
    // 11/18 + 30 + 3 paused = 12/21 (Mon)
    Assertions.assertThat(c.paymentDueOn()).isEqualTo(LocalDate.of(2026, 12, 21));
    Assertions.assertThat(ENV.store.invoices(TENANT, id)).extracting(ContractCaseStore.Invoice::status)
        .containsExactly(ContractCaseStore.InvoiceStatus.INVALID, ContractCaseStore.InvoiceStatus.VALID);
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT);
  }

  @Test
  void taxThatIsNotRoundedOncePerRateIsReturned() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ContractCases.InvoiceAnswer answer = ENV.cases.receiveInvoice(SUPPLIER, "inv1-" + id, invoice(id,
        "<cbc:TaxAmount currencyID=\"JPY\">200</cbc:TaxAmount>", "<cbc:TaxAmount currencyID=\"JPY\">201</cbc:TaxAmount>"));
    Assertions.assertThat(answer.valid()).isFalse();
    Assertions.assertThat(answer.problems()).extracting(p -> p.get("code"))
        .containsExactlyInAnyOrder("TAX_AMOUNT_ROUNDING", "TAX_TOTAL_INCONSISTENT");
    assertThat(pi).isWaitingAt(TASK_AWAIT_INVOICE).variables().containsEntry(INVOICE_VALID, false);
    Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), INVOICE_PROBLEMS_TEXT))
        .contains("TAX_AMOUNT_ROUNDING");
    // the same request again (same Idempotency-Key) answers the same verdict and stores nothing new
    ContractCases.InvoiceAnswer replay = ENV.cases.receiveInvoice(SUPPLIER, "inv1-" + id, invoice(id,
        "<cbc:TaxAmount currencyID=\"JPY\">200</cbc:TaxAmount>", "<cbc:TaxAmount currencyID=\"JPY\">201</cbc:TaxAmount>"));
    Assertions.assertThat(replay.replayed()).isTrue();
    Assertions.assertThat(replay.invoiceId()).isEqualTo(answer.invoiceId());
    Assertions.assertThat(ENV.store.invoices(TENANT, id)).hasSize(1);
  }

  @Test
  void constructionHasFourteenDaysForInspectionAndFortyForPayment() {
    String id = register(ContractKind.CONSTRUCTION, "doro", LocalDate.of(2026, 10, 1));
    ProcessInstance pi = instance(id);
    ENV.cases.notifyCompletion(SUPPLIER, id, LocalDate.of(2026, 11, 16), "notice-" + UUID.randomUUID());
    // 14 days from 11/16: 11/30 (Mon)
    assertThat(pi).isWaitingAt(TASK_INSPECT).variables().containsEntry(INSPECTION_DUE_DATE, "2026-11-30");
    at("2026-11-18T01:00:00Z");
    inspect(pi, "kensa-ku", INSPECTION_PASS, "竣工検査 合格");
    ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    // 40 days from 11/18: 12/28 (Mon)
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT).variables().containsEntry(PAYMENT_DUE_DATE, "2026-12-28");
  }

  @Test
  void latePaymentCarriesInterestSplitAtTheRateChangeAndStaffAreWarnedBeforeTheDueDate() throws Exception {
    // February 2020: 2.7 % until 2020-03-31, 2.6 % from 2020-04-01 (V55; shared/domain/contract-payment.md)
    at("2020-02-03T01:00:00Z");
    String id = register(ContractKind.GOODS, "doro", LocalDate.of(2020, 1, 15));
    ProcessInstance pi = instance(id);
    ENV.cases.notifyCompletion(SUPPLIER, id, LocalDate.of(2020, 2, 3), "notice-" + UUID.randomUUID());
    at("2020-02-04T01:00:00Z");
    inspect(pi, "kensa-ku", INSPECTION_PASS, null);
    ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    // 2/4 + 30 = 3/5 (Thu)
    assertThat(pi).variables().containsEntry(PAYMENT_DUE_DATE, "2020-03-05");

    // the warning is a task of the department, due on the due day, listed with the due date
    execute(job(pi, EVENT_PAYMENT_DUE_SOON));
    assertThat(pi).hasPassed(TASK_WARN_PAYMENT_DUE).isWaitingAt(TASK_ORDER_PAYMENT, TASK_HEED_PAYMENT_DUE);
    Assertions.assertThat(eventText(id, "payment-due-soon")).contains("2020-03-05", "遅延利息");
    Task warning = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_HEED_PAYMENT_DUE).singleResult();
    Assertions.assertThat(candidateGroups(warning)).containsExactly("demo-ku-doro");
    Assertions.assertThat(warning.getDueDate().toInstant()).isEqualTo(Instant.parse("2020-03-05T08:00:00Z"));
    Assertions.assertThat((String) taskService().getVariableLocal(warning.getId(), PAYMENT_WARNING_TEXT))
        .contains("支払期限 2020-03-05", "支出命令（決裁）", "遅延利息");
    complete("staff-ku", warning, Map.of(WARNING_COMMENT, "3/4 に課長決裁の予定"));
    assertThat(pi).hasPassed(TASK_HEED_PAYMENT_DUE, EVENT_PAYMENT_WARNED);
    Assertions.assertThat(eventText(id, "payment-due-soon-heeded")).contains("staff-ku", "3/4 に課長決裁の予定");

    // exported 6 days late (3/11): 289,440 × 2.7 % × 6 / 365 = 128.5 → 100 yen in the instruction
    at("2020-03-11T01:00:00Z");
    approve(pi, "kacho-ku", null);
    complete("kaikei-kanri-ku", task(pi), Map.of(ACCOUNTING_RESULT, ACCOUNTING_PASS));
    export(pi);
    ContractCase exported = ENV.store.find(TENANT, id).orElseThrow();
    Assertions.assertThat(exported.instructionInterest()).isEqualTo(100);

    // paid on 4/30: 3/6..3/31 26 days at 2.7 % + 4/1..4/30 30 days at 2.6 % = 1,175.2 → 1,100 yen
    at("2020-05-07T01:00:00Z");
    ENV.cases.acknowledge(TENANT, (exported.paymentId() + ",PAID,20200430," + (PAYABLE + 100) + "\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    assertThat(pi).isEnded();
    ContractCase paid = ENV.store.find(TENANT, id).orElseThrow();
    Assertions.assertThat(paid.lateInterest()).isEqualTo(1_100);
    Assertions.assertThat(eventText(id, "paid")).contains("遅延日数 56日", "遅延利息 1100円", "差額 1000円");
  }

  @Test
  void paymentOrderSentBackOnceThenRefusedByAccountingIsRevisedAndResubmitted() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT);

    // 課長 sends the payment order back to its originator (the inspector), who resubmits
    decide(pi, "kacho-ku", Map.of(ApprovalRoute.DECISION, ApprovalRoute.DECISION_SEND_BACK, ApprovalRoute.SEND_BACK_TO, 0,
        ApprovalRoute.COMMENT, "検査調書を添付してください"));
    Task revise = taskService().createTaskQuery().taskAssignee("kensa-ku").processInstanceId(runtimeService()
        .createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult().getId())
        .taskDefinitionKey(ApprovalRoute.TASK_REVISE).singleResult();
    Assertions.assertThat(revise).isNotNull();
    complete("kensa-ku", revise, Map.of(ApprovalRoute.REVISION, ApprovalRoute.REVISION_RESUBMIT,
        ApprovalRoute.COMMENT, "添付しました"));
    approve(pi, "kacho-ku", null);
    assertThat(pi).isWaitingAt(TASK_CHECK_ACCOUNTING);

    // the 会計管理者 refuses: the department revises and orders again
    assertThatThrownBy(() -> complete("kaikei-kanri-ku", task(pi), Map.of(ACCOUNTING_RESULT, ACCOUNTING_REFUSE)))
        .hasMessageContaining("accountingComment is required");
    complete("kaikei-kanri-ku", task(pi), Map.of(ACCOUNTING_RESULT, ACCOUNTING_REFUSE, ACCOUNTING_COMMENT,
        "予算科目が違います"));
    assertThat(pi).isWaitingAt(TASK_REVISE_ORDER);
    Task own = task(pi);
    Assertions.assertThat(candidateGroups(own)).containsExactly("demo-ku-doro");
    Assertions.assertThat((String) taskService().getVariableLocal(own.getId(), CONTRACT_SUMMARY))
        .contains("予算科目が違います");
    complete("staff-ku", own, Map.of(REVISION_COMMENT, "予算科目を修正"));
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT).variables().containsEntry(ORIGINATOR, "staff-ku");
    approve(pi, "kacho-ku", null);
    complete("kaikei-kanri-ku", task(pi), Map.of(ACCOUNTING_RESULT, ACCOUNTING_PASS));
    export(pi);
    assertThat(pi).isWaitingAt(TASK_AWAIT_ACKNOWLEDGEMENT);
    Assertions.assertThat(events(id)).containsSubsequence("accounting-refused", "order-revised", "accounting-passed");
  }

  @Test
  void aRejectedPaymentOrderGoesBackToTheDepartment() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    decide(pi, "kacho-ku", Map.of(ApprovalRoute.DECISION, ApprovalRoute.DECISION_REJECT, ApprovalRoute.COMMENT,
        "契約内容と請求が一致しない"));
    assertThat(pi).isWaitingAt(TASK_REVISE_ORDER).variables().containsEntry(ORDER_OUTCOME,
        ApprovalRoute.OUTCOME_REJECTED);
    Assertions.assertThat((String) taskService().getVariableLocal(task(pi).getId(), CONTRACT_SUMMARY))
        .contains("契約内容と請求が一致しない");
  }

  @Test
  void aPaymentOrderWithoutARouteGoesBackToTheDepartment() {
    String id = passedInspection(ContractKind.GOODS, "norinsuisan");
    ProcessInstance pi = instance(id);
    ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    assertThat(pi).hasPassed(EVENT_ORDER_ROUTE_UNRESOLVED).isWaitingAt(TASK_REVISE_ORDER);
    Assertions.assertThat((String) taskService().getVariableLocal(task(pi).getId(), CONTRACT_SUMMARY))
        .contains("決裁ルートが見つかりません");
  }

  @Test
  void registryDownRetriesThenRaisesAnIncidentAndGivesNoVerdict() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ENV.registry.down(true);
    ContractCases.InvoiceAnswer answer = ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    Assertions.assertThat(answer.valid()).isNull();
    Job validation = job(pi, TASK_VALIDATE_INVOICE);
    Assertions.assertThat(validation.getRetries()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      String jobId = validation.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).hasMessageContaining("registry");
    }
    Assertions.assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
        .isEqualTo(1);
    assertThat(pi).isWaitingAt(TASK_VALIDATE_INVOICE).variables().doesNotContainKey(INVOICE_VALID);
    Assertions.assertThat(ENV.store.invoices(TENANT, id)).extracting(ContractCaseStore.Invoice::status)
        .containsExactly(ContractCaseStore.InvoiceStatus.RECEIVED);

    // the registry is back: an operator retries, the verdict comes
    ENV.registry.down(false);
    engine.getManagementService().setJobRetries(validation.getId(), 1);
    execute(job(pi, TASK_VALIDATE_INVOICE));
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT).variables().containsEntry(INVOICE_VALID, true);
  }

  @Test
  void aSupplierSeesOnlyItsOwnContractsAndCannotRegisterOne() {
    String id = register(ContractKind.GOODS, "doro", LocalDate.of(2026, 11, 2));
    ContractCases.Caller other = new ContractCases.Caller(TENANT, "supplier-other", "1180301018771");
    Assertions.assertThat(ENV.cases.visible(SUPPLIER, id)).isPresent();
    Assertions.assertThat(ENV.cases.visible(other, id)).isEmpty();
    Assertions.assertThat(ENV.cases.visible(new ContractCases.Caller("demo-shi", "api-client", null), id)).isEmpty();
    assertThatThrownBy(() -> ENV.cases.notifyCompletion(other, id, LocalDate.of(2026, 11, 16), "notice-" + UUID.randomUUID()))
        .hasMessageContaining("no such contract");
    assertThatThrownBy(() -> ENV.cases.register(SUPPLIER, "k", contract("X-1", ContractKind.GOODS, "doro",
        LocalDate.of(2026, 11, 2)), new byte[] {1})).isInstanceOf(jp.tetsuzuki.processes.api.ApiException.class);
  }

  // ---- the attacker review of issue 11 (/work/review-attack.md): each test is the attack, refused

  /**
   * F0: the demo invoice with PrepaidAmount −10,000,000 and PayableAmount 10,289,440 passed and the accounting file
   * paid 10,289,440 yen on a 289,440-yen contract. The total must match the contract (shared/domain/
   * contract-payment.md, 適格請求書: "the total matches the contract and inspection"): returned, nothing ordered.
   */
  @Test
  void reviewF0_anInvoiceInflatedByANegativePrepaidAmountIsReturnedAndNothingIsOrdered() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ContractCases.InvoiceAnswer inflated = ENV.cases.receiveInvoice(SUPPLIER, "inv-f0-" + id, invoice(id,
        "<cbc:PrepaidAmount currencyID=\"JPY\">0</cbc:PrepaidAmount>",
        "<cbc:PrepaidAmount currencyID=\"JPY\">-10000000</cbc:PrepaidAmount>",
        "<cbc:PayableAmount currencyID=\"JPY\">289440</cbc:PayableAmount>",
        "<cbc:PayableAmount currencyID=\"JPY\">10289440</cbc:PayableAmount>"));
    Assertions.assertThat(inflated.valid()).isFalse();
    Assertions.assertThat(inflated.problems()).extracting(p -> p.get("code"))
        .contains("PREPAID_AMOUNT_INVALID", "PAYABLE_EXCEEDS_CONTRACT");
    assertThat(pi).isWaitingAt(TASK_AWAIT_INVOICE).variables().doesNotContainKey(AMOUNT);
    // and a huge rounding amount the same
    ContractCases.InvoiceAnswer rounded = ENV.cases.receiveInvoice(SUPPLIER, "inv-f0b-" + id, invoice(id,
        "<cbc:PayableRoundingAmount currencyID=\"JPY\">0</cbc:PayableRoundingAmount>",
        "<cbc:PayableRoundingAmount currencyID=\"JPY\">9999999</cbc:PayableRoundingAmount>",
        "<cbc:PayableAmount currencyID=\"JPY\">289440</cbc:PayableAmount>",
        "<cbc:PayableAmount currencyID=\"JPY\">10289439</cbc:PayableAmount>"));
    Assertions.assertThat(rounded.valid()).isFalse();
    Assertions.assertThat(rounded.problems()).extracting(p -> p.get("code"))
        .contains("PAYABLE_ROUNDING_INVALID", "PAYABLE_EXCEEDS_CONTRACT");
    Assertions.assertThat(ENV.store.find(TENANT, id).orElseThrow().amount()).isNull();
    // the proper invoice is paid the contract's amount with tax, never more
    ENV.cases.receiveInvoice(SUPPLIER, "inv-f0c-" + id, invoice(id));
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT).variables().containsEntry(AMOUNT, PAYABLE);
    Assertions.assertThat(contract(id, ContractKind.GOODS, "doro", LocalDate.of(2026, 11, 2)).maxTaxInclusive())
        .isEqualTo(PAYABLE);
  }

  /**
   * F2/F3: a completion notice back-dated before the contract (or to 1900, which failed with a 500 in the office
   * calendar) made the inspection years late and, by 9条, the payment due at once. A notice is dated within the
   * inspection period (shared/domain/contract-payment.md step 3: 検査 within 10 days of the notice) and not before
   * the contract; otherwise 400 naming noticeOn.
   */
  @Test
  void reviewF2F3_backDatedCompletionNoticesAreRefusedNamingNoticeOn() {
    String id = register(ContractKind.GOODS, "doro", LocalDate.of(2026, 11, 2));
    ProcessInstance pi = instance(id);
    for (LocalDate backDated : List.of(LocalDate.of(2024, 1, 4), LocalDate.of(1900, 1, 1), LocalDate.of(2026, 11, 1),
        LocalDate.of(2026, 11, 5) /* 11 days before 11/16: beyond the 10-day inspection period */)) {
      Assertions.assertThatThrownBy(() -> ENV.cases.notifyCompletion(SUPPLIER, id, backDated,
          "notice-" + UUID.randomUUID())).as(backDated.toString())
          .isInstanceOfSatisfying(jp.tetsuzuki.processes.api.ApiException.class, e -> {
            Assertions.assertThat(e.status()).isEqualTo(400);
            Assertions.assertThat(e.field()).isEqualTo("noticeOn");
            Assertions.assertThat(e.japanese()).contains("完了通知の日付");
          });
    }
    assertThat(pi).isWaitingAt(TASK_AWAIT_COMPLETION);
    Assertions.assertThat(ENV.store.inspections(TENANT, id)).isEmpty();
    // within the period it is taken: 11/6 + 10 days = 11/16
    ENV.cases.notifyCompletion(SUPPLIER, id, LocalDate.of(2026, 11, 6), "notice-" + UUID.randomUUID());
    assertThat(pi).isWaitingAt(TASK_INSPECT).variables().containsEntry(INSPECTION_DUE_DATE, "2026-11-16");
  }

  /**
   * F15: the contract system (no 法人番号) announced completion and handed in invoices for the supplier. Both come
   * from the contract's supplier (shared/domain/contract-payment.md steps 2 and 4): 403, nothing started.
   */
  @Test
  void reviewF15_theContractSystemCannotNotifyOrInvoiceForTheSupplier() {
    String id = register(ContractKind.GOODS, "doro", LocalDate.of(2026, 11, 2));
    ProcessInstance pi = instance(id);
    Assertions.assertThatThrownBy(() -> ENV.cases.notifyCompletion(CONTRACT_SYSTEM, id, LocalDate.of(2026, 11, 16),
        "notice-" + UUID.randomUUID())).isInstanceOfSatisfying(jp.tetsuzuki.processes.api.ApiException.class,
            e -> Assertions.assertThat(e.status()).isEqualTo(403));
    assertThat(pi).isWaitingAt(TASK_AWAIT_COMPLETION);
    ENV.cases.notifyCompletion(SUPPLIER, id, LocalDate.of(2026, 11, 16), "notice-" + UUID.randomUUID());
    at("2026-11-18T01:00:00Z");
    inspect(pi, "kensa-ku", INSPECTION_PASS, null);
    Assertions.assertThatThrownBy(() -> ENV.cases.receiveInvoice(CONTRACT_SYSTEM, "inv-" + id, invoice(id)))
        .isInstanceOfSatisfying(jp.tetsuzuki.processes.api.ApiException.class,
            e -> Assertions.assertThat(e.status()).isEqualTo(403));
    Assertions.assertThat(ENV.store.invoices(TENANT, id)).isEmpty();
    assertThat(pi).isWaitingAt(TASK_AWAIT_INVOICE);
  }

  /**
   * F16: 300 faulty lines gave 900 problems, the verdict did not fit problems_json (20,000) and the validation jammed
   * with valid null. The first problems are kept with 「他 N 件」: the invoice is returned (step 5 of
   * shared/domain/contract-payment.md: "a faulty invoice is returned").
   */
  @Test
  void reviewF16_anInvoiceWithHundredsOfFaultyLinesIsStillReturnedWithItsProblemsCapped() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    String xml = new String(invoice(id), StandardCharsets.UTF_8);
    int start = xml.indexOf("<cac:InvoiceLine>");
    int end = xml.indexOf("</cac:InvoiceLine>") + "</cac:InvoiceLine>".length();
    String usdLine = xml.substring(start, end).replace("currencyID=\"JPY\"", "currencyID=\"USD\"");
    String many = xml.substring(0, start) + usdLine.repeat(300) + xml.substring(start);
    ContractCases.InvoiceAnswer answer = ENV.cases.receiveInvoice(SUPPLIER, "inv-f16-" + id,
        many.getBytes(StandardCharsets.UTF_8));
    Assertions.assertThat(answer.valid()).isFalse();
    Assertions.assertThat(answer.problems()).hasSizeLessThanOrEqualTo(ContractPaymentSteps.MAX_PROBLEMS + 1);
    Assertions.assertThat(answer.problems().get(answer.problems().size() - 1).get("message")).startsWith("他 ")
        .contains("件");
    Assertions.assertThat(ENV.store.invoices(TENANT, id)).extracting(ContractCaseStore.Invoice::status)
        .containsExactly(ContractCaseStore.InvoiceStatus.INVALID);
    assertThat(pi).hasPassed(TASK_RETURN_INVOICE).isWaitingAt(TASK_AWAIT_INVOICE);
    Assertions.assertThat(eventText(id, "invoice-returned")).contains("他 ");
  }

  /**
   * F17: the 会計管理者 was added as an approver (or registered as 代理) of the payment order and then checked the
   * order he approved. Steps 6 and 7 of shared/domain/contract-payment.md are done by different people: a
   * 会計管理者 cannot be added to a payment route, and whoever acted on the route cannot check it.
   */
  @Test
  void reviewF17_theAccountingCheckIsRefusedToWhoeverApprovedThePaymentOrder() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    assertThatThrownBy(() -> decide(pi, "kacho-ku", Map.of(ApprovalRoute.DECISION, ApprovalRoute.DECISION_APPROVE,
        ApprovalRoute.ADDITIONAL_APPROVER, "kaikei-kanri-ku"))).hasMessageContaining("会計管理者");
    // as 代理 of 課長: the substitute approves, then may not check
    ENV.approval.substitutes().register("kacho-ku", new jp.tetsuzuki.processes.approval.SubstituteService.Request(
        TENANT, "kacho-ku", "kaikei-kanri-ku", today().toString(), today().toString()));
    String route = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult()
        .getId();
    Task approval = taskService().createTaskQuery().processInstanceId(route)
        .taskDefinitionKey(ApprovalRoute.TASK_APPROVE).singleResult();
    complete("kaikei-kanri-ku", approval, Map.of(ApprovalRoute.DECISION, ApprovalRoute.DECISION_APPROVE));
    assertThat(pi).isWaitingAt(TASK_CHECK_ACCOUNTING);
    Task check = task(pi);
    assertThatThrownBy(() -> complete("kaikei-kanri-ku", check, Map.of(ACCOUNTING_RESULT, ACCOUNTING_PASS)))
        .hasMessageContaining("cannot check it");
    assertThat(pi).isWaitingAt(TASK_CHECK_ACCOUNTING);
    Assertions.assertThat(events(id)).doesNotContain("accounting-passed");
  }

  /**
   * F21: a contract title and supplier name with Markdown links reached the inspector's and the 会計管理者's forms as
   * clickable links. Outside text is literal there (the escaping of the application details, issue 9).
   */
  @Test
  void reviewF21_contractTextsAreLiteralMarkdownInTheStaffForms() {
    String id = "C-T" + SEQ.incrementAndGet();
    Contract plain = contract(id, ContractKind.GOODS, "doro", LocalDate.of(2026, 11, 2));
    Contract phishing = new Contract(id, TENANT, "doro", ContractKind.GOODS,
        "物品購入 [請求書PDFはこちら（要ログイン）](https://evil.example/login) ![x](https://evil.example/t.png) <b>bold</b>",
        new Supplier("株式会社〇〇商事 [連絡先](https://evil.example/)", "5010001008846", "T5010001008846"), plain.items(),
        plain.contractDate(), plain.terms(), plain.taxRounding());
    ENV.cases.register(CONTRACT_SYSTEM, "key-" + id, phishing, id.getBytes(StandardCharsets.UTF_8));
    ENV.cases.notifyCompletion(SUPPLIER, id, LocalDate.of(2026, 11, 16), "notice-" + UUID.randomUUID());
    String summary = (String) taskService().getVariableLocal(task(instance(id)).getId(), CONTRACT_SUMMARY);
    Assertions.assertThat(summary).doesNotContain("](https://", "<b>", "![x]")
        .contains("\\[請求書PDFはこちら（要ログイン）\\]\\(https\\:", "&lt;b&gt;", "株式会社〇〇商事 \\[連絡先\\]");
  }

  /**
   * F25: the supplier read the staff's login names in the case history (会計管理者 kaikeikanri-ku, the revising
   * clerk). The history the supplier reads names roles.
   */
  @Test
  void reviewF25_theHistoryTheSupplierReadsNamesRolesNotStaffAccounts() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    approve(pi, "kacho-ku", null);
    complete("kaikei-kanri-ku", task(pi), Map.of(ACCOUNTING_RESULT, ACCOUNTING_REFUSE, ACCOUNTING_COMMENT, "科目違い"));
    complete("staff-ku", task(pi), Map.of(REVISION_COMMENT, "科目を修正"));
    approve(pi, "kacho-ku", null);
    complete("kaikei-kanri-ku", task(pi), Map.of(ACCOUNTING_RESULT, ACCOUNTING_PASS));
    String history = ENV.store.events(TENANT, id).stream().map(ContractCaseStore.Event::textJa)
        .reduce("", String::concat);
    Assertions.assertThat(history).contains("会計管理者が支出命令を確認しました", "担当課が支出命令を見直して")
        .doesNotContain("kaikei-kanri-ku", "staff-ku", "kensa-ku", "kacho-ku");
  }

  // ---- PDF or image invoices: OCR (ocr-invoice), staff verification beside the scan, then the same validation

  @Test
  void aPdfInvoiceIsReadByOcrVerifiedByStaffAndThenValid() throws Exception {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);

    ContractCases.InvoiceAnswer answer = ENV.cases.receiveScan(SUPPLIER, "scan-" + id, id, "invoice.pdf", scanPdf());
    Assertions.assertThat(answer.valid()).isNull();
    Assertions.assertThat(answer.contractId()).isEqualTo(id);
    // the same key and file again: the first answer, nothing new
    Assertions.assertThat(ENV.cases.receiveScan(SUPPLIER, "scan-" + id, id, "invoice.pdf", scanPdf()).invoiceId())
        .isEqualTo(answer.invoiceId());
    Assertions.assertThat(ENV.store.invoices(TENANT, id)).extracting(ContractCaseStore.Invoice::status)
        .containsExactly(ContractCaseStore.InvoiceStatus.VERIFYING);
    String documentId = ENV.store.scan(TENANT, answer.invoiceId()).orElseThrow().documentId();
    // kept in the document store under the supplier's tenant and account, like the documents of applications
    Assertions.assertThat(ENV.documents.find(documentId).orElseThrow()).satisfies(f -> {
      Assertions.assertThat(f.tenantId()).isEqualTo(TENANT);
      Assertions.assertThat(f.createdBy()).isEqualTo("supplier-marumaru");
      Assertions.assertThat(f.mediaType()).isEqualTo("application/pdf");
    });

    LockedExternalTask ocr = fetch(pi, TOPIC_OCR_INVOICE);
    Assertions.assertThat(ocr.getVariables()).containsEntry(DOCUMENT_ID, documentId);
    engine.getExternalTaskService().complete(ocr.getId(), WORKER, Map.of(
        jp.tetsuzuki.bpmn.DocumentVariables.RECOGNITION, recognition(READ_WELL),
        jp.tetsuzuki.bpmn.DocumentVariables.NEEDS_VERIFICATION, false));
    assertThat(pi).isWaitingAt(TASK_VERIFY_INVOICE);
    Assertions.assertThat(stage(id)).isEqualTo(Stage.INVOICE_VERIFICATION);
    Task verify = task(pi);
    Assertions.assertThat(candidateGroups(verify)).containsExactly("demo-ku-doro");
    Map<String, Object> local = taskService().getVariablesLocal(verify.getId());
    Assertions.assertThat(local).containsEntry(REGISTRATION_NUMBER, "T5010001008846")
        .containsEntry(SUBTOTAL_10, 257_500L).containsEntry(TOTAL, PAYABLE)
        .containsEntry(TRANSACTION_DATE, "2026-11-17")
        .containsEntry(DOCUMENT_IMAGE_URL, "/camunda/api/tetsuzuki/tasks/"
            + verify.getId() + "/documents/" + documentId + "/pages/1.png")
        .containsEntry(DOCUMENT_IMAGE_TEXT, "![請求書の原本（1頁目）](/camunda/api/tetsuzuki/tasks/"
            + verify.getId() + "/documents/" + documentId + "/pages/1.png)");
    Assertions.assertThat((String) local.get(FIELDS_TO_CHECK_TEXT)).contains("確認が必要な項目はありません");
    Assertions.assertThat(local.get(DOCUMENT_LINK_TEXT).toString()).isEqualTo("[原本を別の画面で開く（全ページ）]("
        + "/camunda/api/tetsuzuki/tasks/" + verify.getId() + "/documents/" + documentId + ")");
    // no second invoice while this one is verified
    assertThatThrownBy(() -> ENV.cases.receiveInvoice(SUPPLIER, "xml-" + id, invoice(id)))
        .hasMessageContaining("does not await an invoice");

    complete("staff-ku", verify, confirmed());
    Assertions.assertThat(eventText(id, "invoice-verified")).contains("staff-ku", "修正なし", "入力: 非課税・不課税 3490");
    execute(job(pi, TASK_VALIDATE_INVOICE));
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT).variables().containsEntry(AMOUNT, PAYABLE)
        .containsEntry(PAYMENT_DUE_DATE, "2026-12-18");
    Assertions.assertThat(ENV.store.invoice(TENANT, answer.invoiceId()).orElseThrow().status())
        .isEqualTo(ContractCaseStore.InvoiceStatus.VALID);
    Assertions.assertThat(events(id)).containsSubsequence("invoice-scan-received", "invoice-read", "invoice-verified",
        "payment-scheduled");
  }

  /**
   * Attack review 3 A9: 課長 (kacho-ku) typed the scanned invoice's amounts in 「請求書の読取内容を確認」 and then approved
   * the 支出命令 built from them: no second pair of eyes. The verifier decides neither the payment order (his 代理
   * does) nor the 会計管理者's check. A6: the invoice number staff type is one line without control or format
   * characters, at most 100 characters.
   */
  @Test
  void attack3A9_theVerifierOfAScannedInvoiceNeitherApprovesThePaymentOrderNorChecksIt() throws Exception {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ENV.cases.receiveScan(SUPPLIER, "scan-" + id, id, "invoice.pdf", scanPdf());
    engine.getExternalTaskService().complete(fetch(pi, TOPIC_OCR_INVOICE).getId(), WORKER, Map.of(
        jp.tetsuzuki.bpmn.DocumentVariables.RECOGNITION, recognition(READ_WELL),
        jp.tetsuzuki.bpmn.DocumentVariables.NEEDS_VERIFICATION, false));
    Task verify = task(pi);
    for (String number : List.of("INV-1\u202e2", "INV-1\tBcc: evil@example.com", "N".repeat(101))) {
      Map<String, Object> bad = confirmed();
      bad.put(INVOICE_NUMBER, number);
      assertThatThrownBy(() -> complete("kacho-ku", verify, bad)).as(number).hasMessageContaining("請求書番号")
          .hasMessageContaining("invoiceNumber");
    }
    Map<String, Object> fields = confirmed();
    fields.put(INVOICE_NUMBER, "INV-2026-11-001");
    complete("kacho-ku", verify, fields);
    execute(job(pi, TASK_VALIDATE_INVOICE));
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT);
    Assertions.assertThat(ENV.store.invoices(TENANT, id)).extracting(ContractCaseStore.Invoice::invoiceNumber)
        .containsExactly("INV-2026-11-001");

    // the attack: the verifier approves the payment order built from what he typed
    assertThatThrownBy(() -> approve(pi, "kacho-ku", "支出を命ずる")).hasMessageContaining("決裁できません")
        .hasMessageContaining("verified the scanned invoice");
    String route = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult()
        .getId();
    Task approval = taskService().createTaskQuery().processInstanceId(route)
        .taskDefinitionKey(ApprovalRoute.TASK_APPROVE).singleResult();
    Assertions.assertThat(approval).as("the 決裁 still waits").isNotNull();
    // nor may the verifier be added as an approver; his 代理 decides
    ENV.approval.substitutes().register("kacho-ku", new jp.tetsuzuki.processes.approval.SubstituteService.Request(
        TENANT, "kacho-ku", "bucho-ku", today().toString(), today().toString()));
    assertThatThrownBy(() -> complete("bucho-ku", approval, Map.of(ApprovalRoute.DECISION,
        ApprovalRoute.DECISION_APPROVE, ApprovalRoute.ADDITIONAL_APPROVER, "kacho-ku")))
        .hasMessageContaining("請求書の読取内容の確認など）を承認者に追加することはできません");
    complete("bucho-ku", approval, Map.of(ApprovalRoute.DECISION, ApprovalRoute.DECISION_APPROVE));
    assertThat(pi).isWaitingAt(TASK_CHECK_ACCOUNTING);
    Task check = task(pi);
    assertThatThrownBy(() -> complete("kacho-ku", check, Map.of(ACCOUNTING_RESULT, ACCOUNTING_PASS)))
        .hasMessageContaining("請求書の読取内容を確認した職員は会計管理者の確認を行えません");
    assertThat(pi).isWaitingAt(TASK_CHECK_ACCOUNTING);
    complete("kaikei-kanri-ku", check, Map.of(ACCOUNTING_RESULT, ACCOUNTING_PASS));
    assertThat(pi).isWaitingAt(TASK_EXPORT_INSTRUCTION);
  }

  @Test
  void aPdfInvoiceWithDoubtfulFieldsIsCorrectedByStaffAndTheCorrectionsAreRecorded() throws Exception {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ContractCases.InvoiceAnswer answer = ENV.cases.receiveScan(SUPPLIER, "scan-" + id, id, "invoice.pdf", scanPdf());
    Map<String, Object[]> doubtful = new java.util.LinkedHashMap<>(READ_WELL);
    doubtful.put("tax10", new Object[] {"25760", 0.41, "税率10%の消費税額が課税対象額と合いません"});
    doubtful.put("recipientName", new Object[] {null, 0.0, "宛名が見つかりません"});
    engine.getExternalTaskService().complete(fetch(pi, TOPIC_OCR_INVOICE).getId(), WORKER, Map.of(
        jp.tetsuzuki.bpmn.DocumentVariables.RECOGNITION, recognition(doubtful),
        jp.tetsuzuki.bpmn.DocumentVariables.NEEDS_VERIFICATION, true));
    Task verify = task(pi);
    String toCheck = (String) taskService().getVariableLocal(verify.getId(), FIELDS_TO_CHECK_TEXT);
    Assertions.assertThat(toCheck).contains("⚠ **10%の消費税額**: 確信度 41%（税率10%の消費税額が課税対象額と合いません）",
        "⚠ **宛名**: 読み取れませんでした").doesNotContain("**登録番号**");

    // bad values are refused naming the field, nothing recorded
    Map<String, Object> bad = confirmed();
    bad.put(TOTAL, -5L);
    assertThatThrownBy(() -> complete("staff-ku", verify, bad)).hasMessageContaining("total")
        .hasMessageContaining("請求金額（税込）は 0 円以上");
    Map<String, Object> future = confirmed();
    future.put(ISSUE_DATE, "2027-01-05");
    assertThatThrownBy(() -> complete("staff-ku", verify, future)).hasMessageContaining("請求日が未来の日付です");
    Assertions.assertThat(events(id)).doesNotContain("invoice-verified", "invoice-corrected");

    Map<String, Object> corrected = confirmed();
    corrected.put(TRANSACTION_DATE, "2026-11-16");
    complete("staff-ku", verify, corrected);
    Assertions.assertThat(eventText(id, "invoice-corrected")).contains("staff-ku", "10%の消費税額: 25760 → 25750",
        "宛名: （なし） → デモ区", "入力: 取引年月日 2026-11-16、非課税・不課税 3490");
    // the same validation as an e-invoice runs as its own job
    assertThat(pi).isWaitingAt(TASK_VALIDATE_INVOICE);
    execute(job(pi, TASK_VALIDATE_INVOICE));
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT).variables().containsEntry(AMOUNT, PAYABLE);
    Assertions.assertThat(ENV.store.invoice(TENANT, answer.invoiceId()).orElseThrow().status())
        .isEqualTo(ContractCaseStore.InvoiceStatus.VALID);
    // 30 days from the invoice's arrival (11/18): 12/18
    Assertions.assertThat(ENV.store.find(TENANT, id).orElseThrow().paymentDueOn()).isEqualTo(LocalDate.of(2026, 12, 18));
  }

  /** Refused by the reader, unreadable, or OCR down: staff type every field from the scan. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"DOCUMENT_REFUSED", "DOCUMENT_UNREADABLE",
      "OCR_UNAVAILABLE"})
  void aScanOcrCannotReadIsTypedByStaffAndAWrongOneIsReturnedByMail(String error) throws Exception {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ContractCases.Caller noMail = new ContractCases.Caller(TENANT, "supplier-nomail", "5010001008846");
    ContractCases.InvoiceAnswer first = ENV.cases.receiveScan(noMail, "scan1-" + id, id, "invoice.pdf", scanPdf());
    engine.getExternalTaskService().handleBpmnError(fetch(pi, TOPIC_OCR_INVOICE).getId(), WORKER, error,
        "読み取れません", Map.of(jp.tetsuzuki.bpmn.DocumentVariables.REFUSAL_REASON, "画像がかすれていて読み取れません"));
    assertThat(pi).hasPassed(TASK_RECORD_INVOICE_UNREAD).isWaitingAt(TASK_VERIFY_INVOICE);
    Task verify = task(pi);
    Assertions.assertThat((String) taskService().getVariableLocal(verify.getId(), FIELDS_TO_CHECK_TEXT))
        .contains("OCR で読み取れませんでした");
    Assertions.assertThat(taskService().getVariableLocal(verify.getId(), REGISTRATION_NUMBER)).isNull();
    Assertions.assertThat(eventText(id, "invoice-unread")).contains("画像がかすれていて読み取れません");

    // typed with a wrong check digit: returned; the supplier's account has no mail address
    Map<String, Object> typed = confirmed();
    typed.put(REGISTRATION_NUMBER, "Ｔ5010001008847");
    complete("staff-ku", verify, typed);
    execute(job(pi, TASK_VALIDATE_INVOICE));
    assertThat(pi).hasPassed(TASK_RETURN_INVOICE).isWaitingAt(TASK_AWAIT_INVOICE, TASK_MAIL_RETURN_NOTICE);
    Assertions.assertThat(ENV.store.invoice(TENANT, first.invoiceId()).orElseThrow().problemsJson())
        .contains("REGISTRATION_NUMBER_CHECK_DIGIT");
    LockedExternalTask mail = fetch(pi, TOPIC_NOTIFY_APPLICANT);
    Assertions.assertThat(mail.getVariables().get(SUPPLIER_EMAIL)).isNull();
    engine.getExternalTaskService().handleBpmnError(mail.getId(), WORKER, ERROR_NOTIFICATION_UNDELIVERABLE,
        "the applicant has no mail address");
    assertThat(pi).hasPassed(TASK_RECORD_RETURN_NOT_MAILED, EVENT_RETURN_NOTICE_DONE);
    Assertions.assertThat(eventText(id, "invoice-return-not-mailed")).contains("送れませんでした", id);

    // the corrected e-invoice follows the e-invoice path
    Assertions.assertThat(ENV.cases.receiveInvoice(SUPPLIER, "xml-" + id, invoice(id)).valid()).isTrue();
    assertThat(pi).isWaitingAt(TASK_ORDER_PAYMENT);
  }

  @Test
  void aFileThatIsNotAPdfOrImageIsRefusedAndNothingIsStored() {
    String id = passedInspection(ContractKind.GOODS, "doro");
    assertThatThrownBy(() -> ENV.cases.receiveScan(SUPPLIER, "zip-" + id, id, "invoice.pdf",
        new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}))
        .isInstanceOf(jp.tetsuzuki.processes.api.ApiException.class);
    Assertions.assertThat(ENV.store.invoices(TENANT, id)).isEmpty();
    assertThat(instance(id)).isWaitingAt(TASK_AWAIT_INVOICE);
  }

  // ---- a payment the accounting system did not make; the due-date warning left open when paid

  @Test
  void aFailedAcknowledgementGivesTreasuryATaskToExportAgainOrRecordAPaymentMadeByHand() throws Exception {
    String id = passedInspection(ContractKind.GOODS, "doro");
    ProcessInstance pi = instance(id);
    ENV.cases.receiveInvoice(SUPPLIER, "inv-" + id, invoice(id));
    approve(pi, "kacho-ku", null);
    complete("kaikei-kanri-ku", task(pi), Map.of(ACCOUNTING_RESULT, ACCOUNTING_PASS));
    export(pi);
    String firstPayment = ENV.store.find(TENANT, id).orElseThrow().paymentId();

    // the accounting system could not pay: 会計課 gets a task (not only a line in the history)
    at("2026-11-25T01:00:00Z");
    AcknowledgementService.Result failed = ENV.cases.acknowledge(TENANT, (firstPayment + ",FAILED,,0\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    Assertions.assertThat(failed.failed()).hasSize(1);
    assertThat(pi).isWaitingAt(TASK_RESOLVE_PAYMENT_FAILURE);
    Assertions.assertThat(stage(id)).isEqualTo(Stage.PAYMENT_FAILED);
    Task resolve = task(pi);
    Assertions.assertThat(candidateGroups(resolve)).containsExactly("demo-ku-kaikei");
    Assertions.assertThat((String) taskService().getVariableLocal(resolve.getId(), PAYMENT_FAILURE_TEXT))
        .contains(firstPayment, "不払", "2026-12-18");
    Assertions.assertThat(eventText(id, "payment-failed")).contains(firstPayment);
    // the same file again changes nothing
    Assertions.assertThat(ENV.cases.acknowledge(TENANT, (firstPayment + ",FAILED,,0\r\n")
        .getBytes(StandardCharsets.US_ASCII)).failed()).isEmpty();
    assertThatThrownBy(() -> complete("kaikei-ku", resolve, Map.of(PAYMENT_RESOLUTION, "ignore")))
        .hasMessageContaining("paymentResolution must be retry or manual");

    // export again: a new payment id, a new file; the failed payment stays FAILED
    complete("kaikei-ku", resolve, Map.of(PAYMENT_RESOLUTION, RESOLUTION_RETRY, RESOLUTION_COMMENT, "口座番号を訂正"));
    export(pi);
    String secondPayment = ENV.store.find(TENANT, id).orElseThrow().paymentId();
    Assertions.assertThat(secondPayment).isNotEqualTo(firstPayment);
    Assertions.assertThat(java.nio.file.Files.exists(ENV.outbox.resolve("payment-" + TENANT + "-" + secondPayment
        + ".dat"))).isTrue();
    assertThat(pi).isWaitingAt(TASK_AWAIT_ACKNOWLEDGEMENT);

    // the due-date warning comes while the case waits; it stays open
    execute(job(pi, EVENT_PAYMENT_DUE_SOON));
    assertThat(pi).isWaitingAt(TASK_AWAIT_ACKNOWLEDGEMENT, TASK_HEED_PAYMENT_DUE);

    // failed again, this time through the accounting route's entry (acknowledgeFile): the same task, recorded once;
    // 会計課 paid by hand and records it
    at("2026-11-27T01:00:00Z");
    long failedEvents = ENV.store.events(TENANT, id).stream().filter(e -> e.type().equals("payment-failed")).count();
    ENV.cases.acknowledgeFile(TENANT, (secondPayment + ",FAILED,,0\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    Task again = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_RESOLVE_PAYMENT_FAILURE).singleResult();
    Assertions.assertThat(again).isNotNull();
    Assertions.assertThat(ENV.store.events(TENANT, id).stream().filter(e -> e.type().equals("payment-failed")))
        .hasSize((int) failedEvents + 1);
    Assertions.assertThat(taskService().getVariableLocal(again.getId(), PAYMENT_RESOLUTION)).isNull();
    Map<String, Object> noDay = new HashMap<>(Map.of(PAYMENT_RESOLUTION, RESOLUTION_MANUAL, RESOLUTION_COMMENT,
        "窓口で小切手を交付"));
    assertThatThrownBy(() -> complete("kaikei-ku", again, noDay)).hasMessageContaining("manualPaidOn is required");
    Map<String, Object> future = new HashMap<>(noDay);
    future.put(MANUAL_PAID_ON, "2026-12-01");
    assertThatThrownBy(() -> complete("kaikei-ku", again, future)).hasMessageContaining("future");
    Map<String, Object> byHand = new HashMap<>(noDay);
    byHand.put(MANUAL_PAID_ON, "2026-11-26");
    complete("kaikei-ku", again, byHand);
    // paid: the case ends, and with it the open warning task
    assertThat(pi).isEnded().hasPassed(TASK_RECORD_PAYMENT, EVENT_PAID).hasNotPassed(EVENT_PAYMENT_WARNED);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    ContractCase paid = ENV.store.find(TENANT, id).orElseThrow();
    Assertions.assertThat(paid.stage()).isEqualTo(Stage.PAID);
    Assertions.assertThat(paid.paidOn()).isEqualTo(LocalDate.of(2026, 11, 26));
    Assertions.assertThat(eventText(id, "payment-paid-by-hand")).contains("2026-11-26", "kaikei-ku", "小切手");
    Assertions.assertThat(events(id)).containsSubsequence("payment-exported", "payment-failed",
        "payment-failure-retry", "payment-exported", "payment-failed", "payment-paid-by-hand", "paid");
  }

  // ---- helpers

  static final String WORKER = "test-worker";

  /** What OCR read of the demo invoice, all fields confident: value, confidence (and a reason). */
  static final Map<String, Object[]> READ_WELL = Map.of(
      "registrationNumber", new Object[] {"T5010001008846", 0.97, null},
      "issuerName", new Object[] {"株式会社〇〇商事", 0.93, null},
      "issueDate", new Object[] {"2026-11-17", 0.95, null},
      "recipientName", new Object[] {"デモ区", 0.9, null},
      "subtotal10", new Object[] {"257500", 0.95, null},
      "tax10", new Object[] {"25750", 0.95, null},
      "subtotal8", new Object[] {"2500", 0.95, null},
      "tax8", new Object[] {"200", 0.95, null},
      "total", new Object[] {"289440", 0.95, null});

  static String recognition(Map<String, Object[]> fields) {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    fields.forEach((key, f) -> {
      Map<String, Object> field = new HashMap<>();
      field.put("value", f[0]);
      field.put("confidence", f[1]);
      if (f[2] != null) {
        field.put("reason", f[2]);
      }
      json.put(key, field);
    });
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("fields", json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo invoice as staff confirm it from the scan (the contract's 0 % item as 非課税). */
  static Map<String, Object> confirmed() {
    Map<String, Object> v = new HashMap<>();
    v.put(REGISTRATION_NUMBER, "T5010001008846");
    v.put(ISSUER_NAME, "株式会社〇〇商事");
    v.put(ISSUE_DATE, "2026-11-17");
    v.put(TRANSACTION_DATE, "2026-11-17");
    v.put(RECIPIENT_NAME, "デモ区");
    v.put(SUBTOTAL_10, 257_500L);
    v.put(TAX_10, 25_750L);
    v.put(SUBTOTAL_8, 2_500L);
    v.put(TAX_8, 200L);
    v.put(SUBTOTAL_0, 3_490L);
    v.put(TOTAL, PAYABLE);
    return v;
  }

  private static byte[] scan;

  /** A one-page PDF (the document store inspects the type by content); the same bytes every time. */
  static synchronized byte[] scanPdf() throws IOException {
    if (scan == null) {
      scan = newPdf();
    }
    return scan;
  }

  private static byte[] newPdf() throws IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
      document.addPage(page);
      try (var text = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 14);
        text.newLineAtOffset(72, 720);
        text.showText("INVOICE T5010001008846 total 289,440 JPY");
        text.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private LockedExternalTask fetch(ProcessInstance pi, String topic) {
    List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(10, WORKER)
        .topic(topic, 60_000).businessKey(pi.getBusinessKey()).execute();
    Assertions.assertThat(locked).as(topic).hasSize(1);
    return locked.get(0);
  }

  static Contract contract(String id, ContractKind kind, String department, LocalDate contractDate) {
    return new Contract(id, TENANT, department, kind, "事務用品の購入",
        new Supplier("株式会社〇〇商事", "5010001008846", "T5010001008846"),
        List.of(new ContractItem("デスクチェア 5脚", 250_000, TaxRate.STANDARD),
            new ContractItem("配送", 7_500, TaxRate.STANDARD),
            new ContractItem("緑茶ペットボトル", 2_500, TaxRate.REDUCED),
            new ContractItem("検定済教科書（算数）10冊", 3_490, TaxRate.ZERO)), contractDate,
        PaymentTerms.statutoryMaximum(kind), TaxRounding.FLOOR);
  }

  private String register(ContractKind kind, String department, LocalDate contractDate) {
    String id = "C-T" + SEQ.incrementAndGet();
    ENV.cases.register(CONTRACT_SYSTEM, "key-" + id, contract(id, kind, department, contractDate),
        id.getBytes(StandardCharsets.UTF_8));
    return id;
  }

  /** Registered on 11/2, notified on 11/16, passed on 11/18 (the clock is left there). */
  private String passedInspection(ContractKind kind, String department) {
    String id = register(kind, department, LocalDate.of(2026, 11, 2));
    ENV.cases.notifyCompletion(SUPPLIER, id, LocalDate.of(2026, 11, 16), "notice-" + UUID.randomUUID());
    at("2026-11-18T01:00:00Z");
    inspect(instance(id), "kensa-ku", INSPECTION_PASS, null);
    return id;
  }

  static byte[] invoice(String contractId, String... edits) {
    String xml;
    try (InputStream in = ContractPaymentProcessTest.class.getResourceAsStream("/contract/jp-pint/Invoice-10-8-demo.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    xml = xml.replace("<cbc:ID>C-2023-001</cbc:ID>", "<cbc:ID>" + contractId + "</cbc:ID>");
    for (int i = 0; i < edits.length; i += 2) {
      Assertions.assertThat(xml).contains(edits[i]);
      xml = xml.replace(edits[i], edits[i + 1]);
    }
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private ProcessInstance instance(String id) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(ID).singleResult();
  }

  private void inspect(ProcessInstance pi, String user, String result, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(INSPECTION_RESULT, result);
    if (comment != null) {
      variables.put(INSPECTION_COMMENT, comment);
    }
    complete(user, task(pi), variables);
  }

  private Task task(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private void complete(String user, Task task, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, List.of(), List.of(TENANT));
    try {
      taskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void approve(ProcessInstance pi, String user, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ApprovalRoute.DECISION, ApprovalRoute.DECISION_APPROVE);
    if (comment != null) {
      variables.put(ApprovalRoute.COMMENT, comment);
    }
    decide(pi, user, variables);
  }

  private void decide(ProcessInstance pi, String user, Map<String, Object> variables) {
    String route = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult()
        .getId();
    Task task = taskService().createTaskQuery().processInstanceId(route).taskAssignee(user)
        .taskDefinitionKey(ApprovalRoute.TASK_APPROVE).singleResult();
    complete(user, task, variables);
  }

  /** The export runs as its own job (a file problem is retried, never the 会計管理者's error). */
  private void export(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(TASK_EXPORT_INSTRUCTION);
    execute(job(pi, TASK_EXPORT_INSTRUCTION));
  }

  private Job job(ProcessInstance pi, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private static Stage stage(String id) {
    return ENV.store.find(TENANT, id).orElseThrow().stage();
  }

  private static List<String> events(String id) {
    return ENV.store.events(TENANT, id).stream().map(ContractCaseStore.Event::type).toList();
  }

  private static String eventText(String id, String type) {
    return ENV.store.events(TENANT, id).stream().filter(e -> e.type().equals(type)).reduce((a, b) -> b).orElseThrow()
        .textJa();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), JapanTime.ZONE);
  }
}
