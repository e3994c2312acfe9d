package jp.tetsuzuki.integrations.accounting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway.AckResult;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway.Problem;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one acknowledgement file (支払結果ファイル) of {@code <ack-inbox>/<tenantId>/}: the tenant is its folder (checked
 * against the tenants the identity serves), the content goes to the platform's acknowledgement service as the route's
 * service identity ({@link AccountingExchangeGateway#acknowledge}; the layout is the platform's, see the README).
 * Decides where the file goes: {@code done/<tenant>/} when every line was applied; {@code failed/<tenant>/} with the
 * report {@code <file>.rejected.csv} when the file was refused (layout, encoding, size, tenant: nothing applied,
 * and a dead letter for the operations view), when lines were not applied (unknown payment, amount, already settled
 * otherwise: the other lines are applied; a dead letter too), or when every line had been applied before (the same
 * file again: nothing is paid twice). Technical faults are thrown: the route's dead-letter path handles them.
 */
public class AcknowledgementIntake {

  private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementIntake.class);

  private final AccountingExchangeGateway gateway;
  private final AccountingExchangeProperties properties;
  private final DeadLetterStore deadLetters;
  private final MeterRegistry meters;

  public AcknowledgementIntake(AccountingExchangeGateway gateway, AccountingExchangeProperties properties,
      DeadLetterStore deadLetters, MeterRegistry meters) {
    this.gateway = gateway;
    this.properties = properties;
    this.deadLetters = deadLetters;
    this.meters = meters;
  }

  /** @return where the file is to move */
  public Path take(Path file) throws IOException {
    String tenant = file.getParent().getFileName().toString();
    String name = file.getFileName().toString();
    String ref = tenant + "/" + name;
    Path failed = Paths.get(properties.ackFailed()).toAbsolutePath().resolve(tenant);
    Path done = Paths.get(properties.ackDone()).toAbsolutePath().resolve(tenant);
    if (!properties.serves(tenant)) {
      return refuse(failed, name, ref, new FileReport().add(0, "", "TENANT_NOT_SERVED", "フォルダー「" + tenant
          + "」のテナントはこの連携（サービスID " + properties.serviceUser() + "）の担当外です。ファイルは処理していません。"),
          "tenant " + tenant + " is not served");
    }
    long size = Files.size(file);
    if (size > properties.maxAckFileSize().toBytes()) {
      return refuse(failed, name, ref, new FileReport().add(0, "", "FILE_TOO_LARGE", "支払結果ファイルが大きすぎます（"
          + size + " バイト、上限 " + properties.maxAckFileSize().toBytes() + " バイト）。処理していません。"),
          "file of " + size + " bytes is too large");
    }
    AckResult result;
    try {
      result = gateway.acknowledge(properties.serviceUser(), tenant, Files.readAllBytes(file));
    } catch (Refused refused) {
      return refuse(failed, name, ref, new FileReport().add(refused.line(), "", "FORMAT"
          + (refused.field() == null ? "" : ":" + refused.field()), refused.getMessage() + "ファイル全体を処理していません。"
          + "訂正したファイルを送ってください。"), "refused: " + refused.getMessage());
    }
    count("rows", "paid", result.paid().size());
    count("rows", "failed", result.failed().size());
    count("rows", "replayed", result.alreadyApplied().size());
    count("rows", "rejected", result.problems().size());
    if (result.replay()) {
      LOG.warn("accounting-ack-intake: {}: every line had been applied before, nothing paid twice", ref);
      count("files", "duplicate", 1);
      Path target = FileReport.free(failed, name);
      new FileReport().add(0, "", "DUPLICATE", "このファイルの明細（" + result.alreadyApplied().size() + "件）はすべて処理済み"
          + "です（同じファイルの再送、または処理後の障害による再取込）。二重に支払済にはしていません。").publish(target);
      return target;
    }
    if (!result.problems().isEmpty()) {
      FileReport report = new FileReport();
      for (Problem p : result.problems()) {
        report.add(p.line(), p.paymentId(), p.code(), p.messageJa());
      }
      Path target = FileReport.free(failed, name);
      report.publish(target);
      deadLetters.record(AcknowledgementIntakeRoute.ROUTE_ID, result.problems().size() + " line(s) not applied: "
          + String.join("; ", result.problems().stream().map(p -> p.line() + " " + p.code()).toList()), ref);
      count("files", "failed", 1);
      LOG.warn("accounting-ack-intake: {}: {} paid, {} not paid, {} lines not applied (report {})", ref,
          result.paid().size(), result.failed().size(), result.problems().size(), target);
      return target;
    }
    count("files", "done", 1);
    LOG.info("accounting-ack-intake: {} applied: {} paid, {} not paid, {} applied before", ref, result.paid().size(),
        result.failed().size(), result.alreadyApplied().size());
    return FileReport.free(done, name);
  }

  private Path refuse(Path failed, String name, String ref, FileReport report, String reason) {
    Path target = FileReport.free(failed, name);
    report.publish(target);
    deadLetters.record(AcknowledgementIntakeRoute.ROUTE_ID, reason, ref);
    count("files", "rejected", 1);
    LOG.warn("accounting-ack-intake: {} refused, moved to failed: {}", ref, reason);
    return target;
  }

  void count(String what, String outcome, double amount) {
    if (amount > 0) {
      Counter.builder("tetsuzuki.integration." + what).tag("route", AcknowledgementIntakeRoute.ROUTE_ID)
          .tag("outcome", outcome).description(what + " of the route by outcome").register(meters).increment(amount);
    }
  }
}
