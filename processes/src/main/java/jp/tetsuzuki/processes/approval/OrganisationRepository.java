package jp.tetsuzuki.processes.approval;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Organisation units of a tenant ({@code tz_org_unit}). */
public class OrganisationRepository {

  private final NamedParameterJdbcTemplate jdbc;

  public OrganisationRepository(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  public OrganisationChart chartOf(String tenantId) {
    return new OrganisationChart(jdbc.query("SELECT * FROM tz_org_unit WHERE tenant_id = :tenant",
        Map.of("tenant", tenantId), (rs, i) -> new OrgUnit(rs.getString("code"), rs.getString("name"),
            OrgUnit.Level.valueOf(rs.getString("unit_level")), rs.getString("parent_code"),
            rs.getString("head_user_id"))));
  }

  public boolean hasUnits(String tenantId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tz_org_unit WHERE tenant_id = :tenant",
        Map.of("tenant", tenantId), Integer.class);
    return n != null && n > 0;
  }

  /** Inserts or replaces one unit (a reorganisation is a set of these). */
  public void save(String tenantId, OrgUnit unit) {
    MapSqlParameterSource p = new MapSqlParameterSource().addValue("tenant", tenantId).addValue("code", unit.code())
        .addValue("name", unit.name()).addValue("level", unit.level().name()).addValue("parent", unit.parentCode())
        .addValue("head", unit.headUserId());
    int updated = jdbc.update("""
        UPDATE tz_org_unit SET name = :name, unit_level = :level, parent_code = :parent, head_user_id = :head
        WHERE tenant_id = :tenant AND code = :code""", p);
    if (updated == 0) {
      jdbc.update("""
          INSERT INTO tz_org_unit (tenant_id, code, name, unit_level, parent_code, head_user_id)
          VALUES (:tenant, :code, :name, :level, :parent, :head)""", p);
    }
  }

  public void saveAll(String tenantId, List<OrgUnit> units) {
    units.forEach(u -> save(tenantId, u));
  }
}
