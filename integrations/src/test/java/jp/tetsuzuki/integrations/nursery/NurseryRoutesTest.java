package jp.tetsuzuki.integrations.nursery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.IntegrationsAutoConfiguration;
import jp.tetsuzuki.integrations.nursery.NurseryProperties.FacilityEntry;
import jp.tetsuzuki.integrations.nursery.NurseryProperties.NurserySystem;
import jp.tetsuzuki.integrations.nursery.demo.NurserySimulator;
import jp.tetsuzuki.integrations.operations.DeadLetter;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.operations.OperationsConfiguration;
import jp.tetsuzuki.integrations.operations.RouteOperations;
import jp.tetsuzuki.integrations.port.NurseryCapacityGateway;
import jp.tetsuzuki.integrations.port.NurseryDeliveryIncidents;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The nursery system routes against the simulator of a nursery ICT system (README "Nursery ICT systems"; domain
 * childcare.md, 保活ワンストップ: places in from the nursery systems, results and enrollments back): the scheduled
 * pull as the system's account, the same answer twice as one snapshot, an answer the service refuses and an outage
 * (retries, then a dead letter, nothing stored); the outbox delivered once with its Idempotency-Key, retried with
 * backoff and then given up visibly (failed row, dead letter, incident on the case), the system refusing, a message
 * resent after a crash answered as a replay (one delivery), a facility without a system.
 */
@CamelSpringBootTest
@SpringBootTest(classes = NurseryRoutesTest.App.class, properties = {
    "tetsuzuki.integrations.nursery.pull-delay=1h",
    "tetsuzuki.integrations.nursery.pull-initial-delay=0s",
    "tetsuzuki.integrations.nursery.outbox-delay=100ms",
    "tetsuzuki.integrations.nursery.retry-delay=100ms",
    "tetsuzuki.integrations.nursery.max-retry-delay=400ms",
    "tetsuzuki.integrations.nursery.max-attempts=3",
    "tetsuzuki.integrations.nursery.lease=2s",
    "tetsuzuki.integrations.nursery.timeout=2s",
    "camel.main.name=nursery-test"})
class NurseryRoutesTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final NurserySimulator SIMULATOR = simulator();
  static final FakeCapacities CAPACITIES = new FakeCapacities(Set.of("minami", "kita"));
  static final List<String[]> INCIDENTS = new CopyOnWriteArrayList<>();

  private static NurserySimulator simulator() {
    try {
      NurserySimulator simulator = new NurserySimulator(0);
      standardPlaces(simulator);
      return simulator;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void standardPlaces(NurserySimulator simulator) {
    simulator.clearCapacities();
    simulator.capacities("minami", "2027-04", 3, 5, 6, 6, 4, 4);
    simulator.capacities("kita", "2027-04", 0, 2, 2, 1, 0, 0);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration(exclude = IntegrationsAutoConfiguration.class)
  @EnableConfigurationProperties(NurseryProperties.class)
  @Import({NurseryConfiguration.class, NurseryOutboxRoute.class, NurseryCapacityPullRoute.class,
      OperationsConfiguration.class})
  static class App {
    @Bean
    @Primary
    NurserySystems simulatedSystems() {
      return new NurserySystems(List.of(
          new NurserySystem("ku-system", "demo-ku", "デモ区 保育施設システム", SIMULATOR.baseUrl() + "/", "nursery-ku",
              true, List.of(new FacilityEntry("minami", "南保育園"), new FacilityEntry("kita", "北保育園"))),
          new NurserySystem("no-url", "demo-ku", "URLのないシステム", null, "nursery-none", false, List.of())));
    }

    @Bean
    NurseryCapacityGateway capacities() {
      return CAPACITIES;
    }

    @Bean
    NurseryDeliveryIncidents incidents() {
      return (tenant, application, outboxId, kind, reason) -> INCIDENTS.add(
          new String[] {tenant, application, outboxId, kind, reason});
    }

    @Bean
    DataSource dataSource() throws Exception {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:nursery-routes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      try (var connection = h2.getConnection()) {
        ScriptUtils.executeSqlScript(connection, new ClassPathResource("nursery/schema.sql"));
      }
      return h2;
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Autowired ProducerTemplate producer;
  @Autowired DataSource dataSource;
  @Autowired DeadLetterStore deadLetters;
  @Autowired RouteOperations operations;
  @Autowired MeterRegistry meters;
  JdbcTemplate jdbc;

  @BeforeEach
  void reset() {
    jdbc = new JdbcTemplate(dataSource);
    // the scheduled pull runs once as the context starts (initial delay 0): let it finish before a test arms the
    // simulator's failures, or it takes them (a full run saw the enrollment's one failure used by that pull)
    await().atMost(WAIT).until(() -> !CAPACITIES.calls.isEmpty());
    SIMULATOR.reset();
    standardPlaces(SIMULATOR);
  }

  @AfterAll
  static void close() {
    SIMULATOR.close();
  }

  // --- capacities in -------------------------------------------------------------------------------------------

  @Test
  void theScheduledPullStoresTheSystemsPlacesAsItsOwnAccountForItsTenant() {
    await().atMost(WAIT).until(() -> !CAPACITIES.calls.isEmpty());
    FakeCapacities.Call first = CAPACITIES.calls.get(0);
    assertThat(first.account()).isEqualTo("nursery-ku");
    assertThat(first.tenantId()).isEqualTo("demo-ku");
    assertThat(first.key()).startsWith("pull-").hasSize(5 + 64);
    assertThat(first.entries()).hasSize(12)
        .contains(new NurseryCapacityGateway.Entry("minami", "2027-04", 0, 3),
            new NurseryCapacityGateway.Entry("kita", "2027-04", 3, 1));
    // the system without pull is never asked
    assertThat(CAPACITIES.calls).allMatch(c -> c.account().equals("nursery-ku"));
  }

  @Test
  void theSameAnswerTwiceIsOneSnapshotAndAChangedAnswerIsANewOne() {
    pull();
    pull();
    List<FakeCapacities.Call> calls = List.copyOf(CAPACITIES.calls.subList(CAPACITIES.calls.size() - 2,
        CAPACITIES.calls.size()));
    assertThat(calls.get(0).key()).isEqualTo(calls.get(1).key());
    SIMULATOR.capacity("kita", "2027-04", 0, 1);
    pull();
    assertThat(CAPACITIES.calls.get(CAPACITIES.calls.size() - 1).key()).isNotEqualTo(calls.get(0).key());
  }

  @Test
  void anAnswerTheServiceRefusesIsADeadLetterNamingTheEntry() {
    SIMULATOR.capacity("higashi", "2027-04", 0, 2);
    int before = deadLetters.count(NurseryCapacityPullRoute.SYSTEM_ROUTE_ID);

    pull();

    assertThat(deadLetters.count(NurseryCapacityPullRoute.SYSTEM_ROUTE_ID)).isEqualTo(before + 1);
    DeadLetter letter = deadLetters.newest(NurseryCapacityPullRoute.SYSTEM_ROUTE_ID, 1).get(0);
    assertThat(letter.payloadRef()).isEqualTo("system ku-system");
    assertThat(letter.reason()).contains("capacities[").contains(".facilityId").contains("higashi");
  }

  @Test
  void anAnswerThatIsNoSnapshotIsADeadLetter() {
    SIMULATOR.capacity("minami", "2027-4", 0, 2); // the route reads shape only; the month is the service's check
    pull();
    int before = deadLetters.count(NurseryCapacityPullRoute.SYSTEM_ROUTE_ID);
    SIMULATOR.failNext(1, 200); // an answer "{"error":"failure"}" with status 200: no capacities array
    pull();
    assertThat(deadLetters.count(NurseryCapacityPullRoute.SYSTEM_ROUTE_ID)).isEqualTo(before + 1);
    assertThat(deadLetters.newest(NurseryCapacityPullRoute.SYSTEM_ROUTE_ID, 1).get(0).reason())
        .contains("no array 'capacities'");
  }

  @Test
  void aPullOutageIsRetriedWithBackoffAndThenADeadLetterNothingStored() {
    SIMULATOR.failNext(2, 503);
    int calls = CAPACITIES.calls.size();
    pull();
    assertThat(SIMULATOR.requests()).hasSize(3);
    assertThat(CAPACITIES.calls).hasSize(calls + 1);

    SIMULATOR.reset();
    SIMULATOR.down(true);
    int before = deadLetters.count(NurseryCapacityPullRoute.SYSTEM_ROUTE_ID);
    pull();
    assertThat(SIMULATOR.requests()).hasSize(3); // the first try and max-attempts - 1 = 2 redeliveries
    assertThat(CAPACITIES.calls).hasSize(calls + 1);
    assertThat(deadLetters.count(NurseryCapacityPullRoute.SYSTEM_ROUTE_ID)).isEqualTo(before + 1);
    assertThat(deadLetters.newest(NurseryCapacityPullRoute.SYSTEM_ROUTE_ID, 1).get(0).reason())
        .contains("answered HTTP 503");
  }

  // --- results and enrollments out -----------------------------------------------------------------------------

  @Test
  void anOfferIsDeliveredOnceWithItsIdempotencyKey() {
    String key = "tetsuzuki:demo-ku:offer:round-1:" + UUID.randomUUID();
    String id = enqueue(key, "offer", "ku-system");

    await().atMost(WAIT).until(() -> "delivered".equals(status(id)));

    var deliveries = SIMULATOR.deliveries().stream().filter(d -> d.idempotencyKey().equals(key)).toList();
    assertThat(deliveries).hasSize(1);
    assertThat(deliveries.get(0).path()).isEqualTo("offers");
    assertThat(deliveries.get(0).body().get("facilityId").asText()).isEqualTo("minami");
    assertThat(SIMULATOR.requests()).containsExactly("POST /offers " + key);
    assertThat(row(id)).containsEntry("ATTEMPTS", 1);
  }

  @Test
  void anEnrollmentGoesToTheEnrollmentsEndpointAndATransientFailureIsRetried() {
    SIMULATOR.failNext(1, 500);
    String key = "tetsuzuki:demo-ku:enrollment:" + UUID.randomUUID();
    String id = enqueue(key, "enrollment", "ku-system");

    await().atMost(WAIT).until(() -> "delivered".equals(status(id)));

    assertThat(SIMULATOR.requests()).containsExactly("POST /enrollments " + key, "POST /enrollments " + key);
    assertThat(SIMULATOR.deliveries()).filteredOn(d -> d.idempotencyKey().equals(key)).hasSize(1)
        .allMatch(d -> d.path().equals("enrollments"));
    assertThat(row(id)).containsEntry("ATTEMPTS", 2);
  }

  /** Newcomer review N17: an offer withdrawn or declined after it was sent is told to the facility's system. */
  @Test
  void aWithdrawnOfferGoesToTheOfferWithdrawalsEndpointOnceWithItsKey() {
    String key = "tetsuzuki:demo-ku:offer-withdrawn:round-1:" + UUID.randomUUID();
    String id = enqueue(key, "offer-withdrawn", "ku-system");

    await().atMost(WAIT).until(() -> "delivered".equals(status(id)));

    assertThat(SIMULATOR.requests()).containsExactly("POST /offer-withdrawals " + key);
    assertThat(SIMULATOR.deliveries()).filteredOn(d -> d.idempotencyKey().equals(key)).singleElement()
        .satisfies(d -> {
          assertThat(d.path()).isEqualTo("offer-withdrawals");
          assertThat(d.body().get("facilityId").asText()).isEqualTo("minami");
        });
    assertThat(row(id)).containsEntry("ATTEMPTS", 1);
  }

  @Test
  void anOutageIsRetriedWithBackoffThenGivenUpVisiblyOnTheCase() {
    SIMULATOR.down(true);
    String application = UUID.randomUUID().toString();
    String key = "tetsuzuki:demo-ku:offer:round-2:" + application;
    int before = deadLetters.count(NurseryOutboxRoute.SEND_ROUTE_ID);
    Instant start = Instant.now();
    String id = enqueue(key, "offer", "ku-system", application);

    await().atMost(WAIT).until(() -> "failed".equals(status(id)));

    assertThat(SIMULATOR.requests()).containsExactly("POST /offers " + key, "POST /offers " + key,
        "POST /offers " + key);
    // backoff: 100 ms, then 200 ms between the attempts (polled every 100 ms)
    assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(row(id)).containsEntry("ATTEMPTS", 3);
    assertThat((String) row(id).get("LAST_ERROR")).contains("no delivery after 3 attempts").contains("HTTP 503");
    assertThat(deadLetters.count(NurseryOutboxRoute.SEND_ROUTE_ID)).isEqualTo(before + 1);
    assertThat(deadLetters.newest(NurseryOutboxRoute.SEND_ROUTE_ID, 1).get(0).payloadRef())
        .contains(id).contains(application);
    assertThat(INCIDENTS).anySatisfy(i -> assertThat(i).containsExactly("demo-ku", application, id, "offer",
        "no delivery after 3 attempts (last: HTTP 503)"));
    assertThat(operations.routes()).filteredOn(r -> r.routeId().equals(NurseryOutboxRoute.SEND_ROUTE_ID))
        .singleElement().satisfies(r -> {
          assertThat(r.deadLetters()).isGreaterThanOrEqualTo(1);
          assertThat(r.failuresHandled()).isGreaterThanOrEqualTo(3);
        });
    assertThat(meters.get("tetsuzuki.nursery.outbox.messages").tag("status", "failed").gauge().value())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theSystemRefusingTheMessageIsGivenUpAtOnceWithoutRetries() {
    SIMULATOR.refuse(422);
    String application = UUID.randomUUID().toString();
    String key = "tetsuzuki:demo-ku:enrollment:" + application;
    String id = enqueue(key, "enrollment", "ku-system", application);

    await().atMost(WAIT).until(() -> "failed".equals(status(id)));

    assertThat(SIMULATOR.requests()).containsExactly("POST /enrollments " + key);
    assertThat(SIMULATOR.deliveries()).noneMatch(d -> d.idempotencyKey().equals(key));
    assertThat((String) row(id).get("LAST_ERROR")).isEqualTo("the nursery system refused the enrollment with HTTP 422");
    assertThat(INCIDENTS).anyMatch(i -> i[1].equals(application) && i[4].contains("refused"));
  }

  @Test
  void aMessageResentAfterANodeCrashedIsDeliveredOnce() {
    String key = "tetsuzuki:demo-ku:offer:round-3:" + UUID.randomUUID();
    String id = enqueue(key, "offer", "ku-system");
    await().atMost(WAIT).until(() -> "delivered".equals(status(id)));
    // a node sent it and crashed before recording the delivery: its claim is left and expires
    jdbc.update("UPDATE tz_nursery_outbox SET status = 'sending', claimed_by = 'crashed-node', claimed_until = ?, "
        + "delivered_at = NULL WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)), id);

    await().atMost(WAIT).until(() -> "delivered".equals(status(id)));

    assertThat(SIMULATOR.requests()).containsExactly("POST /offers " + key, "POST /offers " + key);
    assertThat(SIMULATOR.deliveries()).filteredOn(d -> d.idempotencyKey().equals(key)).hasSize(1);
  }

  @Test
  void aMessageClaimedByALiveNodeIsNotTakenByAnother() throws Exception {
    String key = "tetsuzuki:demo-ku:offer:round-4:" + UUID.randomUUID();
    String id = enqueue(key, "offer", "ku-system");
    jdbc.update("UPDATE tz_nursery_outbox SET status = 'sending', claimed_by = 'other-node', claimed_until = ? "
        + "WHERE id = ?", Timestamp.from(Instant.now().plusSeconds(60)), id);
    Thread.sleep(600);
    assertThat(status(id)).isEqualTo("sending");
    assertThat(SIMULATOR.requests()).isEmpty();
  }

  @Test
  void aFacilityWithoutANurserySystemIsGivenUpVisibly() {
    String key = "tetsuzuki:demo-ku:offer:round-5:" + UUID.randomUUID();
    String none = enqueue(key, "offer", null);
    String noUrl = enqueue(key + ":b", "offer", "no-url");

    await().atMost(WAIT).until(() -> "failed".equals(status(none)) && "failed".equals(status(noUrl)));

    assertThat((String) row(none).get("LAST_ERROR")).contains("no nursery system with a base URL");
    assertThat(SIMULATOR.requests()).isEmpty();
  }

  // --- helpers

  private void pull() {
    producer.sendBody("direct:" + NurseryCapacityPullRoute.SYSTEM_ROUTE_ID, "ku-system");
  }

  private String enqueue(String key, String kind, String systemId) {
    return enqueue(key, kind, systemId, UUID.randomUUID().toString());
  }

  static String enqueue(JdbcTemplate jdbc, String key, String kind, String systemId, String application) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO tz_nursery_outbox (id, idempotency_key, tenant_id, kind, application_id, facility_id, "
        + "system_id, payload_json, status, attempts, next_attempt_at, created_at) VALUES (?, ?, 'demo-ku', ?, ?, "
        + "'minami', ?, ?, 'pending', 0, ?, ?)", id, key, kind, application, systemId,
        "{\"kind\":\"" + kind + "\",\"tenantId\":\"demo-ku\",\"facilityId\":\"minami\",\"admissionMonth\":\"2027-04\","
            + "\"applicationId\":\"" + application + "\",\"childIds\":[\"c1\"]}", now, now);
    return id;
  }

  private String enqueue(String key, String kind, String systemId, String application) {
    return enqueue(jdbc, key, kind, systemId, application);
  }

  private String status(String id) {
    return jdbc.queryForObject("SELECT status FROM tz_nursery_outbox WHERE id = ?", String.class, id);
  }

  private Map<String, Object> row(String id) {
    Map<String, Object> row = new java.util.HashMap<>();
    jdbc.queryForMap("SELECT * FROM tz_nursery_outbox WHERE id = ?", id).forEach((k, v) -> row.put(
        k.toUpperCase(java.util.Locale.ROOT), v));
    return row;
  }
}
