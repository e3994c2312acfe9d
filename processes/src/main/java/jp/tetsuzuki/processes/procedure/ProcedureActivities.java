package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * 到達 of {@code administrative-procedure} ({@code ${procedureActivities.registerArrival(execution)}}): links the
 * application to its case, or registers a paper application from the start form. The later steps have their own
 * delegates ({@link CompletenessSteps}, {@link DocumentInspectionSteps}, {@link CorrectionSteps}, {@link ReviewSteps},
 * {@link DecisionSteps}, {@link LegacyEntrySteps}, {@link NoticeSteps}). Time is the engine's clock, so timers and
 * deadlines agree in tests.
 */
public class ProcedureActivities {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Bounds of the paper form's free text, checked before anything is stored. */
  static final int MAX_APPLICANT_NAME = 200;
  static final int MAX_APPLICATION_DATA = 20_000;

  private final ProcedureCatalog catalog;
  private final ApplicationStore store;
  private final Function<String, OfficeCalendar> calendars;
  private final TenantMembers members;

  public ProcedureActivities(ProcedureCatalog catalog, ApplicationStore store,
      Function<String, OfficeCalendar> calendars, TenantMembers members) {
    this.catalog = catalog;
    this.store = store;
    this.calendars = calendars;
    this.members = members;
  }

  /**
   * 到達. From the API the application exists already; from the Tasklist start form (a paper application) it is
   * created here with its real arrival date. Either way the case gets its deadlines.
   */
  public void registerArrival(DelegateExecution execution) {
    requireOwnModel(execution);
    Instant now = now();
    String tenantId = (String) execution.getVariable(TENANT_ID);
    String applicationId = (String) execution.getVariable(APPLICATION_ID);
    ApplicationRecord application;
    if (applicationId == null) {
      application = registerPaperApplication(execution, tenantId, now);
      execution.setVariable(APPLICATION_ID, application.id());
      execution.setProcessBusinessKey(application.id());
    } else {
      application = store.get(applicationId);
      if (!application.tenantId().equals(execution.getTenantId())) {
        throw new AuthorizationException("申請 " + applicationId + " はこの自治体の申請ではありません。 / application "
            + applicationId + " does not belong to tenant " + execution.getTenantId());
      }
    }
    if (!store.linkProcess(application.id(), execution.getProcessInstanceId())) {
      throw new AuthorizationException("申請 " + application.id() + " は既に別の案件で処理中です。 / application "
          + application.id() + " is handled by another case already");
    }
    Procedure procedure = procedureOf(application);
    execution.setVariable(PROCEDURE_CODE, procedure.code());
    execution.setVariable(PROCEDURE_NAME, procedure.name());
    execution.setVariable(RECEIVED_ON, application.receivedOn().toString());
    execution.setVariable(REVIEW_GROUP, procedure.reviewGroup(tenantId));
    execution.setVariable(REVIEW_DEPARTMENT, procedure.review().department());
    execution.setVariable(APPLICANT_NAME, applicantName(application));
    setDeadlines(execution, calendars.apply(tenantId), application.dueDate());
  }

  private ApplicationRecord registerPaperApplication(DelegateExecution execution, String tenantId, Instant now) {
    String code = (String) execution.getVariable(PROCEDURE_CODE);
    Procedure procedure = catalog.find(code).filter(p -> p.offeredIn(tenantId)).orElseThrow(
        () -> new BadUserRequestException("手続「" + code + "」は自治体 " + tenantId + " では扱っていません。"));
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = caller == null ? null : caller.getUserId();
    if (user != null && !members.isMember(tenantId, user)) {
      throw new AuthorizationException("自治体 " + tenantId + " の申請を登録する権限がありません。");
    }
    LocalDate receivedOn = receivedOn(execution.getVariable(RECEIVED_ON), now);
    String applicantName = (String) execution.getVariable(APPLICANT_NAME);
    if (applicantName == null || applicantName.isBlank()) {
      throw new BadUserRequestException("申請者の氏名・名称を入力してください。");
    }
    if (applicantName.length() > MAX_APPLICANT_NAME) {
      throw new BadUserRequestException("申請者の氏名・名称は " + MAX_APPLICANT_NAME + " 文字以内で入力してください。");
    }
    String data = (String) execution.getVariable(APPLICATION_DATA);
    if (data != null && data.length() > MAX_APPLICATION_DATA) {
      throw new BadUserRequestException("申請内容は " + MAX_APPLICATION_DATA + " 文字以内で入力してください。");
    }
    Map<String, Object> parsed = new LinkedHashMap<>();
    if (data != null && !data.isBlank()) {
      try {
        parsed = JSON.readValue(data, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
            Object.class));
      } catch (JsonProcessingException e) {
        throw new BadUserRequestException("申請内容は JSON 形式で入力してください（例: {\"roadName\": \"区道1号\"}）。");
      }
      for (String key : parsed.keySet()) {
        if (procedure.field(key).isEmpty()) {
          throw new BadUserRequestException("申請内容の項目「" + key + "」はこの手続にありません。");
        }
        if (procedure.field(key).get().type().equals("individual-number")) {
          throw new BadUserRequestException("個人番号はここに入力しないでください。");
        }
      }
    }
    OfficeCalendar calendar = calendars.apply(tenantId);
    LocalDate due = ProcedureDeadlines.dueDate(calendar, procedure, receivedOn, List.of());
    String id = UUID.randomUUID().toString();
    ApplicationRecord application = new ApplicationRecord(id, tenantId, procedure.code(), procedure.version(),
        execution.getProcessInstanceId(), ApplicationRecord.CHANNEL_PAPER, ApplicationRecord.STATUS_RECEIVED,
        ApplicationRecord.STAGE_ARRIVAL, receivedOn, due, false, null, 0, null,
        json(Map.of("name", applicantName)), json(parsed), null, null, user == null ? "system" : user, now);
    store.insert(application, now);
    store.event(id, "received", "紙の申請書を登録しました（到達日 " + receivedOn + "、処理期限 " + due + "）。", user, now);
    return application;
  }

  private void setDeadlines(DelegateExecution execution, OfficeCalendar calendar, LocalDate due) {
    execution.setVariable(DUE_DATE, due.toString());
    execution.setVariable(DUE_AT, Date.from(ProcedureDeadlines.dueAt(due)));
    execution.setVariable(REMINDER_AT, Date.from(ProcedureDeadlines.reminderAt(calendar, due)));
    execution.setVariable(ESCALATION_AT, Date.from(ProcedureDeadlines.escalationAt(calendar, due)));
  }

  private Procedure procedureOf(ApplicationRecord application) {
    return catalog.find(application.procedureCode(), application.procedureVersion()).orElseThrow(() -> new ProcessEngineException(
        "procedure " + application.procedureCode() + " is no longer in the catalog"));
  }

  /**
   * The glue acts for the platform's own model only: a tenant designer's model calling these methods (with a timer
   * start, as nobody) would otherwise register and decide applications without review or 決裁. Tenant deployments
   * cannot reuse the shared model's key (deployment guard), so the key identifies it.
   */
  static void requireOwnModel(DelegateExecution execution) {
    String key = jp.tetsuzuki.processes.engine.RunningModel.keyOf(execution);
    if (!ID.equals(key)) {
      throw new AuthorizationException("この処理は行政手続の標準モデルからだけ呼び出せます。 / the procedure glue runs only in "
          + "model '" + ID + "', not in '" + key + "'");
    }
  }

  private static String applicantName(ApplicationRecord application) {
    try {
      return JSON.readTree(application.applicantJson()).path("name").asText(null);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static Map<String, Object> readData(String json) {
    try {
      return JSON.readValue(json, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
          Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored application data is not JSON", e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDate receivedOn(Object value, Instant now) {
    LocalDate date;
    if (value instanceof Date d) {
      date = d.toInstant().atZone(ProcedureDeadlines.TOKYO).toLocalDate();
    } else if (value instanceof String s && !s.isBlank()) {
      try {
        date = LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
      } catch (DateTimeParseException e) {
        throw new BadUserRequestException("到達日は YYYY-MM-DD の形式で入力してください。");
      }
    } else {
      throw new BadUserRequestException("到達日を入力してください。");
    }
    if (date.isAfter(ProcedureDeadlines.today(now))) {
      throw new BadUserRequestException("到達日に未来の日付は指定できません。");
    }
    return date;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
