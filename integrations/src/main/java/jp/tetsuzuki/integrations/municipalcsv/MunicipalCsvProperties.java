package jp.tetsuzuki.integrations.municipalcsv;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import jp.tetsuzuki.integrations.exchange.TenantInboxFolders;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the municipal CSV batch intake ({@code tetsuzuki.integrations.municipal-csv}).
 *
 * <p>Every tenant has its own inbox ({@code <folder>/<tenant>/inbox}, with {@code done} and {@code failed} beside it):
 * the tenant of a row is the tenant of the inbox it came from, never the row's word (a ward system that can write
 * into its own inbox cannot register applications for another municipality). A row naming another tenant is refused.
 * The folders and the endpoint that reads them: {@link TenantInboxFolders}.
 *
 * @param folder the exchange folder holding one folder per tenant: {@code <tenant>/inbox} where ward systems drop
 *     {@code *.csv} files, {@code <tenant>/done} a file moves to when every row was registered (or had been before),
 *     {@code <tenant>/failed} a file moves to when any row was refused, the file could not be read, was a duplicate,
 *     or a technical fault stopped it (dead letter), its rejection report beside it
 * @param serviceUser the service identity rows are registered as (group {@code integrations}, no password login)
 * @param tenants the tenants that identity serves, one inbox each; folders of other tenants are not read
 * @param maxFileSize a larger file is not read (moves to failed)
 * @param maxRows rows after this many are not read (reported; the file moves to failed)
 * @param maxRowBytes a longer row is refused
 * @param pollDelay how often the inbox is listed
 * @param claimExpiry how long a file claim of a node that stopped refreshing it (crashed) holds the file
 * @param claimKeepAlive how often a working node refreshes its file claims (must be shorter than half the expiry)
 * @param claimReleaseDelay how long a finished file's claim is kept after the move
 * @param node this node's name in the intake ledger and dead letters (default {@code pid@host})
 */
@ConfigurationProperties("tetsuzuki.integrations.municipal-csv")
public record MunicipalCsvProperties(
    @DefaultValue("./data/exchange/municipal-csv-intake") String folder,
    @DefaultValue("svc-municipal-csv-intake") String serviceUser,
    @DefaultValue List<String> tenants,
    @DefaultValue("200MB") org.springframework.util.unit.DataSize maxFileSize,
    @DefaultValue("200000") int maxRows,
    @DefaultValue("65536") int maxRowBytes,
    @DefaultValue("5s") Duration pollDelay,
    @DefaultValue("2m") Duration claimExpiry,
    @DefaultValue("30s") Duration claimKeepAlive,
    @DefaultValue("2s") Duration claimReleaseDelay,
    @DefaultValue("") String node) implements TenantInboxFolders {

  public MunicipalCsvProperties {
    tenants = TenantInboxFolders.checkedTenants("tetsuzuki.integrations.municipal-csv", folder, tenants);
    if (serviceUser == null || serviceUser.isBlank()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.municipal-csv.service-user is required");
    }
    if (maxRows < 1 || maxRowBytes < 1024 || maxFileSize == null || maxFileSize.toBytes() < 1) {
      throw new IllegalArgumentException("tetsuzuki.integrations.municipal-csv: max-rows must be positive,"
          + " max-row-bytes at least 1024, max-file-size positive");
    }
    if (claimKeepAlive == null || claimExpiry == null || claimKeepAlive.isNegative() || claimKeepAlive.isZero()
        || claimExpiry.compareTo(claimKeepAlive.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("tetsuzuki.integrations.municipal-csv.claim-expiry must be at least twice"
          + " claim-keep-alive (a live node refreshes its claims before they expire)");
    }
    if (claimReleaseDelay == null || claimReleaseDelay.isNegative() || pollDelay == null || pollDelay.isNegative()
        || pollDelay.isZero()) {
      throw new IllegalArgumentException("tetsuzuki.integrations.municipal-csv: poll-delay must be positive and"
          + " claim-release-delay not negative");
    }
    node = node == null || node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node.trim();
    if (node.length() > 100) {
      node = node.substring(0, 100);
    }
  }
}
