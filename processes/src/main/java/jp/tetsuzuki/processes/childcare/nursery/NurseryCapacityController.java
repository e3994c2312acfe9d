package jp.tetsuzuki.processes.childcare.nursery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** Places (募集人数) pushed by a tenant's nursery ICT system (its machine account, group {@code nursery-systems}). */
@RestController
@RequestMapping("/api/v1/childcare/capacities")
@Tag(name = "childcare capacities", description = "Places per facility, class age and admission month from nursery systems")
class NurseryCapacityController {

  record CapacitiesRequest(String tenantId, List<CapacityRules.Entry> capacities) {}

  record CapacitiesView(String tenantId, int entries, int changed, boolean replayed) {}

  private final NurseryCapacityService capacities;

  NurseryCapacityController(NurseryCapacityService capacities) {
    this.capacities = capacities;
  }

  @RequestMapping(method = {RequestMethod.PUT, RequestMethod.POST})
  @Operation(summary = "Report places per facility, class age (0-5) and admission month (YYYY-MM)",
      description = "Nursery systems only (group nursery-systems, member of the tenant). Body: tenantId, capacities "
          + "[{facilityId, admissionMonth, classAge, capacity}] (facilities the system serves for the tenant; "
          + "capacity 0-999). The listed counts are set, others stay. Stored whole or not at all, every change kept "
          + "in the history. A repeated Idempotency-Key answers the first result and changes nothing (422 if the "
          + "body differs). 400 names the field (capacities[i].classAge, …) with messageJa.")
  ResponseEntity<CapacitiesView> report(
      @Parameter(description = "unique per snapshot of this system") @RequestHeader(value = "Idempotency-Key",
          required = false) String idempotencyKey,
      @RequestBody CapacitiesRequest request, Principal caller) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
      throw jp.tetsuzuki.processes.api.ApiException.invalid("Idempotency-Key",
          "Idempotency-Key header: required, 1 to 128 characters", "Idempotency-Key ヘッダー（1〜128文字）を指定してください。");
    }
    var result = capacities.submit(caller.getName(), request.tenantId(), idempotencyKey,
        request.capacities());
    return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(result.replayed()))
        .body(new CapacitiesView(request.tenantId(), result.entries(), result.changed(), result.replayed()));
  }
}
