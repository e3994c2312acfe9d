package jp.tetsuzuki.workers.rpa;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The legacy-system bot. Without {@code tetsuzuki.legacy-system.base-url} the platform still starts; entry tasks then
 * fail with that message and become incidents.
 */
@Configuration(proxyBeanMethods = false)
class RpaConfiguration {

  @Bean
  LegacyEntryBot legacyEntryBot(
      @Value("${tetsuzuki.legacy-system.base-url:}") String baseUrl,
      @Value("${tetsuzuki.legacy-system.user:}") String user,
      @Value("${tetsuzuki.legacy-system.password:}") String password,
      @Value("${tetsuzuki.legacy-system.timeout:30s}") Duration timeout) {
    return new LegacyEntryBot(new LegacySystemSettings(baseUrl, user, password, timeout), Clock.systemUTC());
  }
}
