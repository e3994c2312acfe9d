package jp.tetsuzuki.integrations.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.accounting.demo.AccountingSystemSimulator;
import jp.tetsuzuki.integrations.operations.RouteFailures;
import jp.tetsuzuki.integrations.operations.RouteOperations;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
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
 * Both accounting routes with the platform's port played in memory ({@link FakeAccountingPlatform}) and the accounting
 * system played by its simulator: files out (one per batch, written under a hidden name and renamed), answers in
 * (applied once, moved to done or failed with a report), the duplicate file, a malformed file, a folder of a tenant
 * not served, the dead-letter paths, and two nodes on one database (PostgreSQL when {@code DB_URL} names one, H2
 * otherwise) consuming one acknowledgement inbox, also when one stops between claiming a file and finishing it.
 */
class AccountingRoutesTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path exchange;
  private DataSource database;
  private JdbcTemplate jdbc;
  private final FakeAccountingPlatform platform = new FakeAccountingPlatform(Set.of("demo-ku", "demo-shi"));
  private final AccountingSystemSimulator accountingSystem = new AccountingSystemSimulator();
  private final List<AccountingNode> nodes = new ArrayList<>();

  @BeforeEach
  void database() throws Exception {
    String url = System.getenv("DB_URL");
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      pg.setUser(System.getenv().getOrDefault("DB_USER", "postgres"));
      pg.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
      database = pg;
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:accounting-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      database = h2;
    }
    jdbc = new JdbcTemplate(database);
    try (var connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("accounting/schema.sql"));
    }
  }

  @AfterEach
  void stop() {
    nodes.forEach(AccountingNode::close);
  }

  // --- payment instruction files out, answers in ------------------------------------------------------------

  @Test
  void approvedPaymentsLeaveAsOneFilePerTenantBatchAndTheAnswerPaysEachOnce() throws Exception {
    platform.approve("demo-ku", "P-1", "波〜商店", 110_000);
    platform.approve("demo-ku", "P-2", "株式会社デモ建設", 55_000);
    platform.approve("demo-ku", "P-3", "髙橋工務店", 1_000);
    platform.approve("demo-shi", "P-4", "市の取引先", 2_000);
    AccountingNode node = node(properties()).start();

    await().atMost(WAIT).until(() -> outbox().size() == 2);
    await().atMost(WAIT).until(() -> platform.writtenBatches.size() == 2);
    assertThat(outbox()).allMatch(name -> name.matches("payment-demo-(ku|shi)-B20261201-\\d{10}\\.dat"));
    // nothing half-written stays: the hidden .part file was renamed
    assertThat(listAll(exchange.resolve("outbox"))).noneMatch(name -> name.startsWith("."));
    Path kuFile = exchange.resolve("outbox").resolve(outbox().stream().filter(n -> n.contains("-ku-")).findFirst()
        .orElseThrow());
    byte[] bytes = Files.readAllBytes(kuFile);
    assertThat(bytes).hasSize(6 * 162); // header, 3 payments, trailer, end: the bytes as the platform rendered them
    assertThat(indexOf(bytes, new byte[] {(byte) 0x81, (byte) 0x60})).as("～ as windows-31j 0x8160").isPositive();
    assertThat(node.count("rows", AccountingExportRoute.ROUTE_ID, "exported")).isEqualTo(4);

    // the accounting system takes the files and answers "paid"
    for (String name : outbox()) {
      accountingSystem.take(exchange.resolve("outbox").resolve(name), exchange.resolve("taken"),
          exchange.resolve("ack-inbox"));
    }
    await().atMost(WAIT).until(() -> listAll(exchange.resolve("ack-done")).size() == 2);
    assertThat(List.of("P-1", "P-2", "P-3", "P-4")).allSatisfy(p -> assertThat(platform.paidTimes(p)).isOne());
    assertThat(platform.acknowledgeCalls).allSatisfy(call -> assertThat(call.serviceUser())
        .isEqualTo("svc-accounting-exchange"));
    assertThat(node.count("files", AcknowledgementIntakeRoute.ROUTE_ID, "done")).isEqualTo(2);
    await().atMost(WAIT).untilAsserted(() -> assertThat(claimRows()).isZero());
  }

  @Test
  void theSameAcknowledgementFileTwicePaysNothingTwiceAndIsReportedAsADuplicate() throws Exception {
    platform.approve("demo-ku", "D-1", "重複商事", 10_000);
    AccountingNode node = node(properties()).start();
    await().atMost(WAIT).until(() -> outbox().size() == 1);
    byte[] answer = accountingSystem.answer(Files.readAllBytes(exchange.resolve("outbox").resolve(outbox().get(0))),
        FakeAccountingPlatform.today()).content();
    NotifyBuilder twoFiles = new NotifyBuilder(node.camel).fromRoute(AcknowledgementIntakeRoute.ROUTE_ID).whenDone(2)
        .create();
    dropAck("demo-ku", "ack-1.csv", answer);
    awaitFile("ack-done/demo-ku/ack-1.csv");
    dropAck("demo-ku", "ack-1-again.csv", answer);

    assertThat(twoFiles.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    awaitFile("ack-failed/demo-ku/ack-1-again.csv");
    assertThat(platform.paidTimes("D-1")).isOne();
    assertThat(report("ack-failed/demo-ku/ack-1-again.csv")).contains(",,\"DUPLICATE\",\"このファイルの明細（1件）は"
        + "すべて処理済みです");
    assertThat(node.count("files", AcknowledgementIntakeRoute.ROUTE_ID, "duplicate")).isOne();
  }

  @Test
  void aMalformedFileIsRefusedWithAReportAndADeadLetterTheOperationsViewShows() throws Exception {
    AccountingNode node = node(properties()).start();
    dropAck("demo-ku", "broken.csv", "P-1,PAID,20261201\r\n".getBytes(StandardCharsets.US_ASCII));

    awaitFile("ack-failed/demo-ku/broken.csv");
    assertThat(report("ack-failed/demo-ku/broken.csv")).contains("1,,\"FORMAT:line\",\"1 行目の項目数が 4 ではありません。"
        + "ファイル全体を処理していません。訂正したファイルを送ってください。\"");
    assertThat(node.deadLetters.newest(AcknowledgementIntakeRoute.ROUTE_ID, 10)).singleElement().satisfies(letter -> {
      assertThat(letter.payloadRef()).isEqualTo("demo-ku/broken.csv");
      assertThat(letter.reason()).contains("refused", "項目数");
    });
    RouteOperations operations = new RouteOperations(node.camel, node.meters, new RouteFailures(Clock.systemUTC()),
        node.deadLetters);
    assertThat(operations.routes()).anySatisfy(row -> {
      assertThat(row.routeId()).isEqualTo(AcknowledgementIntakeRoute.ROUTE_ID);
      assertThat(row.deadLetters()).isOne();
    });
    assertThat(node.count("files", AcknowledgementIntakeRoute.ROUTE_ID, "rejected")).isOne();
  }

  @Test
  void linesThatCannotBeAppliedAreReportedAndTheOthersAreApplied() throws Exception {
    platform.approve("demo-ku", "L-1", "一部商事", 10_000);
    node(properties()).start();
    await().atMost(WAIT).until(() -> outbox().size() == 1);
    dropAck("demo-ku", "partly.csv", "L-1,PAID,20261201,10000\r\nL-404,PAID,20261201,5000\r\n"
        .getBytes(StandardCharsets.US_ASCII));

    awaitFile("ack-failed/demo-ku/partly.csv");
    assertThat(platform.paidTimes("L-1")).isOne();
    assertThat(report("ack-failed/demo-ku/partly.csv")).contains("2,\"L-404\",\"UNKNOWN_PAYMENT\",\"支払番号 L-404 の"
        + "支払指示が見つかりません。\"");
  }

  @Test
  void aFolderOfATenantTheIdentityDoesNotServeIsNotRead() throws Exception {
    node(properties()).start();
    dropAck("other-mura", "ack.csv", "X-1,PAID,20261201,1\r\n".getBytes(StandardCharsets.US_ASCII));

    awaitFile("ack-failed/other-mura/ack.csv");
    assertThat(platform.acknowledgeCalls).isEmpty();
    assertThat(report("ack-failed/other-mura/ack.csv")).contains("TENANT_NOT_SERVED", "フォルダー「other-mura」のテナントは"
        + "この連携（サービスID svc-accounting-exchange）の担当外です。");
  }

  // --- dead-letter paths -------------------------------------------------------------------------------------

  @Test
  void aTechnicalFaultOnAnAcknowledgementGoesToTheDeadLetterAndTheFileCanBeDroppedAgain() throws Exception {
    platform.approve("demo-ku", "F-1", "障害商事", 10_000);
    AtomicInteger faults = new AtomicInteger(1);
    AccountingExchangeGateway flaky = new Delegating(platform) {
      @Override
      public AckResult acknowledge(String user, String tenant, byte[] file) {
        if (faults.getAndDecrement() > 0) {
          throw new IllegalStateException("connection to the platform database refused");
        }
        return super.acknowledge(user, tenant, file);
      }
    };
    AccountingNode node = node(properties(), flaky);
    AdviceWith.adviceWith(node.camel, AcknowledgementIntakeRoute.DEAD_LETTER_ROUTE_ID,
        route -> route.weaveAddLast().to("mock:dead-letter"));
    node.start();
    MockEndpoint deadLetters = node.camel.getEndpoint("mock:dead-letter", MockEndpoint.class);
    deadLetters.expectedMessageCount(1);
    await().atMost(WAIT).until(() -> outbox().size() == 1);
    byte[] answer = accountingSystem.answer(Files.readAllBytes(exchange.resolve("outbox").resolve(outbox().get(0))),
        FakeAccountingPlatform.today()).content();
    dropAck("demo-ku", "fault.csv", answer);

    deadLetters.assertIsSatisfied(WAIT.toMillis());
    awaitFile("ack-failed/demo-ku/fault.csv");
    assertThat(report("ack-failed/demo-ku/fault.csv")).contains("TECHNICAL_FAULT", "受信フォルダー（demo-ku）へ戻して"
        + "ください");
    assertThat(node.deadLetters.newest(AcknowledgementIntakeRoute.ROUTE_ID, 10)).singleElement()
        .satisfies(letter -> assertThat(letter.reason()).contains("connection to the platform database refused"));
    assertThat(platform.paidTimes("F-1")).isZero();

    Files.delete(exchange.resolve("ack-failed/demo-ku/fault.csv" + FileReport.SUFFIX));
    Files.move(exchange.resolve("ack-failed/demo-ku/fault.csv"), exchange.resolve("fault.tmp"));
    Files.move(exchange.resolve("fault.tmp"), exchange.resolve("ack-inbox/demo-ku/fault.csv"));
    awaitFile("ack-done/demo-ku/fault.csv");
    assertThat(platform.paidTimes("F-1")).isOne();
  }

  @Test
  void aFileThatCannotBeWrittenIsADeadLetterAndItsBatchStaysUnwritten() throws Exception {
    platform.approve("demo-ku", "W-1", "書込失敗商事", 10_000);
    AccountingNode node = node(properties());
    AdviceWith.adviceWith(node.camel, AccountingExportRoute.ROUTE_ID, route -> route
        .weaveById(AccountingExportRoute.STEP_WRITE_FILE).replace().throwException(new IOException("disk full")));
    AdviceWith.adviceWith(node.camel, AccountingExportRoute.DEAD_LETTER_ROUTE_ID,
        route -> route.weaveAddLast().to("mock:export-dead-letter"));
    node.start();
    MockEndpoint deadLetters = node.camel.getEndpoint("mock:export-dead-letter", MockEndpoint.class);
    deadLetters.expectedMinimumMessageCount(1);

    deadLetters.assertIsSatisfied(WAIT.toMillis());
    assertThat(platform.writtenBatches).isEmpty();
    assertThat(node.deadLetters.newest(AccountingExportRoute.ROUTE_ID, 10)).first().satisfies(letter -> {
      assertThat(letter.reason()).contains("IOException", "disk full");
      assertThat(letter.payloadRef()).startsWith("demo-ku/payment-demo-ku-B20261201-");
    });
    assertThat(node.count("files", AccountingExportRoute.ROUTE_ID, "dead-letter")).isPositive();
  }

  // --- two nodes ---------------------------------------------------------------------------------------------

  @Test
  void twoNodesOnOneDatabaseApplyEveryAcknowledgementExactlyOnce() throws Exception {
    AccountingExchangeProperties properties = properties();
    node(properties, platform.as("a")).start();
    node(properties, platform.as("b")).start();
    List<String> payments = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      platform.approve(i % 2 == 0 ? "demo-ku" : "demo-shi", "N-" + i, "取引先" + i, 1000 + i);
      payments.add("N-" + i);
    }
    await().atMost(WAIT).until(() -> platform.writtenBatches.size() >= 2 && platform.waiting.values().stream()
        .allMatch(List::isEmpty));
    // every payment is in exactly one file of the outbox, written by whichever node formed its batch
    await().atMost(WAIT).until(() -> outbox().size() == platform.writtenBatches.size());
    Map<String, Integer> inFiles = new HashMap<>();
    for (String name : outbox()) {
      String text = new String(Files.readAllBytes(exchange.resolve("outbox").resolve(name)), FakeAccountingPlatform
          .WINDOWS_31J);
      for (String record : text.split("\r\n")) {
        if (record.startsWith("2")) {
          inFiles.merge(record.substring(1, 21).strip(), 1, Integer::sum);
        }
      }
    }
    assertThat(inFiles).hasSize(60).allSatisfy((p, n) -> assertThat(n).as(p).isOne());
    // the accounting system answers each payment in a file of its own (60 files in one inbox, two nodes polling)
    for (int i = 0; i < 60; i++) {
      dropAck(i % 2 == 0 ? "demo-ku" : "demo-shi", "ack-" + i + ".csv", ("N-" + i + ",PAID,20261201," + (1000 + i)
          + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    await().atMost(Duration.ofSeconds(90)).until(() -> listAll(exchange.resolve("ack-done")).size() == 60);
    assertThat(payments).allSatisfy(p -> assertThat(platform.paidTimes(p)).as(p).isOne());
    // each file reached the platform once: no node took a file the other was working on or had finished
    assertThat(platform.acknowledgeCalls).hasSize(60);
    assertThat(platform.acknowledgeCalls.stream().map(FakeAccountingPlatform.Call::node).distinct()).hasSize(2);
    assertThat(Files.exists(exchange.resolve("ack-failed"))).isFalse();
  }

  @Test
  void aNodeThatStopsBetweenClaimingAnAcknowledgementAndApplyingItLeavesItToTheOtherNode() throws Exception {
    AccountingExchangeProperties properties = properties(Duration.ofSeconds(3), Duration.ofMillis(500));
    platform.approve("demo-ku", "C-1", "停止商事", 10_000);
    platform.approve("demo-ku", "C-2", "停止商事", 20_000);
    CountDownLatch aIsStuck = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AccountingExchangeGateway dying = new Delegating(platform.as("a")) {
      @Override
      public AckResult acknowledge(String user, String tenant, byte[] file) {
        aIsStuck.countDown();
        try {
          never.await(); // node A hangs here with the file claimed, then dies: it never applies it
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("node A is gone");
      }
    };
    AccountingNode a = node(properties, dying).start();
    await().atMost(WAIT).until(() -> outbox().size() == 1);
    byte[] answer = accountingSystem.answer(Files.readAllBytes(exchange.resolve("outbox").resolve(outbox().get(0))),
        FakeAccountingPlatform.today()).content();
    dropAck("demo-ku", "crash.csv", answer);
    assertThat(aIsStuck.await(30, TimeUnit.SECONDS)).as("node A claimed the file").isTrue();
    // node A stops refreshing its claim (its JVM is gone); node B polls the same inbox
    a.claims.getProcessorNameMessageIdSet().clear();
    node(properties, platform.as("b")).start();

    awaitFile("ack-done/demo-ku/crash.csv");
    assertThat(platform.paidTimes("C-1")).isOne();
    assertThat(platform.paidTimes("C-2")).isOne();
    assertThat(platform.acknowledgeCalls).extracting(FakeAccountingPlatform.Call::node).containsExactly("b");
    never.countDown();
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  /** A gateway that forwards everything (tests override one call). */
  static class Delegating implements AccountingExchangeGateway {
    private final AccountingExchangeGateway target;

    Delegating(AccountingExchangeGateway target) {
      this.target = target;
    }

    @Override
    public java.util.Optional<PaymentFile> claimBatch(String u, String t, BatchRule r, String n) {
      return target.claimBatch(u, t, r, n);
    }

    @Override
    public void written(String u, String t, String b) {
      target.written(u, t, b);
    }

    @Override
    public AckResult acknowledge(String u, String t, byte[] f) {
      return target.acknowledge(u, t, f);
    }
  }

  private AccountingExchangeProperties properties() {
    return properties(Duration.ofMinutes(2), Duration.ofSeconds(30));
  }

  private AccountingExchangeProperties properties(Duration expiry, Duration keepAlive) {
    return new AccountingExchangeProperties(exchange.resolve("outbox").toString(),
        exchange.resolve("ack-inbox").toString(), exchange.resolve("ack-done").toString(),
        exchange.resolve("ack-failed").toString(), "svc-accounting-exchange", List.of("demo-ku", "demo-shi"), 500,
        Duration.ZERO, Duration.ofMinutes(2), Duration.ofMillis(300), Duration.ofMillis(200),
        org.springframework.util.unit.DataSize.ofMegabytes(1), expiry, keepAlive, Duration.ofMillis(500),
        "node-" + nodes.size());
  }

  private AccountingNode node(AccountingExchangeProperties properties) throws Exception {
    return node(properties, platform);
  }

  private AccountingNode node(AccountingExchangeProperties properties, AccountingExchangeGateway gateway)
      throws Exception {
    AccountingNode node = AccountingNode.create(database, gateway, properties);
    nodes.add(node);
    return node;
  }

  private void dropAck(String tenant, String name, byte[] content) throws IOException {
    Path folder = Files.createDirectories(exchange.resolve("ack-inbox").resolve(tenant));
    Path temp = folder.resolve("." + name + ".part");
    Files.write(temp, content);
    Files.move(temp, folder.resolve(name));
  }

  private void awaitFile(String relative) {
    await().atMost(WAIT).until(() -> Files.exists(exchange.resolve(relative)));
  }

  private String report(String relative) throws IOException {
    String text = Files.readString(exchange.resolve(relative + FileReport.SUFFIX), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF" + FileReport.HEADER + "\r\n");
    return text;
  }

  private List<String> outbox() throws IOException {
    return listAll(exchange.resolve("outbox")).stream().filter(n -> !n.startsWith(".")).toList();
  }

  /** Names of the files under a folder (any depth), hidden ones included. */
  private static List<String> listAll(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(FileReport.SUFFIX)).toList();
    }
  }

  private int claimRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM tz_case_file_lock", Integer.class);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
