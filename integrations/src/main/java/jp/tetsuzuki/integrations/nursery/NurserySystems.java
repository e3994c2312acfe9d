package jp.tetsuzuki.integrations.nursery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import jp.tetsuzuki.integrations.nursery.NurseryProperties.FacilityEntry;
import jp.tetsuzuki.integrations.nursery.NurseryProperties.NurserySystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The configured nursery systems, and their registration in {@code tz_nursery_system} / {@code tz_nursery_facility}
 * (V75) at start, so that the platform's checks (which facilities a tenant has, which account reports for which
 * facility) read the same list on every node. Configuration is the one source: a facility removed from it is removed
 * from the table.
 */
public class NurserySystems {

  private static final Logger LOG = LoggerFactory.getLogger(NurserySystems.class);

  private final List<NurserySystem> systems;

  public NurserySystems(List<NurserySystem> systems) {
    this.systems = List.copyOf(systems);
  }

  public List<NurserySystem> all() {
    return systems;
  }

  public Optional<NurserySystem> byId(String id) {
    return systems.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Writes the systems and their facilities into the tables (idempotent; several nodes may do it at once). */
  public void register(DataSource dataSource, Clock clock) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Timestamp now = Timestamp.from(clock.instant());
    for (NurserySystem s : systems) {
      try {
        if (jdbc.update("UPDATE tz_nursery_system SET tenant_id = ?, account_id = ?, name = ?, updated_at = ? "
            + "WHERE system_id = ?", s.tenantId(), s.account(), s.name(), now, s.id()) == 0) {
          jdbc.update("INSERT INTO tz_nursery_system (system_id, tenant_id, account_id, name, updated_at) "
              + "VALUES (?, ?, ?, ?, ?)", s.id(), s.tenantId(), s.account(), s.name(), now);
        }
        List<String> ids = s.facilities().stream().map(FacilityEntry::id).toList();
        jdbc.query("SELECT facility_id FROM tz_nursery_facility WHERE system_id = ?",
            (rs, n) -> rs.getString(1), s.id()).stream().filter(id -> !ids.contains(id))
            .forEach(id -> jdbc.update("DELETE FROM tz_nursery_facility WHERE tenant_id = ? AND facility_id = ? "
                + "AND system_id = ?", s.tenantId(), id, s.id()));
        for (FacilityEntry f : s.facilities()) {
          if (jdbc.update("UPDATE tz_nursery_facility SET name = ?, system_id = ? WHERE tenant_id = ? AND "
              + "facility_id = ?", f.name(), s.id(), s.tenantId(), f.id()) == 0) {
            jdbc.update("INSERT INTO tz_nursery_facility (tenant_id, facility_id, name, system_id) VALUES "
                + "(?, ?, ?, ?)", s.tenantId(), f.id(), f.name(), s.id());
          }
        }
      } catch (DuplicateKeyException otherNode) {
        // another node registered the same configuration at the same moment
        LOG.debug("nursery system {} registered by another node", s.id());
      }
    }
    LOG.info("nursery systems registered: {}", systems.stream().map(NurserySystem::id).toList());
  }
}
