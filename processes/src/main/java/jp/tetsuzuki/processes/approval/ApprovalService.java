package jp.tetsuzuki.processes.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.identity.Roles;

/**
 * The approval routes (決裁) as the model and the API use them: loads a {@link Route} from the {@link ApprovalStore},
 * lets it decide one command, and saves what changed. The rules themselves are {@link Route}'s; this class only
 * knows where routes, organisation charts, substitutes and people are found.
 */
public class ApprovalService {

  private final ApprovalStore store;
  private final Function<String, OrganisationChart> charts;
  private final ActiveSubstitutes substitutes;
  private final TenantMembers members;
  private final StepDeadlines deadlines;
  private final Clock clock;
  private final RoutePlanner planner = new RoutePlanner();
  private final String accountingDepartment;

  /**
   * @param charts the organisation chart of a tenant (read when a route is planned or a step escalated)
   */
  public ApprovalService(ApprovalStore store, Function<String, OrganisationChart> charts,
      ActiveSubstitutes substitutes, TenantMembers members, StepDeadlines deadlines, Clock clock) {
    this(store, charts, substitutes, members, deadlines, clock, ApprovalModule.DEFAULT_ACCOUNTING_DEPARTMENT);
  }

  /**
   * @param accountingDepartment the department code of the 会計管理者 group {@code <tenant>-<code>}
   *                             ({@code tetsuzuki.contract.accounting-department}): its members are not added to
   *                             payment routes
   */
  public ApprovalService(ApprovalStore store, Function<String, OrganisationChart> charts,
      ActiveSubstitutes substitutes, TenantMembers members, StepDeadlines deadlines, Clock clock,
      String accountingDepartment) {
    this.accountingDepartment = accountingDepartment;
    this.store = store;
    this.charts = charts;
    this.substitutes = substitutes;
    this.members = members;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  // ---- planning

  public Route.Activation plan(Route.Request r, List<RouteRule> rules) {
    Route.checkRequest(r);
    List<RouteStep> steps = planner.plan(charts.apply(r.tenantId()), r.department(), r.originator(), rules);
    Route route = Route.open(r, steps, deadlines, now());
    Route.Activation next = route.submit();
    save(route);
    return next;
  }

  // ---- approval step

  public Route.Activation decide(String processInstanceId, String actor, Route.Decision d) {
    Route route = load(processInstanceId);
    Route.Activation next = route.decide(actor, d, people(route.current().tenantId(), route.current()));
    save(route);
    return next;
  }

  // ---- 合議

  public void answerConsultation(String processInstanceId, String actor, String consultee, String opinion,
      String comment) {
    Route route = load(processInstanceId);
    route.answerConsultation(actor, consultee, opinion, comment, people(route.current().tenantId()));
    save(route);
  }

  /** All consulted users answered: go on, or back to the step owner if one of them disagreed. */
  public Route.Activation finishConsultation(String processInstanceId) {
    Route route = load(processInstanceId);
    Route.Activation next = route.finishConsultation();
    save(route);
    return next;
  }

  // ---- 回覧

  /** Marks the 回覧 step as sent and moves on; the caller starts one circulation per reader. */
  public Route.Activation circulate(String processInstanceId) {
    Route route = load(processInstanceId);
    Route.Activation next = route.circulate();
    save(route);
    return next;
  }

  /** A reader confirmed the 回覧; allowed after the route ended too. */
  public void recordRead(String processInstanceId, String actor, int position, String comment) {
    Route route = load(processInstanceId);
    route.recordRead(actor, position, comment);
    save(route);
  }

  // ---- originator

  public Route.Activation revise(String processInstanceId, String actor, String revision, String comment) {
    Route route = load(processInstanceId);
    Route.Activation next = route.revise(actor, revision, comment);
    save(route);
    return next;
  }

  /** Checks that the user may withdraw the route now (before the message is sent to the model). */
  public ApprovalCase checkWithdrawal(String processInstanceId, String actor) {
    Route route = load(processInstanceId);
    route.checkWithdrawal(actor);
    return route.current();
  }

  public Route.Activation withdraw(String processInstanceId, String actor, String comment) {
    Route route = load(processInstanceId);
    Route.Activation next = route.withdraw(actor, comment);
    save(route);
    return next;
  }

  // ---- deadlines

  /** The step's last day has begun: record the reminder; returns who is reminded. */
  public List<String> remind(String processInstanceId) {
    Route route = load(processInstanceId);
    List<String> users = route.remind();
    save(route);
    return users;
  }

  /** The step passed its deadline: the approver's superior (and the tenant's supervisors) receive it. */
  public Route.Escalation escalate(String processInstanceId) {
    Route route = load(processInstanceId);
    String tenantId = route.current().tenantId();
    Supplier<OrganisationChart> chart = () -> charts.apply(tenantId);
    Route.Escalation escalation = route.escalate(chart, tenantId + "-" + Roles.SUPERVISORS);
    save(route);
    return escalation;
  }

  // ---- reading

  /** Keeps what the approvers are shown with the route (read back by {@link #document}). */
  public void keepDocument(String processInstanceId, String summary, String attachmentsText) {
    if (summary != null && summary.length() > 20_000) {
      throw ApprovalException.invalid(ApprovalRoute.SUMMARY, "概要は 20000 文字以内で入力してください。",
          "at most 20000 characters");
    }
    store.saveDocument(processInstanceId, new ApprovalStore.Document(summary, attachmentsText));
  }

  public Optional<ApprovalStore.Document> document(String processInstanceId) {
    return store.document(processInstanceId);
  }

  /** Whether {@code code} is a 課 of the tenant's organisation chart (a department a 決裁 may be filed for). */
  public boolean isDepartment(String tenantId, String code) {
    return charts.apply(tenantId).unit(code).filter(u -> u.level() == OrgUnit.Level.KA).isPresent();
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

  /**
   * The substitutes who may act for the user today on this route (added as candidates of the user's task there): not
   * its originator, nobody who holds or acted on another of its steps (A14).
   */
  public List<String> activeSubstitutesOn(String processInstanceId, String tenantId, String userId) {
    List<String> active = activeSubstitutesOf(tenantId, userId);
    if (active.isEmpty()) {
      return active;
    }
    Optional<Route> route = store.find(processInstanceId).map(this::load);
    return active.stream().filter(s -> route.map(r -> r.mayStandIn(userId, s)).orElse(true)).toList();
  }

  /** Whether the user may act on the route for the principal as substitute (代理) or 代決 (see {@link Route}). */
  public boolean mayStandIn(String processInstanceId, String principal, String userId) {
    return store.find(processInstanceId).map(c -> load(c).mayStandIn(principal, userId)).orElse(true);
  }

  /** The route and its history as Japanese text for the task forms. */
  public String historyText(String processInstanceId) {
    return new RouteHistoryText(members).render(store.find(processInstanceId).orElseThrow(),
        store.steps(processInstanceId), store.actions(processInstanceId));
  }

  // ---- internals

  private Route load(String processInstanceId) {
    ApprovalCase c = store.find(processInstanceId).orElseThrow(() -> ApprovalException.notFound(
        "決裁ルート「" + processInstanceId + "」は見つかりません。", "no approval route '" + processInstanceId + "'"));
    return load(c);
  }

  private Route load(ApprovalCase c) {
    return Route.load(c, store.steps(c.processInstanceId()), store.actions(c.processInstanceId()), deadlines,
        now());
  }

  /** Writes what the command changed; the caller's transaction makes it all or nothing. */
  private void save(Route route) {
    Route.Changes changes = route.changes();
    ApprovalCase c = changes.route();
    if (changes.created()) {
      store.insert(c);
    } else if (changes.caseChanged()) {
      store.update(c);
    }
    if (changes.created() || changes.stepsChanged()) {
      store.saveSteps(c.processInstanceId(), changes.steps());
    }
    for (ActionRecord action : changes.actions()) {
      store.record(c.processInstanceId(), c.tenantId(), action);
    }
  }

  /**
   * Who may not decide a route besides its originator (who prepared its content), per case: the modules that start
   * routes add their rules (contract payment: the invoice's verifier, attack review 3 A9).
   */
  private final java.util.List<java.util.function.BiPredicate<ApprovalCase, String>> preparers =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds a rule: {@code rule.test(route, user)} true means the user prepared the route's content. */
  public void excludeFromDeciding(java.util.function.BiPredicate<ApprovalCase, String> rule) {
    preparers.add(rule);
  }

  private Route.People people(String tenantId) {
    return people(tenantId, null);
  }

  private Route.People people(String tenantId, ApprovalCase route) {
    LocalDate today = today();
    return new Route.People() {
      @Override
      public boolean preparedContent(String userId) {
        return route != null && preparers.stream().anyMatch(p -> p.test(route, userId));
      }

      @Override
      public boolean isMember(String userId) {
        // a person of the tenant: machine accounts are members too, but an approver added to a route must be able to
        // open the Tasklist (review F23: api-client added as approver left the 決裁 stuck)
        return members.isMember(tenantId, userId) && members.isPerson(userId);
      }

      @Override
      public boolean isActiveSubstitute(String principal, String actor) {
        return substitutes.isActiveSubstitute(tenantId, principal, actor, today);
      }

      @Override
      public boolean checksPayments(String userId) {
        return members.isInGroup(userId, tenantId + "-" + accountingDepartment);
      }
    };
  }

  private Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return now().atZone(JapanTime.ZONE).toLocalDate();
  }
}
