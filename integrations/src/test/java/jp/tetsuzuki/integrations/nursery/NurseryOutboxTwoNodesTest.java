package jp.tetsuzuki.integrations.nursery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.nursery.NurseryProperties.FacilityEntry;
import jp.tetsuzuki.integrations.nursery.NurseryProperties.NurserySystem;
import jp.tetsuzuki.integrations.nursery.demo.NurserySimulator;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Two engine nodes (two Camel contexts, each with its own outbox claims) on one database — PostgreSQL when
 * {@code DB_URL} names one, as in the database test run; H2 otherwise — deliver every outbox message exactly once:
 * each message is requested once (no node sends what the other claimed), also when a third node claimed messages and
 * stopped before sending them (its claims expire after the lease and the live nodes send them).
 */
class NurseryOutboxTwoNodesTest {

  static final int MESSAGES = 200;

  private DataSource database;
  private JdbcTemplate jdbc;
  private NurserySimulator simulator;
  private final List<CamelContext> nodes = new ArrayList<>();
  private final String prefix = "two-nodes-" + UUID.randomUUID() + ":";

  @BeforeEach
  void setUp() throws Exception {
    String url = System.getenv("DB_URL");
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      pg.setUser(System.getenv().getOrDefault("DB_USER", "postgres"));
      pg.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
      // a schema of its own: the platform's Flyway migrations own the public schema's tables
      try (var connection = pg.getConnection(); var statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS tz_nursery_route_test");
      }
      pg.setCurrentSchema("tz_nursery_route_test");
      database = pg;
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:nursery-nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      database = h2;
    }
    try (var connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("nursery/schema.sql"));
    }
    jdbc = new JdbcTemplate(database);
    // earlier runs' messages of this test stay delivered; nothing else may be pending for the test's system
    jdbc.update("UPDATE tz_nursery_outbox SET status = 'delivered' WHERE status IN ('pending', 'sending')");
    simulator = new NurserySimulator(0);
  }

  @AfterEach
  void tearDown() {
    nodes.forEach(CamelContext::stop);
    simulator.close();
  }

  @Test
  void twoNodesDeliverEveryMessageOnceAlsoThoseAStoppedNodeHadClaimed() throws Exception {
    NurseryProperties properties = properties();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      String key = prefix + i;
      keys.add(key);
      NurseryRoutesTest.enqueue(jdbc, key, i % 2 == 0 ? "offer" : "enrollment", "ku-system",
          UUID.randomUUID().toString());
    }
    // a node that claimed 15 messages and stopped before sending any
    NurseryOutbox crashed = new NurseryOutbox(database, Clock.systemUTC(), "crashed-node");
    assertThat(crashed.claimDue(15, properties.lease())).hasSize(15);

    node(properties);
    node(properties);

    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM tz_nursery_outbox "
        + "WHERE idempotency_key LIKE ? AND status = 'delivered'", Integer.class, prefix + "%") == MESSAGES);

    Map<String, Long> requestsPerKey = simulator.requests().stream().map(r -> r.substring(r.lastIndexOf(' ') + 1))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(requestsPerKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(requestsPerKey.values()).allMatch(n -> n == 1);
    assertThat(simulator.deliveries()).hasSize(MESSAGES);
    // both live nodes delivered some (claimed_by names the node that delivered), the stopped one none
    assertThat(jdbc.queryForList("SELECT DISTINCT claimed_by FROM tz_nursery_outbox WHERE idempotency_key LIKE ?",
        String.class, prefix + "%")).containsExactlyInAnyOrder("node-0", "node-1");
  }

  private NurseryProperties properties() {
    return new NurseryProperties(List.of(new NurserySystem("ku-system", "demo-ku", "デモ区", simulator.baseUrl(),
        "nursery-ku", false, List.of(new FacilityEntry("minami", "南保育園")))), Duration.ofHours(1),
        Duration.ofHours(1), Duration.ofMillis(50), 10, 3, Duration.ofMillis(100), Duration.ofMillis(400),
        Duration.ofSeconds(1), Duration.ofSeconds(5));
  }

  private void node(NurseryProperties properties) throws Exception {
    CamelContext camel = new DefaultCamelContext();
    camel.getShutdownStrategy().setTimeout(2);
    CloseableHttpClient client = NurseryConfiguration.httpClient(properties);
    camel.getRegistry().bind(NurseryConfiguration.HTTP_CLIENT, client);
    String node = "node-" + nodes.size();
    camel.addRoutes(new NurseryOutboxRoute(properties, new NurserySystems(properties.systems()),
        new NurseryOutbox(database, Clock.systemUTC(), node), new DeadLetterStore(database, Clock.systemUTC(), 100,
            node), () -> null, Clock.systemUTC()));
    camel.start();
    nodes.add(camel);
  }
}
