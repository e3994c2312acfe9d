package jp.tetsuzuki.integrations.nursery;

import java.io.IOException;
import jp.tetsuzuki.integrations.nursery.NurseryProperties.NurserySystem;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.NurseryCapacityGateway;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Capacities in by pull: route {@code nursery-capacity-pull} asks every nursery system configured with
 * {@code pull: true} for its places ({@code GET {baseUrl}/capacities}) every {@code pull-delay}; route
 * {@code nursery-capacity-pull-system} reads one system's answer and hands it to the platform's capacity service
 * (the port, as the system's own machine account: the same checks as the push endpoint). 5xx, 429, timeouts and
 * connection failures are retried with backoff; then, and for an answer that cannot be read or that the service
 * refuses, a dead letter names the system and the reason, and the places stored before stay as they were. Every node
 * may pull: the same answer is the same snapshot and changes nothing.
 */
@Component
public class NurseryCapacityPullRoute extends RouteBuilder {

  public static final String ROUTE_ID = "nursery-capacity-pull";
  public static final String SYSTEM_ROUTE_ID = "nursery-capacity-pull-system";
  static final String REQUEST_ROUTE_ID = "nursery-capacity-pull-request";
  static final String SYSTEM = "tetsuzukiNurserySystem";
  static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

  /** No answer, 5xx, 408 or 429: retried. */
  static final class SystemUnavailableException extends RuntimeException {
    SystemUnavailableException(String message) {
      super(message);
    }
  }

  /** An answer that is no snapshot, or a status that a retry cannot change. */
  static final class UnusableAnswerException extends RuntimeException {
    UnusableAnswerException(String message) {
      super(message);
    }
  }

  private final NurseryProperties properties;
  private final NurserySystems systems;
  private final ObjectProvider<NurseryCapacityGateway> capacities;
  private final DeadLetterStore deadLetters;

  public NurseryCapacityPullRoute(NurseryProperties properties, NurserySystems systems,
      ObjectProvider<NurseryCapacityGateway> capacities, DeadLetterStore deadLetters) {
    this.properties = properties;
    this.systems = systems;
    this.capacities = capacities;
    this.deadLetters = deadLetters;
  }

  @Override
  public void configure() {
    from("scheduler:nursery-capacity-pull?delay=" + properties.pullDelay().toMillis() + "&initialDelay="
        + properties.pullInitialDelay().toMillis())
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(systems.all().stream()
            .filter(NurserySystem::pull).map(NurserySystem::id).toList()))
        .split(body())
          .to("direct:" + SYSTEM_ROUTE_ID)
        .end();

    from("direct:" + SYSTEM_ROUTE_ID).routeId(SYSTEM_ROUTE_ID)
        .onException(SystemUnavailableException.class)
          .maximumRedeliveries(Math.min(properties.maxAttempts() - 1, 5))
          .redeliveryDelay(properties.retryDelay().toMillis())
          .useExponentialBackOff().backOffMultiplier(2)
          .maximumRedeliveryDelay(properties.maxRetryDelay().toMillis())
          .retryAttemptedLogLevel(LoggingLevel.WARN).logRetryAttempted(true)
          .logExhausted(false).logStackTrace(false)
          .handled(true)
          .process(this::deadLetter)
        .end()
        .onException(UnusableAnswerException.class, NurseryCapacityGateway.Refused.class)
          .maximumRedeliveries(0).logExhausted(false).logStackTrace(false)
          .handled(true)
          .process(this::deadLetter)
        .end()
        .process(exchange -> exchange.setProperty(SYSTEM, systems.byId(exchange.getMessage().getBody(String.class))
            .orElseThrow(() -> new UnusableAnswerException("unknown nursery system "
                + exchange.getMessage().getBody(String.class)))))
        .to("direct:" + REQUEST_ROUTE_ID)
        .process(this::store);

    from("direct:" + REQUEST_ROUTE_ID).routeId(REQUEST_ROUTE_ID)
        // errors go back to the system route, which redelivers to this route: the HTTP call is repeated
        .errorHandler(noErrorHandler())
        .process(exchange -> {
          NurserySystem system = exchange.getProperty(SYSTEM, NurserySystem.class);
          if (system.baseUrl() == null || system.baseUrl().isBlank()) {
            throw new UnusableAnswerException("nursery system " + system.id() + " has no base URL");
          }
          var message = exchange.getMessage();
          message.removeHeaders("*", Exchange.REDELIVERY_COUNTER, Exchange.REDELIVERED, Exchange.REDELIVERY_MAX_COUNTER);
          message.setBody(null);
          message.setHeader(Exchange.HTTP_METHOD, "GET");
          message.setHeader("Accept", "application/json");
          exchange.setProperty(NurseryOutboxRoute.URL, system.baseUrl() + "/capacities");
        })
        .doTry()
          .toD("${exchangeProperty." + NurseryOutboxRoute.URL + "}?httpClient=#" + NurseryConfiguration.HTTP_CLIENT
              + "&throwExceptionOnFailure=false")
        .doCatch(IOException.class)
          .process(exchange -> {
            Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            throw new SystemUnavailableException("no answer from nursery system "
                + exchange.getProperty(SYSTEM, NurserySystem.class).id() + " (" + cause.getClass().getSimpleName()
                + ")");
          })
        .end()
        .process(exchange -> {
          String id = exchange.getProperty(SYSTEM, NurserySystem.class).id();
          Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
          if (status == null || status >= 500 || status == 408 || status == 429) {
            throw new SystemUnavailableException("nursery system " + id + " answered HTTP " + status);
          }
          if (status != 200) {
            throw new UnusableAnswerException("nursery system " + id + " refused the request with HTTP " + status);
          }
        });
  }

  private void store(Exchange exchange) {
    NurserySystem system = exchange.getProperty(SYSTEM, NurserySystem.class);
    byte[] body = exchange.getMessage().getBody(byte[].class);
    if (body == null || body.length == 0 || body.length > MAX_ANSWER_BYTES) {
      throw new UnusableAnswerException("nursery system " + system.id() + " answered an empty or too large body");
    }
    CapacitySnapshot snapshot;
    try {
      snapshot = CapacitySnapshot.parse(body);
    } catch (IllegalArgumentException e) {
      throw new UnusableAnswerException("nursery system " + system.id() + ": " + e.getMessage());
    }
    NurseryCapacityGateway gateway = capacities.getIfAvailable();
    if (gateway == null) {
      throw new UnusableAnswerException("no capacity service in this deployment");
    }
    var result = gateway.submit(system.account(), system.tenantId(), snapshot.key(), snapshot.entries());
    exchange.getMessage().setBody(result);
    log.info("{}: {} places from {} ({} changed{})", SYSTEM_ROUTE_ID, result.entries(), system.id(),
        result.changed(), result.replayed() ? ", same snapshot as before" : "");
  }

  private void deadLetter(Exchange exchange) {
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    String reason = cause == null ? "failed" : cause instanceof NurseryCapacityGateway.Refused refused
        ? "refused by the capacity service: " + (refused.field() == null ? "" : refused.field() + ": ")
            + refused.getMessage()
        : cause.getMessage();
    NurserySystem system = exchange.getProperty(SYSTEM, NurserySystem.class);
    String ref = system == null ? exchange.getMessage().getBody(String.class) : "system " + system.id();
    deadLetters.record(SYSTEM_ROUTE_ID, reason, ref);
    log.error("{}: gave up on {}: {}", SYSTEM_ROUTE_ID, ref, reason);
  }
}
