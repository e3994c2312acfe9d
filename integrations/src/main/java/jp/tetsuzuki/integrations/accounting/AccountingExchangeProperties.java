package jp.tetsuzuki.integrations.accounting;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the accounting exchange ({@code tetsuzuki.integrations.accounting}): route {@code accounting-export}
 * (payment instruction files out) and route {@code accounting-ack-intake} (acknowledgement files in).
 *
 * @param outbox            folder the payment instruction files are written into (temporary name, then renamed)
 * @param ackInbox          folder the accounting system drops acknowledgement files into, one subfolder per tenant
 *                          ({@code <ackInbox>/<tenantId>/*.csv})
 * @param ackDone           folder an applied acknowledgement file moves to ({@code <ackDone>/<tenantId>/…})
 * @param ackFailed         folder a refused file, one with lines not applied, or one stopped by a fault moves to,
 *                          with its report {@code <file>.rejected.csv}
 * @param serviceUser       the service identity both routes act as (group {@code integrations}, never logs in)
 * @param tenants           the tenants it serves (others' folders are refused)
 * @param maxPayments       at most this many payments per file; this many waiting form a file at once
 * @param collectFor        a file is formed once the oldest approved payment has waited this long
 * @param batchLease        a node that formed a batch has this long to write it, then another node writes it
 * @param exportPollDelay   how often the export looks for due batches
 * @param ackPollDelay      how often the acknowledgement inbox is listed
 * @param maxAckFileSize    a larger acknowledgement file is not read
 * @param claimExpiry       a file claim of a node that stopped refreshing it (crashed) expires after this
 * @param claimKeepAlive    how often a working node refreshes its claims (at most half the expiry)
 * @param claimReleaseDelay how long a finished file's claim is kept after the move
 * @param node              this node's name in logs and dead letters (default {@code pid@host})
 */
@ConfigurationProperties("tetsuzuki.integrations.accounting")
public record AccountingExchangeProperties(
    @DefaultValue("./data/exchange/accounting-export/outbox") String outbox,
    @DefaultValue("./data/exchange/accounting-ack/inbox") String ackInbox,
    @DefaultValue("./data/exchange/accounting-ack/done") String ackDone,
    @DefaultValue("./data/exchange/accounting-ack/failed") String ackFailed,
    @DefaultValue("svc-accounting-exchange") String serviceUser,
    @DefaultValue List<String> tenants,
    @DefaultValue("500") int maxPayments,
    @DefaultValue("15m") Duration collectFor,
    @DefaultValue("2m") Duration batchLease,
    @DefaultValue("30s") Duration exportPollDelay,
    @DefaultValue("5s") Duration ackPollDelay,
    @DefaultValue("10MB") DataSize maxAckFileSize,
    @DefaultValue("2m") Duration claimExpiry,
    @DefaultValue("30s") Duration claimKeepAlive,
    @DefaultValue("2s") Duration claimReleaseDelay,
    @DefaultValue("") String node) {

  public AccountingExchangeProperties {
    tenants = tenants == null ? List.of() : tenants.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct()
        .toList();
    for (String folder : new String[] {outbox, ackInbox, ackDone, ackFailed}) {
      if (folder == null || folder.isBlank()) {
        throw new IllegalArgumentException("tetsuzuki.integrations.accounting: outbox, ack-inbox, ack-done and"
            + " ack-failed are required");
      }
    }
    if (serviceUser == null || serviceUser.isBlank()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.accounting.service-user is required");
    }
    if (maxPayments < 1 || maxPayments > 99_999) {
      throw new IllegalArgumentException("tetsuzuki.integrations.accounting.max-payments must be 1..99999 (the file's"
          + " count field)");
    }
    if (collectFor == null || collectFor.isNegative() || batchLease == null || batchLease.compareTo(
        Duration.ofSeconds(1)) < 0 || exportPollDelay == null || exportPollDelay.isNegative() || exportPollDelay.isZero()
        || ackPollDelay == null || ackPollDelay.isNegative() || ackPollDelay.isZero()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.accounting: collect-for must not be negative,"
          + " batch-lease at least 1s, the poll delays positive");
    }
    if (maxAckFileSize == null || maxAckFileSize.toBytes() < 1) {
      throw new IllegalArgumentException("tetsuzuki.integrations.accounting.max-ack-file-size must be positive");
    }
    if (claimKeepAlive == null || claimExpiry == null || claimKeepAlive.isNegative() || claimKeepAlive.isZero()
        || claimExpiry.compareTo(claimKeepAlive.multipliedBy(2)) < 0 || claimReleaseDelay == null
        || claimReleaseDelay.isNegative()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.accounting.claim-expiry must be at least twice"
          + " claim-keep-alive, claim-release-delay not negative");
    }
    node = node == null || node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node.trim();
    if (node.length() > 100) {
      node = node.substring(0, 100);
    }
  }

  public boolean serves(String tenantId) {
    return tenants.contains(tenantId);
  }
}
