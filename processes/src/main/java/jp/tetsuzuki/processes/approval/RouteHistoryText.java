package jp.tetsuzuki.processes.approval;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import jp.tetsuzuki.bpmn.rules.JapanTime;

/** Renders a route and its history as Japanese text for the task forms. */
final class RouteHistoryText {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")
      .withZone(JapanTime.ZONE);

  private final TenantMembers members;

  RouteHistoryText(TenantMembers members) {
    this.members = members;
  }

  String render(ApprovalCase c, List<RouteStep> steps, List<ActionRecord> actions) {
    StringBuilder text = new StringBuilder("【決裁ルート】\n").append(renderSteps(steps, c.currentPosition()))
        .append("\n【これまでの経過】\n");
    for (ActionRecord a : actions) {
      text.append(WHEN.format(a.actedAt())).append("  ");
      text.append(a.position() == 0 ? "起案者" : a.position() + "番目").append("  ");
      text.append(a.action().label());
      if (a.actorId() != null) {
        text.append("  ").append(name(a.actorId()));
      }
      if (a.onBehalfOf() != null) {
        text.append("（").append(name(a.onBehalfOf())).append(" の代理）");
      }
      switch (a.action()) {
        case SENT_BACK, RETURNED_BY_CONSULTATION -> text.append("  → ")
            .append(a.targetPosition() == null || a.targetPosition() == 0 ? "起案者" : a.targetPosition() + "番目");
        case APPROVER_ADDED -> text.append("  → ").append(a.targetPosition()).append("番目に ")
            .append(name(a.comment()));
        case CIRCULATED, REMINDED -> text.append("  → ").append(name(a.comment()));
        case ESCALATED -> text.append("  → ").append(a.comment());
        default -> { }
      }
      if (a.comment() != null && a.action() != ActionType.APPROVER_ADDED && a.action() != ActionType.CIRCULATED
          && a.action() != ActionType.REMINDED && a.action() != ActionType.ESCALATED
          && a.action() != ActionType.RETURNED_BY_CONSULTATION) {
        text.append("「").append(a.comment()).append("」");
      }
      text.append('\n');
    }
    return text.toString();
  }

  String renderSteps(List<RouteStep> steps, int current) {
    return steps.stream().collect(Collectors.groupingBy(RouteStep::position, java.util.TreeMap::new,
            Collectors.toList()))
        .entrySet().stream().map(e -> {
          RouteStep first = e.getValue().get(0);
          String people = e.getValue().stream().map(s -> (s.role() == null ? "追加承認者" : s.role().label()) + " "
              + name(s.userId()) + status(s)).collect(Collectors.joining("、"));
          return (e.getKey() == current ? "▶ " : "　 ") + e.getKey() + ". " + first.kind().label() + "  " + people;
        }).collect(Collectors.joining("\n"));
  }

  private static String status(RouteStep s) {
    return switch (s.status()) {
      case PENDING -> "";
      case ACTIVE -> "（処理中）";
      case APPROVED -> "（承認済）";
      case AGREED -> "（同意）";
      case DISAGREED -> "（異議）";
      case SENT -> "（回覧中）";
      case READ -> "（閲覧済）";
    };
  }

  private String name(String userId) {
    if (userId == null) {
      return "";
    }
    String display = members.displayName(userId);
    return display.equals(userId) ? userId : display + "（" + userId + "）";
  }
}
