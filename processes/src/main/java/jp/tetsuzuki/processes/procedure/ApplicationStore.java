package jp.tetsuzuki.processes.procedure;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.tetsuzuki.processes.calendar.Pause;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Applications, their documents, pauses and events ({@code tz_application*}) and the idempotency keys. Plain JDBC
 * with parameters; each method is one or two statements and joins the caller's transaction.
 */
public class ApplicationStore {

  /** An event of an application, for the status API. */
  public record Event(String type, String message, String actor, Instant occurredAt) {}

  /** An idempotency key: the request it was first used with and the application it created. */
  public record IdempotencyKey(String requestHash, String applicationId) {}

  private static final RowMapper<ApplicationRecord> ROW = ApplicationStore::row;

  private final JdbcTemplate jdbc;

  public ApplicationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApplicationRecord a, Instant now) {
    jdbc.update("INSERT INTO tz_application (id, tenant_id, procedure_code, procedure_version, process_instance_id, "
        + "channel, status, stage, received_on, due_date, clock_paused, paused_since, paused_days, correction_due, "
        + "applicant_json, data_json, outcome, outcome_reason, created_by, created_at, updated_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(), a.tenantId(), a.procedureCode(), a.procedureVersion(), a.processInstanceId(), a.channel(),
        a.status(), a.stage(), Date.valueOf(a.receivedOn()), Date.valueOf(a.dueDate()), a.clockPaused(),
        a.pausedSince() == null ? null : Date.valueOf(a.pausedSince()), a.pausedDays(),
        a.correctionDue() == null ? null : Date.valueOf(a.correctionDue()), a.applicantJson(), a.dataJson(),
        a.outcome(), a.outcomeReason(), a.createdBy(), Timestamp.from(now), Timestamp.from(now));
  }

  public Optional<ApplicationRecord> find(String id) {
    return jdbc.query("SELECT * FROM tz_application WHERE id = ?", ROW, id).stream().findFirst();
  }

  public ApplicationRecord get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("no application " + id));
  }

  /** Links the application to its case; false when another case holds it already. */
  public boolean linkProcess(String id, String processInstanceId) {
    return jdbc.update("UPDATE tz_application SET process_instance_id = ? WHERE id = ? "
        + "AND (process_instance_id IS NULL OR process_instance_id = ?)", processInstanceId, id, processInstanceId) == 1;
  }

  public void stage(String id, String status, String stage, Instant now) {
    jdbc.update("UPDATE tz_application SET status = ?, stage = ?, updated_at = ? WHERE id = ? AND outcome IS NULL",
        status, stage, Timestamp.from(now), id);
  }

  public void stageOnly(String id, String stage, Instant now) {
    jdbc.update("UPDATE tz_application SET stage = ?, updated_at = ? WHERE id = ?", stage, Timestamp.from(now), id);
  }

  public void dueDate(String id, LocalDate due, Instant now) {
    jdbc.update("UPDATE tz_application SET due_date = ?, updated_at = ? WHERE id = ?", Date.valueOf(due),
        Timestamp.from(now), id);
  }

  public void data(String id, String dataJson, Instant now) {
    jdbc.update("UPDATE tz_application SET data_json = ?, updated_at = ? WHERE id = ?", dataJson,
        Timestamp.from(now), id);
  }

  public void pause(String id, LocalDate requestedOn, LocalDate correctionDue, Instant now) {
    // a further request on the day a correction arrived continues that day's pause (one pause per day)
    if (jdbc.update("UPDATE tz_application_pause SET resumed_on = NULL WHERE application_id = ? AND requested_on = ?",
        id, Date.valueOf(requestedOn)) == 0) {
      jdbc.update("INSERT INTO tz_application_pause (application_id, requested_on) VALUES (?, ?)", id,
          Date.valueOf(requestedOn));
    }
    jdbc.update("UPDATE tz_application SET status = ?, stage = ?, clock_paused = TRUE, paused_since = ?, "
        + "correction_due = ?, updated_at = ? WHERE id = ?", ApplicationRecord.STATUS_AWAITING_CORRECTION,
        ApplicationRecord.STAGE_CORRECTION, Date.valueOf(requestedOn), Date.valueOf(correctionDue),
        Timestamp.from(now), id);
  }

  /** Ends the running pause on {@code resumedOn}; the new due date and paused days follow from all pauses. */
  public void resume(String id, LocalDate resumedOn, LocalDate due, int pausedDays, Instant now) {
    jdbc.update("UPDATE tz_application_pause SET resumed_on = ? WHERE application_id = ? AND resumed_on IS NULL",
        Date.valueOf(resumedOn), id);
    jdbc.update("UPDATE tz_application SET status = ?, stage = ?, clock_paused = FALSE, paused_since = NULL, "
        + "correction_due = NULL, due_date = ?, paused_days = ?, updated_at = ? WHERE id = ?",
        ApplicationRecord.STATUS_RECEIVED, ApplicationRecord.STAGE_COMPLETENESS_CHECK, Date.valueOf(due),
        pausedDays, Timestamp.from(now), id);
  }

  public List<Pause> completedPauses(String id) {
    return jdbc.query("SELECT requested_on, resumed_on FROM tz_application_pause WHERE application_id = ? "
        + "AND resumed_on IS NOT NULL ORDER BY requested_on", (rs, i) -> new Pause(rs.getDate(1).toLocalDate(),
        rs.getDate(2).toLocalDate()), id);
  }

  /** Records the final outcome (granted, refused, deemed-withdrawn, withdrawn); the clock stops for good. */
  public void outcome(String id, String outcome, String reason, Instant now) {
    jdbc.update("UPDATE tz_application SET status = ?, outcome = ?, outcome_reason = ?, clock_paused = FALSE, "
        + "stage = ?, updated_at = ? WHERE id = ?", outcome, outcome, reason, ApplicationRecord.STAGE_NOTIFICATION,
        Timestamp.from(now), id);
  }

  public void attach(String id, String documentId, String kind, Instant now) {
    jdbc.update("DELETE FROM tz_application_document WHERE application_id = ? AND document_id = ?", id, documentId);
    jdbc.update("INSERT INTO tz_application_document (application_id, document_id, kind, attached_at) "
        + "VALUES (?, ?, ?, ?)", id, documentId, kind, Timestamp.from(now));
  }

  public List<CompletenessCheck.Attached> documents(String id) {
    return jdbc.query("SELECT a.document_id, a.kind, d.media_type FROM tz_application_document a "
        + "JOIN tz_document d ON d.id = a.document_id WHERE a.application_id = ? ORDER BY a.attached_at, a.kind",
        (rs, i) -> new CompletenessCheck.Attached(rs.getString(1), rs.getString(2), rs.getString(3)), id);
  }

  /** Records an event of the application; returns its id (the stable key of a notice sent for it). */
  public String event(String id, String type, String message, String actor, Instant now) {
    String eventId = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO tz_application_event (id, application_id, event_type, message, actor, occurred_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", eventId, id, type, message, actor, Timestamp.from(now));
    return eventId;
  }

  /** An event by its id, only if it is an event of this application. */
  public Optional<Event> event(String id, String eventId) {
    return jdbc.query("SELECT event_type, message, actor, occurred_at FROM tz_application_event "
        + "WHERE application_id = ? AND id = ?", (rs, i) -> new Event(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getTimestamp(4).toInstant()), id, eventId).stream().findFirst();
  }

  /** What document-inspection found; a refused document is named in the correction request. */
  public record Inspected(String documentId, String kind, String fileName, String inspection, String note) {}

  public static final String INSPECTION_ACCEPTED = "accepted";
  public static final String INSPECTION_REFUSED = "refused";
  public static final String INSPECTION_TRANSCRIBED = "transcribed";

  /** The attached documents nobody inspected yet (new, or attached again with a correction). */
  public List<String> uninspectedDocuments(String id) {
    return jdbc.queryForList("SELECT document_id FROM tz_application_document WHERE application_id = ? "
        + "AND inspection IS NULL ORDER BY attached_at, kind", String.class, id);
  }

  /**
   * Records the inspection of a document of this application, once: false when it is not attached to it or its
   * inspection is recorded already (a result is never overwritten, whoever reports it).
   */
  public boolean inspected(String id, String documentId, String inspection, String note) {
    return jdbc.update("UPDATE tz_application_document SET inspection = ?, inspection_note = ? "
        + "WHERE application_id = ? AND document_id = ? AND inspection IS NULL", inspection, note, id,
        documentId) == 1;
  }

  public List<Inspected> inspections(String id) {
    return jdbc.query("SELECT a.document_id, a.kind, d.file_name, a.inspection, a.inspection_note "
        + "FROM tz_application_document a JOIN tz_document d ON d.id = a.document_id WHERE a.application_id = ? "
        + "ORDER BY a.attached_at, a.kind", (rs, i) -> new Inspected(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5)), id);
  }

  /** An entry (or a failed try) of the case into a legacy register, with the bot's screen audit trail. */
  public record LegacyEntry(String registerName, String outcome, String recordNumber, String auditJson,
      String messages, String actor, Instant occurredAt) {}

  public void legacyEntry(String id, LegacyEntry entry) {
    jdbc.update("INSERT INTO tz_application_legacy_entry (id, application_id, register_name, outcome, record_number, "
        + "audit_json, messages, actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(),
        id, entry.registerName(), entry.outcome(), entry.recordNumber(), entry.auditJson(), entry.messages(),
        entry.actor(), Timestamp.from(entry.occurredAt()));
  }

  public List<LegacyEntry> legacyEntries(String id) {
    return jdbc.query("SELECT register_name, outcome, record_number, audit_json, messages, actor, occurred_at "
        + "FROM tz_application_legacy_entry WHERE application_id = ? ORDER BY seq", (rs, i) -> new LegacyEntry(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getTimestamp(7).toInstant()), id);
  }

  public List<Event> events(String id) {
    return jdbc.query("SELECT event_type, message, actor, occurred_at FROM tz_application_event "
        + "WHERE application_id = ? ORDER BY seq", (rs, i) -> new Event(rs.getString(1),
        rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), id);
  }

  /** Claims an idempotency key; fails with a DuplicateKeyException when the client used it before. */
  public void claimKey(String clientId, String key, String requestHash, String applicationId, Instant now) {
    jdbc.update("INSERT INTO tz_idempotency_key (client_id, idem_key, request_hash, application_id, created_at) "
        + "VALUES (?, ?, ?, ?, ?)", clientId, key, requestHash, applicationId, Timestamp.from(now));
  }

  public Optional<IdempotencyKey> key(String clientId, String key) {
    return jdbc.query("SELECT request_hash, application_id FROM tz_idempotency_key WHERE client_id = ? "
        + "AND idem_key = ?", (rs, i) -> new IdempotencyKey(rs.getString(1), rs.getString(2)), clientId, key)
        .stream().findFirst();
  }

  public long countFor(String tenantId) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM tz_application WHERE tenant_id = ?", Long.class, tenantId);
    return n == null ? 0 : n;
  }

  private static ApplicationRecord row(ResultSet rs, int i) throws SQLException {
    return new ApplicationRecord(rs.getString("id"), rs.getString("tenant_id"), rs.getString("procedure_code"),
        rs.getInt("procedure_version"), rs.getString("process_instance_id"), rs.getString("channel"),
        rs.getString("status"), rs.getString("stage"), date(rs, "received_on"), date(rs, "due_date"),
        rs.getBoolean("clock_paused"), date(rs, "paused_since"), rs.getInt("paused_days"),
        date(rs, "correction_due"), rs.getString("applicant_json"), rs.getString("data_json"),
        rs.getString("outcome"), rs.getString("outcome_reason"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
