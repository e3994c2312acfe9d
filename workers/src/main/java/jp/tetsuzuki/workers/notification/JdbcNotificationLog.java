package jp.tetsuzuki.workers.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link NotificationLog} in table {@code tz_notification_log} of the workers' database ({@link NotificationLogDatabase}). The primary key makes the first
 * claim win across nodes; the lease is kept in epoch milliseconds so nodes in different time zones agree.
 */
public class JdbcNotificationLog implements NotificationLog {

  private final JdbcTemplate jdbc;

  public JdbcNotificationLog(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public Claim claim(String key, Instant now, Duration lease) {
    long until = now.plus(lease).toEpochMilli();
    try {
      jdbc.update("INSERT INTO tz_notification_log (dedup_key, status, lease_until_ms) VALUES (?, 'SENDING', ?)",
          key, until);
      return Claim.SEND;
    } catch (DuplicateKeyException e) {
      // sent, being sent, or left behind by a delivery that crashed: decided below
    }
    int taken = jdbc.update("UPDATE tz_notification_log SET lease_until_ms = ? "
        + "WHERE dedup_key = ? AND status = 'SENDING' AND lease_until_ms <= ?", until, key, now.toEpochMilli());
    if (taken == 1) {
      return Claim.SEND_IN_DOUBT;
    }
    List<String> status = jdbc.queryForList("SELECT status FROM tz_notification_log WHERE dedup_key = ?",
        String.class, key);
    // an empty answer means the holder just released it: the next try will claim it
    return status.equals(List.of("SENT")) ? Claim.ALREADY_SENT : Claim.IN_PROGRESS;
  }

  @Override
  public void markSent(String key, String messageId, Instant now) {
    jdbc.update("UPDATE tz_notification_log SET status = 'SENT', message_id = ?, sent_at = ? WHERE dedup_key = ?",
        messageId, Timestamp.from(now), key);
  }

  @Override
  public void release(String key) {
    jdbc.update("DELETE FROM tz_notification_log WHERE dedup_key = ? AND status = 'SENDING'", key);
  }
}
