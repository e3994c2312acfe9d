package jp.tetsuzuki.processes.childcare.round;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The proposed and published results of the rounds ({@code V62__childcare_allocation_round.sql}). */
public class RoundStore {

  public record ResultRow(String roundId, String tenantId, String applicationId, String childId, String facilityId,
      String outcome, String summaryJa, Instant publishedAt, Long lotteryNumber) {

    public ResultRow(String roundId, String tenantId, String applicationId, String childId, String facilityId,
        String outcome, String summaryJa, Instant publishedAt) {
      this(roundId, tenantId, applicationId, childId, facilityId, outcome, summaryJa, publishedAt, null);
    }
  }

  /** The round's lottery: its seed (drawn once) and the numbers given so far. */
  public record LotteryDraw(String seed, java.util.Map<String, Long> numbers) {}

  private final JdbcTemplate jdbc;

  public RoundStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Review C9: the one-open-round rule and the publish check, on the same tables. */
  public RoundGuard guard() {
    return new RoundGuard(jdbc);
  }

  /** A (re-)run replaces the round's proposal; nothing of it is published yet. */
  public void replace(String roundId, List<ResultRow> rows) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM tz_childcare_round_result WHERE round_id = ? AND published_at IS"
        + " NOT NULL", Integer.class, roundId) > 0) {
      throw new IllegalStateException("round " + roundId + " is published already");
    }
    jdbc.update("DELETE FROM tz_childcare_round_result WHERE round_id = ?", roundId);
    jdbc.batchUpdate("INSERT INTO tz_childcare_round_result (round_id, tenant_id, application_id, child_id,"
        + " facility_id, outcome, summary_ja, lottery_number) VALUES (?,?,?,?,?,?,?,?)", rows.stream()
        .map(r -> new Object[] {r.roundId(), r.tenantId(), r.applicationId(), r.childId(), r.facilityId(), r.outcome(),
            r.summaryJa().length() > 2000 ? r.summaryJa().substring(0, 2000) : r.summaryJa(), r.lotteryNumber()})
        .toList());
  }

  public List<ResultRow> results(String roundId) {
    return jdbc.query("SELECT * FROM tz_childcare_round_result WHERE round_id = ? ORDER BY application_id, child_id",
        (rs, n) -> new ResultRow(rs.getString("round_id"), rs.getString("tenant_id"), rs.getString("application_id"),
            rs.getString("child_id"), rs.getString("facility_id"), rs.getString("outcome"), rs.getString("summary_ja"),
            rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
            rs.getObject("lottery_number") == null ? null : rs.getLong("lottery_number")), roundId);
  }

  /** Marks an application's results of the round published; false when they were published already. */
  public boolean markPublished(String roundId, String applicationId, Instant at) {
    return jdbc.update("UPDATE tz_childcare_round_result SET published_at = ? WHERE round_id = ? AND"
        + " application_id = ? AND published_at IS NULL", Timestamp.from(at), roundId, applicationId) > 0;
  }

  /**
   * The round's lottery for {@code applicationIds}: the seed recorded at the first run (drawn now when there is
   * none), the numbers given before kept, newcomers numbered after them ({@link Lottery}); stored before use.
   */
  public LotteryDraw lottery(String roundId, String tenantId, java.util.Collection<String> applicationIds,
      Instant now) {
    String seed = jdbc.queryForList("SELECT seed FROM tz_childcare_round_lottery WHERE round_id = ?", String.class,
        roundId).stream().findFirst().orElse(null);
    if (seed == null) {
      seed = Lottery.newSeed();
      jdbc.update("INSERT INTO tz_childcare_round_lottery (round_id, tenant_id, seed, drawn_at) VALUES (?,?,?,?)",
          roundId, tenantId, seed, Timestamp.from(now));
    }
    java.util.Map<String, Long> given = new java.util.HashMap<>();
    jdbc.query("SELECT application_id, lottery_number FROM tz_childcare_lottery_number WHERE round_id = ?",
        rs -> {
          given.put(rs.getString(1), rs.getLong(2));
        }, roundId);
    java.util.Map<String, Long> numbers = Lottery.draw(seed, applicationIds, given);
    List<Object[]> added = numbers.entrySet().stream().filter(e -> !given.containsKey(e.getKey()))
        .map(e -> new Object[] {roundId, e.getKey(), e.getValue()}).toList();
    jdbc.batchUpdate("INSERT INTO tz_childcare_lottery_number (round_id, application_id, lottery_number) VALUES"
        + " (?,?,?)", added);
    return new LotteryDraw(seed, numbers);
  }
}
