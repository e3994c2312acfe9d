package jp.tetsuzuki.processes.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tetsuzuki.bpmn.ApprovalRoute;

/**
 * The rules of a Japanese approval route (決裁), independent of the engine: it plans the route, checks who may act at
 * each step, applies approvals, rejections (否認), send-backs (差戻し), withdrawals (引戻し), 合議 opinions, 回覧 and
 * approvers added on the way, records every action, and tells the model where to go next ({@link Activation}).
 *
 * <p>Semantics worth knowing:
 * <ul>
 *   <li>Send back goes to the originator (position 0) or to any earlier approval step; every step from there on must
 *   act again (回覧 already sent is not sent twice).</li>
 *   <li>合議: all consulted departments answer; if one disagrees, the route returns to the step owner — the approval
 *   step just before the 合議, or the originator if there is none — with the objection in the history. The owner may
 *   then approve again (the 合議 is asked again), send back or reject.</li>
 *   <li>Withdrawal by the originator is possible while the route is open, i.e. until the pending approver has acted
 *   on the last step; a substitute cannot withdraw for the originator.</li>
 *   <li>A substitute (代理) acts for the step's approver during the registered period; the history shows "on behalf
 *   of". After the deadline passes, the step also goes to the approver's superior, who may decide in their place
 *   (代決, recorded on behalf of the approver).</li>
 * </ul>
 */
public class ApprovalService {

  /** The case to route, from the model's inputs. */
  public record RouteRequest(String processInstanceId, String tenantId, String subject, String kind, long amount,
      String department, String procedureCode, String originator) {}

  /** An approver's decision, from the task form. */
  public record Decision(String decision, String comment, Integer sendBackTo, String additionalApprover) {}

  /**
   * Where the route goes next.
   *
   * @param next one of {@code ApprovalRoute.NEXT_*}
   * @param participants the approver, the consulted users, the readers, or the originator
   * @param outcome set when the route ended ({@code ApprovalRoute.OUTCOME_*})
   */
  public record Activation(String next, int position, List<String> participants, Instant dueAt, Instant reminderAt,
      String outcome, String comment, String decidedBy) {

    public String approver() {
      return participants.isEmpty() ? null : participants.get(0);
    }
  }

  /** Who was told about an overdue step. */
  public record Escalation(String approver, String superior, String supervisorsGroup) {}

  private final ApprovalStore store;
  private final OrganisationRepository organisation;
  private final SubstituteRegistry substitutes;
  private final TenantMembers members;
  private final StepDeadlines deadlines;
  private final Clock clock;
  private final RoutePlanner planner = new RoutePlanner();

  public ApprovalService(ApprovalStore store, OrganisationRepository organisation, SubstituteRegistry substitutes,
      TenantMembers members, StepDeadlines deadlines, Clock clock) {
    this.store = store;
    this.organisation = organisation;
    this.substitutes = substitutes;
    this.members = members;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  // ---- planning

  public Activation plan(RouteRequest r, List<RouteRule> rules) {
    required(ApprovalRoute.TENANT_ID, r.tenantId());
    required(ApprovalRoute.SUBJECT, r.subject());
    required(ApprovalRoute.KIND, r.kind());
    required(ApprovalRoute.DEPARTMENT, r.department());
    required(ApprovalRoute.ORIGINATOR, r.originator());
    if (r.amount() < 0) {
      throw ApprovalException.invalid(ApprovalRoute.AMOUNT, "must not be negative");
    }
    List<RouteStep> steps = planner.plan(organisation.chartOf(r.tenantId()), r.department(), r.originator(), rules);
    ApprovalCase c = new ApprovalCase(r.processInstanceId(), r.tenantId(), r.subject(), r.kind(), r.amount(),
        r.department(), r.procedureCode(), r.originator(), RouteStatus.IN_PROGRESS, 1, now(), null);
    store.insert(c);
    store.saveSteps(c.processInstanceId(), steps);
    record(c, 0, null, ActionType.SUBMITTED, r.originator(), null, null, null);
    return activate(c, steps, 1, null, null);
  }

  // ---- approval step

  public Activation decide(String processInstanceId, String actor, Decision d) {
    ApprovalCase c = openCase(processInstanceId);
    List<RouteStep> steps = store.steps(processInstanceId);
    RouteStep step = activeParticipant(steps, c.currentPosition(), StepKind.APPROVAL, null);
    String onBehalfOf = authorise(c, step, actor);
    String decision = d.decision() == null ? "" : d.decision();
    switch (decision) {
      case ApprovalRoute.DECISION_APPROVE -> {
        String added = d.additionalApprover() == null || d.additionalApprover().isBlank() ? null
            : d.additionalApprover().trim();
        if (added != null && !members.isMember(c.tenantId(), added)) {
          throw ApprovalException.invalid(ApprovalRoute.ADDITIONAL_APPROVER,
              "'" + added + "' is not a member of the tenant");
        }
        if (added != null && added.equals(c.originator())) {
          throw ApprovalException.invalid(ApprovalRoute.ADDITIONAL_APPROVER, "the originator cannot approve");
        }
        replace(steps, step.withStatus(RouteStep.Status.APPROVED));
        record(c, step.position(), StepKind.APPROVAL, ActionType.APPROVED, actor, onBehalfOf, d.comment(), null);
        if (added != null) {
          steps = insertApproval(steps, step.position() + 1, added, step.department(), step.stepDays(), actor);
          record(c, step.position(), StepKind.APPROVAL, ActionType.APPROVER_ADDED, actor, onBehalfOf, added,
              step.position() + 1);
        }
        return activate(c, steps, step.position() + 1, actor, d.comment());
      }
      case ApprovalRoute.DECISION_REJECT -> {
        record(c, step.position(), StepKind.APPROVAL, ActionType.REJECTED, actor, onBehalfOf, d.comment(), null);
        store.update(c.ended(RouteStatus.REJECTED, now()));
        return ended(ApprovalRoute.NEXT_REJECTED, step.position(), ApprovalRoute.OUTCOME_REJECTED, d.comment(), actor);
      }
      case ApprovalRoute.DECISION_SEND_BACK -> {
        Integer target = d.sendBackTo();
        if (target == null || target < 0 || target >= step.position()) {
          throw ApprovalException.invalid(ApprovalRoute.SEND_BACK_TO,
              "must be 0 (the originator) or an earlier step (1.." + (step.position() - 1) + ")");
        }
        if (target > 0 && steps.stream().noneMatch(s -> s.position() == target && s.kind() == StepKind.APPROVAL)) {
          throw ApprovalException.invalid(ApprovalRoute.SEND_BACK_TO, "step " + target + " is not an approval step");
        }
        record(c, step.position(), StepKind.APPROVAL, ActionType.SENT_BACK, actor, onBehalfOf, d.comment(), target);
        return returnTo(c, steps, target, actor, d.comment());
      }
      default -> throw ApprovalException.invalid(ApprovalRoute.DECISION,
          "must be approve, reject or sendBack, not '" + decision + "'");
    }
  }

  // ---- 合議

  public void answerConsultation(String processInstanceId, String actor, String consultee, String opinion,
      String comment) {
    ApprovalCase c = openCase(processInstanceId);
    List<RouteStep> steps = store.steps(processInstanceId);
    RouteStep step = activeParticipant(steps, c.currentPosition(), StepKind.CONSULTATION, consultee);
    String onBehalfOf = authorise(c, step, actor);
    boolean agree = ApprovalRoute.OPINION_AGREE.equals(opinion);
    if (!agree && !ApprovalRoute.OPINION_DISAGREE.equals(opinion)) {
      throw ApprovalException.invalid(ApprovalRoute.OPINION, "must be agree or disagree");
    }
    if (!agree && (comment == null || comment.isBlank())) {
      throw ApprovalException.invalid(ApprovalRoute.COMMENT, "an objection needs its reason");
    }
    replace(steps, step.withStatus(agree ? RouteStep.Status.AGREED : RouteStep.Status.DISAGREED));
    store.saveSteps(processInstanceId, steps);
    record(c, step.position(), StepKind.CONSULTATION,
        agree ? ActionType.CONSULTATION_AGREED : ActionType.CONSULTATION_DISAGREED, actor, onBehalfOf, comment, null);
  }

  /** All consulted users answered: go on, or back to the step owner if one of them disagreed. */
  public Activation finishConsultation(String processInstanceId) {
    ApprovalCase c = openCase(processInstanceId);
    List<RouteStep> steps = store.steps(processInstanceId);
    List<RouteStep> at = stepsAt(steps, c.currentPosition());
    List<RouteStep> objections = at.stream().filter(s -> s.status() == RouteStep.Status.DISAGREED).toList();
    if (at.stream().anyMatch(s -> s.status() == RouteStep.Status.ACTIVE)) {
      throw ApprovalException.conflict("the 合議 at step " + c.currentPosition() + " is not complete");
    }
    if (objections.isEmpty()) {
      return activate(c, steps, c.currentPosition() + 1, null, null);
    }
    int owner = steps.stream().filter(s -> s.kind() == StepKind.APPROVAL && s.position() < c.currentPosition())
        .mapToInt(RouteStep::position).max().orElse(0);
    record(c, c.currentPosition(), StepKind.CONSULTATION, ActionType.RETURNED_BY_CONSULTATION, null, null,
        String.join(", ", objections.stream().map(RouteStep::userId).toList()), owner);
    return returnTo(c, steps, owner, null, null);
  }

  // ---- 回覧

  /** Marks the 回覧 step as sent and moves on; the caller starts one circulation per reader. */
  public Activation circulate(String processInstanceId) {
    ApprovalCase c = openCase(processInstanceId);
    List<RouteStep> steps = store.steps(processInstanceId);
    for (RouteStep s : stepsAt(steps, c.currentPosition())) {
      replace(steps, s.withStatus(RouteStep.Status.SENT));
      record(c, s.position(), StepKind.CIRCULATION, ActionType.CIRCULATED, null, null, s.userId(), null);
    }
    return activate(c, steps, c.currentPosition() + 1, null, null);
  }

  /** A reader confirmed the 回覧; allowed after the route ended too. */
  public void recordRead(String processInstanceId, String actor, int position, String comment) {
    ApprovalCase c = store.find(processInstanceId)
        .orElseThrow(() -> ApprovalException.notFound("no approval route '" + processInstanceId + "'"));
    List<RouteStep> steps = store.steps(processInstanceId);
    RouteStep step = steps.stream()
        .filter(s -> s.position() == position && s.kind() == StepKind.CIRCULATION && s.userId().equals(actor))
        .findFirst().orElseThrow(() -> ApprovalException.forbidden("'" + actor + "' is not a reader of step "
            + position));
    replace(steps, step.withStatus(RouteStep.Status.READ));
    store.saveSteps(processInstanceId, steps);
    record(c, position, StepKind.CIRCULATION, ActionType.READ, actor, null, comment, null);
  }

  // ---- originator

  public Activation revise(String processInstanceId, String actor, String revision, String comment) {
    ApprovalCase c = openCase(processInstanceId);
    if (c.status() != RouteStatus.SENT_BACK) {
      throw ApprovalException.conflict("the route is not waiting for the originator");
    }
    if (!c.originator().equals(actor)) {
      throw ApprovalException.forbidden("only the originator '" + c.originator() + "' may answer a send-back");
    }
    if (ApprovalRoute.REVISION_WITHDRAW.equals(revision)) {
      return withdraw(processInstanceId, actor, comment);
    }
    if (!ApprovalRoute.REVISION_RESUBMIT.equals(revision)) {
      throw ApprovalException.invalid(ApprovalRoute.REVISION, "must be resubmit or withdraw");
    }
    record(c, 0, null, ActionType.RESUBMITTED, actor, null, comment, null);
    return activate(c, store.steps(processInstanceId), 1, null, null);
  }

  /** Checks that the user may withdraw the route now (before the message is sent to the model). */
  public ApprovalCase checkWithdrawal(String processInstanceId, String actor) {
    ApprovalCase c = store.find(processInstanceId)
        .orElseThrow(() -> ApprovalException.notFound("no approval route '" + processInstanceId + "'"));
    if (!c.originator().equals(actor)) {
      throw ApprovalException.forbidden("only the originator '" + c.originator() + "' may withdraw");
    }
    if (!c.status().isOpen()) {
      throw ApprovalException.conflict("the route has already ended (" + c.status().name().toLowerCase() + ")");
    }
    return c;
  }

  public Activation withdraw(String processInstanceId, String actor, String comment) {
    ApprovalCase c = checkWithdrawal(processInstanceId, actor);
    record(c, c.currentPosition(), null, ActionType.WITHDRAWN, actor, null, comment, null);
    store.update(c.ended(RouteStatus.WITHDRAWN, now()));
    return ended(ApprovalRoute.NEXT_WITHDRAWN, c.currentPosition(), ApprovalRoute.OUTCOME_WITHDRAWN, comment, actor);
  }

  // ---- deadlines

  /** The step's last day has begun: record the reminder; returns who is reminded. */
  public List<String> remind(String processInstanceId) {
    ApprovalCase c = openCase(processInstanceId);
    List<String> users = stepsAt(store.steps(processInstanceId), c.currentPosition()).stream()
        .filter(s -> s.status() == RouteStep.Status.ACTIVE).map(RouteStep::userId).toList();
    for (String user : users) {
      record(c, c.currentPosition(), StepKind.APPROVAL, ActionType.REMINDED, null, null, user, null);
    }
    return users;
  }

  /** The step passed its deadline: the approver's superior (and the tenant's supervisors) receive it. */
  public Escalation escalate(String processInstanceId) {
    ApprovalCase c = openCase(processInstanceId);
    List<RouteStep> steps = store.steps(processInstanceId);
    RouteStep step = activeParticipant(steps, c.currentPosition(), StepKind.APPROVAL, null);
    String superior = superiorOf(c.tenantId(), step).orElse(null);
    replace(steps, step.withEscalatedTo(superior));
    store.saveSteps(processInstanceId, steps);
    String group = c.tenantId() + "-" + jp.tetsuzuki.processes.identity.Roles.SUPERVISORS;
    record(c, step.position(), StepKind.APPROVAL, ActionType.ESCALATED, null, null,
        superior == null ? group : superior + ", " + group, null);
    return new Escalation(step.userId(), superior, group);
  }

  // ---- reading

  /** Keeps what the approvers are shown with the route (read back by {@link #document}). */
  public void keepDocument(String processInstanceId, String summary, String attachmentsText) {
    if (summary != null && summary.length() > 20_000) {
      throw ApprovalException.invalid(ApprovalRoute.SUMMARY, "at most 20000 characters");
    }
    store.saveDocument(processInstanceId, new ApprovalStore.Document(summary, attachmentsText));
  }

  public Optional<ApprovalStore.Document> document(String processInstanceId) {
    return store.document(processInstanceId);
  }

  public Optional<ApprovalCase> find(String processInstanceId) {
    return store.find(processInstanceId);
  }

  public List<ActionRecord> history(String processInstanceId) {
    return store.actions(processInstanceId);
  }

  public List<RouteStep> steps(String processInstanceId) {
    return store.steps(processInstanceId);
  }

  /** Substitutes who may act for the user today (added as candidates of the user's tasks). */
  public List<String> activeSubstitutesOf(String tenantId, String userId) {
    return substitutes.activeSubstitutesOf(tenantId, userId, today());
  }

  /** The route and its history as Japanese text for the task forms. */
  public String historyText(String processInstanceId) {
    return new RouteHistoryText(members).render(store.find(processInstanceId).orElseThrow(),
        store.steps(processInstanceId), store.actions(processInstanceId));
  }

  // ---- internals

  private Activation activate(ApprovalCase c, List<RouteStep> steps, int position, String lastActor,
      String lastComment) {
    int p = position;
    while (!stepsAt(steps, p).isEmpty() && stepsAt(steps, p).get(0).kind() == StepKind.CIRCULATION
        && stepsAt(steps, p).stream().allMatch(s -> s.status() != RouteStep.Status.PENDING)) {
      p++; // this 回覧 was already sent before a send-back
    }
    List<RouteStep> at = stepsAt(steps, p);
    if (at.isEmpty()) {
      store.saveSteps(c.processInstanceId(), steps);
      store.update(c.at(p - 1, RouteStatus.APPROVED).ended(RouteStatus.APPROVED, now()));
      if (lastActor == null) {
        // the route ended on a 合議 or 回覧: the decision is the last approval of the route
        ActionRecord decisive = store.actions(c.processInstanceId()).stream()
            .filter(a -> a.action() == ActionType.APPROVED).reduce((first, second) -> second).orElse(null);
        if (decisive != null) {
          return ended(ApprovalRoute.NEXT_APPROVED, p - 1, ApprovalRoute.OUTCOME_APPROVED, decisive.comment(),
              decisive.actorId());
        }
      }
      return ended(ApprovalRoute.NEXT_APPROVED, p - 1, ApprovalRoute.OUTCOME_APPROVED, lastComment, lastActor);
    }
    for (RouteStep s : at) {
      replace(steps, s.withStatus(s.kind() == StepKind.CIRCULATION ? RouteStep.Status.PENDING
          : RouteStep.Status.ACTIVE).withEscalatedTo(null));
    }
    store.saveSteps(c.processInstanceId(), steps);
    store.update(c.at(p, RouteStatus.IN_PROGRESS));
    RouteStep first = at.get(0);
    String next = switch (first.kind()) {
      case APPROVAL -> ApprovalRoute.NEXT_APPROVAL;
      case CONSULTATION -> ApprovalRoute.NEXT_CONSULTATION;
      case CIRCULATION -> ApprovalRoute.NEXT_CIRCULATION;
    };
    Instant started = now();
    return new Activation(next, p, at.stream().map(RouteStep::userId).toList(),
        deadlines.dueAt(c.tenantId(), started, first.stepDays()),
        deadlines.reminderAt(c.tenantId(), started, first.stepDays()), null, null, null);
  }

  private Activation returnTo(ApprovalCase c, List<RouteStep> steps, int target, String actor, String comment) {
    for (RouteStep s : List.copyOf(steps)) {
      if (s.position() >= target && s.kind() != StepKind.CIRCULATION) {
        replace(steps, s.withStatus(RouteStep.Status.PENDING).withEscalatedTo(null));
      }
    }
    if (target == 0) {
      store.saveSteps(c.processInstanceId(), steps);
      store.update(c.at(0, RouteStatus.SENT_BACK));
      return new Activation(ApprovalRoute.NEXT_ORIGINATOR, 0, List.of(c.originator()), null, null, null, comment,
          actor);
    }
    return activate(c, steps, target, actor, comment);
  }

  private String authorise(ApprovalCase c, RouteStep step, String actor) {
    if (actor == null || actor.isBlank()) {
      throw ApprovalException.forbidden("the acting user is unknown");
    }
    if (actor.equals(step.userId())) {
      return null;
    }
    if (substitutes.isActiveSubstitute(c.tenantId(), step.userId(), actor, today())) {
      return step.userId();
    }
    if (actor.equals(step.escalatedTo())) {
      return step.userId();
    }
    throw ApprovalException.forbidden("'" + actor + "' is neither the approver '" + step.userId()
        + "' nor their substitute");
  }

  private Optional<String> superiorOf(String tenantId, RouteStep step) {
    if (step.role() == null) {
      return Optional.empty();
    }
    OrganisationChart chart = organisation.chartOf(tenantId);
    Optional<ApproverRole> role = step.role().superior();
    while (role.isPresent()) {
      try {
        String user = chart.resolve(step.department(), role.get());
        if (!user.equals(step.userId())) {
          return Optional.of(user);
        }
      } catch (OrganisationChart.ApproverNotFoundException e) {
        return Optional.empty();
      }
      role = role.get().superior();
    }
    return Optional.empty();
  }

  private static List<RouteStep> insertApproval(List<RouteStep> steps, int position, String user, String department,
      int stepDays, String addedBy) {
    List<RouteStep> result = new ArrayList<>();
    for (RouteStep s : steps) {
      result.add(s.position() >= position ? s.withPosition(s.position() + 1) : s);
    }
    result.add(new RouteStep(position, 1, StepKind.APPROVAL, null, department, user, stepDays,
        RouteStep.Status.PENDING, addedBy, null));
    result.sort((a, b) -> a.position() != b.position() ? Integer.compare(a.position(), b.position())
        : Integer.compare(a.participant(), b.participant()));
    return result;
  }

  private ApprovalCase openCase(String processInstanceId) {
    ApprovalCase c = store.find(processInstanceId)
        .orElseThrow(() -> ApprovalException.notFound("no approval route '" + processInstanceId + "'"));
    if (!c.status().isOpen()) {
      throw ApprovalException.conflict("the route has already ended (" + c.status().name().toLowerCase() + ")");
    }
    return c;
  }

  private static RouteStep activeParticipant(List<RouteStep> steps, int position, StepKind kind, String user) {
    return stepsAt(steps, position).stream()
        .filter(s -> s.kind() == kind && s.status() == RouteStep.Status.ACTIVE)
        .filter(s -> user == null || s.userId().equals(user))
        .findFirst().orElseThrow(() -> ApprovalException.conflict("no active " + kind.name().toLowerCase()
            + " step" + (user == null ? "" : " for '" + user + "'") + " at position " + position));
  }

  private static List<RouteStep> stepsAt(List<RouteStep> steps, int position) {
    return steps.stream().filter(s -> s.position() == position).toList();
  }

  private static void replace(List<RouteStep> steps, RouteStep updated) {
    for (int i = 0; i < steps.size(); i++) {
      RouteStep s = steps.get(i);
      if (s.position() == updated.position() && s.participant() == updated.participant()) {
        steps.set(i, updated);
        return;
      }
    }
    throw new IllegalStateException("no step " + updated.position() + "/" + updated.participant());
  }

  private Activation ended(String next, int position, String outcome, String comment, String actor) {
    return new Activation(next, position, List.of(), null, null, outcome, comment, actor);
  }

  static final int MAX_COMMENT = 2000;

  private void record(ApprovalCase c, int position, StepKind kind, ActionType type, String actor, String onBehalfOf,
      String comment, Integer target) {
    if (comment != null && comment.length() > MAX_COMMENT) {
      // the action history keeps up to 2,000 characters: refuse more before anything is stored (not a 500)
      throw ApprovalException.invalid(ApprovalRoute.COMMENT, "コメントは " + MAX_COMMENT + " 文字以内で入力してください。 / "
          + "at most " + MAX_COMMENT + " characters");
    }
    store.record(c.processInstanceId(), c.tenantId(), new ActionRecord(0, position, kind, type, actor, onBehalfOf,
        comment == null || comment.isBlank() ? null : comment.trim(), target, now()));
  }

  private static void required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApprovalException.invalid(field, "is required");
    }
  }

  private Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return now().atZone(StepDeadlines.TOKYO).toLocalDate();
  }
}
