package jp.tetsuzuki.processes.contractpayment;

import static jp.tetsuzuki.bpmn.ContractPayment.*;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.tetsuzuki.bpmn.ContractPayment;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.contract.Contract;
import jp.tetsuzuki.processes.contract.accounting.AcknowledgementFormatException;
import jp.tetsuzuki.processes.contract.accounting.AcknowledgementService;
import jp.tetsuzuki.processes.contract.invoice.EInvoice;
import jp.tetsuzuki.processes.contract.invoice.InvoiceParseException;
import jp.tetsuzuki.processes.contract.invoice.JpPintInvoiceParser;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.ContractCase;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.Invoice;
import jp.tetsuzuki.processes.document.DocumentStore;
import jp.tetsuzuki.processes.document.StoredFile;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.workers.documents.DocumentRefusedException;
import jp.tetsuzuki.workers.documents.DocumentUse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What outside systems do to contract-payment cases (the public API and the model tests go through here): register a
 * contract and start its case, announce completion, hand in an invoice, apply an accounting acknowledgement. Each
 * call runs in one transaction: a refused request leaves nothing stored and no process started.
 *
 * <p>Who may see a case: {@link Caller}: the contract system of a tenant sees its tenant's contracts; a supplier's
 * system (a machine account bound to a 法人番号) sees only contracts whose supplier has that 法人番号, and another
 * contract is simply not found (404), never "forbidden" (no probing of ids).
 */
public class ContractCases {

  private static final Logger LOG = LoggerFactory.getLogger(ContractCases.class);

  /**
   * The authenticated outside system.
   *
   * @param tenantId        the tenant it acts for
   * @param account         its account id
   * @param corporateNumber the supplier's 法人番号 for a supplier system, null for the municipality's contract system
   */
  public record Caller(String tenantId, String account, String corporateNumber) {
    public boolean supplier() {
      return corporateNumber != null;
    }
  }

  /** The answer to an invoice: {@code valid} is null while the validation waits for the registry (retried). */
  public record InvoiceAnswer(String invoiceId, String contractId, Boolean valid, List<Map<String, String>> problems,
      boolean replayed) {}

  private final ContractCaseStore store;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TransactionTemplate tx;
  private final AcknowledgementService acknowledgements;
  private final JpPintInvoiceParser parser = new JpPintInvoiceParser();
  private final DocumentStore documents;

  public ContractCases(ContractCaseStore store, IdentityService identity, RuntimeService runtime,
      ManagementService management, TransactionTemplate tx, AcknowledgementService acknowledgements) {
    this(store, identity, runtime, management, tx, acknowledgements, null);
  }

  /** @param documents where PDF and image invoices are kept (null: only e-invoices are accepted) */
  public ContractCases(ContractCaseStore store, IdentityService identity, RuntimeService runtime,
      ManagementService management, TransactionTemplate tx, AcknowledgementService acknowledgements,
      DocumentStore documents) {
    this.documents = documents;
    this.store = store;
    this.identity = identity;
    this.runtime = runtime;
    this.management = management;
    this.tx = tx;
    this.acknowledgements = acknowledgements;
  }

  /**
   * Registers the contract and starts {@code contract-payment}. The same Idempotency-Key with the same request answers
   * the case again; with another request it is a conflict.
   *
   * @return the case and whether it existed already (a replay)
   */
  public Map.Entry<ContractCase, Boolean> register(Caller caller, String idempotencyKey, Contract contract,
      byte[] request) {
    if (caller.supplier()) {
      throw new ApiException(403, null, "a supplier system cannot register contracts");
    }
    String hash = sha256(request);
    return tx.execute(status -> {
      Optional<ContractCase> earlier = store.findByIdempotencyKey(caller.tenantId(), caller.account(),
          idempotencyKey);
      if (earlier.isPresent()) {
        if (!earlier.get().requestSha256().equals(hash)) {
          throw keyUsedForAnotherRequest();
        }
        return Map.entry(earlier.get(), true);
      }
      if (store.exists(contract.tenantId(), contract.id())) {
        throw new ApiException(409, "id", "a contract with this id exists already",
            "契約番号「" + contract.id() + "」は既に登録されています。");
      }
      store.insert(contract, caller.account(), idempotencyKey, hash, now());
      // started by the platform once the caller's tenant was checked: outside systems hold no engine permission
      ProcessInstance pi = AsPlatform.call(identity, () -> runtime.createProcessInstanceByKey(ContractPayment.ID)
          .businessKey(contract.id()).setVariable(TENANT_ID, contract.tenantId())
          .setVariable(CONTRACT_ID, contract.id()).execute());
      store.linkProcess(contract.tenantId(), contract.id(), pi.getId());
      return Map.entry(store.find(contract.tenantId(), contract.id()).orElseThrow(), false);
    });
  }

  /** The case as the caller may see it. */
  public Optional<ContractCase> visible(Caller caller, String contractId) {
    return store.find(caller.tenantId(), contractId)
        .filter(c -> !caller.supplier() || caller.corporateNumber().equals(c.contract().supplier().corporateNumber()));
  }

  /**
   * Completion notices and invoices come from the contract's supplier only (README "Contract payment"): the
   * municipality's contract system does not act on the supplier's behalf, since a notice starts the statutory
   * inspection period (5条) and an invoice the payment period (6条). There is no on-behalf mode (review F15).
   */
  private static void requireSupplier(Caller caller, String what) {
    if (!caller.supplier()) {
      throw new ApiException(403, null, "only the contract's supplier system sends " + what,
          "完了通知・請求書は契約の相手方（受注者）のシステムから送付してください。");
    }
  }

  /** The supplier's completion notice (完了通知); the request is its notice date. */
  public ContractCase notifyCompletion(Caller caller, String contractId, LocalDate noticeOn, String idempotencyKey) {
    return notifyCompletion(caller, contractId, noticeOn, idempotencyKey,
        sha256(("noticeOn=" + noticeOn).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * The supplier's completion notice (完了通知).
   *
   * @param requestSha256 the request's hash: the same Idempotency-Key with another request is a conflict
   */
  public ContractCase notifyCompletion(Caller caller, String contractId, LocalDate noticeOn, String idempotencyKey,
      String requestSha256) {
    requireSupplier(caller, "completion notices");
    LocalDate today = LocalDate.ofInstant(now(), JapanTime.ZONE);
    if (noticeOn.isAfter(today)) {
      throw ApiException.invalid("noticeOn", "noticeOn must not be in the future", "完了通知の日付が未来の日付です。");
    }
    try {
      return tx.execute(status -> notifyCompletionInTransaction(caller, contractId, noticeOn, idempotencyKey,
          requestSha256, today));
    } catch (DataIntegrityViolationException e) {
      // a notice that raced past the row lock (e.g. a database without it): the other one won (review F19)
      throw new ApiException(409, null, "another completion notice for this contract was accepted at the same time",
          "同じ契約の完了通知を同時に受け付けました。この契約は完了通知を受け付ける段階にありません。");
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      if (causedBy(e, DataIntegrityViolationException.class) || causedBy(e, SQLIntegrityConstraintViolationException.class)) {
        throw new ApiException(409, null, "another completion notice for this contract was accepted at the same time",
            "同じ契約の完了通知を同時に受け付けました。この契約は完了通知を受け付ける段階にありません。");
      }
      throw e;
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How far back a completion notice may be dated: the contract's inspection period (at most 10 days, 14 for
   * construction; shared/domain/contract-payment.md step 3). An older date would make the inspection late on arrival
   * and, by 9条, shorten the payment period by the supplier's own delay (review F2).
   */
  static LocalDate earliestNotice(ContractCase c, LocalDate today) {
    LocalDate byPeriod = today.minusDays(c.contract().terms().inspectionDays());
    return byPeriod.isBefore(c.contract().contractDate()) ? c.contract().contractDate() : byPeriod;
  }

  private ContractCase notifyCompletionInTransaction(Caller caller, String contractId, LocalDate noticeOn,
      String idempotencyKey, String requestSha256, LocalDate today) {
    ContractCase c = visible(caller, contractId).orElseThrow(() -> ApiException.notFound("no such contract"));
    // one notice at a time per case: the second waits here and then finds the case under inspection (F19)
    store.lock(c.contract().tenantId(), contractId);
    Optional<String> earlier = store.noticeRequest(caller.tenantId(), contractId, idempotencyKey);
    if (earlier.isPresent()) {
      // a notice stored before V81 has no request hash: answered as the replay it most likely is
      if (!earlier.get().isEmpty() && !earlier.get().equals(requestSha256)) {
        throw keyUsedForAnotherRequest();
      }
      return c;
    }
    if (noticeOn.isBefore(c.contract().contractDate())) {
      throw ApiException.invalid("noticeOn", "noticeOn must not be before the contract date ("
          + c.contract().contractDate() + ")", "完了通知の日付が契約日（" + c.contract().contractDate() + "）より前です。");
    }
    LocalDate earliest = earliestNotice(c, today);
    if (noticeOn.isBefore(earliest)) {
      throw ApiException.invalid("noticeOn", "noticeOn must be within the inspection period of "
          + c.contract().terms().inspectionDays() + " days (not before " + earliest + ")",
          "完了通知の日付は検査期間（" + c.contract().terms().inspectionDays() + "日）内の日付にしてください（" + earliest
              + " 以降）。");
    }
    Execution waiting = waitingAt(c, TASK_AWAIT_COMPLETION);
    if (waiting == null) {
      throw new ApiException(409, null, "the contract does not await a completion notice (stage "
          + c.stage().name().toLowerCase() + ")", "この契約は完了通知を受け付ける段階にありません。");
    }
    List<ContractCaseStore.Inspection> rounds = store.inspections(caller.tenantId(), contractId);
    if (!rounds.isEmpty() && noticeOn.isBefore(rounds.get(rounds.size() - 1).inspectedOn())) {
      throw ApiException.invalid("noticeOn", "noticeOn must not be before the failed inspection ("
          + rounds.get(rounds.size() - 1).inspectedOn() + ")", "完了通知の日付が前回の検査より前です。");
    }
    AsPlatform.call(identity, () -> runtime.createMessageCorrelation(MSG_COMPLETION_NOTIFIED)
        .processInstanceId(c.processInstanceId()).setVariable(NOTICE_ON, noticeOn.toString()).correlateWithResult());
    store.noticeKey(caller.tenantId(), contractId, idempotencyKey, requestSha256);
    return store.find(caller.tenantId(), contractId).orElseThrow();
  }

  /**
   * An e-invoice: read (malformed or oversized → 400, nothing stored), matched to the contract it names within what
   * the caller may see, stored, handed to the case; then the case's validation is run right away so the answer can
   * carry the verdict. When the registry cannot answer, the validation job stays for its retries (then an incident)
   * and the answer says {@code valid: null}.
   */
  public InvoiceAnswer receiveInvoice(Caller caller, String idempotencyKey, byte[] xml) {
    requireSupplier(caller, "invoices");
    boolean[] replay = {false};
    Invoice stored = storeInvoice(caller, idempotencyKey, xml, replay, true);
    boolean replayed = replay[0];
    if (stored.status() == ContractCaseStore.InvoiceStatus.RECEIVED) {
      runValidation(stored);
    }
    Invoice now = store.invoice(caller.tenantId(), stored.id()).orElseThrow();
    // the job executor may have taken the job first: wait a little for its verdict (a down registry keeps none)
    for (int i = 0; i < VERDICT_WAIT_STEPS && now.status() == ContractCaseStore.InvoiceStatus.RECEIVED
        && validationRunning(now); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      now = store.invoice(caller.tenantId(), stored.id()).orElseThrow();
    }
    return answer(now, replayed);
  }

  /**
   * An e-invoice delivered as a file (route {@code einvoice-intake}): read, matched, stored and handed to the case
   * exactly as {@link #receiveInvoice} does, in one transaction, but the validation is left to the job executor (the
   * answer says {@code valid: null}; the verdict shows on the case). Running the job here as well, as the API does to
   * answer with the verdict, raced the job executor for the same job: both failed (lock timeout, optimistic locking)
   * and the invoice waited for the job's next retry.
   */
  public InvoiceAnswer acceptInvoice(Caller caller, String idempotencyKey, byte[] xml) {
    boolean[] replay = {false};
    Invoice stored = storeInvoice(caller, idempotencyKey, xml, replay, false);
    return answer(store.invoice(caller.tenantId(), stored.id()).orElseThrow(), replay[0]);
  }

  /**
   * Reads an e-invoice (malformed or oversized → 400, nothing stored), matches it to the contract it names within
   * what the caller may see, stores it and hands it to the case, in one transaction; {@code replay[0]} says whether
   * the same Idempotency-Key brought the same invoice before.
   */
  private Invoice storeInvoice(Caller caller, String idempotencyKey, byte[] xml, boolean[] replay, boolean hold) {
    // the case may move in the same instant (the returned-invoice mail's branch finishing beside the wait): the
    // transaction is all or nothing, so it is simply tried again, a few times, before the caller hears 409
    for (int attempt = 1; ; attempt++) {
      try {
        return storeInvoiceOnce(caller, idempotencyKey, xml, replay, hold);
      } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
        if (attempt == STORE_ATTEMPTS) {
          throw e;
        }
        LOG.info("invoice for contract case of {} met a concurrent change, try {} of {}", caller.tenantId(),
            attempt + 1, STORE_ATTEMPTS);
      }
    }
  }

  private static final int STORE_ATTEMPTS = 3;

  /** @param hold keep the validation job from the job executor: this request runs it to answer with the verdict */
  private Invoice storeInvoiceOnce(Caller caller, String idempotencyKey, byte[] xml, boolean[] replay,
      boolean hold) {
    EInvoice parsed;
    try {
      parsed = parser.parse(xml);
    } catch (InvoiceParseException e) {
      throw new ApiException(400, "invoice", "the invoice is not a readable UBL 2.1 invoice: " + e.getMessage(),
          e.messageJa());
    }
    checkInvoiceNumber(parsed.id());
    String sha = sha256(xml);
    return tx.execute(status -> {
      Optional<Invoice> earlier = store.invoiceByIdempotencyKey(caller.tenantId(), caller.account(),
          idempotencyKey);
      if (earlier.isPresent()) {
        if (!earlier.get().sha256().equals(sha)) {
          throw keyUsedForAnotherRequest();
        }
        replay[0] = true;
        return earlier.get();
      }
      if (parsed.contractReference() == null) {
        throw ApiException.invalid("cac:ContractDocumentReference/cbc:ID", "the invoice names no contract",
            "契約番号（ContractDocumentReference）が記載されていません。");
      }
      ContractCase c = visible(caller, parsed.contractReference()).orElseThrow(() -> new ApiException(404,
          "cac:ContractDocumentReference/cbc:ID", "no contract " + parsed.contractReference() + " for this caller",
          "請求書の契約番号「" + parsed.contractReference() + "」の契約が見つかりません。"));
      if (waitingAt(c, TASK_AWAIT_INVOICE) == null) {
        throw notAwaitingInvoice(c);
      }
      Instant now = now();
      Invoice invoice = new Invoice(UUID.randomUUID().toString(), caller.tenantId(), c.contract().id(),
          parsed.id(), LocalDate.ofInstant(now, JapanTime.ZONE), now, caller.account(), idempotencyKey, sha,
          ContractCaseStore.InvoiceStatus.RECEIVED, null, null, null);
      store.insertInvoice(invoice, xml);
      AsPlatform.call(identity, () -> runtime.createMessageCorrelation(MSG_INVOICE_RECEIVED)
          .processInstanceId(c.processInstanceId()).setVariable(INVOICE_ID, invoice.id())
          .setVariable(INVOICE_FORMAT, FORMAT_XML).correlateWithResult());
      if (hold) {
        // in the transaction that creates the job: the executor never sees it due before this request ran it
        // (both running it failed: an H2 lock timeout, or an executor run failing on the changed revision whose lock
        // then held the job for minutes)
        AsPlatform.call(identity, () -> {
          Job job = management.createJobQuery().processInstanceId(c.processInstanceId())
              .activityId(TASK_VALIDATE_INVOICE).singleResult();
          if (job != null) {
            management.setJobDuedate(job.getId(), java.util.Date.from(now().plus(HELD_FROM_EXECUTOR)));
          }
          return null;
        });
      }
      return invoice;
    });
  }

  /**
   * A PDF or image invoice for the named contract: the file is inspected (type by content, limits) and kept in the
   * document store under the caller's tenant and account, like the documents of applications; the case reads it by
   * OCR ({@code ocr-invoice}) and staff verify the fields before the same validation as an e-invoice. The answer says
   * {@code valid: null} (verification pending). A refused file (type, size, encrypted…) leaves nothing stored.
   */
  public InvoiceAnswer receiveScan(Caller caller, String idempotencyKey, String contractId, String fileName,
      byte[] file) {
    requireSupplier(caller, "invoices"); // as for an e-invoice: the supplier's system sends it (second review N1)
    if (documents == null) {
      throw new ApiException(415, "file", "PDF and image invoices are not accepted here; send the JP PINT XML",
          "PDF・画像の請求書は受け付けていません。電子インボイス（JP PINT の XML）を送付してください。");
    }
    String sha = sha256(file);
    boolean[] replay = {false};
    Invoice stored = tx.execute(status -> {
      Optional<Invoice> earlier = store.invoiceByIdempotencyKey(caller.tenantId(), caller.account(),
          idempotencyKey);
      if (earlier.isPresent()) {
        // the key covers the whole request: the file and the contract it is for (attack review 3 A5)
        if (!earlier.get().sha256().equals(sha) || !earlier.get().contractId().equals(contractId)) {
          throw keyUsedForAnotherRequest();
        }
        replay[0] = true;
        return earlier.get();
      }
      ContractCase c = visible(caller, contractId).orElseThrow(() -> new ApiException(404, "contractId",
          "no contract " + contractId + " for this caller", "契約番号「" + contractId + "」の契約が見つかりません。"));
      if (waitingAt(c, TASK_AWAIT_INVOICE) == null) {
        throw notAwaitingInvoice(c);
      }
      StoredFile scan;
      try {
        scan = documents.store(caller.tenantId(), caller.account(), fileName, file, DocumentUse.INVOICE);
      } catch (DocumentRefusedException e) {
        throw new ApiException(415, "file", "the invoice file is refused: " + e.reason().code(), e.messageJa());
      } catch (java.io.IOException e) {
        throw new ApiException(400, "file", "the invoice file cannot be read", "請求書のファイルを読み取れません。");
      }
      if (!"application/pdf".equals(scan.mediaType()) && !scan.mediaType().startsWith("image/")) {
        // an XML invoice belongs on the e-invoice path, which parses it: here only scans
        throw new ApiException(415, "file", "only PDF, PNG or JPEG invoices are read by OCR (detected "
            + scan.mediaType() + "); send e-invoices as application/xml", "OCR で読み取る請求書は PDF・PNG・JPEG だけです。"
            + "電子インボイスは XML として送付してください。");
      }
      Instant now = now();
      Invoice invoice = new Invoice(UUID.randomUUID().toString(), caller.tenantId(), c.contract().id(), null,
          LocalDate.ofInstant(now, JapanTime.ZONE), now, caller.account(), idempotencyKey, sha,
          ContractCaseStore.InvoiceStatus.VERIFYING, null, null, null);
      store.insertScan(caller.tenantId(), invoice, scan.id());
      AsPlatform.call(identity, () -> runtime.createMessageCorrelation(MSG_INVOICE_RECEIVED)
          .processInstanceId(c.processInstanceId()).setVariable(INVOICE_ID, invoice.id())
          .setVariable(INVOICE_FORMAT, FORMAT_SCAN).setVariable(DOCUMENT_ID, scan.id()).correlateWithResult());
      store.event(caller.tenantId(), c.contract().id(), now, "invoice-scan-received", "請求書（PDF・画像、文書ID " + scan.id()
          + "）を受け付けました。OCR で読み取り、職員が原本と照合してから検証します。");
      return invoice;
    });
    Invoice now = store.invoice(caller.tenantId(), stored.id()).orElseThrow();
    return answer(now, replay[0]);
  }

  /** The contract an e-invoice names, read securely (400 naming the problem when it is not a readable invoice). */
  public String contractReference(byte[] xml) {
    EInvoice parsed;
    try {
      parsed = parser.parse(xml);
    } catch (InvoiceParseException e) {
      throw new ApiException(400, "invoice", "the invoice is not a readable UBL 2.1 invoice: " + e.getMessage(),
          e.messageJa());
    }
    if (parsed.contractReference() == null) {
      throw ApiException.invalid("cac:ContractDocumentReference/cbc:ID", "the invoice names no contract",
          "契約番号（ContractDocumentReference）が記載されていません。");
    }
    return parsed.contractReference();
  }

  static InvoiceAnswer answer(Invoice invoice, boolean replayed) {
    Boolean valid = switch (invoice.status()) {
      case RECEIVED, VERIFYING -> null;
      case VALID -> true;
      case INVALID -> false;
    };
    return new InvoiceAnswer(invoice.id(), invoice.contractId(), valid, Problems.read(invoice.problemsJson()),
        replayed);
  }

  /** At most this many 100 ms steps to wait for a verdict the job executor is computing. */
  private static final int VERDICT_WAIT_STEPS = 100;

  /** Whether the validation job is still there with retries left and not waiting for its next retry. */
  private boolean validationRunning(Invoice invoice) {
    ContractCase c = store.find(invoice.tenantId(), invoice.contractId()).orElseThrow();
    Job job = AsPlatform.call(identity, () -> management.createJobQuery().processInstanceId(c.processInstanceId())
        .activityId(TASK_VALIDATE_INVOICE).singleResult());
    return job != null && job.getRetries() > 0 && job.getExceptionMessage() == null;
  }

  /** How long the request's own run of the validation job keeps the job executor off it. */
  private static final java.time.Duration HELD_FROM_EXECUTOR = java.time.Duration.ofMinutes(2);

  private static boolean lockedByExecutor(Job job) {
    return job instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity entity
        && entity.getLockOwner() != null && entity.getLockExpirationTime() != null
        && entity.getLockExpirationTime().after(ClockUtil.getCurrentTime());
  }

  private void runValidation(Invoice invoice) {
    ContractCase c = store.find(invoice.tenantId(), invoice.contractId()).orElseThrow();
    Job job = AsPlatform.call(identity, () -> management.createJobQuery().processInstanceId(c.processInstanceId())
        .activityId(TASK_VALIDATE_INVOICE).singleResult());
    if (job == null || job.getRetries() == 0 || lockedByExecutor(job)) {
      return;
    }
    try {
      AsPlatform.call(identity, () -> {
        management.executeJob(job.getId());
        return null;
      });
    } catch (RuntimeException e) {
      // the registry is down (or the job executor took the job): the job keeps its retries, the verdict comes later
      LOG.warn("validation of invoice {} of contract {} not done now: {}", invoice.id(), c.contract().id(),
          e.getMessage());
    }
  }

  /** Applies an acknowledgement file of the accounting system and tells the paid cases (once each). */
  public AcknowledgementService.Result acknowledge(String tenantId, byte[] file) throws AcknowledgementFormatException {
    try {
      return tx.execute(status -> {
        AcknowledgementService.Result result;
        try {
          result = acknowledgements.apply(tenantId, file);
        } catch (AcknowledgementFormatException e) {
          throw new IllegalStateException(e);
        }
        for (AcknowledgementService.Settled paid : result.paid()) {
          store.find(tenantId, paid.contractId()).filter(c -> c.processInstanceId() != null).ifPresent(c ->
              AsPlatform.call(identity, () -> runtime.createMessageCorrelation(MSG_PAYMENT_ACKNOWLEDGED)
                  .processInstanceId(c.processInstanceId()).correlateWithResult()));
        }
        // not paid: 会計課 gets a task to export again or record a payment made by hand
        for (AcknowledgementService.Settled failed : result.failed()) {
          failedCase(tenantId, failed).ifPresent(c ->
              AsPlatform.call(identity, () -> runtime.createMessageCorrelation(MSG_PAYMENT_FAILED)
                  .processInstanceId(c.processInstanceId()).correlateWithResult()));
        }
        return result;
      });
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof AcknowledgementFormatException format) {
        throw format;
      }
      throw e;
    }
  }

  /**
   * An acknowledgement file from the accounting exchange route: {@link #acknowledge} (paid cases told once each, and a
   * case whose current payment is reported as not paid gets the 「不払を解決する」 task), all in one transaction. A
   * failed payment that is no longer its case's current one (already exported again) is only recorded on the case.
   */
  public AcknowledgementService.Result acknowledgeFile(String tenantId, byte[] file)
      throws AcknowledgementFormatException {
    try {
      return tx.execute(status -> {
        AcknowledgementService.Result result;
        try {
          result = acknowledge(tenantId, file);
        } catch (AcknowledgementFormatException e) {
          throw new IllegalStateException(e);
        }
        for (AcknowledgementService.Settled failed : result.failed()) {
          if (failedCase(tenantId, failed).isPresent()) {
            continue;  // told in acknowledge: the task records it (paymentFailureCreated)
          }
          store.event(tenantId, failed.contractId(), now(), "payment-failed", "会計システムから、支払番号 " + failed.paymentId()
              + " の支払ができなかったとの結果が届きました。口座などを確認し、会計管理者に連絡してください。");
        }
        return result;
      });
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof AcknowledgementFormatException format) {
        throw format;
      }
      throw e;
    }
  }

  /** The case whose current payment the accounting system reported as not paid (its process is told). */
  private Optional<ContractCase> failedCase(String tenantId, AcknowledgementService.Settled failed) {
    return store.find(tenantId, failed.contractId()).filter(c -> c.processInstanceId() != null
        && failed.paymentId().equals(c.paymentId()));
  }

  private Execution waitingAt(ContractCase c, String activityId) {
    if (c.processInstanceId() == null) {
      return null;
    }
    // the caller holds no engine permission on cases (least privilege): our own check above decided
    return AsPlatform.call(identity, () -> runtime.createExecutionQuery().processInstanceId(c.processInstanceId())
        .activityId(activityId).singleResult());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The longest invoice number (cbc:ID) kept: it is stored, shown to staff and written into the supplier's mail. */
  public static final int MAX_INVOICE_NUMBER = 100;

  /**
   * Refuses an invoice number with control or format characters (CR, LF, TAB, bidi overrides, zero-width…) or over
   * {@value #MAX_INVOICE_NUMBER} characters: 400 naming cbc:ID, nothing stored (attack review 3 A6).
   */
  static void checkInvoiceNumber(String number) {
    String problem = invoiceNumberProblem(number);
    if (problem != null) {
      throw ApiException.invalid("cbc:ID", "the invoice number (cbc:ID) " + problem,
          "請求書番号（cbc:ID）は" + MAX_INVOICE_NUMBER + "文字以内で、制御文字などを含まない1行の文字列にしてください。");
    }
  }

  /** Why the invoice number is refused (English), or null when it is fine (null itself is the validator's). */
  static String invoiceNumberProblem(String number) {
    if (number == null) {
      return null;
    }
    if (number.length() > MAX_INVOICE_NUMBER) {
      return "must be at most " + MAX_INVOICE_NUMBER + " characters";
    }
    return controlCharacterProblem(number);
  }

  /** Why a one-line text is refused: a control or format character (English), or null. */
  static String controlCharacterProblem(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE || type == Character.SURROGATE
          || type == Character.UNASSIGNED) {
        return String.format("must not contain control characters (U+%04X at position %d)", cp, i + 1);
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /** 409: the Idempotency-Key came with another request before (review 3 A5: it said the case had changed). */
  static ApiException keyUsedForAnotherRequest() {
    return ApiException.conflict("Idempotency-Key was used for another request",
        "この Idempotency-Key は別の要求に使用済みです。新しい要求には新しいキーを指定してください。");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * 409 for an invoice the contract does not await, saying why in the words of its stage (second attacker pass N10:
   * a paid contract told the supplier to send the invoice after the inspection).
   */
  private static ApiException notAwaitingInvoice(ContractCase c) {
    String why = switch (c.stage()) {
      case AWAITING_COMPLETION, INSPECTION -> "検査に合格していません（検査の合格後に送付してください）。";
      case VALIDATING, INVOICE_VERIFICATION -> "先に受け付けた請求書を確認中です（結果をお待ちください）。";
      case AWAITING_INVOICE, INVOICE_RETURNED -> "請求書の受付を準備中です（しばらくしてから送付してください）。";
      case PAYMENT_ORDER, ACCOUNTING_CHECK, EXPORT_QUEUED, EXPORTED, PAYMENT_FAILED -> "適正な請求書を受理済みで、支払の手続中です。";
      case PAID -> "支払済みです。";
    };
    return new ApiException(409, null, "the contract does not await an invoice (stage "
        + c.stage().name().toLowerCase() + ")", "この契約は請求書を受け付ける段階にありません: " + why);
  }
}
