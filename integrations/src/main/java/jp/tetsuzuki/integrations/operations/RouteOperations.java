package jp.tetsuzuki.integrations.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;

/**
 * What operators see of every route of this node's Camel context: whatever routes exist (new routes appear without
 * being listed anywhere), their status, the message counters of Camel's Micrometer route policy (the same figures
 * {@code /actuator/prometheus} shows as {@code camel_exchanges_*{routeId=…}}), the last failure and the number of
 * dead letters. Counters are per node and since its start.
 */
public class RouteOperations {

  /**
   * @param routeId the route id (kebab-case)
   * @param status Camel's status (Started, Stopped, Suspended, …)
   * @param messagesIn exchanges the route received
   * @param messagesOut exchanges it completed without failure
   * @param messagesFailed exchanges that ended failed
   * @param failuresHandled failures an error handler took care of (e.g. a dead-letter channel)
   * @param lastFailureAt time of the last failure on this node, or null
   * @param lastFailure the last failure's exception and message, or null
   * @param deadLetters dead letters recorded for the route (all nodes, bounded)
   */
  public record RouteView(String routeId, String status, long messagesIn, long messagesOut, long messagesFailed,
      long failuresHandled, Instant lastFailureAt, String lastFailure, int deadLetters) {}

  private final CamelContext camel;
  private final MeterRegistry meters;
  private final RouteFailures failures;
  private final DeadLetterStore deadLetters;

  public RouteOperations(CamelContext camel, MeterRegistry meters, RouteFailures failures,
      DeadLetterStore deadLetters) {
    this.camel = camel;
    this.meters = meters;
    this.failures = failures;
    this.deadLetters = deadLetters;
  }

  public List<RouteView> routes() {
    return camel.getRoutes().stream().map(Route::getRouteId).sorted(Comparator.naturalOrder()).map(this::view)
        .toList();
  }

  public List<DeadLetter> deadLetters(String routeId, int limit) {
    return deadLetters.newest(routeId, limit);
  }

  private RouteView view(String routeId) {
    ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
    var failure = failures.lastOf(routeId);
    return new RouteView(routeId, status == null ? "Unknown" : status.name(),
        counter("camel.exchanges.total", routeId), counter("camel.exchanges.succeeded", routeId),
        counter("camel.exchanges.failed", routeId), counter("camel.exchanges.failures.handled", routeId),
        failure.map(RouteFailures.Failure::at).orElse(null), failure.map(RouteFailures.Failure::message).orElse(null),
        deadLetters.count(routeId));
  }

  private long counter(String name, String routeId) {
    Counter counter = meters.find(name).tag("routeId", routeId).counter();
    return counter == null ? 0 : Math.round(counter.count());
  }
}
