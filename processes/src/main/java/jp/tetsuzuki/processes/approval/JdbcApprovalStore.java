package jp.tetsuzuki.processes.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@link ApprovalStore} in our tables ({@code tz_approval_*}). Writes join the caller's transaction, so a rolled-back
 * task completion leaves no trace here either. Timestamps are stored in UTC.
 */
public class JdbcApprovalStore implements ApprovalStore {

  private final NamedParameterJdbcTemplate jdbc;

  public JdbcApprovalStore(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  @Override
  public void insert(ApprovalCase c) {
    jdbc.update("""
        INSERT INTO tz_approval_route (process_instance_id, tenant_id, subject, kind, amount, department,
          procedure_code, originator, status, current_position, created_at, ended_at)
        VALUES (:pid, :tenant, :subject, :kind, :amount, :department, :procedure, :originator, :status, :position,
          :created, :ended)""", params(c));
  }

  @Override
  public void update(ApprovalCase c) {
    jdbc.update("""
        UPDATE tz_approval_route SET status = :status, current_position = :position, ended_at = :ended
        WHERE process_instance_id = :pid""", params(c));
  }

  @Override
  public void saveDocument(String processInstanceId, Document document) {
    jdbc.update("UPDATE tz_approval_route SET summary = :summary, attachments_text = :attachments "
        + "WHERE process_instance_id = :pid", new MapSqlParameterSource().addValue("pid", processInstanceId)
        .addValue("summary", document.summary()).addValue("attachments", document.attachmentsText()));
  }

  @Override
  public Optional<Document> document(String processInstanceId) {
    return jdbc.query("SELECT summary, attachments_text FROM tz_approval_route WHERE process_instance_id = :pid",
        Map.of("pid", processInstanceId), (rs, row) -> new Document(rs.getString("summary"),
            rs.getString("attachments_text"))).stream().findFirst();
  }

  @Override
  public Optional<ApprovalCase> find(String processInstanceId) {
    return jdbc.query("SELECT * FROM tz_approval_route WHERE process_instance_id = :pid",
        Map.of("pid", processInstanceId), JdbcApprovalStore::toCase).stream().findFirst();
  }

  /** Routes are short (a handful of rows): all steps are replaced. */
  @Override
  public void saveSteps(String processInstanceId, List<RouteStep> steps) {
    jdbc.update("DELETE FROM tz_approval_step WHERE process_instance_id = :pid", Map.of("pid", processInstanceId));
    for (RouteStep s : steps) {
      jdbc.update("""
          INSERT INTO tz_approval_step (process_instance_id, position, participant, kind, role, department, user_id,
            step_days, status, added_by, escalated_to)
          VALUES (:pid, :position, :participant, :kind, :role, :department, :user, :days, :status, :addedBy,
            :escalatedTo)""", new MapSqlParameterSource()
          .addValue("pid", processInstanceId).addValue("position", s.position())
          .addValue("participant", s.participant()).addValue("kind", s.kind().name())
          .addValue("role", s.role() == null ? null : s.role().name()).addValue("department", s.department())
          .addValue("user", s.userId()).addValue("days", s.stepDays()).addValue("status", s.status().name())
          .addValue("addedBy", s.addedBy()).addValue("escalatedTo", s.escalatedTo()));
    }
  }

  @Override
  public List<RouteStep> steps(String processInstanceId) {
    return jdbc.query("""
        SELECT * FROM tz_approval_step WHERE process_instance_id = :pid ORDER BY position, participant""",
        Map.of("pid", processInstanceId), (rs, i) -> new RouteStep(rs.getInt("position"), rs.getInt("participant"),
            StepKind.valueOf(rs.getString("kind")),
            rs.getString("role") == null ? null : ApproverRole.valueOf(rs.getString("role")),
            rs.getString("department"), rs.getString("user_id"), rs.getInt("step_days"),
            RouteStep.Status.valueOf(rs.getString("status")), rs.getString("added_by"),
            rs.getString("escalated_to")));
  }

  @Override
  public void record(String processInstanceId, String tenantId, ActionRecord a) {
    Integer last = jdbc.queryForObject(
        "SELECT MAX(seq) FROM tz_approval_action WHERE process_instance_id = :pid", Map.of("pid", processInstanceId),
        Integer.class);
    jdbc.update("""
        INSERT INTO tz_approval_action (id, process_instance_id, tenant_id, seq, position, step_kind, action,
          actor_id, on_behalf_of, comment_text, target_position, acted_at)
        VALUES (:id, :pid, :tenant, :seq, :position, :kind, :action, :actor, :onBehalfOf, :comment, :target,
          :at)""", new MapSqlParameterSource()
        .addValue("id", UUID.randomUUID().toString()).addValue("pid", processInstanceId)
        .addValue("tenant", tenantId).addValue("seq", last == null ? 1 : last + 1)
        .addValue("position", a.position()).addValue("kind", a.stepKind() == null ? null : a.stepKind().name())
        .addValue("action", a.action().name()).addValue("actor", a.actorId())
        .addValue("onBehalfOf", a.onBehalfOf()).addValue("comment", a.comment())
        .addValue("target", a.targetPosition()).addValue("at", Timestamp.from(a.actedAt())));
  }

  @Override
  public List<ActionRecord> actions(String processInstanceId) {
    return jdbc.query("SELECT * FROM tz_approval_action WHERE process_instance_id = :pid ORDER BY seq",
        Map.of("pid", processInstanceId), (rs, i) -> new ActionRecord(rs.getInt("seq"), rs.getInt("position"),
            rs.getString("step_kind") == null ? null : StepKind.valueOf(rs.getString("step_kind")),
            ActionType.valueOf(rs.getString("action")), rs.getString("actor_id"), rs.getString("on_behalf_of"),
            rs.getString("comment_text"), (Integer) rs.getObject("target_position", Integer.class),
            rs.getTimestamp("acted_at").toInstant()));
  }

  private static MapSqlParameterSource params(ApprovalCase c) {
    return new MapSqlParameterSource().addValue("pid", c.processInstanceId()).addValue("tenant", c.tenantId())
        .addValue("subject", c.subject()).addValue("kind", c.kind()).addValue("amount", c.amount())
        .addValue("department", c.department()).addValue("procedure", c.procedureCode())
        .addValue("originator", c.originator()).addValue("status", c.status().name())
        .addValue("position", c.currentPosition()).addValue("created", Timestamp.from(c.createdAt()))
        .addValue("ended", c.endedAt() == null ? null : Timestamp.from(c.endedAt()));
  }

  private static ApprovalCase toCase(ResultSet rs, int row) throws SQLException {
    Timestamp ended = rs.getTimestamp("ended_at");
    return new ApprovalCase(rs.getString("process_instance_id"), rs.getString("tenant_id"), rs.getString("subject"),
        rs.getString("kind"), rs.getLong("amount"), rs.getString("department"), rs.getString("procedure_code"),
        rs.getString("originator"), RouteStatus.valueOf(rs.getString("status")), rs.getInt("current_position"),
        rs.getTimestamp("created_at").toInstant(), ended == null ? null : ended.toInstant());
  }
}
