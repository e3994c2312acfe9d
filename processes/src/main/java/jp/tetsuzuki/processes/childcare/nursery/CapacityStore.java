package jp.tetsuzuki.processes.childcare.nursery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jp.tetsuzuki.processes.childcare.allocation.Facility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nursery tables of V75: facilities per tenant and their system, the stored places with their history, the
 * snapshots received. Plain JDBC; the caller holds the transaction.
 */
public class CapacityStore {

  /** A facility of a tenant and the nursery system that serves it. */
  public record FacilityRow(String tenantId, String facilityId, String name, String systemId) {}

  /** A snapshot received before under its key. */
  public record SnapshotRow(String systemId, String snapshotKey, String tenantId, String requestSha256, int entries,
      int changed) {}

  /** One change of a place count. */
  public record HistoryRow(String facilityId, String admissionMonth, int classAge, Integer oldCapacity,
      int newCapacity, String snapshotKey, String changedBy, Instant changedAt) {}

  private final JdbcTemplate jdbc;

  public CapacityStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** The systems (ids) the machine account reports for in the tenant. */
  public List<String> systemsOf(String accountId, String tenantId) {
    return jdbc.queryForList("SELECT system_id FROM tz_nursery_system WHERE account_id = ? AND tenant_id = ? "
        + "ORDER BY system_id", String.class, accountId, tenantId);
  }

  public List<FacilityRow> facilities(String tenantId) {
    return jdbc.query("SELECT tenant_id, facility_id, name, system_id FROM tz_nursery_facility WHERE tenant_id = ? "
        + "ORDER BY facility_id", (rs, n) -> new FacilityRow(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4)), tenantId);
  }

  public Optional<FacilityRow> facility(String tenantId, String facilityId) {
    return jdbc.query("SELECT tenant_id, facility_id, name, system_id FROM tz_nursery_facility WHERE tenant_id = ? "
        + "AND facility_id = ?", (rs, n) -> new FacilityRow(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4)), tenantId, facilityId).stream().findFirst();
  }

  public Optional<SnapshotRow> snapshot(String systemId, String snapshotKey) {
    return jdbc.query("SELECT system_id, snapshot_key, tenant_id, request_sha256, entries, changed FROM "
        + "tz_nursery_capacity_snapshot WHERE system_id = ? AND snapshot_key = ?", (rs, n) -> new SnapshotRow(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)),
        systemId, snapshotKey).stream().findFirst();
  }

  /** Claims the snapshot key (the primary key makes a second node's claim fail). */
  public void insertSnapshot(SnapshotRow row, String receivedBy, Instant at) {
    jdbc.update("INSERT INTO tz_nursery_capacity_snapshot (system_id, snapshot_key, tenant_id, request_sha256, "
        + "received_by, received_at, entries, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row.systemId(),
        row.snapshotKey(), row.tenantId(), row.requestSha256(), receivedBy, Timestamp.from(at), row.entries(),
        row.changed());
  }

  public void snapshotChanged(String systemId, String snapshotKey, int changed) {
    jdbc.update("UPDATE tz_nursery_capacity_snapshot SET changed = ? WHERE system_id = ? AND snapshot_key = ?",
        changed, systemId, snapshotKey);
  }

  /**
   * Sets one place count; a history row when it changed.
   *
   * @return whether it changed
   */
  public boolean set(String tenantId, String facilityId, String month, int classAge, int capacity,
      String snapshotKey, String by, Instant at) {
    List<Integer> current = jdbc.queryForList("SELECT capacity FROM tz_nursery_capacity WHERE tenant_id = ? AND "
        + "facility_id = ? AND admission_month = ? AND class_age = ?", Integer.class, tenantId, facilityId, month,
        classAge);
    if (!current.isEmpty() && current.get(0) == capacity) {
      return false;
    }
    Timestamp now = Timestamp.from(at);
    if (current.isEmpty()) {
      jdbc.update("INSERT INTO tz_nursery_capacity (tenant_id, facility_id, admission_month, class_age, capacity, "
          + "snapshot_key, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", tenantId, facilityId, month,
          classAge, capacity, snapshotKey, by, now);
    } else {
      jdbc.update("UPDATE tz_nursery_capacity SET capacity = ?, snapshot_key = ?, updated_by = ?, updated_at = ? "
          + "WHERE tenant_id = ? AND facility_id = ? AND admission_month = ? AND class_age = ?", capacity,
          snapshotKey, by, now, tenantId, facilityId, month, classAge);
    }
    jdbc.update("INSERT INTO tz_nursery_capacity_history (tenant_id, facility_id, admission_month, class_age, "
        + "old_capacity, new_capacity, snapshot_key, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        tenantId, facilityId, month, classAge, current.isEmpty() ? null : current.get(0), capacity, snapshotKey, by,
        now);
    return true;
  }

  /**
   * The places of the tenant's facilities for the admission month, as the allocation engine takes them: every
   * facility with at least one stored class age (the ages not reported count 0).
   */
  public List<Facility> placesFor(String tenantId, String month) {
    Map<String, int[]> places = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.query("SELECT c.facility_id, f.name, c.class_age, c.capacity FROM tz_nursery_capacity c LEFT JOIN "
        + "tz_nursery_facility f ON f.tenant_id = c.tenant_id AND f.facility_id = c.facility_id WHERE c.tenant_id = ? "
        + "AND c.admission_month = ? ORDER BY c.facility_id, c.class_age", rs -> {
          String id = rs.getString(1);
          names.putIfAbsent(id, rs.getString(2) == null ? id : rs.getString(2));
          places.computeIfAbsent(id, k -> new int[Facility.AGES])[rs.getInt(3)] = rs.getInt(4);
        }, tenantId, month);
    List<Facility> facilities = new ArrayList<>();
    places.forEach((id, byAge) -> facilities.add(Facility.of(id, names.get(id), byAge)));
    return facilities;
  }

  /** When the tenant's places of the month were last changed, or null when none are stored. */
  public Instant lastUpdate(String tenantId, String month) {
    Timestamp t = jdbc.queryForObject("SELECT MAX(updated_at) FROM tz_nursery_capacity WHERE tenant_id = ? AND "
        + "admission_month = ?", Timestamp.class, tenantId, month);
    return t == null ? null : t.toInstant();
  }

  public List<HistoryRow> history(String tenantId, String facilityId, String month, int classAge) {
    return jdbc.query("SELECT facility_id, admission_month, class_age, old_capacity, new_capacity, snapshot_key, "
        + "changed_by, changed_at FROM tz_nursery_capacity_history WHERE tenant_id = ? AND facility_id = ? AND "
        + "admission_month = ? AND class_age = ? ORDER BY id", (rs, n) -> new HistoryRow(rs.getString(1),
            rs.getString(2), rs.getInt(3), (Integer) rs.getObject(4), rs.getInt(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant()), tenantId, facilityId, month, classAge);
  }
}
