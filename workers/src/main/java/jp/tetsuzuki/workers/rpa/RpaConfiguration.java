package jp.tetsuzuki.workers.rpa;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The legacy-system bot. Without {@code tetsuzuki.legacy-system.base-url} the workers still start; entry tasks then
 * fail with that message and become incidents. A {@link LegacySystemStandIn} (the demo profile wires the simulator,
 * {@code rpa.demo}) is used only where no base URL is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LegacySystemSettings.class)
class RpaConfiguration {

  @Bean
  LegacyEntryBot legacyEntryBot(LegacySystemSettings settings, ObjectProvider<LegacySystemStandIn> standIn) {
    LegacySystemStandIn stand = standIn.getIfAvailable();
    LegacySystemSettings effective = stand == null || settings.configured() ? settings
        : new LegacySystemSettings(stand.baseUrl(), settings.userId(), settings.password(), settings.timeout());
    return new LegacyEntryBot(effective, Clock.systemUTC());
  }
}
