package jp.tetsuzuki.integrations.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** Dead letters are generic (any route), newest first, bounded per route, and cut to their column sizes. */
class DeadLetterStoreTest {

  private DeadLetterStore store;
  private Instant clock = Instant.parse("2026-12-01T05:00:00Z");

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:dead-letters-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (var connection = h2.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("operations/dead-letter.sql"));
    }
    Clock ticking = new Clock() {
      @Override public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override public Instant instant() {
        return clock;
      }
    };
    store = new DeadLetterStore(h2, ticking, 3, "node-a");
  }

  @Test
  void eachRouteKeepsItsNewestRecordsOnly() {
    clock = Instant.parse("2026-12-01T05:00:00Z");
    for (int i = 1; i <= 5; i++) {
      clock = clock.plusSeconds(1);
      store.record("municipal-csv-intake", "row " + i + " refused", "file-" + i + ".csv");
    }
    clock = clock.plusSeconds(1);
    store.record("corporate-number-lookup", "HTTP 503", "8700110005901");

    assertThat(store.newest("municipal-csv-intake", 10)).extracting(DeadLetter::payloadRef)
        .containsExactly("file-5.csv", "file-4.csv", "file-3.csv");
    assertThat(store.count("municipal-csv-intake")).isEqualTo(3);
    assertThat(store.newest(null, 10)).first().satisfies(letter -> {
      assertThat(letter.routeId()).isEqualTo("corporate-number-lookup");
      assertThat(letter.reason()).isEqualTo("HTTP 503");
      assertThat(letter.failedAt()).isEqualTo(Instant.parse("2026-12-01T05:00:06Z"));
      assertThat(letter.node()).isEqualTo("node-a");
    });
  }

  @Test
  void longReasonsAndReferencesAreCutNotRefused() {
    store.record("r", "x".repeat(5000), "y".repeat(2000));

    DeadLetter letter = store.newest("r", 1).get(0);
    assertThat(letter.reason()).hasSize(DeadLetterStore.MAX_REASON).endsWith("…");
    assertThat(letter.payloadRef()).hasSize(DeadLetterStore.MAX_PAYLOAD_REF);
  }
}
