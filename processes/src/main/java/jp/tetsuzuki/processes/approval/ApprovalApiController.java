package jp.tetsuzuki.processes.approval;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.api.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Approval routes in the public API: route history, withdrawal (引戻し) and substitutes (代理). */
@RestController
@RequestMapping("/api/v1/approvals")
class ApprovalApiController {

  record StepView(int position, String kind, String role, String department, String userId, String status) {}

  record ActionView(int seq, int position, String stepKind, String action, String actionLabel, String actor,
      String actorName, String onBehalfOf, String onBehalfOfName, String comment, Integer targetPosition,
      Instant actedAt) {}

  record HistoryView(String processInstanceId, String tenantId, String subject, String kind, long amount,
      String department, String originator, String status, int currentPosition, List<StepView> steps,
      List<ActionView> actions) {}

  record WithdrawalRequest(String comment) {}

  record SubstituteRequest(String tenantId, String principal, String substitute, String validFrom,
      String validTo) {}

  record SubstituteView(String id, String tenantId, String principal, String substitute, LocalDate validFrom,
      LocalDate validTo, String createdBy, Instant createdAt) {
    static SubstituteView of(Substitute s) {
      return new SubstituteView(s.id(), s.tenantId(), s.principal(), s.substitute(), s.validFrom(), s.validTo(),
          s.createdBy(), s.createdAt());
    }
  }

  private final ApprovalService approvals;
  private final SubstituteService substitutes;
  private final TenantMembers members;
  private final ApprovalEngineCommands engine;
  private final SubstituteRegistry registry;

  ApprovalApiController(ApprovalService approvals, SubstituteService substitutes, TenantMembers members,
      ApprovalEngineCommands engine, SubstituteRegistry registry) {
    this.approvals = approvals;
    this.substitutes = substitutes;
    this.members = members;
    this.engine = engine;
    this.registry = registry;
  }

  /** The route and every action on it; 404 for routes of tenants the caller does not belong to. */
  @GetMapping("/{processInstanceId}/history")
  HistoryView history(@PathVariable String processInstanceId, Principal caller) {
    ApprovalCase c = visibleCase(processInstanceId, caller);
    if (!mayReadHistory(c, caller.getName())) {
      // a 決裁 of another department (a personnel matter, a payment) is not for every member of the tenant
      throw ApprovalException.notFound("決裁が見つかりません（存在しないか、参照する権限がありません）。",
          "no approval route '" + processInstanceId + "'");
    }
    return new HistoryView(c.processInstanceId(), c.tenantId(), c.subject(), c.kind(), c.amount(), c.department(),
        c.originator(), c.status().name().toLowerCase(), c.currentPosition(),
        approvals.steps(processInstanceId).stream().map(s -> new StepView(s.position(), s.kind().name().toLowerCase(),
            s.role() == null ? null : s.role().code(), s.department(), s.userId(), s.status().name().toLowerCase()))
            .toList(),
        approvals.history(processInstanceId).stream().map(a -> new ActionView(a.seq(), a.position(),
            a.stepKind() == null ? null : a.stepKind().name().toLowerCase(), a.action().name().toLowerCase(),
            a.action().label(), a.actorId(), a.actorId() == null ? null : members.displayName(a.actorId()),
            a.onBehalfOf(), a.onBehalfOf() == null ? null : members.displayName(a.onBehalfOf()), a.comment(),
            a.targetPosition(), a.actedAt())).toList());
  }

  /** 引戻し by the originator while the route is open. */
  @PostMapping("/{processInstanceId}/withdrawal")
  ResponseEntity<Void> withdraw(@PathVariable String processInstanceId,
      @RequestBody(required = false) WithdrawalRequest request, Principal caller) {
    String comment = request == null ? null : limited("comment", request.comment(), TextLimits.COMMENT);
    visibleCase(processInstanceId, caller);
    approvals.checkWithdrawal(processInstanceId, caller.getName());
    engine.withdraw(processInstanceId, caller.getName(), comment);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/substitutes")
  ResponseEntity<SubstituteView> register(@RequestBody SubstituteRequest request, Principal caller) {
    limited("tenantId", request.tenantId(), TextLimits.ID);
    limited("principal", request.principal(), TextLimits.ID);
    limited("substitute", request.substitute(), TextLimits.ID);
    limited("validFrom", request.validFrom(), TextLimits.ID);
    limited("validTo", request.validTo(), TextLimits.ID);
    Substitute s = substitutes.register(caller.getName(), new SubstituteService.Request(request.tenantId(),
        request.principal(), request.substitute(), request.validFrom(), request.validTo()));
    if (s.coversDay(LocalDate.now(JapanTime.ZONE)) && registry.claimLinking(s.id(), Instant.now())) {
      engine.linkSubstitute(s);
    }
    return ResponseEntity.created(URI.create("/api/v1/approvals/substitutes/" + s.id())).body(SubstituteView.of(s));
  }

  @GetMapping("/substitutes")
  List<SubstituteView> list(@RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String user, Principal caller) {
    return substitutes.list(caller.getName(), tenantId, user).stream().map(SubstituteView::of).toList();
  }

  @DeleteMapping("/substitutes/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, Principal caller) {
    engine.unlinkSubstitute(substitutes.delete(caller.getName(), id));
    return ResponseEntity.noContent().build();
  }

  /** Over-long text is refused before it reaches the database (400 naming the field). */
  private static String limited(String field, String value, int max) {
    TextLimits.problem(value, max).ifPresent(p -> {
      throw ApprovalException.invalid(field, p);
    });
    return value;
  }

  /**
   * Who reads a route and its actions: the tenant's supervisors and the administrators, the originating department
   * ({@code <tenant>-<department>}), and everybody the route names (originator, approvers, consulted, who acted or
   * was acted for).
   */
  private boolean mayReadHistory(ApprovalCase c, String user) {
    if (members.isManager(c.tenantId(), user) || user.equals(c.originator())
        || (c.department() != null && members.isInGroup(user, c.tenantId() + "-" + c.department()))) {
      return true;
    }
    return approvals.steps(c.processInstanceId()).stream().anyMatch(s -> user.equals(s.userId()))
        || approvals.history(c.processInstanceId()).stream()
            .anyMatch(a -> user.equals(a.actorId()) || user.equals(a.onBehalfOf()));
  }

  private ApprovalCase visibleCase(String processInstanceId, Principal caller) {
    return approvals.find(processInstanceId).filter(c -> members.isMember(c.tenantId(), caller.getName()))
        .orElseThrow(() -> ApprovalException.notFound("決裁が見つかりません（存在しないか、参照する権限がありません）。",
            "no approval route '" + processInstanceId + "'"));
  }

  @ExceptionHandler(ApprovalException.class)
  ProblemDetail refused(ApprovalException e) {
    HttpStatus status = switch (e.reason()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
    };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    problem.setProperty(jp.tetsuzuki.processes.api.ApiException.MESSAGE_JA, e.japanese() != null ? e.japanese()
        : jp.tetsuzuki.processes.api.ApiException.japaneseFor(status.value(), e.field()));
    return problem;
  }

  /** Malformed JSON or an unknown field: 400 naming the field. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          unknown.getPropertyName() + ": unknown field");
      problem.setProperty("field", unknown.getPropertyName());
      problem.setProperty(jp.tetsuzuki.processes.api.ApiException.MESSAGE_JA, "項目 " + unknown.getPropertyName()
          + " は指定できません。");
      return problem;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "the request body is not valid JSON");
    problem.setProperty(jp.tetsuzuki.processes.api.ApiException.MESSAGE_JA, "要求の本文が正しい JSON ではありません。");
    return problem;
  }
}
