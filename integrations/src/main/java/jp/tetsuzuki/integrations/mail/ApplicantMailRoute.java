package jp.tetsuzuki.integrations.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import java.util.regex.Pattern;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mail.MailProperties;

/**
 * The one way applicant mails leave the platform (route {@code applicant-mail}): {@code direct:applicant-mail} takes
 * a finished {@link MimeMessage} (the notification worker renders the Japanese template, sets the Message-ID derived
 * from the notice's key and the encoding) and hands it to camel-mail's SMTP producer, configured from
 * {@code spring.mail.*}; in the demo profile without a mail server, to a file endpoint that writes
 * {@code <data>/mail-outbox/*.eml} atomically (temp name, then rename). Without either the route refuses with a
 * clear message.
 *
 * <p>A refusing or unreachable server is tried again {@code redeliveries} times with a doubling delay; then the route
 * gives up visibly (ERROR log, a dead letter through {@link DeadLetterStore} where the node has one, i.e. in the
 * platform; the counter {@code tetsuzuki.integration.mails{outcome=dead-letter}}) and throws to the caller, whose
 * external task fails and is retried with back-off, then becomes an incident: the notice is never lost. The dead
 * letter names the notice's key, never the address, and addresses in the server's answer are masked. Exactly once
 * is the caller's: it claims the notice's key before the route and marks it sent after it.
 */
public class ApplicantMailRoute extends RouteBuilder {

  public static final String ROUTE_ID = "applicant-mail";
  public static final String ENDPOINT = "direct:" + ROUTE_ID;
  /** The notice's key (process instance : event [: occurrence]). */
  public static final String KEY = "TetsuzukiNotificationKey";
  public static final String STEP_SEND = "Step_SendMail";
  public static final String STEP_WRITE_OUTBOX = "Step_WriteOutbox";
  public static final String STEP_RECORD_DEAD_LETTER = "Step_RecordDeadLetter";

  private static final Logger LOG = LoggerFactory.getLogger(ApplicantMailRoute.class);
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

  /** No destination configured: not worth a retry. */
  public static final class NotConfiguredException extends IllegalStateException {
    NotConfiguredException(String message) {
      super(message);
    }
  }

  private final MailProperties mail;
  private final MailOutbox outbox;
  private final ApplicantMailSettings settings;
  private final DeadLetterStore deadLetters;
  private final MeterRegistry meters;

  /**
   * @param outbox the demo's outbox, used only when {@code spring.mail.host} is empty; may be null
   * @param deadLetters the routes' dead-letter table (the platform's); null in the worker application, where the
   *     incident and the log are the visible error
   */
  public ApplicantMailRoute(MailProperties mail, MailOutbox outbox, ApplicantMailSettings settings,
      DeadLetterStore deadLetters, MeterRegistry meters) {
    this.mail = mail;
    this.outbox = outbox;
    this.settings = settings;
    this.deadLetters = deadLetters;
    this.meters = meters;
  }

  /** The port the notification worker sends through; unwraps Camel's wrapper so the caller sees the cause. */
  public static ApplicantMail port(ProducerTemplate template) {
    return (key, message) -> {
      try {
        template.sendBodyAndHeader(ENDPOINT, message, KEY, key);
      } catch (CamelExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof jakarta.mail.MessagingException messaging) {
          throw messaging;
        }
        throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(),
            cause);
      }
    };
  }

  /** Where mails go, as said in the log and the tests: {@code smtp://host:port}, {@code file:…} or {@code none}. */
  public String destination() {
    if (hasServer()) {
      return protocol() + "://" + mail.getHost().strip() + ":" + port();
    }
    return outbox != null ? "file:" + outbox.folder().toAbsolutePath() : "none";
  }

  private boolean hasServer() {
    return mail != null && mail.getHost() != null && !mail.getHost().isBlank();
  }

  private String protocol() {
    return mail.getProtocol() == null || mail.getProtocol().isBlank() ? "smtp" : mail.getProtocol().strip();
  }

  private int port() {
    return mail.getPort() != null ? mail.getPort() : "smtps".equals(protocol()) ? 465 : 25;
  }

  @Override
  public void configure() throws Exception {
    Counter sent = counter("sent");
    onException(NotConfiguredException.class).maximumRedeliveries(0).handled(false)
        .process(this::giveUp).id(STEP_RECORD_DEAD_LETTER + "NotConfigured");
    onException(Exception.class)
        .maximumRedeliveries(settings.redeliveries())
        .redeliveryDelay(settings.redeliveryDelay().toMillis()).useExponentialBackOff().backOffMultiplier(2)
        .retryAttemptedLogLevel(LoggingLevel.WARN).logExhausted(false).logStackTrace(false)
        .handled(false) // the caller gets the failure: its task is retried, then an incident
        .process(this::giveUp).id(STEP_RECORD_DEAD_LETTER);

    var route = from(ENDPOINT).routeId(ROUTE_ID);
    if (hasServer()) {
      route.to(smtpEndpoint()).id(STEP_SEND);
    } else if (outbox != null) {
      java.nio.file.Files.createDirectories(outbox.folder());
      route.process(ApplicantMailRoute::toEml).id(STEP_WRITE_OUTBOX)
          .toF("file:%s?fileName=${date:now:yyyyMMddHHmmssSSS}-${exchangeId}.eml&tempFileName=${file:name}.part",
              outbox.folder().toAbsolutePath())
          .id(STEP_SEND);
    } else {
      route.process(exchange -> {
        throw new NotConfiguredException("no mail server configured: set spring.mail.host (and port, credentials)");
      }).id(STEP_SEND);
    }
    route.process(exchange -> sent.increment());
    LOG.info("{}: applicant mails go to {}", ROUTE_ID, destination());
  }

  /** camel-mail's SMTP producer with the server of {@code spring.mail.*}; credentials stay out of the URI. */
  private MailEndpoint smtpEndpoint() {
    MailEndpoint endpoint = getContext().getEndpoint(destination(), MailEndpoint.class);
    var configuration = endpoint.getConfiguration();
    if (mail.getUsername() != null && !mail.getUsername().isBlank()) {
      configuration.setUsername(mail.getUsername());
      configuration.setPassword(mail.getPassword());
    }
    Properties properties = new Properties();
    mail.getProperties().forEach(properties::setProperty);
    String timeout = mail.getProperties().get("mail." + protocol() + ".connectiontimeout");
    if (timeout != null) {
      configuration.setConnectionTimeout(Integer.parseInt(timeout.strip()));
    }
    configuration.setAdditionalJavaMailProperties(properties);
    return endpoint;
  }

  /** The message as the bytes of an .eml file (its headers first, as a mail program reads them). */
  private static void toEml(Exchange exchange) throws Exception {
    MimeMessage message = exchange.getIn().getMandatoryBody(MimeMessage.class);
    message.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    exchange.getIn().setBody(out.toByteArray());
  }

  private void giveUp(Exchange exchange) {
    Throwable fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    String key = exchange.getIn().getHeader(KEY, String.class);
    String reason = masked(describe(fault));
    LOG.error("{}: gave up on notice {} after {} tries: {}", ROUTE_ID, key,
        fault instanceof NotConfiguredException ? 1 : settings.redeliveries() + 1, reason);
    counter("dead-letter").increment();
    if (deadLetters != null) {
      deadLetters.record(ROUTE_ID, reason, key);
    }
  }

  private static String describe(Throwable fault) {
    if (fault == null) {
      return "unknown fault";
    }
    StringBuilder text = new StringBuilder(fault.getClass().getSimpleName()).append(": ").append(fault.getMessage());
    // JavaMail hides the server's answer in nested exceptions (SendFailedException, AuthenticationFailedException)
    for (Throwable cause = fault.getCause(); cause != null && cause != fault; cause = cause.getCause()) {
      text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
      if (cause.getCause() == cause) {
        break;
      }
    }
    if (fault instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
        && messaging.getNextException() != fault.getCause()) {
      text.append(" / ").append(messaging.getNextException().getMessage());
    }
    return text.toString();
  }

  /** Addresses in a server's answer are personal data: masked before anything is logged or recorded. */
  static String masked(String text) {
    return text == null ? null : ADDRESS.matcher(text).replaceAll("<address>");
  }

  private Counter counter(String outcome) {
    return Counter.builder("tetsuzuki.integration.mails").tag("route", ROUTE_ID).tag("outcome", outcome)
        .description("applicant mails of the route by outcome").register(meters);
  }
}
