package jp.tetsuzuki.integrations.registry;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;

/**
 * The registry look-ups as routes: {@code direct:corporate-number-lookup} (法人番号システム Web-API, {@code /4/num},
 * XML) and {@code direct:invoice-registration-lookup} (適格請求書発行事業者公表システム Web-API, {@code /1/num}, JSON).
 * The body in is the number, the body out a {@link CorporateNumberResult} or {@link InvoiceRegistrationResult}.
 * Each route is throttled to the registry's rate, calls the registry through a request route of its own
 * ({@code …-request}, so a redelivery repeats the HTTP call), retries 5xx, 429, timeouts and connection failures
 * with exponential backoff, and then gives up visibly: a dead letter (route id, reason, the number) and
 * {@link RegistryUnavailableException} to the caller, never a "not found" or a "valid". Other code calls
 * {@link RegistryClient}, not these routes.
 */
@Component
public class RegistryRoutes extends RouteBuilder {

  public static final String CORPORATE_ROUTE_ID = "corporate-number-lookup";
  public static final String INVOICE_ROUTE_ID = "invoice-registration-lookup";
  public static final String CORPORATE_ENDPOINT = "direct:" + CORPORATE_ROUTE_ID;
  public static final String INVOICE_ENDPOINT = "direct:" + INVOICE_ROUTE_ID;
  static final String NUMBER = "tetsuzukiRegistryNumber";
  /** Largest answer read (one number answers a few kB). */
  static final int MAX_ANSWER_BYTES = 1024 * 1024;

  private final RegistryProperties properties;
  private final RegistryEndpoints endpoints;
  private final DeadLetterStore deadLetters;

  public RegistryRoutes(RegistryProperties properties, RegistryEndpoints endpoints, DeadLetterStore deadLetters) {
    this.properties = properties;
    this.endpoints = endpoints;
    this.deadLetters = deadLetters;
  }

  @Override
  public void configure() {
    lookup(CORPORATE_ROUTE_ID, endpoints.corporateNumberUrl() + "/4/num", "12",
        (body, number) -> CorporateNumberResponse.parse(body, number));
    lookup(INVOICE_ROUTE_ID, endpoints.invoiceUrl() + "/1/num", "21",
        (body, number) -> InvoiceRegistrationResponse.parse(body, number));
  }

  private interface Parser {
    Object parse(String body, String number);
  }

  private void lookup(String routeId, String url, String type, Parser parser) {
    String request = "direct:" + routeId + "-request";
    RouteDefinition route = from("direct:" + routeId).routeId(routeId);
    route.onException(RegistryServerException.class)
          .maximumRedeliveries(properties.retries())
          .redeliveryDelay(properties.retryDelay().toMillis())
          .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(30_000)
          .retryAttemptedLogLevel(LoggingLevel.WARN).logRetryAttempted(true)
          .logExhausted(false).logStackTrace(false)
          .handled(false)
          .process(this::deadLetter)
        .end()
        .onException(RegistryUnavailableException.class)
          .maximumRedeliveries(0).logExhausted(false).logStackTrace(false)
          .handled(false)
          .process(this::deadLetter)
        .end()
        .setProperty(NUMBER, body())
        // the registry's rate: at most n requests in any second on this node (redeliveries come on top, backed off)
        .throttle(properties.requestsPerSecond()).timePeriodMillis(1000)
        .to(request)
        .process(exchange -> exchange.getMessage().setBody(parser.parse(
            exchange.getMessage().getBody(String.class), exchange.getProperty(NUMBER, String.class))));

    from(request).routeId(routeId + "-request")
        // errors go back to the look-up route, which redelivers to this route: the HTTP call is repeated
        .errorHandler(noErrorHandler())
        .process(exchange -> prepare(exchange, type))
        .doTry()
          .to(url + "?httpClient=#" + RegistryConfiguration.HTTP_CLIENT + "&throwExceptionOnFailure=false")
        .doCatch(IOException.class)
          .process(exchange -> {
            Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            throw new RegistryServerException(routeId + ": no answer from the registry ("
                + cause.getClass().getSimpleName() + ")", cause);
          })
        .end()
        .process(exchange -> answer(exchange, routeId));
  }

  private void prepare(Exchange exchange, String type) {
    if (endpoints.applicationId().isEmpty()) {
      throw new RegistryUnavailableException("no application id for the registry "
          + "(set TETSUZUKI_NTA_APPLICATION_ID)", false);
    }
    String number = exchange.getProperty(NUMBER, String.class);
    var message = exchange.getMessage();
    // drop the previous attempt's answer headers, but keep the error handler's redelivery counters
    message.removeHeaders("*", Exchange.REDELIVERY_COUNTER, Exchange.REDELIVERED, Exchange.REDELIVERY_MAX_COUNTER);
    message.setBody(null);
    message.setHeader(Exchange.HTTP_METHOD, "GET");
    // the query travels in a header, not in the endpoint URI: the application id never appears in endpoint names,
    // metrics tags or Camel's logs
    message.setHeader(Exchange.HTTP_QUERY, "id=" + URLEncoder.encode(endpoints.applicationId(), StandardCharsets.UTF_8)
        + "&number=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&type=" + type + "&history=0");
  }

  private static void answer(Exchange exchange, String routeId) {
    var message = exchange.getMessage();
    Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    if (status == null) {
      throw new RegistryServerException(routeId + ": the registry answered no status");
    }
    if (status >= 500 || status == 429) {
      throw new RegistryServerException(routeId + ": the registry answered HTTP " + status);
    }
    if (status != 200) {
      throw new RegistryUnavailableException(routeId + ": the registry refused the request with HTTP " + status
          + " (application id or request not accepted)", false);
    }
    byte[] body = message.getBody(byte[].class);
    if (body == null || body.length == 0) {
      throw new RegistryAnswerException(routeId + ": the registry answered an empty body");
    }
    if (body.length > MAX_ANSWER_BYTES) {
      throw new RegistryAnswerException(routeId + ": the registry's answer is larger than " + MAX_ANSWER_BYTES
          + " bytes");
    }
    message.setBody(new String(body, charsetOf(message.getHeader(Exchange.CONTENT_TYPE, String.class))));
  }

  private static Charset charsetOf(String contentType) {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.trim();
        if (p.toLowerCase(java.util.Locale.ROOT).startsWith("charset=")) {
          try {
            return Charset.forName(p.substring(8).replace("\"", "").trim());
          } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private void deadLetter(Exchange exchange) {
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    String reason = cause == null ? "failed" : cause.getMessage();
    deadLetters.record(exchange.getFromRouteId(), reason, exchange.getProperty(NUMBER, String.class));
    log.error("{}: gave up on {} after retries: {}", exchange.getFromRouteId(),
        exchange.getProperty(NUMBER, String.class), reason);
  }
}
