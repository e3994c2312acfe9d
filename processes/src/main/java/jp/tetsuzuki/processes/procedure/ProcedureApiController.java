package jp.tetsuzuki.processes.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.approval.TenantMembers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrative procedures in the public API: the catalog and applications (申請). Thin: the service decides. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "procedures", description = "Procedure catalog and applications (行政手続)")
class ProcedureApiController {

  record PeriodView(int value, String unit) {}

  record DocumentKindView(String kind, String name) {}

  record FieldView(String key, String label, String type, boolean required) {}

  record ProcedureView(String code, int version, String name, List<String> tenants, String legalBasisKind,
      String legalBasis, PeriodView standardPeriod, List<DocumentKindView> requiredDocuments,
      List<FieldView> fields, String reviewGroup, String decisionAuthority, String notificationChannel,
      PeriodView correctionDeadline, String onCorrectionTimeout) {
    static ProcedureView of(Procedure p, String tenant) {
      return new ProcedureView(p.code(), p.version(), p.name(), p.tenants(), p.legalBasis().kind(),
          p.legalBasis().text(), new PeriodView(p.standardPeriod().value(), p.standardPeriod().unit()),
          p.documents().stream().map(d -> new DocumentKindView(d.kind(), d.name())).toList(),
          p.fields().stream().map(f -> new FieldView(f.key(), f.label(), f.type(), f.required())).toList(),
          p.reviewGroup(tenant), p.decisionAuthority(), p.notification().channel(),
          new PeriodView(p.correction().deadline().value(), p.correction().deadline().unit()),
          p.correction().onTimeout());
    }
  }

  record ApplicationRequest(String procedureCode, String tenantId, String receivedOn, JsonNode applicant,
      JsonNode data, JsonNode documents) {}

  record CorrectionRequest(JsonNode data, JsonNode documents, String comment) {}

  record WithdrawalRequest(String reason) {}

  record CreatedView(String id, String status, LocalDate dueDate, String processInstanceId) {}

  record EventView(String type, String message, String actor, Instant occurredAt) {}

  record AttachedView(String documentId, String kind, String mediaType) {}

  record ApplicationView(String id, String tenantId, String procedureCode, String channel, String status,
      String stage, LocalDate receivedOn, LocalDate dueDate, Integer openDaysLeft, boolean clockPaused,
      int pausedDays, LocalDate correctionDueDate, String outcome, String outcomeReason, String processInstanceId,
      List<AttachedView> documents, List<EventView> events) {}

  private final ProcedureCatalog catalog;
  private final ApplicationService applications;
  private final TenantMembers members;

  ProcedureApiController(ProcedureCatalog catalog, ApplicationService applications, TenantMembers members) {
    this.catalog = catalog;
    this.applications = applications;
    this.members = members;
  }

  @GetMapping("/procedures")
  @Operation(summary = "The procedures a tenant offers, with what an application must contain")
  List<ProcedureView> procedures(@RequestParam String tenant, Principal caller) {
    if (!members.isMember(tenant, caller.getName())) {
      throw ApiException.notFound("tenant: no tenant '" + tenant + "' for this user");
    }
    return catalog.forTenant(tenant).stream().map(p -> ProcedureView.of(p, tenant)).toList();
  }

  @PostMapping("/applications")
  @Operation(summary = "Submit an application",
      description = "201 with id, status and dueDate. A repeated Idempotency-Key returns the first result and "
          + "starts nothing new (422 if the body differs). receivedOn (YYYY-MM-DD) is the real arrival date of a "
          + "paper application; online applications arrive today. documents: [{documentId, kind}] from "
          + "POST /api/v1/documents.")
  ResponseEntity<CreatedView> apply(
      @Parameter(description = "unique per request of this client, e.g. a UUID") @RequestHeader(
          value = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody ApplicationRequest request, Principal caller) {
    var intake = applications.submit(caller.getName(), idempotencyKey, new ApplicationService.Submission(
        request.procedureCode(), request.tenantId(), request.receivedOn(), request.applicant(), request.data(),
        request.documents()));
    ApplicationRecord a = intake.application();
    return ResponseEntity.created(URI.create("/api/v1/applications/" + a.id()))
        .header("Idempotent-Replayed", String.valueOf(intake.replayed()))
        .body(new CreatedView(a.id(), a.status(), a.dueDate(), a.processInstanceId()));
  }

  @GetMapping("/applications/{id}")
  @Operation(summary = "Status, stage, due date, paused clock and history of an application")
  ApplicationView application(@PathVariable String id, Principal caller) {
    return view(applications.visible(caller.getName(), id));
  }

  @PostMapping("/applications/{id}/corrections")
  @Operation(summary = "Submit a correction (補正): documents and/or data while the application waits for them",
      description = "409 when the application is not waiting for a correction.")
  ApplicationView correct(@PathVariable String id, @RequestBody CorrectionRequest request, Principal caller) {
    return view(applications.correct(caller.getName(), id, request.data(), request.documents(),
        ApplicationRequests.comment("comment", request.comment())));
  }

  @PostMapping("/applications/{id}/withdrawal")
  @Operation(summary = "Withdraw (取下げ) an application until it is decided", description = "409 once decided.")
  ApplicationView withdraw(@PathVariable String id, @RequestBody(required = false) WithdrawalRequest request,
      Principal caller) {
    return view(applications.withdraw(caller.getName(), id,
        request == null ? null : ApplicationRequests.comment("reason", request.reason())));
  }

  private ApplicationView view(ApplicationRecord a) {
    return new ApplicationView(a.id(), a.tenantId(), a.procedureCode(), a.channel(), a.status(), a.stage(),
        a.receivedOn(), a.dueDate(), applications.openDaysLeft(a), a.clockPaused(), a.pausedDays(),
        a.correctionDue(), a.outcome(), a.outcomeReason(), a.processInstanceId(),
        applications.documentsOf(a.id()).stream().map(d -> new AttachedView(d.documentId(), d.kind(),
            d.mediaType())).toList(),
        applications.events(a.id()).stream().map(e -> new EventView(e.type(), e.message(), e.actor(),
            e.occurredAt())).toList());
  }
}
