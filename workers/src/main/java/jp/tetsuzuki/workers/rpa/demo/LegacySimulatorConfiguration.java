package jp.tetsuzuki.workers.rpa.demo;

import java.io.IOException;
import jp.tetsuzuki.workers.rpa.LegacySystemSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Demo profile only: the simulated legacy ledger on loopback ({@code tetsuzuki.legacy-system.simulator=true}), which
 * the bot uses unless a real base URL is configured. Production configuration never sees this class.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "tetsuzuki.legacy-system.simulator", havingValue = "true")
class LegacySimulatorConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LegacySimulatorConfiguration.class);

  @Bean(destroyMethod = "close")
  LegacySystemSimulator legacySystemSimulator(LegacySystemSettings settings,
      @Value("${tetsuzuki.legacy-system.simulator-port:0}") int port) throws IOException {
    LegacySystemSimulator simulator = new LegacySystemSimulator(settings.userId(), settings.password(), port);
    log.info("legacy system simulator (demo) serves {}", simulator.baseUrl());
    return simulator;
  }
}
