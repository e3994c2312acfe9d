package jp.tetsuzuki.integrations.municipalcsv;

import static jp.tetsuzuki.integrations.municipalcsv.MunicipalCsvIntakeRouteTest.HEADER;
import static jp.tetsuzuki.integrations.municipalcsv.MunicipalCsvIntakeRouteTest.cp932;
import static jp.tetsuzuki.integrations.municipalcsv.MunicipalCsvIntakeRouteTest.row;
import static jp.tetsuzuki.integrations.municipalcsv.MunicipalCsvIntakeRouteTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The municipal CSV intake from an SFTP inbox (a ward system that delivers that way): an embedded SFTP server
 * (Apache MINA SSHD) on loopback, the host key checked against a known_hosts file, the same claims and ledger as
 * the local inbox (PostgreSQL when {@code DB_URL} names one, H2 otherwise): a file is registered once, a duplicate
 * is reported, two nodes take every row once also when one stops between claiming a file and finishing it, and a
 * server with another host key is not trusted.
 */
class MunicipalCsvSftpIntakeTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  @TempDir Path exchange;
  private DataSource database;
  private JdbcTemplate jdbc;
  private SftpInbox sftp;
  private final FakeBatchApplications platform = new FakeBatchApplications(Set.of("road-occupancy-permit"));
  private final List<CsvIntakeNode> nodes = new ArrayList<>();

  @BeforeEach
  void serverAndDatabase() throws Exception {
    String url = System.getenv("DB_URL");
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      pg.setUser(System.getenv().getOrDefault("DB_USER", "postgres"));
      pg.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
      database = pg;
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:sftp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      database = h2;
    }
    jdbc = new JdbcTemplate(database);
    try (var connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("municipalcsv/schema.sql"));
    }
    sftp = new SftpInbox(exchange);
  }

  @AfterEach
  void stop() throws Exception {
    nodes.forEach(CsvIntakeNode::close);
    sftp.close();
  }

  @Test
  void aFileInTheSftpInboxIsRegisteredOnceAndMovesToDoneOnTheServerWithItsLocalCopy() throws Exception {
    CsvIntakeNode node = node(properties(), platform).start();
    sftp.upload("ward-a.csv", cp932(HEADER, row("S-1", "demo-ku", "髙橋建設①", "1"),
        row("S-2", "demo-ku", "波ダッシュ～商店", "2")));

    awaitRemote("done", "ward-a.csv");
    assertThat(platform.calls).extracting(c -> c.row().applicant().get("name"))
        .containsExactly("髙橋建設①", "波ダッシュ\uFF5E商店");
    assertThat(platform.calls).allSatisfy(c -> assertThat(c.serviceUser()).isEqualTo("svc-municipal-csv-intake"));
    assertThat(Files.exists(sftp.remote("inbox", "ward-a.csv"))).isFalse();
    // staff find the file where they find the local inbox's files
    assertThat(exchange.resolve("demo-ku/done/ward-a.csv")).hasSameBinaryContentAs(sftp.remote("done", "ward-a.csv"));
    assertThat(node.files("done")).isOne();
    assertThat(ledgerStatus("ward-a.csv")).isEqualTo("done");
    // the claim is given back after the release delay: the table only holds files in work
    await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM tz_case_file_lock",
        Integer.class) == 0);
  }

  @Test
  void theSameFileDeliveredAgainRegistersNothingAndGoesToFailedWithItsReport() throws Exception {
    node(properties(), platform).start();
    byte[] content = utf8(HEADER, row("D-1", "demo-ku", "一度だけ", "1"), row("D-2", "demo-ku", "一度だけ", "1"));
    sftp.upload("first.csv", content);
    awaitRemote("done", "first.csv");
    sftp.upload("first-again.csv", content);

    awaitRemote("failed", "first-again.csv");
    assertThat(platform.calls).hasSize(2);
    String report = Files.readString(exchange.resolve("demo-ku/failed/first-again.csv" + RejectionReport.SUFFIX),
        StandardCharsets.UTF_8);
    assertThat(report).contains("取込済みのファイル「first.csv」と同じ内容です", "重複のため、行は登録していません");
    assertThat(ledgerStatus("first.csv")).isEqualTo("done");
  }

  @Test
  void aTechnicalFaultMovesTheFileToFailedOnTheServerAsADeadLetterAndItCanBeDeliveredAgain() throws Exception {
    AtomicInteger faults = new AtomicInteger(1);
    BatchApplicationGateway flaky = (user, tenant, id, row) -> {
      if (id.equals("F-2") && faults.getAndDecrement() > 0) {
        throw new IllegalStateException("connection to the platform database refused");
      }
      return platform.submitRow(user, tenant, id, row);
    };
    CsvIntakeNode node = node(properties(), flaky).start();
    byte[] content = utf8(HEADER, row("F-1", "demo-ku", "前", "1"), row("F-2", "demo-ku", "障害", "1"),
        row("F-3", "demo-ku", "後", "1"));
    sftp.upload("fault.csv", content);

    awaitRemote("failed", "fault.csv");
    assertThat(Files.readString(exchange.resolve("demo-ku/failed/fault.csv" + RejectionReport.SUFFIX), StandardCharsets.UTF_8))
        .contains("技術的なエラーで取込が途中で止まりました");
    assertThat(node.deadLetters.newest(MunicipalCsvIntakeRoute.ROUTE_ID, 10)).singleElement()
        .satisfies(letter -> assertThat(letter.payloadRef()).isEqualTo("fault.csv"));
    assertThat(ledgerStatus("fault.csv")).isEqualTo("dead-letter");

    // the ward delivers it again once the fault is gone: the first row is not registered twice
    Files.move(sftp.remote("failed", "fault.csv"), sftp.remote("inbox", "fault-again.csv"));
    awaitRemote("done", "fault-again.csv");
    assertThat(platform.registrations).hasSize(3).allSatisfy((key, count) -> assertThat(count.get()).isOne());
    assertThat(node.rows("replayed")).isOne();
  }

  @Test
  void aNodeThatStopsBetweenClaimingAnSftpFileAndFinishingItLeavesItToTheOtherNodeAndNoRowIsRegisteredTwice()
      throws Exception {
    MunicipalCsvProperties properties = properties(Duration.ofSeconds(3), Duration.ofMillis(500));
    CountDownLatch aIsStuck = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger aRows = new AtomicInteger();
    BatchApplicationGateway dying = (user, tenant, id, row) -> {
      if (aRows.incrementAndGet() > 5) {
        aIsStuck.countDown();
        try {
          never.await(); // node A hangs here, then is gone: it never goes on with this file
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("node A is gone");
      }
      return platform.as("a").submitRow(user, tenant, id, row);
    };
    CsvIntakeNode a = node(properties, dying).start();
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < 30; r++) {
      rows.add(row("C-" + r, "demo-ku", "申請者" + r, "1"));
    }
    sftp.upload("crash.csv", cp932(HEADER, rows.toArray(String[]::new)));
    assertThat(aIsStuck.await(40, TimeUnit.SECONDS)).as("node A claimed the file and registered 5 rows").isTrue();
    // node A stops refreshing its claim (its JVM is gone); node B polls the same SFTP inbox
    a.claims.getProcessorNameMessageIdSet().clear();
    CsvIntakeNode b = node(properties, platform.as("b")).start();

    awaitRemote("done", "crash.csv");
    assertThat(platform.registrations).hasSize(30).allSatisfy((key, count) -> assertThat(count.get()).isOne());
    assertThat(platform.calls.stream().filter(c -> c.node().equals("a"))).hasSize(5);
    assertThat(b.rows("replayed")).isEqualTo(5);
    assertThat(b.rows("registered")).isEqualTo(25);
    assertThat(ledgerStatus("crash.csv")).isEqualTo("done");
    never.countDown();
  }

  @Test
  void twoNodesOnOneSftpInboxRegisterEveryRowOfEveryFileExactlyOnce() throws Exception {
    MunicipalCsvProperties properties = properties();
    node(properties, platform.as("a")).start();
    node(properties, platform.as("b")).start();
    for (int f = 0; f < 6; f++) {
      List<String> rows = new ArrayList<>();
      for (int r = 0; r < 20; r++) {
        rows.add(row("N-" + f + "-" + r, "demo-ku", "申請者" + r, "1"));
      }
      sftp.upload("both-" + f + ".csv", utf8(HEADER, rows.toArray(String[]::new)));
    }

    for (int f = 0; f < 6; f++) {
      awaitRemote("done", "both-" + f + ".csv");
    }
    assertThat(platform.calls).hasSize(6 * 20);
    assertThat(platform.registrations).hasSize(6 * 20).allSatisfy((key, count) -> assertThat(count.get()).isOne());
  }

  @Test
  void aServerWhoseHostKeyIsNotTheKnownOneIsNotTrustedAndItsFilesAreNotTaken() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    Path otherKey = exchange.resolve("known_hosts-other");
    Files.writeString(otherKey, sftp.knownHostsLine(generator.generateKeyPair().getPublic()) + "\n");
    CsvIntakeNode node = CsvIntakeNode.create(database, platform, properties(),
        sftp.sourceWith(otherKey, exchange.resolve("work")), 100);
    nodes.add(node);
    node.start();
    sftp.upload("spoofed.csv", utf8(HEADER, row("X-1", "demo-ku", "偽サーバー", "1")));

    Thread.sleep(4000);
    assertThat(Files.exists(sftp.remote("inbox", "spoofed.csv"))).isTrue();
    assertThat(platform.calls).isEmpty();
    // the check is strict whatever the configuration: the endpoint never runs with StrictHostKeyChecking=no
    SftpEndpoint endpoint = (SftpEndpoint) node.camel.getRoute(MunicipalCsvIntakeRoute.ROUTE_ID).getEndpoint();
    assertThat(endpoint.getConfiguration().getStrictHostKeyChecking()).isEqualTo("yes");
    assertThat(endpoint.getConfiguration().isUseUserKnownHostsFile()).isFalse();
    assertThat(endpoint.getEndpointUri()).doesNotContain(SftpInbox.PASSWORD);
  }

  @Test
  void anSftpSourceNeedsItsAccountAndAKnownHostsFileAndNamesNothingElse() {
    var account = new MunicipalCsvSource.Sftp("ward-a", "pw", "", "", sftp.knownHosts.toString(), "");
    assertThatThrownBy(() -> new MunicipalCsvSource("sftp://127.0.0.1/inbox",
        new MunicipalCsvSource.Sftp("ward-a", "pw", "", "", "", "")))
        .hasMessageContaining("TETSUZUKI_MUNICIPAL_CSV_SFTP_KNOWN_HOSTS");
    assertThatThrownBy(() -> new MunicipalCsvSource("sftp://127.0.0.1/inbox",
        new MunicipalCsvSource.Sftp("ward-a", "pw", "", "", exchange.resolve("missing").toString(), "")))
        .hasMessageContaining("readable known_hosts");
    assertThatThrownBy(() -> new MunicipalCsvSource("sftp://127.0.0.1/inbox",
        new MunicipalCsvSource.Sftp("", "", "", "", sftp.knownHosts.toString(), "")))
        .hasMessageContaining("TETSUZUKI_MUNICIPAL_CSV_SFTP_USER");
    assertThatThrownBy(() -> new MunicipalCsvSource("sftp://ward-a:pw@127.0.0.1/inbox", account))
        .hasMessageContaining("names the server and folder only");
    assertThatThrownBy(() -> new MunicipalCsvSource("sftp://127.0.0.1/inbox?strictHostKeyChecking=no", account))
        .hasMessageContaining("no options");
    assertThatThrownBy(() -> new MunicipalCsvSource("ftp://127.0.0.1/inbox", account))
        .hasMessageContaining("sftp://host[:port]/path/to/inbox");
    assertThat(new MunicipalCsvSource("", null).isSftp()).isFalse();
    assertThat(new MunicipalCsvSource("sftp://ward.example.lg.jp/csv/inbox", account).endpointUri())
        .isEqualTo("sftp://ward.example.lg.jp:22/csv/inbox");
    assertThat(account.toString()).doesNotContain("pw,");
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  private MunicipalCsvProperties properties() {
    return properties(Duration.ofMinutes(2), Duration.ofSeconds(30));
  }

  private MunicipalCsvProperties properties(Duration expiry, Duration keepAlive) {
    return new MunicipalCsvProperties(exchange.toString(), "svc-municipal-csv-intake", List.of("demo-ku"),
        org.springframework.util.unit.DataSize.ofMegabytes(10), 1000, 65536, Duration.ofMillis(200), expiry,
        keepAlive, Duration.ofMillis(500), "node-" + nodes.size());
  }

  private CsvIntakeNode node(MunicipalCsvProperties properties, BatchApplicationGateway gateway) throws Exception {
    // each node downloads into a work folder of its own, as separate machines do
    CsvIntakeNode node = CsvIntakeNode.create(database, gateway, properties,
        sftp.sourceWith(sftp.knownHosts, exchange.resolve("work-" + nodes.size())), 1000);
    nodes.add(node);
    return node;
  }

  private void awaitRemote(String folder, String name) {
    await().atMost(WAIT).until(() -> Files.exists(sftp.remote(folder, name)));
  }

  private String ledgerStatus(String name) {
    return jdbc.queryForObject("SELECT status FROM tz_municipal_csv_file WHERE file_name = ?", String.class, name);
  }
}
