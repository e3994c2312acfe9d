package jp.tetsuzuki.integrations.einvoice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.tetsuzuki.integrations.accounting.FileReport;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.EInvoiceGateway;
import jp.tetsuzuki.integrations.port.EInvoiceGateway.Refused;
import jp.tetsuzuki.integrations.port.EInvoiceGateway.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one delivered e-invoice file of a tenant's inbox: too large → refused before reading; otherwise its bytes go
 * to the platform's invoice service ({@link EInvoiceGateway#receive}) as the route's service identity, for the tenant
 * of the inbox (its contract is looked for in that tenant only). Received (valid or invalid: the case decides and
 * returns an invalid one to the supplier) → the tenant's {@code done}; refused (unreadable XML, DOCTYPE, no or unknown
 * contract, a contract of another tenant, a contract not awaiting an invoice) → the tenant's {@code failed} with a
 * Japanese report and a dead letter ({@code <tenant>/<file>}); the same invoice again → {@code failed} with a report
 * saying it was received before (nothing created twice).
 * Technical faults are thrown: the route's dead-letter path handles them.
 */
public class EInvoiceIntake {

  private static final Logger LOG = LoggerFactory.getLogger(EInvoiceIntake.class);

  private final EInvoiceGateway gateway;
  private final EInvoiceIntakeProperties properties;
  private final DeadLetterStore deadLetters;
  private final MeterRegistry meters;

  public EInvoiceIntake(EInvoiceGateway gateway, EInvoiceIntakeProperties properties, DeadLetterStore deadLetters,
      MeterRegistry meters) {
    this.gateway = gateway;
    this.properties = properties;
    this.deadLetters = deadLetters;
    this.meters = meters;
  }

  /**
   * @param tenantId the tenant of the inbox the file was delivered into
   * @return where the file is to move
   */
  public Path take(Path file, String tenantId) throws IOException {
    if (!properties.serves(tenantId)) {
      throw new IllegalArgumentException("tenant " + tenantId + " is not served by " + properties.serviceUser());
    }
    String name = file.getFileName().toString();
    Path failed = properties.failed(tenantId);
    long size = Files.size(file);
    if (size > properties.maxFileSize().toBytes()) {
      return refuse(failed, tenantId, name, "", "FILE_TOO_LARGE", "請求書ファイルが大きすぎます（" + size + " バイト、上限 "
          + properties.maxFileSize().toBytes() + " バイト）。読み込んでいません。", "file of " + size + " bytes");
    }
    Result result;
    try {
      result = gateway.receive(properties.serviceUser(), tenantId, Files.readAllBytes(file));
    } catch (Refused refused) {
      return refuse(failed, tenantId, name, "", refused.code(), refused.getMessage() + "請求書は受け付けていません。",
          "refused (" + refused.code() + "): " + refused.getMessage());
    }
    if (result.replayed()) {
      count("duplicate");
      Path target = FileReport.free(failed, name);
      new FileReport().add(0, result.invoiceNumber(), "DUPLICATE", "契約「" + result.contractId() + "」の請求書「"
          + result.invoiceNumber() + "」は既に受け付けています（重複のため登録していません）。").publish(target);
      LOG.warn("einvoice-intake: {} ({}) is invoice {} of contract {} received before; nothing created", name,
          tenantId, result.invoiceNumber(), result.contractId());
      return target;
    }
    count("received");
    LOG.info("einvoice-intake: {} received as invoice {} of contract {} ({}): valid={}", name, result.invoiceNumber(),
        result.contractId(), result.tenantId(), result.valid());
    return FileReport.free(properties.done(tenantId), name);
  }

  private Path refuse(Path failed, String tenantId, String name, String reference, String code, String reasonJa,
      String reason) {
    Path target = FileReport.free(failed, name);
    new FileReport().add(0, reference, code, reasonJa).publish(target);
    deadLetters.record(EInvoiceIntakeRoute.ROUTE_ID, reason, tenantId + "/" + name);
    count("rejected");
    LOG.warn("einvoice-intake: {} ({}) refused, moved to failed: {}", name, tenantId, reason);
    return target;
  }

  void count(String outcome) {
    Counter.builder("tetsuzuki.integration.files").tag("route", EInvoiceIntakeRoute.ROUTE_ID).tag("outcome", outcome)
        .description("files of the route by outcome").register(meters).increment();
  }
}
