package jp.tetsuzuki.integrations.accounting;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.casefile.ExpiringFileClaims;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** One node in a test: its own Camel context with both accounting routes, the shared tables and platform. */
final class AccountingNode implements AutoCloseable {

  final CamelContext camel;
  final ExpiringFileClaims claims;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final DeadLetterStore deadLetters;

  private AccountingNode(CamelContext camel, ExpiringFileClaims claims, DeadLetterStore deadLetters) {
    this.camel = camel;
    this.claims = claims;
    this.deadLetters = deadLetters;
  }

  static AccountingNode create(DataSource database, AccountingExchangeGateway gateway,
      AccountingExchangeProperties properties) throws Exception {
    CamelContext camel = new DefaultCamelContext();
    camel.getShutdownStrategy().setTimeout(2);
    ExpiringFileClaims claims = new ExpiringFileClaims(database, AcknowledgementIntakeRoute.ROUTE_ID, camel,
        properties.claimExpiry(), properties.claimKeepAlive());
    camel.getRegistry().bind(AcknowledgementIntakeRoute.CLAIMS, claims);
    DeadLetterStore deadLetters = new DeadLetterStore(database, Clock.systemUTC(), 100, properties.node());
    AccountingNode node = new AccountingNode(camel, claims, deadLetters);
    AcknowledgementIntake intake = new AcknowledgementIntake(gateway, properties, deadLetters, node.meters);
    camel.addRoutes(new AcknowledgementIntakeRoute(AcknowledgementIntakeRoute.CLAIMS, intake, properties,
        deadLetters));
    camel.addRoutes(new AccountingExportRoute(gateway, properties, deadLetters, node.meters));
    return node;
  }

  AccountingNode start() {
    camel.start();
    return this;
  }

  double count(String what, String route, String outcome) {
    var counter = meters.find("tetsuzuki.integration." + what).tag("route", route).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    camel.stop();
  }
}
