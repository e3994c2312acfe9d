package jp.tetsuzuki.processes.childcare.runs;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Runs in {@code tz_allocation_run}: one INSERT per run, so a run is stored whole or not at all. */
@Repository
class AllocationRunStore {

  private final JdbcTemplate jdbc;

  AllocationRunStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(AllocationRun run, String applicantsSha256, String facilitiesSha256) {
    jdbc.update("INSERT INTO tz_allocation_run (id, tenant_id, created_by, created_at, applicant_count, "
            + "facility_count, placed_count, applicants_sha256, facilities_sha256, results_json, result_csv) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        run.id(), run.tenantId(), run.createdBy(), Timestamp.from(run.createdAt()), run.applicantCount(),
        run.facilityCount(), run.placedCount(), applicantsSha256, facilitiesSha256, run.resultsJson(),
        run.resultCsv());
  }

  Optional<AllocationRun> find(String id) {
    List<AllocationRun> runs = jdbc.query("SELECT id, tenant_id, created_by, created_at, applicant_count, "
            + "facility_count, placed_count, results_json, result_csv FROM tz_allocation_run WHERE id = ?",
        (rs, n) -> new AllocationRun(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8),
            rs.getString(9)), id);
    return runs.stream().findFirst();
  }
}
