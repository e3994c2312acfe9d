package jp.tetsuzuki.integrations.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Dead letters of every route, in the routes' shared table {@code tz_route_dead_letter} (V65, all nodes): route id, time, reason, a reference to the payload (never the
 * payload itself) and the node. Bounded: recording keeps each route's newest {@code keepPerRoute} records; reasons and
 * references are cut to the column sizes. A failing write is logged and never hides the route's own error.
 */
public class DeadLetterStore {

  public static final int MAX_REASON = 2000;
  public static final int MAX_PAYLOAD_REF = 255;
  public static final int MAX_ROUTE_ID = 64;
  private static final String COLUMNS = "id, route_id, occurred_at, reason, message_name, node";
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStore.class);
  private static final RowMapper<DeadLetter> ROW = (rs, n) -> new DeadLetter(rs.getString("id"),
      rs.getString("route_id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("reason"),
      rs.getString("message_name"), rs.getString("node"));

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final int keepPerRoute;
  private final String node;

  public DeadLetterStore(DataSource dataSource, Clock clock, int keepPerRoute, String node) {
    if (keepPerRoute < 1) {
      throw new IllegalArgumentException("keepPerRoute must be at least 1");
    }
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.keepPerRoute = keepPerRoute;
    this.node = cut(node == null || node.isBlank() ? "unknown" : node, 100);
  }

  /** Records that {@code routeId} gave up on the message {@code payloadRef} for {@code reason}. */
  public void record(String routeId, String reason, String payloadRef) {
    String route = cut(routeId == null ? "unknown" : routeId, MAX_ROUTE_ID);
    try {
      jdbc.update("INSERT INTO tz_route_dead_letter (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), route, Timestamp.from(clock.instant()),
          cut(reason == null || reason.isEmpty() ? "failed" : reason, MAX_REASON),
          payloadRef == null ? null : cut(payloadRef, MAX_PAYLOAD_REF), node);
      // keep the newest records of the route: the table stays bounded whatever a route keeps failing on
      jdbc.update("DELETE FROM tz_route_dead_letter WHERE route_id = ? AND occurred_at < (SELECT MIN(occurred_at) "
          + "FROM (SELECT occurred_at FROM tz_route_dead_letter WHERE route_id = ? ORDER BY occurred_at DESC "
          + "LIMIT ?) newest)", route, route, keepPerRoute);
    } catch (RuntimeException e) {
      LOG.error("dead letter of route {} could not be recorded ({}): {}", route, e.getClass().getSimpleName(),
          cut(reason, MAX_REASON));
    }
  }

  /** The newest dead letters, of one route or (routeId null) of all, at most {@code limit}. */
  public List<DeadLetter> newest(String routeId, int limit) {
    int bounded = Math.max(1, Math.min(limit, 500));
    if (routeId == null) {
      return jdbc.query("SELECT " + COLUMNS + " FROM tz_route_dead_letter ORDER BY occurred_at DESC, id LIMIT ?",
          ROW, bounded);
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM tz_route_dead_letter WHERE route_id = ? "
        + "ORDER BY occurred_at DESC, id LIMIT ?", ROW, routeId, bounded);
  }

  /** How many dead letters the route holds (at most the bound). */
  public int count(String routeId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tz_route_dead_letter WHERE route_id = ?", Integer.class,
        routeId);
    return n == null ? 0 : n;
  }

  static String cut(String value, int max) {
    if (value == null) {
      return null;
    }
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
