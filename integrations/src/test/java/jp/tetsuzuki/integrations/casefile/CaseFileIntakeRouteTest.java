package jp.tetsuzuki.integrations.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The route with a fake engine: what it starts, as whom, and what happens to the file; and the file claims of two
 * nodes on one database, including a node that crashed after claiming a file.
 */
class CaseFileIntakeRouteTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path inbox;
  private DataSource database;
  private JdbcTemplate jdbc;
  private final FakeProcessGateway gateway = new FakeProcessGateway(Set.of("demo-ku", "demo-shi"));
  private final List<IntakeNode> nodes = new java.util.ArrayList<>();

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:intake-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    database = h2;
    jdbc = new JdbcTemplate(database);
    try (var connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("casefile/file-claims.sql"));
    }
  }

  @AfterEach
  void stop() {
    nodes.forEach(IntakeNode::close);
  }

  @Test
  void anAllowListedCaseStartsAsTheServiceIdentityAndTheFileMovesToDone() throws Exception {
    node(properties(List.of("connectivity-check")));
    drop("ok.json", file("connectivity-check", "demo-ku", "REF-1"));

    awaitIn(".done", "ok.json");
    assertThat(gateway.calls).singleElement().satisfies(call -> {
      assertThat(call.serviceUser()).isEqualTo("svc-case-file-intake");
      assertThat(call.processKey()).isEqualTo("connectivity-check");
      assertThat(call.tenantId()).isEqualTo("demo-ku");
      assertThat(call.businessKey()).isEqualTo("REF-1");
      assertThat(call.variables()).containsEntry("message", "疎通");
    });
    await().atMost(WAIT).untilAsserted(() -> assertThat(claimRows()).isZero());
  }

  @Test
  void attackAModelOffTheAllowListStartsNothing() throws Exception {
    node(properties(List.of("connectivity-check")));
    drop("apply.json", file("administrative-procedure", "demo-ku", "REF-2"));
    drop("other.json", file("contract-payment", "demo-ku", "REF-3"));

    awaitIn(".error", "apply.json.reason.txt");
    awaitIn(".error", "other.json.reason.txt");
    assertThat(gateway.calls).isEmpty();
    assertThat(reason("apply.json")).contains("取込に失敗しました", "処理キー「administrative-procedure」",
        "ファイル取込で開始できません", "connectivity-check");
    assertThat(reason("other.json")).contains("処理キー「contract-payment」");
    assertThat(inbox.resolve("cases/.error/apply.json")).exists();
  }

  @Test
  void anApplicationFileGoesToTheApplicationServiceNotToABareStart() throws Exception {
    node(properties(List.of("connectivity-check", "administrative-procedure")));
    drop("apply.json", "{\"processKey\":\"administrative-procedure\",\"tenantId\":\"demo-ku\",\"businessKey\":"
        + "\"REF-9\",\"variables\":{\"procedureCode\":\"road-occupancy-permit\",\"applicant\":{\"name\":\"区道工業\"}}}");

    awaitIn(".done", "apply.json");
    assertThat(gateway.calls).singleElement().satisfies(call -> {
      assertThat(call.processKey()).isEqualTo(FakeProcessGateway.APPLICATION);
      assertThat(call.serviceUser()).isEqualTo("svc-case-file-intake");
      assertThat(call.businessKey()).isEqualTo("REF-9");
      assertThat(call.variables()).containsEntry("procedureCode", "road-occupancy-permit");
    });
  }

  @Test
  void attackBATenantTheIdentityDoesNotServeStartsNothing() throws Exception {
    node(properties(List.of("connectivity-check")));
    drop("foreign.json", file("connectivity-check", "other-mura", "REF-4"));

    awaitIn(".error", "foreign.json.reason.txt");
    assertThat(gateway.started()).isZero();
    assertThat(reason("foreign.json")).contains("テナント「other-mura」を担当していない");
  }

  @Test
  void aFileAgainAfterItsCaseStartedStartsNothingAndMovesToDone() throws Exception {
    node(properties(List.of("connectivity-check")));
    drop("first.json", file("connectivity-check", "demo-ku", "REF-5"));
    awaitIn(".done", "first.json");
    drop("again.json", file("connectivity-check", "demo-ku", "REF-5"));
    awaitIn(".done", "again.json");

    assertThat(gateway.calls).hasSize(2);
    assertThat(gateway.started()).isOne();
    assertThat(inbox.resolve("cases/.error")).doesNotExist();
  }

  @Test
  void aFileThatIsNotACaseGoesToErrorWithAReason() throws Exception {
    node(properties(List.of("connectivity-check")));
    drop("broken.json", "{\"processKey\":\"connectivity-check\",\"tenantId\":\"demo-ku\"}");

    drop("garbage.json", "これはJSONではない");

    awaitIn(".error", "broken.json.reason.txt");
    awaitIn(".error", "garbage.json.reason.txt");
    assertThat(reason("broken.json")).contains("businessKey がありません").doesNotContain("jp.tetsuzuki");
    assertThat(reason("garbage.json")).contains("ケースファイルのJSONが読めません").doesNotContain("com.fasterxml");
    assertThat(gateway.calls).isEmpty();
  }

  @Test
  void attackETwoNodesOnOneDatabaseTakeEachFileOnce() throws Exception {
    CaseFileIntakeProperties properties = properties(List.of("connectivity-check"));
    node(properties);
    node(properties);
    List<String> names = IntStream.range(0, 20).mapToObj(i -> "both-" + i + ".json").toList();
    for (int i = 0; i < names.size(); i++) {
      drop(names.get(i), file("connectivity-check", i % 2 == 0 ? "demo-ku" : "demo-shi", "REF-E-" + i));
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> done().size() == names.size());
    assertThat(done()).containsExactlyInAnyOrderElementsOf(names);
    // each file reached the engine once: no node took a file another node was working on or had finished
    assertThat(gateway.calls).hasSize(names.size());
    assertThat(inbox.resolve("cases/.error")).doesNotExist();
  }

  @Test
  void attackFAFileClaimedByACrashedNodeIsTakenAgainOnceItsClaimExpired() throws Exception {
    Path file = drop("orphan.json", file("connectivity-check", "demo-shi", "REF-F"));
    // a node claimed the file and died before its work: the claim stays and is never refreshed
    jdbc.update("INSERT INTO tz_case_file_lock (processorName, messageId, createdAt) VALUES (?, ?, ?)",
        CaseFileIntakeRoute.ROUTE_ID, keyOf(file), new Timestamp(System.currentTimeMillis()));

    node(new CaseFileIntakeProperties(List.of("connectivity-check"), "svc-case-file-intake", List.of(),
        Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ZERO));

    // while the claim is fresh the file belongs to the crashed node
    Thread.sleep(1500);
    assertThat(file).exists();
    assertThat(gateway.calls).isEmpty();
    // after the expiry this node takes it, once
    awaitIn(".done", "orphan.json");
    assertThat(gateway.calls).singleElement().extracting(FakeProcessGateway.Call::businessKey)
        .isEqualTo("REF-F");
    await().atMost(WAIT).untilAsserted(() -> assertThat(claimRows()).isZero());
  }

  @Test
  void aClaimTakenOverFromACrashedNodeIsKeptAliveWhileTheNewNodeWorks() throws Exception {
    CaseFileIntakeProperties properties = new CaseFileIntakeProperties(List.of("connectivity-check"),
        "svc-case-file-intake", List.of(), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ZERO);
    IntakeNode a = node(properties);
    IntakeNode b = node(properties);
    jdbc.update("INSERT INTO tz_case_file_lock (processorName, messageId, createdAt) VALUES (?, ?, ?)",
        CaseFileIntakeRoute.ROUTE_ID, "slow.json-1-1", new Timestamp(System.currentTimeMillis() - 60_000));

    assertThat(a.claims.add("slow.json-1-1")).as("node A takes the orphan").isTrue();
    assertThat(b.claims.add("slow.json-1-1")).as("node B while A works").isFalse();
    Thread.sleep(2500); // longer than the expiry: A's refresh must have kept its claim
    assertThat(b.claims.add("slow.json-1-1")).as("node B after the expiry while A still works").isFalse();
    a.claims.remove("slow.json-1-1");
    assertThat(b.claims.add("slow.json-1-1")).as("node B once A is done").isTrue();
  }

  private IntakeNode node(CaseFileIntakeProperties properties) throws Exception {
    IntakeNode node = IntakeNode.start(inbox, database, gateway, properties);
    nodes.add(node);
    return node;
  }

  private static CaseFileIntakeProperties properties(List<String> processKeys) {
    return new CaseFileIntakeProperties(processKeys, "svc-case-file-intake", List.of(), Duration.ofMinutes(2),
        Duration.ofSeconds(30), Duration.ofSeconds(1));
  }

  private static String file(String processKey, String tenantId, String businessKey) {
    return "{\"processKey\":\"" + processKey + "\",\"tenantId\":\"" + tenantId + "\",\"businessKey\":\""
        + businessKey + "\",\"variables\":{\"message\":\"疎通\"}}";
  }

  private Path drop(String name, String json) throws IOException {
    Path cases = Files.createDirectories(inbox.resolve("cases"));
    Path temp = cases.resolve("." + name + ".tmp");
    Files.writeString(temp, json, StandardCharsets.UTF_8);
    return Files.move(temp, cases.resolve(name));
  }

  /** The route's idempotentKey: {@code ${file:name}-${file:size}-${file:modified}}. */
  private static String keyOf(Path file) throws IOException {
    return file.getFileName() + "-" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis();
  }

  private void awaitIn(String folder, String name) {
    await().atMost(WAIT).until(() -> Files.exists(inbox.resolve("cases").resolve(folder).resolve(name)));
  }

  private String reason(String name) throws IOException {
    return Files.readString(inbox.resolve("cases/.error/" + name + ".reason.txt"), StandardCharsets.UTF_8);
  }

  private List<String> done() throws IOException {
    Path folder = inbox.resolve("cases/.done");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private int claimRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM tz_case_file_lock", Integer.class);
  }
}
