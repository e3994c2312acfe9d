package jp.tetsuzuki.integrations.nursery;

import java.io.IOException;
import java.time.Clock;
import jp.tetsuzuki.integrations.nursery.NurseryOutbox.Message;
import jp.tetsuzuki.integrations.nursery.NurseryProperties.NurserySystem;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.NurseryDeliveryIncidents;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Offers (内定) and enrollments (入所) out to the facility's nursery system: route {@code nursery-outbox-delivery}
 * polls {@code tz_nursery_outbox} for due messages, route {@code nursery-outbox-send} claims each one right before
 * sending it (one conditional UPDATE: one node wins it, and the lease covers one request) and POSTs it to {@code {baseUrl}/offers}, {@code {baseUrl}/enrollments} or (an offer withdrawn or declined
 * after it was queued, kind {@code offer-withdrawn}) {@code {baseUrl}/offer-withdrawals} with its Idempotency-Key, derived from
 * the case and the event (the system answers a repeated key as a replay, so a message resent after a crash is
 * delivered once). Technical failures are retried with a doubling delay; after the last attempt, or when the system
 * refuses the message, it is given up visibly: the row stays {@code failed}, a dead letter, and an incident on the
 * case ({@link NurseryDeliveryIncidents}). Nothing is lost: a message leaves the table only as delivered.
 */
@Component
public class NurseryOutboxRoute extends RouteBuilder {

  public static final String ROUTE_ID = "nursery-outbox-delivery";
  public static final String SEND_ROUTE_ID = "nursery-outbox-send";
  static final String MESSAGE = "tetsuzukiNurseryMessage";
  static final String URL = "tetsuzukiNurseryUrl";

  /** The message was given up (recorded); thrown so that the route's failure counter and last failure show it. */
  static final class GaveUpException extends RuntimeException {
    GaveUpException(String message) {
      super(message);
    }
  }

  /** A technical failure that will be retried (recorded); counted as a handled failure. */
  static final class RetryLaterException extends RuntimeException {
    RetryLaterException(String message) {
      super(message);
    }
  }

  private final NurseryProperties properties;
  private final NurserySystems systems;
  private final NurseryOutbox outbox;
  private final DeadLetterStore deadLetters;
  private final java.util.function.Supplier<NurseryDeliveryIncidents> incidents;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  public NurseryOutboxRoute(NurseryProperties properties, NurserySystems systems, NurseryOutbox outbox,
      DeadLetterStore deadLetters, ObjectProvider<NurseryDeliveryIncidents> incidents) {
    this(properties, systems, outbox, deadLetters, incidents::getIfAvailable, Clock.systemUTC());
  }

  /** @param incidents the platform's incidents, or a supplier of null where none runs (a route test's node) */
  public NurseryOutboxRoute(NurseryProperties properties, NurserySystems systems, NurseryOutbox outbox,
      DeadLetterStore deadLetters, java.util.function.Supplier<NurseryDeliveryIncidents> incidents, Clock clock) {
    this.properties = properties;
    this.systems = systems;
    this.outbox = outbox;
    this.deadLetters = deadLetters;
    this.incidents = incidents;
    this.clock = clock;
  }

  @Override
  public void configure() {
    from("scheduler:nursery-outbox?delay=" + properties.outboxDelay().toMillis() + "&initialDelay=2000")
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(outbox.due(properties.batchSize())))
        .split(body())
          .to("direct:" + SEND_ROUTE_ID)
        .end();

    from("direct:" + SEND_ROUTE_ID).routeId(SEND_ROUTE_ID)
        .onException(GaveUpException.class, RetryLaterException.class)
          .handled(true).logStackTrace(false).logExhausted(false).logHandled(false)
        .end()
        .process(this::prepare)
        .doTry()
          .toD("${exchangeProperty." + URL + "}?httpClient=#" + NurseryConfiguration.HTTP_CLIENT
              + "&throwExceptionOnFailure=false")
        .doCatch(IOException.class)
          .process(exchange -> exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, null))
        .end()
        .process(this::outcome);
  }

  private void prepare(Exchange exchange) {
    var claimed = outbox.claim(exchange.getMessage().getBody(String.class), properties.lease());
    if (claimed.isEmpty()) {
      // another node took it since the poll: nothing to do here
      exchange.setRouteStop(true);
      return;
    }
    Message message = claimed.get();
    exchange.setProperty(MESSAGE, message);
    NurserySystem system = message.systemId() == null ? null : systems.byId(message.systemId()).orElse(null);
    if (system == null || system.baseUrl() == null || system.baseUrl().isBlank()) {
      giveUp(message, "no nursery system with a base URL is configured for facility " + message.facilityId()
          + " (system " + message.systemId() + ")");
    }
    exchange.setProperty(URL, system.baseUrl() + path(message.kind()));
    var out = exchange.getMessage();
    out.removeHeaders("*");
    out.setHeader(Exchange.HTTP_METHOD, "POST");
    out.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
    out.setHeader("Idempotency-Key", message.idempotencyKey());
    out.setBody(message.payloadJson());
  }

  private void outcome(Exchange exchange) {
    Message message = exchange.getProperty(MESSAGE, Message.class);
    Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    String answer = status == null ? "no answer (" + (caught == null ? "?" : caught.getClass().getSimpleName()) + ")"
        : "HTTP " + status;
    switch (DeliveryOutcome.of(status, message.attempts(), properties.maxAttempts())) {
      case DELIVERED -> outbox.delivered(message.id());
      case RETRY -> {
        var delay = DeliveryOutcome.delayAfter(message.attempts(), properties.retryDelay(),
            properties.maxRetryDelay());
        outbox.retryAt(message.id(), clock.instant().plus(delay), answer);
        throw new RetryLaterException(SEND_ROUTE_ID + ": " + message.kind() + " " + message.id() + " answered "
            + answer + ", attempt " + (message.attempts() + 1) + " of " + properties.maxAttempts() + ", next in "
            + delay);
      }
      case GIVE_UP -> giveUp(message, status != null && status < 500 && status != 408 && status != 429
          ? "the nursery system refused the " + message.kind() + " with " + answer
          : "no delivery after " + (message.attempts() + 1) + " attempts (last: " + answer + ")");
    }
  }

  private void giveUp(Message message, String reason) {
    outbox.failed(message.id(), reason);
    deadLetters.record(SEND_ROUTE_ID, reason, "outbox " + message.id() + " " + message.kind() + " application "
        + message.applicationId());
    NurseryDeliveryIncidents target = incidents.get();
    if (target != null) {
      try {
        target.deliveryFailed(message.tenantId(), message.applicationId(), message.id(), message.kind(), reason);
      } catch (RuntimeException e) {
        log.error("{}: the incident of outbox message {} could not be raised on its case: {}", SEND_ROUTE_ID,
            message.id(), e.toString());
      }
    }
    log.error("{}: gave up on {} {} of application {}: {}", SEND_ROUTE_ID, message.kind(), message.id(),
        message.applicationId(), reason);
    throw new GaveUpException(reason);
  }

  /** The endpoint of the nursery system for a message kind. */
  static String path(String kind) {
    return switch (kind) {
      case "enrollment" -> "/enrollments";
      case "offer-withdrawn" -> "/offer-withdrawals";
      default -> "/offers";
    };
  }
}
