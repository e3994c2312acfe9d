package jp.tetsuzuki.integrations.municipalcsv;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the intake knows of the files it took, shared by all nodes (migration V65): one row per file content
 * (SHA-256), so a file delivered again after all its rows were registered is recognised whatever its name, a file
 * whose node crashed mid-file is taken over, and a file with refused rows or stopped by a technical fault may be
 * dropped again. Each statement is its own transaction (on PostgreSQL a failed duplicate insert aborts its transaction).
 */
public class IntakeLedger {

  public static final String FILES = "tz_municipal_csv_file";

  static final String IN_WORK = "in-work";
  static final String DONE = "done";
  static final String FAILED = "failed";
  static final String DEAD_LETTER = "dead-letter";

  /** How taking a file began. */
  enum Start { NEW, TAKEN_OVER, AGAIN, DUPLICATE }

  /** @param earlier for a duplicate: the file's name and when it was finished before */
  record Begun(Start start, String earlierName, Instant earlierFinishedAt, String earlierNode) {}

  private final JdbcTemplate jdbc;

  public IntakeLedger(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  Begun begin(String sha256, String fileName, String node, Instant now) {
    try {
      jdbc.update("INSERT INTO " + FILES + " (file_sha256, file_name, status, node, started_at) VALUES (?, ?, ?, ?, ?)",
          sha256, truncate(fileName, 255), IN_WORK, node, Timestamp.from(now));
      return new Begun(Start.NEW, null, null, null);
    } catch (DuplicateKeyException known) {
      List<Begun> rows = jdbc.query("SELECT status, file_name, finished_at, node FROM " + FILES
          + " WHERE file_sha256 = ?", (rs, i) -> {
            String status = rs.getString(1);
            Timestamp finished = rs.getTimestamp(3);
            // only a file whose every row was registered is a duplicate; one with refused rows or stopped by a fault
            // may come again (after the refusal's cause was fixed): its registered rows are found registered
            Start start = switch (status) {
              case DONE -> Start.DUPLICATE;
              case IN_WORK -> Start.TAKEN_OVER;
              default -> Start.AGAIN;
            };
            return new Begun(start, rs.getString(2), finished == null ? null : finished.toInstant(), rs.getString(4));
          }, sha256);
      Begun earlier = rows.get(0);
      if (earlier.start() != Start.DUPLICATE) {
        jdbc.update("UPDATE " + FILES + " SET status = ?, node = ?, file_name = ?, started_at = ?, finished_at = NULL"
            + " WHERE file_sha256 = ? AND status <> ?", IN_WORK, node, truncate(fileName, 255), Timestamp.from(now),
            sha256, DONE);
      }
      return earlier;
    }
  }

  void finish(String sha256, String status, IntakeCounts counts, String encoding, Instant now) {
    jdbc.update("UPDATE " + FILES + " SET status = ?, encoding = ?, rows_registered = ?, rows_replayed = ?,"
        + " rows_rejected = ?, finished_at = ? WHERE file_sha256 = ?", status, encoding, counts.registered(),
        counts.replayed(), counts.rejected(), Timestamp.from(now), sha256);
  }

  /**
   * A file stopped by a technical fault: it may be dropped again (its rows are idempotent). The dead letter itself is
   * the route's, recorded through the operations' {@code DeadLetterStore} like every route's.
   */
  void markDeadLetter(String sha256, Instant now) {
    if (sha256 != null) {
      jdbc.update("UPDATE " + FILES + " SET status = ?, finished_at = ? WHERE file_sha256 = ? AND status = ?",
          DEAD_LETTER, Timestamp.from(now), sha256, IN_WORK);
    }
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
