package jp.tetsuzuki.processes.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.tetsuzuki.bpmn.ApprovalRoute;

/**
 * One approval route (決裁) and its transitions, as a plain aggregate: approve, reject (否認), send back (差戻し) to
 * the originator or an earlier step, withdraw (引戻し), 合議 opinions, 回覧, approvers added on the way, acting as a
 * substitute (代理) or as the superior of an overdue step (代決). A command checks who acts and what they ask, then
 * changes the case record and the steps and appends actions; {@link ApprovalService} loads the route from an
 * {@link ApprovalStore} and saves what changed ({@link #changes()}). A refusal is an {@link ApprovalException} with
 * the Japanese sentence staff read, thrown before anything changed. No engine, Spring or JDBC types: the rules are
 * tested in a table without a database ({@code RouteTransitionsTest}).
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
 *   <li>Nobody acts twice on one route and its drafter never decides it (attack review 3 A14, A15): a substitute or
 *   superior stands in only if they are not the originator, hold no 決裁 or 合議 step of the route themselves and
 *   acted on it for nobody else (again for the same approver after a send-back is fine); the superior an overdue
 *   step goes to is the next one up who may stand in; an added approver is nobody who acts on the route already
 *   (the one adding, a holder of a step, anyone who acted). Steps the route table gives one person twice (e.g. the
 *   課長 of every 課: 決裁 and 合議) stay theirs.</li>
 * </ul>
 */
public final class Route {

  /** The longest comment the action history keeps. */
  static final int MAX_COMMENT = 2000;

  /** The case to route, from the model's inputs. */
  public record Request(String processInstanceId, String tenantId, String subject, String kind, long amount,
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

  /** What the route asks about people while it decides; asked only when a command needs the answer. */
  public interface People {

    /** Whether the user exists and belongs to the route's tenant. */
    boolean isMember(String userId);

    /** Whether {@code actor} is a registered substitute (代理) of {@code principal} today. */
    boolean isActiveSubstitute(String principal, String actor);

    /**
     * Whether the user is one of the tenant's 会計管理者, who check payment orders after their route and so may not
     * approve them (separation of duties, review F17).
     */
    boolean checksPayments(String userId);

    /**
     * Whether the user prepared what the document decides and so may not decide it (besides its originator): e.g.
     * who verified the scanned invoice a payment order is built from (attack review 3 A9). None by default.
     */
    default boolean preparedContent(String userId) {
      return false;
    }
  }

  /**
   * What a command changed, for the store.
   *
   * @param created the case is new (insert rather than update)
   * @param actions the actions to append, in order (their {@code seq} is the store's to give)
   */
  public record Changes(ApprovalCase route, boolean created, boolean caseChanged, List<RouteStep> steps,
      boolean stepsChanged, List<ActionRecord> actions) {}

  private ApprovalCase c;
  private final List<RouteStep> steps;
  private final List<ActionRecord> history;
  private final StepDeadlines deadlines;
  private final Instant now;
  private final boolean created;
  private boolean caseChanged;
  private boolean stepsChanged;
  private final List<ActionRecord> recorded = new ArrayList<>();

  private Route(ApprovalCase c, List<RouteStep> steps, List<ActionRecord> history, StepDeadlines deadlines,
      Instant now, boolean created) {
    this.c = c;
    this.steps = new ArrayList<>(steps);
    this.history = List.copyOf(history);
    this.deadlines = deadlines;
    this.now = now;
    this.created = created;
  }

  /**
   * A stored route, ready for one command at {@code now}.
   *
   * @param history the actions recorded so far (the decisive approval is read from them when a 合議 or 回覧 ends the
   *                route)
   */
  public static Route load(ApprovalCase c, List<RouteStep> steps, List<ActionRecord> history,
      StepDeadlines deadlines, Instant now) {
    return new Route(c, steps, history, deadlines, now, false);
  }

  /** Refuses a request that lacks what every route needs, before the route table is read. */
  public static void checkRequest(Request r) {
    required(ApprovalRoute.TENANT_ID, "団体", r.tenantId());
    required(ApprovalRoute.SUBJECT, "件名", r.subject());
    required(ApprovalRoute.KIND, "決裁の種類", r.kind());
    required(ApprovalRoute.DEPARTMENT, "起案課", r.department());
    required(ApprovalRoute.ORIGINATOR, "起案者", r.originator());
    if (r.amount() < 0) {
      throw ApprovalException.invalid(ApprovalRoute.AMOUNT, "金額は 0 以上で入力してください。", "must not be negative");
    }
  }

  /** 起案: a new route on the planned steps, activated at its first step. */
  public static Route open(Request r, List<RouteStep> planned, StepDeadlines deadlines, Instant now) {
    checkRequest(r);
    ApprovalCase c = new ApprovalCase(r.processInstanceId(), r.tenantId(), r.subject(), r.kind(), r.amount(),
        r.department(), r.procedureCode(), r.originator(), RouteStatus.IN_PROGRESS, 1, now, null);
    return new Route(c, planned, List.of(), deadlines, now, true);
  }

  /** The activation of a route just opened ({@link #open}): records the submission and activates step 1. */
  public Activation submit() {
    record(0, null, ActionType.SUBMITTED, c.originator(), null, null, null);
    return activate(1, null, null);
  }

  // ---- approval step

  /** 決裁: the approver (or their substitute, or the superior of an overdue step) approves, rejects or sends back. */
  public Activation decide(String actor, Decision d, People people) {
    requireOpen();
    RouteStep step = activeParticipant(StepKind.APPROVAL, null);
    String onBehalfOf = authorise(step, actor, people);
    if (people.preparedContent(actor)) {
      throw ApprovalException.forbidden("「" + actor + "」はこの文書の内容を作成・確認した職員（請求書の読取内容の確認など）のため、"
          + "決裁できません。代理者が決裁してください。", "'" + actor + "' prepared the content of this document (e.g. "
          + "verified the scanned invoice) and cannot decide it");
    }
    String decision = d.decision() == null ? "" : d.decision();
    switch (decision) {
      case ApprovalRoute.DECISION_APPROVE -> {
        String added = d.additionalApprover() == null || d.additionalApprover().isBlank() ? null
            : d.additionalApprover().trim();
        if (added != null && !people.isMember(added)) {
          throw ApprovalException.invalid(ApprovalRoute.ADDITIONAL_APPROVER,
              "追加する承認者「" + added + "」はこの団体の職員ではありません。",
              "'" + added + "' is not a member of the tenant");
        }
        if (added != null && added.equals(c.originator())) {
          throw ApprovalException.invalid(ApprovalRoute.ADDITIONAL_APPROVER, "起案者を承認者に追加することはできません。",
              "the originator cannot approve");
        }
        if (added != null && people.preparedContent(added)) {
          throw ApprovalException.invalid(ApprovalRoute.ADDITIONAL_APPROVER, "文書の内容を作成・確認した職員（" + added
              + "、請求書の読取内容の確認など）を承認者に追加することはできません。", "who prepared the content (e.g. "
              + "verified the scanned invoice) cannot approve");
        }
        if (added != null && ApprovalRoute.KIND_PAYMENT.equals(c.kind()) && people.checksPayments(added)) {
          throw ApprovalException.invalid(ApprovalRoute.ADDITIONAL_APPROVER, "会計管理者（" + added
              + "）を支出命令の承認者に追加することはできません（支出命令は決裁の後に会計管理者が確認します）。",
              "a 会計管理者 checks the payment order after its route and cannot approve it");
        }
        if (added != null) {
          requireNewToRoute(added, actor);
        }
        replace(step.withStatus(RouteStep.Status.APPROVED));
        record(step.position(), StepKind.APPROVAL, ActionType.APPROVED, actor, onBehalfOf, d.comment(), null);
        if (added != null) {
          insertApproval(step.position() + 1, added, step.department(), step.stepDays(), actor);
          record(step.position(), StepKind.APPROVAL, ActionType.APPROVER_ADDED, actor, onBehalfOf, added,
              step.position() + 1);
        }
        return activate(step.position() + 1, actor, d.comment());
      }
      case ApprovalRoute.DECISION_REJECT -> {
        record(step.position(), StepKind.APPROVAL, ActionType.REJECTED, actor, onBehalfOf, d.comment(), null);
        end(RouteStatus.REJECTED);
        return ended(ApprovalRoute.NEXT_REJECTED, step.position(), ApprovalRoute.OUTCOME_REJECTED, d.comment(),
            actor);
      }
      case ApprovalRoute.DECISION_SEND_BACK -> {
        Integer target = d.sendBackTo();
        if (target == null || target < 0 || target >= step.position()) {
          throw ApprovalException.invalid(ApprovalRoute.SEND_BACK_TO,
              step.position() == 1 ? "最初の段階からの差戻し先は起案者（0）だけです。"
                  : "差戻し先は起案者（0）かこれより前の段階（1〜" + (step.position() - 1) + "）を指定してください。",
              "must be 0 (the originator) or an earlier step (1.." + (step.position() - 1) + ")");
        }
        if (target > 0 && steps.stream().noneMatch(s -> s.position() == target && s.kind() == StepKind.APPROVAL)) {
          throw ApprovalException.invalid(ApprovalRoute.SEND_BACK_TO,
              target + " 番目は決裁の段階ではないため、差戻し先にできません。", "step " + target + " is not an approval step");
        }
        record(step.position(), StepKind.APPROVAL, ActionType.SENT_BACK, actor, onBehalfOf, d.comment(), target);
        return returnTo(target, actor, d.comment());
      }
      default -> throw ApprovalException.invalid(ApprovalRoute.DECISION, "承認・否認・差戻しのいずれかを選んでください。",
          "must be approve, reject or sendBack, not '" + decision + "'");
    }
  }

  // ---- 合議

  /** One consulted department's opinion (agree, or disagree with its reason). */
  public void answerConsultation(String actor, String consultee, String opinion, String comment, People people) {
    requireOpen();
    RouteStep step = activeParticipant(StepKind.CONSULTATION, consultee);
    String onBehalfOf = authorise(step, actor, people);
    boolean agree = ApprovalRoute.OPINION_AGREE.equals(opinion);
    if (!agree && !ApprovalRoute.OPINION_DISAGREE.equals(opinion)) {
      throw ApprovalException.invalid(ApprovalRoute.OPINION, "同意か異議かを選んでください。", "must be agree or disagree");
    }
    if (!agree && (comment == null || comment.isBlank())) {
      throw ApprovalException.invalid(ApprovalRoute.COMMENT, "異議にはその理由を記入してください。",
          "an objection needs its reason");
    }
    replace(step.withStatus(agree ? RouteStep.Status.AGREED : RouteStep.Status.DISAGREED));
    record(step.position(), StepKind.CONSULTATION,
        agree ? ActionType.CONSULTATION_AGREED : ActionType.CONSULTATION_DISAGREED, actor, onBehalfOf, comment, null);
  }

  /** All consulted users answered: go on, or back to the step owner if one of them disagreed. */
  public Activation finishConsultation() {
    requireOpen();
    List<RouteStep> at = stepsAt(c.currentPosition());
    List<RouteStep> objections = at.stream().filter(s -> s.status() == RouteStep.Status.DISAGREED).toList();
    if (at.stream().anyMatch(s -> s.status() == RouteStep.Status.ACTIVE)) {
      throw ApprovalException.conflict(c.currentPosition() + " 番目の合議はまだ全員が回答していません。",
          "the 合議 at step " + c.currentPosition() + " is not complete");
    }
    if (objections.isEmpty()) {
      return activate(c.currentPosition() + 1, null, null);
    }
    int owner = steps.stream().filter(s -> s.kind() == StepKind.APPROVAL && s.position() < c.currentPosition())
        .mapToInt(RouteStep::position).max().orElse(0);
    record(c.currentPosition(), StepKind.CONSULTATION, ActionType.RETURNED_BY_CONSULTATION, null, null,
        String.join(", ", objections.stream().map(RouteStep::userId).toList()), owner);
    return returnTo(owner, null, null);
  }

  // ---- 回覧

  /** Marks the 回覧 step as sent and moves on; the caller starts one circulation per reader. */
  public Activation circulate() {
    requireOpen();
    for (RouteStep s : stepsAt(c.currentPosition())) {
      replace(s.withStatus(RouteStep.Status.SENT));
      record(s.position(), StepKind.CIRCULATION, ActionType.CIRCULATED, null, null, s.userId(), null);
    }
    return activate(c.currentPosition() + 1, null, null);
  }

  /** A reader confirmed the 回覧; allowed after the route ended too. */
  public void recordRead(String actor, int position, String comment) {
    RouteStep step = steps.stream()
        .filter(s -> s.position() == position && s.kind() == StepKind.CIRCULATION && s.userId().equals(actor))
        .findFirst().orElseThrow(() -> ApprovalException.forbidden(
            "「" + actor + "」は " + position + " 番目の回覧先ではありません。",
            "'" + actor + "' is not a reader of step " + position));
    replace(step.withStatus(RouteStep.Status.READ));
    record(position, StepKind.CIRCULATION, ActionType.READ, actor, null, comment, null);
  }

  // ---- originator

  /** After a send-back to the originator: resubmit from step 1, or withdraw. */
  public Activation revise(String actor, String revision, String comment) {
    requireOpen();
    if (c.status() != RouteStatus.SENT_BACK) {
      throw ApprovalException.conflict("この決裁は起案者への差戻し中ではありません。",
          "the route is not waiting for the originator");
    }
    if (!c.originator().equals(actor)) {
      throw ApprovalException.forbidden("差戻しに対応できるのは起案者「" + c.originator() + "」だけです。",
          "only the originator '" + c.originator() + "' may answer a send-back");
    }
    if (ApprovalRoute.REVISION_WITHDRAW.equals(revision)) {
      return withdraw(actor, comment);
    }
    if (!ApprovalRoute.REVISION_RESUBMIT.equals(revision)) {
      throw ApprovalException.invalid(ApprovalRoute.REVISION, "再提出か引戻しかを選んでください。",
          "must be resubmit or withdraw");
    }
    record(0, null, ActionType.RESUBMITTED, actor, null, comment, null);
    return activate(1, null, null);
  }

  /** Checks that the user may withdraw the route now (before the message is sent to the model). */
  public void checkWithdrawal(String actor) {
    if (!c.originator().equals(actor)) {
      throw ApprovalException.forbidden("引戻しできるのは起案者「" + c.originator() + "」だけです。",
          "only the originator '" + c.originator() + "' may withdraw");
    }
    requireOpen();
  }

  /** 引戻し by the originator while the route is open. */
  public Activation withdraw(String actor, String comment) {
    checkWithdrawal(actor);
    record(c.currentPosition(), null, ActionType.WITHDRAWN, actor, null, comment, null);
    end(RouteStatus.WITHDRAWN);
    return ended(ApprovalRoute.NEXT_WITHDRAWN, c.currentPosition(), ApprovalRoute.OUTCOME_WITHDRAWN, comment, actor);
  }

  // ---- deadlines

  /** The step's last day has begun: records the reminder; returns who is reminded. */
  public List<String> remind() {
    requireOpen();
    List<String> users = stepsAt(c.currentPosition()).stream()
        .filter(s -> s.status() == RouteStep.Status.ACTIVE).map(RouteStep::userId).toList();
    for (String user : users) {
      record(c.currentPosition(), StepKind.APPROVAL, ActionType.REMINDED, null, null, user, null);
    }
    return users;
  }

  /**
   * The step passed its deadline: the approver's superior (the next role up the chain who is someone else) and the
   * tenant's supervisors receive it; the superior may then decide in the approver's place.
   *
   * @param chart the tenant's organisation, read only when the step has a role to go up from
   */
  public Escalation escalate(Supplier<OrganisationChart> chart, String supervisorsGroup) {
    requireOpen();
    RouteStep step = activeParticipant(StepKind.APPROVAL, null);
    String superior = superiorOf(step, chart).orElse(null);
    replace(step.withEscalatedTo(superior));
    record(step.position(), StepKind.APPROVAL, ActionType.ESCALATED, null, null,
        superior == null ? supervisorsGroup : superior + ", " + supervisorsGroup, null);
    return new Escalation(step.userId(), superior, supervisorsGroup);
  }

  // ---- reading

  public ApprovalCase current() {
    return c;
  }

  public List<RouteStep> steps() {
    return List.copyOf(steps);
  }

  public Changes changes() {
    return new Changes(c, created, caseChanged, List.copyOf(steps), stepsChanged, List.copyOf(recorded));
  }

  // ---- internals

  private Activation activate(int position, String lastActor, String lastComment) {
    int p = position;
    while (!stepsAt(p).isEmpty() && stepsAt(p).get(0).kind() == StepKind.CIRCULATION
        && stepsAt(p).stream().allMatch(s -> s.status() != RouteStep.Status.PENDING)) {
      p++; // this 回覧 was already sent before a send-back
    }
    List<RouteStep> at = stepsAt(p);
    if (at.isEmpty()) {
      stepsChanged = true;
      c = c.at(p - 1, RouteStatus.APPROVED).ended(RouteStatus.APPROVED, now);
      caseChanged = true;
      if (lastActor == null) {
        // the route ended on a 合議 or 回覧: the decision is the last approval of the route
        ActionRecord decisive = allActions().stream().filter(a -> a.action() == ActionType.APPROVED)
            .reduce((first, second) -> second).orElse(null);
        if (decisive != null) {
          return ended(ApprovalRoute.NEXT_APPROVED, p - 1, ApprovalRoute.OUTCOME_APPROVED, decisive.comment(),
              decisive.actorId());
        }
      }
      return ended(ApprovalRoute.NEXT_APPROVED, p - 1, ApprovalRoute.OUTCOME_APPROVED, lastComment, lastActor);
    }
    for (RouteStep s : at) {
      replace(s.withStatus(s.kind() == StepKind.CIRCULATION ? RouteStep.Status.PENDING : RouteStep.Status.ACTIVE)
          .withEscalatedTo(null));
    }
    stepsChanged = true;
    c = c.at(p, RouteStatus.IN_PROGRESS);
    caseChanged = true;
    RouteStep first = at.get(0);
    String next = switch (first.kind()) {
      case APPROVAL -> ApprovalRoute.NEXT_APPROVAL;
      case CONSULTATION -> ApprovalRoute.NEXT_CONSULTATION;
      case CIRCULATION -> ApprovalRoute.NEXT_CIRCULATION;
    };
    return new Activation(next, p, at.stream().map(RouteStep::userId).toList(),
        deadlines.dueAt(c.tenantId(), now, first.stepDays()),
        deadlines.reminderAt(c.tenantId(), now, first.stepDays()), null, null, null);
  }

  private Activation returnTo(int target, String actor, String comment) {
    for (RouteStep s : List.copyOf(steps)) {
      if (s.position() >= target && s.kind() != StepKind.CIRCULATION) {
        replace(s.withStatus(RouteStep.Status.PENDING).withEscalatedTo(null));
      }
    }
    if (target == 0) {
      stepsChanged = true;
      c = c.at(0, RouteStatus.SENT_BACK);
      caseChanged = true;
      return new Activation(ApprovalRoute.NEXT_ORIGINATOR, 0, List.of(c.originator()), null, null, null, comment,
          actor);
    }
    return activate(target, actor, comment);
  }

  /** Who may act on the step: its user, their substitute today, or the superior it was escalated to. */
  private String authorise(RouteStep step, String actor, People people) {
    if (actor == null || actor.isBlank()) {
      throw ApprovalException.forbidden("操作した職員が分かりません。", "the acting user is unknown");
    }
    if (actor.equals(step.userId())) {
      if (actor.equals(c.originator())) {
        throw ApprovalException.forbidden("「" + actor + "」はこの決裁の起案者のため、決裁・合議できません（起案者は自分の起案を"
            + "決裁できません）。", "'" + actor + "' drafted this route and cannot decide it");
      }
      return null;
    }
    if (people.isActiveSubstitute(step.userId(), actor) || actor.equals(step.escalatedTo())) {
      // 代理 or 代決 only by somebody who acts on the route in no other way (A14: the drafter approved as substitute)
      Optional<ApprovalException> refusal = standInRefusal(step.userId(), actor);
      if (refusal.isPresent()) {
        throw refusal.get();
      }
      return step.userId();
    }
    throw ApprovalException.forbidden("「" + actor + "」はこの段階の担当者「" + step.userId() + "」でも、その代理者でもありません。",
        "'" + actor + "' is neither the approver '" + step.userId() + "' nor their substitute");
  }

  /**
   * Whether {@code actor} may act on this route for {@code principal} as substitute (代理) or as the superior of an
   * overdue step (代決); the principal himself always may. Substitutes become candidates of a task only if so.
   */
  public boolean mayStandIn(String principal, String actor) {
    return actor.equals(principal) || standInRefusal(principal, actor).isEmpty();
  }

  /** Actions by which somebody decided on a step (決裁 or 合議) of the route. */
  private static final java.util.Set<ActionType> DECIDING = java.util.EnumSet.of(ActionType.APPROVED,
      ActionType.REJECTED, ActionType.SENT_BACK, ActionType.APPROVER_ADDED, ActionType.CONSULTATION_AGREED,
      ActionType.CONSULTATION_DISAGREED);

  /** The rule every refusal of a second act names. */
  private static final String ONCE = "同じ決裁で同じ職員が二度決裁・合議することはできません";

  /** Why {@code actor} may not stand in for {@code principal} on this route, or empty (see the class comment). */
  private Optional<ApprovalException> standInRefusal(String principal, String actor) {
    if (actor.equals(c.originator())) {
      return Optional.of(ApprovalException.forbidden("「" + actor + "」はこの決裁の起案者のため、「" + principal
          + "」の代理・代決はできません（起案者は自分の起案を決裁できません）。", "'" + actor
          + "' drafted this route and cannot act on it for '" + principal + "'"));
    }
    Optional<RouteStep> held = heldBy(actor);
    if (held.isPresent()) {
      return Optional.of(ApprovalException.forbidden("「" + actor + "」はこの決裁の " + held.get().position() + " 番目の"
          + held.get().kind().label() + "の担当者のため、「" + principal + "」の代理・代決はできません（" + ONCE + "）。",
          "'" + actor + "' holds step " + held.get().position() + " of this route and cannot also act for '"
              + principal + "'"));
    }
    Optional<ActionRecord> acted = allActions().stream()
        .filter(a -> DECIDING.contains(a.action()) && actor.equals(a.actorId()))
        .filter(a -> !principal.equals(a.onBehalfOf() == null ? a.actorId() : a.onBehalfOf()))
        .findFirst();
    if (acted.isPresent()) {
      ActionRecord a = acted.get();
      String forWhom = a.onBehalfOf() == null ? "" : "（「" + a.onBehalfOf() + "」の代理・代決）";
      return Optional.of(ApprovalException.forbidden("「" + actor + "」はこの決裁の " + a.position() + " 番目の段階ですでに"
          + a.action().label() + "しています" + forWhom + "。「" + principal + "」の代理・代決はできません（" + ONCE
          + "）。", "'" + actor + "' acted on step " + a.position() + " of this route already and cannot also act"
          + " for '" + principal + "'"));
    }
    return Optional.empty();
  }

  /** An added approver must be new to the route (A15: an approver added himself as the next approver). */
  private void requireNewToRoute(String added, String actor) {
    String reason = null;
    Optional<RouteStep> held = heldBy(added);
    if (added.equals(actor)) {
      reason = "この段階を決裁する本人";
    } else if (held.isPresent()) {
      reason = "この決裁の " + held.get().position() + " 番目の" + held.get().kind().label() + "の担当者";
    } else if (allActions().stream().anyMatch(a -> DECIDING.contains(a.action())
        && (added.equals(a.actorId()) || added.equals(a.onBehalfOf())))) {
      reason = "この決裁ですでに決裁・合議した職員";
    }
    if (reason != null) {
      throw ApprovalException.invalid(ApprovalRoute.ADDITIONAL_APPROVER, "「" + added + "」は" + reason
          + "のため、承認者に追加できません（" + ONCE + "）。", "'" + added + "' acts on this route already and cannot"
          + " be added as another approver");
    }
  }

  /** The first 決裁 or 合議 step of the route the user holds. */
  private Optional<RouteStep> heldBy(String user) {
    return steps.stream().filter(s -> s.kind() != StepKind.CIRCULATION && s.userId().equals(user)).findFirst();
  }

  private Optional<String> superiorOf(RouteStep step, Supplier<OrganisationChart> charts) {
    if (step.role() == null) {
      return Optional.empty();
    }
    OrganisationChart chart = charts.get();
    Optional<ApproverRole> role = step.role().superior();
    while (role.isPresent()) {
      try {
        String user = chart.resolve(step.department(), role.get());
        if (!user.equals(step.userId()) && mayStandIn(step.userId(), user)) {
          // one who holds a step of the route (or drafted it) would act twice: the next one up decides (A14)
          return Optional.of(user);
        }
      } catch (OrganisationChart.ApproverNotFoundException e) {
        return Optional.empty();
      }
      role = role.get().superior();
    }
    return Optional.empty();
  }

  private void insertApproval(int position, String user, String department, int stepDays, String addedBy) {
    List<RouteStep> result = new ArrayList<>();
    for (RouteStep s : steps) {
      result.add(s.position() >= position ? s.withPosition(s.position() + 1) : s);
    }
    result.add(new RouteStep(position, 1, StepKind.APPROVAL, null, department, user, stepDays,
        RouteStep.Status.PENDING, addedBy, null));
    result.sort((a, b) -> a.position() != b.position() ? Integer.compare(a.position(), b.position())
        : Integer.compare(a.participant(), b.participant()));
    steps.clear();
    steps.addAll(result);
    stepsChanged = true;
  }

  private void requireOpen() {
    if (!c.status().isOpen()) {
      throw ApprovalException.conflict("この決裁はすでに終了しています（" + c.status().label() + "）。",
          "the route has already ended (" + c.status().name().toLowerCase() + ")");
    }
  }

  private RouteStep activeParticipant(StepKind kind, String user) {
    int position = c.currentPosition();
    return stepsAt(position).stream()
        .filter(s -> s.kind() == kind && s.status() == RouteStep.Status.ACTIVE)
        .filter(s -> user == null || s.userId().equals(user))
        .findFirst().orElseThrow(() -> ApprovalException.conflict(
            position + " 番目に" + (user == null ? "" : "「" + user + "」の") + "処理中の" + kind.label()
                + "はありません。",
            "no active " + kind.name().toLowerCase() + " step" + (user == null ? "" : " for '" + user + "'")
                + " at position " + position));
  }

  private List<RouteStep> stepsAt(int position) {
    return steps.stream().filter(s -> s.position() == position).toList();
  }

  private void replace(RouteStep updated) {
    for (int i = 0; i < steps.size(); i++) {
      RouteStep s = steps.get(i);
      if (s.position() == updated.position() && s.participant() == updated.participant()) {
        steps.set(i, updated);
        stepsChanged = true;
        return;
      }
    }
    throw new IllegalStateException("no step " + updated.position() + "/" + updated.participant());
  }

  private void end(RouteStatus status) {
    c = c.ended(status, now);
    caseChanged = true;
  }

  private Activation ended(String next, int position, String outcome, String comment, String actor) {
    return new Activation(next, position, List.of(), null, null, outcome, comment, actor);
  }

  private List<ActionRecord> allActions() {
    List<ActionRecord> all = new ArrayList<>(history);
    all.addAll(recorded);
    return all;
  }

  private void record(int position, StepKind kind, ActionType type, String actor, String onBehalfOf,
      String comment, Integer target) {
    if (comment != null && comment.length() > MAX_COMMENT) {
      // the action history keeps up to 2,000 characters: refuse more before anything is stored (not a 500)
      throw ApprovalException.invalid(ApprovalRoute.COMMENT, "コメントは " + MAX_COMMENT + " 文字以内で入力してください。",
          "at most " + MAX_COMMENT + " characters");
    }
    recorded.add(new ActionRecord(0, position, kind, type, actor, onBehalfOf,
        comment == null || comment.isBlank() ? null : comment.trim(), target, now));
  }

  private static void required(String field, String name, String value) {
    if (value == null || value.isBlank()) {
      throw ApprovalException.invalid(field, name + "を入力してください。", "is required");
    }
  }
}
