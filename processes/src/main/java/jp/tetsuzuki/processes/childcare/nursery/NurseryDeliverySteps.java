package jp.tetsuzuki.processes.childcare.nursery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.ApplicationRow;
import jp.tetsuzuki.processes.childcare.round.RoundStore;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The glue of the steps that reach the nursery systems: after a round's approval each offer (内定), when a child is
 * enrolled the enrollment (入所), and when an offered case ends otherwise the offer's withdrawal are written to the
 * outbox in the step's own transaction, for the facility's system; the route sends them (retries, dead letter, incident on the case). The process never waits for the send.
 * Each step acts only on records of its own case and tenant.
 */
public class NurseryDeliverySteps {

  private final ChildcareStore applications;
  private final RoundStore rounds;
  private final CapacityStore facilities;
  private final NurseryOutboxWriter outbox;

  public NurseryDeliverySteps(ChildcareStore applications, RoundStore rounds, CapacityStore facilities,
      NurseryOutboxWriter outbox) {
    this.applications = applications;
    this.rounds = rounds;
    this.facilities = facilities;
    this.outbox = outbox;
  }

  /** {@code childcare-allocation-round}: one offer message per application the round's approval offered a place. */
  public void queueOffers(DelegateExecution execution) {
    String roundId = execution.getProcessInstanceId();
    String tenant = execution.getTenantId();
    Map<String, List<RoundStore.ResultRow>> byApplication = rounds.results(roundId).stream()
        .filter(r -> r.publishedAt() != null && r.facilityId() != null && tenant.equals(r.tenantId()))
        .collect(Collectors.groupingBy(RoundStore.ResultRow::applicationId, TreeMap::new, Collectors.toList()));
    for (var entry : byApplication.entrySet()) {
      ApplicationRow application = applications.find(entry.getKey()).orElse(null);
      // the application's own record decides: offered in this tenant at the facility the round gave it
      if (application == null || !tenant.equals(application.tenantId())
          || !ChildcareStore.STAGE_OFFERED.equals(application.stage()) || application.resultFacilityId() == null) {
        continue;
      }
      String facility = application.resultFacilityId();
      List<String> children = entry.getValue().stream().filter(r -> facility.equals(r.facilityId()))
          .map(RoundStore.ResultRow::childId).toList();
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("kind", NurseryOutboxWriter.KIND_OFFER);
      payload.put("tenantId", tenant);
      payload.put("facilityId", facility);
      payload.put("admissionMonth", application.admissionMonth());
      payload.put("applicationId", application.id());
      payload.put("childIds", children);
      payload.put("roundId", roundId);
      payload.put("decidedAt", ClockUtil.getCurrentTime().toInstant().toString());
      String key = "tetsuzuki:" + tenant + ":offer:" + roundId + ":" + application.id();
      if (outbox.enqueue(key, tenant, NurseryOutboxWriter.KIND_OFFER, application.id(), facility,
          systemOf(tenant, facility), payload, ClockUtil.getCurrentTime().toInstant())) {
        applications.event(application.id(), "nursery-offer-queued", "保育施設システムへ内定（施設 " + facility
            + "）を送信します。", null, ClockUtil.getCurrentTime().toInstant());
      }
    }
  }

  /** {@code childcare-enrollment}: the enrollment message of this case's application, once. */
  public void queueEnrollment(DelegateExecution execution) {
    Object id = execution.getVariable(ChildcareEnrollment.APPLICATION_ID);
    ApplicationRow application = id instanceof String s ? applications.find(s).orElse(null) : null;
    if (application == null || !application.tenantId().equals(execution.getTenantId())
        || !application.id().equals(execution.getProcessBusinessKey())) {
      throw new AuthorizationException("この手続の申込みではありません / the instance is not linked to application " + id);
    }
    if (!ChildcareStore.STAGE_ENROLLED.equals(application.stage()) || application.resultFacilityId() == null) {
      throw new AuthorizationException("入所が記録されていません / application " + application.id()
          + " is not enrolled at a facility");
    }
    String tenant = application.tenantId();
    String facility = application.resultFacilityId();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("kind", NurseryOutboxWriter.KIND_ENROLLMENT);
    payload.put("tenantId", tenant);
    payload.put("facilityId", facility);
    payload.put("admissionMonth", application.admissionMonth());
    payload.put("applicationId", application.id());
    payload.put("childIds", application.content().children().stream().map(c -> c.childId()).toList());
    payload.put("enrolledAt", ClockUtil.getCurrentTime().toInstant().toString());
    String key = "tetsuzuki:" + tenant + ":enrollment:" + application.id();
    if (outbox.enqueue(key, tenant, NurseryOutboxWriter.KIND_ENROLLMENT, application.id(), facility,
        systemOf(tenant, facility), payload, ClockUtil.getCurrentTime().toInstant())) {
      applications.event(application.id(), "nursery-enrollment-queued", "保育施設システムへ入所（施設 " + facility
          + "）を送信します。", null, ClockUtil.getCurrentTime().toInstant());
    }
  }

  /**
   * {@code childcare-enrollment}, newcomer review N17: when the case ends without enrollment (取下げ, 辞退, the fiscal
   * year's end) after an offer of it was queued for the facility's system, that system is told the offer is
   * withdrawn, once (same outbox and route, its own idempotency key), so the facility does not hold the place.
   * Nothing is sent when no offer was queued or the enrollment was.
   */
  public void queueOfferWithdrawn(DelegateExecution execution) {
    Object id = execution.getVariable(ChildcareEnrollment.APPLICATION_ID);
    ApplicationRow application = id instanceof String s ? applications.find(s).orElse(null) : null;
    if (application == null || !application.tenantId().equals(execution.getTenantId())
        || !application.id().equals(execution.getProcessBusinessKey())) {
      throw new AuthorizationException("この手続の申込みではありません / the instance is not linked to application " + id);
    }
    String reason = REASONS.get(application.stage());
    var offer = outbox.latest(application.id(), NurseryOutboxWriter.KIND_OFFER).orElse(null);
    if (reason == null || offer == null
        || outbox.latest(application.id(), NurseryOutboxWriter.KIND_ENROLLMENT).isPresent()) {
      return;
    }
    String tenant = application.tenantId();
    String facility = (String) offer.get("facility_id");
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("kind", NurseryOutboxWriter.KIND_OFFER_WITHDRAWN);
    payload.put("tenantId", tenant);
    payload.put("facilityId", facility);
    payload.put("admissionMonth", application.admissionMonth());
    payload.put("applicationId", application.id());
    payload.put("childIds", NurseryOutboxWriter.childIds(offer.get("payload_json")));
    payload.put("offerIdempotencyKey", offer.get("idempotency_key"));
    payload.put("reason", application.stage());
    payload.put("withdrawnAt", ClockUtil.getCurrentTime().toInstant().toString());
    String key = "tetsuzuki:" + tenant + ":offer-withdrawn:" + application.id();
    if (outbox.enqueue(key, tenant, NurseryOutboxWriter.KIND_OFFER_WITHDRAWN, application.id(), facility,
        systemOf(tenant, facility), payload, ClockUtil.getCurrentTime().toInstant())) {
      applications.event(application.id(), "nursery-offer-withdrawn-queued", "保育施設システムへ内定の取消し（施設 "
          + facility + "、" + reason + "）を送信します。", null, ClockUtil.getCurrentTime().toInstant());
    }
  }

  /** Why an offer ends without enrollment, as the facility's system is told (the Japanese for the history). */
  static final Map<String, String> REASONS = Map.of(ChildcareStore.STAGE_WITHDRAWN, "申込みの取下げ",
      ChildcareStore.STAGE_DECLINED, "内定の辞退", ChildcareStore.STAGE_CLOSED, "年度末で終了");

  private String systemOf(String tenant, String facility) {
    return facilities.facility(tenant, facility).map(CapacityStore.FacilityRow::systemId).orElse(null);
  }
}
