package jp.tetsuzuki.processes.contractpayment;

import static jp.tetsuzuki.bpmn.ContractPayment.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.calendar.Pause;
import jp.tetsuzuki.processes.contract.Contract;
import jp.tetsuzuki.processes.contract.accounting.PaymentBatch;
import jp.tetsuzuki.processes.contract.accounting.PaymentInstruction;
import jp.tetsuzuki.processes.contract.accounting.PaymentInstructionFile;
import jp.tetsuzuki.processes.contract.accounting.PaymentLedger;
import jp.tetsuzuki.processes.contract.deadline.ContractDeadlines;
import jp.tetsuzuki.processes.contract.deadline.InspectionRound;
import jp.tetsuzuki.processes.contract.deadline.PaymentSchedule;
import jp.tetsuzuki.processes.contract.interest.InterestRates;
import jp.tetsuzuki.processes.contract.interest.LateInterest;
import jp.tetsuzuki.processes.contract.invoice.EInvoiceCheck;
import jp.tetsuzuki.processes.contract.invoice.InvoiceParseException;
import jp.tetsuzuki.processes.contract.invoice.InvoiceProblem;
import jp.tetsuzuki.processes.contract.invoice.InvoiceValidator;
import jp.tetsuzuki.processes.contract.invoice.ScannedInvoice;
import jp.tetsuzuki.processes.document.StaffDocumentLinks;
import com.fasterxml.jackson.databind.JsonNode;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.ContractCase;
import jp.tetsuzuki.processes.procedure.ApplicationDetails;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.Inspection;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.Invoice;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.InvoiceStatus;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.Stage;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The delegates of {@code contract-payment} ({@code ${contractPaymentSteps.…}}): thin glue between the model and the
 * contract rules ({@code processes/…/contract}). Every step loads the case from our tables by the process's business
 * key and tenant, and refuses to go on when the record does not belong to this process instance and tenant.
 */
public final class ContractPaymentSteps {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);
  private static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 0);

  private final ContractCaseStore store;
  private final Function<String, OfficeCalendar> calendars;
  private final EInvoiceCheck invoiceCheck;
  private final InvoiceValidator validator;
  private final InterestRates rates;
  private final PaymentLedger ledger;
  private final PaymentInstructionFile instructionFile = new PaymentInstructionFile();
  private final ContractPaymentSettings settings;
  /** When set, approved payments wait for the accounting-export route (one file per batch); else one file each. */
  private final PaymentExportQueue exportQueue;

  public ContractPaymentSteps(ContractCaseStore store, Function<String, OfficeCalendar> calendars,
      EInvoiceCheck invoiceCheck, InvoiceValidator validator, InterestRates rates, PaymentLedger ledger,
      ContractPaymentSettings settings) {
    this(store, calendars, invoiceCheck, validator, rates, ledger, settings, null);
  }

  /** @param exportQueue approved payments wait there for the accounting-export route; null = one file each */
  public ContractPaymentSteps(ContractCaseStore store, Function<String, OfficeCalendar> calendars,
      EInvoiceCheck invoiceCheck, InvoiceValidator validator, InterestRates rates, PaymentLedger ledger,
      ContractPaymentSettings settings, PaymentExportQueue exportQueue) {
    this.store = store;
    this.calendars = calendars;
    this.invoiceCheck = invoiceCheck;
    this.validator = validator;
    this.rates = rates;
    this.ledger = ledger;
    this.settings = settings;
    this.exportQueue = exportQueue;
  }

  // ---- registration and inspection

  public void registered(DelegateExecution execution) {
    ContractCase c = linked(execution);
    Contract contract = c.contract();
    execution.setVariable(CONTRACT_TITLE, contract.title());
    execution.setVariable(DEPARTMENT, contract.department());
    execution.setVariable(SUPPLIER_NAME, contract.supplier().name());
    execution.setVariable(DEPARTMENT_GROUP, contract.tenantId() + "-" + contract.department());
    execution.setVariable(AdministrativeProcedure.APPLICANT_NAME, contract.supplier().name());
    execution.setVariable(AdministrativeProcedure.PROCEDURE_NAME, "契約・支出（" + contract.title() + "）");
    store.stage(contract.tenantId(), contract.id(), Stage.AWAITING_COMPLETION);
    store.event(contract.tenantId(), contract.id(), now(), "registered", "契約「" + contract.title() + "」（" + contract.supplier().name()
        + "）を登録しました。完了通知を待ちます。");
  }

  public void startInspection(DelegateExecution execution) {
    ContractCase c = linked(execution);
    Contract contract = c.contract();
    LocalDate noticeOn = date(execution.getVariable(NOTICE_ON), NOTICE_ON);
    List<Inspection> rounds = store.inspections(contract.tenantId(), contract.id());
    if (!rounds.isEmpty()) {
      Inspection last = rounds.get(rounds.size() - 1);
      if (last.inspectedOn() == null || noticeOn.isBefore(last.inspectedOn())) {
        throw new BadUserRequestException("完了通知の日付が前回の検査より前です。 / noticeOn must not be before the "
            + "previous inspection ended (" + last.inspectedOn() + ")");
      }
    }
    LocalDate due = deadlines(contract).inspectionDue(contract.terms(), noticeOn);
    int round = rounds.size() + 1;
    store.openInspection(contract.tenantId(), contract.id(), round, noticeOn, due);
    store.stage(contract.tenantId(), contract.id(), Stage.INSPECTION);
    execution.setVariable(INSPECTION_GROUP, settings.inspectionGroup(contract.tenantId()));
    execution.setVariable(INSPECTION_DUE_DATE, due.toString());
    execution.setVariable(INSPECTION_DUE_AT, Date.from(at(due, OFFICE_CLOSES)));
    execution.setVariable(AdministrativeProcedure.DUE_DATE, due.toString());
    execution.setVariable(INSPECTION_ROUND, round);
    store.event(contract.tenantId(), contract.id(), now(), "completion-notified", "完了通知（" + noticeOn + "）を受け付けました。検査期限は "
        + due + " です" + (round > 1 ? "（" + round + "回目の検査）。" : "。"));
  }

  public void inspectionCreated(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    task.setVariableLocal(CONTRACT_SUMMARY, summary(c, null, 0));
    task.setVariableLocal(CONTRACT_TITLE, c.contract().title());
    task.setVariableLocal(SUPPLIER_NAME, c.contract().supplier().name());
    task.setVariableLocal(INSPECTION_DUE_DATE, task.getExecution().getVariable(INSPECTION_DUE_DATE));
    task.setVariableLocal(INSPECTION_ROUND, task.getExecution().getVariable(INSPECTION_ROUND));
  }

  public void inspectionCompleted(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    String inspector = caller(task);
    Object result = task.getVariable(INSPECTION_RESULT);
    String findings = text(task.getVariable(INSPECTION_COMMENT));
    if (!INSPECTION_PASS.equals(result) && !INSPECTION_FAIL.equals(result)) {
      throw new BadUserRequestException("検査結果（合格・不合格）を選んでください。 / inspectionResult must be pass or fail");
    }
    boolean passed = INSPECTION_PASS.equals(result);
    if (!passed && findings == null) {
      throw new BadUserRequestException("不合格の理由（手直しを求める内容）を記入してください。 / inspectionComment is "
          + "required when the inspection fails");
    }
    List<Inspection> rounds = store.inspections(c.contract().tenantId(), c.contract().id());
    Inspection open = rounds.get(rounds.size() - 1);
    LocalDate today = today();
    store.closeInspection(c.contract().tenantId(), c.contract().id(), open.round(), today, passed, inspector, findings);
    String id = c.contract().id();
    if (passed) {
      // the inspector drafts the payment order (支出命令の起案者) and receives its send-backs
      task.getExecution().setVariable(ORIGINATOR, inspector);
      store.stage(c.contract().tenantId(), id, Stage.AWAITING_INVOICE);
      store.event(c.contract().tenantId(), id, now(), "inspection-passed", "検査に合格しました（" + today + "、検査期限 " + open.dueOn()
          + "）。請求書を待ちます。");
    } else {
      store.stage(c.contract().tenantId(), id, Stage.AWAITING_COMPLETION);
      store.event(c.contract().tenantId(), id, now(), "inspection-failed", "検査の結果、不合格となりました（" + today + "）。手直しのうえ、改めて完了通知を"
          + "お送りください。検査期間は新しい完了通知から改めて数えます。指摘事項: " + findings);
    }
  }

  // ---- invoice

  public void validateInvoice(DelegateExecution execution) {
    ContractCase c = linked(execution);
    Contract contract = c.contract();
    Invoice invoice = invoiceOf(execution, c);
    store.stage(contract.tenantId(), contract.id(), Stage.VALIDATING);
    if (store.format(contract.tenantId(), invoice.id()) == ContractCaseStore.InvoiceFormat.SCAN) {
      validateScan(execution, c, invoice);
      return;
    }
    byte[] content = store.invoiceContent(contract.tenantId(), invoice.id());
    EInvoiceCheck.Result result;
    try {
      // the contract lookup is this case only: an invoice naming another contract is CONTRACT_NOT_FOUND
      result = invoiceCheck.check(content, ref -> contract.id().equals(ref) ? Optional.of(contract)
          : Optional.empty());
    } catch (InvoiceParseException e) {
      // the API refuses unreadable files before storing them: a stored one that no longer parses is a defect
      throw new ProcessEngineException("stored invoice " + invoice.id() + " cannot be read: " + e.getMessage(), e);
    }
    // RegistryUnavailableException propagates: the job is retried, then an incident; no verdict is stored
    verdict(execution, invoice, result.validation().problems(), result.valid(),
        result.invoice().totals() != null && result.invoice().totals().payable() != null
            ? result.invoice().totals().payable().value().longValue() : null);
  }

  /** A PDF or image invoice: the fields staff confirmed, checked by the same validator as an e-invoice. */
  private void validateScan(DelegateExecution execution, ContractCase c, Invoice invoice) {
    ContractCaseStore.Scan scan = store.scan(c.contract().tenantId(), invoice.id()).orElseThrow();
    if (scan.verifiedJson() == null) {
      // reached without the staff verification (a start at this activity, a modification): nothing to validate
      throw new ProcessEngineException("invoice " + invoice.id() + " of contract " + c.contract().id()
          + " has no verified fields");
    }
    ScannedInvoice paper = InvoiceVerification.scanned(scan.verifiedJson());
    var validation = validator.validate(paper.asEInvoice(c.contract().id()), c.contract());
    verdict(execution, invoice, validation.problems(), validation.valid(), paper.total());
  }

  private void verdict(DelegateExecution execution, Invoice invoice, List<InvoiceProblem> problems, boolean valid,
      Long payable) {
    store.verdict(invoice.id(), valid ? InvoiceStatus.VALID : InvoiceStatus.INVALID, problemsJson(problems),
        payable);
    execution.setVariable(INVOICE_VALID, valid);
    execution.setVariable(INVOICE_PROBLEMS_TEXT, problemsText(problems));
    if (valid) {
      execution.setVariable(AMOUNT, payable);
    }
  }

  public void returnInvoice(DelegateExecution execution) {
    ContractCase c = linked(execution);
    Invoice invoice = invoiceOf(execution, c);
    LocalDate today = today();
    store.returned(invoice.id(), today);
    store.stage(c.contract().tenantId(), c.contract().id(), Stage.INVOICE_RETURNED);
    // recorded as the notice to the supplier; the supplier's system reads it from GET /api/v1/contracts/{id}
    store.event(c.contract().tenantId(), c.contract().id(), now(), "invoice-returned", "請求書（" + nonNull(invoice.invoiceNumber())
        + "）に不備があるため返戻します（" + today + "）。訂正した請求書をお送りください。訂正された請求書が届くまで支払期間は"
        + "進みません。\n" + execution.getVariable(INVOICE_PROBLEMS_TEXT));
    // the notice is also mailed to the supplier's system (its account's address), once per returned invoice
    execution.setVariable(RETURN_NOTICE_ID, invoice.id());
    execution.setVariable(SUPPLIER_EMAIL, mailAddressOf(execution, invoice.submittedBy()));
    execution.setVariable(INVOICE_NUMBER, invoice.invoiceNumber() == null ? "番号なし" : invoice.invoiceNumber());
    execution.setVariable(RETURNED_ON, today.toString());
  }

  public void returnNoticeMailed(DelegateExecution execution) {
    ContractCase c = linked(execution);
    store.event(c.contract().tenantId(), c.contract().id(), now(), "invoice-return-mailed", "請求書の返戻の通知を電子メールで送信しました（"
        + execution.getVariable(SUPPLIER_EMAIL) + "）。");
  }

  public void returnNoticeNotMailed(DelegateExecution execution) {
    ContractCase c = linked(execution);
    store.event(c.contract().tenantId(), c.contract().id(), now(), "invoice-return-not-mailed", "請求書の返戻の通知を電子メールで送れませんでした"
        + "（宛先がないか使えません）。相手方はこの契約の状況（GET /api/v1/contracts/" + c.contract().id()
        + "）で返戻の内容を確認できます。");
  }

  // ---- PDF or image invoices: OCR, staff verification

  public void recordRecognition(DelegateExecution execution) {
    ContractCase c = linked(execution);
    Invoice invoice = invoiceOf(execution, c);
    ContractCaseStore.Scan scan = scanOf(execution, c, invoice);
    Object value = execution.getVariable(DocumentVariables.RECOGNITION);
    String recognition = value instanceof String s && s.length() <= InvoiceVerification.MAX_RECOGNITION
        && InvoiceVerification.fieldsOf(s) != null ? s : null;
    store.recognition(c.contract().tenantId(), invoice.id(), recognition);
    execution.removeVariable(DocumentVariables.RECOGNITION);
    boolean needs = recognition == null
        || Boolean.TRUE.equals(execution.getVariable(DocumentVariables.NEEDS_VERIFICATION));
    execution.removeVariable(DocumentVariables.NEEDS_VERIFICATION);
    store.event(c.contract().tenantId(), c.contract().id(), now(), "invoice-read", "請求書（文書ID " + scan.documentId() + "）を OCR で読み取りました"
        + (needs ? "（要確認の項目あり）" : "") + "。職員が原本と照合します。");
  }

  public void recordUnread(DelegateExecution execution) {
    ContractCase c = linked(execution);
    Invoice invoice = invoiceOf(execution, c);
    ContractCaseStore.Scan scan = scanOf(execution, c, invoice);
    store.recognition(c.contract().tenantId(), invoice.id(), null);
    String reason = execution.getVariable(DocumentVariables.REFUSAL_REASON) instanceof String r && !r.isBlank()
        ? bounded(r, 500) : "機械で読み取れませんでした";
    store.event(c.contract().tenantId(), c.contract().id(), now(), "invoice-unread", "請求書（文書ID " + scan.documentId() + "）は" + reason
        + "。職員が原本を見て入力します。");
  }

  /** The fields OCR read prefill the form (task-local: staff's values replace them); doubtful ones are listed. */
  public void verificationCreated(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    Invoice invoice = invoiceOf(task.getExecution(), c);
    ContractCaseStore.Scan scan = scanOf(task.getExecution(), c, invoice);
    store.stage(c.contract().tenantId(), c.contract().id(), Stage.INVOICE_VERIFICATION);
    JsonNode fields = scan.recognitionJson() == null ? null : InvoiceVerification.fieldsOf(scan.recognitionJson());
    InvoiceVerification.prefill(fields).forEach(task::setVariableLocal);
    task.setVariableLocal(FIELDS_TO_CHECK_TEXT, InvoiceVerification.toCheck(fields));
    task.setVariableLocal(CONTRACT_SUMMARY, summary(c, null, 0));
    task.setVariableLocal(CONTRACT_TITLE, c.contract().title());
    task.setVariableLocal(SUPPLIER_NAME, c.contract().supplier().name());
    task.setVariableLocal(DOCUMENT_IMAGE_URL, StaffDocumentLinks.preview(task.getId(), scan.documentId(), 1));
    task.setVariableLocal(DOCUMENT_IMAGE_TEXT, StaffDocumentLinks.markdownImage("請求書の原本（1頁目）", task.getId(),
        scan.documentId(), 1));
    task.setVariableLocal(DOCUMENT_LINK_TEXT, StaffDocumentLinks.markdownLink(task.getId(), scan.documentId()));
  }

  /** Staff confirmed the fields: checked, kept with the invoice, every correction recorded as before → after. */
  public void verificationCompleted(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    Invoice invoice = invoiceOf(task.getExecution(), c);
    ContractCaseStore.Scan scan = scanOf(task.getExecution(), c, invoice);
    String by = caller(task);
    Map<String, Object> confirmed = InvoiceVerification.confirmed(name -> submitted(task, name));
    JsonNode read = scan.recognitionJson() == null ? null : InvoiceVerification.fieldsOf(scan.recognitionJson());
    List<String> corrections = InvoiceVerification.corrections(read, confirmed);
    List<String> entered = InvoiceVerification.entered(read, confirmed);
    String comment = InvoiceVerification.comment(submitted(task, VERIFICATION_COMMENT));
    // the confirmed values live with the invoice, not as case variables
    for (String name : InvoiceVerification.LABELS.keySet()) {
      task.getExecution().getProcessInstance().removeVariableLocal(name);
    }
    task.getExecution().getProcessInstance().removeVariableLocal(VERIFICATION_COMMENT);
    store.verified(c.contract().tenantId(), invoice.id(), InvoiceVerification.json(confirmed), by, (String) confirmed.get(INVOICE_NUMBER));
    store.stage(c.contract().tenantId(), c.contract().id(), Stage.VALIDATING);
    store.event(c.contract().tenantId(), c.contract().id(), now(), corrections.isEmpty() ? "invoice-verified" : "invoice-corrected",
        "請求書（文書ID " + scan.documentId() + "）の読取内容を確認しました（" + by + "）"
            + (corrections.isEmpty() ? "。修正なし" : "。修正: " + String.join("、", corrections))
            + (entered.isEmpty() ? "" : "。入力: " + String.join("、", entered))
            + (comment == null ? "" : "。備考: " + comment) + "。");
  }

  public void schedulePayment(DelegateExecution execution) {
    ContractCase c = linked(execution);
    Contract contract = c.contract();
    PaymentSchedule schedule = schedule(contract);
    Invoice proper = invoiceOf(execution, c);
    long amount = payableWithinContract(contract, proper.status() == InvoiceStatus.VALID ? proper.payableAmount()
        : null);
    store.schedule(contract.tenantId(), contract.id(), schedule.clockStartedOn(), schedule.inspectionDelayDays(), schedule.pausedDays(),
        schedule.dueOn(), schedule.warnOn(), amount);
    store.stage(contract.tenantId(), contract.id(), Stage.PAYMENT_ORDER);
    execution.setVariable(AMOUNT, amount);
    execution.setVariable(PAYMENT_DUE_DATE, schedule.dueOn().toString());
    execution.setVariable(PAYMENT_WARN_AT, Date.from(at(schedule.warnOn(), OFFICE_OPENS)));
    execution.setVariable(PAYMENT_DUE_AT, Date.from(at(schedule.dueOn(), OFFICE_CLOSES)));
    execution.setVariable(TREASURY_GROUP, settings.treasuryGroup(contract.tenantId()));
    execution.setVariable(AdministrativeProcedure.DUE_DATE, schedule.dueOn().toString());
    execution.setVariable(ACCOUNTING_GROUP, settings.accountingGroup(contract.tenantId()));
    execution.setVariable(ORDER_SUMMARY, summary(c, schedule, amount));
    store.event(contract.tenantId(), contract.id(), now(), "payment-scheduled", "適正な請求書を受理しました。支払期限は " + schedule.dueOn()
        + " です（起算日 " + schedule.clockStartedOn() + "、支払期間 " + schedule.periodDays() + "日、検査遅延 "
        + schedule.inspectionDelayDays() + "日を控除、返戻による停止 " + schedule.pausedDays() + "日を加算）。");
  }

  /** The payment schedule as it stands (also what the API shows once the proper invoice arrived). */
  PaymentSchedule schedule(Contract contract) {
    List<InspectionRound> rounds = store.inspections(contract.tenantId(), contract.id()).stream()
        .map(i -> new InspectionRound(i.noticeOn(), i.inspectedOn(), Boolean.TRUE.equals(i.passed()))).toList();
    List<Invoice> invoices = store.invoices(contract.tenantId(), contract.id());
    List<Pause> pauses = new ArrayList<>();
    for (int i = 0; i < invoices.size() - 1; i++) {
      if (invoices.get(i).returnedOn() != null) {
        pauses.add(new Pause(invoices.get(i).returnedOn(), invoices.get(i + 1).receivedOn()));
      }
    }
    return deadlines(contract).payment(contract.terms(), rounds, invoices.get(0).receivedOn(), pauses);
  }

  // ---- payment order and accounting

  public void accountingCreated(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    store.stage(c.contract().tenantId(), c.contract().id(), Stage.ACCOUNTING_CHECK);
    task.setVariableLocal(CONTRACT_SUMMARY, task.getExecution().getVariable(ORDER_SUMMARY));
    task.setVariableLocal(CONTRACT_TITLE, c.contract().title());
    task.setVariableLocal(AMOUNT, task.getExecution().getVariable(AMOUNT));
    task.setVariableLocal(PAYMENT_DUE_DATE, task.getExecution().getVariable(PAYMENT_DUE_DATE));
  }

  public void accountingCompleted(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    String checker = caller(task);
    if (checker.equals(task.getExecution().getVariable(ORIGINATOR))) {
      throw new AuthorizationException("支出命令の起案者は会計管理者の確認を行えません。 / the originator of the payment "
          + "order cannot check it");
    }
    // nor anyone who approved it, also as 代理 or as an added approver (separation of duties, review F17)
    if (store.paymentOrderParticipants(c.contract().tenantId(), c.contract().id()).contains(checker)) {
      throw new AuthorizationException("支出命令の決裁に加わった職員は会計管理者の確認を行えません。 / who drafted or approved "
          + "the payment order cannot check it");
    }
    // nor who verified the scanned invoice the order was built from (attack review 3 A9)
    if (store.invoiceVerifiers(c.contract().tenantId(), c.contract().id()).contains(checker)) {
      throw new AuthorizationException("請求書の読取内容を確認した職員は会計管理者の確認を行えません。 / who verified the "
          + "scanned invoice cannot check the payment order");
    }
    Object result = task.getVariable(ACCOUNTING_RESULT);
    String comment = text(task.getVariable(ACCOUNTING_COMMENT));
    if (!ACCOUNTING_PASS.equals(result) && !ACCOUNTING_REFUSE.equals(result)) {
      throw new BadUserRequestException("確認結果を選んでください。 / accountingResult must be pass or refuse");
    }
    if (ACCOUNTING_REFUSE.equals(result) && comment == null) {
      throw new BadUserRequestException("差戻しの理由を記入してください。 / accountingComment is required when refusing");
    }
    store.event(c.contract().tenantId(), c.contract().id(), now(), ACCOUNTING_PASS.equals(result) ? "accounting-passed" : "accounting-refused",
        ACCOUNTING_PASS.equals(result) ? "会計管理者が支出命令を確認しました。"
            : "会計管理者が支出命令を差し戻しました: " + comment);
  }

  public void revisionCreated(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    store.stage(c.contract().tenantId(), c.contract().id(), Stage.PAYMENT_ORDER);
    Object outcome = task.getExecution().getVariable(ORDER_OUTCOME);
    Object accounting = task.getExecution().getVariable(ACCOUNTING_RESULT);
    String why = ACCOUNTING_REFUSE.equals(accounting) ? "会計管理者の差戻し: "
        + md(String.valueOf(task.getExecution().getVariable(ACCOUNTING_COMMENT)))
        : outcome == null ? "決裁ルートが見つかりません（起案課 " + md(c.contract().department()) + "）。"
        : "決裁の結果: " + md(String.valueOf(outcome)) + " "
        + md(nonNull((String) task.getExecution().getVariable(ORDER_COMMENT)));
    task.setVariableLocal(CONTRACT_SUMMARY, task.getExecution().getVariable(ORDER_SUMMARY) + "\n\n" + why);
  }

  public void revisionCompleted(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    String by = caller(task);
    String comment = text(task.getVariable(REVISION_COMMENT));
    if (comment == null) {
      throw new BadUserRequestException("見直した内容を記入してください。 / revisionComment is required");
    }
    DelegateExecution execution = task.getExecution();
    execution.setVariable(ORIGINATOR, by);
    // a new round: the previous outcome and accounting result no longer apply
    execution.removeVariable(ORDER_OUTCOME);
    execution.removeVariable(ACCOUNTING_RESULT);
    execution.setVariable(ORDER_SUMMARY, execution.getVariable(ORDER_SUMMARY) + "\n見直し: " + md(comment));
    // the supplier reads the history: role names, not the staff's account ids (review F25)
    store.event(c.contract().tenantId(), c.contract().id(), now(), "order-revised", "担当課が支出命令を見直して再起案しました: " + comment);
  }

  public void exportInstruction(DelegateExecution execution) {
    ContractCase c = linked(execution);
    Contract contract = c.contract();
    LocalDate today = today();
    String paymentId = c.paymentId() != null ? c.paymentId()
        : "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 19).toUpperCase();
    long amount = payableWithinContract(contract, c.amount());
    // paid on the day of the instruction: interest for the days already late (8条); recomputed on the payment day
    long interest = new LateInterest(rates, settings.interestBasis())
        .compute(contract, amount, c.paymentDueOn(), today).interestYen();
    PaymentInstruction instruction = new PaymentInstruction(paymentId, contract.id(), contract.supplier().name(),
        contract.supplier().registrationNumber(), amount, interest, today.isAfter(c.paymentDueOn()) ? today
        : c.paymentDueOn());
    if (exportQueue != null) {
      queueInstruction(execution, c, instruction, today);
      return;
    }
    PaymentBatch batch = new PaymentBatch(contract.tenantId(), paymentId, today, List.of(instruction));
    ledger.recordExported(batch);
    try {
      java.nio.file.Files.createDirectories(settings.outbox());
    } catch (java.io.IOException e) {
      throw new ProcessEngineException("cannot create the outbox " + settings.outbox() + ": " + e.getMessage(), e);
    }
    // an unwritable folder or a payee name the file cannot carry fails the job: retries, then an incident
    instructionFile.write(batch, settings.outbox());
    store.exported(contract.tenantId(), contract.id(), paymentId, interest);
    execution.setVariable(PAYMENT_ID, paymentId);
    store.event(contract.tenantId(), contract.id(), now(), "payment-exported", "支払指示ファイル " + batch.fileName() + " を出力しました（支払額 "
        + amount + "円" + (interest > 0 ? "、遅延利息 " + interest + "円" : "") + "）。");
  }

  /**
   * One file per batch: the payment waits for the route {@code accounting-export}, which collects the tenant's
   * approved payments into one file. A payee name the file cannot carry fails the job now (retries, then an incident),
   * not the batch later.
   */
  private void queueInstruction(DelegateExecution execution, ContractCase c, PaymentInstruction instruction,
      LocalDate today) {
    Contract contract = c.contract();
    instructionFile.render(new PaymentBatch(contract.tenantId(), instruction.paymentId(), today,
        List.of(instruction)));
    exportQueue.enqueue(contract.tenantId(), instruction);
    store.queued(contract.tenantId(), contract.id(), instruction.paymentId(), instruction.lateInterest());
    execution.setVariable(PAYMENT_ID, instruction.paymentId());
    store.event(contract.tenantId(), contract.id(), now(), "payment-queued", "支払指示（支払番号 " + instruction.paymentId() + "、支払額 "
        + instruction.amount() + "円" + (instruction.lateInterest() > 0 ? "、遅延利息 " + instruction.lateInterest()
        + "円" : "") + "）を次の支払指示ファイルに入れます（会計システムへはまとめて出力します）。");
  }

  public void recordPayment(DelegateExecution execution) {
    ContractCase c = linked(execution);
    Contract contract = c.contract();
    PaymentLedger.Payment payment = ledger.find(contract.tenantId(), c.paymentId())
        .filter(p -> p.contractId().equals(contract.id()) && p.status() == PaymentLedger.Status.PAID)
        .orElseThrow(() -> new ProcessEngineException("payment " + c.paymentId() + " of contract " + contract.id()
            + " is not acknowledged as paid"));
    LateInterest.Calculation interest = new LateInterest(rates, settings.interestBasis())
        .compute(contract, c.amount(), c.paymentDueOn(), payment.paidOn());
    store.paid(contract.tenantId(), contract.id(), payment.paidOn(), interest.interestYen());
    long owed = interest.interestYen() - payment.lateInterest();
    store.event(contract.tenantId(), contract.id(), now(), "paid", "支払済（" + payment.paidOn() + "、支払期限 " + c.paymentDueOn() + "）。"
        + (interest.interestYen() > 0 ? "遅延日数 " + interest.daysLate() + "日、遅延利息 " + interest.interestYen() + "円"
        + (owed > 0 ? "（支払指示に含めた " + payment.lateInterest() + "円との差額 " + owed + "円が未払です）" : "") + "。"
        : "期限内の支払です。"));
  }

  public void warnPaymentDue(DelegateExecution execution) {
    ContractCase c = linked(execution);
    store.event(c.contract().tenantId(), c.contract().id(), now(), "payment-due-soon", "支払期限（" + c.paymentDueOn() + "）が近づいています。"
        + "支出命令・会計管理者の確認・支払を急いでください（支払遅延防止法: 期限後は遅延利息が生じます）。");
  }

  /** The warning is a task of the department: due on the payment due day, listed under 期限が近い. */
  public void warningCreated(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    LocalDate due = c.paymentDueOn();
    long days = java.time.temporal.ChronoUnit.DAYS.between(today(), due);
    task.setVariableLocal(CONTRACT_SUMMARY, task.getExecution().getVariable(ORDER_SUMMARY));
    task.setVariableLocal(CONTRACT_TITLE, c.contract().title());
    task.setVariableLocal(PAYMENT_DUE_DATE, due.toString());
    task.setVariableLocal(PAYMENT_WARNING_TEXT, "**支払期限 " + due + "（あと " + days + " 日）が近づいています。**\n\n"
        + "現在の段階: " + stageJa(c.stage()) + "。支出命令・会計管理者の確認・支払指示を期限までに終えてください。"
        + "期限を過ぎると支払遅延防止法により遅延利息（未払額 × 年率 × 遅延日数 ÷ 365）が生じます。");
  }

  public void warningHeeded(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    String by = caller(task);
    String comment = InvoiceVerification.comment(task.getVariable(WARNING_COMMENT));
    task.getExecution().removeVariable(WARNING_COMMENT);
    store.event(c.contract().tenantId(), c.contract().id(), now(), "payment-due-soon-heeded", "支払期限の警告を確認しました（" + by + "）"
        + (comment == null ? "。" : ": " + comment));
  }

  // ---- a payment the accounting system did not make (FAILED acknowledgement)

  public void paymentFailureCreated(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    store.stage(c.contract().tenantId(), c.contract().id(), Stage.PAYMENT_FAILED);
    task.setVariableLocal(CONTRACT_SUMMARY, task.getExecution().getVariable(ORDER_SUMMARY));
    task.setVariableLocal(CONTRACT_TITLE, c.contract().title());
    task.setVariableLocal(AMOUNT, c.amount());
    task.setVariableLocal(PAYMENT_DUE_DATE, String.valueOf(c.paymentDueOn()));
    task.setVariableLocal(PAYMENT_FAILURE_TEXT, "会計システムが支払番号 " + c.paymentId() + "（支払額 "
        + String.format("%,d", c.amount()) + "円）を**不払**と通知しました。原因（口座の誤りなど）を確かめ、支払指示を"
        + "新しい支払番号で出力し直すか、手作業で支払った場合はその支払日を記録してください。支払期限は " + c.paymentDueOn()
        + " です。");
    task.setVariableLocal(PAYMENT_RESOLUTION, null);
    task.setVariableLocal(MANUAL_PAID_ON, null);
    task.setVariableLocal(RESOLUTION_COMMENT, null);
    store.event(c.contract().tenantId(), c.contract().id(), now(), "payment-failed", "会計システムが支払番号 " + c.paymentId()
        + " を不払と通知しました。会計課が対応します。");
  }

  public void paymentFailureResolved(DelegateTask task) {
    ContractCase c = linked(task.getExecution());
    String by = caller(task);
    Object resolution = submitted(task, PAYMENT_RESOLUTION);
    String comment = InvoiceVerification.comment(submitted(task, RESOLUTION_COMMENT));
    Object paidOnValue = submitted(task, MANUAL_PAID_ON);
    task.getExecution().getProcessInstance().removeVariableLocal(RESOLUTION_COMMENT);
    task.getExecution().getProcessInstance().removeVariableLocal(MANUAL_PAID_ON);
    if (!RESOLUTION_RETRY.equals(resolution) && !RESOLUTION_MANUAL.equals(resolution)) {
      throw new BadUserRequestException("対応を選んでください（再出力または手作業で支払済）。 / paymentResolution must be "
          + "retry or manual");
    }
    // the gateway reads the choice on the case: task-local values end with the task
    task.getExecution().setVariable(PAYMENT_RESOLUTION, resolution);
    if (RESOLUTION_RETRY.equals(resolution)) {
      store.event(c.contract().tenantId(), c.contract().id(), now(), "payment-failure-retry", "不払の支払指示を出力し直します（" + by + "）"
          + (comment == null ? "。" : ": " + comment));
      return;
    }
    LocalDate paidOn = paidOnValue == null || paidOnValue instanceof String p && p.isBlank() ? null
        : date(paidOnValue, MANUAL_PAID_ON);
    if (paidOn == null) {
      throw new BadUserRequestException("手作業で支払った日を入力してください。 / manualPaidOn is required");
    }
    if (paidOn.isAfter(today())) {
      throw new BadUserRequestException("支払日が未来の日付です。 / manualPaidOn must not be in the future");
    }
    if (paidOn.isBefore(c.contract().contractDate())) {
      throw new BadUserRequestException("支払日が契約日より前です。 / manualPaidOn must not be before the contract date");
    }
    if (comment == null) {
      throw new BadUserRequestException("手作業の支払の内容（振込の控えなど）を記入してください。 / resolutionComment is required "
          + "for a manual payment");
    }
    if (!ledger.markPaidByHand(c.contract().tenantId(), c.paymentId(), paidOn, by)) {
      throw new BadUserRequestException("支払番号 " + c.paymentId() + " は不払の状態ではありません。 / payment "
          + c.paymentId() + " is not FAILED");
    }
    store.event(c.contract().tenantId(), c.contract().id(), now(), "payment-paid-by-hand", "手作業で支払ったことを記録しました（支払日 " + paidOn
        + "、" + by + "）: " + comment);
  }

  /** A new payment id for the new instruction; the failed one stays FAILED in the ledger. */
  public void prepareReExport(DelegateExecution execution) {
    ContractCase c = linked(execution);
    store.clearPayment(c.contract().tenantId(), c.contract().id());
    execution.removeVariable(PAYMENT_ID);
  }

  // ---- helpers

  /** The case of this process instance: business key = contract id, same tenant, same process instance. */
  private ContractCase linked(DelegateExecution execution) {
    String contractId = execution.getProcessBusinessKey();
    String tenantId = execution.getTenantId() != null ? execution.getTenantId()
        : (String) execution.getVariable(TENANT_ID);
    ContractCase c = contractId == null || tenantId == null ? null : store.find(tenantId, contractId).orElse(null);
    if (c == null) {
      throw new ProcessEngineException("no contract " + contractId + " in tenant " + tenantId);
    }
    if (c.processInstanceId() != null && !c.processInstanceId().equals(execution.getProcessInstanceId())) {
      throw new ProcessEngineException("contract " + contractId + " belongs to process instance "
          + c.processInstanceId() + ", not " + execution.getProcessInstanceId());
    }
    return c;
  }

  private Invoice invoiceOf(DelegateExecution execution, ContractCase c) {
    Object id = execution.getVariable(INVOICE_ID);
    Invoice invoice = id instanceof String s ? store.invoice(c.contract().tenantId(), s).orElse(null) : null;
    if (invoice == null || !invoice.contractId().equals(c.contract().id())) {
      throw new ProcessEngineException("invoice " + id + " is not an invoice of contract " + c.contract().id());
    }
    return invoice;
  }

  /**
   * The amount to pay: the validated invoice's payable amount, never above what the contract costs with tax
   * ({@link Contract#maxTaxInclusive()}, shared/domain/contract-payment.md: "the total matches the contract"). The
   * validation already refuses such an invoice; this is the last check before the order and the file (F0).
   */
  static long payableWithinContract(Contract contract, Long amount) {
    if (amount == null || amount < 0 || amount > contract.maxTaxInclusive()) {
      throw new ProcessEngineException("payment amount " + amount + " of contract " + contract.id()
          + " is not within 0.." + contract.maxTaxInclusive() + " yen (the contract's amount with tax)");
    }
    return amount;
  }

  private ContractCaseStore.Scan scanOf(DelegateExecution execution, ContractCase c, Invoice invoice) {
    ContractCaseStore.Scan scan = store.scan(c.contract().tenantId(), invoice.id()).orElse(null);
    Object named = execution.getVariable(DOCUMENT_ID);
    if (scan == null || scan.documentId() == null || !scan.documentId().equals(named)) {
      throw new ProcessEngineException("invoice " + invoice.id() + " of contract " + c.contract().id()
          + " has no scan " + named);
    }
    return scan;
  }

  /** The mail address of the account that handed the invoice in, or null (the mail then records "undeliverable"). */
  private static String mailAddressOf(DelegateExecution execution, String account) {
    var identity = execution.getProcessEngineServices().getIdentityService();
    var user = org.camunda.bpm.engine.impl.context.Context.getCommandContext().runWithoutAuthorization(
        () -> identity.createUserQuery().userId(account).singleResult());
    return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
  }

  /**
   * A value staff submitted for a task that the create listener prefilled task-locally: the Tasklist's submit-form
   * replaces the task-local value, a plain complete sets it on the case; either way, what was sent.
   */
  static Object submitted(DelegateTask task, String name) {
    DelegateExecution root = task.getExecution().getProcessInstance();
    return root.hasVariableLocal(name) ? root.getVariableLocal(name) : task.getVariableLocal(name);
  }

  private static String stageJa(Stage stage) {
    return switch (stage) {
      case PAYMENT_ORDER -> "支出命令（決裁）";
      case ACCOUNTING_CHECK -> "会計管理者の確認";
      case EXPORTED -> "支払指示を出力済み（会計システムの支払を待っています）";
      case PAYMENT_FAILED -> "不払の対応中（会計課）";
      default -> stage.name().toLowerCase();
    };
  }

  private static String bounded(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  private ContractDeadlines deadlines(Contract contract) {
    return new ContractDeadlines(calendars.apply(contract.tenantId()), settings.warningOpenDays());
  }

  private static String summary(ContractCase c, PaymentSchedule schedule, long amount) {
    Contract k = c.contract();
    StringBuilder s = new StringBuilder();
    // the contract system's and the supplier's texts are literal Markdown in the forms (review F21)
    s.append("契約番号: ").append(md(k.id())).append("\n件名: ").append(md(k.title())).append("\n相手方: ")
        .append(md(k.supplier().name())).append(k.supplier().registrationNumber() == null ? ""
            : "（登録番号 " + md(k.supplier().registrationNumber()) + "）")
        .append("\n種別: ").append(switch (k.kind()) {
          case GOODS -> "物品";
          case SERVICES -> "役務";
          case CONSTRUCTION -> "工事";
        }).append("\n契約金額（税抜）: ").append(String.format("%,d", k.totalWithoutTax())).append("円");
    if (schedule != null) {
      s.append("\n支払額（税込）: ").append(String.format("%,d", amount))
          .append("円\n支払期限: ").append(schedule.dueOn());
    }
    return s.toString();
  }

  /** At most this many problems are kept per invoice; the rest are counted (「他 N 件」, review F16). */
  static final int MAX_PROBLEMS = 50;
  /** Characters of problem texts kept: within problems_json (20,000) and a String variable / event (4,000). */
  private static final int MAX_PROBLEMS_JSON_TEXT = 15_000;
  private static final int MAX_PROBLEMS_TEXT = 3_000;
  private static final int MAX_MESSAGE = 300;

  /** The first problems that fit, each message cut to {@value #MAX_MESSAGE} characters. */
  private static List<InvoiceProblem> kept(List<InvoiceProblem> problems, int budget) {
    List<InvoiceProblem> kept = new ArrayList<>();
    int used = 0;
    for (InvoiceProblem p : problems) {
      String message = p.message().length() > MAX_MESSAGE ? p.message().substring(0, MAX_MESSAGE) + "…" : p.message();
      String field = p.field().length() > MAX_MESSAGE ? p.field().substring(0, MAX_MESSAGE) + "…" : p.field();
      used += message.length() + field.length() + p.code().name().length() + 40;
      if (kept.size() == MAX_PROBLEMS || used > budget) {
        break;
      }
      kept.add(new InvoiceProblem(p.code(), message, field));
    }
    return kept;
  }

  private static String more(int n) {
    return "他 " + n + " 件の不備があります（最初の項目を訂正して改めてお送りください）。";
  }

  static String problemsText(List<InvoiceProblem> problems) {
    List<InvoiceProblem> kept = kept(problems, MAX_PROBLEMS_TEXT);
    String text = kept.stream().map(p -> "・" + p.message() + "（" + p.code() + "）")
        .collect(Collectors.joining("\n"));
    return kept.size() < problems.size() ? text + "\n・" + more(problems.size() - kept.size()) : text;
  }

  static String problemsJson(List<InvoiceProblem> all) {
    List<InvoiceProblem> problems = kept(all, MAX_PROBLEMS_JSON_TEXT);
    List<Map<String, String>> list = new ArrayList<>();
    for (InvoiceProblem p : problems) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("code", p.code().name());
      m.put("message", p.message());
      m.put("field", p.field());
      list.add(m);
    }
    if (problems.size() < all.size()) {
      list.add(new LinkedHashMap<>(Map.of("code", "MORE_PROBLEMS", "message", more(all.size() - problems.size()),
          "field", "invoice")));
    }
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String caller(DelegateTask task) {
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new BadUserRequestException("ログインした職員だけが完了できます。 / the task must be completed by an "
          + "authenticated user");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.getUserId())) {
      throw new AuthorizationException("このタスクは " + task.getAssignee() + " さんに割り当てられています。 / the task is "
          + "assigned to '" + task.getAssignee() + "'");
    }
    return caller.getUserId();
  }

  private static LocalDate date(Object value, String name) {
    try {
      return LocalDate.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException(name + " must be an ISO date (yyyy-MM-dd)");
    }
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  /** Outside text as literal Markdown (the escaping of the application details, issue 9). */
  private static String md(String text) {
    return text == null ? "" : ApplicationDetails.escape(text);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static LocalDate today() {
    return LocalDate.ofInstant(now(), JapanTime.ZONE);
  }

  private static Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(JapanTime.ZONE).toInstant();
  }
}
