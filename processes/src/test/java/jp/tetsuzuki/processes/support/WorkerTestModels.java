package jp.tetsuzuki.processes.support;

import jp.tetsuzuki.bpmn.NotificationVariables;
import jp.tetsuzuki.bpmn.Topics;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Small models that call the platform's workers by their real topics, for tests of the workers' deployment (the
 * procedure models are wired elsewhere). Readable ids, history time to live, no forms.
 */
public final class WorkerTestModels {

  public static final String INSPECT = "Task_InspectDocument";
  public static final String NOTIFY = "Task_NotifyApplicationReceived";
  public static final String NOTIFY_AGAIN = "Task_NotifyApplicationReceivedAgain";
  public static final String CONTINUE_MESSAGE = "workerTestContinue";

  private WorkerTestModels() {}

  /** start → document-inspection → end. */
  public static BpmnModelInstance inspection(String key) {
    return Bpmn.createExecutableProcess(key).name("ワーカー試験（書類審査）").camundaHistoryTimeToLive(1)
        .startEvent("Event_Start")
        .serviceTask(INSPECT).name("書類を検査する").camundaExternalTask(Topics.DOCUMENT_INSPECTION)
        .endEvent("Event_End").done();
  }

  /** start → notify-applicant (application-received) → end: a task of a topic that reads no document. */
  public static BpmnModelInstance notice(String key) {
    return Bpmn.createExecutableProcess(key).name("ワーカー試験（通知）").camundaHistoryTimeToLive(1)
        .startEvent("Event_Start")
        .serviceTask(NOTIFY).name("受付を通知する").camundaExternalTask(Topics.NOTIFY_APPLICANT)
        .camundaInputParameter(NotificationVariables.NOTIFICATION_EVENT,
            NotificationVariables.EVENT_APPLICATION_RECEIVED)
        .endEvent("Event_End").done();
  }

  /**
   * start → document-inspection → notify-applicant (application-received) → wait for {@link #CONTINUE_MESSAGE} →
   * notify-applicant for the same event again (a second delivery of the same notice: it must send nothing) → end.
   */
  public static BpmnModelInstance inspectionAndNotice(String key) {
    return Bpmn.createExecutableProcess(key).name("ワーカー試験（審査と通知）").camundaHistoryTimeToLive(1)
        .startEvent("Event_Start")
        .serviceTask(INSPECT).name("書類を検査する").camundaExternalTask(Topics.DOCUMENT_INSPECTION)
        .serviceTask(NOTIFY).name("受付を通知する").camundaExternalTask(Topics.NOTIFY_APPLICANT)
        .camundaInputParameter(NotificationVariables.NOTIFICATION_EVENT,
            NotificationVariables.EVENT_APPLICATION_RECEIVED)
        .intermediateCatchEvent("Event_Continue").message(CONTINUE_MESSAGE)
        .serviceTask(NOTIFY_AGAIN).name("受付を再び通知する").camundaExternalTask(Topics.NOTIFY_APPLICANT)
        .camundaInputParameter(NotificationVariables.NOTIFICATION_EVENT,
            NotificationVariables.EVENT_APPLICATION_RECEIVED)
        .endEvent("Event_End").done();
  }
}
