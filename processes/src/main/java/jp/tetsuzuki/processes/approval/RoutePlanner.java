package jp.tetsuzuki.processes.approval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rows of the route table into the route of one case: roles become people through the organisation chart,
 * rows with the same order form one 合議 or 回覧 step, the originator never approves their own document, and a person
 * holding two consecutive posts (兼務) approves once, at the higher one.
 */
public final class RoutePlanner {

  public List<RouteStep> plan(OrganisationChart chart, String originatorDepartment, String originator,
      List<RouteRule> rules) {
    if (rules.isEmpty()) {
      throw new RouteNotDefinedException("the route table has no rule for this case");
    }
    Map<Integer, List<RouteRule>> byOrder = new LinkedHashMap<>();
    rules.stream().sorted(Comparator.comparingInt(RouteRule::order))
        .forEach(r -> byOrder.computeIfAbsent(r.order(), k -> new ArrayList<>()).add(r));

    List<Group> groups = new ArrayList<>();
    boolean originatorDecides = false;
    for (List<RouteRule> group : byOrder.values()) {
      StepKind kind = group.get(0).kind();
      if (group.stream().anyMatch(r -> r.kind() != kind)) {
        throw new RouteNotDefinedException("rules with order " + group.get(0).order() + " mix step kinds");
      }
      if (kind == StepKind.APPROVAL && group.size() > 1) {
        throw new RouteNotDefinedException("two approval rules share order " + group.get(0).order());
      }
      Set<String> users = new LinkedHashSet<>();
      boolean originatorHere = false;
      for (RouteRule rule : group) {
        String department = rule.department() == null ? originatorDepartment : rule.department();
        String user = chart.resolve(department, rule.role());
        if (!user.equals(originator)) {
          users.add(user);
        } else {
          originatorHere = true;
        }
      }
      if (kind == StepKind.APPROVAL) {
        originatorDecides = originatorHere; // true when the last approval step so far is the originator's own
      }
      if (!users.isEmpty()) {
        groups.add(new Group(kind, group, new ArrayList<>(users)));
      }
    }

    if (originatorDecides) {
      // 自己決裁: skipping the decider's step would leave the document decided by nobody but its own drafter
      // (also the way a reassigned review task once skipped 部長専決)
      throw new RouteNotDefinedException("the originator '" + originator + "' holds the deciding post of this "
          + "route and cannot decide their own document: another member of the department drafts it");
    }
    List<RouteStep> steps = new ArrayList<>();
    int position = 0;
    for (int i = 0; i < groups.size(); i++) {
      Group group = groups.get(i);
      if (group.kind() == StepKind.APPROVAL && nextApprovalUser(groups, i).equals(group.users().get(0))) {
        continue; // 兼務: the same person approves once, at the higher post
      }
      position++;
      for (int p = 0; p < group.users().size(); p++) {
        RouteRule rule = group.rules().get(Math.min(p, group.rules().size() - 1));
        String department = rule.department() == null ? originatorDepartment : rule.department();
        steps.add(new RouteStep(position, p + 1, group.kind(), rule.role(), department, group.users().get(p),
            rule.stepDays(), RouteStep.Status.PENDING, null, null));
      }
    }
    if (steps.stream().noneMatch(s -> s.kind() != StepKind.CIRCULATION)) {
      throw new RouteNotDefinedException("the route has no approver");
    }
    return steps;
  }

  private record Group(StepKind kind, List<RouteRule> rules, List<String> users) {}

  private static String nextApprovalUser(List<Group> groups, int index) {
    if (index + 1 >= groups.size()) {
      return "";
    }
    Group next = groups.get(index + 1);
    return next.kind() == StepKind.APPROVAL ? next.users().get(0) : "";
  }

  /** The table gives no usable route (no rule, or rules that contradict each other). */
  public static final class RouteNotDefinedException extends RuntimeException {
    public RouteNotDefinedException(String message) {
      super(message);
    }
  }
}
