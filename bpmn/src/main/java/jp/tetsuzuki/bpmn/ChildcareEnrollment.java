package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code childcare-enrollment} (保育所等 利用申込): one instance per application (business key = the
 * application id of our table). 受付 → 添付書類の検査 (one {@code document-inspection} per document) → 就労証明書の読取
 * (one {@code ocr-employment-certificate} per certificate, then staff verification {@link #TASK_VERIFY_CERTIFICATE}
 * with low-confidence and missing fields highlighted, corrections recorded) → 指数 (the tenant's DMN for the fiscal
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
  public static final String TASK_COMPUTE_POINTS = "Task_ComputePoints";
  public static final String TASK_AWAIT_ROUND_RESULT = "Task_AwaitRoundResult";
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
  /** Link to the scan (staff document endpoint), or a Japanese note when none can be shown. */
  public static final String DOCUMENT_LINK_TEXT = "documentLinkText";
  /** The scan's first page from the staff document view (absolute URL: form-js images take http(s) sources only). */
  public static final String DOCUMENT_IMAGE_URL = "documentImageUrl";
  public static final String VERIFICATION_COMMENT = "verificationComment";

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

  private ChildcareEnrollment() {}
}
