package jp.tetsuzuki.processes.childcare.round;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareStore;
import jp.tetsuzuki.processes.childcare.enrollment.RoundResults;
import jp.tetsuzuki.processes.identity.AsPlatform;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Review C9: rounds whose application sets overlap do not run side by side, and a round publishes only to
 * applications still as it collected them ({@code V85__childcare_round_guard.sql}).
 * <ul>
 *   <li>A round collects the waiting applications of its fiscal year up to its admission month, so every two rounds
 *       of one tenant and fiscal year overlap: one of them is open at a time ({@code tz_childcare_round_open}, its
 *       primary key also refuses a second start racing the first). A holder that is no longer running (an instance
 *       deleted by an administrator) is replaced.</li>
 *   <li>Each run records the stage and result version of every application it collected; at approval an
 *       application that got a result from another round since is no reason to overwrite it: the approval is
 *       refused until the round is re-run.</li>
 *   <li>The round's history (started, re-run, approved, cancelled) with who and when.</li>
 * </ul>
 */
public class RoundGuard {

  static final int CHUNK = 500;

  private final JdbcTemplate jdbc;

  public RoundGuard(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The round becomes the open round of its tenant and fiscal year, or the start (re-run) is refused naming the open
   * one.
   */
  public void claim(DelegateExecution execution, String tenantId, String admissionMonth, Instant now) {
    int fiscalYear = ChildcareStore.fiscalYearOfMonth(admissionMonth);
    String roundId = execution.getProcessInstanceId();
    jdbc.update("DELETE FROM tz_childcare_round_open WHERE round_id = ? AND NOT (tenant_id = ? AND fiscal_year = ?)",
        roundId, tenantId, fiscalYear);
    List<Map<String, Object>> open = jdbc.queryForList("SELECT round_id, admission_month FROM tz_childcare_round_open"
        + " WHERE tenant_id = ? AND fiscal_year = ?", tenantId, fiscalYear);
    if (!open.isEmpty()) {
      String other = (String) open.get(0).get("round_id");
      if (other.equals(roundId)) {
        return;
      }
      var engine = execution.getProcessEngineServices();
      // the platform's own look-up: the starter may hold no grant on the other round
      long running = AsPlatform.call(engine.getIdentityService(), () -> engine.getRuntimeService()
          .createProcessInstanceQuery().processInstanceId(other).count());
      if (running > 0) {
        throw refused(tenantId, fiscalYear, other, (String) open.get(0).get("admission_month"));
      }
      jdbc.update("DELETE FROM tz_childcare_round_open WHERE tenant_id = ? AND fiscal_year = ? AND round_id = ?",
          tenantId, fiscalYear, other);
    }
    try {
      jdbc.update("INSERT INTO tz_childcare_round_open (tenant_id, fiscal_year, round_id, admission_month, opened_at)"
          + " VALUES (?,?,?,?,?)", tenantId, fiscalYear, roundId, admissionMonth, Timestamp.from(now));
    } catch (DuplicateKeyException e) {
      // another start of the same year committed first
      throw refused(tenantId, fiscalYear, "別の職員が開始した利用調整", admissionMonth);
    }
  }

  private static BadUserRequestException refused(String tenantId, int fiscalYear, String other, String month) {
    return new BadUserRequestException(fiscalYear + "年度（入所月 " + month + "）の利用調整が実行中です（" + other
        + "）。先にその利用調整を承認または取り消してください。 / round " + other + " of " + tenantId + " fiscal year "
        + fiscalYear + " is open");
  }

  /** The round is no longer open (approved or cancelled). */
  public void release(String roundId) {
    jdbc.update("DELETE FROM tz_childcare_round_open WHERE round_id = ?", roundId);
  }

  /** What this run collects: each application's stage and result version now (replaces the previous run's). */
  public void snapshot(String roundId, List<String> applicationIds) {
    jdbc.update("DELETE FROM tz_childcare_round_collected WHERE round_id = ?", roundId);
    for (int from = 0; from < applicationIds.size(); from += CHUNK) {
      List<String> chunk = applicationIds.subList(from, Math.min(applicationIds.size(), from + CHUNK));
      String marks = String.join(",", chunk.stream().map(id -> "?").toList());
      List<Object[]> rows = jdbc.query("SELECT id, stage, result_version FROM tz_childcare_application WHERE id IN ("
          + marks + ")", (rs, n) -> new Object[] {roundId, rs.getString(1), rs.getString(2), rs.getInt(3)},
          chunk.toArray());
      jdbc.batchUpdate("INSERT INTO tz_childcare_round_collected (round_id, application_id, stage, result_version)"
          + " VALUES (?,?,?,?)", rows);
    }
  }

  /**
   * The applications of the round's proposal as its last run collected them; refused (re-run first) when one got a
   * result from another round since, or when the run recorded nothing (a round started before this check).
   */
  public Map<String, RoundResults.Collected> unchangedSinceRun(String roundId, java.util.Collection<String> ids) {
    Map<String, RoundResults.Collected> collected = new HashMap<>();
    jdbc.query("SELECT application_id, stage, result_version FROM tz_childcare_round_collected WHERE round_id = ?",
        rs -> {
          collected.put(rs.getString(1), new RoundResults.Collected(rs.getString(2), rs.getInt(3)));
        }, roundId);
    List<String> changed = new ArrayList<>();
    for (String id : ids) {
      RoundResults.Collected then = collected.get(id);
      Integer now = jdbc.query("SELECT result_version FROM tz_childcare_application WHERE id = ?",
          (rs, n) -> rs.getInt(1), id).stream().findFirst().orElse(null);
      if (then == null || (now != null && now != then.resultVersion())) {
        changed.add(id);
      }
    }
    if (!changed.isEmpty()) {
      throw new BadUserRequestException("この利用調整の実行後に、他の利用調整で結果が出た申込み（または実行時に記録の"
          + "ない申込み）があります: " + String.join("、", changed.stream().limit(5).toList())
          + (changed.size() > 5 ? " ほか" + (changed.size() - 5) + "件" : "")
          + "。この結果のままでは承認できません。「再実行する」で調整し直してから承認してください。 / round " + roundId
          + ": " + changed.size() + " application(s) changed since the run, re-run before approval");
    }
    return collected;
  }

  public void event(String roundId, String tenantId, String kind, String textJa, String actor, Instant at) {
    jdbc.update("INSERT INTO tz_childcare_round_event (id, round_id, tenant_id, occurred_at, kind, text_ja, actor)"
        + " VALUES (?,?,?,?,?,?,?)", UUID.randomUUID().toString(), roundId, tenantId, Timestamp.from(at), kind,
        textJa.length() > 1000 ? textJa.substring(0, 1000) : textJa, actor);
  }

  public record RoundEvent(Instant at, String kind, String textJa, String actor) {}

  /** The round's history, oldest first. */
  public List<RoundEvent> events(String roundId) {
    return jdbc.query("SELECT occurred_at, kind, text_ja, actor FROM tz_childcare_round_event WHERE round_id = ?"
        + " ORDER BY occurred_at, id", (rs, n) -> new RoundEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
            rs.getString(3), rs.getString(4)), roundId);
  }
}
