package jp.tetsuzuki.integrations.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the registry look-ups ({@code tetsuzuki.integrations.registry.*}, README "Registries").
 *
 * @param corporateNumberUrl base URL of the 法人番号システム Web-API
 * @param invoiceUrl base URL of the 適格請求書発行事業者公表システム Web-API
 * @param applicationId the アプリケーションID the 国税庁 issued (one id serves both APIs); a secret from the environment
 * @param requestsPerSecond most requests per second per node and registry (the rate limit)
 * @param retries redeliveries after a 5xx, 429, timeout or connection failure
 * @param retryDelay delay before the first redelivery (doubled each time)
 * @param timeout connect and response timeout of one request
 * @param foundTtl how long a found record is answered from the cache
 * @param notFoundTtl how long "not found" is answered from the cache
 * @param cacheSize most numbers cached per registry
 */
@ConfigurationProperties("tetsuzuki.integrations.registry")
public record RegistryProperties(
    @DefaultValue("https://api.houjin-bangou.nta.go.jp") String corporateNumberUrl,
    @DefaultValue("https://web-api.invoice-kohyo.nta.go.jp") String invoiceUrl,
    @DefaultValue("") String applicationId,
    @DefaultValue("5") int requestsPerSecond,
    @DefaultValue("3") int retries,
    @DefaultValue("500ms") Duration retryDelay,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("1h") Duration foundTtl,
    @DefaultValue("10m") Duration notFoundTtl,
    @DefaultValue("10000") int cacheSize) {

  public RegistryProperties {
    if (requestsPerSecond < 1) {
      throw new IllegalArgumentException("tetsuzuki.integrations.registry.requests-per-second must be at least 1");
    }
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("tetsuzuki.integrations.registry.retries must be 0..10");
    }
    if (cacheSize < 0) {
      throw new IllegalArgumentException("tetsuzuki.integrations.registry.cache-size must not be negative");
    }
  }

  /** The same settings against other base URLs and application id (the demo's simulator, tests). */
  public RegistryProperties at(String corporateNumberUrl, String invoiceUrl, String applicationId) {
    return new RegistryProperties(corporateNumberUrl, invoiceUrl, applicationId, requestsPerSecond, retries,
        retryDelay, timeout, foundTtl, notFoundTtl, cacheSize);
  }
}
