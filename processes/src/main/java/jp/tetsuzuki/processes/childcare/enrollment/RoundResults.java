package jp.tetsuzuki.processes.childcare.enrollment;

import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Delivers one application's round result: the result is written to the application's row, then the waiting
 * instance (same tenant, business key = application id) gets {@code allocationResultPublished}. Called by the
 * allocation round once per application and round (the round records which results it delivered).
 */
public final class RoundResults {

  private final ChildcareStore store;
  private final Supplier<RuntimeService> runtime;

  public RoundResults(ChildcareStore store, Supplier<RuntimeService> runtime) {
    this.store = store;
    this.runtime = runtime;
  }

  /**
   * @param facilityId the facility of the offer (内定), null for 保留
   * @return false (nothing changed) when the application no longer waits for a result (withdrawn, closed)
   */
  public boolean publish(String tenantId, String applicationId, String facilityId, String explanationJa) {
    ChildcareStore.ApplicationRow application = store.find(applicationId).orElse(null);
    if (application == null || !application.tenantId().equals(tenantId)
        || !(ChildcareStore.STAGE_AWAITING_ROUND.equals(application.stage())
            || ChildcareStore.STAGE_WAITING.equals(application.stage()))) {
      return false;
    }
    store.result(applicationId, facilityId == null ? ChildcareStore.STAGE_WAITING : ChildcareStore.STAGE_OFFERED,
        facilityId, explanationJa);
    runtime.get().createMessageCorrelation(ChildcareEnrollment.MSG_ALLOCATION_RESULT_PUBLISHED)
        .tenantId(tenantId)
        .processInstanceBusinessKey(applicationId)
        .setVariable(ChildcareEnrollment.ROUND_RESULT,
            facilityId == null ? ChildcareEnrollment.RESULT_WAITING : ChildcareEnrollment.RESULT_OFFERED)
        .correlate();
    return true;
  }
}
