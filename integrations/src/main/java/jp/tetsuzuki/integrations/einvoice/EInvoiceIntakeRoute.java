package jp.tetsuzuki.integrations.einvoice;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.integrations.accounting.FileReport;
import jp.tetsuzuki.integrations.casefile.ExpiringFileClaims;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.EInvoiceGateway;
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
 * JP PINT e-invoices delivered by the Peppol access point: {@code <inbox>/*.xml} → {@link EInvoiceIntake} → the
 * invoice service of contract-payment (the one {@code POST /api/v1/invoices} uses) as the route's service identity.
 * One node at a time works on a file (claims in the shared table under this route's id, as the other intake routes);
 * an invoice is created once per contract and invoice id, so a file taken twice creates nothing twice. A technical
 * fault goes to the dead-letter route: ERROR line, dead letter for the operations view, counter, the file in
 * {@code failed} with a report saying it may be dropped again.
 */
@Component
public class EInvoiceIntakeRoute extends RouteBuilder {

  public static final String ROUTE_ID = "einvoice-intake";
  public static final String DEAD_LETTER_ROUTE_ID = "einvoice-intake-dead-letter";
  static final String DEAD_LETTER = "direct:" + DEAD_LETTER_ROUTE_ID;
  static final String CLAIMS = "einvoiceIntakeClaims";
  static final String TARGET = "TetsuzukiEInvoiceTarget";
  public static final String STEP_TAKE_FILE = "Step_TakeInvoice";
  public static final String STEP_RECORD_DEAD_LETTER = "Step_RecordInvoiceDeadLetter";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final String claims;
  private final EInvoiceIntake intake;
  private final EInvoiceIntakeProperties properties;
  private final DeadLetterStore deadLetters;

  @Autowired
  public EInvoiceIntakeRoute(EInvoiceIntake intake, EInvoiceIntakeProperties properties,
      DeadLetterStore deadLetters) {
    this(CLAIMS, intake, properties, deadLetters);
  }

  public EInvoiceIntakeRoute(String claims, EInvoiceIntake intake, EInvoiceIntakeProperties properties,
      DeadLetterStore deadLetters) {
    this.claims = claims;
    this.intake = intake;
    this.properties = properties;
    this.deadLetters = deadLetters;
  }

  @Bean(CLAIMS)
  static ExpiringFileClaims einvoiceIntakeClaims(DataSource dataSource, CamelContext camelContext,
      EInvoiceIntakeProperties properties) {
    return new ExpiringFileClaims(dataSource, ROUTE_ID, camelContext, properties.claimExpiry(),
        properties.claimKeepAlive());
  }

  @Bean
  static EInvoiceIntake einvoiceIntake(EInvoiceGateway gateway, EInvoiceIntakeProperties properties,
      DeadLetterStore deadLetterStore, ObjectProvider<MeterRegistry> meters) {
    return new EInvoiceIntake(gateway, properties, deadLetterStore, meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Override
  public void configure() {
    Path inbox = Paths.get(properties.inbox()).toAbsolutePath();
    Path failed = Paths.get(properties.failed()).toAbsolutePath();
    errorHandler(deadLetterChannel(DEAD_LETTER).useOriginalMessage().maximumRedeliveries(0).logExhausted(false)
        .logStackTrace(false));

    fromF("file:%s?antInclude=*.xml,*.XML&readLock=idempotent-changed&idempotentRepository=#%s"
        + "&idempotentKey=${file:name}-${file:size}-${file:modified}"
        + "&readLockCheckInterval=500&readLockTimeout=10000&readLockMinLength=0"
        + "&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true"
        + "&readLockIdempotentReleaseDelay=%d&readLockIdempotentReleaseAsync=true"
        + "&move=${header.%s}&moveFailed=%s/${file:onlyname.noext}-${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&delay=%d&maxMessagesPerPoll=10", inbox, claims, properties.claimReleaseDelay().toMillis(), TARGET,
        failed, properties.pollDelay().toMillis())
        .routeId(ROUTE_ID)
        .process(exchange -> {
          Path file = exchange.getIn().getBody(File.class).toPath();
          exchange.getIn().setHeader(TARGET, intake.take(file).toString());
        }).id(STEP_TAKE_FILE);

    from(DEAD_LETTER).routeId(DEAD_LETTER_ROUTE_ID)
        .process(exchange -> {
          Throwable fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
          String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
          String reason = fault == null ? "unknown fault"
              : fault.getClass().getSimpleName() + ": " + fault.getMessage();
          DeadLetterLog.LOG.error("einvoice-intake: {} stopped by a technical fault, moved to failed as a dead"
              + " letter: {}", name, reason, fault);
          deadLetters.record(ROUTE_ID, reason, name);
          intake.count("dead-letter");
          Path target = FileReport.free(failed, name == null ? "unknown.xml" : name);
          new FileReport().add(0, "", "TECHNICAL_FAULT", "技術的なエラーで受付が止まりました（"
              + WHEN.format(java.time.Instant.now().atZone(JapanTime.ZONE)) + "）。同じ請求書が二重に登録されることはないため、"
              + "原因の解消後にこのファイルを受信フォルダーへ戻してください。").publish(target);
          exchange.getIn().setHeader(TARGET, target.toString());
        }).id(STEP_RECORD_DEAD_LETTER);
  }

  private static final class DeadLetterLog {
    static final Logger LOG = LoggerFactory.getLogger(EInvoiceIntakeRoute.class);
  }
}
