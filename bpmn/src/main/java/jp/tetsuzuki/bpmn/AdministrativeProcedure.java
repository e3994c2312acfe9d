package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code administrative-procedure} (行政手続): one generic flow for every procedure of the catalog.
 * 到達 → 形式審査 → [補正要求 ⇄ 補正受領, clock paused, own deadline] → 審査 → 決裁 ({@link ApprovalRoute}) →
 * 許可 / 申請拒否処分 (理由付記) → 通知. Withdrawal ({@link #MSG_WITHDRAWAL_REQUESTED}) until the decision.
 */
public final class AdministrativeProcedure {

  public static final String ID = "administrative-procedure";

  // elements
  public static final String EVENT_APPLICATION_RECEIVED = "Event_ApplicationReceived";
  public static final String TASK_REGISTER_ARRIVAL = "Task_RegisterArrival";
  public static final String TASK_CHECK_COMPLETENESS = "Task_CheckCompleteness";
  public static final String GATEWAY_COMPLETE = "Gateway_Complete";
  public static final String TASK_REQUEST_CORRECTION = "Task_RequestCorrection";
  public static final String TASK_AWAIT_CORRECTION = "Task_AwaitCorrection";
  public static final String EVENT_CORRECTION_DEADLINE_PASSED = "Event_CorrectionDeadlinePassed";
  public static final String TASK_RESUME_CLOCK = "Task_ResumeClock";
  public static final String TASK_DECIDE_UNANSWERED = "Task_DecideUnanswered";
  /** Open days before the correction deadline (catalog: correction.reminderOpenDaysBefore) the applicant is reminded. */
  public static final String EVENT_CORRECTION_REMINDER_DUE = "Event_CorrectionReminderDue";
  public static final String TASK_RECORD_CORRECTION_REMINDER = "Task_RecordCorrectionReminder";
  public static final String TASK_SEND_CORRECTION_REMINDER = "Task_SendCorrectionReminder";
  public static final String EVENT_CORRECTION_REMINDED = "Event_CorrectionReminded";
  public static final String GATEWAY_TO_REVIEW = "Gateway_ToReview";
  public static final String TASK_REVIEW = "Task_Review";
  public static final String EVENT_REMINDER_DUE = "Event_ReminderDue";
  public static final String TASK_REMIND = "Task_Remind";
  public static final String EVENT_DUE_SOON = "Event_DueSoon";
  public static final String TASK_ESCALATE = "Task_Escalate";
  public static final String TASK_DECIDE = "Task_Decide";
  public static final String EVENT_ROUTE_UNRESOLVED = "Event_RouteUnresolved";
  public static final String TASK_RECORD_ROUTE_FAILURE = "Task_RecordRouteFailure";
  public static final String GATEWAY_DECISION_OUTCOME = "Gateway_DecisionOutcome";
  public static final String TASK_GRANT = "Task_Grant";
  public static final String TASK_REFUSE = "Task_Refuse";
  public static final String GATEWAY_TO_NOTIFY = "Gateway_ToNotify";
  public static final String TASK_NOTIFY = "Task_Notify";
  public static final String EVENT_CLOSED = "Event_Closed";
  public static final String SUBPROCESS_WITHDRAWAL = "SubProcess_Withdrawal";
  public static final String EVENT_WITHDRAWAL_REQUESTED = "Event_WithdrawalRequested";
  public static final String TASK_RECORD_WITHDRAWAL = "Task_RecordWithdrawal";
  public static final String EVENT_WITHDRAWN = "Event_Withdrawn";
  /** Every attached document not inspected yet, one instance each, before the completeness check. */
  public static final String SUBPROCESS_INSPECT_DOCUMENTS = "SubProcess_InspectDocuments";
  public static final String TASK_INSPECT_DOCUMENT = "Task_InspectDocument";
  public static final String TASK_RECORD_INSPECTION = "Task_RecordInspection";
  public static final String EVENT_DOCUMENT_REFUSED = "Event_DocumentRefused";
  public static final String TASK_RECORD_REFUSAL = "Task_RecordRefusal";
  public static final String EVENT_DOCUMENT_UNREADABLE = "Event_DocumentUnreadable";
  public static final String EVENT_OCR_UNAVAILABLE = "Event_OcrUnavailable";
  /** Staff transcribe a document the machine cannot read (手入力). */
  public static final String TASK_TRANSCRIBE_DOCUMENT = "Task_TranscribeDocument";
  public static final String GATEWAY_CORRECTION_NOTICE = "Gateway_CorrectionNotice";
  public static final String TASK_SEND_CORRECTION_NOTICE = "Task_SendCorrectionNotice";
  public static final String TASK_SEND_DECISION_NOTICE = "Task_SendDecisionNotice";
  public static final String TASK_SEND_WITHDRAWAL_NOTICE = "Task_SendWithdrawalNotice";
  public static final String GATEWAY_LEGACY_REGISTER = "Gateway_LegacyRegister";
  /** The catalog names a legacy register: the bot enters the granted case there ({@code legacy-system-entry}). */
  public static final String TASK_ENTER_LEGACY_REGISTER = "Task_EnterLegacyRegister";
  public static final String TASK_RECORD_LEGACY_ENTRY = "Task_RecordLegacyEntry";
  public static final String EVENT_LEGACY_VALIDATION_FAILED = "Event_LegacyValidationFailed";
  /** The entry has not succeeded within {@code PT30M}: the bot's retries are used up (incident) or it still fails. */
  public static final String EVENT_LEGACY_ENTRY_STALLED = "Event_LegacyEntryStalled";
  public static final String TASK_RECORD_LEGACY_PROBLEM = "Task_RecordLegacyProblem";
  public static final String TASK_RECORD_LEGACY_OUTAGE = "Task_RecordLegacyOutage";
  /** Staff enter the case into the register by hand, or let the bot retry. */
  public static final String TASK_ENTER_LEGACY_BY_HAND = "Task_EnterLegacyByHand";
  public static final String GATEWAY_LEGACY_ACTION = "Gateway_LegacyAction";
  public static final String TASK_RECORD_MANUAL_LEGACY_ENTRY = "Task_RecordManualLegacyEntry";
  public static final String GATEWAY_LEGACY_DONE = "Gateway_LegacyDone";

  /** Form ids. */
  public static final String FORM_START = "administrative-procedure-start";
  public static final String FORM_REVIEW = "administrative-procedure-review";
  public static final String FORM_TRANSCRIBE_DOCUMENT = "administrative-procedure-transcribe-document";
  public static final String FORM_ENTER_LEGACY_BY_HAND = "administrative-procedure-enter-legacy-by-hand";

  // variables (start: TENANT_ID and either APPLICATION_ID from the API or the start-form fields)
  public static final String TENANT_ID = CommonVariables.TENANT_ID;
  public static final String APPLICATION_ID = "applicationId";
  public static final String PROCEDURE_CODE = "procedureCode";
  public static final String PROCEDURE_NAME = "procedureName";
  public static final String APPLICANT_NAME = "applicantName";
  /** Start form of a paper application: the real arrival date (YYYY-MM-DD). */
  public static final String RECEIVED_ON = "receivedOn";
  /** Start form of a paper application: every required document was received on paper. */
  public static final String PAPER_DOCUMENTS_RECEIVED = "paperDocumentsReceived";
  /** Start form of a paper application: the applicant's address, phone, mail and corporate number (optional). */
  public static final String APPLICANT_ADDRESS = "applicantAddress";
  public static final String APPLICANT_PHONE = "applicantPhone";
  public static final String APPLICANT_EMAIL = "applicantEmail";
  public static final String APPLICANT_CORPORATE_NUMBER = "applicantCorporateNumber";
  /**
   * Start form of a paper application: a data field of the catalog is the key {@code <procedureCode>__<fieldKey>}
   * (the form is generated from the catalog), e.g. {@code road-occupancy-permit__roadName}.
   */
  public static final String DATA_FIELD_SEPARATOR = "__";
  public static final String REVIEW_GROUP = "reviewGroup";
  public static final String REVIEW_DEPARTMENT = "reviewDepartment";
  /** Due date (YYYY-MM-DD, Asia/Tokyo); {@link #DUE_AT} is the task due date (17:00 JST that day). */
  public static final String DUE_DATE = "dueDate";
  public static final String DUE_AT = "dueAt";
  public static final String REMINDER_AT = "reminderAt";
  public static final String ESCALATION_AT = "escalationAt";
  public static final String COMPLETE = "complete";
  /** What is missing or wrong, in Japanese, one item per line (for staff and the correction request). */
  public static final String MISSING_ITEMS = "missingItems";
  public static final String CORRECTION_DUE_DATE = "correctionDueDate";
  public static final String CORRECTION_DUE_AT = "correctionDueAt";
  /**
   * When the applicant is reminded of the open correction (a date); after the deadline (so never) when the catalog
   * sends no reminder or the reminder day would not come after the request.
   */
  public static final String CORRECTION_REMINDER_AT = "correctionReminderAt";
  /** The case event of the latest correction reminder: the notice {@link #TASK_SEND_CORRECTION_REMINDER} sends. */
  public static final String CORRECTION_REMINDER_EVENT_ID = "correctionReminderEventId";
  public static final String CORRECTION_COMMENT = "correctionComment";
  public static final String REVIEW_SUMMARY = "reviewSummary";
  /**
   * Shown at {@link #TASK_REVIEW} (task-local, written when the task appears): the application's data fields with the
   * applicant's values as a Markdown table, rendered by a text component of the form (not an input, never submitted).
   */
  public static final String APPLICATION_DETAILS = "applicationDetails";
  /** The case's attached document ids (shown in the review form; passed on to the 決裁 as its attachments). */
  public static final String ATTACHMENTS = ApprovalRoute.ATTACHMENTS;
  /**
   * Shown at {@link #TASK_REVIEW} (task-local): the attached documents as a Markdown table (document kind, file name,
   * inspection, id), rendered by a text component.
   */
  public static final String ATTACHMENT_LIST = "attachmentList";
  /** The attached documents as plain lines (kind: file name), passed to the 決裁 as its attachments text. */
  public static final String ATTACHMENTS_DESCRIPTION = "attachmentsDescription";
  /** The disposition the reviewer proposes in the 決裁 draft: {@link #PROPOSED_GRANT} or {@link #PROPOSED_REFUSE}. */
  public static final String PROPOSED_DECISION = "proposedDecision";
  public static final String PROPOSED_GRANT = "grant";
  public static final String PROPOSED_REFUSE = "refuse";
  /** The reasons of a proposed refusal (申請拒否処分の理由, 行政手続法8条); required when refusing. */
  public static final String REFUSAL_REASONS = "refusalReasons";
  /** After an approved 決裁: grant or refuse as proposed. */
  public static final String GATEWAY_PROPOSED_DECISION = "Gateway_ProposedDecision";
  public static final String REVIEWER = "reviewer";
  public static final String DECISION_OUTCOME = "decisionOutcome";
  public static final String DECISION_COMMENT = "decisionComment";
  public static final String DECIDED_BY = "decidedBy";
  public static final String APPROVAL_INSTANCE_ID = "approvalInstanceId";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";
  /**
   * Who asked for the withdrawal, as authenticated by the public API (set by the platform with
   * {@link #MSG_WITHDRAWAL_REQUESTED}; only administrators may correlate messages through the engine API).
   */
  public static final String WITHDRAWAL_REQUESTED_BY = "withdrawalRequestedBy";
  /** Final outcome: one of the {@code OUTCOME_*} values. */
  public static final String OUTCOME = "outcome";
  public static final String OUTCOME_GRANTED = "granted";
  public static final String OUTCOME_REFUSED = "refused";
  public static final String OUTCOME_DEEMED_WITHDRAWN = "deemed-withdrawn";
  public static final String OUTCOME_WITHDRAWN = "withdrawn";

  /** Inspection: the document of one instance of {@link #SUBPROCESS_INSPECT_DOCUMENTS} (element variable). */
  public static final String DOCUMENT_ID = DocumentVariables.DOCUMENT_ID;
  /** Shown at {@link #TASK_TRANSCRIBE_DOCUMENT}: the file name of the document to transcribe (task-local). */
  public static final String DOCUMENT_NAME = "documentName";
  /** Staff at {@link #TASK_ENTER_LEGACY_BY_HAND}: the register's record number of an entry made by hand. */
  public static final String CASE_NUMBER = LegacyEntryVariables.CASE_NUMBER;
  /** Manual transcription: what staff read from the document (bounded, stored with the document). */
  public static final String TRANSCRIPTION = "transcription";
  /** The application event a notice belongs to: the stable key of its mail (once per event). */
  public static final String NOTICE_EVENT_ID = "noticeEventId";
  /** The template of the notice's mail ({@link NotificationVariables} event names). */
  public static final String NOTICE_TEMPLATE = "noticeTemplate";
  /** Set by 許可 from the catalog: the case goes into a legacy register. */
  public static final String LEGACY_REGISTER = "legacyRegister";
  /** Staff's choice at {@link #TASK_ENTER_LEGACY_BY_HAND}: {@link #LEGACY_ACTION_MANUAL} or {@link #LEGACY_ACTION_RETRY}. */
  public static final String LEGACY_ACTION = "legacyAction";
  public static final String LEGACY_ACTION_MANUAL = "manual";
  public static final String LEGACY_ACTION_RETRY = "retry";
  /**
   * Staff's choice after a validation error of the register: the values the register refused, corrected in the task
   * form (the {@code LEGACY_*} inputs below), and the bot runs again with them. A plain {@link #LEGACY_ACTION_RETRY} is for an
   * outage only (the same data would be refused again).
   */
  public static final String LEGACY_ACTION_CORRECT = "correct";
  /** Why the entry stopped: {@link #LEGACY_FAILURE_VALIDATION} or {@link #LEGACY_FAILURE_OUTAGE}. */
  public static final String LEGACY_FAILURE = "legacyFailure";
  public static final String LEGACY_FAILURE_VALIDATION = "validation";
  public static final String LEGACY_FAILURE_OUTAGE = "outage";
  /** Staff's corrections of the bot's input (JSON object, field → value), applied to every later entry attempt. */
  public static final String LEGACY_CORRECTIONS = "legacyCorrections";
  /** The bot's inputs staff may correct at {@link #TASK_ENTER_LEGACY_BY_HAND} (form keys, {@link LegacyEntryVariables}). */
  public static final String LEGACY_APPLICANT_NAME_KANA = LegacyEntryVariables.APPLICANT_NAME_KANA;
  public static final String LEGACY_APPLICANT_BIRTH_DATE = LegacyEntryVariables.APPLICANT_BIRTH_DATE;
  public static final String LEGACY_POSTAL_CODE = LegacyEntryVariables.POSTAL_CODE;
  public static final String LEGACY_ADDRESS = LegacyEntryVariables.ADDRESS;
  public static final String LEGACY_AMOUNT = LegacyEntryVariables.AMOUNT;
  /** Staff's entry by hand: the register's record number (管理番号) and a note. */
  public static final String LEGACY_RECORD_NUMBER = LegacyEntryVariables.LEGACY_RECORD_NUMBER;
  public static final String LEGACY_NOTE = "legacyNote";
  /** What went wrong with the bot, in Japanese, for the staff task. */
  public static final String LEGACY_PROBLEM = "legacyProblem";

  // messages
  public static final String MSG_CORRECTION_RECEIVED = "correctionReceived";
  public static final String MSG_WITHDRAWAL_REQUESTED = "withdrawalRequested";

  private AdministrativeProcedure() {}
}
