package jp.tetsuzuki.workers.rpa;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The legacy-system bot. Without {@code tetsuzuki.legacy-system.base-url} the platform still starts; entry tasks then
 * fail with that message and become incidents.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LegacySystemSettings.class)
class RpaConfiguration {

  @Bean
  LegacyEntryBot legacyEntryBot(LegacySystemSettings settings) {
    return new LegacyEntryBot(settings, Clock.systemUTC());
  }
}
