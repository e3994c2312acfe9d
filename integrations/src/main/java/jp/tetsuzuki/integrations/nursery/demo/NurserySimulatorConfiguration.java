package jp.tetsuzuki.integrations.nursery.demo;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.integrations.nursery.NurseryProperties;
import jp.tetsuzuki.integrations.nursery.NurseryProperties.NurserySystem;
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
 * Demo profile only: every configured nursery system simulated on loopback, one {@link NurserySimulator} each
 * ({@code tetsuzuki.integrations.nursery.simulator=true}), with places for each of its facilities for the next six
 * admission months (fictional numbers). Production configuration never sees this class.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "tetsuzuki.integrations.nursery.simulator", havingValue = "true")
class NurserySimulatorConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NurserySimulatorConfiguration.class);

  /** The simulators by system id. */
  static final class NurserySimulators implements AutoCloseable {
    final Map<String, NurserySimulator> bySystem = new LinkedHashMap<>();

    @Override
    public void close() {
      bySystem.values().forEach(NurserySimulator::close);
    }
  }

  @Bean(destroyMethod = "close")
  NurserySimulators nurserySimulators(NurseryProperties properties,
      @Value("${tetsuzuki.integrations.nursery.simulator-port:0}") int port) throws IOException {
    NurserySimulators simulators = new NurserySimulators();
    YearMonth first = YearMonth.now(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE).plusMonths(1);
    int index = 0;
    for (NurserySystem system : properties.systems()) {
      NurserySimulator simulator = new NurserySimulator(port == 0 ? 0 : port + index++);
      int n = 0;
      for (var facility : system.facilities()) {
        for (int m = 0; m < 6; m++) {
          int base = 1 + (n % 3);
          simulator.capacities(facility.id(), first.plusMonths(m).toString(), base, base + 1, base + 2, base + 1,
              base, base);
        }
        n++;
      }
      simulators.bySystem.put(system.id(), simulator);
      log.info("nursery system simulator (demo) of {} serves {}", system.id(), simulator.baseUrl());
    }
    return simulators;
  }

  @Bean
  @Primary
  NurserySystems simulatedNurserySystems(NurseryProperties properties, NurserySimulators simulators) {
    List<NurserySystem> systems = new ArrayList<>();
    for (NurserySystem system : properties.systems()) {
      systems.add(system.at(simulators.bySystem.get(system.id()).baseUrl()));
    }
    return new NurserySystems(systems);
  }
}
