package jp.tetsuzuki.processes.childcare.enrollment;

import static jp.tetsuzuki.bpmn.ChildcareEnrollment.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.ApplicationRow;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.DocumentRow;
import jp.tetsuzuki.processes.childcare.points.CareReason;
import jp.tetsuzuki.processes.childcare.points.GuardianWork;
import jp.tetsuzuki.processes.childcare.points.HouseholdFacts;
import jp.tetsuzuki.processes.childcare.points.HouseholdPoints;
import jp.tetsuzuki.processes.childcare.points.HouseholdScore;
import jp.tetsuzuki.processes.childcare.points.InvalidPointsInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The glue of {@code childcare-enrollment}: every step reads the application of the instance from our table (the
 * instance's tenant and business key must match the record), records what happened in the case history and moves
 * the stage. Rules live elsewhere (points: {@link HouseholdPoints}; placement: the allocation engine).
 */
public class ChildcareEnrollmentSteps {

  static final int MAX_RECOGNITION = 100_000;
  static final int MAX_NOTE = 500;
  static final int MAX_TEXT = 200;
  static final double VERIFY_BELOW = 0.80;
  /** Verification form fields with the recognition key they come from. */
  static final Map<String, String> VERIFIED_FIELDS = fields();
  static final Map<String, String> LABELS = labels();
  /** The variables of Task_ConfirmDeclaration's form: set on the case while the task is open, removed after. */
  static final List<String> DECLARATION_FIELDS = declarationFields();

  private final ChildcareStore store;
  private final HouseholdPoints points;

  public ChildcareEnrollmentSteps(ChildcareStore store, HouseholdPoints points) {
    this.store = store;
    this.points = points;
  }

  /** Registers a paper application of the Tasklist start form (the application service, wired by the platform). */
  @FunctionalInterface
  public interface PaperIntake {
    ApplicationRow register(String staff, String tenantId, ChildcareApplicationService.Request request,
        String processInstanceId);
  }

  private PaperIntake paperIntake;

  public void paperIntake(PaperIntake intake) {
    this.paperIntake = intake;
  }

  /**
   * Registration: the tenant's staff group, the end of the fiscal year (timer) and the certificates. A case the API
   * started is linked to its application already; a case started from the Tasklist start form (no application id:
   * the edge lets a start send only the form's fields) is a paper application, registered here by the application
   * service with the checks of every path, for the case's tenant (the staff member's) and by the authenticated
   * user, never by a variable.
   */
  public void register(DelegateExecution execution) {
    if (execution.getVariable(APPLICATION_ID) == null) {
      registerPaper(execution);
    }
    ApplicationRow application = linked(execution);
    execution.setVariable(CHILDCARE_GROUP, application.tenantId() + "-hoiku");
    LocalDateTime end = LocalDateTime.of(LocalDate.of(application.fiscalYear() + 1, 4, 1), LocalTime.MIDNIGHT);
    execution.setVariable(FISCAL_YEAR_END, end.atZone(JapanTime.ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    store.processInstance(application.id(), execution.getProcessInstanceId());
    store.event(application.id(), "registered", "申込みを受け付けました（" + application.admissionMonth() + " 入所希望、"
        + application.content().children().size() + "人）。", null, now());
  }

  private void registerPaper(DelegateExecution execution) {
    if (paperIntake == null) {
      throw new IllegalStateException("no paper intake wired: paper applications cannot be registered");
    }
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String staff = caller == null ? null : caller.getUserId();
    Map<String, Object> form = new LinkedHashMap<>();
    for (String key : PaperChildcareForm.KEYS) {
      org.camunda.bpm.engine.variable.value.TypedValue value = execution.getVariableTyped(key, false);
      if (value == null || value.getValue() == null) {
        continue;
      }
      if (value.getType() == null || !value.getType().isPrimitiveValueType()) {
        throw new BadUserRequestException("「" + key + "」は文字・数値・真偽値・日付で指定してください。 / variable '" + key
            + "': only primitive values are accepted");
      }
      form.put(key, value.getValue());
    }
    try {
      ApplicationRow application = paperIntake.register(staff, execution.getTenantId(),
          PaperChildcareForm.request(execution.getTenantId(), form), execution.getProcessInstanceId());
      execution.setVariable(APPLICATION_ID, application.id());
      // as on the API path: the case's tenant (the engine's, from the staff member) also as its variable
      execution.setVariable(TENANT_ID, execution.getTenantId());
      execution.setProcessBusinessKey(application.id());
      // the content now lives in the application record, as for the API path; the case keeps ids only
      PaperChildcareForm.KEYS.forEach(execution::removeVariable);
      store.event(application.id(), "paper-registered", "紙の申込書を職員が登録しました。", staff, now());
    } catch (jp.tetsuzuki.processes.api.ApiException refused) {
      String message = refused.japanese() != null ? refused.japanese() : refused.getMessage();
      throw refused.status() == 403 ? new AuthorizationException(message + " / " + refused.getMessage())
          : new BadUserRequestException(message + " / " + refused.getMessage());
    }
  }

  /** Multi-instance collection of the reading: the application's employment certificates. */
  public List<String> certificates(DelegateExecution execution) {
    return new ArrayList<>(store.documents(linked(execution).id()).stream()
        .filter(d -> ApplicationContent.KIND_EMPLOYMENT_CERTIFICATE.equals(d.kind()))
        .map(DocumentRow::documentId).toList());
  }

  /** Multi-instance collection of the inspection: every document not inspected yet. */
  public List<String> uninspected(DelegateExecution execution) {
    return new ArrayList<>(store.documents(linked(execution).id()).stream().filter(d -> d.inspection() == null)
        .map(DocumentRow::documentId).toList());
  }

  public void recordInspection(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    DocumentRow document = documentOf(execution, application);
    once(store.inspected(application.id(), document.documentId(), "accepted", null), document);
    store.event(application.id(), "document-inspected", "書類 " + document.documentId() + " を検査しました（受付可）。",
        null, now());
  }

  /** Refused, unreadable or inspection unavailable: kept with the document; staff see it in the verification. */
  public void recordRefusal(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    DocumentRow document = documentOf(execution, application);
    String reason = text(execution.getVariable(DocumentVariables.REFUSAL_REASON), MAX_NOTE,
        "書類を機械で検査できませんでした。職員が確認します。");
    once(store.inspected(application.id(), document.documentId(), "refused", reason), document);
    store.event(application.id(), "document-refused", "書類 " + document.documentId() + ": " + reason, null, now());
  }

  /** The OCR worker's fields (bounded JSON) and whether it asks for a look. */
  public void recordRecognition(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    DocumentRow document = documentOf(execution, application);
    Object value = execution.getVariable(DocumentVariables.RECOGNITION);
    String recognition = value instanceof String s && s.length() <= MAX_RECOGNITION ? s : null;
    JsonNode fields = recognition == null ? null : fieldsOf(recognition);
    boolean needs = fields == null || Boolean.TRUE.equals(execution.getVariable(DocumentVariables.NEEDS_VERIFICATION));
    store.recognition(application.id(), document.documentId(), fields == null ? null : recognition, needs);
    execution.removeVariable(DocumentVariables.RECOGNITION);
    store.event(application.id(), "certificate-read", "就労証明書 " + document.documentId() + " を読み取りました"
        + (needs ? "（要確認の項目あり）。" : "。"), null, now());
  }

  /** The certificate could not be read by machine: staff type every field in the verification. */
  public void recordUnread(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    DocumentRow document = documentOf(execution, application);
    store.recognition(application.id(), document.documentId(), null, true);
    String reason = text(execution.getVariable(DocumentVariables.REFUSAL_REASON), MAX_NOTE, "機械で読み取れませんでした");
    store.event(application.id(), "certificate-unread", "就労証明書 " + document.documentId() + " は" + reason
        + "。職員が入力します。", null, now());
  }

  /**
   * Verification starts: the extracted values prefill the form (on the certificate's own scope, so the submitted
   * values replace them there), the doubtful fields are listed, the scan is linked.
   */
  public void verificationStarted(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    ApplicationRow application = linked(execution);
    DocumentRow document = documentOf(execution, application);
    JsonNode fields = document.recognitionJson() == null ? null : fieldsOf(document.recognitionJson());
    List<String> doubts = new ArrayList<>();
    execution.setVariableLocal(GUARDIAN_NUMBER, document.guardianNumber() == null ? 1L
        : document.guardianNumber().longValue());
    for (Map.Entry<String, String> field : VERIFIED_FIELDS.entrySet()) {
      JsonNode read = fields == null ? null : fields.get(field.getValue());
      Object value = valueOf(field.getKey(), read);
      execution.setVariableLocal(field.getKey(), value);
      String label = LABELS.get(field.getKey());
      if (read == null || read.get("value") == null || read.get("value").isNull()) {
        doubts.add("- **" + label + "**: 読み取れませんでした（未入力）");
      } else if (read.path("confidence").asDouble(0) < VERIFY_BELOW || read.hasNonNull("reason")) {
        doubts.add("- **" + label + "**: 確信度 " + Math.round(read.path("confidence").asDouble(0) * 100) + "%"
            + (read.hasNonNull("reason") ? "（" + literal(read.get("reason").asText()) + "）" : ""));
      }
    }
    task.setVariableLocal(FIELDS_TO_CHECK_TEXT, doubts.isEmpty() ? "確認が必要な項目はありません。"
        : "次の項目を原本と照合してください:\n\n" + String.join("\n", doubts));
    // the scan comes from the staff document view for this very task, relative to the address staff use
    task.setVariableLocal(DOCUMENT_IMAGE_URL, jp.tetsuzuki.processes.document.StaffDocumentLinks.preview(
        task.getId(), document.documentId(), 1));
    task.setVariableLocal(DOCUMENT_IMAGE_TEXT, jp.tetsuzuki.processes.document.StaffDocumentLinks.markdownImage(
        "就労証明書の原本（1頁目）", task.getId(), document.documentId(), 1));
    task.setVariableLocal(DOCUMENT_LINK_TEXT, jp.tetsuzuki.processes.document.StaffDocumentLinks.markdownLink(
        task.getId(), document.documentId()));
  }

  /** Staff confirmed: the submitted values are checked, kept with the certificate, and each correction recorded. */
  public void verified(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Map<String, Object> confirmed = new LinkedHashMap<>();
    long guardian = number(task.getVariable(GUARDIAN_NUMBER), GUARDIAN_NUMBER, 1, 2, true).longValue();
    confirmed.put(GUARDIAN_NUMBER, guardian);
    confirmed.put(EMPLOYEE_NAME, textField(task, EMPLOYEE_NAME));
    confirmed.put(EMPLOYER_NAME, textField(task, EMPLOYER_NAME));
    confirmed.put(EMPLOYMENT_TYPE, textField(task, EMPLOYMENT_TYPE));
    confirmed.put(CERTIFICATION_DATE, textField(task, CERTIFICATION_DATE));
    Number days = number(task.getVariable(WORK_DAYS_PER_MONTH), WORK_DAYS_PER_MONTH, 0, 31, true);
    Number monthHours = number(task.getVariable(WORK_HOURS_PER_MONTH), WORK_HOURS_PER_MONTH, 0, 744, true);
    Number weekHours = number(task.getVariable(WORK_HOURS_PER_WEEK), WORK_HOURS_PER_WEEK, 0, 168, false);
    confirmed.put(WORK_DAYS_PER_MONTH, days.longValue());
    confirmed.put(WORK_HOURS_PER_MONTH, monthHours.doubleValue());
    confirmed.put(WORK_HOURS_PER_WEEK, weekHours == null ? null : weekHours.doubleValue());
    String comment = text(task.getVariable(VERIFICATION_COMMENT), MAX_NOTE, null);

    ApplicationRow application = linked(execution);
    DocumentRow document = documentOf(execution, application);
    JsonNode fields = document.recognitionJson() == null ? null : fieldsOf(document.recognitionJson());
    String by = caller(task);
    List<String> corrections = new ArrayList<>();
    for (Map.Entry<String, String> field : VERIFIED_FIELDS.entrySet()) {
      Object read = valueOf(field.getKey(), fields == null ? null : fields.get(field.getValue()));
      Object now = confirmed.get(field.getKey());
      if (!same(read, now)) {
        corrections.add(LABELS.get(field.getKey()) + ": " + shown(read) + " → " + shown(now));
      }
    }
    store.verified(application.id(), document.documentId(), ChildcareStore.json(confirmed), by, now());
    store.event(application.id(), corrections.isEmpty() ? "certificate-verified" : "certificate-corrected",
        "就労証明書 " + document.documentId() + "（保護者" + guardian + "）を確認しました"
            + (corrections.isEmpty() ? "（修正なし）" : "。修正: " + String.join("、", corrections))
            + (comment == null ? "" : "。備考: " + comment), by, now());
    for (String name : List.of(VERIFICATION_COMMENT, GUARDIAN_NUMBER)) {
      execution.removeVariable(name);
    }
  }

  /**
   * Declaration check starts (review F10/F11): what the parent declared is shown and prefilled, guardian by guardian
   * (a guardian whose certificate staff verified is marked and its fields hidden), with the household's adjustments;
   * the confirmed current facilities start empty, so a transfer claim counts only when staff enter it.
   */
  public void declarationStarted(DelegateTask task) {
    // prefilled on the case (as the certificate's on its scope), so the submitted values replace them there
    DelegateExecution execution = task.getExecution();
    ApplicationRow application = linked(execution);
    ApplicationContent content = application.content();
    java.util.Set<Integer> certified = certifiedGuardians(application);
    StringBuilder text = new StringBuilder("#### 申告内容\n\n");
    for (int number = 1; number <= 2; number++) {
      boolean present = number <= content.guardians().size();
      execution.setVariable(guardianField(number, GUARDIAN_PRESENT), present);
      execution.setVariable(guardianField(number, GUARDIAN_CERTIFIED), certified.contains(number));
      ApplicationContent.Guardian g = present ? content.guardians().get(number - 1) : null;
      execution.setVariable(guardianField(number, GUARDIAN_REASON), g == null ? null : g.reason());
      execution.setVariable(guardianField(number, GUARDIAN_DAYS_PER_MONTH), g == null || g.daysPerMonth() == null
          ? null : g.daysPerMonth().longValue());
      execution.setVariable(guardianField(number, GUARDIAN_HOURS_PER_DAY), g == null ? null : g.hoursPerDay());
      execution.setVariable(guardianField(number, GUARDIAN_DAYS_PER_WEEK), g == null || g.daysPerWeek() == null
          ? null : g.daysPerWeek().longValue());
      execution.setVariable(guardianField(number, GUARDIAN_HOURS_PER_WEEK), g == null ? null : g.hoursPerWeek());
      if (g != null) {
        // the parent's text is literal Markdown: one line, no list item, emphasis or link of its own (review C3)
        text.append("- **保護者").append(number).append("**（").append(literal(g.name())).append("）: ")
            .append(certified.contains(number) ? "就労証明書で確認済み（申告値は使いません）"
                : "就労証明書の確認なし。申告: " + declaredWork(g) + "。書類などで確認し、確認した値を入力してください")
            .append("\n");
      }
    }
    execution.setVariable(SINGLE_PARENT, content.singleParent());
    execution.setVariable(SIBLING_ENROLLED_AT_FIRST_CHOICE, content.siblingEnrolledAtFirstChoice());
    execution.setVariable(PARENTAL_LEAVE_ENDING, content.parentalLeaveEnding());
    execution.setVariable(WELFARE, content.welfare());
    execution.setVariable(GUARDIAN_POSTED_AWAY, content.guardianPostedAway());
    execution.setVariable(WAITING_MONTHS, (long) content.waitingMonths());
    text.append("- **世帯の状況（申告）**: ").append(adjustments(content.singleParent(),
        content.siblingEnrolledAtFirstChoice(), content.parentalLeaveEnding(), content.welfare(),
        content.guardianPostedAway(), content.waitingMonths())).append("\n");
    List<String> claims = content.children().stream().filter(c -> c.currentFacilityId() != null)
        .map(c -> c.childId() + "," + c.currentFacilityId()).toList();
    text.append("- **在籍施設（転園の申告）**: ").append(claims.isEmpty() ? "なし" : "「" + String.join("」「", claims)
        + "」（児童ID,施設ID）。入所記録・保育施設システムで確認できたものだけを下の欄に入力してください").append("\n");
    execution.setVariable(DECLARATION_TEXT, text.toString());
    execution.setVariable(CONFIRMED_CURRENT_FACILITIES, null);
  }

  /**
   * Staff confirmed the declaration: every value checked, kept as the confirmed declaration with who confirmed it,
   * and each change against the declaration recorded in the history.
   */
  public void declarationConfirmed(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    ApplicationRow application = linked(execution);
    ApplicationContent content = application.content();
    java.util.Set<Integer> certified = certifiedGuardians(application);
    List<ConfirmedDeclaration.Guardian> guardians = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    for (int number = 1; number <= content.guardians().size(); number++) {
      if (certified.contains(number)) {
        continue;
      }
      ApplicationContent.Guardian declared = content.guardians().get(number - 1);
      Object reasonValue = task.getVariable(guardianField(number, GUARDIAN_REASON));
      CareReason reason = reasonValue instanceof String r ? CareReason.ofCode(r) : null;
      if (reason == null || reason == CareReason.ABSENT) {
        throw new BadUserRequestException("保護者" + number + "の保育を必要とする事由を選んでください / "
            + guardianField(number, GUARDIAN_REASON) + ": work, other-work, pregnancy or none");
      }
      Number days = number(task.getVariable(guardianField(number, GUARDIAN_DAYS_PER_MONTH)),
          guardianField(number, GUARDIAN_DAYS_PER_MONTH), 0, 31, false);
      Number hours = number(task.getVariable(guardianField(number, GUARDIAN_HOURS_PER_DAY)),
          guardianField(number, GUARDIAN_HOURS_PER_DAY), 0, 24, false);
      Number weekDays = number(task.getVariable(guardianField(number, GUARDIAN_DAYS_PER_WEEK)),
          guardianField(number, GUARDIAN_DAYS_PER_WEEK), 0, 7, false);
      Number weekHours = number(task.getVariable(guardianField(number, GUARDIAN_HOURS_PER_WEEK)),
          guardianField(number, GUARDIAN_HOURS_PER_WEEK), 0, 168, false);
      ConfirmedDeclaration.Guardian confirmed = new ConfirmedDeclaration.Guardian(number, reason.code(),
          days == null ? null : days.intValue(), hours == null ? null : hours.doubleValue(),
          weekDays == null ? null : weekDays.intValue(), weekHours == null ? null : weekHours.doubleValue());
      try {
        new GuardianWork(reason, confirmed.daysPerMonth(), confirmed.hoursPerDay(), confirmed.daysPerWeek(),
            confirmed.hoursPerWeek());
      } catch (InvalidPointsInputException e) {
        throw new BadUserRequestException("保護者" + number + ": " + e.messageJa() + " / guardian" + number + " "
            + e.getMessage());
      }
      String who = "保護者" + number + " ";
      change(changes, who + "事由", reasonJa(declared.reason()), reasonJa(confirmed.reason()));
      change(changes, who + "1か月の就労日数", declared.daysPerMonth(), confirmed.daysPerMonth());
      change(changes, who + "1日の就労時間", declared.hoursPerDay(), confirmed.hoursPerDay());
      change(changes, who + "1週の就労日数", declared.daysPerWeek(), confirmed.daysPerWeek());
      change(changes, who + "1週の就労時間", declared.hoursPerWeek(), confirmed.hoursPerWeek());
      guardians.add(confirmed);
    }
    boolean singleParent = flag(task, SINGLE_PARENT);
    if (content.guardians().size() == 1 && !singleParent) {
      throw new BadUserRequestException("保護者が1人の申込みです。ひとり親世帯でない場合は、申込みを差し戻してください / "
          + SINGLE_PARENT + ": a household with one guardian must be single-parent");
    }
    boolean sibling = flag(task, SIBLING_ENROLLED_AT_FIRST_CHOICE);
    boolean leave = flag(task, PARENTAL_LEAVE_ENDING);
    boolean welfare = flag(task, WELFARE);
    boolean postedAway = flag(task, GUARDIAN_POSTED_AWAY);
    Number waitingValue = number(task.getVariable(WAITING_MONTHS), WAITING_MONTHS, 0, 120, false);
    int waiting = waitingValue == null ? 0 : waitingValue.intValue();
    change(changes, "ひとり親世帯", content.singleParent(), singleParent);
    change(changes, "きょうだい在園（第1希望）", content.siblingEnrolledAtFirstChoice(), sibling);
    change(changes, "育児休業の終了", content.parentalLeaveEnding(), leave);
    change(changes, "生活保護世帯", content.welfare(), welfare);
    change(changes, "単身赴任", content.guardianPostedAway(), postedAway);
    change(changes, "待機期間（月）", content.waitingMonths(), waiting);
    Map<String, String> current = currentFacilities(task.getVariable(CONFIRMED_CURRENT_FACILITIES), content);
    for (ApplicationContent.Child child : content.children()) {
      change(changes, "児童 " + child.childId() + " の在籍施設", child.currentFacilityId(),
          current.get(child.childId()));
    }
    String comment = text(task.getVariable(DECLARATION_COMMENT), MAX_NOTE, null);
    String by = caller(task);
    store.confirmDeclaration(application.id(), new ConfirmedDeclaration(guardians, singleParent, sibling, leave,
        welfare, postedAway, waiting, current), by, now());
    store.event(application.id(), changes.isEmpty() ? "declaration-confirmed" : "declaration-corrected",
        "申告内容を確認しました" + (changes.isEmpty() ? "（変更なし）" : "。変更: " + String.join("、", changes))
            + (comment == null ? "" : "。備考: " + comment), by, now());
    for (String name : DECLARATION_FIELDS) {
      execution.removeVariable(name);
    }
  }

  /** Points by the tenant's table of the fiscal year, from verified certificates and the confirmed declaration. */
  public void computePoints(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    ApplicationContent content = application.content();
    ConfirmedDeclaration confirmed = store.declaration(application.id()).orElseThrow(() ->
        new BadUserRequestException("申告内容が確認されていません / the declaration of application "
            + application.id() + " is not confirmed"));
    List<GuardianWork> guardians = new ArrayList<>();
    List<DocumentRow> certificates = store.documents(application.id()).stream()
        .filter(d -> d.verifiedJson() != null).toList();
    for (int i = 0; i < content.guardians().size(); i++) {
      int number = i + 1;
      GuardianWork verified = certificates.stream().map(d -> work(d.verifiedJson()))
          .filter(w -> w.number == number).map(w -> w.work).findFirst().orElse(null);
      if (verified == null) {
        // only what staff confirmed: a declared value nobody checked counts for nothing (review F11)
        ConfirmedDeclaration.Guardian g = confirmed.guardians().stream().filter(c -> c.number() == number)
            .findFirst().orElseThrow(() -> new BadUserRequestException("保護者" + number + "の就労が確認されていません"
                + " / guardian " + number + " is neither certified nor confirmed"));
        verified = new GuardianWork(Objects.requireNonNullElse(CareReason.ofCode(g.reason()), CareReason.NONE),
            g.daysPerMonth(), g.hoursPerDay(), g.daysPerWeek(), g.hoursPerWeek());
      }
      guardians.add(verified);
    }
    try {
      HouseholdScore score = points.score(application.tenantId(), application.fiscalYear(), new HouseholdFacts(
          guardians, confirmed.singleParent(), confirmed.siblingEnrolledAtFirstChoice(),
          confirmed.parentalLeaveEnding(), confirmed.welfare(), confirmed.guardianPostedAway(),
          confirmed.waitingMonths()));
      store.points(application.id(), score.total(), score.basePoints(), score.explanationJa());
      store.stage(application.id(), ChildcareStore.STAGE_AWAITING_ROUND);
      store.event(application.id(), "points", score.explanationJa(), null, now());
    } catch (InvalidPointsInputException e) {
      throw new BadUserRequestException(e.messageJa() + " / " + e.getMessage());
    }
  }

  /** 保留: no place this round; the case waits for the next round. */
  public void recordWaiting(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    store.event(application.id(), "waiting", "今回の利用調整では保留（待機）となりました。次回の利用調整を待ちます。"
        + (application.resultExplanation() == null ? "" : " " + application.resultExplanation()), null, now());
  }

  /** 内定: the facility the round placed the child at; staff arrange the interview and health check. */
  public void recordOffer(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    String places = offeredPlaces(application, false);
    execution.setVariable(OFFER_TEXT, "内定: " + offeredPlaces(application, true) + "。面接・健康診断の結果を入力してください。"
        + (application.resultExplanation() == null ? "" : "\n\n" + application.resultExplanation()));
    store.event(application.id(), "offered", places + " に内定しました。", null, now());
  }

  /**
   * 「南保育園（minami）」 (or 「施設 minami」), or per child of a household
   * 「児童 c1 → 南保育園（minami）、児童 c2 → 施設 kita（c3 は保留）」.
   */
  private String offeredPlaces(ApplicationRow application, boolean markdown) {
    String children = store.resultChildrenJson(application.id());
    if (children == null) {
      return facilityLabel(application.tenantId(), application.resultFacilityId(), markdown);
    }
    try {
      JsonNode list = ChildcareStore.JSON.readTree(children);
      if (list.size() <= 1) {
        return facilityLabel(application.tenantId(), application.resultFacilityId(), markdown);
      }
      List<String> placed = new ArrayList<>();
      List<String> waiting = new ArrayList<>();
      for (JsonNode c : list) {
        if ("offered".equals(c.path("outcome").asText())) {
          placed.add("児童 " + c.path("childId").asText() + " → "
              + facilityLabel(application.tenantId(), c.path("facilityId").asText(), markdown));
        } else {
          waiting.add(c.path("childId").asText());
        }
      }
      return String.join("、", placed) + (waiting.isEmpty() ? "" : "（" + String.join("・", waiting) + " は保留）");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The interview outcome must be one of the two answers (a missing one must not read as a decline). */
  public void interviewed(DelegateTask task) {
    Object outcome = task.getVariable(INTERVIEW_OUTCOME);
    if (!INTERVIEW_ENROLL.equals(outcome) && !INTERVIEW_DECLINE.equals(outcome)) {
      throw new BadUserRequestException("結果（入所する／辞退する）を選んでください / " + INTERVIEW_OUTCOME + ": must be "
          + INTERVIEW_ENROLL + " or " + INTERVIEW_DECLINE);
    }
    text(task.getVariable(INTERVIEW_COMMENT), MAX_NOTE, null);
  }

  /**
   * 入所決定: recorded, with an outbound event for the nursery system (the integration route that sends it is not
   * part of this model; it reads events of kind {@code nursery-enrollment-outbound}).
   */
  public void recordEnrollment(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    store.stage(application.id(), ChildcareStore.STAGE_ENROLLED);
    String comment = text(execution.getVariable(INTERVIEW_COMMENT), MAX_NOTE, null);
    store.event(application.id(), "enrolled", facilityLabel(application) + " への入所が決まりました。"
        + (comment == null ? "" : "備考: " + comment), null, now());
    store.event(application.id(), "nursery-enrollment-outbound", "保育施設システムへ入所情報を送信予定: "
        + facilityLabel(application) + "、" + application.admissionMonth() + " 入所。", null, now());
  }

  /** 「南保育園（minami）」 as the latest round named it, else 「施設 minami」 (newcomer review 7). */
  private String facilityLabel(ApplicationRow application) {
    return facilityLabel(application.tenantId(), application.resultFacilityId(), false);
  }

  /** The label; {@code markdown}: for a form's text, the name as literal Markdown (a round's text, review C3). */
  private String facilityLabel(String tenantId, String id, boolean markdown) {
    return store.facilityName(tenantId, id).map(name -> (markdown ? literal(name) : bounded(name, MAX_TEXT)) + "（"
        + id + "）").orElse("施設 " + id);
  }

  public void recordDecline(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    store.stage(application.id(), ChildcareStore.STAGE_DECLINED);
    String comment = text(execution.getVariable(INTERVIEW_COMMENT), MAX_NOTE, null);
    store.event(application.id(), "declined", "内定を辞退しました。" + (comment == null ? "" : "備考: " + comment), null,
        now());
  }

  public void recordWithdrawal(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    store.stage(application.id(), ChildcareStore.STAGE_WITHDRAWN);
    store.event(application.id(), "withdrawn", "申込みが取り下げられました。", null, now());
  }

  /**
   * The fiscal year's end (1 April 00:00 Tokyo) closes the case wherever it stands (documents, verification, waiting
   * for a round, an offer not yet answered): recorded with the reason and the stage it ended in, and the applicant
   * gets a notice in Japanese (an {@code applicant-notice} event of the application, which the parent's app reads
   * through {@code GET /api/v1/childcare/applications/{id}}).
   */
  public void recordFiscalYearEnd(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    String stage = STAGE_NAMES.getOrDefault(application.stage(), application.stage());
    if (!store.close(application.id(), ChildcareStore.STAGE_CLOSED)) {
      return; // closed meanwhile (withdrawn): nothing more to say
    }
    int year = application.fiscalYear();
    store.event(application.id(), "fiscal-year-ended", year + "年度の終了（" + (year + 1) + "年4月1日 0時）により、"
        + "「" + stage + "」の段階で申込みを終了しました。理由: 年度内に入所が決まらなかったため（申込みは年度ごとに受け付けます）。",
        null, now());
    store.event(application.id(), "applicant-notice", "【保育所等の利用申込みについて】" + year + "年度が終了したため、"
        + application.admissionMonth() + " 入所希望の申込み（申込みID " + application.id() + "）は終了しました。"
        + (ChildcareStore.STAGE_OFFERED.equals(application.stage()) ? "内定の手続（面接・健康診断）が年度内に終わらなかったため、内定も終了します。" : "")
        + (year + 1) + "年度も利用を希望される場合は、あらためて申込みをしてください。", null, now());
  }

  static final Map<String, String> STAGE_NAMES = Map.of(ChildcareStore.STAGE_RECEIVED, "受付（書類の検査）",
      ChildcareStore.STAGE_VERIFYING, "就労証明書の確認", ChildcareStore.STAGE_AWAITING_ROUND, "利用調整の結果待ち",
      ChildcareStore.STAGE_WAITING, "保留（次回の利用調整待ち）", ChildcareStore.STAGE_OFFERED, "内定（面接・健康診断待ち）");

  /** The application of the instance: same tenant, business key = application id. */
  ApplicationRow linked(DelegateExecution execution) {
    Object id = execution.getVariable(APPLICATION_ID);
    ApplicationRow application = id instanceof String s ? store.find(s).orElse(null) : null;
    if (application == null || !application.tenantId().equals(execution.getTenantId())
        || !application.id().equals(execution.getProcessBusinessKey())) {
      throw new AuthorizationException("この手続の申込みではありません / the instance is not linked to application " + id);
    }
    return application;
  }

  private DocumentRow documentOf(DelegateExecution execution, ApplicationRow application) {
    Object id = execution.getVariable(DocumentVariables.DOCUMENT_ID);
    return store.documents(application.id()).stream().filter(d -> d.documentId().equals(id)).findFirst()
        .orElseThrow(() -> new AuthorizationException("この申込みの書類ではありません / document " + id
            + " is not attached to application " + application.id()));
  }

  private static void once(boolean recorded, DocumentRow document) {
    if (!recorded) {
      throw new AuthorizationException("書類の検査は記録済みです / the inspection of document " + document.documentId()
          + " is recorded already");
    }
  }

  /** Guardians (1, 2) with a certificate staff verified. */
  private java.util.Set<Integer> certifiedGuardians(ApplicationRow application) {
    java.util.Set<Integer> numbers = new java.util.TreeSet<>();
    store.documents(application.id()).stream().filter(d -> d.verifiedJson() != null)
        .forEach(d -> numbers.add(work(d.verifiedJson()).number));
    return numbers;
  }

  private static String declaredWork(ApplicationContent.Guardian g) {
    List<String> parts = new ArrayList<>();
    parts.add("事由 " + reasonJa(g.reason()));
    if (g.daysPerMonth() != null) {
      parts.add("月" + g.daysPerMonth() + "日");
    }
    if (g.hoursPerDay() != null) {
      parts.add("1日" + shown(g.hoursPerDay()) + "時間");
    }
    if (g.daysPerWeek() != null) {
      parts.add("週" + g.daysPerWeek() + "日");
    }
    if (g.hoursPerWeek() != null) {
      parts.add("週" + shown(g.hoursPerWeek()) + "時間");
    }
    return String.join("・", parts);
  }

  private static String adjustments(boolean singleParent, boolean sibling, boolean leave, boolean welfare,
      boolean postedAway, int waiting) {
    List<String> parts = new ArrayList<>();
    if (singleParent) {
      parts.add("ひとり親世帯");
    }
    if (sibling) {
      parts.add("きょうだいが第1希望の施設に在園");
    }
    if (leave) {
      parts.add("育児休業の終了");
    }
    if (welfare) {
      parts.add("生活保護世帯");
    }
    if (postedAway) {
      parts.add("単身赴任");
    }
    if (waiting > 0) {
      parts.add("待機期間 " + waiting + "か月");
    }
    return parts.isEmpty() ? "調整事由の申告なし" : String.join("、", parts);
  }

  /** The Japanese label of a reason code for staff (就労, その他の就労, …); an unknown code as it is, none as null. */
  static String reasonJa(String code) {
    CareReason reason = code == null ? null : CareReason.ofCode(code);
    return reason == null ? code : reason.labelJa();
  }

  private static void change(List<String> changes, String label, Object declared, Object confirmed) {
    if (!same(declared, confirmed)) {
      changes.add(label + ": " + shownDeclared(declared) + " → " + shownDeclared(confirmed));
    }
  }

  private static String shownDeclared(Object value) {
    return value instanceof Boolean b ? (b ? "あり" : "なし") : shown(value);
  }

  private static boolean flag(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw new BadUserRequestException(name + " は はい／いいえ で指定してください / " + name + ": must be a boolean");
  }

  /** Lines {@code 児童ID,施設ID}: each a child of this application, at most once, with a facility id. */
  private static Map<String, String> currentFacilities(Object value, ApplicationContent content) {
    Map<String, String> confirmed = new java.util.TreeMap<>();
    if (value == null || (value instanceof String s && s.isBlank())) {
      return confirmed;
    }
    if (!(value instanceof String text) || text.length() > 2000) {
      throw new BadUserRequestException("在籍を確認した施設は2000文字以内の文字で入力してください / "
          + CONFIRMED_CURRENT_FACILITIES + ": text of at most 2000 characters");
    }
    java.util.Set<String> children = new java.util.HashSet<>();
    content.children().forEach(c -> children.add(c.childId()));
    String[] lines = text.strip().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split("[,、，]", -1);
      String child = cells[0].strip();
      String facility = cells.length == 2 ? cells[1].strip() : "";
      if (cells.length != 2 || !children.contains(child) || !facility.matches("[A-Za-z0-9_-]{1,64}")
          || confirmed.putIfAbsent(child, facility) != null) {
        throw new BadUserRequestException("在籍を確認した施設の" + (i + 1) + "行目: この申込みの児童IDと施設IDを「児童ID,施設ID」で"
            + "1児童1行で入力してください / " + CONFIRMED_CURRENT_FACILITIES + ": line " + (i + 1)
            + " must be childId,facilityId of a child of this application, once");
      }
    }
    return confirmed;
  }

  private record Verified(int number, GuardianWork work) {}

  private static Verified work(String verifiedJson) {
    try {
      JsonNode v = ChildcareStore.JSON.readTree(verifiedJson);
      int number = v.path(GUARDIAN_NUMBER).asInt(1);
      String type = v.path(EMPLOYMENT_TYPE).asText("");
      int days = v.path(WORK_DAYS_PER_MONTH).asInt(0);
      double monthHours = v.path(WORK_HOURS_PER_MONTH).asDouble(0);
      Double weekHours = v.hasNonNull(WORK_HOURS_PER_WEEK) ? v.get(WORK_HOURS_PER_WEEK).asDouble() : null;
      CareReason reason = type.contains("内職") ? CareReason.OTHER_WORK : CareReason.WORK;
      double hoursPerDay = days == 0 ? 0 : Math.round(monthHours / days * 100) / 100.0;
      Integer daysPerWeek = weekHours == null ? null : Math.min(7, days / 4);
      return new Verified(number, new GuardianWork(reason, days, hoursPerDay, daysPerWeek, weekHours));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode fieldsOf(String recognition) {
    try {
      JsonNode fields = ChildcareStore.JSON.readTree(recognition).get("fields");
      return fields != null && fields.isObject() ? fields : null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  /** The form value of a recognised field: numbers for the number fields, bounded text otherwise. */
  private static Object valueOf(String formField, JsonNode read) {
    if (read == null || read.get("value") == null || read.get("value").isNull()) {
      return null;
    }
    String value = read.get("value").asText();
    if (formField.equals(WORK_DAYS_PER_MONTH)) {
      try {
        return (long) Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (formField.equals(WORK_HOURS_PER_MONTH) || formField.equals(WORK_HOURS_PER_WEEK)) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return bounded(value, MAX_TEXT);
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  private static String shown(Object value) {
    return value == null ? "（なし）" : value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue())
        : value.toString();
  }

  private static String textField(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value != null && !(value instanceof String)) {
      throw new BadUserRequestException(LABELS.get(name) + "は文字で入力してください / " + name + ": must be text");
    }
    String text = value == null ? null : ((String) value).strip();
    if (text != null && text.length() > MAX_TEXT) {
      throw new BadUserRequestException(LABELS.get(name) + "は" + MAX_TEXT + "文字以内で入力してください / " + name
          + ": at most " + MAX_TEXT + " characters");
    }
    return text == null || text.isEmpty() ? null : text;
  }

  private static Number number(Object value, String name, double min, double max, boolean required) {
    String label = LABELS.getOrDefault(name, "保護者");
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        throw new BadUserRequestException(label + "を入力してください / " + name + ": required");
      }
      return null;
    }
    Double number = value instanceof Number n ? Double.valueOf(n.doubleValue()) : parse(value.toString());
    if (number == null || number.isNaN() || number < min || number > max) {
      throw new BadUserRequestException(label + "は" + (long) min + "から" + (long) max + "の数値で入力してください / "
          + name + ": a number from " + (long) min + " to " + (long) max);
    }
    return number;
  }

  private static Double parse(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(Object value, int max, String otherwise) {
    if (!(value instanceof String s) || s.isBlank()) {
      return otherwise;
    }
    return bounded(s.strip(), max);
  }

  /**
   * Outside text (a parent's name, a worker's reason, a facility name) inside the Markdown a staff form shows: one
   * line, bounded to {@link #MAX_TEXT}, every Markdown character escaped, by the platform's escaping of outside texts
   * in forms ({@link jp.tetsuzuki.processes.procedure.ApplicationDetails#escape}).
   */
  static String literal(String text) {
    return jp.tetsuzuki.processes.procedure.ApplicationDetails.escape(bounded(text, MAX_TEXT));
  }

  private static String bounded(String text, int max) {
    String clean = text.replaceAll("[\\p{Cntrl}&&[^\\n]]", "");
    return clean.length() > max ? clean.substring(0, max) : clean;
  }

  static String caller(DelegateTask task) {
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(EMPLOYEE_NAME, "employeeName");
    fields.put(EMPLOYER_NAME, "employerName");
    fields.put(EMPLOYMENT_TYPE, "employmentType");
    fields.put(CERTIFICATION_DATE, "certificationDate");
    fields.put(WORK_DAYS_PER_MONTH, "workDaysPerMonth");
    fields.put(WORK_HOURS_PER_MONTH, "workHoursPerMonth");
    fields.put(WORK_HOURS_PER_WEEK, "workHoursPerWeek");
    return java.util.Collections.unmodifiableMap(fields);
  }

  private static List<String> declarationFields() {
    List<String> names = new ArrayList<>(List.of(SINGLE_PARENT, SIBLING_ENROLLED_AT_FIRST_CHOICE,
        PARENTAL_LEAVE_ENDING, WELFARE, GUARDIAN_POSTED_AWAY, WAITING_MONTHS, DECLARATION_TEXT,
        CONFIRMED_CURRENT_FACILITIES, DECLARATION_COMMENT));
    for (int number = 1; number <= 2; number++) {
      for (String field : List.of(GUARDIAN_PRESENT, GUARDIAN_CERTIFIED, GUARDIAN_REASON, GUARDIAN_DAYS_PER_MONTH,
          GUARDIAN_HOURS_PER_DAY, GUARDIAN_DAYS_PER_WEEK, GUARDIAN_HOURS_PER_WEEK)) {
        names.add(guardianField(number, field));
      }
    }
    return List.copyOf(names);
  }

  private static Map<String, String> labels() {
    return Map.of(EMPLOYEE_NAME, "本人氏名", EMPLOYER_NAME, "事業所名", EMPLOYMENT_TYPE, "雇用形態",
        CERTIFICATION_DATE, "証明日", WORK_DAYS_PER_MONTH, "1か月の就労日数", WORK_HOURS_PER_MONTH, "1か月の就労時間",
        WORK_HOURS_PER_WEEK, "1週の就労時間", GUARDIAN_NUMBER, "保護者（1または2）");
  }
}
