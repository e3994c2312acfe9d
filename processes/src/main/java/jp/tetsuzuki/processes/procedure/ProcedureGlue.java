package jp.tetsuzuki.processes.procedure;

import java.util.Map;
import java.util.function.Function;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;

/**
 * The delegates of {@code administrative-procedure} and {@code applicant-notice}, wired once: Spring exposes each
 * under its name ({@link ProcedureConfiguration}), the model tests hand {@link #beans()} to their engine.
 */
public final class ProcedureGlue {

  private final ProcedureActivities arrival;
  private final CompletenessSteps completeness;
  private final DocumentInspectionSteps inspection;
  private final CorrectionSteps correction;
  private final ReviewSteps review;
  private final DecisionSteps decision;
  private final LegacyEntrySteps legacyEntry;
  private final NoticeSteps notice;
  private final FollowUpDeadlines followUp;

  public ProcedureGlue(ProcedureCatalog catalog, ApplicationStore store, Function<String, OfficeCalendar> calendars,
      TenantMembers members, ApplicationService applications) {
    this(catalog, store, calendars, members, applications, FollowUpDeadlines.DEFAULT_OPEN_DAYS);
  }

  /** @param followUpOpenDays open days a staff task after the decision is due in (legacy entry by hand) */
  public ProcedureGlue(ProcedureCatalog catalog, ApplicationStore store, Function<String, OfficeCalendar> calendars,
      TenantMembers members, ApplicationService applications, int followUpOpenDays) {
    CaseRecords cases = new CaseRecords(catalog, store);
    arrival = new ProcedureActivities(catalog, store, calendars, members, applications);
    completeness = new CompletenessSteps(cases);
    inspection = new DocumentInspectionSteps(cases);
    correction = new CorrectionSteps(cases, calendars);
    review = new ReviewSteps(cases);
    decision = new DecisionSteps(cases);
    legacyEntry = new LegacyEntrySteps(cases);
    notice = new NoticeSteps(cases);
    followUp = new FollowUpDeadlines(calendars, followUpOpenDays);
  }

  /** Name in the models' expressions → delegate. */
  public Map<String, Object> beans() {
    return Map.of("procedureActivities", arrival, "completenessSteps", completeness, "documentInspectionSteps",
        inspection, "correctionSteps", correction, "reviewSteps", review, "decisionSteps", decision,
        "legacyEntrySteps", legacyEntry, "noticeSteps", notice, "followUpDeadlines", followUp);
  }

  public FollowUpDeadlines followUp() {
    return followUp;
  }

  public ProcedureActivities arrival() {
    return arrival;
  }

  public CompletenessSteps completeness() {
    return completeness;
  }

  public DocumentInspectionSteps inspection() {
    return inspection;
  }

  public CorrectionSteps correction() {
    return correction;
  }

  public ReviewSteps review() {
    return review;
  }

  public DecisionSteps decision() {
    return decision;
  }

  public LegacyEntrySteps legacyEntry() {
    return legacyEntry;
  }

  public NoticeSteps notice() {
    return notice;
  }
}
