package jp.tetsuzuki.processes.glue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Business keys that started a case, per tenant and model (table {@code tz_case_file_claim}, unique on the three):
 * kept after the case ended, so a key starts at most one case of its tenant and model, ever.
 */
@Component
class CaseFileClaims {

  private final NamedParameterJdbcTemplate jdbc;

  CaseFileClaims(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /**
   * The case a key has started, if any: an empty {@code Optional} when the key is free; a claim made in a transaction
   * that has not committed yet is not seen (the insert then waits for it and fails or succeeds).
   */
  Optional<String> find(String tenantId, String processKey, String businessKey) {
    return jdbc.query("SELECT process_instance_id FROM tz_case_file_claim WHERE tenant_id = :tenant"
            + " AND process_key = :process AND business_key = :key", params(tenantId, processKey, businessKey),
        (rs, row) -> rs.getString(1) == null ? "" : rs.getString(1)).stream().findFirst();
  }

  /** @throws org.springframework.dao.DuplicateKeyException when the key is claimed (maybe by another node) */
  void claim(String tenantId, String processKey, String businessKey, Instant now) {
    var params = params(tenantId, processKey, businessKey);
    params.put("now", Timestamp.from(now));
    jdbc.update("INSERT INTO tz_case_file_claim (tenant_id, process_key, business_key, claimed_at)"
        + " VALUES (:tenant, :process, :key, :now)", params);
  }

  void link(String tenantId, String processKey, String businessKey, String processInstanceId) {
    var params = params(tenantId, processKey, businessKey);
    params.put("instance", processInstanceId);
    jdbc.update("UPDATE tz_case_file_claim SET process_instance_id = :instance WHERE tenant_id = :tenant"
        + " AND process_key = :process AND business_key = :key", params);
  }

  private static Map<String, Object> params(String tenantId, String processKey, String businessKey) {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("tenant", tenantId);
    params.put("process", processKey);
    params.put("key", businessKey);
    return params;
  }
}
