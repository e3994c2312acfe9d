package jp.tetsuzuki.integrations.nursery.demo;

import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneId;
import jp.tetsuzuki.integrations.nursery.NurseryProperties;
import jp.tetsuzuki.integrations.nursery.NurserySystems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Demo profile only: one simulated nursery system on loopback ({@code tetsuzuki.integrations.nursery.simulator=true})
 * answers for every configured system, with places for each configured facility for the next six admission months
 * (fictional numbers). Production configuration never sees this class.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "tetsuzuki.integrations.nursery.simulator", havingValue = "true")
class NurserySimulatorConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NurserySimulatorConfiguration.class);

  @Bean(destroyMethod = "close")
  NurserySimulator nurserySimulator(NurseryProperties properties,
      @Value("${tetsuzuki.integrations.nursery.simulator-port:0}") int port) throws IOException {
    NurserySimulator simulator = new NurserySimulator(port);
    YearMonth first = YearMonth.now(ZoneId.of("Asia/Tokyo")).plusMonths(1);
    for (var system : properties.systems()) {
      int n = 0;
      for (var facility : system.facilities()) {
        for (int m = 0; m < 6; m++) {
          int base = 1 + (n % 3);
          simulator.capacities(facility.id(), first.plusMonths(m).toString(), base, base + 1, base + 2, base + 1,
              base, base);
        }
        n++;
      }
    }
    log.info("nursery system simulator (demo) serves {}", simulator.baseUrl());
    return simulator;
  }

  @Bean
  @Primary
  NurserySystems simulatedNurserySystems(NurseryProperties properties, NurserySimulator simulator) {
    return new NurserySystems(properties.systems().stream().map(s -> s.at(simulator.baseUrl())).toList());
  }
}
