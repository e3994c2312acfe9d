package jp.tetsuzuki.integrations.accounting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway.BatchRule;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway.PaymentFile;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Payment instruction files out (支払指示ファイル): every {@code export-poll-delay} each node asks the platform for the
 * due batches of the tenants it serves ({@link AccountingExchangeGateway#claimBatch}: the approved payments of a
 * tenant, once {@code max-payments} wait or the oldest waited {@code collect-for}; each payment joins exactly one
 * batch, whichever node asks) and writes each as one file into the outbox with Camel's file producer: under a hidden
 * temporary name ({@code .<name>.part}), forced to disk, then renamed, so the accounting system never sees half a file.
 * Then the batch is marked written (the cases record the file). A write that fails goes to the dead-letter route (an
 * ERROR line, a dead letter for the operations view, a counter); the batch stays leased and is written again by any
 * node once its lease ran out, with the same content.
 */
@Component
public class AccountingExportRoute extends RouteBuilder {

  public static final String ROUTE_ID = "accounting-export";
  public static final String DEAD_LETTER_ROUTE_ID = "accounting-export-dead-letter";
  static final String DEAD_LETTER = "direct:" + DEAD_LETTER_ROUTE_ID;
  public static final String STEP_CLAIM_BATCHES = "Step_ClaimBatches";
  public static final String STEP_WRITE_FILE = "Step_WriteFile";
  public static final String STEP_MARK_WRITTEN = "Step_MarkWritten";
  public static final String STEP_RECORD_DEAD_LETTER = "Step_RecordExportDeadLetter";
  /** The batch an exchange of the split carries. */
  static final String BATCH = "TetsuzukiPaymentBatch";
  /** At most this many batches per tenant and poll (the next poll takes the rest). */
  static final int BATCHES_PER_POLL = 20;

  private static final Logger LOG = LoggerFactory.getLogger(AccountingExportRoute.class);

  private final AccountingExchangeGateway gateway;
  private final AccountingExchangeProperties properties;
  private final DeadLetterStore deadLetters;
  private final MeterRegistry meters;

  @Autowired
  public AccountingExportRoute(AccountingExchangeGateway gateway, AccountingExchangeProperties properties,
      DeadLetterStore deadLetters, ObjectProvider<MeterRegistry> meters) {
    this(gateway, properties, deadLetters, meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  public AccountingExportRoute(AccountingExchangeGateway gateway, AccountingExchangeProperties properties,
      DeadLetterStore deadLetters, MeterRegistry meters) {
    this.gateway = gateway;
    this.properties = properties;
    this.deadLetters = deadLetters;
    this.meters = meters;
  }

  @Override
  public void configure() {
    Path outbox = Paths.get(properties.outbox()).toAbsolutePath();
    errorHandler(deadLetterChannel(DEAD_LETTER).maximumRedeliveries(0).logExhausted(false).logStackTrace(false));

    fromF("timer:%s?period=%d&delay=%d", ROUTE_ID, properties.exportPollDelay().toMillis(),
        properties.exportPollDelay().toMillis())
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getIn().setBody(dueFiles())).id(STEP_CLAIM_BATCHES)
        .split(body())
          .process(exchange -> {
            PaymentFile file = exchange.getIn().getBody(PaymentFile.class);
            exchange.setProperty(BATCH, file);
            exchange.getIn().setHeader(Exchange.FILE_NAME, file.fileName());
            exchange.getIn().setBody(file.content());
          })
          // temp + rename in the outbox; forceWrites syncs the file before the rename
          .toF("file:%s?tempFileName=.${file:name}.part&fileExist=Override&forceWrites=true", outbox)
            .id(STEP_WRITE_FILE)
          .process(exchange -> written(exchange.getProperty(BATCH, PaymentFile.class))).id(STEP_MARK_WRITTEN)
        .end();

    from(DEAD_LETTER).routeId(DEAD_LETTER_ROUTE_ID)
        .process(this::deadLetter).id(STEP_RECORD_DEAD_LETTER);
  }

  /** The due batches of every served tenant (formed now, or formed before and not written). */
  List<PaymentFile> dueFiles() {
    List<PaymentFile> files = new ArrayList<>();
    BatchRule rule = new BatchRule(properties.maxPayments(), properties.collectFor(), properties.batchLease());
    for (String tenant : properties.tenants()) {
      for (int i = 0; i < BATCHES_PER_POLL; i++) {
        Optional<PaymentFile> file = gateway.claimBatch(properties.serviceUser(), tenant, rule, properties.node());
        if (file.isEmpty()) {
          break;
        }
        if (file.get().again()) {
          LOG.warn("accounting-export: batch {} of {} was formed by a node that did not write it; writing it now",
              file.get().batchId(), tenant);
        }
        files.add(file.get());
      }
    }
    return files;
  }

  private void written(PaymentFile file) {
    gateway.written(properties.serviceUser(), file.tenantId(), file.batchId());
    count("files", file.again() ? "rewritten" : "written", 1);
    count("rows", "exported", file.payments());
    LOG.info("accounting-export: {} written ({} payments of {})", file.fileName(), file.payments(), file.tenantId());
  }

  private void deadLetter(Exchange exchange) {
    Throwable fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    PaymentFile file = exchange.getProperty(BATCH, PaymentFile.class);
    String reason = fault == null ? "unknown fault" : fault.getClass().getSimpleName() + ": " + fault.getMessage();
    String ref = file == null ? "(claiming batches)" : file.tenantId() + "/" + file.fileName();
    LOG.error("accounting-export: {} not written, dead letter (the batch is written again after its lease): {}", ref,
        reason, fault);
    deadLetters.record(ROUTE_ID, reason, ref);
    count("files", "dead-letter", 1);
  }

  private void count(String what, String outcome, double amount) {
    Counter.builder("tetsuzuki.integration." + what).tag("route", ROUTE_ID).tag("outcome", outcome)
        .description(what + " of the route by outcome").register(meters).increment(amount);
  }
}
