package jp.tetsuzuki.integrations.municipalcsv;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.casefile.ExpiringFileClaims;
import jp.tetsuzuki.integrations.exchange.TenantInboxFolders;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Ward systems drop CSV files ({@code *.csv}, windows-31j or UTF-8) into their tenant's inbox
 * ({@code <folder>/<tenant>/inbox}); each row becomes an application of that tenant
 * through the platform's application service ({@link MunicipalCsvIntake}). A file is worked on by one node at a time:
 * its claim in the table shared by all nodes ({@link ExpiringFileClaims}, the case-file intake's claims under this
 * route's id) is the read lock, refreshed while the node works and expiring when it crashed, so that another node
 * takes the file again; rows registered before the crash are not registered twice (tenant + externalId). The file
 * then moves to {@code done} or {@code failed} with its rejection report beside it. A technical fault goes to the
 * dead-letter route: an ERROR log line, a dead letter recorded through {@link DeadLetterStore} like every route's
 * (bounded per route, shown by the operations view), the file's ledger row marked {@code dead-letter},
 * the counter {@code tetsuzuki.integration.files{outcome=dead-letter}} and the file in {@code failed} with a report
 * saying it may be dropped again. With {@code source=sftp://…} ({@link MunicipalCsvSource}) the same route takes the
 * files from a ward system's SFTP inbox instead: the same claims (taken by the consumer's idempotent check before the
 * download), ledger and outcomes; the file moves on the server to the inbox's sibling {@code done}/{@code failed}
 * and a copy with its report goes to the local folders.
 */
@Component
public class MunicipalCsvIntakeRoute extends RouteBuilder {

  public static final String ROUTE_ID = "municipal-csv-intake";
  public static final String DEAD_LETTER_ROUTE_ID = "municipal-csv-intake-dead-letter";
  static final String DEAD_LETTER = "direct:" + DEAD_LETTER_ROUTE_ID;
  static final String CLAIMS = "municipalCsvIntakeClaims";
  /** The absolute path the file moves to when its exchange completes. */
  static final String TARGET = "TetsuzukiMunicipalCsvTarget";
  /** SFTP source: where the file moves on the server, relative to the inbox ({@code ../done/…}, {@code ../failed/…}). */
  static final String REMOTE_TARGET = "TetsuzukiMunicipalCsvRemoteTarget";
  /** The claim's key (the same for the local and the SFTP inbox): name, size and modification time. */
  static final String CLAIM_KEY = TenantInboxFolders.CLAIM_KEY;
  public static final String STEP_TAKE_FILE = "Step_TakeFile";
  public static final String STEP_RECORD_DEAD_LETTER = "Step_RecordDeadLetter";

  private final String claims;
  private final MunicipalCsvIntake intake;
  private final DeadLetterStep deadLetter;
  private final MunicipalCsvProperties properties;
  private final MunicipalCsvSource source;

  @Autowired
  public MunicipalCsvIntakeRoute(MunicipalCsvIntake intake, IntakeLedger ledger, DeadLetterStore deadLetters,
      MunicipalCsvProperties properties, MunicipalCsvSource source) {
    this(CLAIMS, intake, ledger, deadLetters, properties, source, Clock.systemUTC());
  }

  /** A route on the local inbox whose claims are the registry bean {@code claims} (tests run several nodes). */
  public MunicipalCsvIntakeRoute(String claims, MunicipalCsvIntake intake, IntakeLedger ledger,
      DeadLetterStore deadLetters, MunicipalCsvProperties properties, Clock clock) {
    this(claims, intake, ledger, deadLetters, properties, MunicipalCsvSource.LOCAL, clock);
  }

  /** A route on {@code source} (the local inbox or an SFTP inbox) whose claims are the registry bean {@code claims}. */
  public MunicipalCsvIntakeRoute(String claims, MunicipalCsvIntake intake, IntakeLedger ledger,
      DeadLetterStore deadLetters, MunicipalCsvProperties properties, MunicipalCsvSource source, Clock clock) {
    this.claims = claims;
    this.intake = intake;
    this.source = source == null ? MunicipalCsvSource.LOCAL : source;
    this.deadLetter = new DeadLetterStep(intake, ledger, deadLetters, properties, this.source, clock);
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
    if (source.isSftp() && properties.tenants().size() != 1) {
      throw new IllegalStateException("tetsuzuki.integrations.municipal-csv: an SFTP inbox (" + source.endpointUri()
          + ") belongs to one ward system and so to one tenant; set tetsuzuki.integrations.municipal-csv.tenants"
          + " (TETSUZUKI_MUNICIPAL_CSV_TENANTS) to exactly that tenant, not " + properties.tenants());
    }
    // no redelivery: a fault mid-file leaves registered rows registered, and the file is taken again as a whole
    errorHandler(deadLetterChannel(DEAD_LETTER).useOriginalMessage().maximumRedeliveries(0).logExhausted(false)
        .logStackTrace(false));

    RouteDefinition route;
    if (source.isSftp()) {
      route = from(sftpEndpoint(properties.inbox(properties.tenants().get(0))));
    } else {
      // one inbox per tenant, <folder>/<tenant>/inbox: the folder a file lies in is its tenant (the only folders read)
      properties.createInboxes();
      route = from(properties.inboxEndpoint(claims, TARGET, "*.csv", "*.CSV"));
      if (properties.tenants().isEmpty()) {
        log.info("{}: no tenant configured (tetsuzuki.integrations.municipal-csv.tenants), no inbox is read",
            ROUTE_ID);
        route.autoStartup(false);
      }
    }
    route.routeId(ROUTE_ID)
        .process(exchange -> {
          if (source.isSftp()) {
            releaseClaimWhenDone(exchange);
          }
          Path file = exchange.getIn().getBody(File.class).toPath();
          String tenant = tenantOf(exchange, file, source, properties);
          deliver(exchange, file, intake.take(file, tenant).target(), source, properties);
        }).id(STEP_TAKE_FILE);

    from(DEAD_LETTER).routeId(DEAD_LETTER_ROUTE_ID)
        .process(deadLetter).id(STEP_RECORD_DEAD_LETTER);
  }

  /**
   * The tenant of the inbox a file came from: the SFTP inbox's one tenant, or the tenant folder the local file lies
   * in ({@code <folder>/<tenant>/inbox}); {@code null} when neither is known (the file was never read).
   */
  static String tenantOf(Exchange exchange, Path file, MunicipalCsvSource source, MunicipalCsvProperties properties) {
    if (source.isSftp()) {
      return properties.tenants().get(0);
    }
    return properties.tenantOfInbox(file, exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
  }

  /**
   * The SFTP inbox: camel-ftp's {@code sftp:} consumer downloads each file to a local work folder and the intake
   * reads it there. The claim is the same shared table as for the local inbox, taken by the consumer's idempotent
   * check (our exclusive INSERT, kept alive while the node works, expiring when it crashed); {@code readLock=changed}
   * waits until the ward system has finished writing. The host key is checked against the known_hosts file, always.
   */
  private SftpEndpoint sftpEndpoint(Path inbox) {
    MunicipalCsvSource.Sftp sftp = source.sftp();
    Path work = sftp.localWorkDirectory().isBlank() ? inbox.resolveSibling(".sftp-work")
        : Paths.get(sftp.localWorkDirectory()).toAbsolutePath();
    String uri = source.endpointUri() + "?antInclude=*.csv,*.CSV"
        + "&idempotent=true&idempotentEager=true&idempotentRepository=#" + claims + "&idempotentKey=" + CLAIM_KEY
        + "&readLock=changed&readLockCheckInterval=1000&readLockTimeout=30000&readLockMinLength=0"
        + "&localWorkDirectory=" + work
        + "&move=${header." + REMOTE_TARGET + "}"
        + "&moveFailed=../failed/${file:onlyname.noext}-${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&delay=" + properties.pollDelay().toMillis() + "&maxMessagesPerPoll=10";
    SftpEndpoint endpoint = getContext().getEndpoint(uri, SftpEndpoint.class);
    SftpConfiguration configuration = endpoint.getConfiguration();
    // credentials and key material from the environment, never in the URI (which Camel logs and shows)
    configuration.setUsername(sftp.username());
    if (!sftp.password().isBlank()) {
      configuration.setPassword(sftp.password());
    }
    if (!sftp.privateKeyFile().isBlank()) {
      configuration.setPrivateKeyFile(sftp.privateKeyFile());
      if (!sftp.privateKeyPassphrase().isBlank()) {
        configuration.setPrivateKeyPassphrase(sftp.privateKeyPassphrase());
      }
    }
    configuration.setKnownHostsFile(sftp.knownHostsFile());
    configuration.setUseUserKnownHostsFile(false);
    configuration.setStrictHostKeyChecking("yes");
    log.info("{}: taking files from {} as {} (host key checked against {})", ROUTE_ID, source.endpointUri(),
        sftp.username(), sftp.knownHostsFile());
    return endpoint;
  }

  /**
   * SFTP: once the file has moved on the server, its claim is given back after the release delay (a node that
   * listed the folder just before the move must still find it claimed); the local inbox's read lock does this
   * itself.
   */
  private void releaseClaimWhenDone(Exchange exchange) {
    String key = exchange.getContext().resolveLanguage("simple").createExpression(CLAIM_KEY)
        .evaluate(exchange, String.class);
    ExpiringFileClaims repository = exchange.getContext().getRegistry()
        .lookupByNameAndType(claims, ExpiringFileClaims.class);
    exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
      @Override
      public void onDone(Exchange done) {
        releases().schedule(() -> repository.remove(key), properties.claimReleaseDelay().toMillis(),
            TimeUnit.MILLISECONDS);
      }
    });
  }

  private ScheduledExecutorService releases;

  private synchronized ScheduledExecutorService releases() {
    if (releases == null) {
      releases = getContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
          ROUTE_ID + "-claim-release");
    }
    return releases;
  }

  /**
   * Where the file goes: for the local inbox Camel moves it to {@code target}; for the SFTP inbox a copy goes to
   * {@code target} (beside its rejection report, where staff read it) and the file moves on the server to the
   * inbox's sibling folder of the same outcome ({@code file} null: no local copy, e.g. a fault before the download).
   */
  static void deliver(Exchange exchange, Path file, Path target, MunicipalCsvSource source,
      MunicipalCsvProperties properties) throws IOException {
    exchange.getIn().setHeader(TARGET, target.toString());
    if (source.isSftp()) {
      if (file != null) {
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      }
      String outcome = "done".equals(String.valueOf(target.getParent().getFileName())) ? "done" : "failed";
      exchange.getIn().setHeader(REMOTE_TARGET, "../" + outcome + "/" + target.getFileName());
    }
  }

  /** The visible end of a technical fault: log, dead letter, counter, report; the file goes to {@code failed}. */
  static final class DeadLetterStep implements org.apache.camel.Processor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeadLetterStep.class);

    private final MunicipalCsvIntake intake;
    private final IntakeLedger ledger;
    private final DeadLetterStore deadLetters;
    private final MunicipalCsvProperties properties;
    private final Clock clock;

    private final MunicipalCsvSource source;

    DeadLetterStep(MunicipalCsvIntake intake, IntakeLedger ledger, DeadLetterStore deadLetters,
        MunicipalCsvProperties properties, MunicipalCsvSource source, Clock clock) {
      this.source = source;
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
      String tenant = tenantOf(exchange, file == null ? null : file.toPath(), source, properties);
      // the tenant's failed folder (a file whose inbox is unknown was never read: the exchange folder's failed)
      Path failed = properties.failedFolderOf(tenant);
      Path target = MunicipalCsvIntake.free(failed, name == null ? "unknown.csv" : name);
      RejectionReport report = new RejectionReport(failed, encoding);
      report.add(0, "", "", "技術的なエラーで取込が途中で止まりました（" + java.time.format.DateTimeFormatter
          .ofPattern("yyyy-MM-dd HH:mm").format(clock.instant().atZone(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE))
          + "）。登録済みの行は二重に登録されないため、原因の解消後にこのファイルを受信フォルダーへ戻してください。");
      report.publish(MunicipalCsvIntake.report(target));
      deliver(exchange, file != null && file.exists() ? file.toPath() : null, target, source, properties);
    }
  }
}
