package jp.tetsuzuki.workers.rpa;

import java.time.Duration;

/**
 * Where the legacy system is and the bot's account there.
 *
 * @param baseUrl e.g. {@code http://legacy.example.lg.jp/fukushi/} (with the trailing slash); blank = not configured
 * @param timeout per request (connect and read)
 */
public record LegacySystemSettings(String baseUrl, String userId, String password, Duration timeout) {

  public boolean configured() {
    return baseUrl != null && !baseUrl.isBlank();
  }
}
