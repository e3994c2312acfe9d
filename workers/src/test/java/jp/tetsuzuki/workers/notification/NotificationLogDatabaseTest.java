package jp.tetsuzuki.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import jp.tetsuzuki.workers.WorkersSettings;
import jp.tetsuzuki.workers.notification.NotificationLog.Claim;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The workers' own mail-log database: migrated at start, shared by every process that names it. */
class NotificationLogDatabaseTest {

  @TempDir
  Path data;

  private WorkersSettings.Database file() {
    return new WorkersSettings.Database("jdbc:h2:file:" + data.resolve("notification-log") + ";AUTO_SERVER=TRUE",
        "sa", "", 2);
  }

  @Test
  void twoWorkersOnOneLogSendAKeyOnce() {
    Instant now = Instant.parse("2026-12-01T03:00:00Z");
    try (NotificationLogDatabase first = new NotificationLogDatabase(file());
        NotificationLogDatabase second = new NotificationLogDatabase(file())) {
      NotificationLog a = new JdbcNotificationLog(first.dataSource());
      NotificationLog b = new JdbcNotificationLog(second.dataSource());
      assertThat(a.claim("pi-1:application-received", now, Duration.ofMinutes(2))).isEqualTo(Claim.SEND);
      assertThat(b.claim("pi-1:application-received", now, Duration.ofMinutes(2))).isEqualTo(Claim.IN_PROGRESS);
      a.markSent("pi-1:application-received", "<m@x>", now);
      assertThat(b.claim("pi-1:application-received", now, Duration.ofMinutes(2))).isEqualTo(Claim.ALREADY_SENT);
    }
    // a restart finds what was sent
    try (NotificationLogDatabase again = new NotificationLogDatabase(file())) {
      assertThat(new JdbcNotificationLog(again.dataSource()).claim("pi-1:application-received", now,
          Duration.ofMinutes(2))).isEqualTo(Claim.ALREADY_SENT);
    }
  }

  @Test
  void aDatabaseThatHoldsThePlatformsCopyOfTheTableKeepsItsRows() {
    JdbcDataSource plain = new JdbcDataSource();
    plain.setURL(file().url());
    plain.setUser("sa");
    JdbcTemplate sql = new JdbcTemplate(plain);
    // what the platform's migration V30 left in a database that once held the log
    sql.execute("CREATE TABLE tz_notification_log (dedup_key VARCHAR(200) NOT NULL PRIMARY KEY, status VARCHAR(16) "
        + "NOT NULL, lease_until_ms BIGINT NOT NULL, message_id VARCHAR(200), sent_at TIMESTAMP)");
    sql.update("INSERT INTO tz_notification_log (dedup_key, status, lease_until_ms) VALUES ('old:key', 'SENT', 0)");
    try (NotificationLogDatabase workers = new NotificationLogDatabase(file())) {
      assertThat(new JdbcNotificationLog(workers.dataSource()).claim("old:key", Instant.now(), Duration.ofMinutes(1)))
          .isEqualTo(Claim.ALREADY_SENT);
    }
  }

  @Test
  void anH2FileNamedRelativeToTheWorkingDirectoryIsMadeAbsolute() {
    assertThat(NotificationLogDatabase.withAbsoluteH2File("jdbc:h2:file:target/x/log;AUTO_SERVER=TRUE"))
        .isEqualTo("jdbc:h2:file:" + Path.of("target/x/log").toAbsolutePath() + ";AUTO_SERVER=TRUE");
    assertThat(NotificationLogDatabase.withAbsoluteH2File("jdbc:postgresql://db/workers"))
        .isEqualTo("jdbc:postgresql://db/workers");
  }

  @Test
  void withoutADatabaseTheWorkersSayWhichSettingIsMissing() {
    assertThatThrownBy(() -> new NotificationLogDatabase(new WorkersSettings.Database("", "", "", 1)))
        .hasMessageContaining("TETSUZUKI_WORKER_DB_URL");
  }
}
