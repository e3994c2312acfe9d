package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.LegacyEntryVariables;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * 台帳への登録 after 許可 ({@code legacy-system-entry}): what the bot gets comes from the stored case and the catalog's
 * mapping; what it answers (record number, outcome, screen audit trail, the register's error messages) is checked
 * and bounded before it is stored with the case. When the bot cannot do it, staff enter by hand or let it retry.
 */
public class LegacyEntrySteps {

  static final String ENTERED_BY = "legacyEnteredBy";
  static final int MAX_AUDIT = 20_000;
  static final int MAX_AUDIT_STEPS = 200;
  static final int MAX_MESSAGES = 4_000;
  static final int MAX_NOTE = 1_000;
  private static final Pattern RECORD_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final List<String> OUTCOMES = List.of("ENTERED", "ALREADY_PRESENT");
  private static final List<String> AUDIT_FIELDS = List.of("at", "screen", "action", "outcome");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseRecords cases;

  LegacyEntrySteps(CaseRecords cases) {
    this.cases = cases;
  }

  /**
   * Start of the entry task: the bot's input, from the granted case as stored, with staff's corrections after a
   * validation error of the register (they stay for every later attempt).
   */
  public void prepareEntry(DelegateExecution execution) {
    Map<String, Object> entry = botInput(granted(execution));
    // a correction only replaces a field the register's mapping gives the bot: no other key reaches it
    corrections(execution).forEach((key, value) -> entry.computeIfPresent(key, (k, old) -> value));
    execution.setVariables(entry);
  }

  /** What the bot enters for the case as stored: case number, name, decision date and the catalog's mapping. */
  private Map<String, Object> botInput(ApplicationRecord application) {
    Procedure.LegacyRegister register = register(application);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(LegacyEntryVariables.CASE_NUMBER, application.id());
    Map<String, Object> applicant = ProcedureActivities.readData(application.applicantJson());
    Map<String, Object> data = ProcedureActivities.readData(application.dataJson());
    entry.put(LegacyEntryVariables.APPLICANT_NAME, applicant.get("name"));
    entry.put(LegacyEntryVariables.DECISION_DATE, ProcedureDeadlines.today(CaseRecords.now()).toString());
    Map<String, String> mapping = register.entry() == null ? Map.of() : register.entry();
    mapping.forEach((field, source) -> {
      Object value = source.startsWith("applicant.") ? applicant.get(source.substring("applicant.".length()))
          : data.get(source.substring("data.".length()));
      if (value instanceof Number n && field.equals(LegacyEntryVariables.AMOUNT)) {
        entry.put(field, n.longValue());
      } else {
        entry.put(field, value == null ? null : value.toString());
      }
    });
    return entry;
  }

  private static Map<String, Object> corrections(DelegateExecution execution) {
    Object stored = execution.getVariable(LEGACY_CORRECTIONS);
    if (!(stored instanceof String json)) {
      return Map.of();
    }
    try {
      Map<String, Object> values = new LinkedHashMap<>();
      JsonNode node = JSON.readTree(json);
      for (String key : LegacyCorrections.keys()) {
        JsonNode value = node.path(key);
        if (value.isNumber()) {
          values.put(key, value.longValue());
        } else if (value.isTextual()) {
          values.put(key, value.asText());
        }
      }
      return values;
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException("legacyCorrections is not a JSON object", e);
    }
  }

  /** The bot entered the case (or found it entered): its record number and screen audit trail go with the case. */
  public void recordEntry(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = granted(execution);
    String register = register(application).name();
    String number = WorkerResults.matching(execution.getVariable(LegacyEntryVariables.LEGACY_RECORD_NUMBER),
        RECORD_NUMBER).orElseThrow(() -> new ProcessEngineException("the legacy-system-entry worker answered no "
        + "valid record number (1..40 of A-Z, a-z, 0-9, -)"));
    String outcome = WorkerResults.matching(execution.getVariable(LegacyEntryVariables.LEGACY_ENTRY_OUTCOME),
        Pattern.compile(String.join("|", OUTCOMES))).orElseThrow(() -> new ProcessEngineException(
        "the legacy-system-entry worker answered no outcome of " + OUTCOMES));
    String audit = audit(execution.getVariable(LegacyEntryVariables.LEGACY_ENTRY_AUDIT));
    cases.store().legacyEntry(application.id(), new ApplicationStore.LegacyEntry(register, outcome.toLowerCase()
        .replace('_', '-'), number, audit, null, null, now));
    cases.store().event(application.id(), "legacy-entered", EventTexts.text("legacy.entered", register, number,
        outcome.equals("ALREADY_PRESENT") ? EventTexts.text("legacy.already-present") : ""), null, now);
  }

  /** LEGACY_VALIDATION_FAILED: the register's messages (bounded) and the trail are stored; staff see them. */
  public void recordValidationFailure(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = granted(execution);
    String register = register(application).name();
    String messages = WorkerResults.text(execution.getVariable(LegacyEntryVariables.LEGACY_VALIDATION_ERRORS),
        MAX_MESSAGES).orElse("");
    String audit = audit(execution.getVariable(LegacyEntryVariables.LEGACY_ENTRY_AUDIT));
    cases.store().legacyEntry(application.id(), new ApplicationStore.LegacyEntry(register, "validation-failed", null,
        audit, messages, null, now));
    String text = EventTexts.text("legacy.validation-failed", register, messages);
    execution.setVariable(LEGACY_PROBLEM, text);
    execution.setVariable(LEGACY_FAILURE, LEGACY_FAILURE_VALIDATION);
    cases.store().event(application.id(), "legacy-validation-failed", text, null, now);
  }

  /** The entry did not succeed in time (the bot's retries ended in an incident, or it is still failing). */
  public void recordOutage(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = granted(execution);
    String register = register(application).name();
    cases.store().legacyEntry(application.id(), new ApplicationStore.LegacyEntry(register, "outage", null, null,
        null, null, now));
    String text = EventTexts.text("legacy.outage", register);
    execution.setVariable(LEGACY_PROBLEM, text);
    execution.setVariable(LEGACY_FAILURE, LEGACY_FAILURE_OUTAGE);
    cases.store().event(application.id(), "legacy-outage", text, null, now);
  }

  /**
   * The staff task opens empty: a choice, note or record number of an earlier round (kept as case variables), or a
   * record number the bot reported, is no answer of this round.
   */
  public void opened(DelegateTask task) {
    task.getExecution().removeVariable(LEGACY_ACTION);
    task.getExecution().removeVariable(LEGACY_NOTE);
    task.getExecution().removeVariable(LEGACY_RECORD_NUMBER);
  }

  /** Staff's answer at {@code Task_EnterLegacyByHand}: checked before the gateway reads it. */
  public void handled(DelegateTask task) {
    String user = ReviewSteps.caller(task);
    if (user == null) {
      throw new BadUserRequestException(EventTexts.text("review.no-reviewer"));
    }
    Object action = task.getVariable(LEGACY_ACTION);
    Object note = task.getVariable(LEGACY_NOTE);
    if (note != null && (!(note instanceof String text) || text.length() > MAX_NOTE)) {
      throw new BadUserRequestException(EventTexts.text("legacy.note-too-long", String.valueOf(MAX_NOTE)));
    }
    if (LEGACY_ACTION_MANUAL.equals(action) || LEGACY_ACTION_RETRY.equals(action)) {
      // corrected values only go with 値を直して再実行する; with another choice they would be stored unchecked
      // (without a choice the task is refused anyway and nothing is stored)
      List<String> sent = changedCorrectionFields(task);
      if (!sent.isEmpty()) {
        throw new BadUserRequestException(EventTexts.text("legacy.corrections-without-correct")
            + " / correction fields " + sent + " are accepted with legacyAction=correct only");
      }
    }
    if (LEGACY_ACTION_MANUAL.equals(action)) {
      Object number = task.getVariable(LEGACY_RECORD_NUMBER);
      if (number == null || number.toString().isBlank()) {
        throw new BadUserRequestException(EventTexts.text("legacy.no-record-number"));
      }
      if (WorkerResults.matching(number, RECORD_NUMBER).isEmpty()) {
        throw new BadUserRequestException(EventTexts.text("legacy.bad-record-number"));
      }
      granted(task.getExecution());
      task.getExecution().setVariable(ENTERED_BY, user);
    } else if (LEGACY_ACTION_RETRY.equals(action)) {
      if (LEGACY_FAILURE_VALIDATION.equals(task.getExecution().getVariable(LEGACY_FAILURE))) {
        throw new BadUserRequestException(EventTexts.text("legacy.retry-after-validation"));
      }
      ApplicationRecord application = granted(task.getExecution());
      cases.store().event(application.id(), "legacy-retry", EventTexts.text("legacy.retry",
          register(application).name(), EventTexts.inParentheses(note)), user, CaseRecords.now());
    } else if (LEGACY_ACTION_CORRECT.equals(action)) {
      if (!LEGACY_FAILURE_VALIDATION.equals(task.getExecution().getVariable(LEGACY_FAILURE))) {
        throw new BadUserRequestException(EventTexts.text("legacy.correct-without-validation"));
      }
      correct(task, user, note);
    } else {
      throw new BadUserRequestException(EventTexts.text("legacy.no-action"));
    }
  }

  /** The correction fields whose value is no longer what the bot was given (the form shows them prefilled). */
  private List<String> changedCorrectionFields(DelegateTask task) {
    Map<String, Object> given = botInput(granted(task.getExecution()));
    corrections(task.getExecution()).forEach((key, value) -> given.computeIfPresent(key, (k, old) -> value));
    List<String> changed = new java.util.ArrayList<>();
    for (String key : LegacyCorrections.keys()) {
      Object now = task.getVariable(key);
      Object before = given.get(key);
      boolean same = before == null ? now == null || now.toString().isBlank()
          : now != null && before.toString().equals(now.toString());
      if (!same) {
        changed.add(key);
      }
    }
    return changed;
  }

  /**
   * Staff corrected the refused values (only those the register's messages name): checked as the register would,
   * kept for the next attempts, and recorded with the case. The history names the fields and shows the 月額 before
   * and after; the other values are the applicant's personal data and their before → after is kept in the register
   * trail ({@code tz_application_legacy_entry}), which only staff read.
   */
  private void correct(DelegateTask task, String user, Object note) {
    ApplicationRecord application = granted(task.getExecution());
    Map<String, Object> given = botInput(application);
    corrections(task.getExecution()).forEach((key, value) -> given.computeIfPresent(key, (k, old) -> value));
    Map<String, Object> submitted = new LinkedHashMap<>();
    for (String key : LegacyCorrections.keys()) {
      if (task.getVariableNamesLocal().contains(key) || task.getExecution().hasVariable(key)) {
        submitted.put(key, task.getVariable(key));
      }
    }
    Map<LegacyCorrections.Field, Object> changed;
    try {
      String messages = WorkerResults.text(task.getExecution().getVariable(
          LegacyEntryVariables.LEGACY_VALIDATION_ERRORS), MAX_MESSAGES).orElse("");
      changed = LegacyCorrections.changes(given, submitted, LegacyCorrections.refused(messages),
          ProcedureDeadlines.today(CaseRecords.now()));
    } catch (LegacyCorrections.Refused e) {
      throw new BadUserRequestException(e.getMessage());
    }
    ObjectNode kept = JSON.createObjectNode();
    corrections(task.getExecution()).forEach((key, value) -> kept.putPOJO(key, value));
    changed.forEach((field, value) -> kept.putPOJO(field.key, value));
    task.getExecution().setVariable(LEGACY_CORRECTIONS, kept.toString());
    Instant now = CaseRecords.now();
    String register = register(application).name();
    List<String> shown = new java.util.ArrayList<>();
    List<String> trail = new java.util.ArrayList<>();
    changed.forEach((field, value) -> {
      Object before = given.get(field.key);
      String change = field.label + "：" + (before == null ? "（なし）" : before) + " → " + value;
      shown.add(field == LegacyCorrections.Field.AMOUNT ? change : field.label);
      trail.add(change);
    });
    String fields = String.join("、", shown);
    cases.store().legacyEntry(application.id(), new ApplicationStore.LegacyEntry(register, "corrected", null, null,
        String.join("\n", trail), user, now));
    cases.store().event(application.id(), "legacy-corrected", EventTexts.text("legacy.corrected", register, fields,
        EventTexts.inParentheses(note)), user, now);
  }

  /** Staff entered the case by hand: the record number they give and who they are go with the case. */
  public void recordManualEntry(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = granted(execution);
    String register = register(application).name();
    String number = WorkerResults.matching(execution.getVariable(LEGACY_RECORD_NUMBER), RECORD_NUMBER)
        .orElseThrow(() -> new BadUserRequestException(EventTexts.text("legacy.bad-record-number")));
    String user = ReviewSteps.stringOrNull(execution.getVariable(ENTERED_BY));
    String note = WorkerResults.text(execution.getVariable(LEGACY_NOTE), MAX_NOTE).orElse(null);
    cases.store().legacyEntry(application.id(), new ApplicationStore.LegacyEntry(register, "entered-by-hand", number,
        null, note, user, now));
    cases.store().event(application.id(), "legacy-entered-by-hand", EventTexts.text("legacy.manual", register,
        number, EventTexts.inParentheses(note)), user, now);
  }

  /** Only a granted case goes into a register. */
  private ApplicationRecord granted(DelegateExecution execution) {
    ApplicationRecord application = cases.linked(execution);
    if (!OUTCOME_GRANTED.equals(application.outcome())) {
      throw new AuthorizationException(EventTexts.text("not-decided", application.id(), application.stage())
          + " / only a granted application is entered into a legacy register");
    }
    return application;
  }

  private Procedure.LegacyRegister register(ApplicationRecord application) {
    return Optional.ofNullable(cases.procedureOf(application).legacyRegister()).orElseThrow(
        () -> new ProcessEngineException("procedure " + application.procedureCode() + " names no legacy register"));
  }

  /**
   * The bot's trail as untrusted JSON: an array of at most {@value #MAX_AUDIT_STEPS} steps, each reduced to its
   * known fields (short texts), so nothing else a worker sends is stored.
   */
  static String audit(Object value) {
    if (!(value instanceof String text) || text.length() > MAX_AUDIT * 5) {
      return "[]";
    }
    try {
      JsonNode steps = JSON.readTree(text);
      ArrayNode kept = JSON.createArrayNode();
      if (steps != null && steps.isArray()) {
        for (JsonNode step : steps) {
          if (kept.size() >= MAX_AUDIT_STEPS || !step.isObject()) {
            break;
          }
          ObjectNode clean = kept.addObject();
          for (String field : AUDIT_FIELDS) {
            WorkerResults.text(step.path(field).isValueNode() ? step.path(field).asText() : null, 200)
                .ifPresent(v -> clean.put(field, v));
          }
        }
      }
      String out = JSON.writeValueAsString(kept);
      return out.length() <= MAX_AUDIT ? out : "[]";
    } catch (JsonProcessingException e) {
      return "[]";
    }
  }
}
