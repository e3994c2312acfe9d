package jp.tetsuzuki.processes.procedure;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Applications through the public API: intake with an idempotency key, corrections (補正) and withdrawal (取下げ).
 * Each request is checked against the catalog and the caller's tenants first; then the application, its documents,
 * the key and the process start commit together or not at all.
 */
public class ApplicationService {

  /** The answer to an intake: the application and whether it was a replay of an earlier request. */
  public record Intake(ApplicationRecord application, boolean replayed) {}

  /** A request as the API received it. */
  public record Submission(String procedureCode, String tenantId, String receivedOn, JsonNode applicant,
      JsonNode data, JsonNode documents) {}

  private static final ObjectMapper JSON = new ObjectMapper();

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

  public Intake submit(String caller, String idempotencyKey, Submission request) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
      throw ApiException.badRequest("Idempotency-Key", "Idempotency-Key header: required, 1 to 200 characters");
    }
    String hash = hash(withoutIndividualNumbers(request));
    var earlier = store.key(caller, idempotencyKey);
    if (earlier.isPresent()) {
      return replay(earlier.get(), hash);
    }
    if (request.tenantId() == null || request.tenantId().isBlank()) {
      throw ApiException.badRequest("tenantId", "tenantId: required");
    }
    if (!members.isMember(request.tenantId(), caller)) {
      throw new ApiException(403, "tenantId", "tenantId: the caller may not apply in tenant '"
          + request.tenantId() + "'");
    }
    Instant now = clock.instant();
    LocalDate today = ProcedureDeadlines.today(now);
    Procedure procedure = ApplicationRequests.procedure(catalog, request.procedureCode(), request.tenantId());
    if (request.receivedOn() != null && !isStaff(caller)) {
      // the arrival date (到達日) is what the office records; outside systems apply online, today
      throw new ApiException(403, "receivedOn", "receivedOn: only staff registering a paper application may set it");
    }
    LocalDate receivedOn = ApplicationRequests.receivedOn(request.receivedOn(), today);
    Map<String, Object> applicant = ApplicationRequests.applicant(request.applicant());
    Map<String, Object> data = ApplicationRequests.data(procedure, request.data(), false);
    List<ApplicationRequests.DocumentRef> refs = ApplicationRequests.documents(procedure, request.tenantId(),
        request.documents(), id -> attachable(caller, id));
    LocalDate due = ProcedureDeadlines.dueDate(calendars.apply(request.tenantId()), procedure, receivedOn,
        List.of());
    String id = UUID.randomUUID().toString();
    ApplicationRecord application = new ApplicationRecord(id, request.tenantId(), procedure.code(),
        procedure.version(), null, request.receivedOn() == null ? ApplicationRecord.CHANNEL_ONLINE
        : ApplicationRecord.CHANNEL_PAPER, ApplicationRecord.STATUS_RECEIVED, ApplicationRecord.STAGE_ARRIVAL,
        receivedOn, due, false, null, 0, null, json(applicant), json(data), null, null, caller, now);
    try {
      transactions.executeWithoutResult(status -> {
        store.claimKey(caller, idempotencyKey, hash, id, now);
        store.insert(application, now);
        refs.forEach(ref -> store.attach(id, ref.documentId(), ref.kind(), now));
        store.event(id, "received", "申請が到達しました（到達日 " + receivedOn + "、処理期限 " + due + "）。", caller,
            now);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(AdministrativeProcedure.TENANT_ID, request.tenantId());
        variables.put(AdministrativeProcedure.APPLICATION_ID, id);
        variables.put(AdministrativeProcedure.PROCEDURE_CODE, procedure.code());
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

  private Intake replay(ApplicationStore.IdempotencyKey key, String hash) {
    if (!key.requestHash().equals(hash)) {
      throw new ApiException(422, "Idempotency-Key", "Idempotency-Key: already used with a different request");
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
        .orElseThrow(() -> ApiException.notFound("no application '" + id + "'"));
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
          + application.status() + ")");
    }
    if (application.correctionDue() != null
        && ProcedureDeadlines.today(clock.instant()).isAfter(application.correctionDue())) {
      throw ApiException.conflict("application " + id + ": the correction deadline " + application.correctionDue()
          + " has passed");
    }
    Procedure procedure = catalog.find(application.procedureCode(), application.procedureVersion()).orElseThrow();
    Map<String, Object> changes = ApplicationRequests.data(procedure, data, true);
    List<ApplicationRequests.DocumentRef> refs = ApplicationRequests.documents(procedure, application.tenantId(),
        documentRefs, docId -> attachable(caller, docId));
    if (changes.isEmpty() && refs.isEmpty()) {
      throw ApiException.badRequest("documents", "documents or data: a correction must add something");
    }
    Instant now = clock.instant();
    transactions.executeWithoutResult(status -> {
      Map<String, Object> merged = new LinkedHashMap<>(ProcedureActivities.readData(application.dataJson()));
      merged.putAll(changes);
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
      throw ApiException.conflict("application " + id + " is already closed (" + application.outcome() + ")");
    }
    transactions.executeWithoutResult(status -> AsPlatform.call(identity, () -> runtime
        .createMessageCorrelation(AdministrativeProcedure.MSG_WITHDRAWAL_REQUESTED)
        .processInstanceId(application.processInstanceId())
        .setVariable(AdministrativeProcedure.WITHDRAWAL_REASON, reason).correlateWithResult()));
    return store.get(id);
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

  private static String hash(Submission request) {
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
