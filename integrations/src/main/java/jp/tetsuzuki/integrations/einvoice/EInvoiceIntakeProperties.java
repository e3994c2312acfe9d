package jp.tetsuzuki.integrations.einvoice;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the JP PINT e-invoice intake folder ({@code tetsuzuki.integrations.einvoice}, route
 * {@code einvoice-intake}).
 *
 * @param inbox             folder the access point delivers {@code *.xml} into (written, then renamed)
 * @param done              folder a received invoice moves to (valid or not: the case decides and tells the supplier)
 * @param failed            folder a refused, duplicate or faulted file moves to, with {@code <file>.rejected.csv}
 * @param serviceUser       the service identity invoices are handed in as (group {@code integrations})
 * @param tenants           the tenants it serves; an invoice for a contract of another tenant is not found
 * @param maxFileSize       a larger file is not read (the invoice parser's own limit is 5 MiB)
 * @param pollDelay         how often the inbox is listed
 * @param claimExpiry       a file claim of a node that stopped refreshing it (crashed) expires after this
 * @param claimKeepAlive    how often a working node refreshes its claims (at most half the expiry)
 * @param claimReleaseDelay how long a finished file's claim is kept after the move
 * @param node              this node's name in logs and dead letters
 */
@ConfigurationProperties("tetsuzuki.integrations.einvoice")
public record EInvoiceIntakeProperties(
    @DefaultValue("./data/exchange/einvoice-intake/inbox") String inbox,
    @DefaultValue("./data/exchange/einvoice-intake/done") String done,
    @DefaultValue("./data/exchange/einvoice-intake/failed") String failed,
    @DefaultValue("svc-einvoice-intake") String serviceUser,
    @DefaultValue List<String> tenants,
    @DefaultValue("5MB") DataSize maxFileSize,
    @DefaultValue("5s") Duration pollDelay,
    @DefaultValue("2m") Duration claimExpiry,
    @DefaultValue("30s") Duration claimKeepAlive,
    @DefaultValue("2s") Duration claimReleaseDelay,
    @DefaultValue("") String node) {

  public EInvoiceIntakeProperties {
    tenants = tenants == null ? List.of() : tenants.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct()
        .toList();
    for (String folder : new String[] {inbox, done, failed}) {
      if (folder == null || folder.isBlank()) {
        throw new IllegalArgumentException("tetsuzuki.integrations.einvoice: inbox, done and failed are required");
      }
    }
    if (serviceUser == null || serviceUser.isBlank()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.einvoice.service-user is required");
    }
    if (maxFileSize == null || maxFileSize.toBytes() < 1 || pollDelay == null || pollDelay.isNegative()
        || pollDelay.isZero()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.einvoice: max-file-size and poll-delay must be"
          + " positive");
    }
    if (claimKeepAlive == null || claimExpiry == null || claimKeepAlive.isNegative() || claimKeepAlive.isZero()
        || claimExpiry.compareTo(claimKeepAlive.multipliedBy(2)) < 0 || claimReleaseDelay == null
        || claimReleaseDelay.isNegative()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.einvoice.claim-expiry must be at least twice"
          + " claim-keep-alive, claim-release-delay not negative");
    }
    node = node == null || node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node.trim();
    if (node.length() > 100) {
      node = node.substring(0, 100);
    }
  }
}
