package jp.tetsuzuki.workers.rpa;

import java.time.LocalDate;
import java.util.Map;
import jp.tetsuzuki.bpmn.Errors;
import jp.tetsuzuki.bpmn.LegacyEntryVariables;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.workers.support.Retries;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Enters an approved case into the legacy system: validation errors of the legacy form are a business outcome
 * ({@code LEGACY_VALIDATION_FAILED}, staff correct the data); anything else is retried with back-off. Redelivery is
 * safe because the bot searches before it enters. The audit trail goes back to the process in every outcome.
 */
@Component
@ExternalTaskSubscription(topicName = Topics.LEGACY_SYSTEM_ENTRY, variableNames = {
    LegacyEntryVariables.CASE_NUMBER, LegacyEntryVariables.APPLICANT_NAME, LegacyEntryVariables.APPLICANT_NAME_KANA,
    LegacyEntryVariables.APPLICANT_BIRTH_DATE, LegacyEntryVariables.POSTAL_CODE, LegacyEntryVariables.ADDRESS,
    LegacyEntryVariables.DECISION_DATE, LegacyEntryVariables.AMOUNT})
class LegacySystemEntryHandler implements ExternalTaskHandler {

  private static final Logger log = LoggerFactory.getLogger(LegacySystemEntryHandler.class);
  /** Lock renewed after every screen step: one step is a request of seconds; the legacy system can be slow. */
  static final long LOCK_PER_STEP_MILLIS = 2 * 60_000L;

  private final LegacyEntryBot bot;

  LegacySystemEntryHandler(LegacyEntryBot bot) {
    this.bot = bot;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    Object amount = task.getVariable(LegacyEntryVariables.AMOUNT);
    if (task.getVariable(LegacyEntryVariables.CASE_NUMBER) != null
        && (amount == null || amount.toString().isBlank())) {
      // the catalog maps the register's 月額 to an optional field the applicant left empty: not a modelling fault
      // but a value the register needs (newcomer review: the README's own example became an incident); staff give
      // it on the correction path as they would after the register's own input check, the bot never ran
      tasks.handleBpmnError(task, Errors.LEGACY_VALIDATION_FAILED, "the register's amount is not in the application",
          Map.of(LegacyEntryVariables.LEGACY_VALIDATION_ERRORS, MISSING_AMOUNT,
              LegacyEntryVariables.LEGACY_ENTRY_AUDIT, "[]"));
      return;
    }
    try {
      EntryResult result = bot.enter(entryOf(task), step -> tasks.extendLock(task, LOCK_PER_STEP_MILLIS));
      try {
        tasks.complete(task, Map.of(
            LegacyEntryVariables.LEGACY_RECORD_NUMBER, result.recordNumber(),
            LegacyEntryVariables.LEGACY_ENTRY_OUTCOME, result.outcome().name(),
            LegacyEntryVariables.LEGACY_ENTRY_AUDIT, result.audit().toJson()));
      } catch (NotFoundException e) {
        log.info("task {} was already completed by another delivery", task.getId());
      }
    } catch (LegacyValidationException e) {
      tasks.handleBpmnError(task, Errors.LEGACY_VALIDATION_FAILED, e.getMessage(), Map.of(
          LegacyEntryVariables.LEGACY_VALIDATION_ERRORS, String.join("\n", e.messages()),
          LegacyEntryVariables.LEGACY_ENTRY_AUDIT, e.audit().toJson()));
    } catch (LegacySystemException e) {
      // the trail of the failed run travels with the incident, so the operator sees where the bot stopped
      tasks.handleFailure(task, e.getMessage(), "audit: " + e.audit().toJson() + "\n" + Retries.stackTraceOf(e),
          Retries.remainingAfterFailure(task), Retries.backoffMillis(task));
    } catch (Exception e) {
      tasks.handleFailure(task, e.getMessage(), Retries.stackTraceOf(e), Retries.remainingAfterFailure(task),
          Retries.backoffMillis(task));
    }
  }

  /** Starts with the register's name of the field, so that staff may correct exactly that field. */
  static final String MISSING_AMOUNT = "月額が申請に記載されていないため、台帳に登録できません。月額を入力してください。";

  private static CaseEntry entryOf(ExternalTask task) {
    Object amount = task.getVariable(LegacyEntryVariables.AMOUNT);
    return new CaseEntry(
        required(LegacyEntryVariables.CASE_NUMBER, task.getVariable(LegacyEntryVariables.CASE_NUMBER)),
        task.getVariable(LegacyEntryVariables.APPLICANT_NAME),
        task.getVariable(LegacyEntryVariables.APPLICANT_NAME_KANA),
        date(task.getVariable(LegacyEntryVariables.APPLICANT_BIRTH_DATE)),
        task.getVariable(LegacyEntryVariables.POSTAL_CODE),
        task.getVariable(LegacyEntryVariables.ADDRESS),
        date(task.getVariable(LegacyEntryVariables.DECISION_DATE)),
        amount instanceof Number n ? n.longValue() : Long.parseLong(required(LegacyEntryVariables.AMOUNT, amount)));
  }

  /** A missing input is a modelling fault: it becomes an incident that names the variable. */
  private static String required(String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("process variable '" + name + "' is missing");
    }
    return value.toString();
  }

  private static LocalDate date(Object value) {
    return value == null ? null : LocalDate.parse(value.toString());
  }
}
