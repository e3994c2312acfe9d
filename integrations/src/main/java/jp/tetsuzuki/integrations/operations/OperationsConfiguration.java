package jp.tetsuzuki.integrations.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dead letters, last failures and the route overview of the operations view. */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

  @Bean
  DeadLetterStore deadLetterStore(DataSource dataSource,
      @Value("${tetsuzuki.integrations.dead-letters.keep-per-route:1000}") int keepPerRoute) {
    return new DeadLetterStore(dataSource, Clock.systemUTC(), keepPerRoute, node());
  }

  private static String node() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** An event notifier: Camel's Spring Boot starter adds it to the context. */
  @Bean
  RouteFailures routeFailures() {
    return new RouteFailures(Clock.systemUTC());
  }

  @Bean
  RouteOperations routeOperations(CamelContext camel, ObjectProvider<MeterRegistry> meters, RouteFailures failures,
      DeadLetterStore deadLetters) {
    // without a meter registry (no actuator) the counters read 0; the platform always has one
    return new RouteOperations(camel, meters.getIfAvailable(SimpleMeterRegistry::new), failures, deadLetters);
  }
}
