package jp.tetsuzuki.processes.approval;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Registered substitutes ({@code tz_approval_substitute}). */
public class SubstituteRegistry implements ActiveSubstitutes {

  private static final RowMapper<Substitute> ROW = (rs, i) -> new Substitute(rs.getString("id"),
      rs.getString("tenant_id"), rs.getString("principal_id"), rs.getString("substitute_id"),
      rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(), rs.getString("created_by"),
      rs.getTimestamp("created_at").toInstant());

  private final NamedParameterJdbcTemplate jdbc;

  public SubstituteRegistry(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  public void insert(Substitute s) {
    jdbc.update("""
        INSERT INTO tz_approval_substitute (id, tenant_id, principal_id, substitute_id, valid_from, valid_to,
          created_by, created_at)
        VALUES (:id, :tenant, :principal, :substitute, :from, :to, :createdBy, :createdAt)""",
        new MapSqlParameterSource().addValue("id", s.id()).addValue("tenant", s.tenantId())
            .addValue("principal", s.principal()).addValue("substitute", s.substitute())
            .addValue("from", Date.valueOf(s.validFrom())).addValue("to", Date.valueOf(s.validTo()))
            .addValue("createdBy", s.createdBy()).addValue("createdAt", Timestamp.from(s.createdAt())));
  }

  public Optional<Substitute> find(String id) {
    return jdbc.query("SELECT * FROM tz_approval_substitute WHERE id = :id", Map.of("id", id), ROW).stream()
        .findFirst();
  }

  public void delete(String id) {
    jdbc.update("DELETE FROM tz_approval_substitute WHERE id = :id", Map.of("id", id));
  }

  /** Registrations of a tenant that concern the user (as principal or as substitute) and have not ended. */
  public List<Substitute> concerning(String tenantId, String userId, LocalDate notEndedBefore) {
    return jdbc.query("""
        SELECT * FROM tz_approval_substitute
        WHERE tenant_id = :tenant AND (principal_id = :user OR substitute_id = :user) AND valid_to >= :day
        ORDER BY valid_from, principal_id, substitute_id""",
        new MapSqlParameterSource().addValue("tenant", tenantId).addValue("user", userId)
            .addValue("day", Date.valueOf(notEndedBefore)), ROW);
  }

  @Override
  public List<String> activeSubstitutesOf(String tenantId, String principal, LocalDate day) {
    return jdbc.queryForList("""
        SELECT DISTINCT substitute_id FROM tz_approval_substitute
        WHERE tenant_id = :tenant AND principal_id = :principal AND valid_from <= :day AND valid_to >= :day
        ORDER BY substitute_id""",
        new MapSqlParameterSource().addValue("tenant", tenantId).addValue("principal", principal)
            .addValue("day", Date.valueOf(day)), String.class);
  }

  /** Registrations whose period has begun by the day but whose substitute was not yet linked to the open tasks. */
  public List<Substitute> dueForLinking(LocalDate day) {
    return jdbc.query("SELECT * FROM tz_approval_substitute WHERE linked_at IS NULL AND valid_from <= :day "
        + "AND valid_to >= :day", Map.of("day", Date.valueOf(day)), ROW);
  }

  /** Registrations that ended before the day and whose candidate links were not yet taken back. */
  public List<Substitute> dueForUnlinking(LocalDate day) {
    return jdbc.query("SELECT * FROM tz_approval_substitute WHERE unlinked_at IS NULL AND valid_to < :day",
        Map.of("day", Date.valueOf(day)), ROW);
  }

  /** Claims the linking for this node; false when another node (or an earlier run) did it. */
  public boolean claimLinking(String id, Instant now) {
    return jdbc.update("UPDATE tz_approval_substitute SET linked_at = :now WHERE id = :id AND linked_at IS NULL",
        new MapSqlParameterSource().addValue("id", id).addValue("now", Timestamp.from(now))) == 1;
  }

  /** Claims the unlinking for this node; false when another node (or an earlier run) did it. */
  public boolean claimUnlinking(String id, Instant now) {
    return jdbc.update("UPDATE tz_approval_substitute SET unlinked_at = :now WHERE id = :id AND unlinked_at IS NULL",
        new MapSqlParameterSource().addValue("id", id).addValue("now", Timestamp.from(now))) == 1;
  }

  @Override
  public boolean isActiveSubstitute(String tenantId, String principal, String substitute, LocalDate day) {
    return activeSubstitutesOf(tenantId, principal, day).contains(substitute);
  }
}
