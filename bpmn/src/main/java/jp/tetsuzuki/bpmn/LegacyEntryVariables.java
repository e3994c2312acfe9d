package jp.tetsuzuki.bpmn;

/**
 * Process variables read and written by the legacy-system entry bot ({@link Topics#LEGACY_SYSTEM_ENTRY}). Dates are
 * ISO strings ({@code 2025-04-01}); the bot converts them to the legacy screens' format. Append only.
 */
public final class LegacyEntryVariables {

  /** Input: the case's reception number (受付番号); the legacy system's search key, so a re-run finds the record. */
  public static final String CASE_NUMBER = "caseNumber";
  /** Input: applicant's name (氏名). */
  public static final String APPLICANT_NAME = "applicantName";
  /** Input: applicant's name in katakana (氏名カナ). */
  public static final String APPLICANT_NAME_KANA = "applicantNameKana";
  /** Input: applicant's birth date, ISO. */
  public static final String APPLICANT_BIRTH_DATE = "applicantBirthDate";
  /** Input: postal code, {@code 123-4567}. */
  public static final String POSTAL_CODE = "postalCode";
  /** Input: address (住所). */
  public static final String ADDRESS = "address";
  /** Input: date of the approval decision (決定日), ISO. */
  public static final String DECISION_DATE = "decisionDate";
  /** Input: approved monthly amount in yen. */
  public static final String AMOUNT = "amount";

  /** Output: the legacy system's record number (管理番号) of the entered or found record. */
  @WorkerOutput(Topics.LEGACY_SYSTEM_ENTRY)
  public static final String LEGACY_RECORD_NUMBER = "legacyRecordNumber";
  /** Output: {@code ENTERED} or {@code ALREADY_PRESENT} (a re-run found the record and entered nothing). */
  @WorkerOutput(Topics.LEGACY_SYSTEM_ENTRY)
  public static final String LEGACY_ENTRY_OUTCOME = "legacyEntryOutcome";
  /**
   * Output (also with {@code LEGACY_VALIDATION_FAILED}): JSON array of the screen steps
   * {@code [{"at":…,"screen":…,"action":…,"outcome":…}]}; field names only, never personal data.
   */
  @WorkerOutput(Topics.LEGACY_SYSTEM_ENTRY)
  public static final String LEGACY_ENTRY_AUDIT = "legacyEntryAudit";
  /** With {@code LEGACY_VALIDATION_FAILED}: the legacy screen's error messages in Japanese, one per line. */
  @WorkerOutput(Topics.LEGACY_SYSTEM_ENTRY)
  public static final String LEGACY_VALIDATION_ERRORS = "legacyValidationErrors";

  private LegacyEntryVariables() {}
}
