package jp.tetsuzuki.processes.childcare.nursery;

import java.util.List;
import jp.tetsuzuki.integrations.port.NurseryCapacityGateway;
import jp.tetsuzuki.processes.api.ApiException;

/** The pull route's port on the one capacity service (the push endpoint's): same checks, same idempotency. */
class NurseryCapacityAdapter implements NurseryCapacityGateway {

  private final NurseryCapacityService service;

  NurseryCapacityAdapter(NurseryCapacityService service) {
    this.service = service;
  }

  @Override
  public Result submit(String account, String tenantId, String snapshotKey, List<Entry> entries) {
    try {
      var result = service.submit(account, tenantId, snapshotKey, entries.stream()
          .map(e -> new CapacityRules.Entry(e.facilityId(), e.admissionMonth(), e.classAge(), e.capacity()))
          .toList());
      return new Result(result.entries(), result.changed(), result.replayed());
    } catch (ApiException refused) {
      throw new Refused(refused.field(), refused.japanese() != null ? refused.japanese() : refused.getMessage());
    }
  }
}
