package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code childcare-enrollment} (保育所等 利用申込): one instance per application (business key = the
 * application id of our table). 受付 → 添付書類の検査 (one {@code document-inspection} per document) → 就労証明書の読取
 * (one {@code ocr-employment-certificate} per certificate, then staff verification {@link #TASK_VERIFY_CERTIFICATE}
 * with low-confidence and missing fields highlighted, corrections recorded) → 申告内容の確認
 * ({@link #TASK_CONFIRM_DECLARATION}: staff confirm each guardian without a verified certificate, the adjustments and
 * a transfer's current facility) → 指数 (the tenant's DMN for the fiscal
 * year) → wait for the allocation round ({@link #MSG_ALLOCATION_RESULT_PUBLISHED}) → 内定: interview and health
 * check → 入所 (recorded, outbound event for the nursery system), or 保留 → the next round; until withdrawn
 * ({@link #MSG_WITHDRAWN}, any time) or the fiscal year ends (timer {@link #FISCAL_YEAR_END}).
 *
 * <h2>Start variables</h2>
 * {@link #TENANT_ID}, {@link #APPLICATION_ID}; everything else is read from the application record.
 */
public final class ChildcareEnrollment {

  public static final String ID = "childcare-enrollment";

  // elements
  public static final String EVENT_APPLICATION_RECEIVED = "Event_ApplicationReceived";
  public static final String TASK_REGISTER_APPLICATION = "Task_RegisterApplication";
  public static final String SUBPROCESS_INSPECT_DOCUMENTS = "SubProcess_InspectDocuments";
  public static final String TASK_INSPECT_DOCUMENT = "Task_InspectDocument";
  public static final String TASK_RECORD_INSPECTION = "Task_RecordInspection";
  public static final String EVENT_DOCUMENT_REFUSED = "Event_DocumentRefused";
  public static final String EVENT_DOCUMENT_UNREADABLE = "Event_DocumentUnreadable";
  public static final String EVENT_INSPECTION_UNAVAILABLE = "Event_InspectionUnavailable";
  public static final String TASK_RECORD_REFUSAL = "Task_RecordRefusal";
  /** One instance per employment certificate: OCR, then staff verification. */
  public static final String SUBPROCESS_READ_CERTIFICATES = "SubProcess_ReadCertificates";
  public static final String TASK_READ_CERTIFICATE = "Task_ReadCertificate";
  public static final String EVENT_CERTIFICATE_REFUSED = "Event_CertificateRefused";
  public static final String EVENT_CERTIFICATE_UNREADABLE = "Event_CertificateUnreadable";
  public static final String EVENT_OCR_UNAVAILABLE = "Event_OcrUnavailable";
  public static final String TASK_RECORD_RECOGNITION = "Task_RecordRecognition";
  public static final String TASK_RECORD_UNREAD = "Task_RecordUnread";
  /** 就労証明書の確認: staff see the extracted fields (doubtful ones highlighted), correct them, confirm. */
  public static final String TASK_VERIFY_CERTIFICATE = "Task_VerifyCertificate";
  /**
   * 申告内容の確認 (review F10/F11): staff confirm, guardian by guardian, the work of guardians without a verified
   * employment certificate, the household's adjustments and the current facility of a transfer; only what they
   * confirm is used for points and rounds, every change recorded with who.
   */
  public static final String TASK_CONFIRM_DECLARATION = "Task_ConfirmDeclaration";
  public static final String TASK_COMPUTE_POINTS = "Task_ComputePoints";
  public static final String TASK_AWAIT_ROUND_RESULT = "Task_AwaitRoundResult";
  /** On {@link #SUBPROCESS_CASE}: the fiscal year's end closes the case at whatever stage it is. */
  public static final String EVENT_FISCAL_YEAR_ENDED = "Event_FiscalYearEnded";
  public static final String TASK_RECORD_FISCAL_YEAR_END = "Task_RecordFiscalYearEnd";
  public static final String EVENT_CLOSED_AT_FISCAL_YEAR_END = "Event_ClosedAtFiscalYearEnd";
  public static final String GATEWAY_ROUND_RESULT = "Gateway_RoundResult";
  public static final String TASK_RECORD_WAITING = "Task_RecordWaiting";
  public static final String TASK_RECORD_OFFER = "Task_RecordOffer";
  /** 面接・健康診断: staff record the outcome ({@link #INTERVIEW_OUTCOME}). */
  public static final String TASK_INTERVIEW_AND_HEALTH_CHECK = "Task_InterviewAndHealthCheck";
  public static final String GATEWAY_INTERVIEW_OUTCOME = "Gateway_InterviewOutcome";
  public static final String TASK_RECORD_ENROLLMENT = "Task_RecordEnrollment";
  /** The enrollment written to the nursery outbox for the facility's system (route {@code nursery-outbox-delivery}). */
  public static final String TASK_SEND_ENROLLMENT_TO_NURSERY = "Task_SendEnrollmentToNursery";
  /** Newcomer review N17: an offer queued for the nursery system is withdrawn there when the case ends otherwise. */
  public static final String TASK_SEND_DECLINE_TO_NURSERY = "Task_SendDeclineToNursery";
  public static final String TASK_SEND_WITHDRAWAL_TO_NURSERY = "Task_SendWithdrawalToNursery";
  public static final String TASK_SEND_FISCAL_YEAR_END_TO_NURSERY = "Task_SendFiscalYearEndToNursery";
  public static final String EVENT_ENROLLED = "Event_Enrolled";
  public static final String TASK_RECORD_DECLINE = "Task_RecordDecline";
  public static final String EVENT_OFFER_DECLINED = "Event_OfferDeclined";
  public static final String SUBPROCESS_WITHDRAWAL = "SubProcess_Withdrawal";
  public static final String EVENT_WITHDRAWAL_REQUESTED = "Event_WithdrawalRequested";
  public static final String TASK_RECORD_WITHDRAWAL = "Task_RecordWithdrawal";
  public static final String EVENT_WITHDRAWN = "Event_Withdrawn";

  /** Form ids (form-js {@code id}) of the user tasks. */
  public static final String FORM_VERIFY_CERTIFICATE = "childcare-enrollment-verify-certificate";
  public static final String FORM_INTERVIEW_AND_HEALTH_CHECK = "childcare-enrollment-interview";
  public static final String FORM_CONFIRM_DECLARATION = "childcare-enrollment-confirm-declaration";

  // start variables
  public static final String TENANT_ID = CommonVariables.TENANT_ID;
  /** Id of the application in our table (also the business key). */
  public static final String APPLICATION_ID = "applicationId";

  // internal variables (set by the glue from the record)
  /** Candidate group of the tenant's childcare staff, {@code <tenant>-hoiku} (保育課). */
  public static final String CHILDCARE_GROUP = "childcareGroup";
  /** End of the fiscal year of the application (ISO date-time, Asia/Tokyo 31 March 24:00): closes the case. */
  public static final String FISCAL_YEAR_END = "fiscalYearEnd";
  /** Result of the latest round: {@link #RESULT_OFFERED} or {@link #RESULT_WAITING}. */
  public static final String ROUND_RESULT = "roundResult";
  public static final String RESULT_OFFERED = "offered";
  public static final String RESULT_WAITING = "waiting";

  // Task_VerifyCertificate form fields (task-local; prefilled from the recognition, submitted corrected)
  /** Which guardian (1 or 2) the certificate is for. */
  public static final String GUARDIAN_NUMBER = "guardianNumber";
  public static final String EMPLOYEE_NAME = "employeeName";
  public static final String EMPLOYER_NAME = "employerName";
  public static final String EMPLOYMENT_TYPE = "employmentType";
  public static final String CERTIFICATION_DATE = "certificationDate";
  public static final String WORK_DAYS_PER_MONTH = "workDaysPerMonth";
  public static final String WORK_HOURS_PER_MONTH = "workHoursPerMonth";
  public static final String WORK_HOURS_PER_WEEK = "workHoursPerWeek";
  /** Markdown list of the fields to check (missing, below the confidence threshold, failed a check), Japanese. */
  public static final String FIELDS_TO_CHECK_TEXT = "fieldsToCheckText";
  /** Markdown link to the scan (staff document view, relative address), all pages as sent. */
  public static final String DOCUMENT_LINK_TEXT = "documentLinkText";
  /** The scan's first page from the staff document view (relative address: works whatever host staff use). */
  public static final String DOCUMENT_IMAGE_URL = "documentImageUrl";
  /** The same page as a Markdown image for the form's text component (form-js image components need absolute URLs). */
  public static final String DOCUMENT_IMAGE_TEXT = "documentImageText";
  public static final String VERIFICATION_COMMENT = "verificationComment";

  // Task_ConfirmDeclaration form fields (task-local; prefilled with the declaration, submitted as confirmed).
  // Guardian fields are named guardian<N><Field> with N = 1 or 2 (see guardianField).
  public static final String GUARDIAN_REASON = "Reason";
  public static final String GUARDIAN_DAYS_PER_MONTH = "DaysPerMonth";
  public static final String GUARDIAN_HOURS_PER_DAY = "HoursPerDay";
  public static final String GUARDIAN_DAYS_PER_WEEK = "DaysPerWeek";
  public static final String GUARDIAN_HOURS_PER_WEEK = "HoursPerWeek";
  /** Whether guardian N's work comes from a verified certificate (its fields are then hidden and ignored). */
  public static final String GUARDIAN_CERTIFIED = "Certified";
  /** Whether the application has guardian N (guardian 2 is absent in a single-parent household). */
  public static final String GUARDIAN_PRESENT = "Present";
  public static final String SINGLE_PARENT = "singleParent";
  public static final String SIBLING_ENROLLED_AT_FIRST_CHOICE = "siblingEnrolledAtFirstChoice";
  public static final String PARENTAL_LEAVE_ENDING = "parentalLeaveEnding";
  public static final String WELFARE = "welfare";
  public static final String GUARDIAN_POSTED_AWAY = "guardianPostedAway";
  public static final String WAITING_MONTHS = "waitingMonths";
  /** Markdown of what the parent declared (guardians, adjustments, transfers), Japanese. */
  public static final String DECLARATION_TEXT = "declarationText";
  /**
   * The current facilities staff confirmed (enrollment records or the nursery system), one line each:
   * {@code 児童ID,施設ID}; prefilled empty, so an unconfirmed claim counts for nothing.
   */
  public static final String CONFIRMED_CURRENT_FACILITIES = "confirmedCurrentFacilities";
  public static final String DECLARATION_COMMENT = "declarationComment";

  // the form's keys written out ({@link #guardianField} builds the same names)
  public static final String GUARDIAN1_REASON = "guardian1Reason";
  public static final String GUARDIAN1_DAYS_PER_MONTH = "guardian1DaysPerMonth";
  public static final String GUARDIAN1_HOURS_PER_DAY = "guardian1HoursPerDay";
  public static final String GUARDIAN1_DAYS_PER_WEEK = "guardian1DaysPerWeek";
  public static final String GUARDIAN1_HOURS_PER_WEEK = "guardian1HoursPerWeek";
  public static final String GUARDIAN1_CERTIFIED = "guardian1Certified";
  public static final String GUARDIAN1_PRESENT = "guardian1Present";
  public static final String GUARDIAN2_REASON = "guardian2Reason";
  public static final String GUARDIAN2_DAYS_PER_MONTH = "guardian2DaysPerMonth";
  public static final String GUARDIAN2_HOURS_PER_DAY = "guardian2HoursPerDay";
  public static final String GUARDIAN2_DAYS_PER_WEEK = "guardian2DaysPerWeek";
  public static final String GUARDIAN2_HOURS_PER_WEEK = "guardian2HoursPerWeek";
  public static final String GUARDIAN2_CERTIFIED = "guardian2Certified";
  public static final String GUARDIAN2_PRESENT = "guardian2Present";

  /** The form field of guardian {@code number} (1 or 2), e.g. {@code guardian2DaysPerMonth}. */
  public static String guardianField(int number, String field) {
    return "guardian" + number + field;
  }

  // Task_InterviewAndHealthCheck form fields
  public static final String OFFER_TEXT = "offerText";
  /** {@link #INTERVIEW_ENROLL} (入所決定) or {@link #INTERVIEW_DECLINE} (辞退). */
  public static final String INTERVIEW_OUTCOME = "interviewOutcome";
  public static final String INTERVIEW_ENROLL = "enroll";
  public static final String INTERVIEW_DECLINE = "decline";
  public static final String INTERVIEW_COMMENT = "interviewComment";

  // messages
  /** The round published this application's result; correlated by the round, once per round and application. */
  public static final String MSG_ALLOCATION_RESULT_PUBLISHED = "allocationResultPublished";
  /** The parent (or staff for them) withdraws the application; any time. */
  public static final String MSG_WITHDRAWN = "childcareApplicationWithdrawn";

  // errors (thrown by the workers; caught in the model)
  public static final String ERROR_DOCUMENT_REFUSED = Errors.DOCUMENT_REFUSED;
  public static final String ERROR_DOCUMENT_UNREADABLE = Errors.DOCUMENT_UNREADABLE;
  public static final String ERROR_OCR_UNAVAILABLE = Errors.OCR_UNAVAILABLE;

  // elements added for the paper start form and the fiscal year's end of every open case
  /** Everything between registration and the end of the case; the fiscal year's end interrupts it anywhere. */
  public static final String SUBPROCESS_CASE = "SubProcess_Case";
  public static final String EVENT_CASE_OPENED = "Event_CaseOpened";
  public static final String EVENT_CASE_ENDED = "Event_CaseEnded";

  /** The Tasklist start form for staff registering a paper application (紙の申込書). */
  public static final String FORM_START = "childcare-enrollment-start";

  // start form fields (paper applications): the case's tenant is the staff member's, never a field
  public static final String PAPER_ADMISSION_MONTH = "admissionMonth";
  public static final String PAPER_SIBLING_PATTERN = "siblingPattern";
  public static final String PAPER_SINGLE_PARENT = "singleParent";
  public static final String PAPER_SIBLING_ENROLLED_AT_FIRST_CHOICE = "siblingEnrolledAtFirstChoice";
  public static final String PAPER_PARENTAL_LEAVE_ENDING = "parentalLeaveEnding";
  public static final String PAPER_WELFARE = "welfare";
  public static final String PAPER_GUARDIAN_POSTED_AWAY = "guardianPostedAway";
  public static final String PAPER_WAITING_MONTHS = "waitingMonths";
  public static final String PAPER_GUARDIAN1_NAME = "guardian1Name";
  public static final String PAPER_GUARDIAN1_REASON = "guardian1Reason";
  public static final String PAPER_GUARDIAN1_DAYS_PER_MONTH = "guardian1DaysPerMonth";
  public static final String PAPER_GUARDIAN1_HOURS_PER_DAY = "guardian1HoursPerDay";
  public static final String PAPER_GUARDIAN1_DAYS_PER_WEEK = "guardian1DaysPerWeek";
  public static final String PAPER_GUARDIAN1_HOURS_PER_WEEK = "guardian1HoursPerWeek";
  public static final String PAPER_GUARDIAN2_NAME = "guardian2Name";
  public static final String PAPER_GUARDIAN2_REASON = "guardian2Reason";
  public static final String PAPER_GUARDIAN2_DAYS_PER_MONTH = "guardian2DaysPerMonth";
  public static final String PAPER_GUARDIAN2_HOURS_PER_DAY = "guardian2HoursPerDay";
  public static final String PAPER_GUARDIAN2_DAYS_PER_WEEK = "guardian2DaysPerWeek";
  public static final String PAPER_GUARDIAN2_HOURS_PER_WEEK = "guardian2HoursPerWeek";
  public static final String PAPER_CHILD1_NAME = "child1Name";
  public static final String PAPER_CHILD1_BIRTH_DATE = "child1BirthDate";
  public static final String PAPER_CHILD1_PREFERENCES = "child1Preferences";
  public static final String PAPER_CHILD1_CURRENT_FACILITY_ID = "child1CurrentFacilityId";
  public static final String PAPER_CHILD2_NAME = "child2Name";
  public static final String PAPER_CHILD2_BIRTH_DATE = "child2BirthDate";
  public static final String PAPER_CHILD2_PREFERENCES = "child2Preferences";
  public static final String PAPER_CHILD2_CURRENT_FACILITY_ID = "child2CurrentFacilityId";
  public static final String PAPER_CHILD3_NAME = "child3Name";
  public static final String PAPER_CHILD3_BIRTH_DATE = "child3BirthDate";
  public static final String PAPER_CHILD3_PREFERENCES = "child3Preferences";
  public static final String PAPER_CHILD3_CURRENT_FACILITY_ID = "child3CurrentFacilityId";
  /** How many guardians and children the paper form has rows for. */
  public static final int PAPER_GUARDIANS = 2;
  public static final int PAPER_CHILDREN = 3;

  private ChildcareEnrollment() {}
}
