package jp.tetsuzuki.processes.childcare.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.ApplicationRow;
import jp.tetsuzuki.processes.childcare.points.CareReason;
import jp.tetsuzuki.processes.childcare.points.GuardianWork;
import jp.tetsuzuki.processes.childcare.points.HouseholdPoints;
import jp.tetsuzuki.processes.childcare.points.InvalidPointsInputException;
import jp.tetsuzuki.processes.document.StoredFile;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.Office;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Childcare applications through the API (parents' apps, the linkage platform): checked field by field, stored and
 * started as {@code childcare-enrollment} in one transaction; a repeated Idempotency-Key replays the first answer.
 */
public class ChildcareApplicationService {

  static final int MAX_CHILDREN = 5;
  static final int MAX_PREFERENCES = 20;
  static final int MAX_DOCUMENTS = 20;
  static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";

  public record Request(String tenantId, String admissionMonth, Household household,
      List<ApplicationContent.Guardian> guardians, List<ApplicationContent.Child> children, Integer siblingPattern,
      List<ApplicationContent.Document> documents) {}

  public record Household(boolean singleParent, boolean siblingEnrolledAtFirstChoice, boolean parentalLeaveEnding,
      boolean welfare, boolean guardianPostedAway, Integer waitingMonths) {}

  public record Intake(ApplicationRow application, boolean replayed) {}

  private final ChildcareStore store;
  private final TenantMembers members;
  private final java.util.function.BiFunction<String, String, java.util.Optional<StoredFile>> documentOf;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final TransactionTemplate transactions;
  private final Clock clock;
  /** The facility ids the tenant's nursery systems registered (empty when places are typed by staff per round). */
  private final java.util.function.Function<String, Set<String>> facilitiesOf;

  public ChildcareApplicationService(ChildcareStore store, TenantMembers members,
      java.util.function.BiFunction<String, String, java.util.Optional<StoredFile>> documentOf, RuntimeService runtime,
      RepositoryService repository, IdentityService identity, TransactionTemplate transactions, Clock clock,
      java.util.function.Function<String, Set<String>> facilitiesOf) {
    this.store = store;
    this.facilitiesOf = facilitiesOf;
    this.members = members;
    this.documentOf = documentOf;
    this.runtime = runtime;
    this.repository = repository;
    this.identity = identity;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Intake submit(String caller, String idempotencyKey, Request request) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
      throw ApiException.invalid("Idempotency-Key", "Idempotency-Key header: required, 1 to 128 characters",
          "申込みの二重登録を防ぐキー（Idempotency-Key ヘッダー）を 1〜128 文字で指定してください。");
    }
    if (request == null || request.tenantId() == null || !members.isMember(request.tenantId(), caller)) {
      throw ApiException.notFound("tenantId: no tenant '" + (request == null ? null : request.tenantId())
          + "' for this user");
    }
    if (Office.isStaffOrSupervisor(identity, caller) && !isChildcareStaff(caller, request.tenantId())) {
      // review 3 C13: the inspector registered an application (and attached another system's upload to it); a
      // person of the office registers through the API what they may register on paper, no more
      throw new ApiException(403, null, "childcare applications of the office are registered by the tenant's "
          + "childcare staff", "利用申込みの登録は、この自治体の保育担当の職員（保育課）が行ってください。");
    }
    String hash = hash(request);
    var earlier = store.findByIdempotencyKey(request.tenantId(), caller, idempotencyKey);
    if (earlier.isPresent()) {
      return replay(earlier.get(), hash);
    }
    YearMonth month = notPast(month(request.admissionMonth()));
    int fiscalYear = HouseholdPoints.fiscalYearOf(month.atDay(1));
    // the platform's own look-up (outside systems hold no engine permission on decisions)
    if (AsPlatform.call(identity, () -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(HouseholdPoints.BASE_DECISION_PREFIX + fiscalYear).tenantIdIn(request.tenantId())
        .count()) == 0) {
      throw new ApiException(422, "admissionMonth", "admissionMonth: no points table of fiscal year " + fiscalYear,
          fiscalYear + "年度の指数表が登録されていないため、この入所月の申込みは受け付けられません。");
    }
    ApplicationContent content = content(caller, request);
    List<String> childKeys = childKeys(content);
    duplicateOf(request.tenantId(), month.toString(), content).ifPresent(d -> {
      throw duplicate(d, month, caller);
    });
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    ApplicationRow row = new ApplicationRow(id, request.tenantId(), caller, now, idempotencyKey, hash, fiscalYear,
        month.toString(), ChildcareStore.STAGE_RECEIVED, content, null, null, null, null, null);
    try {
      transactions.executeWithoutResult(status -> {
        store.insert(row);
        store.insertChildKeys(request.tenantId(), month.toString(), id, childKeys);
        // started by the platform once the caller's tenant was checked: outside systems hold no engine permission
        ProcessInstance pi = AsPlatform.call(identity, () -> runtime
            .createProcessInstanceByKey(ChildcareEnrollment.ID).businessKey(id)
            .setVariables(Map.of(ChildcareEnrollment.TENANT_ID, request.tenantId(),
                ChildcareEnrollment.APPLICATION_ID, id)).execute());
        store.processInstance(id, pi.getId());
      });
    } catch (DuplicateKeyException raced) {
      var first = store.findByIdempotencyKey(request.tenantId(), caller, idempotencyKey);
      if (first.isPresent()) {
        return replay(first.get(), hash);
      }
      // another application of the same child committed meanwhile
      throw duplicate(duplicateOf(request.tenantId(), month.toString(), content).orElseThrow(() -> raced), month,
          caller);
    }
    return new Intake(store.find(id).orElseThrow(), false);
  }

  /**
   * A paper application (紙の申込書) that childcare staff register from the Tasklist start form, inside the case that
   * start opened. Checked as an API request is (the same {@code content} checks, the same points-table check, an
   * admission month already past refused, the same child applied already for the tenant and month refused naming
   * that application, and the child keys written, so a later API application of the child is refused too: review
   * C4); the tenant is the staff member's (the case's), never a field. Idempotency: the Tasklist sends no key, so
   * the key is the paper itself (tenant and normalised content, hashed): the same paper registered again, by anybody,
   * is refused naming the application registered first. Runs in the caller's (the engine's) transaction.
   *
   * @throws ApiException with the Japanese sentence for staff (400 bad field or past month, 403 not childcare staff
   *     of the tenant, 409 registered before or the same child applied already, 422 no points table)
   */
  public ApplicationRow registerPaper(String staff, String tenantId, Request request, String processInstanceId) {
    if (staff == null || tenantId == null || !members.isMember(tenantId, staff) || !isChildcareStaff(staff, tenantId)) {
      throw new ApiException(403, null, "paper childcare applications are registered by the tenant's childcare staff",
          "紙の利用申込書の登録は、この自治体の保育担当の職員（保育課）が行ってください。");
    }
    YearMonth month = notPast(month(request.admissionMonth()));
    int fiscalYear = HouseholdPoints.fiscalYearOf(month.atDay(1));
    if (AsPlatform.call(identity, () -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(HouseholdPoints.BASE_DECISION_PREFIX + fiscalYear).tenantIdIn(tenantId)
        .count()) == 0) {
      throw new ApiException(422, "admissionMonth", "admissionMonth: no points table of fiscal year " + fiscalYear,
          fiscalYear + "年度の指数表が登録されていないため、この入所月の申込みは受け付けられません。");
    }
    ApplicationContent content = content(staff, request);
    String hash = hash(request);
    String paperKey = "paper:" + hash;
    store.findPaper(tenantId, paperKey).ifPresent(first -> {
      throw registeredBefore(first);
    });
    List<String> childKeys = childKeys(content);
    duplicateOf(tenantId, month.toString(), content).ifPresent(d -> {
      throw duplicate(d, month, staff);
    });
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    ApplicationRow row = new ApplicationRow(id, tenantId, staff, now, null, hash, fiscalYear, month.toString(),
        ChildcareStore.STAGE_RECEIVED, content, null, null, null, null, processInstanceId);
    try {
      store.insertPaper(row, paperKey);
    } catch (DuplicateKeyException raced) {
      throw store.findPaper(tenantId, paperKey).map(ChildcareApplicationService::registeredBefore)
          .orElseThrow(() -> raced);
    }
    try {
      store.insertChildKeys(tenantId, month.toString(), id, childKeys);
    } catch (DuplicateKeyException raced) {
      // another application of the child committed since the check; the engine's transaction is spoilt on some
      // databases, so nothing more is read: staff register the paper again and are then told which application
      throw new ApiException(409, "children", "children: the same child was applied for " + month + " meanwhile",
          "同じ児童の " + month + " 入所の申込みが同時に登録されました。もう一度登録すると、その申込みを確認できます。");
    }
    return store.find(id).orElseThrow();
  }

  private static ApiException registeredBefore(ApplicationRow first) {
    return new ApiException(409, null, "this paper application was registered before as application " + first.id(),
        "この申込書は既に登録されています（申込みID " + first.id() + "、" + first.createdBy()
            + " さんが登録）。同じ申込書を二重に登録することはできません。");
  }

  public record Withdrawal(ApplicationRow application, boolean replayed) {}

  static final int MAX_REASON = 500;

  /**
   * 取下げ: the submitting system (the caller that created the application, in its tenant) or, for a parent who asks
   * the office, the tenant's childcare staff ({@code <tenant>-hoiku}); 404 for everybody else. Closed at once (the
   * stage changes only from an open stage, so two requests never both withdraw) and the case is told in the same
   * transaction: it ends withdrawn, a round no longer collects it and a round's result is not delivered to it. A
   * repeated withdrawal answers the withdrawn application again; after enrolment (or when the case ended otherwise)
   * the answer is 409 naming why.
   */
  public Withdrawal withdraw(String caller, String id, String reason) {
    ApplicationRow application = store.find(id).filter(a -> members.isMember(a.tenantId(), caller))
        .filter(a -> caller.equals(a.createdBy()) || isChildcareStaff(caller, a.tenantId()))
        .orElseThrow(() -> ApiException.notFound("no application '" + id + "'"));
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && (why.length() > MAX_REASON || why.chars().anyMatch(c -> Character.isISOControl(c)
        && c != '\n'))) {
      throw ApiException.invalid("reason", "reason: at most " + MAX_REASON + " characters, no control characters",
          "取下げの理由は" + MAX_REASON + "文字以内で入力してください。");
    }
    if (ChildcareStore.STAGE_WITHDRAWN.equals(application.stage())) {
      return new Withdrawal(application, true);
    }
    refuseClosed(application);
    boolean withdrawn = Boolean.TRUE.equals(transactions.execute(status -> {
      if (!store.close(id, ChildcareStore.STAGE_WITHDRAWN)) {
        return false;
      }
      boolean staff = !caller.equals(application.createdBy());
      store.event(id, "withdrawal-requested", (staff ? "申込者の申出により職員が取下げを受け付けました。"
          : "申込者から取下げの申出がありました。") + (why == null ? "" : "理由: " + why), caller, clock.instant());
      // told by the platform after the checks above: neither outside systems nor staff correlate messages
      AsPlatform.call(identity, () -> runtime.createMessageCorrelation(ChildcareEnrollment.MSG_WITHDRAWN)
          .tenantId(application.tenantId()).processInstanceBusinessKey(id).correlateWithResult());
      return true;
    }));
    ApplicationRow now = store.find(id).orElseThrow();
    if (!withdrawn) {
      // another request (or the case itself) moved it meanwhile
      if (ChildcareStore.STAGE_WITHDRAWN.equals(now.stage())) {
        return new Withdrawal(now, true);
      }
      refuseClosed(now);
    }
    return new Withdrawal(now, false);
  }

  private static void refuseClosed(ApplicationRow application) {
    switch (application.stage()) {
      case ChildcareStore.STAGE_ENROLLED -> throw ApiException.conflict("application " + application.id()
          + " is enrolled: a withdrawal is no longer possible (a leaving notice ends the place)",
          "入所が決まった申込みは取り下げできません。退所する場合は、退所の届出をしてください。");
      case ChildcareStore.STAGE_DECLINED -> throw ApiException.conflict("application " + application.id()
          + " ended: the offer was declined", "この申込みは内定の辞退により終了しています。取下げは不要です。");
      case ChildcareStore.STAGE_CLOSED -> throw ApiException.conflict("application " + application.id()
          + " ended at the end of its fiscal year", "この申込みは年度末で終了しています。取下げは不要です。");
      default -> { }
    }
  }

  private boolean isChildcareStaff(String caller, String tenantId) {
    return Office.isStaffOrSupervisor(identity, caller) && AsPlatform.call(identity, () -> identity
        .createUserQuery().userId(caller).memberOfGroup(tenantId + "-hoiku").count()) > 0;
  }

  /**
   * The application (its points, the household's facts, the case's events) for its submitter, the tenant's childcare
   * staff ({@code <tenant>-hoiku}, 保育課) and the tenant's supervisors ({@code <tenant>-supervisors}), as allocation
   * runs are (review F9); everybody else, other staff of the same tenant included, gets 404 (review C1).
   */
  public ApplicationRow visible(String caller, String id) {
    return store.find(id).filter(a -> mayRead(caller, a))
        .orElseThrow(() -> ApiException.notFound("no application '" + id + "'"));
  }

  private boolean mayRead(String caller, ApplicationRow application) {
    return caller != null && members.isMember(application.tenantId(), caller) && (caller.equals(
        application.createdBy()) || inGroup(caller, application.tenantId() + "-hoiku")
        || inGroup(caller, application.tenantId() + "-" + Roles.SUPERVISORS));
  }

  private boolean inGroup(String caller, String group) {
    // the platform's own look-up: staff and outside systems hold no grant to read the directory
    return AsPlatform.call(identity, () -> identity.createUserQuery().userId(caller).memberOfGroup(group)
        .count()) > 0;
  }

  public List<ChildcareStore.EventRow> events(String id) {
    return store.events(id);
  }

  /** A child of the application that another live application of the tenant and month holds already. */
  private record Duplicate(int child, String applicationId) {}

  /** Stages after which a child may be applied for again (the keys of such an application are freed). */
  private static final Set<String> ENDED = Set.of(ChildcareStore.STAGE_WITHDRAWN, ChildcareStore.STAGE_DECLINED,
      ChildcareStore.STAGE_CLOSED);

  private java.util.Optional<Duplicate> duplicateOf(String tenantId, String month, ApplicationContent content) {
    for (int i = 0; i < content.children().size(); i++) {
      for (String key : ChildKeys.of(content.children().get(i), content.guardians())) {
        var holder = store.childKeyHolder(tenantId, month, key);
        if (holder.isEmpty()) {
          continue;
        }
        var held = store.find(holder.get());
        if (held.isEmpty() || ENDED.contains(held.get().stage())) {
          store.releaseChildKeys(holder.get());
          continue;
        }
        return java.util.Optional.of(new Duplicate(i, holder.get()));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The 409 of a child applied already: the existing application's id and month only for a caller who may read
   * that application ({@link #visible}); anybody else learns no more than that the office must be asked (review C8).
   */
  private ApiException duplicate(Duplicate d, YearMonth month, String caller) {
    String field = "children[" + d.child() + "]";
    if (store.find(d.applicationId()).filter(a -> mayRead(caller, a)).isEmpty()) {
      return new ApiException(409, field, field + ": this child cannot be applied for; the office can tell why",
          "同じ児童の申込みがすでにあります。窓口（保育課）にお問い合わせください。");
    }
    return new ApiException(409, field, field + ": the same child (name, birth date, guardian) has application "
        + d.applicationId() + " for " + month + " already", "同じ児童（氏名・生年月日・保護者が同じ）の " + month
        + " 入所の申込み（" + d.applicationId() + "）がすでにあります。内容を変えるときは、その申込みを取り下げてから"
        + "申し込んでください。");
  }

  /** The keys of every child; the same child twice in one application is refused (400). */
  private static List<String> childKeys(ApplicationContent content) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < content.children().size(); i++) {
      for (String key : ChildKeys.of(content.children().get(i), content.guardians())) {
        if (keys.contains(key)) {
          throw ApiException.invalid("children[" + i + "]", "children[" + i + "]: the same child twice",
              "同じ児童（氏名・生年月日）が2回入力されています。");
        }
        keys.add(key);
      }
    }
    return keys;
  }

  private static Intake replay(ApplicationRow earlier, String hash) {
    if (!earlier.requestSha256().equals(hash)) {
      throw new ApiException(422, "Idempotency-Key", "Idempotency-Key was used for a different request",
          "この Idempotency-Key は別の内容の申込みに使われています。");
    }
    return new Intake(earlier, true);
  }

  private ApplicationContent content(String caller, Request request) {
    if (request.guardians() == null || request.guardians().isEmpty() || request.guardians().size() > 2) {
      throw ApiException.invalid("guardians", "guardians: 1 or 2", "保護者は1人または2人を入力してください。");
    }
    Household household = request.household() == null
        ? new Household(false, false, false, false, false, 0) : request.household();
    if (request.guardians().size() == 1 && !household.singleParent()) {
      throw ApiException.invalid("guardians", "guardians: two unless household.singleParent",
          "ひとり親世帯でない場合は、保護者2人の状況を入力してください。");
    }
    int waiting = household.waitingMonths() == null ? 0 : household.waitingMonths();
    if (waiting < 0 || waiting > 120) {
      throw ApiException.invalid("household.waitingMonths", "household.waitingMonths: 0 to 120",
          "待機期間（月）は0から120の範囲で入力してください。");
    }
    List<ApplicationContent.Guardian> guardians = new ArrayList<>();
    for (int i = 0; i < request.guardians().size(); i++) {
      ApplicationContent.Guardian g = request.guardians().get(i);
      String field = "guardians[" + i + "]";
      CareReason reason = g == null ? null : CareReason.ofCode(g.reason());
      if (reason == null || reason == CareReason.ABSENT) {
        throw ApiException.invalid(field + ".reason", field + ".reason: work, other-work, pregnancy or none",
            "保育を必要とする事由（work, other-work, pregnancy, none）を指定してください。");
      }
      if (g.name() == null || g.name().isBlank() || g.name().length() > 100) {
        throw ApiException.invalid(field + ".name", field + ".name: required, at most 100 characters",
            "保護者の氏名を100文字以内で入力してください。");
      }
      if (hasControl(g.name())) {
        throw ApiException.invalid(field + ".name", field + ".name: no control characters (line breaks, tabs, NUL, "
            + "bidi controls)", "保護者" + (i + 1) + "の氏名に改行・タブなどの制御文字は使えません。");
      }
      try {
        new GuardianWork(reason, g.daysPerMonth(), g.hoursPerDay(), g.daysPerWeek(), g.hoursPerWeek());
      } catch (InvalidPointsInputException e) {
        throw ApiException.invalid(field + "." + e.field(), field + "." + e.field() + ": invalid", e.messageJa());
      }
      guardians.add(g);
    }
    if (request.children() == null || request.children().isEmpty() || request.children().size() > MAX_CHILDREN) {
      throw ApiException.invalid("children", "children: 1 to " + MAX_CHILDREN, "児童は1〜" + MAX_CHILDREN
          + "人を入力してください。");
    }
    Set<String> childIds = new HashSet<>();
    Set<String> facilities = null;
    LocalDate today = LocalDate.ofInstant(clock.instant(), jp.tetsuzuki.bpmn.rules.JapanTime.ZONE);
    for (int i = 0; i < request.children().size(); i++) {
      ApplicationContent.Child c = request.children().get(i);
      String field = "children[" + i + "]";
      if (c == null || c.childId() == null || !c.childId().matches(ID_PATTERN) || !childIds.add(c.childId())) {
        throw ApiException.invalid(field + ".childId", field + ".childId: unique, letters, digits, - and _",
            "児童ID は英数字・-・_の64文字以内で、重複しないように指定してください。");
      }
      if (c.birthDate() == null || c.birthDate().isAfter(today.plusYears(1))
          || c.birthDate().isBefore(today.minusYears(7))) {
        throw ApiException.invalid(field + ".birthDate", field + ".birthDate: YYYY-MM-DD of a preschool child",
            "生年月日を正しく入力してください。");
      }
      if (c.preferences() == null || c.preferences().isEmpty() || c.preferences().size() > MAX_PREFERENCES
          || c.preferences().stream().anyMatch(p -> p == null || !p.matches(ID_PATTERN))
          || new HashSet<>(c.preferences()).size() != c.preferences().size()) {
        throw ApiException.invalid(field + ".preferences", field + ".preferences: 1 to " + MAX_PREFERENCES
            + " distinct facility ids", "希望施設は1〜" + MAX_PREFERENCES + "施設を重複なく指定してください。");
      }
      if (c.currentFacilityId() != null && !c.currentFacilityId().matches(ID_PATTERN)) {
        throw ApiException.invalid(field + ".currentFacilityId", field + ".currentFacilityId: a facility id",
            "在籍施設の ID を正しく指定してください。");
      }
      // second attacker pass N7: a preference could name another municipality's facility or none at all; when the
      // tenant has its facility list (the nursery systems'), every preference and the current facility are on it
      if (facilities == null) {
        facilities = facilitiesOf.apply(request.tenantId());
      }
      if (!facilities.isEmpty()) {
        for (int p = 0; p < c.preferences().size(); p++) {
          if (!facilities.contains(c.preferences().get(p))) {
            throw ApiException.invalid(field + ".preferences[" + p + "]", field + ".preferences[" + p
                + "]: not a facility of tenant " + request.tenantId(), "第" + (p + 1) + "希望の施設「"
                + c.preferences().get(p) + "」はこの自治体の保育施設ではありません。");
          }
        }
        if (c.currentFacilityId() != null && !facilities.contains(c.currentFacilityId())) {
          throw ApiException.invalid(field + ".currentFacilityId", field + ".currentFacilityId: not a facility of "
              + "tenant " + request.tenantId(), "在籍施設「" + c.currentFacilityId() + "」はこの自治体の保育施設ではありません。");
        }
      }
      if (c.name() == null || c.name().isBlank() || c.name().length() > 100) {
        throw ApiException.invalid(field + ".name", field + ".name: required, at most 100 characters",
            "児童の氏名を100文字以内で入力してください。");
      }
      if (hasControl(c.name())) {
        throw ApiException.invalid(field + ".name", field + ".name: no control characters (line breaks, tabs, NUL, "
            + "bidi controls)", "児童" + (i + 1) + "の氏名に改行・タブなどの制御文字は使えません。");
      }
    }
    Integer pattern = request.siblingPattern();
    if (request.children().size() > 1 && (pattern == null || pattern < 1 || pattern > 7)) {
      throw ApiException.invalid("siblingPattern", "siblingPattern: 1 to 7 for two or more children",
          "きょうだいの希望（1〜7）を指定してください。");
    }
    List<ApplicationContent.Document> documents = request.documents() == null ? List.of() : request.documents();
    if (documents.size() > MAX_DOCUMENTS) {
      throw ApiException.invalid("documents", "documents: at most " + MAX_DOCUMENTS, "添付書類は"
          + MAX_DOCUMENTS + "件までです。");
    }
    Set<String> documentIds = new HashSet<>();
    for (int i = 0; i < documents.size(); i++) {
      ApplicationContent.Document d = documents.get(i);
      String field = "documents[" + i + "]";
      if (d == null || d.documentId() == null || !documentIds.add(d.documentId())
          || documentOf.apply(caller, d.documentId()).filter(f -> f.tenantId().equals(request.tenantId())).isEmpty()) {
        throw ApiException.invalid(field + ".documentId", field + ".documentId: a document this caller uploaded"
            + " for the tenant, once", "添付書類の文書ID が見つかりません（POST /api/v1/documents で登録した文書を指定）。");
      }
      boolean certificate = ApplicationContent.KIND_EMPLOYMENT_CERTIFICATE.equals(d.kind());
      if (!certificate && !ApplicationContent.KIND_OTHER.equals(d.kind())) {
        throw ApiException.invalid(field + ".kind", field + ".kind: employment-certificate or other",
            "書類の種類は employment-certificate（就労証明書）または other を指定してください。");
      }
      if (certificate && (d.guardianNumber() == null || d.guardianNumber() < 1
          || d.guardianNumber() > request.guardians().size())) {
        throw ApiException.invalid(field + ".guardianNumber", field + ".guardianNumber: 1 or 2",
            "就労証明書がどの保護者のものか（1または2）を指定してください。");
      }
    }
    return new ApplicationContent(guardians, household.singleParent(), household.siblingEnrolledAtFirstChoice(),
        household.parentalLeaveEnding(), household.welfare(), household.guardianPostedAway(), waiting, pattern,
        request.children(), documents.stream().map(d -> new ApplicationContent.Document(d.documentId(), d.kind(),
            d.guardianNumber(), documentOf.apply(caller, d.documentId()).map(StoredFile::fileName).orElse(null))).toList());
  }

  /** An admission month already past (Tokyo) is refused, on every path (review F11, C4). */
  private YearMonth notPast(YearMonth month) {
    if (month.isBefore(YearMonth.now(clock.withZone(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE)))) {
      throw ApiException.invalid("admissionMonth", "admissionMonth: " + month + " is in the past",
          "入所希望月（" + month + "）は過ぎています。今月以降を指定してください。");
    }
    return month;
  }

  private static YearMonth month(String text) {
    try {
      if (text != null && text.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(text);
      }
    } catch (DateTimeException e) {
      // below
    }
    throw ApiException.invalid("admissionMonth", "admissionMonth: YYYY-MM", "入所希望月を YYYY-MM で指定してください。");
  }

  /**
   * Whether a name holds a character that changes lines or the direction of text where staff read it: controls
   * (U+0000–U+001F, U+007F–U+009F: NUL, tab, line breaks), the line and paragraph separators U+2028/U+2029 and the
   * bidi controls (U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069). A name is one line of plain text (review C3).
   */
  static boolean hasControl(String text) {
    return text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x061C
        || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
  }

  private static String hash(Request request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(ChildcareStore.JSON.writeValueAsString(request)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
