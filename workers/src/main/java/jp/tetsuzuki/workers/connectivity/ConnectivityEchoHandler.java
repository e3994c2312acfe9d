package jp.tetsuzuki.workers.connectivity;

import java.util.Map;
import jp.tetsuzuki.bpmn.ConnectivityCheck;
import jp.tetsuzuki.workers.support.Retries;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Answers the connectivity check: proves that a worker can fetch, read variables and complete. */
@Component
@ExternalTaskSubscription(topicName = ConnectivityCheck.TOPIC_ECHO,
    variableNames = {ConnectivityCheck.MESSAGE})
class ConnectivityEchoHandler implements ExternalTaskHandler {

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    try {
      String message = task.getVariable(ConnectivityCheck.MESSAGE);
      tasks.complete(task, Map.of(
          ConnectivityCheck.ECHO, "応答: " + (message == null ? "" : message),
          ConnectivityCheck.ECHOED_BY, task.getWorkerId()));
    } catch (RuntimeException e) {
      tasks.handleFailure(task, e.getMessage(), Retries.stackTraceOf(e), Retries.remainingAfterFailure(task),
          Retries.backoffMillis(task));
    }
  }
}
