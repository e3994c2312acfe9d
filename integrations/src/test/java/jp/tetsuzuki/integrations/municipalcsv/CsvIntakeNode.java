package jp.tetsuzuki.integrations.municipalcsv;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.casefile.ExpiringFileClaims;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** One node of the cluster in a test: its own Camel context with the route, the shared tables and gateway. */
final class CsvIntakeNode implements AutoCloseable {

  final CamelContext camel;
  final ExpiringFileClaims claims;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final IntakeLedger ledger;
  final DeadLetterStore deadLetters;

  private CsvIntakeNode(CamelContext camel, ExpiringFileClaims claims, IntakeLedger ledger,
      DeadLetterStore deadLetters) {
    this.camel = camel;
    this.claims = claims;
    this.ledger = ledger;
    this.deadLetters = deadLetters;
  }

  /** A node, not started yet (tests may advise its route first). */
  static CsvIntakeNode create(DataSource database, BatchApplicationGateway gateway,
      MunicipalCsvProperties properties) throws Exception {
    return create(database, gateway, properties, 1000);
  }

  /** A node whose dead letters keep the newest {@code keepPerRoute} per route (the platform's default is 1,000). */
  static CsvIntakeNode create(DataSource database, BatchApplicationGateway gateway,
      MunicipalCsvProperties properties, int keepPerRoute) throws Exception {
    return create(database, gateway, properties, MunicipalCsvSource.LOCAL, keepPerRoute);
  }

  /** A node taking its files from {@code source} (the local inbox or an SFTP inbox). */
  static CsvIntakeNode create(DataSource database, BatchApplicationGateway gateway,
      MunicipalCsvProperties properties, MunicipalCsvSource source, int keepPerRoute) throws Exception {
    CamelContext camel = new DefaultCamelContext();
    camel.getShutdownStrategy().setTimeout(2);
    ExpiringFileClaims claims = new ExpiringFileClaims(database, MunicipalCsvIntakeRoute.ROUTE_ID, camel,
        properties.claimExpiry(), properties.claimKeepAlive());
    camel.getRegistry().bind(MunicipalCsvIntakeRoute.CLAIMS, claims);
    IntakeLedger ledger = new IntakeLedger(database);
    DeadLetterStore deadLetters = new DeadLetterStore(database, Clock.systemUTC(), keepPerRoute, properties.node());
    CsvIntakeNode node = new CsvIntakeNode(camel, claims, ledger, deadLetters);
    MunicipalCsvIntake intake = new MunicipalCsvIntake(gateway, ledger, properties, node.meters, Clock.systemUTC());
    camel.addRoutes(new MunicipalCsvIntakeRoute(MunicipalCsvIntakeRoute.CLAIMS, intake, ledger, deadLetters,
        properties, source, Clock.systemUTC()));
    return node;
  }

  CsvIntakeNode start() {
    camel.start();
    return this;
  }

  double rows(String outcome) {
    var counter = meters.find("tetsuzuki.integration.rows").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  double files(String outcome) {
    var counter = meters.find("tetsuzuki.integration.files").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    camel.stop();
  }
}
