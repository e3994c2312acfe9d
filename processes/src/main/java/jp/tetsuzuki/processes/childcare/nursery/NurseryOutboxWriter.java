package jp.tetsuzuki.processes.childcare.nursery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's side of {@code tz_nursery_outbox} (V75): a message for a facility's nursery system is written in
 * the transaction of the step that decides it, so it exists exactly when the decision does; the route
 * {@code nursery-outbox-delivery} sends it. One row per idempotency key: a step run again (a retried job, a repaired
 * case) writes nothing new. Checked with a read first, not by a failing insert, which would abort the engine's
 * transaction on PostgreSQL.
 */
public class NurseryOutboxWriter {

  public static final String KIND_OFFER = "offer";
  public static final String KIND_ENROLLMENT = "enrollment";
  /** Newcomer review N17: an offer queued for the facility's system was withdrawn, declined or ended. */
  public static final String KIND_OFFER_WITHDRAWN = "offer-withdrawn";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Largest page of {@link #inStatus}. */
  public static final int MAX_LIST = 500;

  /**
   * One message as administrators see it (the API's fields, whatever the database's column labels).
   *
   * @param createdAt ISO-8601 instant (UTC)
   */
  public record Message(String id, String idempotencyKey, String tenantId, String kind, String applicationId,
      String facilityId, String systemId, String status, int attempts, String lastError, String createdAt) {}

  private final JdbcTemplate jdbc;

  public NurseryOutboxWriter(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * @param systemId the facility's nursery system, null when none serves it (the route then gives up visibly)
   * @return whether a message was written (false: the key was written before)
   */
  public boolean enqueue(String idempotencyKey, String tenantId, String kind, String applicationId, String facilityId,
      String systemId, Map<String, Object> payload, Instant at) {
    Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM tz_nursery_outbox WHERE idempotency_key = ?",
        Integer.class, idempotencyKey);
    if (seen != null && seen > 0) {
      return false;
    }
    String json;
    try {
      json = JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("nursery message not serializable", e);
    }
    if (json.length() > 4000) {
      throw new IllegalStateException("nursery message of application " + applicationId + " longer than 4000");
    }
    Timestamp now = Timestamp.from(at);
    jdbc.update("INSERT INTO tz_nursery_outbox (id, idempotency_key, tenant_id, kind, application_id, facility_id, "
        + "system_id, payload_json, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        + "'pending', 0, ?, ?)", UUID.randomUUID().toString(), idempotencyKey, tenantId, kind, applicationId,
        facilityId, systemId, json, now, now);
    return true;
  }

  /** The newest messages in {@code status} (administrators' view), at most {@code limit} (1–{@value #MAX_LIST}). */
  public java.util.List<Message> inStatus(String status, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIST);
    }
    return jdbc.query("SELECT id, idempotency_key, tenant_id, kind, application_id, facility_id, system_id, "
        + "status, attempts, last_error, created_at FROM tz_nursery_outbox WHERE status = ? ORDER BY created_at DESC, "
        + "id LIMIT ?", (rs, row) -> new Message(rs.getString("id"), rs.getString("idempotency_key"),
            rs.getString("tenant_id"), rs.getString("kind"), rs.getString("application_id"),
            rs.getString("facility_id"), rs.getString("system_id"), rs.getString("status"), rs.getInt("attempts"),
            rs.getString("last_error"), rs.getTimestamp("created_at").toInstant().toString()), status, limit);
  }

  /** The status of a message, or null when there is none with this id. */
  public String status(String id) {
    return jdbc.queryForList("SELECT status FROM tz_nursery_outbox WHERE id = ?", String.class, id).stream()
        .findFirst().orElse(null);
  }

  /** A failed message due again now, its attempts counted afresh; false when it is not failed. */
  public boolean requeue(String id, Instant at) {
    return jdbc.update("UPDATE tz_nursery_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, "
        + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND status = 'failed'", Timestamp.from(at), id) == 1;
  }

  /** The messages of an application (newest last), for its history and the tests. */
  public java.util.List<Map<String, Object>> ofApplication(String applicationId) {
    return jdbc.queryForList("SELECT id, idempotency_key, kind, facility_id, system_id, status, attempts, last_error "
        + "FROM tz_nursery_outbox WHERE application_id = ? ORDER BY created_at, id", applicationId);
  }

  /** The application's newest message of {@code kind} (its facility, system, key and payload), if any. */
  public java.util.Optional<Map<String, Object>> latest(String applicationId, String kind) {
    return jdbc.queryForList("SELECT idempotency_key, facility_id, system_id, payload_json FROM tz_nursery_outbox "
        + "WHERE application_id = ? AND kind = ? ORDER BY created_at DESC, id DESC", applicationId, kind).stream()
        .findFirst().map(row -> {
          Map<String, Object> normalized = new java.util.HashMap<>();
          row.forEach((k, v) -> normalized.put(k.toLowerCase(java.util.Locale.ROOT), v));
          return normalized;
        });
  }

  /** The child ids of a message's payload (empty when it names none). */
  static java.util.List<String> childIds(Object payloadJson) {
    try {
      var node = JSON.readTree(String.valueOf(payloadJson)).get("childIds");
      java.util.List<String> ids = new java.util.ArrayList<>();
      if (node != null && node.isArray()) {
        node.forEach(n -> ids.add(n.asText()));
      }
      return ids;
    } catch (JsonProcessingException e) {
      return java.util.List.of();
    }
  }
}
