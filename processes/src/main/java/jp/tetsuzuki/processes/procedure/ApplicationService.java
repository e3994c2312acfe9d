package jp.tetsuzuki.processes.procedure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.identifier.IdentifierType;
import jp.tetsuzuki.processes.identifier.IdentifierValidator;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.document.DocumentAccess;
import jp.tetsuzuki.processes.document.DocumentStore;
import jp.tetsuzuki.processes.document.StoredFile;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one intake path of applications (申請), whichever way they arrive: the public API, a case file of a municipal
 * system, or staff registering a paper application in the Tasklist. Each submission is checked against the catalog
 * and the caller's tenants with the same rules ({@link ApplicationRequests}), protected against being registered twice
 * (an idempotency key), and recorded with the same record and the same events; then the application, its documents,
 * the key and the case commit together or not at all. Also corrections (補正) and withdrawal (取下げ).
 */
public class ApplicationService {

  /** The answer to an intake: the application and whether it was a replay of an earlier request. */
  public record Intake(ApplicationRecord application, boolean replayed) {}

  /** A submission as it arrived, whatever the path. */
  public record Submission(String procedureCode, String tenantId, String receivedOn, JsonNode applicant,
      JsonNode data, JsonNode documents) {}

  /**
   * The client id under which paper registrations keep their idempotency keys: not a valid user id (the engine's
   * id pattern starts with a letter or digit), so no account's API keys can collide with them.
   */
  static final String PAPER_CLIENT = "#paper";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.time.format.DateTimeFormatter REGISTERED_AT =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ProcedureCatalog catalog;
  private final ApplicationStore store;
  private final DocumentStore documents;
  private final TenantMembers members;
  private final java.util.function.Function<String, OfficeCalendar> calendars;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public ApplicationService(ProcedureCatalog catalog, ApplicationStore store, DocumentStore documents,
      TenantMembers members, java.util.function.Function<String, OfficeCalendar> calendars, RuntimeService runtime,
      IdentityService identity, TransactionTemplate transactions, Clock clock) {
    this.catalog = catalog;
    this.store = store;
    this.documents = documents;
    this.members = members;
    this.calendars = calendars;
    this.runtime = runtime;
    this.identity = identity;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** An application through the public API; the caller's Idempotency-Key makes a repeated request a replay. */
  public Intake submit(String caller, String idempotencyKey, Submission request) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
      throw ApiException.invalid("Idempotency-Key", "Idempotency-Key header: required, 1 to 200 characters",
          "申請の二重登録を防ぐキー（Idempotency-Key ヘッダー）を 1〜200 文字で指定してください。");
    }
    String channel = request.receivedOn() == null ? ApplicationRecord.CHANNEL_ONLINE
        : ApplicationRecord.CHANNEL_PAPER;
    return startOnce(caller, idempotencyKey, request, channel);
  }

  /**
   * An application from a municipal system's case file: its reference (the file's business key) is the idempotency
   * key of the route's service identity, so the same file read twice (or by two nodes) registers one application.
   */
  public Intake submitFile(String serviceUser, String reference, Submission request) {
    if (reference == null || reference.isBlank() || reference.length() > 200) {
      throw ApiException.invalid("businessKey", "businessKey: required, 1 to 200 characters",
          "業務キー（businessKey）は1〜200文字で指定してください。");
    }
    return startOnce(serviceUser, reference, request, ApplicationRecord.CHANNEL_FILE);
  }

  /**
   * A row of a municipal system's CSV batch file (route {@code municipal-csv-intake}), submitted by the route's
   * service identity after the platform checked it is one: {@code reference} (tenant and the row's externalId) is
   * its idempotency key, so a row read again registers nothing new. Unlike outside systems on the API the ward
   * office's system may give the arrival date (到達日) of a paper it received, checked as staff's is.
   */
  public Intake submitBatchRow(String serviceUser, String reference, Submission request) {
    if (reference == null || reference.isBlank() || reference.length() > 200) {
      throw ApiException.invalid("externalId", "externalId: required, 1 to 200 characters with the tenant",
          "externalId は1～100文字で指定してください。");
    }
    return startOnce(serviceUser, reference, request, ApplicationRecord.CHANNEL_BATCH);
  }

  private Intake startOnce(String caller, String idempotencyKey, Submission request, String channel) {
    String hash = hash(withoutIndividualNumbers(request));
    var earlier = store.key(caller, idempotencyKey);
    if (earlier.isPresent()) {
      return replay(earlier.get(), hash);
    }
    Instant now = clock.instant();
    Prepared prepared = prepare(caller, request, channel, now);
    String id = UUID.randomUUID().toString();
    try {
      transactions.executeWithoutResult(status -> {
        store.claimKey(caller, idempotencyKey, hash, id, now);
        record(prepared, id, null, caller, now);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(AdministrativeProcedure.TENANT_ID, prepared.tenantId());
        variables.put(AdministrativeProcedure.APPLICATION_ID, id);
        variables.put(AdministrativeProcedure.PROCEDURE_CODE, prepared.procedure().code());
        // started by the platform once the caller's tenant was checked above: outside systems hold no engine
        // permission of their own (least privilege), so a stolen API credential cannot drive the engine
        ProcessInstance pi = AsPlatform.call(identity, () -> runtime
            .createProcessInstanceByKey(AdministrativeProcedure.ID).businessKey(id).setVariables(variables).execute());
        if (!store.linkProcess(id, pi.getId())) {
          throw new IllegalStateException("application " + id + " was linked to another case");
        }
      });
    } catch (DuplicateKeyException raced) {
      // the same key committed by a parallel request (maybe on another node): answer with its result
      return replay(store.key(caller, idempotencyKey).orElseThrow(() -> raced), hash);
    }
    return new Intake(store.get(id), false);
  }

  /**
   * A paper application (紙の申請書) that staff register from the Tasklist start form, inside the case that this start
   * opened ({@code processInstanceId}). Checked as an API submission is, with the arrival date staff give.
   *
   * <p>Idempotency: the Tasklist sends no request id of its own and a Camunda Form cannot make one, so the key is the
   * paper itself: tenant, procedure, arrival date, applicant and data as normalised (a hash). A double submit, a retry
   * after a lost answer, or a colleague registering the same paper carry the same content and find the key taken:
   * nothing is created and the answer names the application registered first. A paper that differs in anything is
   * another application.
   *
   * @throws ApiException with the Japanese sentence for staff (400 bad field, 403 not a member of the tenant, 409
   *     registered before)
   */
  public ApplicationRecord registerPaper(String staff, Submission request, String processInstanceId) {
    if (staff == null || !isStaff(staff)) {
      throw new ApiException(403, null, "paper applications are registered by logged-in staff",
          "紙の申請書の登録は、ログインした職員が行ってください。");
    }
    if (request.receivedOn() == null || request.receivedOn().isBlank()) {
      throw ApiException.invalid("receivedOn", "receivedOn: required for a paper application",
          "到達日（受付印の日付）を入力してください。");
    }
    if (request.documents() != null && !request.documents().isNull()) {
      throw ApiException.invalid("documents", "documents: a paper application has its documents on paper",
          "紙の申請書の添付書類は紙で受け付けます（ファイルは登録できません）。");
    }
    Instant now = clock.instant();
    Prepared prepared = prepare(staff, request, ApplicationRecord.CHANNEL_PAPER, now);
    String hash = hash(List.of(prepared.tenantId(), prepared.procedure().code(), prepared.receivedOn().toString(),
        prepared.applicant(), prepared.data()));
    String key = prepared.tenantId() + ":" + hash;
    var earlier = store.key(PAPER_CLIENT, key);
    if (earlier.isPresent()) {
      throw registeredBefore(earlier.get().applicationId());
    }
    String id = UUID.randomUUID().toString();
    try {
      transactions.executeWithoutResult(status -> {
        store.claimKey(PAPER_CLIENT, key, hash, id, now);
        record(prepared, id, processInstanceId, staff, now);
      });
    } catch (DuplicateKeyException raced) {
      // the same paper submitted twice at once: the other submit's key won
      throw store.key(PAPER_CLIENT, key).map(k -> registeredBefore(k.applicationId()))
          .orElseThrow(() -> raced);
    }
    return store.get(id);
  }

  private ApiException registeredBefore(String applicationId) {
    ApplicationRecord first = store.get(applicationId);
    return new ApiException(409, null, "this paper application was registered before as application "
        + applicationId, "この申請書は既に登録されています（申請ID " + applicationId + "、"
        + REGISTERED_AT.format(first.createdAt().atZone(JapanTime.ZONE)) + " に " + first.createdBy()
        + " さんが登録）。同じ申請書を二重に登録することはできません。");
  }

  /** A submission checked and typed: what the application will be. */
  private record Prepared(String tenantId, Procedure procedure, String channel, LocalDate receivedOn, LocalDate due,
      Map<String, Object> applicant, Map<String, Object> data, List<ApplicationRequests.DocumentRef> refs) {}

  /** The same checks for every path, in the order a person reads the form. */
  private Prepared prepare(String caller, Submission request, String channel, Instant now) {
    if (request.tenantId() == null || request.tenantId().isBlank()) {
      throw ApiException.invalid("tenantId", "tenantId: required", "自治体を選んでください。");
    }
    if (!members.isMember(request.tenantId(), caller)) {
      throw new ApiException(403, "tenantId", "tenantId: the caller may not apply in tenant '"
          + request.tenantId() + "'", "自治体 " + request.tenantId() + " の申請を登録する権限がありません（所属していません）。");
    }
    LocalDate today = ProcedureDeadlines.today(now);
    Procedure procedure = ApplicationRequests.procedure(catalog, request.procedureCode(), request.tenantId());
    if (request.receivedOn() != null && !isStaff(caller) && !ApplicationRecord.CHANNEL_BATCH.equals(channel)) {
      // the arrival date (到達日) is what the office records; outside systems apply online, today
      throw new ApiException(403, "receivedOn", "receivedOn: only staff registering a paper application may set it",
          "到達日を指定できるのは、紙の申請書を登録する職員だけです。");
    }
    LocalDate receivedOn = ApplicationRequests.receivedOn(procedure, request.receivedOn(), today);
    Map<String, Object> applicant = ApplicationRequests.applicant(request.applicant());
    Map<String, Object> data = ApplicationRequests.data(procedure, request.data(), false);
    List<ApplicationRequests.DocumentRef> refs = ApplicationRequests.documents(procedure, request.tenantId(),
        request.documents(), id -> attachable(caller, id));
    LocalDate due = ProcedureDeadlines.dueDate(calendars.apply(request.tenantId()), procedure, receivedOn,
        List.of());
    return new Prepared(request.tenantId(), procedure, channel, receivedOn, due, applicant, data, refs);
  }

  /** The application, its documents and its arrival event: the same record and event for every path. */
  private void record(Prepared p, String id, String processInstanceId, String caller, Instant now) {
    store.insert(new ApplicationRecord(id, p.tenantId(), p.procedure().code(), p.procedure().version(),
        processInstanceId, p.channel(), ApplicationRecord.STATUS_RECEIVED, ApplicationRecord.STAGE_ARRIVAL,
        p.receivedOn(), p.due(), false, null, 0, null, json(p.applicant()), json(p.data()), null, null, caller, now),
        now);
    p.refs().forEach(ref -> store.attach(id, ref.documentId(), ref.kind(), now));
    store.event(id, "received", "申請が到達しました（到達日 " + p.receivedOn() + "、処理期限 " + p.due() + "）。", caller,
        now);
  }

  private Intake replay(ApplicationStore.IdempotencyKey key, String hash) {
    if (!key.requestHash().equals(hash)) {
      throw new ApiException(422, "Idempotency-Key", "Idempotency-Key: already used with a different request",
          "この Idempotency-Key は別の内容の申請に使われています。新しいキーで送信してください。");
    }
    return new Intake(store.get(key.applicationId()), true);
  }

  /** The application if the caller belongs to its tenant; 404 otherwise (no hint that it exists). */
  /**
   * An application its caller may see and act on: staff of its tenant see all of the tenant's applications; an outside
   * system (machine account) only those it submitted itself, so two systems of one municipality stay apart.
   */
  public ApplicationRecord visible(String caller, String id) {
    return store.find(id).filter(a -> members.isMember(a.tenantId(), caller))
        .filter(a -> caller.equals(a.createdBy()) || isStaff(caller))
        .orElseThrow(() -> ApiException.notFound("no application '" + id + "'", "申請 " + shown(id)
            + " は見つかりません（存在しないか、参照する権限がありません）。"));
  }

  public List<ApplicationStore.Event> events(String id) {
    return store.events(id);
  }

  public List<CompletenessCheck.Attached> documentsOf(String id) {
    return store.documents(id);
  }

  /** Days left until the due date in the unit's sense of open days; null when the case is closed. */
  public Integer openDaysLeft(ApplicationRecord application) {
    if (application.isFinal()) {
      return null;
    }
    return calendars.apply(application.tenantId()).remainingOpenDays(ProcedureDeadlines.today(clock.instant()),
        application.dueDate());
  }

  /** 補正: documents and data added while the case waits for them; the clock restarts in the model. */
  public ApplicationRecord correct(String caller, String id, JsonNode data, JsonNode documentRefs, String comment) {
    ApplicationRecord application = visible(caller, id);
    if (!ApplicationRecord.STATUS_AWAITING_CORRECTION.equals(application.status())) {
      throw ApiException.conflict("application " + id + " is not waiting for a correction (status "
          + application.status() + ")", "この申請は補正を待っていないため、補正を受け付けられません（状態: "
          + application.status() + "）。");
    }
    if (application.correctionDue() != null
        && ProcedureDeadlines.today(clock.instant()).isAfter(application.correctionDue())) {
      throw ApiException.conflict("application " + id + ": the correction deadline " + application.correctionDue()
          + " has passed", "補正期限（" + japaneseDate(application.correctionDue()) + "）を過ぎているため、補正を受け付けられません。");
    }
    Procedure procedure = catalog.find(application.procedureCode(), application.procedureVersion()).orElseThrow();
    Map<String, Object> changes = ApplicationRequests.data(procedure, data, true);
    List<ApplicationRequests.DocumentRef> refs = ApplicationRequests.documents(procedure, application.tenantId(),
        documentRefs, docId -> attachable(caller, docId));
    if (changes.isEmpty() && refs.isEmpty()) {
      throw ApiException.invalid("documents", "documents or data: a correction must add something",
          "補正には書類（documents）または申請内容（data）のどちらかを含めてください。");
    }
    Map<String, Object> merged = new LinkedHashMap<>(ProcedureActivities.readData(application.dataJson()));
    merged.putAll(changes);
    // the corrected data as a whole still follows the catalog's rules between fields (nothing stored if not)
    ApplicationRequests.checkFieldRules(procedure, merged);
    Instant now = clock.instant();
    transactions.executeWithoutResult(status -> {
      store.data(id, json(merged), now);
      refs.forEach(ref -> store.attach(id, ref.documentId(), ref.kind(), now));
      store.event(id, "correction-submitted", "補正書類が提出されました。" + (comment == null ? "" : "（" + comment + "）"),
          caller, now);
      AsPlatform.call(identity, () -> runtime.createMessageCorrelation(AdministrativeProcedure.MSG_CORRECTION_RECEIVED)
          .processInstanceId(application.processInstanceId())
          .setVariable(AdministrativeProcedure.CORRECTION_COMMENT, comment).correlateWithResult());
    });
    return store.get(id);
  }

  /** 取下げ: possible until the decision. */
  public ApplicationRecord withdraw(String caller, String id, String reason) {
    ApplicationRecord application = visible(caller, id);
    if (application.isFinal()) {
      throw ApiException.conflict("application " + id + " is already closed (" + application.outcome() + ")",
          "この申請は既に終了しています（" + outcomeJa(application.outcome()) + "）。取り下げることはできません。");
    }
    transactions.executeWithoutResult(status -> AsPlatform.call(identity, () -> runtime
        .createMessageCorrelation(AdministrativeProcedure.MSG_WITHDRAWAL_REQUESTED)
        .processInstanceId(application.processInstanceId())
        .setVariable(AdministrativeProcedure.WITHDRAWAL_REASON, reason)
        .setVariable(AdministrativeProcedure.WITHDRAWAL_REQUESTED_BY, caller).correlateWithResult()));
    return store.get(id);
  }

  /** The outcome of a closed case as the applicant reads it. */
  static String outcomeJa(String outcome) {
    return switch (outcome == null ? "" : outcome) {
      case AdministrativeProcedure.OUTCOME_GRANTED -> "許可済み";
      case AdministrativeProcedure.OUTCOME_REFUSED -> "不許可（申請拒否）済み";
      case AdministrativeProcedure.OUTCOME_WITHDRAWN -> "取下げ済み";
      case AdministrativeProcedure.OUTCOME_DEEMED_WITHDRAWN -> "取り下げたものとみなされました";
      default -> "処理済み";
    };
  }

  private static String japaneseDate(java.time.LocalDate date) {
    return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** At most 64 characters of an id the caller sent, for a message. */
  private static String shown(String id) {
    return id == null ? "" : id.length() <= 64 ? id : id.substring(0, 64) + "…";
  }

  /** The tenant of a document the caller may attach: the document API's rule ({@link DocumentAccess}). */
  private java.util.Optional<String> attachable(String caller, String documentId) {
    return new DocumentAccess(documents, members, identity).usable(caller, documentId).map(StoredFile::tenantId);
  }

  private boolean isStaff(String caller) {
    return jp.tetsuzuki.processes.identity.Office.isStaffOrSupervisor(identity, caller);
  }

  /** The request as hashed for replays: individual numbers replaced by their masked form (never kept in clear). */
  private Submission withoutIndividualNumbers(Submission request) {
    if (request.data() == null || !request.data().isObject()) {
      return request;
    }
    ObjectNode data = request.data().deepCopy();
    catalog.find(request.procedureCode()).ifPresent(procedure -> procedure.fields().stream()
        .filter(field -> "individual-number".equals(field.type()) && data.has(field.key()))
        .forEach(field -> {
          String masked = IdentifierValidator.validate(IdentifierType.INDIVIDUAL_NUMBER,
              data.get(field.key()).asText()).normalized();
          data.put(field.key(), masked == null ? "invalid" : masked);
        }));
    return new Submission(request.procedureCode(), request.tenantId(), request.receivedOn(), request.applicant(),
        data, request.documents());
  }

  private static String hash(Object request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(request)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
