package jp.tetsuzuki.processes.childcare.nursery;

import java.time.Clock;
import jp.tetsuzuki.integrations.port.NurseryDeliveryIncidents;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message the outbox route gave up on, made visible on its case: an entry in the application's history (staff and
 * the applicant's system read it in {@code GET /api/v1/childcare/applications/{id}}) and, while the case runs (an
 * offer waits for its interview), an incident of type {@value #INCIDENT_TYPE} on it in Cockpit. An enrolled case has
 * ended: its failure shows in the history and the operations view's dead letters.
 */
public class NurseryIncidents implements NurseryDeliveryIncidents {

  public static final String INCIDENT_TYPE = "nurseryDeliveryFailed";
  private static final Logger LOG = LoggerFactory.getLogger(NurseryIncidents.class);

  private final ChildcareStore applications;
  private final RuntimeService runtime;
  private final Clock clock;

  public NurseryIncidents(ChildcareStore applications, RuntimeService runtime, Clock clock) {
    this.applications = applications;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Override
  public void deliveryFailed(String tenantId, String applicationId, String outboxId, String kind, String reason) {
    var application = applications.find(applicationId).orElse(null);
    if (application == null || !application.tenantId().equals(tenantId)) {
      LOG.error("nursery delivery {} names application {} of tenant {}, which does not exist there", outboxId,
          applicationId, tenantId);
      return;
    }
    String what = NurseryOutboxWriter.KIND_ENROLLMENT.equals(kind) ? "入所" : "内定";
    applications.event(applicationId, "nursery-delivery-failed", "保育施設システムへの" + what + "（施設 "
        + application.resultFacilityId() + "）の送信に失敗しました。保育課で施設に連絡し、運用担当に再送を依頼してください。"
        + "（送信ID " + outboxId + "）", null, clock.instant());
    if (application.processInstanceId() != null && runtime.createProcessInstanceQuery()
        .processInstanceId(application.processInstanceId()).count() == 1) {
      // an incident belongs to an execution at an activity: the case waits inside its subprocess (SubProcess_Case),
      // so the process instance's own execution has none
      String executionId = application.processInstanceId();
      for (String activity : runtime.getActiveActivityIds(application.processInstanceId())) {
        var waiting = runtime.createExecutionQuery().processInstanceId(application.processInstanceId())
            .activityId(activity).list();
        if (!waiting.isEmpty()) {
          executionId = waiting.get(0).getId();
          break;
        }
      }
      runtime.createIncident(INCIDENT_TYPE, executionId, outboxId,
          "保育施設システムへの" + what + "の送信に失敗 / nursery " + kind + " not delivered: " + reason);
    }
  }
}
