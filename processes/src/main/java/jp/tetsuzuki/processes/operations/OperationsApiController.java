package jp.tetsuzuki.processes.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.integrations.operations.DeadLetter;
import jp.tetsuzuki.integrations.operations.RouteOperations;
import jp.tetsuzuki.integrations.operations.RouteOperations.RouteView;
import jp.tetsuzuki.processes.api.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The operations view of the integration routes (administrators only, at the edge): every route of this node with its
 * status, message counters and last failure, and the dead letters (all nodes). JSON for tools, one page in Japanese
 * for people. Supervisors do not see it: routes and dead letters span all tenants (file names, looked-up numbers).
 */
@RestController
@RequestMapping("/api/v1/operations")
@Tag(name = "operations", description = "Integration routes: status, counters, dead letters (administrators)")
class OperationsApiController {

  private static final Pattern ROUTE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 500;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  record RoutesView(List<RouteView> routes) {}

  record DeadLettersView(String routeId, int limit, List<DeadLetter> deadLetters) {}

  private final RouteOperations operations;

  OperationsApiController(RouteOperations operations) {
    this.operations = operations;
  }

  @GetMapping(path = "/routes", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Every integration route of this node: status, messages in/out/failed, last failure")
  RoutesView routes() {
    return new RoutesView(operations.routes());
  }

  @GetMapping(path = "/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The newest dead letters (reason, payload reference), of one route or of all")
  DeadLettersView deadLetters(
      @Parameter(description = "route id (kebab-case); all routes when absent")
      @RequestParam(required = false) String routeId,
      @Parameter(description = "most records, 1-500 (default 50)")
      @RequestParam(required = false) String limit) {
    String route = routeId(routeId);
    int bounded = limit(limit);
    return new DeadLettersView(route, bounded, operations.deadLetters(route, bounded));
  }

  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "The same as a page in Japanese (運用状況)")
  String page() {
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>連携ルートの運用状況</title>
        <style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:2em}
        th,td{border:1px solid #999;padding:.3em .6em;text-align:left;vertical-align:top}td.n{text-align:right}
        .ng{color:#b00020}</style></head><body><h1>連携ルートの運用状況</h1>
        <p>このノードの連携ルートの状態と件数（起動以降）、およびデッドレター（全ノード、新しい順）です。</p>
        <h2>ルート</h2><table><tr><th>ルートID</th><th>状態</th><th>受信</th><th>完了</th><th>失敗</th>
        <th>エラー処理済み</th><th>デッドレター</th><th>最後の失敗</th></tr>
        """);
    for (RouteView route : operations.routes()) {
      html.append("<tr><td>").append(esc(route.routeId())).append("</td><td>").append(statusJa(route.status()))
          .append("</td><td class=\"n\">").append(route.messagesIn()).append("</td><td class=\"n\">")
          .append(route.messagesOut()).append("</td><td class=\"n").append(route.messagesFailed() > 0 ? " ng" : "")
          .append("\">").append(route.messagesFailed()).append("</td><td class=\"n\">").append(route.failuresHandled())
          .append("</td><td class=\"n\">").append(route.deadLetters()).append("</td><td>")
          .append(route.lastFailureAt() == null ? "なし" : time(route.lastFailureAt()) + " " + esc(route.lastFailure()))
          .append("</td></tr>\n");
    }
    html.append("</table><h2>デッドレター（新しい順、最大").append(DEFAULT_LIMIT).append("件）</h2><table><tr><th>日時</th>"
        + "<th>ルートID</th><th>理由</th><th>対象</th></tr>\n");
    List<DeadLetter> letters = operations.deadLetters(null, DEFAULT_LIMIT);
    for (DeadLetter letter : letters) {
      html.append("<tr><td>").append(time(letter.failedAt())).append("</td><td>").append(esc(letter.routeId()))
          .append("</td><td>").append(esc(letter.reason())).append("</td><td>")
          .append(esc(letter.payloadRef() == null ? "" : letter.payloadRef())).append("</td></tr>\n");
    }
    if (letters.isEmpty()) {
      html.append("<tr><td colspan=\"4\">デッドレターはありません。</td></tr>\n");
    }
    return html.append("</table><p>JSON: <code>/api/v1/operations/routes</code>, <code>/api/v1/operations/dead-letters"
        + "</code>; 指標: <code>/actuator/prometheus</code></p></body></html>\n").toString();
  }

  private static String routeId(String routeId) {
    if (routeId == null || routeId.isEmpty()) {
      return null;
    }
    if (!ROUTE_ID.matcher(routeId).matches()) {
      throw ApiException.invalid("routeId", "routeId must be a kebab-case route id of at most 100 characters",
          "routeId はケバブケースのルートID（100文字以内）で指定してください。");
    }
    return routeId;
  }

  private static int limit(String limit) {
    if (limit == null || limit.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT,
        "limit は1から" + MAX_LIMIT + "までの整数で指定してください。");
  }

  private static String statusJa(String status) {
    return switch (status) {
      case "Started" -> "稼働中";
      case "Stopped" -> "停止";
      case "Suspended" -> "一時停止";
      case "Starting" -> "起動中";
      case "Stopping" -> "停止中";
      default -> esc(status);
    };
  }

  private static String time(java.time.Instant at) {
    ZoneId zone = JapanTime.ZONE;
    return TIME.format(at.atZone(zone));
  }

  private static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
