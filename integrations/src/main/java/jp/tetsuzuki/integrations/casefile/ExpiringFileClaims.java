package jp.tetsuzuki.integrations.casefile;

import java.sql.Timestamp;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.dao.DuplicateKeyException;

/**
 * Claims of the files nodes are working on, shared by all nodes through one table: camel-sql's
 * {@link JdbcOrphanLockAwareIdempotentRepository}, whose nodes refresh their claims while they work, so that a claim
 * left by a crashed node expires and the file is taken again. Used as the file consumer's read lock
 * ({@code readLock=idempotent-changed}); the claim is removed once the file has moved to {@code .done} or
 * {@code .error}, so the table only holds files in work.
 *
 * <p>Two gaps of the Camel 4.17 class are closed here: taking over an expired claim was an unconditional update
 * (two nodes could both take the same orphan) and the taken-over claim was not refreshed (it expired again while
 * the new node worked). Here the expired row is deleted by a conditional statement that only one node can win, and
 * the fresh claim is our own INSERT (the parent's insert is an upsert that would let a second node "win" a row the
 * first one had just committed), then handed to the parent, which keeps it alive; a node that loses an insert race
 * gets the unique key's error (on PostgreSQL the transaction is then aborted, which is why it is this call's own
 * transaction) and answers "not claimed".
 */
public class ExpiringFileClaims extends JdbcOrphanLockAwareIdempotentRepository {

  /** Our Flyway migration creates it (V40); same layout as camel-sql's CAMEL_MESSAGEPROCESSED. */
  public static final String TABLE = "tz_case_file_lock";

  public ExpiringFileClaims(DataSource dataSource, String processorName, CamelContext camelContext,
      Duration expiry, Duration keepAlive) {
    super(dataSource, processorName, camelContext);
    setTableName(TABLE);
    setCreateTableIfNotExists(false);
    setLockMaxAgeMillis(expiry.toMillis());
    setLockKeepAliveIntervalMillis(keepAlive.toMillis());
  }

  @Override
  public boolean add(String key) {
    Timestamp expiredBefore = new Timestamp(System.currentTimeMillis() - getLockMaxAgeMillis());
    try {
      return Boolean.TRUE.equals(getTransactionTemplate().execute(status -> {
        int expired = jdbcTemplate.update("DELETE FROM " + TABLE
            + " WHERE processorName = ? AND messageId = ? AND createdAt < ?", processorName, key, expiredBefore);
        if (expired == 0
            && jdbcTemplate.queryForObject(getQueryString(), Integer.class, processorName, key) > 0) {
          return false; // a live node works on it
        }
        if (expired > 0) {
          log.warn("{}: the claim on {} expired (its node stopped), taking the file again", processorName, key);
        }
        // our own INSERT decides: the unique key lets exactly one node win (the loser gets DuplicateKeyException).
        // The parent's insert is no claim: it inserts, or refreshes the timestamp of a row that exists (an upsert),
        // so a node whose check ran before the winner committed would "claim" the winner's file as well.
        jdbcTemplate.update(getInsertString(), processorName, key, new Timestamp(System.currentTimeMillis()));
        // won: hand the row to the parent, which registers only rows it inserts itself for its keep-alive; the
        // unique key's entry stays ours until this transaction commits, so no other node can slip in between
        jdbcTemplate.update("DELETE FROM " + TABLE + " WHERE processorName = ? AND messageId = ?", processorName, key);
        insert(key); // the parent inserts and keeps the claim alive while we work
        return true;
      }));
    } catch (DuplicateKeyException raced) {
      return false; // another node inserted it first
    }
  }
}
