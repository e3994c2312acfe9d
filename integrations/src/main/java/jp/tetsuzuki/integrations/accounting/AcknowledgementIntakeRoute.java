package jp.tetsuzuki.integrations.accounting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.integrations.casefile.ExpiringFileClaims;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Acknowledgement files in (支払結果ファイル): the accounting system drops {@code *.csv} into
 * {@code <ack-inbox>/<tenantId>/}; {@link AcknowledgementIntake} applies each through the platform's acknowledgement
 * service and decides between {@code done} and {@code failed}. One node at a time works on a file: its claim in the
 * table shared by all nodes ({@link ExpiringFileClaims} under this route's id) is the read lock, refreshed while the
 * node works and expiring when it crashed, so that another node takes the file again; a line applied before is never
 * applied twice (the platform remembers each file's lines, and a payment is paid only once). A technical fault goes to
 * the dead-letter route: an ERROR line, a dead letter in {@code tz_route_dead_letter}, a counter and the file in
 * {@code failed} with a report saying it may be dropped again.
 */
@Component
public class AcknowledgementIntakeRoute extends RouteBuilder {

  public static final String ROUTE_ID = "accounting-ack-intake";
  public static final String DEAD_LETTER_ROUTE_ID = "accounting-ack-intake-dead-letter";
  static final String DEAD_LETTER = "direct:" + DEAD_LETTER_ROUTE_ID;
  static final String CLAIMS = "accountingAckIntakeClaims";
  static final String TARGET = "TetsuzukiAccountingAckTarget";
  public static final String STEP_TAKE_FILE = "Step_TakeAcknowledgement";
  public static final String STEP_RECORD_DEAD_LETTER = "Step_RecordAckDeadLetter";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final String claims;
  private final AcknowledgementIntake intake;
  private final AccountingExchangeProperties properties;
  private final DeadLetterStore deadLetters;

  @Autowired
  public AcknowledgementIntakeRoute(AcknowledgementIntake intake, AccountingExchangeProperties properties,
      DeadLetterStore deadLetters) {
    this(CLAIMS, intake, properties, deadLetters);
  }

  /** A route whose claims are the registry bean {@code claims} (tests run several nodes). */
  public AcknowledgementIntakeRoute(String claims, AcknowledgementIntake intake,
      AccountingExchangeProperties properties, DeadLetterStore deadLetters) {
    this.claims = claims;
    this.intake = intake;
    this.properties = properties;
    this.deadLetters = deadLetters;
  }

  @Bean(CLAIMS)
  static ExpiringFileClaims accountingAckIntakeClaims(DataSource dataSource, CamelContext camelContext,
      AccountingExchangeProperties properties) {
    return new ExpiringFileClaims(dataSource, ROUTE_ID, camelContext, properties.claimExpiry(),
        properties.claimKeepAlive());
  }

  @Bean
  static AcknowledgementIntake acknowledgementIntake(AccountingExchangeGateway gateway,
      AccountingExchangeProperties properties, DeadLetterStore deadLetterStore, ObjectProvider<MeterRegistry> meters) {
    return new AcknowledgementIntake(gateway, properties, deadLetterStore,
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Override
  public void configure() {
    Path inbox = Paths.get(properties.ackInbox()).toAbsolutePath();
    Path failed = Paths.get(properties.ackFailed()).toAbsolutePath();
    // no redelivery: the platform applies a file in one transaction, so a fault leaves nothing half-applied
    errorHandler(deadLetterChannel(DEAD_LETTER).useOriginalMessage().maximumRedeliveries(0).logExhausted(false)
        .logStackTrace(false));

    // one subfolder per tenant (depth 2); hidden files (written, then renamed) are never listed
    fromF("file:%s?recursive=true&minDepth=2&maxDepth=2&antInclude=*/*.csv,*/*.CSV"
        + "&readLock=idempotent-changed&idempotentRepository=#%s"
        + "&idempotentKey=${file:name}-${file:size}-${file:modified}"
        + "&readLockCheckInterval=500&readLockTimeout=10000&readLockMinLength=0"
        + "&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true"
        + "&readLockIdempotentReleaseDelay=%d&readLockIdempotentReleaseAsync=true"
        + "&move=${header.%s}&moveFailed=%s/${file:name.noext}-${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&delay=%d&maxMessagesPerPoll=10", inbox, claims, properties.claimReleaseDelay().toMillis(), TARGET,
        failed, properties.ackPollDelay().toMillis())
        .routeId(ROUTE_ID)
        .process(exchange -> {
          Path file = exchange.getIn().getBody(File.class).toPath();
          exchange.getIn().setHeader(TARGET, intake.take(file).toString());
        }).id(STEP_TAKE_FILE);

    from(DEAD_LETTER).routeId(DEAD_LETTER_ROUTE_ID)
        .process(new DeadLetterStep(properties, deadLetters, intake)).id(STEP_RECORD_DEAD_LETTER);
  }

  /** The visible end of a technical fault: log, dead letter, counter, report; the file goes to {@code failed}. */
  static final class DeadLetterStep implements org.apache.camel.Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStep.class);

    private final AccountingExchangeProperties properties;
    private final DeadLetterStore deadLetters;
    private final AcknowledgementIntake intake;

    DeadLetterStep(AccountingExchangeProperties properties, DeadLetterStore deadLetters, AcknowledgementIntake intake) {
      this.properties = properties;
      this.deadLetters = deadLetters;
      this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) {
      Throwable fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
      String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
      String reason = fault == null ? "unknown fault" : fault.getClass().getSimpleName() + ": " + fault.getMessage();
      LOG.error("accounting-ack-intake: {} stopped by a technical fault, moved to failed as a dead letter: {}",
          relative, reason, fault);
      deadLetters.record(ROUTE_ID, reason, relative);
      intake.count("files", "dead-letter", 1);
      Path source = Paths.get(relative == null ? "unknown/unknown.csv" : relative);
      String tenant = source.getParent() == null ? "unknown" : source.getParent().getFileName().toString();
      Path target = FileReport.free(Paths.get(properties.ackFailed()).toAbsolutePath().resolve(tenant),
          source.getFileName().toString());
      new FileReport().add(0, "", "TECHNICAL_FAULT", "技術的なエラーで処理が止まりました（"
          + WHEN.format(java.time.Instant.now().atZone(JapanTime.ZONE)) + "）。処理済みの明細は二重に処理されないため、"
          + "原因の解消後にこのファイルを受信フォルダー（" + tenant + "）へ戻してください。").publish(target);
      exchange.getIn().setHeader(TARGET, target.toString());
    }
  }
}
