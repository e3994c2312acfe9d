package jp.tetsuzuki.integrations.registry.demo;

import java.io.IOException;
import jp.tetsuzuki.integrations.registry.RegistryEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Demo profile only: both registries simulated on loopback ({@code tetsuzuki.integrations.registry.simulator=true}),
 * and the look-ups pointed at them. Production configuration never sees this class.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "tetsuzuki.integrations.registry.simulator", havingValue = "true")
class RegistrySimulatorConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RegistrySimulatorConfiguration.class);
  private static final String DEMO_APPLICATION_ID = "demo-application-id";

  @Bean(destroyMethod = "close")
  RegistrySimulator registrySimulator(@Value("${tetsuzuki.integrations.registry.simulator-port:0}") int port)
      throws IOException {
    RegistrySimulator simulator = RegistrySimulator.withDemoData(DEMO_APPLICATION_ID, port);
    log.info("registry simulator (demo: 法人番号, 適格請求書発行事業者) serves {}", simulator.baseUrl());
    return simulator;
  }

  @Bean
  @Primary
  RegistryEndpoints simulatedRegistryEndpoints(RegistrySimulator simulator) {
    return new RegistryEndpoints(simulator.baseUrl(), simulator.baseUrl(), DEMO_APPLICATION_ID);
  }
}
