package jp.tetsuzuki.integrations.einvoice;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import jp.tetsuzuki.integrations.exchange.TenantInboxFolders;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the JP PINT e-invoice intake folder ({@code tetsuzuki.integrations.einvoice}, route
 * {@code einvoice-intake}).
 *
 * <p>Every tenant has its own inbox ({@code <folder>/<tenant>/inbox}, with {@code done} and {@code failed} beside it,
 * {@link TenantInboxFolders}): the tenant of an invoice is the tenant of the inbox it was delivered into, and its
 * contract is looked for in that tenant only (a municipality's access point delivery cannot reach another
 * municipality's contract, whatever contract id the invoice names).
 *
 * @param folder            the exchange folder holding one folder per tenant: {@code <tenant>/inbox} where the access
 *     point delivers that municipality's {@code *.xml} (written, then renamed), {@code <tenant>/done} a received
 *     invoice moves to (valid or not: the case decides and tells the supplier), {@code <tenant>/failed} a refused,
 *     duplicate or faulted file moves to, with {@code <file>.rejected.csv}
 * @param serviceUser       the service identity invoices are handed in as (group {@code integrations})
 * @param tenants           the tenants it serves, one inbox each; folders of other tenants are not read
 * @param maxFileSize       a larger file is not read (the invoice parser's own limit is 5 MiB)
 * @param pollDelay         how often the inboxes are listed
 * @param claimExpiry       a file claim of a node that stopped refreshing it (crashed) expires after this
 * @param claimKeepAlive    how often a working node refreshes its claims (at most half the expiry)
 * @param claimReleaseDelay how long a finished file's claim is kept after the move
 * @param node              this node's name in logs and dead letters
 */
@ConfigurationProperties("tetsuzuki.integrations.einvoice")
public record EInvoiceIntakeProperties(
    @DefaultValue("./data/exchange/einvoice-intake") String folder,
    @DefaultValue("svc-einvoice-intake") String serviceUser,
    @DefaultValue List<String> tenants,
    @DefaultValue("5MB") DataSize maxFileSize,
    @DefaultValue("5s") Duration pollDelay,
    @DefaultValue("2m") Duration claimExpiry,
    @DefaultValue("30s") Duration claimKeepAlive,
    @DefaultValue("2s") Duration claimReleaseDelay,
    @DefaultValue("") String node) implements TenantInboxFolders {

  public EInvoiceIntakeProperties {
    tenants = TenantInboxFolders.checkedTenants("tetsuzuki.integrations.einvoice", folder, tenants);
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
