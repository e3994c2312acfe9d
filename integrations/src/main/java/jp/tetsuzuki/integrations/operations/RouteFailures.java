package jp.tetsuzuki.integrations.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailureHandledEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * The last failure of every route on this node (failed exchanges and failures a dead-letter channel handled), for the
 * operations view. In memory and per node; bounded by the number of routes (at most {@link #MAX_ROUTES}).
 */
public class RouteFailures extends EventNotifierSupport {

  static final int MAX_ROUTES = 1000;
  private static final int MAX_MESSAGE = 500;

  /** @param at when, @param message the exception's type and message (cut) */
  public record Failure(Instant at, String message) {}

  private final Map<String, Failure> last = new ConcurrentHashMap<>();
  private final Clock clock;

  public RouteFailures(Clock clock) {
    this.clock = clock;
    setIgnoreCamelContextEvents(true);
    setIgnoreRouteEvents(true);
    setIgnoreServiceEvents(true);
    setIgnoreStepEvents(true);
    setIgnoreExchangeCreatedEvent(true);
    setIgnoreExchangeCompletedEvent(true);
    setIgnoreExchangeSendingEvents(true);
    setIgnoreExchangeSentEvents(true);
    setIgnoreExchangeRedeliveryEvents(true);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof ExchangeFailedEvent || event instanceof ExchangeFailureHandledEvent;
  }

  @Override
  public void notify(CamelEvent event) {
    Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
    String routeId = exchange.getFromRouteId();
    if (routeId == null || (last.size() >= MAX_ROUTES && !last.containsKey(routeId))) {
      return;
    }
    Throwable cause = exchange.getException() != null ? exchange.getException()
        : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    String message = cause == null ? "failed" : cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    last.put(routeId, new Failure(clock.instant(), DeadLetterStore.cut(message, MAX_MESSAGE)));
  }

  public Optional<Failure> lastOf(String routeId) {
    return Optional.ofNullable(last.get(routeId));
  }
}
