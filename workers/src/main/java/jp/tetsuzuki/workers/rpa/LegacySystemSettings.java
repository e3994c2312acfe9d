package jp.tetsuzuki.workers.rpa;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the legacy system is and the bot's account there ({@code tetsuzuki.legacy-system.*}).
 *
 * @param baseUrl e.g. {@code http://legacy.example.lg.jp/fukushi/} (with the trailing slash); blank = not configured
 * @param timeout per request (connect and read)
 */
@ConfigurationProperties("tetsuzuki.legacy-system")
public record LegacySystemSettings(
    @DefaultValue("") String baseUrl,
    @DefaultValue("") String userId,
    @DefaultValue("") String password,
    @DefaultValue("30s") Duration timeout) {

  public boolean configured() {
    return baseUrl != null && !baseUrl.isBlank();
  }

  @Override
  public String toString() {
    return "LegacySystemSettings[baseUrl=" + baseUrl + ", userId=" + userId + ", password=****, timeout=" + timeout
        + "]";
  }
}
