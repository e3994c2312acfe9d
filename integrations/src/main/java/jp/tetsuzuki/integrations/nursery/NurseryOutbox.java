package jp.tetsuzuki.integrations.nursery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The route's side of {@code tz_nursery_outbox} (V75; the platform writes the messages in the transaction of the
 * step that decides them). A node claims a due message with one conditional UPDATE (the row's status and claim decide:
 * of two nodes only one wins it), holds it for the lease, and records the outcome; a claim left by a crashed node
 * expires and another node sends the message again with the same Idempotency-Key, which the nursery system answers
 * as a replay.
 */
public class NurseryOutbox {

  public static final String PENDING = "pending";
  public static final String SENDING = "sending";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";

  /**
   * @param systemId the facility's nursery system, or null when none is configured for it
   * @param attempts attempts made before this one
   */
  public record Message(String id, String idempotencyKey, String tenantId, String kind, String applicationId,
      String facilityId, String systemId, String payloadJson, String status, int attempts, String lastError) {}

  private static final String COLUMNS = "id, idempotency_key, tenant_id, kind, application_id, facility_id, "
      + "system_id, payload_json, status, attempts, last_error";
  private static final RowMapper<Message> ROW = (rs, n) -> new Message(rs.getString("id"),
      rs.getString("idempotency_key"), rs.getString("tenant_id"), rs.getString("kind"), rs.getString("application_id"),
      rs.getString("facility_id"), rs.getString("system_id"), rs.getString("payload_json"), rs.getString("status"),
      rs.getInt("attempts"), rs.getString("last_error"));

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String node;

  public NurseryOutbox(DataSource dataSource, Clock clock, String node) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.node = node;
  }

  /** Up to {@code limit} ids of due messages (pending and due, or sending with an expired claim), not claimed yet. */
  public List<String> due(int limit) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.queryForList("SELECT id FROM tz_nursery_outbox WHERE (status = ? AND next_attempt_at <= ?) OR "
        + "(status = ? AND claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?", String.class, PENDING, now,
        SENDING, now, limit);
  }

  /**
   * Claims one due message for {@code lease}, right before it is sent (so the lease covers one request, not a
   * batch); empty when another node holds it or it is no longer due.
   */
  public Optional<Message> claim(String id, Duration lease) {
    Timestamp now = Timestamp.from(clock.instant());
    Timestamp until = Timestamp.from(clock.instant().plus(lease));
    if (jdbc.update("UPDATE tz_nursery_outbox SET status = ?, claimed_by = ?, claimed_until = ? WHERE id = ? AND "
        + "((status = ? AND next_attempt_at <= ?) OR (status = ? AND claimed_until < ?))", SENDING, node, until, id,
        PENDING, now, SENDING, now) != 1) {
      return Optional.empty();
    }
    return find(id);
  }

  /** Claims up to {@code limit} due messages (tests and tools; the route claims one at a time). */
  public List<Message> claimDue(int limit, Duration lease) {
    return due(limit).stream().map(id -> claim(id, lease)).flatMap(Optional::stream).toList();
  }

  public Optional<Message> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM tz_nursery_outbox WHERE id = ?", ROW, id).stream().findFirst();
  }

  /** The nursery system accepted the message (or answered that it had it already). */
  public void delivered(String id) {
    // claimed_by stays: the node that delivered it
    jdbc.update("UPDATE tz_nursery_outbox SET status = ?, attempts = attempts + 1, delivered_at = ?, "
        + "claimed_until = NULL, last_error = NULL WHERE id = ? AND claimed_by = ?", DELIVERED,
        Timestamp.from(clock.instant()), id, node);
  }

  /** A technical failure: due again at {@code next}. */
  public void retryAt(String id, Instant next, String error) {
    jdbc.update("UPDATE tz_nursery_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, claimed_by = "
        + "NULL, claimed_until = NULL, last_error = ? WHERE id = ? AND claimed_by = ?", PENDING,
        Timestamp.from(next), cut(error), id, node);
  }

  /** Given up: stays in the table as failed until an operator requeues it. */
  public void failed(String id, String error) {
    jdbc.update("UPDATE tz_nursery_outbox SET status = ?, attempts = attempts + 1, claimed_by = NULL, claimed_until "
        + "= NULL, last_error = ? WHERE id = ? AND claimed_by = ?", FAILED, cut(error), id,
        node);
  }

  /** An operator's requeue of a failed message: due now, attempts counted afresh. */
  public boolean requeue(String id) {
    return jdbc.update("UPDATE tz_nursery_outbox SET status = ?, attempts = 0, next_attempt_at = ? WHERE id = ? AND "
        + "status = ?", PENDING, Timestamp.from(clock.instant()), id, FAILED) == 1;
  }

  private static String cut(String error) {
    return error == null || error.length() <= 2000 ? error : error.substring(0, 1999) + "…";
  }

  public String node() {
    return node;
  }
}
