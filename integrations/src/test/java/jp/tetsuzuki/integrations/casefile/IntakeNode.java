package jp.tetsuzuki.integrations.casefile;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** One node of the cluster in a test: its own Camel context with the intake route, the shared claim table. */
final class IntakeNode implements AutoCloseable {

  final CamelContext camel;
  final ExpiringFileClaims claims;

  private IntakeNode(CamelContext camel, ExpiringFileClaims claims) {
    this.camel = camel;
    this.claims = claims;
  }

  static IntakeNode start(Path inbox, DataSource database, FakeProcessGateway gateway,
      CaseFileIntakeProperties properties) throws Exception {
    CamelContext camel = new DefaultCamelContext();
    ExpiringFileClaims claims = new ExpiringFileClaims(database, CaseFileIntakeRoute.ROUTE_ID, camel,
        properties.claimExpiry(), properties.claimKeepAlive());
    camel.getRegistry().bind(CaseFileIntakeRoute.CLAIMS, claims);
    camel.addRoutes(new CaseFileIntakeRoute(inbox.toString(), CaseFileIntakeRoute.CLAIMS,
        new CaseFileStarter(gateway, properties), properties));
    camel.start();
    return new IntakeNode(camel, claims);
  }

  @Override
  public void close() {
    camel.stop();
  }
}
