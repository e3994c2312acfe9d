package jp.tetsuzuki.processes.childcare.enrollment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore.ApplicationRow;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Childcare applications (保育所等 利用申込) from parents' apps and the linkage platform. */
@RestController
@RequestMapping("/api/v1/childcare/applications")
@Tag(name = "childcare applications", description = "Nursery applications: points, allocation rounds, results")
class ChildcareApplicationController {

  record CreatedView(String id, String stage, String processInstanceId) {}

  record ResultView(String facilityId, String explanationJa) {}

  record EventView(String kind, String textJa, Instant at) {}

  record ApplicationView(String id, String tenantId, String admissionMonth, int fiscalYear, String stage,
      Integer points, String pointsExplanationJa, ResultView result, List<EventView> events) {}

  private final ChildcareApplicationService applications;

  ChildcareApplicationController(ChildcareApplicationService applications) {
    this.applications = applications;
  }

  @PostMapping
  @Operation(summary = "Submit a childcare application (starts childcare-enrollment)",
      description = "201 with id and stage. Body: tenantId, admissionMonth (YYYY-MM), household (singleParent, "
          + "siblingEnrolledAtFirstChoice, parentalLeaveEnding, welfare, guardianPostedAway, waitingMonths), "
          + "guardians [{name, reason: work|other-work|pregnancy|none, daysPerMonth, hoursPerDay, daysPerWeek, "
          + "hoursPerWeek}], children [{childId, name, birthDate, preferences [facility ids, 1st first], "
          + "currentFacilityId}], siblingPattern (1-7, two or more children), documents [{documentId, kind: "
          + "employment-certificate|other, guardianNumber}]. A repeated Idempotency-Key returns the first result "
          + "(422 if the body differs). 400 names the field (guardian and child names required; an admission "
          + "month already past; names with control characters); 409 when the same child (name, birth date, a "
          + "guardian's name) has a live application for the tenant and month (naming it only to a caller who may "
          + "read it); 422 when the tenant has no points table for the year. "
          + "Declared work, adjustments and currentFacilityId count only once staff confirmed them.")
  ResponseEntity<CreatedView> apply(
      @Parameter(description = "unique per request of this client") @RequestHeader(value = "Idempotency-Key",
          required = false) String idempotencyKey,
      @RequestBody ChildcareApplicationService.Request request, Principal caller) {
    var intake = applications.submit(caller.getName(), idempotencyKey, request);
    ApplicationRow a = intake.application();
    return ResponseEntity.created(URI.create("/api/v1/childcare/applications/" + a.id()))
        .header("Idempotent-Replayed", String.valueOf(intake.replayed()))
        .body(new CreatedView(a.id(), a.stage(), a.processInstanceId()));
  }

  record WithdrawalRequest(String reason) {}

  record WithdrawnView(String id, String stage) {}

  @PostMapping("/{id}/withdrawal")
  @Operation(summary = "Withdraw (取下げ) a childcare application",
      description = "The submitting system (or the tenant's childcare staff for a parent who asks the office); others"
          + " 404. The case ends withdrawn and no round collects it any more. Idempotent: a repeated withdrawal answers"
          + " 200 again with Idempotent-Replayed: true. 409 once enrolled (or declined, or closed at the fiscal year's"
          + " end). Body (optional): reason, at most 500 characters.")
  ResponseEntity<WithdrawnView> withdraw(@PathVariable String id,
      @RequestBody(required = false) WithdrawalRequest request, Principal caller) {
    var withdrawal = applications.withdraw(caller.getName(), id, request == null ? null : request.reason());
    return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(withdrawal.replayed()))
        .body(new WithdrawnView(withdrawal.application().id(), withdrawal.application().stage()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Stage, points and result (with its explanation in Japanese) of a childcare application",
      description = "The submitting system, the tenant's childcare staff (<tenant>-hoiku) and supervisors "
          + "(<tenant>-supervisors); everybody else, other staff of the tenant included, 404.")
  ApplicationView application(@PathVariable String id, Principal caller) {
    ApplicationRow a = applications.visible(caller.getName(), id);
    ResultView result = a.resultExplanation() == null ? null : new ResultView(a.resultFacilityId(),
        a.resultExplanation());
    return new ApplicationView(a.id(), a.tenantId(), a.admissionMonth(), a.fiscalYear(), a.stage(), a.points(),
        a.pointsExplanation(), result, applications.events(a.id()).stream()
            .map(e -> new EventView(e.kind(), e.textJa(), e.at())).toList());
  }
}
