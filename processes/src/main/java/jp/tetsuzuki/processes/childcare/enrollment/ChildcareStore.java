package jp.tetsuzuki.processes.childcare.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Our tables of childcare applications ({@code V61__childcare_enrollment.sql}). */
public class ChildcareStore {

  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** Stages of an application, as {@code GET /api/v1/childcare/applications/{id}} reports them. */
  public static final String STAGE_RECEIVED = "received";
  public static final String STAGE_VERIFYING = "verifying";
  public static final String STAGE_AWAITING_ROUND = "awaiting-round";
  public static final String STAGE_WAITING = "waiting";
  public static final String STAGE_OFFERED = "offered";
  public static final String STAGE_ENROLLED = "enrolled";
  public static final String STAGE_DECLINED = "declined";
  public static final String STAGE_WITHDRAWN = "withdrawn";
  public static final String STAGE_CLOSED = "closed-at-fiscal-year-end";

  public record ApplicationRow(String id, String tenantId, String createdBy, Instant createdAt, String idempotencyKey,
      String requestSha256, int fiscalYear, String admissionMonth, String stage, ApplicationContent content,
      Integer points, String pointsExplanation, String resultFacilityId, String resultExplanation,
      String processInstanceId) {}

  public record DocumentRow(String applicationId, String documentId, String kind, Integer guardianNumber,
      String inspection, String inspectionNote, String recognitionJson, Boolean needsVerification,
      String verifiedJson, String verifiedBy) {}

  public record EventRow(Instant at, String kind, String textJa, String actor) {}

  private final JdbcTemplate jdbc;

  public ChildcareStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** The application and its documents, in one transaction of the caller. */
  public void insert(ApplicationRow row) {
    jdbc.update("INSERT INTO tz_childcare_application (id, tenant_id, created_by, created_at, idempotency_key,"
            + " request_sha256, fiscal_year, admission_month, stage, content_json) VALUES (?,?,?,?,?,?,?,?,?,?)",
        row.id(), row.tenantId(), row.createdBy(), Timestamp.from(row.createdAt()), row.idempotencyKey(),
        row.requestSha256(), row.fiscalYear(), row.admissionMonth(), row.stage(), json(row.content()));
    for (ApplicationContent.Document d : row.content().documents()) {
      jdbc.update("INSERT INTO tz_childcare_document (application_id, document_id, kind, guardian_number)"
          + " VALUES (?,?,?,?)", row.id(), d.documentId(), d.kind(), d.guardianNumber());
    }
  }

  public Optional<ApplicationRow> find(String id) {
    return jdbc.query("SELECT * FROM tz_childcare_application WHERE id = ?", (rs, n) -> new ApplicationRow(
        rs.getString("id"), rs.getString("tenant_id"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), rs.getString("idempotency_key"), rs.getString("request_sha256"),
        rs.getInt("fiscal_year"), rs.getString("admission_month"), rs.getString("stage"),
        content(rs.getString("content_json")), (Integer) rs.getObject("points", Integer.class),
        rs.getString("points_explanation"), rs.getString("result_facility_id"), rs.getString("result_explanation"),
        rs.getString("process_instance_id")), id).stream().findFirst();
  }

  public Optional<ApplicationRow> findByIdempotencyKey(String tenantId, String createdBy, String key) {
    List<String> ids = jdbc.queryForList("SELECT id FROM tz_childcare_application WHERE tenant_id = ? AND"
        + " created_by = ? AND idempotency_key = ?", String.class, tenantId, createdBy, key);
    return ids.stream().findFirst().flatMap(this::find);
  }

  /**
   * Ids of the tenant's applications in a stage for an admission month (the round's input), oldest first: those of
   * the month and the earlier months of the same fiscal year (review C12: the fiscal year the application carries;
   * an April round does not take the old year's applications, they end at the old year's end).
   */
  public List<String> inStage(String tenantId, String admissionMonth, List<String> stages) {
    String marks = String.join(",", stages.stream().map(s -> "?").toList());
    Object[] args = new Object[3 + stages.size()];
    args[0] = tenantId;
    args[1] = admissionMonth;
    args[2] = fiscalYearOfMonth(admissionMonth);
    for (int i = 0; i < stages.size(); i++) {
      args[3 + i] = stages.get(i);
    }
    return jdbc.queryForList("SELECT id FROM tz_childcare_application WHERE tenant_id = ? AND admission_month <= ?"
        + " AND fiscal_year = ? AND stage IN (" + marks + ") ORDER BY created_at, id", String.class, args);
  }

  /** The fiscal year (April–March) of a {@code YYYY-MM} month. */
  public static int fiscalYearOfMonth(String admissionMonth) {
    java.time.YearMonth month = java.time.YearMonth.parse(admissionMonth);
    return month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
  }

  /** How many round results were written to the application (review C9: the round's compare-and-set token). */
  public int resultVersion(String id) {
    return jdbc.query("SELECT result_version FROM tz_childcare_application WHERE id = ?", (rs, n) -> rs.getInt(1), id)
        .stream().findFirst().orElse(0);
  }

  /**
   * A round's result, only when the application is still as the round collected it (stage and result version);
   * false (nothing written) otherwise. One conditional UPDATE, so two rounds approved at once cannot both write.
   */
  public boolean resultIfUnchanged(String id, String expectedStage, int expectedVersion, String stage,
      String facilityId, String explanation, String childrenJson) {
    return jdbc.update("UPDATE tz_childcare_application SET stage = ?, result_facility_id = ?, result_explanation = ?,"
        + " result_children_json = ?, result_version = result_version + 1 WHERE id = ? AND stage = ? AND"
        + " result_version = ?", stage, facilityId, explanation, childrenJson, id, expectedStage, expectedVersion) == 1;
  }

  public void processInstance(String id, String processInstanceId) {
    jdbc.update("UPDATE tz_childcare_application SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  public void stage(String id, String stage) {
    jdbc.update("UPDATE tz_childcare_application SET stage = ? WHERE id = ?", stage, id);
  }

  public void points(String id, int points, String explanation) {
    jdbc.update("UPDATE tz_childcare_application SET points = ?, points_explanation = ? WHERE id = ?", points,
        explanation, id);
  }

  /** The points with the base points apart (a tie-break criterion of some tenants). */
  public void points(String id, int points, int basePoints, String explanation) {
    jdbc.update("UPDATE tz_childcare_application SET points = ?, base_points = ?, points_explanation = ? WHERE id = ?",
        points, basePoints, explanation, id);
  }

  public Integer basePoints(String id) {
    return jdbc.query("SELECT base_points FROM tz_childcare_application WHERE id = ?",
        (rs, n) -> (Integer) rs.getObject(1, Integer.class), id).stream().filter(java.util.Objects::nonNull)
        .findFirst().orElse(null);
  }

  /** The application of a paper (紙の申込書) registered before in the tenant: same content, same key. */
  public Optional<ApplicationRow> findPaper(String tenantId, String paperKey) {
    return jdbc.queryForList("SELECT id FROM tz_childcare_application WHERE tenant_id = ? AND paper_key = ?",
        String.class, tenantId, paperKey).stream().findFirst().flatMap(this::find);
  }

  /** A paper application, in the caller's transaction: the row, its channel and its paper key (unique per tenant). */
  public void insertPaper(ApplicationRow row, String paperKey) {
    insert(row);
    jdbc.update("UPDATE tz_childcare_application SET channel = 'paper', paper_key = ? WHERE id = ?", paperKey,
        row.id());
  }

  public String channel(String id) {
    return jdbc.query("SELECT channel FROM tz_childcare_application WHERE id = ?", (rs, n) -> rs.getString(1), id)
        .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** Stages in which the case is still open (withdrawal and the fiscal year's end may close it). */
  public static final List<String> OPEN_STAGES = List.of(STAGE_RECEIVED, STAGE_VERIFYING, STAGE_AWAITING_ROUND,
      STAGE_WAITING, STAGE_OFFERED);

  /**
   * Moves an open application to {@code stage}, once: false when it is not open any more (enrolled, declined,
   * withdrawn or closed), so two closings never both happen.
   */
  public boolean close(String id, String stage) {
    String marks = String.join(",", OPEN_STAGES.stream().map(s -> "?").toList());
    Object[] args = new Object[2 + OPEN_STAGES.size()];
    args[0] = stage;
    args[1] = id;
    for (int i = 0; i < OPEN_STAGES.size(); i++) {
      args[2 + i] = OPEN_STAGES.get(i);
    }
    return jdbc.update("UPDATE tz_childcare_application SET stage = ? WHERE id = ? AND stage IN (" + marks + ")",
        args) == 1;
  }

  /** A household's offer: the stage, the facility of the first placed child, the text and each child's result. */
  public void result(String id, String stage, String facilityId, String explanation, String childrenJson) {
    jdbc.update("UPDATE tz_childcare_application SET stage = ?, result_facility_id = ?, result_explanation = ?,"
        + " result_children_json = ?, result_version = result_version + 1 WHERE id = ?", stage, facilityId,
        explanation, childrenJson, id);
  }

  public String resultChildrenJson(String id) {
    return jdbc.query("SELECT result_children_json FROM tz_childcare_application WHERE id = ?",
        (rs, n) -> rs.getString(1), id).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  public void result(String id, String stage, String facilityId, String explanation) {
    jdbc.update("UPDATE tz_childcare_application SET stage = ?, result_facility_id = ?, result_explanation = ?,"
        + " result_version = result_version + 1 WHERE id = ?", stage, facilityId, explanation, id);
  }

  public List<DocumentRow> documents(String applicationId) {
    return jdbc.query("SELECT * FROM tz_childcare_document WHERE application_id = ? ORDER BY document_id",
        (rs, n) -> new DocumentRow(rs.getString("application_id"), rs.getString("document_id"), rs.getString("kind"),
            (Integer) rs.getObject("guardian_number", Integer.class), rs.getString("inspection"),
            rs.getString("inspection_note"), rs.getString("recognition_json"),
            (Boolean) rs.getObject("needs_verification", Boolean.class), rs.getString("verified_json"),
            rs.getString("verified_by")), applicationId);
  }

  /** Records the inspection once: false when it was recorded already. */
  public boolean inspected(String applicationId, String documentId, String inspection, String note) {
    return jdbc.update("UPDATE tz_childcare_document SET inspection = ?, inspection_note = ? WHERE application_id = ?"
        + " AND document_id = ? AND inspection IS NULL", inspection, note, applicationId, documentId) == 1;
  }

  public void recognition(String applicationId, String documentId, String recognitionJson, boolean needsVerification) {
    jdbc.update("UPDATE tz_childcare_document SET recognition_json = ?, needs_verification = ? WHERE"
        + " application_id = ? AND document_id = ?", recognitionJson, needsVerification, applicationId, documentId);
  }

  public void verified(String applicationId, String documentId, String verifiedJson, String by, Instant at) {
    jdbc.update("UPDATE tz_childcare_document SET verified_json = ?, verified_by = ?, verified_at = ? WHERE"
        + " application_id = ? AND document_id = ?", verifiedJson, by, Timestamp.from(at), applicationId, documentId);
  }

  public void event(String applicationId, String kind, String textJa, String actor, Instant at) {
    jdbc.update("INSERT INTO tz_childcare_event (application_id, occurred_at, kind, text_ja, actor) VALUES"
        + " (?,?,?,?,?)", applicationId, Timestamp.from(at), kind,
        textJa.length() > 2000 ? textJa.substring(0, 2000) : textJa, actor);
  }

  public List<EventRow> events(String applicationId) {
    return jdbc.query("SELECT * FROM tz_childcare_event WHERE application_id = ? ORDER BY id", (rs, n) ->
        new EventRow(rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"), rs.getString("text_ja"),
            rs.getString("actor")), applicationId);
  }

  /** Records what staff confirmed of the declaration (replacing an earlier confirmation of the same case). */
  public void confirmDeclaration(String applicationId, ConfirmedDeclaration confirmed, String by, Instant at) {
    jdbc.update("DELETE FROM tz_childcare_declaration WHERE application_id = ?", applicationId);
    jdbc.update("INSERT INTO tz_childcare_declaration (application_id, confirmed_json, confirmed_by, confirmed_at)"
        + " VALUES (?,?,?,?)", applicationId, json(confirmed), by, Timestamp.from(at));
  }

  /** What staff confirmed of the declaration; empty until they did. */
  public Optional<ConfirmedDeclaration> declaration(String applicationId) {
    return jdbc.queryForList("SELECT confirmed_json FROM tz_childcare_declaration WHERE application_id = ?",
        String.class, applicationId).stream().findFirst().map(j -> {
          try {
            return JSON.readValue(j, ConfirmedDeclaration.class);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable confirmed declaration", e);
          }
        });
  }

  /** The application holding a child key for the tenant and admission month (review F10b), if any. */
  public Optional<String> childKeyHolder(String tenantId, String admissionMonth, String childKey) {
    return jdbc.queryForList("SELECT application_id FROM tz_childcare_child_key WHERE tenant_id = ? AND"
        + " admission_month = ? AND child_key = ?", String.class, tenantId, admissionMonth, childKey).stream()
        .findFirst();
  }

  /** Inserts the child keys of an application; a key already held raises DuplicateKeyException. */
  public void insertChildKeys(String tenantId, String admissionMonth, String applicationId, List<String> keys) {
    for (String key : keys) {
      jdbc.update("INSERT INTO tz_childcare_child_key (tenant_id, admission_month, child_key, application_id)"
          + " VALUES (?,?,?,?)", tenantId, admissionMonth, key, applicationId);
    }
  }

  /** Frees the keys of an application that ended (withdrawn, declined, closed) so the child can apply again. */
  public void releaseChildKeys(String applicationId) {
    jdbc.update("DELETE FROM tz_childcare_child_key WHERE application_id = ?", applicationId);
  }

  /** The facilities' names as a round of the tenant read them (the latest round wins). */
  public void facilityNames(String tenantId, java.util.Map<String, String> names) {
    List<Object[]> rows = names.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
        .map(e -> new Object[] {tenantId, e.getKey(), e.getValue()}).toList();
    jdbc.batchUpdate("DELETE FROM tz_childcare_facility_name WHERE tenant_id = ? AND facility_id = ?",
        rows.stream().map(r -> new Object[] {r[0], r[1]}).toList());
    jdbc.batchUpdate("INSERT INTO tz_childcare_facility_name (tenant_id, facility_id, name) VALUES (?,?,?)", rows);
  }

  /** A facility's name as the latest round read it, if any. */
  public Optional<String> facilityName(String tenantId, String facilityId) {
    return jdbc.queryForList("SELECT name FROM tz_childcare_facility_name WHERE tenant_id = ? AND facility_id = ?",
        String.class, tenantId, facilityId).stream().findFirst();
  }

  /** For tests that reset rows between cases. */
  JdbcTemplate jdbcForTests() {
    return jdbc;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ApplicationContent content(String json) {
    try {
      return JSON.readValue(json, ApplicationContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable application content", e);
    }
  }
}
