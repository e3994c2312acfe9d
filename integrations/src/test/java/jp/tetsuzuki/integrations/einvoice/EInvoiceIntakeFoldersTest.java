package jp.tetsuzuki.integrations.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.port.EInvoiceGateway;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * The e-invoice intake's folders (N5): one inbox per served tenant, {@code <folder>/<tenant>/inbox}; the tenant of a
 * file is the served tenant whose inbox holds it (no other place, no unserved tenant); the route's endpoint lists the
 * served inboxes only; with no tenant the route does not start; the retired single inbox settings stop the start
 * rather than leave the access point delivering into a folder nobody reads.
 */
class EInvoiceIntakeFoldersTest {

  @TempDir Path exchange;

  private EInvoiceIntakeProperties properties(String... tenants) {
    return new EInvoiceIntakeProperties(exchange.toString(), "svc-einvoice-intake", List.of(tenants),
        DataSize.ofMegabytes(5), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(30),
        Duration.ofSeconds(2), "node-1");
  }

  @Test
  void theTenantOfAFileIsTheServedTenantWhoseInboxHoldsIt() {
    EInvoiceIntakeProperties properties = properties("demo-ku", "demo-shi");

    assertThat(properties.tenantOfInboxFile(exchange.resolve("demo-shi/inbox/a.xml"))).contains("demo-shi");
    assertThat(properties.tenantOfInboxFile(exchange.resolve("demo-ku/inbox/a.xml"))).contains("demo-ku");
    for (String elsewhere : List.of("other-mura/inbox/a.xml", "demo-ku/done/a.xml", "demo-ku/inbox/sub/a.xml",
        "inbox/a.xml")) {
      assertThat(properties.tenantOfInboxFile(exchange.resolve(elsewhere))).as(elsewhere).isEqualTo(Optional.empty());
    }
    assertThat(properties.tenantOfInboxFile(exchange.resolveSibling("elsewhere/demo-ku/inbox/a.xml"))).isEmpty();
    assertThat(properties.done("demo-shi")).isEqualTo(exchange.resolve("demo-shi/done").toAbsolutePath());
    assertThat(properties.failed("demo-shi")).isEqualTo(exchange.resolve("demo-shi/failed").toAbsolutePath());
  }

  @Test
  void theEndpointListsTheServedTenantsInboxesOnly() {
    String uri = properties("demo-ku", "demo-shi").inboxEndpoint("claims", "Target", "*.xml", "*.XML");

    assertThat(uri).startsWith("file:" + exchange.toAbsolutePath() + "?recursive=true&minDepth=3&maxDepth=3&")
        .contains("&antInclude=demo-ku/inbox/*.xml,demo-ku/inbox/*.XML,demo-shi/inbox/*.xml,demo-shi/inbox/*.XML&",
            "&idempotentRepository=#claims&", "&move=${header.Target}&",
            "&moveFailed=${file:parent}/../failed/");
  }

  @Test
  void aTenantIdThatCannotNameAFolderIsRefused() {
    assertThatThrownBy(() -> properties("demo-ku", "../demo-shi")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tetsuzuki.integrations.einvoice.tenants: '../demo-shi' cannot name an inbox folder");
  }

  @Test
  void theRetiredSingleInboxSettingsStopTheStart() {
    assertThatThrownBy(() -> EInvoiceIntakeRoute.refuseRetiredFolders(new MockEnvironment()
        .withProperty("TETSUZUKI_EINVOICE_INBOX", "/srv/einvoice/inbox"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TETSUZUKI_EINVOICE_FOLDER");
    assertThatThrownBy(() -> EInvoiceIntakeRoute.refuseRetiredFolders(new MockEnvironment()
        .withProperty("tetsuzuki.integrations.einvoice.failed", "/srv/einvoice/failed")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tetsuzuki.integrations.einvoice.failed");
    assertThatCode(() -> EInvoiceIntakeRoute.refuseRetiredFolders(new MockEnvironment()
        .withProperty("tetsuzuki.integrations.einvoice.folder", "/srv/einvoice"))).doesNotThrowAnyException();
  }

  @Test
  void withNoTenantTheRouteDoesNotStartAndWithTenantsTheirInboxesAreCreated() throws Exception {
    assertThat(routeStatus(properties())).isEqualTo(ServiceStatus.Stopped);
    assertThat(exchange).isEmptyDirectory();

    assertThat(routeStatus(properties("demo-shi"))).isEqualTo(ServiceStatus.Started);
    assertThat(exchange.resolve("demo-shi/inbox")).isDirectory();
    assertThat(exchange.resolve("demo-ku")).doesNotExist();
  }

  private ServiceStatus routeStatus(EInvoiceIntakeProperties properties) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:einvoice-folders");
    DeadLetterStore deadLetters = new DeadLetterStore(h2, Clock.systemUTC(), 10, "node-1");
    EInvoiceGateway unreachable = (user, tenant, xml) -> {
      throw new AssertionError("no file is dropped in this test");
    };
    try (DefaultCamelContext camel = new DefaultCamelContext()) {
      camel.getRegistry().bind("claims", MemoryIdempotentRepository.memoryIdempotentRepository());
      camel.addRoutes(new EInvoiceIntakeRoute("claims", new EInvoiceIntake(unreachable, properties, deadLetters,
          new SimpleMeterRegistry()), properties, deadLetters));
      camel.start();
      return camel.getRouteController().getRouteStatus(EInvoiceIntakeRoute.ROUTE_ID);
    }
  }
}
