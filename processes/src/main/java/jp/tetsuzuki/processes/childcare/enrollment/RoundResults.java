package jp.tetsuzuki.processes.childcare.enrollment;

import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * One child's result in a round: {@code outcome} as the engine named it (PLACED, KEPT_CURRENT, WAITING); only
   * PLACED is part of an offer (a transfer child kept at its own facility is not offered anything new).
   */
  public record ChildResult(String childId, String facilityId, String outcome, String summaryJa) {

    public boolean offered() {
      return "PLACED".equals(outcome) && facilityId != null;
    }
  }

  /**
   * One offer per household: the application is offered (内定) when the round placed any of its children (the
   * sibling pattern decided which together), with each child's place; otherwise it waits (保留).
   *
   * @return false (nothing changed) when the application no longer waits for a result (withdrawn, closed)
   */
  public boolean publish(String tenantId, String applicationId, List<ChildResult> children) {
    return publish(tenantId, applicationId, children, null);
  }

  /**
   * As {@link #publish(String, String, List)}, only to an application still as the round collected it (review C9:
   * the same stage and no round result written since); null: as it is now.
   *
   * @return false (nothing changed) when the application changed since the round collected it or no longer waits
   */
  public boolean publish(String tenantId, String applicationId, List<ChildResult> children, Collected collected) {
    String facility = children.stream().filter(ChildResult::offered).map(ChildResult::facilityId).findFirst()
        .orElse(null);
    long offered = children.stream().filter(ChildResult::offered).count();
    StringBuilder text = new StringBuilder();
    if (facility != null && children.size() > 1) {
      text.append("世帯の内定（").append(offered).append("人／").append(children.size()).append("人）:\n");
    }
    for (ChildResult c : children) {
      text.append(children.size() > 1 ? "・児童 " + c.childId() + ": " : "").append(c.summaryJa()).append('\n');
    }
    if (facility != null && offered < children.size()) {
      text.append("内定していない児童は保留です（この申込みでは、内定を受けた児童の入所手続に進みます）。\n");
    }
    List<Map<String, String>> json = new ArrayList<>();
    for (ChildResult c : children) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("childId", c.childId());
      m.put("facilityId", c.offered() ? c.facilityId() : null);
      m.put("outcome", c.offered() ? "offered" : "waiting");
      json.add(m);
    }
    return publish(tenantId, applicationId, facility, text.toString().strip(), ChildcareStore.json(json), collected);
  }

  /** An application as a round collected it: its stage and how many round results it had then. */
  public record Collected(String stage, int resultVersion) {}

  /**
   * @param facilityId the facility of the offer (内定), null for 保留
   * @return false (nothing changed) when the application no longer waits for a result (withdrawn, closed)
   */
  public boolean publish(String tenantId, String applicationId, String facilityId, String explanationJa) {
    return publish(tenantId, applicationId, facilityId, explanationJa, null, null);
  }

  private boolean publish(String tenantId, String applicationId, String facilityId, String explanationJa,
      String childrenJson, Collected collected) {
    ChildcareStore.ApplicationRow application = store.find(applicationId).orElse(null);
    if (application == null || !application.tenantId().equals(tenantId)
        || !(ChildcareStore.STAGE_AWAITING_ROUND.equals(application.stage())
            || ChildcareStore.STAGE_WAITING.equals(application.stage()))) {
      return false;
    }
    Collected expected = collected != null ? collected
        : new Collected(application.stage(), store.resultVersion(applicationId));
    if (!store.resultIfUnchanged(applicationId, expected.stage(), expected.resultVersion(),
        facilityId == null ? ChildcareStore.STAGE_WAITING : ChildcareStore.STAGE_OFFERED, facilityId, explanationJa,
        childrenJson)) {
      return false;
    }
    runtime.get().createMessageCorrelation(ChildcareEnrollment.MSG_ALLOCATION_RESULT_PUBLISHED)
        .tenantId(tenantId)
        .processInstanceBusinessKey(applicationId)
        .setVariable(ChildcareEnrollment.ROUND_RESULT,
            facilityId == null ? ChildcareEnrollment.RESULT_WAITING : ChildcareEnrollment.RESULT_OFFERED)
        .correlate();
    return true;
  }
}
