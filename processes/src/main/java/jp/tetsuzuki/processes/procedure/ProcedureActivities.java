package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private final ProcedureCatalog catalog;
  private final ApplicationStore store;
  private final Function<String, OfficeCalendar> calendars;
  private final TenantMembers members;
  private final ApplicationService applications;

  public ProcedureActivities(ProcedureCatalog catalog, ApplicationStore store,
      Function<String, OfficeCalendar> calendars, TenantMembers members, ApplicationService applications) {
    this.catalog = catalog;
    this.store = store;
    this.calendars = calendars;
    this.members = members;
    this.applications = applications;
  }

  /**
   * 到達. From the API the application exists already; from the Tasklist start form (a paper application) it is
   * created here with its real arrival date. Either way the case gets its deadlines.
   */
  public void registerArrival(DelegateExecution execution) {
    requireOwnModel(execution);
    String tenantId = (String) execution.getVariable(TENANT_ID);
    String applicationId = (String) execution.getVariable(APPLICATION_ID);
    ApplicationRecord application;
    if (applicationId == null) {
      application = registerPaperApplication(execution);
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

  /**
   * A paper application from the Tasklist start form: the form's fields are read back into a submission and
   * registered by the application service, with the checks, idempotency and events of every intake path. The
   * registering staff member is the authenticated user, never a variable. A refusal is the service's Japanese
   * sentence (400 bad field or registered before, 403 not a member of the tenant); nothing of the start remains.
   */
  private ApplicationRecord registerPaperApplication(DelegateExecution execution) {
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String staff = caller == null ? null : caller.getUserId();
    Map<String, Object> form = formValues(execution);
    try {
      ApplicationRecord application = applications.registerPaper(staff,
          PaperApplicationForm.submission(catalog, form), execution.getProcessInstanceId());
      // the content now lives in the application record, as for the other paths; the case keeps ids and small facts
      PaperApplicationForm.contentKeys(form).forEach(execution::removeVariable);
      return application;
    } catch (jp.tetsuzuki.processes.api.ApiException refused) {
      String message = refused.japanese() != null ? refused.japanese() : refused.getMessage();
      throw refused.status() == 403 ? new AuthorizationException(message) : new BadUserRequestException(message);
    }
  }

  /**
   * The start form's values as the form sends them: text, numbers, booleans and dates. A REST client may type a
   * variable Object (or File, Json…); reading it would run a deserializer on the client's text and end in a 500, so it
   * is refused, unread, as the client's mistake.
   */
  private static Map<String, Object> formValues(DelegateExecution execution) {
    org.camunda.bpm.engine.variable.VariableMap typed = execution.getVariablesTyped(false);
    Map<String, Object> form = new java.util.LinkedHashMap<>();
    for (String name : typed.keySet()) {
      org.camunda.bpm.engine.variable.value.TypedValue value = typed.getValueTyped(name);
      if (value.getType() == null || !value.getType().isPrimitiveValueType()) {
        String shown = name.length() <= 64 ? name : name.substring(0, 64) + "…";
        String type = value.getType() == null ? "untyped" : value.getType().getName();
        throw new BadUserRequestException("「" + shown + "」は文字・数値・真偽値・日付で指定してください（型 " + type
            + " は使えません）。 / variable '" + shown + "': type " + capitalized(type) + " is not accepted (use String,"
            + " a number type, Boolean or Date)");
      }
      form.put(name, value.getValue());
    }
    return form;
  }

  private static String capitalized(String type) {
    return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
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

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
