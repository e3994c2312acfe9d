package jp.tetsuzuki.integrations.accounting.demo;

import java.nio.file.Path;
import java.nio.file.Paths;
import jp.tetsuzuki.integrations.accounting.AccountingExchangeProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Demo profile only: the accounting system played by route {@code accounting-system-simulator}: it takes each payment
 * instruction file from the outbox (to {@code <outbox>/../taken}) and drops a "paid" acknowledgement for every
 * payment into the acknowledgement inbox, so a demo case ends paid. {@code TETSUZUKI_ACCOUNTING_SIMULATOR=false}
 * leaves the files for a real accounting system.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "tetsuzuki.integrations.accounting.simulator", havingValue = "true")
class AccountingSimulatorConfiguration {

  static final String ROUTE_ID = "accounting-system-simulator";

  @Bean
  AccountingSystemSimulator accountingSystemSimulator() {
    return new AccountingSystemSimulator();
  }

  @Bean
  RouteBuilder accountingSystemSimulatorRoute(AccountingSystemSimulator simulator,
      AccountingExchangeProperties properties) {
    Path outbox = Paths.get(properties.outbox()).toAbsolutePath();
    Path taken = outbox.resolveSibling("taken");
    Path inbox = Paths.get(properties.ackInbox()).toAbsolutePath();
    return new RouteBuilder() {
      @Override
      public void configure() {
        // noop: the simulator moves the file itself; hidden .part files of the export are never listed
        fromF("file:%s?antInclude=payment-*.dat&noop=true&idempotent=false&delay=5000", outbox)
            .routeId(ROUTE_ID)
            .process(exchange -> simulator.take(exchange.getIn().getBody(java.io.File.class).toPath(), taken, inbox));
      }
    };
  }
}
