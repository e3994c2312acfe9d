package jp.tetsuzuki.integrations.einvoice;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.nio.file.Path;
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
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * JP PINT e-invoices delivered by the Peppol access point into their municipality's inbox:
 * {@code <folder>/<tenant>/inbox/*.xml} → {@link EInvoiceIntake} → the invoice service of contract-payment (the one
 * {@code POST /api/v1/invoices} uses) as the route's service identity, for the tenant of that inbox only (the folder
 * decides the tenant, never the contract id the invoice names; folders of tenants not served are not read, and with no
 * tenant configured the route does not start). The file then moves to that tenant's {@code done} or {@code failed}.
 * One node at a time works on a file (claims in the shared table under this route's id, as the other intake routes);
 * an invoice is created once per contract and invoice id, so a file taken twice creates nothing twice. A technical
 * fault goes to the dead-letter route: ERROR line, dead letter for the operations view, counter, the file in the
 * tenant's {@code failed} with a report saying it may be dropped again.
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
      DeadLetterStore deadLetters, Environment environment) {
    this(CLAIMS, intake, properties, deadLetters);
    refuseRetiredFolders(environment);
  }

  /**
   * The single inbox, done and failed folders of all tenants are gone (one set per tenant under {@code folder} now):
   * a platform still configured with them would have its access point deliver into a folder nobody reads.
   */
  static void refuseRetiredFolders(Environment environment) {
    for (String retired : new String[] {"inbox", "done", "failed"}) {
      String env = "TETSUZUKI_EINVOICE_" + retired.toUpperCase(java.util.Locale.ROOT);
      if (environment.containsProperty("tetsuzuki.integrations.einvoice." + retired)
          || environment.containsProperty(env)) {
        throw new IllegalStateException("tetsuzuki.integrations.einvoice." + retired + " (" + env + ") is no longer"
            + " read: each tenant has its own folders <folder>/<tenant>/{inbox,done,failed}; set"
            + " tetsuzuki.integrations.einvoice.folder (TETSUZUKI_EINVOICE_FOLDER) to the exchange folder instead");
      }
    }
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
    errorHandler(deadLetterChannel(DEAD_LETTER).useOriginalMessage().maximumRedeliveries(0).logExhausted(false)
        .logStackTrace(false));

    // one inbox per tenant, <folder>/<tenant>/inbox: the folder a file lies in is its tenant (the only folders read)
    properties.createInboxes();
    RouteDefinition route = from(properties.inboxEndpoint(claims, TARGET, "*.xml", "*.XML"));
    if (properties.tenants().isEmpty()) {
      log.info("{}: no tenant configured (tetsuzuki.integrations.einvoice.tenants), no inbox is read", ROUTE_ID);
      route.autoStartup(false);
    }
    route.routeId(ROUTE_ID)
        .process(exchange -> {
          Path file = exchange.getIn().getBody(File.class).toPath();
          String tenant = properties.tenantOfInbox(file,
              exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
          exchange.getIn().setHeader(TARGET, intake.take(file, tenant).toString());
        }).id(STEP_TAKE_FILE);

    from(DEAD_LETTER).routeId(DEAD_LETTER_ROUTE_ID)
        .process(exchange -> {
          Throwable fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
          String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
          String reason = fault == null ? "unknown fault"
              : fault.getClass().getSimpleName() + ": " + fault.getMessage();
          DeadLetterLog.LOG.error("einvoice-intake: {} stopped by a technical fault, moved to failed as a dead"
              + " letter: {}", name, reason, fault);
          File file = exchange.getIn().getBody(File.class);
          String tenant = properties.tenantOfInbox(file == null ? null : file.toPath(),
              exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
          deadLetters.record(ROUTE_ID, reason, (tenant == null ? "" : tenant + "/") + name);
          intake.count("dead-letter");
          // the tenant's failed folder (a file whose inbox is unknown was never read: the exchange folder's failed)
          Path target = FileReport.free(properties.failedFolderOf(tenant), name == null ? "unknown.xml" : name);
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
