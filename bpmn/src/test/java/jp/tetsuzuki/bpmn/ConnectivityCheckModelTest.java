package jp.tetsuzuki.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/connectivity-check.bpmn")
class ConnectivityCheckModelTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  @Test
  void workerAnswersThenStaffConfirms() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ConnectivityCheck.ID, "check-1",
        Map.of(CommonVariables.TENANT_ID, "demo-ku", ConnectivityCheck.MESSAGE, "ping"));
    assertThat(pi).isWaitingAt(ConnectivityCheck.TASK_ECHO).externalTask().hasTopicName(ConnectivityCheck.TOPIC_ECHO);

    LockedExternalTask locked = externalTaskService().fetchAndLock(1, "test-worker")
        .topic(ConnectivityCheck.TOPIC_ECHO, 10_000).execute().get(0);
    externalTaskService().complete(locked.getId(), "test-worker", Map.of(ConnectivityCheck.ECHO, "応答: ping"));

    assertThat(pi).isWaitingAt(ConnectivityCheck.TASK_CONFIRM);
    assertThat(task()).hasCandidateGroup("staff");
    complete(task(), withVariables(ConnectivityCheck.CONFIRMED, true));
    assertThat(pi).isEnded().hasPassed(ConnectivityCheck.EVENT_CONFIRMED);
  }
}
