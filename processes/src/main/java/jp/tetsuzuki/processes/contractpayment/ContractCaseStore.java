package jp.tetsuzuki.processes.contractpayment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.tetsuzuki.processes.contract.Contract;
import jp.tetsuzuki.processes.contract.ContractItem;
import jp.tetsuzuki.processes.contract.ContractKind;
import jp.tetsuzuki.processes.contract.PaymentTerms;
import jp.tetsuzuki.processes.contract.Supplier;
import jp.tetsuzuki.processes.contract.TaxRate;
import jp.tetsuzuki.processes.contract.TaxRounding;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contract-payment cases in our tables (V57 {@code tz_contract_case}, {@code tz_contract_item},
 * {@code tz_contract_inspection}, {@code tz_contract_event}; V58 {@code tz_contract_invoice}; V77 keys them by
 * tenant and contract id). Every read and write names the tenant, so a case of another tenant is simply not found,
 * and two tenants may use the same contract id.
 */
public class ContractCaseStore {

  /** Stages of a case (what {@code GET /api/v1/contracts/{id}} shows as {@code stage}). */
  public enum Stage {
    AWAITING_COMPLETION, INSPECTION, AWAITING_INVOICE, VALIDATING, INVOICE_RETURNED, PAYMENT_ORDER, ACCOUNTING_CHECK,
    EXPORT_QUEUED, EXPORTED, PAID,
    /** A PDF or image invoice is read by OCR and checked by staff before validation. */
    INVOICE_VERIFICATION,
    /** The accounting system reported the payment as not made; 会計課 resolves it. */
    PAYMENT_FAILED
  }

  /**
   * Invoice status: RECEIVED (validation pending or retrying), VALID, INVALID (returned), VERIFYING (a PDF or image
   * invoice whose fields staff have not confirmed yet; validated afterwards).
   */
  public enum InvoiceStatus { RECEIVED, VALID, INVALID, VERIFYING }

  /** How an invoice came (V66 {@code format}). */
  public enum InvoiceFormat { XML, SCAN }

  /**
   * The scan side of a PDF or image invoice (V66).
   *
   * @param documentId      the scan in the document store
   * @param recognitionJson what OCR read ({@code {"fields":{…}}}), null when it could not read it
   * @param verifiedJson    the fields as staff confirmed them, null until then
   */
  public record Scan(String invoiceId, String documentId, String recognitionJson, String verifiedJson,
      String verifiedBy) {}

  /** A case as stored. */
  public record ContractCase(Contract contract, String submittedBy, String idempotencyKey, String requestSha256,
      String processInstanceId, Stage stage, LocalDate clockStartedOn, Integer inspectionDelayDays, Integer pausedDays,
      LocalDate paymentDueOn, LocalDate paymentWarnOn, Long amount, String paymentId, Long instructionInterest,
      LocalDate paidOn, Long lateInterest, Instant createdAt) {}

  /** One completion notice and its inspection. */
  public record Inspection(int round, LocalDate noticeOn, LocalDate dueOn, LocalDate inspectedOn, Boolean passed,
      String inspectedBy, String findings) {}

  /** One invoice as received. */
  public record Invoice(String id, String tenantId, String contractId, String invoiceNumber, LocalDate receivedOn,
      Instant receivedAt, String submittedBy, String idempotencyKey, String sha256, InvoiceStatus status,
      String problemsJson, Long payableAmount, LocalDate returnedOn) {}

  /** One entry of the case history. */
  public record Event(String id, Instant at, String type, String textJa) {}

  private final JdbcTemplate jdbc;

  public ContractCaseStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---- cases

  public void insert(Contract c, String submittedBy, String idempotencyKey, String requestSha256, Instant now) {
    jdbc.update("INSERT INTO tz_contract_case (id, tenant_id, department, kind, title, supplier_name, "
        + "supplier_corporate_number, supplier_registration_number, contract_date, inspection_days, payment_days, "
        + "tax_rounding, submitted_by, idempotency_key, request_sha256, stage, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.tenantId(), c.department(),
        c.kind().apiName(), c.title(), c.supplier().name(), c.supplier().corporateNumber(),
        c.supplier().registrationNumber(), c.contractDate(), c.terms().inspectionDays(), c.terms().paymentDays(),
        c.taxRounding().name(), submittedBy, idempotencyKey, requestSha256, Stage.AWAITING_COMPLETION.name(),
        Timestamp.from(now));
    int no = 0;
    for (ContractItem item : c.items()) {
      jdbc.update("INSERT INTO tz_contract_item (tenant_id, contract_id, item_no, description, amount, tax_rate) "
          + "VALUES (?, ?, ?, ?, ?, ?)", c.tenantId(), c.id(), ++no, item.description(), item.amount(),
          item.taxRate().percent());
    }
  }

  public Optional<ContractCase> find(String tenantId, String id) {
    List<ContractCase> found = jdbc.query("SELECT * FROM tz_contract_case WHERE tenant_id = ? AND id = ?",
        (rs, n) -> caseOf(rs), tenantId, id);
    return found.stream().findFirst();
  }

  /** Locks the case row until the transaction ends (concurrent notices for one case wait, review F19). */
  public void lock(String tenantId, String id) {
    jdbc.queryForList("SELECT id FROM tz_contract_case WHERE tenant_id = ? AND id = ? FOR UPDATE", String.class,
        tenantId, id);
  }

  /**
   * The tenants that have a contract of this id (ids are unique per tenant, V77: each tenant's contract system
   * numbers its own contracts; review F4). Callers keep only the tenants they serve.
   */
  public List<String> tenantsOf(String id) {
    return jdbc.queryForList("SELECT tenant_id FROM tz_contract_case WHERE id = ? ORDER BY tenant_id", String.class,
        id);
  }

  /** Whether the tenant has a contract of this id already. */
  public boolean exists(String tenantId, String id) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tz_contract_case WHERE tenant_id = ? AND id = ?",
        Integer.class, tenantId, id);
    return n != null && n > 0;
  }

  public Optional<ContractCase> findByIdempotencyKey(String tenantId, String submittedBy, String key) {
    return jdbc.query("SELECT * FROM tz_contract_case WHERE tenant_id = ? AND submitted_by = ? AND idempotency_key = ?",
        (rs, n) -> caseOf(rs), tenantId, submittedBy, key).stream().findFirst();
  }

  public void linkProcess(String tenantId, String id, String processInstanceId) {
    jdbc.update("UPDATE tz_contract_case SET process_instance_id = ? WHERE tenant_id = ? AND id = ?",
        processInstanceId, tenantId, id);
  }

  public void stage(String tenantId, String id, Stage stage) {
    jdbc.update("UPDATE tz_contract_case SET stage = ? WHERE tenant_id = ? AND id = ?", stage.name(), tenantId, id);
  }

  public void schedule(String tenantId, String id, LocalDate clockStartedOn, int inspectionDelayDays,
      long pausedDays, LocalDate dueOn, LocalDate warnOn, long amount) {
    jdbc.update("UPDATE tz_contract_case SET clock_started_on = ?, inspection_delay_days = ?, paused_days = ?, "
        + "payment_due_on = ?, payment_warn_on = ?, amount = ? WHERE tenant_id = ? AND id = ?", clockStartedOn,
        inspectionDelayDays, (int) pausedDays, dueOn, warnOn, amount, tenantId, id);
  }

  public void exported(String tenantId, String id, String paymentId, long interest) {
    jdbc.update("UPDATE tz_contract_case SET payment_id = ?, instruction_interest = ?, stage = ? WHERE tenant_id = ? "
        + "AND id = ?", paymentId, interest, Stage.EXPORTED.name(), tenantId, id);
  }

  /** The payment waits for the next batch of the accounting export (stage EXPORT_QUEUED). */
  public void queued(String tenantId, String id, String paymentId, long interest) {
    jdbc.update("UPDATE tz_contract_case SET payment_id = ?, instruction_interest = ?, stage = ? WHERE tenant_id = ? "
        + "AND id = ?", paymentId, interest, Stage.EXPORT_QUEUED.name(), tenantId, id);
  }

  public void paid(String tenantId, String id, LocalDate paidOn, long lateInterest) {
    jdbc.update("UPDATE tz_contract_case SET paid_on = ?, late_interest = ?, stage = ? WHERE tenant_id = ? AND id = ?",
        paidOn, lateInterest, Stage.PAID.name(), tenantId, id);
  }

  /** A failed payment is exported again under a new payment id: the case forgets the failed one. */
  public void clearPayment(String tenantId, String id) {
    jdbc.update("UPDATE tz_contract_case SET payment_id = NULL, instruction_interest = NULL, stage = ? WHERE "
        + "tenant_id = ? AND id = ?", Stage.ACCOUNTING_CHECK.name(), tenantId, id);
  }

  // ---- inspections

  public List<Inspection> inspections(String tenantId, String contractId) {
    return jdbc.query("SELECT * FROM tz_contract_inspection WHERE tenant_id = ? AND contract_id = ? ORDER BY round_no",
        (rs, n) -> new Inspection(rs.getInt("round_no"), date(rs, "notice_on"), date(rs, "due_on"),
            date(rs, "inspected_on"), (Boolean) rs.getObject("passed"), rs.getString("inspected_by"),
            rs.getString("findings")), tenantId, contractId);
  }

  public void openInspection(String tenantId, String contractId, int round, LocalDate noticeOn, LocalDate dueOn) {
    jdbc.update("INSERT INTO tz_contract_inspection (tenant_id, contract_id, round_no, notice_on, due_on) "
        + "VALUES (?, ?, ?, ?, ?)", tenantId, contractId, round, noticeOn, dueOn);
  }

  /** Remembers the Idempotency-Key of the notice that opened the latest round. */
  /** Records the notice's Idempotency-Key and the hash of its request (V81) on the newest inspection round. */
  public void noticeKey(String tenantId, String contractId, String key, String requestSha256) {
    jdbc.update("UPDATE tz_contract_inspection SET notice_key = ?, notice_sha256 = ? WHERE tenant_id = ? AND "
        + "contract_id = ? AND round_no = (SELECT MAX(round_no) FROM tz_contract_inspection WHERE tenant_id = ? AND "
        + "contract_id = ?)", key, requestSha256, tenantId, contractId, tenantId, contractId);
  }

  /** The request hash of the notice that used this key ("" for a notice stored before V81), or empty if unused. */
  public Optional<String> noticeRequest(String tenantId, String contractId, String key) {
    return jdbc.queryForList("SELECT COALESCE(notice_sha256, '') FROM tz_contract_inspection WHERE tenant_id = ? "
        + "AND contract_id = ? AND notice_key = ?", String.class, tenantId, contractId, key).stream().findFirst();
  }

  public boolean noticeKeyUsed(String tenantId, String contractId, String key) {
    return noticeRequest(tenantId, contractId, key).isPresent();
  }

  public void closeInspection(String tenantId, String contractId, int round, LocalDate on, boolean passed, String by,
      String findings) {
    jdbc.update("UPDATE tz_contract_inspection SET inspected_on = ?, passed = ?, inspected_by = ?, findings = ? "
        + "WHERE tenant_id = ? AND contract_id = ? AND round_no = ? AND inspected_on IS NULL", on, passed, by,
        findings, tenantId, contractId, round);
  }

  // ---- invoices

  public void insertInvoice(Invoice i, byte[] content) {
    jdbc.update("INSERT INTO tz_contract_invoice (id, tenant_id, contract_id, invoice_number, received_on, "
        + "received_at, submitted_by, idempotency_key, sha256, content, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        i.id(), i.tenantId(), i.contractId(), i.invoiceNumber(), i.receivedOn(), Timestamp.from(i.receivedAt()),
        i.submittedBy(), i.idempotencyKey(), i.sha256(), content, InvoiceStatus.RECEIVED.name());
  }

  /** A PDF or image invoice: the row (status VERIFYING, no file of its own) names the scan in the document store. */
  public void insertScan(String tenantId, Invoice i, String documentId) {
    if (!tenantId.equals(i.tenantId())) {
      throw new IllegalArgumentException("invoice " + i.id() + " is not of tenant " + tenantId);
    }
    jdbc.update("INSERT INTO tz_contract_invoice (id, tenant_id, contract_id, invoice_number, received_on, "
        + "received_at, submitted_by, idempotency_key, sha256, content, status, format, document_id) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", i.id(), i.tenantId(), i.contractId(), i.invoiceNumber(),
        i.receivedOn(), Timestamp.from(i.receivedAt()), i.submittedBy(), i.idempotencyKey(), i.sha256(), new byte[0],
        InvoiceStatus.VERIFYING.name(), InvoiceFormat.SCAN.name(), documentId);
  }

  public InvoiceFormat format(String tenantId, String invoiceId) {
    return InvoiceFormat.valueOf(jdbc.queryForObject("SELECT format FROM tz_contract_invoice WHERE tenant_id = ? "
        + "AND id = ?", String.class, tenantId, invoiceId));
  }

  /** The scan of a PDF or image invoice, or empty for an e-invoice. */
  public Optional<Scan> scan(String tenantId, String invoiceId) {
    return jdbc.query("SELECT id, document_id, recognition_json, verified_json, verified_by FROM tz_contract_invoice "
        + "WHERE tenant_id = ? AND id = ? AND format = 'SCAN'", (rs, n) -> new Scan(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5)), tenantId, invoiceId).stream().findFirst();
  }

  /** Whether a scan of this contract's invoices is this document (the staff document view asks). */
  public boolean hasScan(String tenantId, String contractId, String documentId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tz_contract_invoice WHERE tenant_id = ? AND contract_id = ? "
        + "AND document_id = ? AND format = 'SCAN'", Integer.class, tenantId, contractId, documentId);
    return n != null && n > 0;
  }

  public void recognition(String tenantId, String invoiceId, String recognitionJson) {
    jdbc.update("UPDATE tz_contract_invoice SET recognition_json = ? WHERE tenant_id = ? AND id = ?", recognitionJson,
        tenantId, invoiceId);
  }

  /** The confirmed fields; the status goes back to RECEIVED (validation pending). */
  public void verified(String tenantId, String invoiceId, String verifiedJson, String by, String invoiceNumber) {
    jdbc.update("UPDATE tz_contract_invoice SET verified_json = ?, verified_by = ?, invoice_number = ?, status = ? "
        + "WHERE tenant_id = ? AND id = ?", verifiedJson, by, invoiceNumber, InvoiceStatus.RECEIVED.name(), tenantId,
        invoiceId);
  }

  public Optional<Invoice> invoice(String tenantId, String invoiceId) {
    return jdbc.query("SELECT * FROM tz_contract_invoice WHERE tenant_id = ? AND id = ?", (rs, n) -> invoiceOf(rs),
        tenantId, invoiceId).stream().findFirst();
  }

  public Optional<Invoice> invoiceByIdempotencyKey(String tenantId, String submittedBy, String key) {
    return jdbc.query("SELECT * FROM tz_contract_invoice WHERE tenant_id = ? AND submitted_by = ? "
        + "AND idempotency_key = ?", (rs, n) -> invoiceOf(rs), tenantId, submittedBy, key).stream().findFirst();
  }

  public byte[] invoiceContent(String tenantId, String invoiceId) {
    return jdbc.queryForObject("SELECT content FROM tz_contract_invoice WHERE tenant_id = ? AND id = ?",
        (rs, n) -> rs.getBytes(1), tenantId, invoiceId);
  }

  public List<Invoice> invoices(String tenantId, String contractId) {
    return jdbc.query("SELECT * FROM tz_contract_invoice WHERE tenant_id = ? AND contract_id = ? "
        + "ORDER BY received_at, id", (rs, n) -> invoiceOf(rs), tenantId, contractId);
  }

  public void verdict(String invoiceId, InvoiceStatus status, String problemsJson, Long payableAmount) {
    jdbc.update("UPDATE tz_contract_invoice SET status = ?, problems_json = ?, payable_amount = ? WHERE id = ?",
        status.name(), problemsJson, payableAmount, invoiceId);
  }

  public void returned(String invoiceId, LocalDate on) {
    jdbc.update("UPDATE tz_contract_invoice SET returned_on = ? WHERE id = ?", on, invoiceId);
  }

  // ---- payment order

  /**
   * Everyone who drafted or acted on a payment order of this contract (決裁, 合議, also as 代理 or added approver, in
   * every round): the originators and actors the approval route stored ({@code tz_approval_route} names the contract
   * in {@code procedure_code}, V20). The 会計管理者's check is refused to them (review F17).
   */
  public java.util.Set<String> paymentOrderParticipants(String tenantId, String contractId) {
    List<String> ids = jdbc.queryForList("SELECT r.originator FROM tz_approval_route r WHERE r.tenant_id = ? "
        + "AND r.kind = 'payment' AND r.procedure_code = ? UNION SELECT a.actor_id FROM tz_approval_action a "
        + "JOIN tz_approval_route r ON r.process_instance_id = a.process_instance_id WHERE r.tenant_id = ? "
        + "AND r.kind = 'payment' AND r.procedure_code = ? AND a.actor_id IS NOT NULL", String.class, tenantId,
        contractId, tenantId, contractId);
    return new java.util.HashSet<>(ids);
  }

  /**
   * Who verified a scanned invoice of this contract against its scan ({@code tz_contract_invoice.verified_by}): they
   * decided what the invoice says, so they neither approve the payment order built from it nor do the 会計管理者's
   * check (attack review 3 A9).
   */
  public java.util.Set<String> invoiceVerifiers(String tenantId, String contractId) {
    return new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT verified_by FROM tz_contract_invoice WHERE "
        + "tenant_id = ? AND contract_id = ? AND verified_by IS NOT NULL", String.class, tenantId, contractId));
  }

  /** The rule for the approval module: a payment route of a contract is not decided by its invoice's verifier. */
  public java.util.function.BiPredicate<jp.tetsuzuki.processes.approval.ApprovalCase, String> verifierMayNotDecide() {
    return (route, user) -> jp.tetsuzuki.bpmn.ApprovalRoute.KIND_PAYMENT.equals(route.kind())
        && route.procedureCode() != null && invoiceVerifiers(route.tenantId(), route.procedureCode()).contains(user);
  }

  // ---- history

  public void event(String tenantId, String contractId, Instant at, String type, String textJa) {
    jdbc.update("INSERT INTO tz_contract_event (id, tenant_id, contract_id, occurred_at, type, text_ja) "
        + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), tenantId, contractId, Timestamp.from(at), type,
        textJa);
  }

  public List<Event> events(String tenantId, String contractId) {
    return jdbc.query("SELECT * FROM tz_contract_event WHERE tenant_id = ? AND contract_id = ? ORDER BY seq",
        (rs, n) -> new Event(rs.getString("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("type"),
            rs.getString("text_ja")), tenantId, contractId);
  }

  // ---- mapping

  private ContractCase caseOf(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    List<ContractItem> items = new ArrayList<>(jdbc.query("SELECT * FROM tz_contract_item WHERE tenant_id = ? "
        + "AND contract_id = ? ORDER BY item_no", (r, n) -> new ContractItem(r.getString("description"),
        r.getLong("amount"), TaxRate.ofPercent(r.getInt("tax_rate"))), rs.getString("tenant_id"), id));
    Contract contract = new Contract(id, rs.getString("tenant_id"), rs.getString("department"),
        ContractKind.fromApiName(rs.getString("kind")), rs.getString("title"),
        new Supplier(rs.getString("supplier_name"), rs.getString("supplier_corporate_number"),
            rs.getString("supplier_registration_number")), items, date(rs, "contract_date"),
        new PaymentTerms(rs.getInt("inspection_days"), rs.getInt("payment_days")),
        TaxRounding.valueOf(rs.getString("tax_rounding")));
    return new ContractCase(contract, rs.getString("submitted_by"), rs.getString("idempotency_key"),
        rs.getString("request_sha256"), rs.getString("process_instance_id"), Stage.valueOf(rs.getString("stage")),
        date(rs, "clock_started_on"), (Integer) intOrNull(rs, "inspection_delay_days"),
        (Integer) intOrNull(rs, "paused_days"), date(rs, "payment_due_on"), date(rs, "payment_warn_on"),
        longOrNull(rs, "amount"), rs.getString("payment_id"), longOrNull(rs, "instruction_interest"),
        date(rs, "paid_on"), longOrNull(rs, "late_interest"), rs.getTimestamp("created_at").toInstant());
  }

  private static Invoice invoiceOf(ResultSet rs) throws SQLException {
    return new Invoice(rs.getString("id"), rs.getString("tenant_id"), rs.getString("contract_id"),
        rs.getString("invoice_number"), date(rs, "received_on"), rs.getTimestamp("received_at").toInstant(),
        rs.getString("submitted_by"), rs.getString("idempotency_key"), rs.getString("sha256"),
        InvoiceStatus.valueOf(rs.getString("status")), rs.getString("problems_json"),
        longOrNull(rs, "payable_amount"), date(rs, "returned_on"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Object intOrNull(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
