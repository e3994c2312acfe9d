package jp.tetsuzuki.workers.rpa;

import java.io.IOException;
import java.time.Clock;
import jp.tetsuzuki.workers.rpa.demo.LegacySystemSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The legacy-system bot. Without {@code tetsuzuki.legacy-system.base-url} the platform still starts; entry tasks then
 * fail with that message and become incidents. The demo profile sets {@code tetsuzuki.legacy-system.simulator=true}:
 * a simulated legacy ledger starts on loopback and the bot uses it unless a base URL is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LegacySystemSettings.class)
class RpaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RpaConfiguration.class);

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "tetsuzuki.legacy-system.simulator", havingValue = "true")
  LegacySystemSimulator legacySystemSimulator(LegacySystemSettings settings,
      @Value("${tetsuzuki.legacy-system.simulator-port:0}") int port) throws IOException {
    LegacySystemSimulator simulator = new LegacySystemSimulator(settings.userId(), settings.password(), port);
    log.info("legacy system simulator (demo) serves {}", simulator.baseUrl());
    return simulator;
  }

  @Bean
  LegacyEntryBot legacyEntryBot(LegacySystemSettings settings, ObjectProvider<LegacySystemSimulator> simulator) {
    LegacySystemSimulator demo = simulator.getIfAvailable();
    LegacySystemSettings effective = demo == null || settings.configured() ? settings
        : new LegacySystemSettings(demo.baseUrl(), settings.userId(), settings.password(), settings.timeout());
    return new LegacyEntryBot(effective, Clock.systemUTC());
  }
}
