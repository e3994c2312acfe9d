package jp.tetsuzuki.processes.contractpayment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tetsuzuki.bpmn.rules.CheckDigits;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.contract.Contract;
import jp.tetsuzuki.processes.contract.ContractItem;
import jp.tetsuzuki.processes.contract.ContractKind;
import jp.tetsuzuki.processes.contract.PaymentTerms;
import jp.tetsuzuki.processes.contract.Supplier;
import jp.tetsuzuki.processes.contract.TaxRate;
import jp.tetsuzuki.processes.contract.TaxRounding;
import jp.tetsuzuki.processes.contract.accounting.PaymentFileException;
import jp.tetsuzuki.processes.contract.accounting.PaymentInstructionFile;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore.ContractCase;
import jp.tetsuzuki.processes.identity.AsPlatform;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Contracts and invoices in the public API (契約・支出, issue 11). Outside systems only (the edge): the
 * municipality's contract system (an account bound as the tenant's contract system, {@link ContractSystemAccounts})
 * registers contracts and reads the tenant's contracts; a supplier's system (an account bound to a 法人番号,
 * {@link SupplierAccounts}) announces completion, hands in invoices and reads its own contracts. The tenant is the
 * one the authenticated account belongs to; a contract of another tenant or supplier answers 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "contracts", description = "Contract payment: contracts, completion notices and invoices (契約・支出)")
class ContractApiController {

  static final int MAX_KEY = 128;

  /** How old a contract registered now may be: a claim for payment is extinguished after five years. */
  static final int MAX_CONTRACT_AGE_YEARS = 5;

  record SupplierRequest(String name, String corporateNumber, String registrationNumber) {}

  record ItemRequest(String description, Long amount, Integer taxRate) {}

  record ContractRequest(String id, String tenantId, String department, String kind, String title,
      SupplierRequest supplier, List<ItemRequest> items, String contractDate, Integer inspectionDays,
      Integer paymentDays, String taxRounding) {}

  record CompletionRequest(String noticeOn) {}

  record ProblemView(String code, String message) {}

  /**
   * @param status VALID, INVALID, PENDING (validation retried: the registry did not answer) or VERIFICATION_PENDING
   *               (a PDF or image invoice: OCR and the staff verification come first)
   */
  record InvoiceAnswerView(String invoiceId, String contractId, Boolean valid, List<ProblemView> problems,
      String status) {}

  record InspectionView(int round, LocalDate noticeOn, LocalDate dueOn, LocalDate inspectedOn, Boolean passed) {}

  record InvoiceView(String invoiceId, String invoiceNumber, LocalDate receivedOn, String status, Boolean valid,
      List<ProblemView> problems, LocalDate returnedOn) {}

  record PaymentView(String paymentId, Long amount, LocalDate clockStartedOn, LocalDate dueOn,
      Integer inspectionDelayDays, Integer pausedDays, Long instructionInterest, LocalDate paidOn,
      Long lateInterest) {}

  record EventView(String type, String message, Instant occurredAt) {}

  record ContractView(String id, String tenantId, String department, String kind, String title, String supplierName,
      long amountWithoutTax, LocalDate contractDate, String stage, LocalDate inspectionDue, LocalDate paymentDue,
      Integer pausedDays, List<InspectionView> inspections, List<InvoiceView> invoices, PaymentView payment,
      List<EventView> events) {}

  private final ContractCases cases;
  private final ContractCaseStore store;
  private final SupplierAccounts suppliers;
  private final ContractSystemAccounts contractSystems;
  private final TenantMembers members;
  private final ObjectMapper json;
  private final IdentityService identity;
  private final ContractPaymentSettings settings;

  ContractApiController(ContractCases cases, ContractCaseStore store, SupplierAccounts suppliers,
      ContractSystemAccounts contractSystems, TenantMembers members, ObjectMapper json, IdentityService identity,
      ContractPaymentSettings settings) {
    this.contractSystems = contractSystems;
    this.cases = cases;
    this.store = store;
    this.suppliers = suppliers;
    this.members = members;
    // it reads its bodies itself (a body null, [] or a number is 400 body): as typed as the converter's
    this.json = jp.tetsuzuki.processes.api.StrictJson.strict(json);
    this.identity = identity;
    this.settings = settings;
  }

  @PostMapping(path = "/contracts", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Register a contract and start its case (contract-payment)",
      description = "The tenant's contract system only (an account bound as the tenant's contract system; a "
          + "supplier's system or another outside system gets 403). 201 with the case; the "
          + "e-invoice names the returned id in cac:ContractDocumentReference/cbc:ID. A repeated Idempotency-Key "
          + "returns the first result (409 if the body differs). Amounts are yen without tax; taxRate 10, 8 or 0; "
          + "kind goods|services|construction; inspectionDays/paymentDays are the periods the contract names (at most "
          + "the statutory maxima 10/30, construction 14/40); a period the contract does not name is the one the law "
          + "gives a contract without periods (支払遅延防止法10条): inspection 10, payment 15 days. The contract's "
          + "total with the highest tax must fit the payment file (at most 999,999,999,999 yen).")
  ResponseEntity<ContractView> register(@Parameter(description = "unique per request of this client, e.g. a UUID")
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody(required = false) byte[] body, Principal principal) {
    String key = key(idempotencyKey);
    ContractRequest request = body == null || body.length == 0 ? null : read(body);
    if (request == null) {
      throw ApiException.invalid("body", "the body must be a JSON object (the contract), not empty or null",
          "要求の本文に契約の内容（JSON のオブジェクト）がありません。");
    }
    String tenantId = required(request.tenantId(), "tenantId", 64);
    ContractCases.Caller caller = caller(principal, tenantId);
    if (!caller.supplier() && !contractSystems.isContractSystem(caller.account(), tenantId)) {
      // only the tenant's contract system registers contracts (attack review 3 A3); a supplier's: ContractCases
      throw new ApiException(403, null, "this account is not the contract system of tenant " + tenantId,
          "このアカウントはこの団体の契約システムとして登録されていないため、契約を登録できません。");
    }
    Contract contract = contract(request);
    checkDepartment(tenantId, contract.department());
    var registered = cases.register(caller, key, contract, body);
    return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.id()))
        .header("Idempotent-Replayed", String.valueOf(registered.getValue()))
        .body(view(registered.getKey(), false));
  }

  @GetMapping("/contracts/{id}")
  @Operation(summary = "Stage, deadlines (inspection due, payment due, paused days), invoices and their problems, "
      + "payment and interest of a contract", description = "The tenant's contract system reads the tenant's "
      + "contracts, a supplier's system its own; another account is told 404.")
  ContractView contract(@PathVariable String id, @Parameter(description = "the tenant, needed only when the id names contracts of several tenants this account "
          + "serves (contract ids are unique per tenant)") @RequestParam(value = "tenantId", required = false) String tenantId,
      Principal principal) {
    ContractCase c = visible(principal, id, tenantId);
    return view(c, suppliers.corporateNumber(principal.getName(), c.contract().tenantId()).isPresent());
  }

  @PostMapping(path = "/contracts/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The supplier's completion notice (完了通知); starts the inspection period",
      description = "The contract's supplier system only (the contract system gets 403). noticeOn (YYYY-MM-DD, not "
          + "in the future, not before contractDate, not older than the contract's inspection period) defaults to "
          + "today. 409 when the contract does not "
          + "await a completion notice (e.g. under inspection). The same Idempotency-Key again answers the case "
          + "without a second notice.")
  ContractView completion(@PathVariable String id, @Parameter(description = "the tenant, needed only when the id names contracts of several tenants this account "
          + "serves (contract ids are unique per tenant)") @RequestParam(value = "tenantId", required = false) String tenantId,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "optional: {\"noticeOn\": \"YYYY-MM-DD\"}",
          content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(
              implementation = CompletionRequest.class)))
      @RequestBody(required = false) byte[] body, Principal principal) {
    String key = key(idempotencyKey);
    CompletionRequest request = completionRequest(body);
    ContractCase c = visible(principal, id, tenantId);
    ContractCases.Caller caller = caller(principal, c.contract().tenantId());
    LocalDate noticeOn = request == null || request.noticeOn() == null ? ContractPaymentSteps.today()
        : date(request.noticeOn(), "noticeOn");
    // the key covers the whole request: the same key with another body is a conflict (attack review 3 A5)
    String requestSha = ContractCases.sha256(body == null ? new byte[0] : body);
    return view(cases.notifyCompletion(caller, id, noticeOn, key, requestSha), caller.supplier());
  }

  @PostMapping(path = "/invoices", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  @Operation(summary = "Hand in a JP PINT (UBL 2.1) e-invoice as the XML body",
      description = "The contract's supplier system only (the contract system gets 403). The invoice names the "
          + "contract in cac:ContractDocumentReference/cbc:ID. 201 with invoiceId, "
          + "contractId, valid and problems [{code, message}] (valid null: the registry of qualified-invoice "
          + "issuers did not answer; the validation is retried and the verdict shows on GET /api/v1/contracts/{id})."
          + " A malformed, DOCTYPE-carrying or oversized (over 5 MiB) file is refused with 400 and nothing is "
          + "stored. An invalid invoice is returned (problems listed) and the payment clock pauses until a "
          + "corrected invoice arrives.")
  ResponseEntity<InvoiceAnswerView> invoice(
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey, @Parameter(description = "the tenant, needed only when the id names contracts of several tenants this account "
          + "serves (contract ids are unique per tenant)") @RequestParam(value = "tenantId", required = false) String tenantId,
      @RequestBody(required = false) byte[] xml, Principal principal) {
    // an empty body is told as an empty invoice, not as "not valid JSON" (attack review 3 A5)
    return receive(key(idempotencyKey), xml, principal, tenantId);
  }

  @PostMapping(path = "/invoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Hand in an invoice as the multipart part 'file': a JP PINT e-invoice, or a PDF or image",
      description = "A JP PINT (UBL 2.1) XML file: as the XML body (201 with the verdict). A PDF, PNG or JPEG "
          + "invoice (type detected from the content, at most the document store's size limit) names its contract "
          + "in the part 'contractId': it is kept in the document store, read by OCR and verified by staff against "
          + "the scan before the same validation; the answer is 202 with invoiceId, valid null and status "
          + "VERIFICATION_PENDING, and the verdict (or the return with its problems) shows on "
          + "GET /api/v1/contracts/{id}. Another type is refused with 415 and nothing is stored.")
  ResponseEntity<InvoiceAnswerView> invoiceFile(
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey, @Parameter(description = "the tenant, needed only when the id names contracts of several tenants this account "
          + "serves (contract ids are unique per tenant)") @RequestParam(value = "tenantId", required = false) String tenantId,
      @RequestPart("file") MultipartFile file,
      @Parameter(description = "the contract a PDF or image invoice is for (an e-invoice names it itself)")
      @RequestPart(value = "contractId", required = false) String contractId, Principal principal)
      throws IOException {
    String key = key(idempotencyKey);
    byte[] content = file.getBytes();
    if (looksLikeXml(content)) {
      // an e-invoice names its contract itself: a contractId part that says otherwise is refused (A5)
      if (contractId != null && !contractId.isBlank()
          && !contractId.strip().equals(cases.contractReference(content))) {
        throw ApiException.invalid("contractId", "the part contractId (" + contractId.strip() + ") differs from the "
            + "contract the e-invoice names in cac:ContractDocumentReference/cbc:ID", "contractId の契約番号「"
            + contractId.strip() + "」が電子インボイスに記載された契約番号と一致しません。");
      }
      return receive(key, content, principal, tenantId);
    }
    return receiveScan(key, content, file, contractId, tenantId, principal);
  }

  /** A PDF or image invoice: the part 'contractId' names its contract. */
  private ResponseEntity<InvoiceAnswerView> receiveScan(String key, byte[] content, MultipartFile file,
      String contractId, String tenantId, Principal principal) {
    if (content.length == 0) {
      throw ApiException.invalid("file", "the invoice is empty", "請求書が空です。");
    }
    String contract = required(contractId, "contractId", 64);
    // contract ids are unique per tenant (V77): the tenants this account serves, tenantId when several have it
    String tenant = resolve(principal, contract, tenantId).map(c -> c.contract().tenantId())
        .orElseThrow(() -> new ApiException(404, "contractId", "no contract " + contract + " for this caller",
            "契約番号「" + contract + "」の契約が見つかりません。"));
    ContractCases.InvoiceAnswer answer = cases.receiveScan(caller(principal, tenant), key, contract,
        file.getOriginalFilename(), content);
    return ResponseEntity.accepted().location(URI.create("/api/v1/contracts/" + answer.contractId()))
        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
        .body(view(answer, tenant));
  }

  /** An XML document (after an optional BOM and white space): the e-invoice path parses it. */
  static boolean looksLikeXml(byte[] content) {
    int i = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
        && (content[2] & 0xff) == 0xBF ? 3 : 0;
    while (i < content.length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r' || content[i] == '\n')) {
      i++;
    }
    return i < content.length && content[i] == '<';
  }

  private ResponseEntity<InvoiceAnswerView> receive(String key, byte[] xml, Principal principal,
      String requestedTenant) {
    if (xml == null || xml.length == 0) {
      throw ApiException.invalid("invoice", "the invoice is empty", "請求書が空です。");
    }
    String contractId = cases.contractReference(xml);
    String field = "cac:ContractDocumentReference/cbc:ID";
    String tenantId = resolve(principal, contractId, requestedTenant).map(c -> c.contract().tenantId())
        .orElseThrow(() -> new ApiException(404, field, "no contract " + contractId + " for this caller",
            "請求書の契約番号「" + contractId + "」の契約が見つかりません。"));
    ContractCases.InvoiceAnswer answer = cases.receiveInvoice(caller(principal, tenantId), key, xml);
    return ResponseEntity.created(URI.create("/api/v1/contracts/" + answer.contractId()))
        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
        .body(view(answer, tenantId));
  }

  private InvoiceAnswerView view(ContractCases.InvoiceAnswer answer, String tenantId) {
    String status = answer.valid() != null ? (answer.valid() ? "VALID" : "INVALID")
        : store.invoice(tenantId, answer.invoiceId())
            .filter(i -> i.status() == ContractCaseStore.InvoiceStatus.VERIFYING).isPresent()
            ? "VERIFICATION_PENDING" : "PENDING";
    return new InvoiceAnswerView(answer.invoiceId(), answer.contractId(), answer.valid(),
        problems(answer.problems()), status);
  }

  // ---- helpers

  /**
   * The ordering department decides the payment order's route and the group that revises it
   * ({@code <tenant>-<department>}): it must be a department group of the tenant, and not the inspectors' or the
   * 会計管理者's own (shared/domain/contract-payment.md steps 3, 6, 7 are done by different people; review F5).
   */
  private void checkDepartment(String tenantId, String department) {
    String group = tenantId + "-" + department;
    if (department.equals(settings.inspectionDepartment()) || department.equals(settings.accountingDepartment())
        || department.equals(jp.tetsuzuki.processes.identity.Roles.SUPERVISORS)) {
      throw ApiException.invalid("department", "department '" + department + "' is not an ordering department",
          "「" + department + "」は契約を発注する課ではありません（検査・会計管理者・監督職の組は指定できません）。");
    }
    long found = AsPlatform.call(identity, () -> identity.createGroupQuery().groupId(group).memberOfTenant(tenantId)
        .count());
    if (found == 0) {
      throw ApiException.invalid("department", "department '" + department + "' is not a department of tenant "
          + tenantId, "課「" + department + "」はこの団体の課として登録されていません。");
    }
  }

  private ContractCase visible(Principal principal, String id, String tenantId) {
    return resolve(principal, id, tenantId)
        .orElseThrow(() -> ApiException.notFound("no contract " + id + " for this caller"));
  }

  /**
   * The contract of this id the caller may see, looked for only in the tenants the caller serves (ids are unique per
   * tenant, V77; review F4). When it serves several tenants that each have one, {@code tenantId} must say which.
   */
  private java.util.Optional<ContractCase> resolve(Principal principal, String id, String tenantId) {
    List<ContractCase> found = store.tenantsOf(id).stream()
        .filter(t -> tenantId == null || t.equals(tenantId))
        .filter(t -> members.isMember(t, principal.getName()))
        .map(t -> caller(principal, t))
        // a supplier's system sees its own contracts (ContractCases.visible), the tenant's contract system all of the
        // tenant's, any other outside system none (attack review 3 A3)
        .filter(k -> k.supplier() || contractSystems.isContractSystem(k.account(), k.tenantId()))
        .flatMap(k -> cases.visible(k, id).stream()).toList();
    if (found.size() > 1) {
      String tenants = String.join(", ", found.stream().map(c -> c.contract().tenantId()).toList());
      throw ApiException.invalid("tenantId", "contract id " + id + " names contracts of several tenants this "
          + "account serves (" + tenants + "): pass tenantId", "契約番号「" + id + "」の契約が複数の団体（" + tenants
          + "）にあります。tenantId で団体を指定してください。");
    }
    return found.stream().findFirst();
  }

  private ContractCases.Caller caller(Principal principal, String tenantId) {
    if (!members.isMember(tenantId, principal.getName())) {
      throw ApiException.notFound("tenantId: no tenant '" + tenantId + "' for this account");
    }
    return new ContractCases.Caller(tenantId, principal.getName(),
        suppliers.corporateNumber(principal.getName(), tenantId).orElse(null));
  }

  /** An empty body is no notice date (today); a body is a JSON object, never {@code null} or another value. */
  private CompletionRequest completionRequest(byte[] body) {
    if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
      return null;
    }
    CompletionRequest request;
    try {
      request = json.readerFor(CompletionRequest.class)
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(body);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw ApiException.badRequest(e.getPropertyName(), e.getPropertyName() + ": unknown field");
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      String path = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "body"
          : e.getPath().get(0).getFieldName();
      throw ApiException.badRequest(path, path + ": wrong type or format");
    } catch (IOException e) {
      throw ApiException.badRequest("body", "the request body is not valid JSON");
    }
    if (request == null) {
      throw ApiException.invalid("body", "the body must be a JSON object or empty, not null",
          "要求の本文は JSON のオブジェクト（または空）で送信してください。");
    }
    return request;
  }

  private ContractRequest read(byte[] body) {
    try {
      return json.readerFor(ContractRequest.class)
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(body);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw ApiException.badRequest(e.getPropertyName(), e.getPropertyName() + ": unknown field");
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
          : "[" + r.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
      throw ApiException.badRequest(path, path + ": wrong type or format");
    } catch (IOException e) {
      throw ApiException.badRequest("body", "the request body is not valid JSON");
    }
  }

  static Contract contract(ContractRequest r) {
    String id = r.id() == null ? "C-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase() : r.id();
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw ApiException.invalid("id", "id must be 1..64 letters, digits, '.', '_' or '-'",
          "契約番号は英数字と . _ - の64文字以内で指定してください。");
    }
    String department = required(r.department(), "department", 64);
    if (!department.matches("[a-z0-9-]{1,64}")) {
      throw ApiException.badRequest("department", "department must be a department code (a-z, 0-9, '-')");
    }
    ContractKind kind;
    try {
      kind = ContractKind.fromApiName(required(r.kind(), "kind", 16));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("kind", e.getMessage(), "契約の種別は goods（物品）、services（役務）、construction（工事）"
          + "のいずれかです。");
    }
    String title = plain(required(r.title(), "title", 200), "title");
    if (r.supplier() == null) {
      throw ApiException.badRequest("supplier", "supplier is required");
    }
    String name = plain(required(r.supplier().name(), "supplier.name", 200), "supplier.name");
    try {
      // the payee name of the accounting file: checked now, not when the payment is exported (review F22)
      PaymentInstructionFile.checkPayeeName(name);
    } catch (PaymentFileException e) {
      throw ApiException.invalid("supplier.name", "supplier.name cannot be written to the accounting system's "
          + "payment file (windows-31j, JIS X 0208, at most " + PaymentInstructionFile.PAYEE_NAME_BYTES + " bytes): "
          + e.getMessage(), "相手方の名称を支払指示ファイルに書き出せません: " + e.messageJa());
    }
    String corporate = r.supplier().corporateNumber();
    if (corporate != null && !CheckDigits.isCorporateNumber(corporate)) {
      throw ApiException.invalid("supplier.corporateNumber", "supplier.corporateNumber must be a 13-digit 法人番号 "
          + "with a valid check digit", "法人番号が正しくありません（13桁・検査用数字）。");
    }
    String registration = r.supplier().registrationNumber();
    if (registration != null && !(registration.matches("T[0-9]{13}")
        && CheckDigits.isCorporateNumber(registration.substring(1)))) {
      throw ApiException.invalid("supplier.registrationNumber", "supplier.registrationNumber must be T + 13 digits "
          + "with a valid check digit", "登録番号が正しくありません（T＋13桁・検査用数字）。");
    }
    if (r.items() == null || r.items().isEmpty() || r.items().size() > Contract.MAX_ITEMS) {
      throw ApiException.badRequest("items", "items must hold 1.." + Contract.MAX_ITEMS + " items");
    }
    List<ContractItem> items = new ArrayList<>();
    for (int i = 0; i < r.items().size(); i++) {
      ItemRequest item = r.items().get(i);
      String at = "items[" + i + "]";
      if (item == null) {
        throw ApiException.badRequest(at, at + " is required");
      }
      if (item.amount() == null || item.amount() < 0 || item.amount() > Contract.MAX_AMOUNT) {
        throw ApiException.badRequest(at + ".amount", at + ".amount must be 0.." + Contract.MAX_AMOUNT + " yen");
      }
      TaxRate rate;
      try {
        rate = TaxRate.ofPercent(item.taxRate() == null ? -1 : item.taxRate());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(at + ".taxRate", at + ".taxRate must be 10, 8 or 0", "税率は 10、8、0 のいずれかです。");
      }
      items.add(new ContractItem(plain(required(item.description(), at + ".description", 200), at + ".description"),
          item.amount(), rate));
    }
    LocalDate contractDate = date(required(r.contractDate(), "contractDate", 10), "contractDate");
    if (contractDate.isAfter(ContractPaymentSteps.today())) {
      throw ApiException.badRequest("contractDate", "contractDate must not be in the future");
    }
    if (contractDate.isBefore(ContractPaymentSteps.today().minusYears(MAX_CONTRACT_AGE_YEARS))) {
      // a payment claim against a municipality is extinguished after five years (地方自治法第236条第1項)
      throw ApiException.invalid("contractDate", "contractDate must not be more than " + MAX_CONTRACT_AGE_YEARS
          + " years ago (the claim would be extinguished, 地方自治法第236条)",
          "契約日が" + MAX_CONTRACT_AGE_YEARS + "年より前です（地方自治法第236条の消滅時効）。");
    }
    PaymentTerms max = PaymentTerms.statutoryMaximum(kind);
    // a period the contract does not name is the law's for a contract without periods (10条: 10 / 15 days), not the
    // maximum a contract may name (attack review 3 A8)
    PaymentTerms unnamed = PaymentTerms.unnamed();
    int inspection = r.inspectionDays() == null ? unnamed.inspectionDays() : r.inspectionDays();
    int payment = r.paymentDays() == null ? unnamed.paymentDays() : r.paymentDays();
    if (inspection < 1 || inspection > max.inspectionDays()) {
      throw ApiException.badRequest("inspectionDays", "inspectionDays must be 1.." + max.inspectionDays());
    }
    if (payment < 1 || payment > max.paymentDays()) {
      throw ApiException.badRequest("paymentDays", "paymentDays must be 1.." + max.paymentDays());
    }
    TaxRounding rounding;
    try {
      rounding = r.taxRounding() == null ? TaxRounding.FLOOR_OR_CEILING : TaxRounding.valueOf(r.taxRounding());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("taxRounding", "taxRounding must be FLOOR_OR_CEILING, FLOOR, CEILING or HALF_UP");
    }
    Contract contract;
    try {
      contract = new Contract(id, r.tenantId(), department, kind, title, new Supplier(name, corporate, registration),
          items, contractDate, new PaymentTerms(inspection, payment), rounding);
    } catch (IllegalArgumentException e) {
      // the rules name the field in their message ("items: the total must be …")
      throw ApiException.badRequest(e.getMessage().split("[ :]")[0], e.getMessage());
    }
    if (contract.maxTaxInclusive() > PaymentInstructionFile.MAX_AMOUNT) {
      // the payment file's amount field: checked now, not when the payment is exported (attack review 3 A7)
      throw ApiException.invalid("items", "items: the total with the highest tax (" + contract.maxTaxInclusive()
          + " yen) cannot be written to the accounting system's payment file (at most "
          + PaymentInstructionFile.MAX_AMOUNT + " yen)", "契約金額の税込の上限（" + contract.maxTaxInclusive()
          + "円）が支払指示ファイルの支払金額の上限（" + PaymentInstructionFile.MAX_AMOUNT + "円、12桁）を超えています。");
    }
    return contract;
  }

  private static String key(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
      throw ApiException.badRequest("Idempotency-Key", "the Idempotency-Key header is required (1.." + MAX_KEY
          + " characters)");
    }
    return idempotencyKey;
  }

  private static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, field + " is required");
    }
    if (value.length() > max) {
      throw ApiException.badRequest(field, field + " must be at most " + max + " characters");
    }
    return value.strip();
  }

  /**
   * Refuses control and format characters (CR, LF, TAB, NUL, bidi overrides, zero-width characters, line
   * separators): names and titles are one line of plain text for the forms, the history and the accounting file
   * (review F22).
   */
  static String plain(String value, String field) {
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE || type == Character.SURROGATE
          || type == Character.UNASSIGNED) {
        throw ApiException.invalid(field, String.format("%s must not contain control characters (U+%04X at position "
            + "%d)", field, cp, i + 1), String.format("%s に使えない文字（制御文字など U+%04X、%d 文字目）があります。",
            FIELD_JA.getOrDefault(field.replaceAll("\\[\\d+\\]", "[]"), field), cp, i + 1));
      }
      i += Character.charCount(cp);
    }
    return value;
  }

  private static final Map<String, String> FIELD_JA = Map.of("title", "件名", "supplier.name", "相手方の名称",
      "items[].description", "品目");

  private static LocalDate date(String value, String field) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field, field + " must be a date YYYY-MM-DD");
    }
  }

  private static List<ProblemView> problems(List<Map<String, String>> problems) {
    return problems.stream().map(p -> new ProblemView(p.get("code"), p.get("message"))).toList();
  }

  /**
   * The events a supplier reads of its contract: what it was told or has to act on. The office's own steps (who
   * verified the scan and what they noted, the 会計管理者's and the department's comments, warnings, export and
   * failure handling) are for staff (second attacker pass N9: the supplier read the staff id and notes).
   */
  static final java.util.Set<String> SUPPLIER_EVENTS = java.util.Set.of("registered", "completion-notified",
      "inspection-passed", "inspection-failed", "invoice-scan-received", "invoice-returned", "invoice-return-mailed",
      "payment-scheduled", "paid");

  /** @param forSupplier whether the supplier's system reads it (then only {@link #SUPPLIER_EVENTS}) */
  private ContractView view(ContractCase c, boolean forSupplier) {
    Contract k = c.contract();
    List<ContractCaseStore.Inspection> rounds = store.inspections(k.tenantId(), k.id());
    LocalDate inspectionDue = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1).dueOn();
    List<InvoiceView> invoices = store.invoices(k.tenantId(), k.id()).stream().map(i -> {
      ContractCases.InvoiceAnswer a = ContractCases.answer(i, false);
      return new InvoiceView(i.id(), i.invoiceNumber(), i.receivedOn(), i.status().name().toLowerCase(), a.valid(),
          problems(a.problems()), i.returnedOn());
    }).toList();
    PaymentView payment = new PaymentView(c.paymentId(), c.amount(), c.clockStartedOn(), c.paymentDueOn(),
        c.inspectionDelayDays(), c.pausedDays(), c.instructionInterest(), c.paidOn(), c.lateInterest());
    return new ContractView(k.id(), k.tenantId(), k.department(), k.kind().apiName(), k.title(),
        k.supplier().name(), k.totalWithoutTax(), k.contractDate(), c.stage().name().toLowerCase(), inspectionDue,
        c.paymentDueOn(), c.pausedDays(), rounds.stream().map(i -> new InspectionView(i.round(), i.noticeOn(),
            i.dueOn(), i.inspectedOn(), i.passed())).toList(), invoices, payment,
        store.events(k.tenantId(), k.id()).stream().filter(e -> !forSupplier || SUPPLIER_EVENTS.contains(e.type()))
            .map(e -> new EventView(e.type(), e.textJa(), e.at())).toList());
  }
}
