package jp.tetsuzuki.integrations.municipalcsv;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.casefile.ExpiringFileClaims;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Ward systems drop CSV files ({@code *.csv}, windows-31j or UTF-8) into the inbox; each row becomes an application
 * through the platform's application service ({@link MunicipalCsvIntake}). A file is worked on by one node at a time:
 * its claim in the table shared by all nodes ({@link ExpiringFileClaims}, the case-file intake's claims under this
 * route's id) is the read lock, refreshed while the node works and expiring when it crashed, so that another node
 * takes the file again; rows registered before the crash are not registered twice (tenant + externalId). The file
 * then moves to {@code done} or {@code failed} with its rejection report beside it. A technical fault goes to the
 * dead-letter route: an ERROR log line, a dead letter recorded through {@link DeadLetterStore} like every route's
 * (bounded per route, shown by the operations view), the file's ledger row marked {@code dead-letter},
 * the counter {@code tetsuzuki.integration.files{outcome=dead-letter}} and the file in {@code failed} with a report
 * saying it may be dropped again.
 */
@Component
public class MunicipalCsvIntakeRoute extends RouteBuilder {

  public static final String ROUTE_ID = "municipal-csv-intake";
  public static final String DEAD_LETTER_ROUTE_ID = "municipal-csv-intake-dead-letter";
  static final String DEAD_LETTER = "direct:" + DEAD_LETTER_ROUTE_ID;
  static final String CLAIMS = "municipalCsvIntakeClaims";
  /** The absolute path the file moves to when its exchange completes. */
  static final String TARGET = "TetsuzukiMunicipalCsvTarget";
  public static final String STEP_TAKE_FILE = "Step_TakeFile";
  public static final String STEP_RECORD_DEAD_LETTER = "Step_RecordDeadLetter";

  private final String claims;
  private final MunicipalCsvIntake intake;
  private final DeadLetterStep deadLetter;
  private final MunicipalCsvProperties properties;

  @Autowired
  public MunicipalCsvIntakeRoute(MunicipalCsvIntake intake, IntakeLedger ledger, DeadLetterStore deadLetters,
      MunicipalCsvProperties properties) {
    this(CLAIMS, intake, ledger, deadLetters, properties, Clock.systemUTC());
  }

  /** A route whose claims are the registry bean {@code claims} (tests run several nodes). */
  public MunicipalCsvIntakeRoute(String claims, MunicipalCsvIntake intake, IntakeLedger ledger,
      DeadLetterStore deadLetters, MunicipalCsvProperties properties, Clock clock) {
    this.claims = claims;
    this.intake = intake;
    this.deadLetter = new DeadLetterStep(intake, ledger, deadLetters, properties, clock);
    this.properties = properties;
  }

  /** File claims of this route, shared by all nodes (table {@code tz_case_file_lock}, keyed by route id). */
  @Bean(CLAIMS)
  static ExpiringFileClaims municipalCsvIntakeClaims(DataSource dataSource, CamelContext camelContext,
      MunicipalCsvProperties properties) {
    return new ExpiringFileClaims(dataSource, ROUTE_ID, camelContext, properties.claimExpiry(),
        properties.claimKeepAlive());
  }

  @Bean
  static IntakeLedger municipalCsvIntakeLedger(DataSource dataSource) {
    return new IntakeLedger(dataSource);
  }

  @Bean
  static MunicipalCsvIntake municipalCsvIntake(BatchApplicationGateway gateway, IntakeLedger municipalCsvIntakeLedger,
      MunicipalCsvProperties properties, ObjectProvider<MeterRegistry> meters) {
    return new MunicipalCsvIntake(gateway, municipalCsvIntakeLedger, properties,
        meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
  }

  @Override
  public void configure() {
    Path inbox = Paths.get(properties.inbox()).toAbsolutePath();
    Path failed = Paths.get(properties.failed()).toAbsolutePath();
    // no redelivery: a fault mid-file leaves registered rows registered, and the file is taken again as a whole
    errorHandler(deadLetterChannel(DEAD_LETTER).useOriginalMessage().maximumRedeliveries(0).logExhausted(false)
        .logStackTrace(false));

    // readLock=idempotent-changed: claim the file in the shared table, then wait until it is no longer written;
    // the claim goes when the file has moved, after a delay that covers a node which listed the folder just before
    fromF("file:%s?antInclude=*.csv,*.CSV&readLock=idempotent-changed&idempotentRepository=#%s"
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
          exchange.getIn().setHeader(TARGET, intake.take(file).target().toString());
        }).id(STEP_TAKE_FILE);

    from(DEAD_LETTER).routeId(DEAD_LETTER_ROUTE_ID)
        .process(deadLetter).id(STEP_RECORD_DEAD_LETTER);
  }

  /** The visible end of a technical fault: log, dead letter, counter, report; the file goes to {@code failed}. */
  static final class DeadLetterStep implements org.apache.camel.Processor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeadLetterStep.class);

    private final MunicipalCsvIntake intake;
    private final IntakeLedger ledger;
    private final DeadLetterStore deadLetters;
    private final MunicipalCsvProperties properties;
    private final Clock clock;

    DeadLetterStep(MunicipalCsvIntake intake, IntakeLedger ledger, DeadLetterStore deadLetters,
        MunicipalCsvProperties properties, Clock clock) {
      this.intake = intake;
      this.ledger = ledger;
      this.deadLetters = deadLetters;
      this.properties = properties;
      this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
      Throwable fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
      String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
      File file = exchange.getIn().getBody(File.class);
      String reason = fault == null ? "unknown fault" : fault.getClass().getSimpleName() + ": " + fault.getMessage();
      LOG.error("municipal-csv-intake: {} stopped by a technical fault, moved to failed as a dead letter: {}", name,
          reason, fault);
      String sha = null;
      FileEncoding encoding = FileEncoding.UTF_8_BOM;
      if (file != null && file.exists()) {
        sha = MunicipalCsvIntake.sha256(file.toPath());
        encoding = FileEncoding.detect(file.toPath());
      }
      ledger.markDeadLetter(sha, clock.instant());
      deadLetters.record(ROUTE_ID, reason, name);
      intake.countFile(IntakeLedger.DEAD_LETTER);
      Path failed = Paths.get(properties.failed()).toAbsolutePath();
      Path target = MunicipalCsvIntake.free(failed, name == null ? "unknown.csv" : name);
      RejectionReport report = new RejectionReport(failed, encoding);
      report.add(0, "", "", "技術的なエラーで取込が途中で止まりました（" + java.time.format.DateTimeFormatter
          .ofPattern("yyyy-MM-dd HH:mm").format(clock.instant().atZone(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE))
          + "）。登録済みの行は二重に登録されないため、原因の解消後にこのファイルを受信フォルダーへ戻してください。");
      report.publish(MunicipalCsvIntake.report(target));
      exchange.getIn().setHeader(TARGET, target.toString());
    }
  }
}
