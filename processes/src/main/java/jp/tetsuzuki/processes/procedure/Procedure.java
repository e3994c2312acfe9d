package jp.tetsuzuki.processes.procedure;

import java.util.List;
import java.util.Optional;
import jp.tetsuzuki.processes.calendar.PeriodUnit;

/**
 * One entry of the procedure catalog (手続カタログ), as a designer writes it in YAML. Validated by
 * {@link ProcedureCatalog#validate(Procedure, String)} when loaded.
 */
public record Procedure(String code, int version, String name, List<String> tenants, LegalBasis legalBasis,
    Period standardPeriod, List<DocumentKind> documents, List<Field> fields, Review review,
    String decisionAuthority, Notification notification, Correction correction, Period arrivalDateMaxAge,
    LegacyRegister legacyRegister) {

  /** How far back a paper application's arrival date (到達日) may lie when no catalog entry says otherwise. */
  public static final Period DEFAULT_ARRIVAL_DATE_MAX_AGE = new Period(365, "calendar-days");

  /** 根拠: the kind (law, ordinance, guideline) and the article. */
  public record LegalBasis(String kind, String text) {}

  /** A period and how it is counted: {@code business-days} (開庁日) or {@code calendar-days}. */
  public record Period(int value, String unit) {
    public PeriodUnit periodUnit() {
      return unitOf(unit);
    }
  }

  /** A document the applicant must attach. */
  public record DocumentKind(String kind, String name) {}

  /**
   * A data field of the application; {@code type} is one of {@link Procedure#FIELD_TYPES}. {@code notBefore}
   * (dates only, optional) names another date field this one may not precede (e.g. {@code occupancyTo} not before
   * {@code occupancyFrom}); checked whenever both are given, on every intake path and on a correction.
   */
  /**
   * @param minimum the least value of a number field (inclusive), null for none: an area or a fee is not negative
   *     (review 3 A11: a road occupancy of -5 m² was registered)
   */
  public record Field(String key, String label, String type, boolean required, String notBefore,
      java.math.BigDecimal minimum) {

    public Field(String key, String label, String type, boolean required) {
      this(key, label, type, required, null, null);
    }
  }

  /** Review by the department group {@code <tenant>-<department>}. */
  public record Review(String department) {}

  /** How the decision reaches the applicant: email, post or portal. */
  public record Notification(String channel) {}

  /**
   * Optional: the legacy register a granted case is entered into by the bot ({@code legacy-system-entry}). {@code
   * entry} maps the bot's entry fields ({@code LegacyEntryVariables}: applicantNameKana, applicantBirthDate,
   * postalCode, address, amount) to where the value comes from: {@code applicant.<key>} or {@code data.<key>}. The
   * case number, the applicant's name and the decision date are always entered.
   */
  public record LegacyRegister(String name, java.util.Map<String, String> entry) {}

  /** 補正: how long the applicant has, and what happens without an answer. */
  /**
   * 補正: the applicant's deadline, what a missed one means, and how many open days before it the applicant is
   * reminded (optional, default {@link #DEFAULT_REMINDER_OPEN_DAYS}; 0 = no reminder).
   */
  public record Correction(Period deadline, String onTimeout, Integer reminderOpenDaysBefore) {

    public static final int DEFAULT_REMINDER_OPEN_DAYS = 3;
    public static final int MAX_REMINDER_OPEN_DAYS = 20;

    public Correction(Period deadline, String onTimeout) {
      this(deadline, onTimeout, null);
    }

    /** Open days before the correction deadline the applicant is reminded; 0 = never. */
    public int reminderDays() {
      return reminderOpenDaysBefore == null ? DEFAULT_REMINDER_OPEN_DAYS : reminderOpenDaysBefore;
    }
  }

  public static final List<String> FIELD_TYPES = List.of("text", "number", "date", "boolean", "corporate-number",
      "invoice-registration-number", "individual-number");
  public static final List<String> LEGAL_BASIS_KINDS = List.of("law", "ordinance", "guideline");
  public static final List<String> CHANNELS = List.of("email", "post", "portal");
  public static final String TIMEOUT_REFUSAL = "refusal";
  public static final String TIMEOUT_DEEMED_WITHDRAWN = "deemed-withdrawn";

  /** The candidate group of the review task in a tenant, e.g. {@code demo-ku-toshikeikaku}. */
  public String reviewGroup(String tenantId) {
    return tenantId + "-" + review.department();
  }

  /**
   * The earliest arrival date (到達日) staff may record on {@code today}: {@code arrivalDateMaxAge} calendar days back
   * (a year unless the catalog entry says otherwise).
   */
  public java.time.LocalDate earliestArrival(java.time.LocalDate today) {
    Period age = arrivalDateMaxAge == null ? DEFAULT_ARRIVAL_DATE_MAX_AGE : arrivalDateMaxAge;
    return today.minusDays(age.value());
  }

  public boolean offeredIn(String tenantId) {
    return tenants.contains(tenantId);
  }

  public Optional<Field> field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  public Optional<DocumentKind> documentKind(String kind) {
    return documents.stream().filter(d -> d.kind().equals(kind)).findFirst();
  }

  static PeriodUnit unitOf(String unit) {
    if ("business-days".equals(unit)) {
      return PeriodUnit.BUSINESS_DAYS;
    }
    if ("calendar-days".equals(unit)) {
      return PeriodUnit.CALENDAR_DAYS;
    }
    throw new IllegalArgumentException("unit must be business-days or calendar-days, was '" + unit + "'");
  }
}
