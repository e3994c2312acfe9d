package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code applicant-notice} (申請者への通知), called by {@link AdministrativeProcedure} for every notice it
 * records (補正 request, decision, withdrawal). The notice's text is already part of the case history; this model
 * mails it when the catalog's channel is {@code email} ({@link Topics#NOTIFY_APPLICANT}, once per notice event) and
 * records the mail. When the channel is {@code post}, or the address is undeliverable, staff get
 * {@link #TASK_NOTIFY_BY_POST} (「通知を郵送する」) with the text to print, and the day they posted it goes into the
 * case history.
 */
public final class ApplicantNotice {

  public static final String ID = "applicant-notice";

  // elements
  public static final String EVENT_NOTICE_REQUESTED = "Event_NoticeRequested";
  public static final String TASK_PREPARE_NOTICE = "Task_PrepareNotice";
  public static final String GATEWAY_CHANNEL = "Gateway_Channel";
  public static final String TASK_MAIL_NOTICE = "Task_MailNotice";
  public static final String TASK_RECORD_MAIL_SENT = "Task_RecordMailSent";
  public static final String EVENT_MAIL_SENT = "Event_MailSent";
  public static final String EVENT_NOT_BY_MAIL = "Event_NotByMail";
  public static final String EVENT_MAIL_UNDELIVERABLE = "Event_MailUndeliverable";
  public static final String TASK_RECORD_UNDELIVERABLE = "Task_RecordUndeliverable";
  /** Staff send the notice by post and confirm it. */
  public static final String TASK_NOTIFY_BY_POST = "Task_NotifyByPost";
  public static final String EVENT_POSTED = "Event_Posted";

  public static final String FORM_NOTIFY_BY_POST = "applicant-notice-notify-by-post";

  // variables (in: from the calling case; the rest is set by Task_PrepareNotice from the stored case)
  public static final String APPLICATION_ID = AdministrativeProcedure.APPLICATION_ID;
  public static final String NOTICE_EVENT_ID = AdministrativeProcedure.NOTICE_EVENT_ID;
  public static final String NOTICE_TEMPLATE = AdministrativeProcedure.NOTICE_TEMPLATE;
  /** The catalog's channel of the case's procedure: {@code email}, {@code post} or {@code portal}. */
  public static final String CHANNEL = "noticeChannel";
  public static final String CHANNEL_EMAIL = "email";
  /** The catalog's channel {@code post}: every notice becomes {@link #TASK_NOTIFY_BY_POST}. */
  public static final String CHANNEL_POST = "post";
  public static final String FLOW_BY_POST = "Flow_ByPost";
  /** Shown at {@link #TASK_NOTIFY_BY_POST}: why the notice goes by post (catalog channel, or undeliverable mail). */
  public static final String POST_REASON = "postReason";
  /** The notice as recorded in the case history (placeholder of the mail templates). */
  public static final String NOTICE_TEXT = "noticeText";
  public static final String CASE_NUMBER = LegacyEntryVariables.CASE_NUMBER;
  public static final String REVIEW_GROUP = AdministrativeProcedure.REVIEW_GROUP;
  /** Shown at {@link #TASK_NOTIFY_BY_POST}: whom to post to, and for which procedure (read-only). */
  public static final String APPLICANT_NAME = AdministrativeProcedure.APPLICANT_NAME;
  public static final String PROCEDURE_NAME = AdministrativeProcedure.PROCEDURE_NAME;
  /** For the letter (mail templates): the 処分庁, the tenant's name (e.g. デモ区). */
  public static final String AUTHORITY_NAME = "authorityName";
  /** For the letter: whom to ask, the authority and the reviewing department (from the tenant's groups). */
  public static final String CONTACT = "contact";
  /** For the letter: the day of the notice (decision or withdrawal accepted), YYYY-MM-DD in Tokyo. */
  public static final String NOTICE_DATE = "noticeDate";
  /** For the 補正 letter: the correction deadline, YYYY-MM-DD (or 「補正の通知に記載の期限」 when the case has none). */
  public static final String CORRECTION_DUE_DATE = AdministrativeProcedure.CORRECTION_DUE_DATE;

  /**
   * For the 補正 letter: what happens when no correction arrives by the deadline, from the procedure's catalog
   * ({@code correction.onTimeout}: refusal → 拒否, deemed-withdrawn → 取り下げたものとして扱う), one sentence.
   */
  public static final String CORRECTION_CONSEQUENCE = "correctionConsequence";

  /** Staff at {@link #TASK_NOTIFY_BY_POST}: the day the notice was posted (YYYY-MM-DD). */
  public static final String POSTED_ON = "postedOn";

  private ApplicantNotice() {}
}
