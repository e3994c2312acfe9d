package jp.tetsuzuki.workers.notification;

import java.util.HashMap;
import java.util.Map;
import jp.tetsuzuki.bpmn.Errors;
import jp.tetsuzuki.bpmn.NotificationVariables;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.workers.support.Retries;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mails the applicant from the template named by {@code notificationEvent}, once per instance and event: a
 * redelivered task completes without a second mail. No usable address is a business outcome
 * ({@code NOTIFICATION_UNDELIVERABLE}); a mail server that is down is retried with back-off. Fetches all variables,
 * because any plain one may appear in a template.
 */
@Component
@ExternalTaskSubscription(topicName = Topics.NOTIFY_APPLICANT)
class NotifyApplicantHandler implements ExternalTaskHandler {

  private static final Logger log = LoggerFactory.getLogger(NotifyApplicantHandler.class);

  /** Wait before looking again at a notification another delivery is sending (its lease is 2 min by default). */
  static final long IN_PROGRESS_BACKOFF_MILLIS = 60_000L;

  private final NotifierFactory notifiers;

  NotifyApplicantHandler(NotifierFactory notifiers) {
    this.notifiers = notifiers;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    try {
      String event = task.getVariable(NotificationVariables.NOTIFICATION_EVENT);
      Notification notification = new Notification(
          Notification.keyOf(task.getProcessInstanceId(), event,
              task.getVariable(NotificationVariables.NOTIFICATION_OCCURRENCE)),
          task.getVariable(NotificationVariables.APPLICANT_EMAIL), event, templateValues(task));
      ApplicantNotifier.Delivery delivery = notifiers.notifier().send(notification);
      try {
        tasks.complete(task, Map.of(NotificationVariables.NOTIFICATION_MESSAGE_ID, delivery.messageId()));
      } catch (NotFoundException e) {
        log.info("task {} was already completed by another delivery", task.getId());
      }
    } catch (ApplicantNotifier.InProgressException e) {
      // not a fault of this delivery: wait for the other one (or its lease) without using up a retry
      tasks.handleFailure(task, e.getMessage(), null, task.getRetries() == null ? Retries.INITIAL : task.getRetries(),
          IN_PROGRESS_BACKOFF_MILLIS);
    } catch (UndeliverableException e) {
      tasks.handleBpmnError(task, Errors.NOTIFICATION_UNDELIVERABLE, e.getMessage());
    } catch (Exception e) {
      tasks.handleFailure(task, e.getMessage(), Retries.stackTraceOf(e), Retries.remainingAfterFailure(task),
          Retries.backoffMillis(task));
    }
  }

  /** Plain values only: object variables (JSON lists, maps) are never placeholders and are not deserialized. */
  private static Map<String, Object> templateValues(ExternalTask task) {
    VariableMap all = task.getAllVariablesTyped(false);
    Map<String, Object> values = new HashMap<>();
    for (String name : all.keySet()) {
      TypedValue value = all.getValueTyped(name);
      if (!(value instanceof ObjectValue) && value.getValue() != null) {
        values.put(name, value.getValue());
      }
    }
    return values;
  }
}
