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

  private final ChildcareStore store;
  private final HouseholdPoints points;
  private final String documentLinkBase;

  public ChildcareEnrollmentSteps(ChildcareStore store, HouseholdPoints points, String documentLinkBase) {
    this.store = store;
    this.points = points;
    this.documentLinkBase = documentLinkBase;
  }

  /** Registration: the tenant's staff group, the end of the fiscal year (timer) and the certificates. */
  public void register(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    execution.setVariable(CHILDCARE_GROUP, application.tenantId() + "-hoiku");
    LocalDateTime end = LocalDateTime.of(LocalDate.of(application.fiscalYear() + 1, 4, 1), LocalTime.MIDNIGHT);
    execution.setVariable(FISCAL_YEAR_END, end.atZone(JapanTime.ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    store.processInstance(application.id(), execution.getProcessInstanceId());
    store.event(application.id(), "registered", "申込みを受け付けました（" + application.admissionMonth() + " 入所希望、"
        + application.content().children().size() + "人）。", null, now());
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
            + (read.hasNonNull("reason") ? "（" + bounded(read.get("reason").asText(), MAX_TEXT) + "）" : ""));
      }
    }
    task.setVariableLocal(FIELDS_TO_CHECK_TEXT, doubts.isEmpty() ? "確認が必要な項目はありません。"
        : "次の項目を原本と照合してください:\n\n" + String.join("\n", doubts));
    // documentLinkBase: the webapps' address; the scan comes from the staff document view for this very task
    task.setVariableLocal(DOCUMENT_IMAGE_URL, documentLinkBase == null ? null
        : jp.tetsuzuki.processes.document.StaffDocumentLinks.preview(documentLinkBase, task.getId(),
            document.documentId(), 1));
    task.setVariableLocal(DOCUMENT_LINK_TEXT, documentLinkBase == null
        ? "原本は文書ID " + document.documentId() + " です（この画面には表示できません。文書管理で開いてください）。"
        : jp.tetsuzuki.processes.document.StaffDocumentLinks.markdownLink(documentLinkBase, task.getId(),
            document.documentId()));
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

  /** Points by the tenant's table of the fiscal year, from the verified certificates and the declared facts. */
  public void computePoints(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    ApplicationContent content = application.content();
    List<GuardianWork> guardians = new ArrayList<>();
    List<DocumentRow> certificates = store.documents(application.id()).stream()
        .filter(d -> d.verifiedJson() != null).toList();
    for (int i = 0; i < content.guardians().size(); i++) {
      int number = i + 1;
      ApplicationContent.Guardian declared = content.guardians().get(i);
      GuardianWork verified = certificates.stream().map(d -> work(d.verifiedJson()))
          .filter(w -> w.number == number).map(w -> w.work).findFirst().orElse(null);
      guardians.add(verified != null ? verified : new GuardianWork(
          Objects.requireNonNullElse(CareReason.ofCode(declared.reason()), CareReason.NONE),
          declared.daysPerMonth(), declared.hoursPerDay(), declared.daysPerWeek(), declared.hoursPerWeek()));
    }
    try {
      HouseholdScore score = points.score(application.tenantId(), application.fiscalYear(), new HouseholdFacts(
          guardians, content.singleParent(), content.siblingEnrolledAtFirstChoice(), content.parentalLeaveEnding(),
          content.welfare(), content.guardianPostedAway(), content.waitingMonths()));
      store.points(application.id(), score.total(), score.explanationJa());
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
    execution.setVariable(OFFER_TEXT, "内定: " + application.resultFacilityId() + "。面接・健康診断の結果を入力してください。"
        + (application.resultExplanation() == null ? "" : "\n\n" + application.resultExplanation()));
    store.event(application.id(), "offered", "施設 " + application.resultFacilityId() + " に内定しました。", null, now());
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
    store.event(application.id(), "enrolled", "施設 " + application.resultFacilityId() + " への入所が決まりました。"
        + (comment == null ? "" : "備考: " + comment), null, now());
    store.event(application.id(), "nursery-enrollment-outbound", "保育施設システムへ入所情報を送信予定: 施設 "
        + application.resultFacilityId() + "、" + application.admissionMonth() + " 入所。", null, now());
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

  public void recordFiscalYearEnd(DelegateExecution execution) {
    ApplicationRow application = linked(execution);
    store.stage(application.id(), ChildcareStore.STAGE_CLOSED);
    store.event(application.id(), "fiscal-year-ended", application.fiscalYear() + "年度が終了したため、申込みを終了しました。",
        null, now());
  }

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

  private static Map<String, String> labels() {
    return Map.of(EMPLOYEE_NAME, "本人氏名", EMPLOYER_NAME, "事業所名", EMPLOYMENT_TYPE, "雇用形態",
        CERTIFICATION_DATE, "証明日", WORK_DAYS_PER_MONTH, "1か月の就労日数", WORK_HOURS_PER_MONTH, "1か月の就労時間",
        WORK_HOURS_PER_WEEK, "1週の就労時間", GUARDIAN_NUMBER, "保護者（1または2）");
  }
}
