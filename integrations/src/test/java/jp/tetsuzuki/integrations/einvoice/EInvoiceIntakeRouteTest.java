package jp.tetsuzuki.integrations.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.IntegrationsAutoConfiguration;
import jp.tetsuzuki.integrations.accounting.FileReport;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.operations.OperationsConfiguration;
import jp.tetsuzuki.integrations.port.EInvoiceGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-invoice intake route as Spring wires it ({@code @CamelSpringBootTest}: the route's own bean methods, its
 * properties bound from configuration), with the platform's invoice service played in memory and the access point
 * played by the test (it writes a file under a hidden name into a tenant's inbox and renames it). The specification's
 * own example invoices ({@code shared/data/jp-pint}) are the payloads: the bytes reach the platform unchanged, for the
 * tenant of the inbox; an invoice naming no contract or none of the inbox's tenant is refused with a Japanese report
 * and a dead letter; the same invoice again creates nothing; an oversized file never reaches the platform; a folder of
 * a tenant not served is not read; a technical fault goes to the dead-letter route.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = EInvoiceIntakeRouteTest.App.class, properties = {
    "camel.main.name=einvoice-test",
    "tetsuzuki.integrations.einvoice.tenants=demo-ku,demo-shi",
    "tetsuzuki.integrations.einvoice.max-file-size=40KB",
    "tetsuzuki.integrations.einvoice.poll-delay=200ms",
    "tetsuzuki.integrations.einvoice.claim-release-delay=200ms"})
class EInvoiceIntakeRouteTest {

  private static final Path EXCHANGE = Path.of("target", "einvoice-test-" + UUID.randomUUID()).toAbsolutePath();
  private static final Duration WAIT = Duration.ofSeconds(30);
  static final FakeInvoicePlatform PLATFORM = new FakeInvoicePlatform();
  static volatile RuntimeException fault;

  @SpringBootConfiguration
  @EnableAutoConfiguration(exclude = IntegrationsAutoConfiguration.class)
  @EnableConfigurationProperties(EInvoiceIntakeProperties.class)
  @Import({EInvoiceIntakeRoute.class, OperationsConfiguration.class})
  static class App {
    @Bean
    DataSource dataSource() throws Exception {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:einvoice-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      try (var connection = h2.getConnection()) {
        ScriptUtils.executeSqlScript(connection, new ClassPathResource("accounting/schema.sql"));
      }
      return h2;
    }

    @Bean
    EInvoiceGateway einvoiceGateway() {
      return (user, tenant, xml) -> {
        RuntimeException f = fault;
        if (f != null) {
          fault = null;
          throw f;
        }
        return PLATFORM.receive(user, tenant, xml);
      };
    }
  }

  @DynamicPropertySource
  static void folders(DynamicPropertyRegistry registry) {
    registry.add("tetsuzuki.integrations.einvoice.folder", EXCHANGE::toString);
  }

  @Autowired CamelContext camel;
  @Autowired DeadLetterStore deadLetters;
  private static boolean started;

  @BeforeEach
  void start() throws Exception {
    PLATFORM.contract("demo-ku", "framework no 1");
    if (!started) {
      AdviceWith.adviceWith(camel, EInvoiceIntakeRoute.DEAD_LETTER_ROUTE_ID,
          route -> route.weaveAddLast().to("mock:einvoice-dead-letter"));
      camel.start();
      started = true;
    }
  }

  @Test
  void theSpecificationsExampleReachesTheInvoiceServiceUnchangedAsTheServiceIdentity() throws Exception {
    byte[] example = example("Example.xml");
    NotifyBuilder taken = new NotifyBuilder(camel).fromRoute(EInvoiceIntakeRoute.ROUTE_ID).whenDone(1).create();
    drop("demo-ku", "example-1.xml", example);

    assertThat(taken.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    awaitFile("demo-ku/done/example-1.xml");
    FakeInvoicePlatform.Call call = PLATFORM.calls.stream().filter(c -> java.util.Arrays.equals(c.xml(), example))
        .findFirst().orElseThrow();
    assertThat(call.serviceUser()).isEqualTo("svc-einvoice-intake");
    // the tenant of the inbox, and that one only
    assertThat(call.tenantId()).isEqualTo("demo-ku");
    // the file is byte for byte what the access point delivered (no charset conversion on the way)
    assertThat(Files.readAllBytes(EXCHANGE.resolve("demo-ku/done/example-1.xml"))).isEqualTo(example);

    // the same invoice again (another name): nothing created, reported as a duplicate
    drop("demo-ku", "example-1-again.xml", example);
    awaitFile("demo-ku/failed/example-1-again.xml");
    assertThat(report("demo-ku/failed/example-1-again.xml")).contains("\"156\",\"DUPLICATE\",\"契約「framework no 1」の請求書"
        + "「156」は既に受け付けています（重複のため登録していません）。\"");
    // handed in twice, created once (the platform answered the second with the first invoice)
    assertThat(PLATFORM.calls.stream().filter(c -> java.util.Arrays.equals(c.xml(), example))).hasSize(2);
    assertThat(PLATFORM.created).containsEntry("demo-ku/framework no 1/156", 1);
  }

  @Test
  void anInvoiceThatNamesNoContractIsRefusedWithAJapaneseReportAndADeadLetter() throws Exception {
    drop("demo-ku", "allowance.xml", example("Example5-AllowanceCharge.xml"));
    drop("demo-shi", "correction.xml", example("Example6-CorrInv.xml"));

    awaitFile("demo-ku/failed/allowance.xml");
    awaitFile("demo-shi/failed/correction.xml");
    assertThat(report("demo-ku/failed/allowance.xml")).contains(",,\"cac:ContractDocumentReference/cbc:ID\",\"契約番号"
        + "（ContractDocumentReference）が記載されていません。請求書は受け付けていません。\"");
    assertThat(deadLetters.newest(EInvoiceIntakeRoute.ROUTE_ID, 50)).anySatisfy(letter -> {
      assertThat(letter.payloadRef()).isEqualTo("demo-ku/allowance.xml");
      assertThat(letter.reason()).contains("ContractDocumentReference");
    });
  }

  /** N5: contract ids are unique per tenant only; the inbox, not the id, decides whose contract it is. */
  @Test
  void aFileInDemoShisInboxReachesDemoShisContractOnlyWhenBothTenantsHaveThatContractId() throws Exception {
    PLATFORM.contract("demo-ku", "C-SHARED");
    PLATFORM.contract("demo-shi", "C-SHARED");
    byte[] invoice = naming("C-SHARED");
    drop("demo-shi", "shared.xml", invoice);

    awaitFile("demo-shi/done/shared.xml");
    assertThat(PLATFORM.calls.stream().filter(c -> java.util.Arrays.equals(c.xml(), invoice)))
        .extracting(FakeInvoicePlatform.Call::tenantId).containsExactly("demo-shi");
    assertThat(PLATFORM.received).containsKey("demo-shi/C-SHARED/156").doesNotContainKey("demo-ku/C-SHARED/156");
    assertThat(EXCHANGE.resolve("demo-ku/done/shared.xml")).doesNotExist();
  }

  @Test
  void aFileInDemoShisInboxNamingAContractOfDemoKuOnlyIsRefusedWithAJapaneseReportAndADeadLetter() throws Exception {
    PLATFORM.contract("demo-ku", "C-KU-ONLY");
    drop("demo-shi", "ku-only.xml", naming("C-KU-ONLY"));

    awaitFile("demo-shi/failed/ku-only.xml");
    assertThat(report("demo-shi/failed/ku-only.xml")).contains(",,\"CONTRACT_NOT_FOUND\",\"請求書の契約番号「C-KU-ONLY」の"
        + "契約が見つかりません（受信フォルダーの自治体「demo-shi」の契約ではありません）。請求書は受け付けていません。\"");
    assertThat(PLATFORM.received.keySet()).noneMatch(k -> k.contains("C-KU-ONLY"));
    assertThat(deadLetters.newest(EInvoiceIntakeRoute.ROUTE_ID, 50)).anySatisfy(letter -> {
      assertThat(letter.payloadRef()).isEqualTo("demo-shi/ku-only.xml");
      assertThat(letter.reason()).contains("CONTRACT_NOT_FOUND", "C-KU-ONLY");
    });
  }

  @Test
  void aFileInTheFolderOfATenantTheRouteDoesNotServeIsNotRead() throws Exception {
    PLATFORM.contract("other-mura", "C-MURA");
    byte[] mura = naming("C-MURA");
    drop("other-mura", "mura.xml", mura);
    // a file of a served inbox dropped after it is taken: the poll that took it listed the other folder too
    NotifyBuilder taken = new NotifyBuilder(camel).fromRoute(EInvoiceIntakeRoute.ROUTE_ID).whenDone(2).create();
    drop("demo-ku", "after-mura-1.xml", example("Example5-AllowanceCharge.xml"));
    drop("demo-ku", "after-mura-2.xml", example("Example6-CorrInv.xml"));

    assertThat(taken.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    awaitFile("demo-ku/failed/after-mura-2.xml");
    assertThat(EXCHANGE.resolve("other-mura/inbox/mura.xml")).exists();
    assertThat(EXCHANGE.resolve("other-mura/done")).doesNotExist();
    assertThat(EXCHANGE.resolve("other-mura/failed")).doesNotExist();
    assertThat(PLATFORM.calls).noneMatch(c -> java.util.Arrays.equals(c.xml(), mura));
  }

  @Test
  void anOversizedFileNeverReachesThePlatform() throws Exception {
    byte[] big = new byte[41 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    int before = PLATFORM.calls.size();
    drop("demo-ku", "huge.xml", big);

    awaitFile("demo-ku/failed/huge.xml");
    assertThat(PLATFORM.calls).hasSize(before);
    assertThat(report("demo-ku/failed/huge.xml")).contains("FILE_TOO_LARGE", "請求書ファイルが大きすぎます（41984 バイト、上限 40960"
        + " バイト）");
  }

  @Test
  void aTechnicalFaultGoesToTheDeadLetterRouteAndTheFileMayBeDroppedAgain() throws Exception {
    MockEndpoint mock = camel.getEndpoint("mock:einvoice-dead-letter", MockEndpoint.class);
    mock.reset();
    mock.expectedMessageCount(1);
    mock.expectedHeaderReceived("CamelFileNameOnly", "fault.xml");
    PLATFORM.contract("demo-shi", "C-FAULT");
    byte[] invoice = naming("C-FAULT");
    fault = new IllegalStateException("platform database unavailable");
    drop("demo-shi", "fault.xml", invoice);

    mock.assertIsSatisfied(WAIT.toMillis());
    awaitFile("demo-shi/failed/fault.xml");
    assertThat(report("demo-shi/failed/fault.xml")).contains("TECHNICAL_FAULT", "受信フォルダーへ戻してください");
    assertThat(deadLetters.newest(EInvoiceIntakeRoute.ROUTE_ID, 50)).anySatisfy(letter -> {
      assertThat(letter.payloadRef()).isEqualTo("demo-shi/fault.xml");
      assertThat(letter.reason()).contains("IllegalStateException", "platform database unavailable");
    });
    assertThat(PLATFORM.received).doesNotContainKey("demo-shi/C-FAULT/156");

    Files.delete(EXCHANGE.resolve("demo-shi/failed/fault.xml" + FileReport.SUFFIX));
    Files.move(EXCHANGE.resolve("demo-shi/failed/fault.xml"), EXCHANGE.resolve("demo-shi/fault.tmp"));
    Files.move(EXCHANGE.resolve("demo-shi/fault.tmp"), EXCHANGE.resolve("demo-shi/inbox/fault.xml"));
    awaitFile("demo-shi/done/fault.xml");
    assertThat(PLATFORM.received).containsKey("demo-shi/C-FAULT/156");
  }

  private static byte[] example(String name) throws IOException {
    try (InputStream in = EInvoiceIntakeRouteTest.class.getResourceAsStream("/einvoice/jp-pint/" + name)) {
      return in.readAllBytes();
    }
  }

  /** The specification's example naming {@code contractId}. */
  private static byte[] naming(String contractId) throws IOException {
    return new String(example("Example.xml"), StandardCharsets.UTF_8)
        .replace("<cbc:ID>framework no 1</cbc:ID>", "<cbc:ID>" + contractId + "</cbc:ID>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void drop(String tenant, String name, byte[] content) throws IOException {
    Path inbox = Files.createDirectories(EXCHANGE.resolve(tenant).resolve("inbox"));
    Path temp = inbox.resolve("." + name + ".part");
    Files.write(temp, content);
    Files.move(temp, inbox.resolve(name));
  }

  private static void awaitFile(String relative) {
    await().atMost(WAIT).until(() -> Files.exists(EXCHANGE.resolve(relative)));
  }

  private static String report(String relative) throws IOException {
    String text = Files.readString(EXCHANGE.resolve(relative + FileReport.SUFFIX), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF" + FileReport.HEADER + "\r\n");
    return text;
  }

}
