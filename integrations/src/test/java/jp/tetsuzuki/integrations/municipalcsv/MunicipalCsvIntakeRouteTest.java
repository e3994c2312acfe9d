package jp.tetsuzuki.integrations.municipalcsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway;
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
 * The route with the platform's port played in memory: encodings, refused rows and their report, the file's
 * destination, duplicates, the dead-letter path, and two nodes on one database (PostgreSQL when {@code DB_URL} names
 * one, as in the database test run; H2 otherwise) including a node that stops between claiming a file and finishing
 * it.
 */
class MunicipalCsvIntakeRouteTest {

  static final Charset WINDOWS_31J = Charset.forName("windows-31j");
  static final String HEADER = "procedureCode,tenantId,receivedOn,applicantName,corporateNumber,email,externalId,"
      + "roadName,occupancyArea";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path exchange;
  private DataSource database;
  private JdbcTemplate jdbc;
  private final FakeBatchApplications platform = new FakeBatchApplications(Set.of("road-occupancy-permit"));
  private final List<CsvIntakeNode> nodes = new ArrayList<>();

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
      h2.setURL("jdbc:h2:mem:csv-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      database = h2;
    }
    jdbc = new JdbcTemplate(database);
    try (var connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("municipalcsv/schema.sql"));
    }
  }

  @AfterEach
  void stop() {
    nodes.forEach(CsvIntakeNode::close);
  }

  // --- rows and their report ---------------------------------------------------------------------------------

  @Test
  void aUtf8FileWithoutBomRegistersEveryRowAsTheServiceIdentityAndMovesToDone() throws Exception {
    CsvIntakeNode node = node(properties()).start();
    NotifyBuilder taken = new NotifyBuilder(node.camel).fromRoute(MunicipalCsvIntakeRoute.ROUTE_ID).whenDone(1)
        .create();
    drop("ward-1.csv", utf8(HEADER, row("K-1", "demo-ku", "区道工業株式会社", "12.5"),
        row("K-2", "demo-ku", "\"山田, 花子\"", "3"), ",,,,,,,,", ""));

    assertThat(taken.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(done()).containsExactly("ward-1.csv");
    assertThat(platform.calls).hasSize(2).allSatisfy(call -> {
      assertThat(call.serviceUser()).isEqualTo("svc-municipal-csv-intake");
      assertThat(call.tenantId()).isEqualTo("demo-ku");
    });
    var first = platform.calls.get(0).row();
    assertThat(first.procedureCode()).isEqualTo("road-occupancy-permit");
    assertThat(first.receivedOn()).isEqualTo("2026-11-30");
    assertThat(first.applicant()).containsEntry("name", "区道工業株式会社").containsEntry("email", "info@example.jp")
        .doesNotContainKey("corporateNumber"); // empty cell: not given
    assertThat(first.data()).containsEntry("roadName", "区道1号").containsEntry("occupancyArea", "12.5")
        .doesNotContainKeys("externalId", "tenantId");
    assertThat(platform.calls.get(1).row().applicant()).containsEntry("name", "山田, 花子");
    assertThat(node.rows("registered")).isEqualTo(2);
    assertThat(node.files("done")).isEqualTo(1);
    assertThat(ledgerStatus("ward-1.csv")).isEqualTo("done");
    await().atMost(WAIT).untilAsserted(() -> assertThat(claimRows()).isZero());
  }

  @Test
  void aUtf8FileWithBomIsReadAsUtf8AndItsFirstColumnIsNotSpoiltByTheMark() throws Exception {
    node(properties()).start();
    byte[] body = utf8(HEADER, row("B-1", "demo-ku", "株式会社ＢＯＭ〜", "1"));
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    drop("bom.csv", withBom);

    awaitDone("bom.csv");
    assertThat(platform.calls).singleElement().satisfies(call -> {
      assertThat(call.row().procedureCode()).isEqualTo("road-occupancy-permit");
      // UTF-8 keeps the wave dash the sender wrote (U+301C)
      assertThat(call.row().applicant().get("name")).isEqualTo("株式会社ＢＯＭ\u301C");
    });
  }

  @Test
  void aWindows31jFileReadsTheWaveDashAsWindowsWritesItAndTheReportKeepsIt() throws Exception {
    node(properties()).start();
    // 0x8160 is ～ U+FF5E in windows-31j (Java's Shift_JIS would read 〜 U+301C); 髙 and ① are windows-31j only
    byte[] file = cp932(HEADER, row("W-1", "demo-ku", "髙橋建設①", "1"),
        row("W-2", "demo-ku", "波ダッシュ～商店", "1"), row("W-3", "demo-ku", "面積不正", "十"));
    drop("wave.csv", file);

    awaitFailed("wave.csv");
    assertThat(platform.calls).extracting(c -> c.row().applicant().get("name"))
        .containsExactly("髙橋建設①", "波ダッシュ\uFF5E商店", "面積不正");
    // the report is in the file's encoding; the refusal's 〜 (U+301C) is written as windows-31j's 0x8160
    byte[] report = Files.readAllBytes(failedReport("wave.csv"));
    String text = new String(report, WINDOWS_31J);
    assertThat(text).startsWith(RejectionReport.HEADER + "\r\n")
        .contains("4,\"occupancyArea\",\"W-3\",\"「占用面積（平方メートル）」は0\uFF5E1兆の数値で入力してください。\"")
        .doesNotContain("?");
    assertThat(indexOf(report, new byte[] {(byte) 0x81, (byte) 0x60})).isPositive();
  }

  @Test
  void undecodableBytesRefuseOnlyTheirRowNamingTheColumn() throws Exception {
    CsvIntakeNode node = node(properties()).start();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(cp932(HEADER, row("U-1", "demo-ku", "正常商事", "1")));
    // 0x85 0x40 is not a character of windows-31j
    file.write(cp932Bytes("road-occupancy-permit,demo-ku,2026-11-30,"));
    file.write(new byte[] {(byte) 0x85, 0x40});
    file.write(cp932Bytes("壊れ商事,,info@example.jp,U-2,区道1号,1\r\n"));
    file.write(cp932(null, row("U-3", "demo-ku", "後続商事", "1")));
    drop("broken-bytes.csv", file.toByteArray());

    awaitFailed("broken-bytes.csv");
    assertThat(platform.calls).extracting(FakeBatchApplications.Call::externalId).containsExactly("U-1", "U-3");
    assertThat(report("broken-bytes.csv", WINDOWS_31J)).containsExactly(RejectionReport.HEADER,
        "3,\"applicantName\",,\"文字コード Shift_JIS（windows-31j） として読めない文字（バイト）があります。この行は取り込んでいません。\"");
    assertThat(node.rows("rejected")).isOne();
    assertThat(node.rows("registered")).isEqualTo(2);
  }

  @Test
  void poisonRowsGoToTheReportAndTheGoodRowsProceed() throws Exception {
    node(properties()).start();
    drop("poison.csv", utf8(HEADER,
        row("P-1", "demo-ku", "良品商会", "1"),
        "road-occupancy-permit,demo-ku,2026-11-30,列不足商会",
        row("P-3", "demo-ku", "", "1"),
        row("", "demo-ku", "識別子なし", "1"),
        "road-occupancy-permit,demo-ku,2026-11-30,\"引用\"符後,,info@example.jp,P-5,区道1号,1",
        row("P-6", "demo-ku", "=HYPERLINK(\"\"x\"\")", "abc"),
        row("P-7", "demo-ku", "最後の良品", "2")));

    awaitFailed("poison.csv");
    assertThat(platform.registrations).containsOnlyKeys("svc-municipal-csv-intake/demo-ku/P-1",
        "svc-municipal-csv-intake/demo-ku/P-7");
    assertThat(report("poison.csv", StandardCharsets.UTF_8)).containsExactly(RejectionReport.HEADER,
        "3,,,\"列の数が見出し行と違います（見出し行 9 列、この行 4 列）。\"",
        "4,\"applicantName\",\"P-3\",\"申請者の氏名・名称を入力してください。\"",
        "5,\"externalId\",,\"externalId（行の識別子）がありません。\"",
        "6,\"applicantName\",,\"引用符（\"\"）で囲んだ値の後に文字があります\"",
        "7,\"occupancyArea\",\"P-6\",\"「占用面積（平方メートル）」は0〜1兆の数値で入力してください。\"");
  }

  @Test
  void aRowNamingAnotherTenantThanItsInboxIsRefusedWithoutReachingThePlatformAndTheFileMayComeAgain()
      throws Exception {
    // review F18: デモ区's ward system writes into デモ区's inbox rows for デモ市 (served by the same identity) and
    // for a tenant nobody serves; only the inbox's own tenant is registered
    node(properties()).start();
    drop("tenants.csv", utf8(HEADER, row("T-1", "demo-ku", "担当内", "1"), row("T-2", "other-mura", "担当外", "1"),
        row("T-3", "demo-shi", "株式会社デモ建設", "12.5")));

    awaitFailed("tenants.csv");
    assertThat(platform.calls).extracting(FakeBatchApplications.Call::externalId).containsExactly("T-1");
    assertThat(platform.calls).extracting(FakeBatchApplications.Call::tenantId).containsOnly("demo-ku");
    assertThat(report("tenants.csv", StandardCharsets.UTF_8)).contains(
        "3,\"tenantId\",\"T-2\",\"この行の tenantId「other-mura」は、ファイルを受け取った受信フォルダーの自治体「demo-ku」と違い"
            + "ます。他の自治体の申請は、その自治体の受信フォルダーからしか登録できません。この行は取り込んでいません。\"",
        "4,\"tenantId\",\"T-3\",\"この行の tenantId「demo-shi」は、ファイルを受け取った受信フォルダーの自治体「demo-ku」と違い"
            + "ます。他の自治体の申請は、その自治体の受信フォルダーからしか登録できません。この行は取り込んでいません。\"");

    // the same file again: taken again, its registered row found registered, the others refused again
    Files.delete(failedReport("tenants.csv"));
    Files.move(exchange.resolve("demo-ku/failed/tenants.csv"), exchange.resolve("demo-ku/inbox/.back"));
    Files.move(exchange.resolve("demo-ku/inbox/.back"), exchange.resolve("demo-ku/inbox/tenants.csv"));
    awaitFailed("tenants.csv");
    assertThat(platform.calls).extracting(FakeBatchApplications.Call::externalId).containsExactly("T-1", "T-1");
    assertThat(platform.registrations.get("svc-municipal-csv-intake/demo-ku/T-1").get()).isOne();
  }

  @Test
  void eachTenantsInboxRegistersForItsTenantAndAFolderOfATenantNotServedIsNotRead() throws Exception {
    node(properties()).start();
    drop("demo-shi", "shi.csv", utf8(HEADER, row("S-1", "demo-shi", "市道商事", "3")));
    drop("other-mura", "mura.csv", utf8(HEADER, row("M-1", "other-mura", "村道商事", "3")));
    drop("ku.csv", utf8(HEADER, row("K-1", "demo-ku", "区道商事", "3")));

    awaitDone("ku.csv");
    await().atMost(WAIT).until(() -> done("demo-shi").contains("shi.csv"));
    assertThat(platform.registrations).containsOnlyKeys("svc-municipal-csv-intake/demo-shi/S-1",
        "svc-municipal-csv-intake/demo-ku/K-1");
    assertThat(exchange.resolve("other-mura/inbox/mura.csv")).exists();
    assertThat(exchange.resolve("demo-shi/failed")).doesNotExist();
  }

  @Test
  void aRefusedArrivalDateIsReportedInItsColumn() throws Exception {
    node(properties()).start();
    drop("dates.csv", utf8(HEADER, row("D-1", "demo-ku", "未来日付", "1").replace("2026-11-30", "2099-12-31")));

    awaitFailed("dates.csv");
    assertThat(report("dates.csv", StandardCharsets.UTF_8)).contains(
        "2,\"receivedOn\",\"D-1\",\"到達日に未来の日付は指定できません。\"");
  }

  @Test
  void aHeaderWithoutTheStandardColumnsFailsTheWholeFile() throws Exception {
    node(properties()).start();
    drop("no-id.csv", utf8("procedureCode,tenantId,receivedOn,applicantName,corporateNumber,email,roadName",
        "road-occupancy-permit,demo-ku,2026-11-30,見出し不足,,info@example.jp,区道1号"));
    drop("empty.csv", new byte[0]);

    awaitFailed("no-id.csv");
    awaitFailed("empty.csv");
    assertThat(platform.calls).isEmpty();
    assertThat(report("no-id.csv", StandardCharsets.UTF_8)).contains(
        "1,\"externalId\",,\"見出し行に必須の列「externalId」がありません。ファイル全体を取り込んでいません。\"");
    assertThat(report("empty.csv", StandardCharsets.UTF_8)).contains(",,,\"ファイルが空です（見出し行がありません）。\"");
  }

  // --- files delivered twice ---------------------------------------------------------------------------------

  @Test
  void theSameFileAgainRegistersNothingAndIsReportedAsADuplicate() throws Exception {
    CsvIntakeNode node = node(properties()).start();
    byte[] content = utf8(HEADER, row("R-1", "demo-ku", "一度だけ", "1"), row("R-2", "demo-ku", "一度だけ", "1"));
    drop("first.csv", content);
    awaitDone("first.csv");
    drop("first-again.csv", content); // another name, same content
    awaitFailed("first-again.csv");
    drop("first.csv", content); // and the same name again
    awaitFailed("first.csv");

    assertThat(platform.calls).hasSize(2);
    assertThat(report("first-again.csv", StandardCharsets.UTF_8).get(1))
        .contains("取込済みのファイル「first.csv」と同じ内容です", "重複のため、行は登録していません");
    assertThat(node.files("duplicate")).isEqualTo(2);
    // rows sent again in another file are found registered, not registered twice
    drop("resent.csv", utf8(HEADER, row("R-1", "demo-ku", "一度だけ", "1"), row("R-3", "demo-ku", "新規", "1")));
    awaitDone("resent.csv");
    assertThat(platform.registrations.values()).allSatisfy(count -> assertThat(count.get()).isOne());
    assertThat(node.rows("replayed")).isOne();
  }

  // --- the dead-letter path ----------------------------------------------------------------------------------

  @Test
  void aTechnicalFaultGoesToTheDeadLetterVisiblyAndTheFileCanBeDroppedAgain() throws Exception {
    AtomicInteger faults = new AtomicInteger(1);
    BatchApplicationGateway flaky = (user, tenant, id, row) -> {
      if (id.equals("F-2") && faults.getAndDecrement() > 0) {
        throw new IllegalStateException("connection to the platform database refused");
      }
      return platform.submitRow(user, tenant, id, row);
    };
    CsvIntakeNode node = node(properties(), flaky);
    AdviceWith.adviceWith(node.camel, MunicipalCsvIntakeRoute.DEAD_LETTER_ROUTE_ID,
        route -> route.weaveAddLast().to("mock:dead-letter"));
    node.start();
    MockEndpoint deadLetters = node.camel.getEndpoint("mock:dead-letter", MockEndpoint.class);
    deadLetters.expectedMessageCount(1);
    deadLetters.expectedHeaderReceived("CamelFileNameOnly", "fault.csv");
    byte[] content = utf8(HEADER, row("F-1", "demo-ku", "前", "1"), row("F-2", "demo-ku", "障害", "1"),
        row("F-3", "demo-ku", "後", "1"));
    drop("fault.csv", content);

    deadLetters.assertIsSatisfied(WAIT.toMillis());
    awaitFailed("fault.csv");
    assertThat(report("fault.csv", StandardCharsets.UTF_8).get(1)).contains("技術的なエラーで取込が途中で止まりました",
        "受信フォルダーへ戻してください");
    // recorded through the routes' DeadLetterStore (what the operations view lists), with the node's name
    assertThat(node.deadLetters.newest(MunicipalCsvIntakeRoute.ROUTE_ID, 10)).singleElement().satisfies(letter -> {
      assertThat(letter.payloadRef()).isEqualTo("fault.csv");
      assertThat(letter.node()).isEqualTo("node-0");
      assertThat(letter.reason()).contains("IllegalStateException", "connection to the platform database refused");
    });
    assertThat(node.files("dead-letter")).isOne();
    assertThat(platform.registrations).containsOnlyKeys("svc-municipal-csv-intake/demo-ku/F-1");

    // the operator drops it again once the fault is gone: the first row is not registered twice
    Files.delete(failedReport("fault.csv"));
    Files.move(exchange.resolve("demo-ku/failed/fault.csv"), exchange.resolve("fault-retry.tmp"));
    Files.move(exchange.resolve("fault-retry.tmp"), exchange.resolve("demo-ku/inbox/fault.csv"));
    awaitDone("fault.csv");
    assertThat(platform.registrations).hasSize(3).allSatisfy((key, count) -> assertThat(count.get()).isOne());
    assertThat(node.rows("replayed")).isOne();
  }

  @Test
  void theRoutesDeadLettersAreBoundedLikeEveryRoutesAndTheFileLedgerSaysDeadLetter() throws Exception {
    BatchApplicationGateway down = (user, tenant, id, row) -> {
      throw new IllegalStateException("platform unavailable for " + id);
    };
    CsvIntakeNode node = CsvIntakeNode.create(database, down, properties(), 2);
    nodes.add(node);
    node.start();
    for (int f = 1; f <= 3; f++) {
      drop("down-" + f + ".csv", utf8(HEADER, row("DL-" + f, "demo-ku", "障害" + f, "1")));
      awaitFailed("down-" + f + ".csv");
      Thread.sleep(5); // distinct times: the store keeps the newest
    }

    // the store keeps the newest two of this route; the ledger knows each file was stopped by a fault
    assertThat(node.deadLetters.count(MunicipalCsvIntakeRoute.ROUTE_ID)).isEqualTo(2);
    assertThat(node.deadLetters.newest(MunicipalCsvIntakeRoute.ROUTE_ID, 10))
        .extracting(jp.tetsuzuki.integrations.operations.DeadLetter::payloadRef)
        .containsExactly("down-3.csv", "down-2.csv");
    assertThat(ledgerStatus("down-1.csv")).isEqualTo("dead-letter");
    assertThat(node.files("dead-letter")).isEqualTo(3);
  }

  // --- two nodes, one inbox, one database --------------------------------------------------------------------

  @Test
  void twoNodesOnOneDatabaseRegisterEveryRowOfEveryFileExactlyOnce() throws Exception {
    MunicipalCsvProperties properties = properties();
    node(properties, platform.as("a")).start();
    node(properties, platform.as("b")).start();
    List<String> names = new ArrayList<>();
    for (int f = 0; f < 12; f++) {
      List<String> rows = new ArrayList<>();
      String tenant = f % 3 == 0 ? "demo-shi" : "demo-ku";
      for (int r = 0; r < 40; r++) {
        rows.add(row("N-" + f + "-" + r, tenant, "申請者" + r, String.valueOf(r + 1)));
      }
      names.add(tenant + "/both-" + f + ".csv");
      drop(tenant, "both-" + f + ".csv", f % 2 == 0 ? cp932(HEADER, rows.toArray(String[]::new))
          : utf8(HEADER, rows.toArray(String[]::new)));
    }

    await().atMost(Duration.ofSeconds(90)).until(() -> done("demo-ku").size() + done("demo-shi").size()
        == names.size());
    assertThat(Stream.concat(done("demo-ku").stream().map(n -> "demo-ku/" + n),
        done("demo-shi").stream().map(n -> "demo-shi/" + n))).containsExactlyInAnyOrderElementsOf(names);
    assertThat(platform.registrations).hasSize(12 * 40)
        .allSatisfy((key, count) -> assertThat(count.get()).as(key).isOne());
    // each row reached the platform once: no node took a file another node was working on or had finished
    assertThat(platform.calls).hasSize(12 * 40);
    assertThat(Files.exists(exchange.resolve("demo-ku/failed"))).isFalse();
    assertThat(Files.exists(exchange.resolve("demo-shi/failed"))).isFalse();
  }

  @Test
  void aNodeThatStopsBetweenClaimingAFileAndFinishingItLeavesItToTheOtherNodeAndNoRowIsRegisteredTwice()
      throws Exception {
    MunicipalCsvProperties properties = properties(Duration.ofSeconds(3), Duration.ofMillis(500));
    CountDownLatch aIsStuck = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger aRows = new AtomicInteger();
    BatchApplicationGateway dying = (user, tenant, id, row) -> {
      if (aRows.incrementAndGet() > 5) {
        aIsStuck.countDown();
        try {
          never.await(); // node A's process hangs here, then dies: it never goes on with this file
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
    drop("crash.csv", cp932(HEADER, rows.toArray(String[]::new)));
    assertThat(aIsStuck.await(30, TimeUnit.SECONDS)).as("node A claimed the file and registered 5 rows").isTrue();
    // node A stops refreshing its claim (its JVM is gone); node B starts polling the same inbox
    a.claims.getProcessorNameMessageIdSet().clear();
    CsvIntakeNode b = node(properties, platform.as("b")).start();

    awaitDone("crash.csv");
    assertThat(platform.registrations).hasSize(30).allSatisfy((key, count) -> assertThat(count.get()).isOne());
    assertThat(platform.calls.stream().filter(c -> c.node().equals("a"))).hasSize(5);
    // node B found A's five rows registered and registered the other 25
    assertThat(b.rows("replayed")).isEqualTo(5);
    assertThat(b.rows("registered")).isEqualTo(25);
    assertThat(ledgerStatus("crash.csv")).isEqualTo("done");
    never.countDown();
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  private MunicipalCsvProperties properties() {
    return properties(Duration.ofMinutes(2), Duration.ofSeconds(30));
  }

  private MunicipalCsvProperties properties(Duration expiry, Duration keepAlive) {
    return new MunicipalCsvProperties(exchange.toString(), "svc-municipal-csv-intake", List.of("demo-ku", "demo-shi"),
        org.springframework.util.unit.DataSize.ofMegabytes(10), 1000, 65536, Duration.ofMillis(200), expiry,
        keepAlive, Duration.ofMillis(500), "node-" + nodes.size());
  }

  private CsvIntakeNode node(MunicipalCsvProperties properties) throws Exception {
    return node(properties, platform);
  }

  private CsvIntakeNode node(MunicipalCsvProperties properties, BatchApplicationGateway gateway) throws Exception {
    CsvIntakeNode node = CsvIntakeNode.create(database, gateway, properties);
    nodes.add(node);
    return node;
  }

  static String row(String externalId, String tenant, String applicant, String area) {
    return "road-occupancy-permit," + tenant + ",2026-11-30," + applicant + ",,info@example.jp," + externalId
        + ",区道1号," + area;
  }

  static byte[] utf8(String header, String... rows) {
    return lines(header, rows).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] cp932(String header, String... rows) {
    return cp932Bytes(lines(header, rows));
  }

  static byte[] cp932Bytes(String text) {
    return text.getBytes(WINDOWS_31J);
  }

  private static String lines(String header, String... rows) {
    StringBuilder out = new StringBuilder();
    if (header != null) {
      out.append(header).append("\r\n");
    }
    for (String row : rows) {
      out.append(row).append("\r\n");
    }
    return out.toString();
  }

  private void drop(String name, byte[] content) throws IOException {
    drop("demo-ku", name, content);
  }

  /** Drops a file into the tenant's own inbox, as its ward system does. */
  private void drop(String tenant, String name, byte[] content) throws IOException {
    Path inbox = Files.createDirectories(exchange.resolve(tenant).resolve("inbox"));
    Path temp = inbox.resolve("." + name + ".tmp");
    Files.write(temp, content);
    Files.move(temp, inbox.resolve(name));
  }

  private void awaitDone(String name) {
    await().atMost(WAIT).until(() -> Files.exists(exchange.resolve("demo-ku/done").resolve(name)));
  }

  private void awaitFailed(String name) {
    await().atMost(WAIT).until(() -> Files.exists(exchange.resolve("demo-ku/failed").resolve(name)));
  }

  private Path failedReport(String name) {
    return exchange.resolve("demo-ku/failed").resolve(name + RejectionReport.SUFFIX);
  }

  private List<String> report(String name, Charset charset) throws IOException {
    String text = new String(Files.readAllBytes(failedReport(name)), charset);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return List.of(text.split("\r\n"));
  }

  private List<String> done() throws IOException {
    return done("demo-ku");
  }

  private List<String> done(String tenant) throws IOException {
    Path folder = exchange.resolve(tenant).resolve("done");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
    }
  }

  private String ledgerStatus(String name) {
    return jdbc.queryForObject("SELECT status FROM tz_municipal_csv_file WHERE file_name = ?", String.class, name);
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
