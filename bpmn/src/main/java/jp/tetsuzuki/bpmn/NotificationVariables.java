package jp.tetsuzuki.bpmn;

/**
 * Process variables read by the notification worker ({@link Topics#NOTIFY_APPLICANT}). Every other variable of the
 * instance is available to the template as a named placeholder ({@code {applicantName}}). Append only.
 */
public final class NotificationVariables {

  /** Input (usually an input parameter of the task): template name, e.g. {@code application-approved}. */
  public static final String NOTIFICATION_EVENT = "notificationEvent";
  /** Input: the applicant's mail address. */
  public static final String APPLICANT_EMAIL = "applicantEmail";
  /**
   * Input (optional): distinguishes repeated occurrences of the same event in one instance (e.g. the correction
   * round); the mail is sent once per instance, event and occurrence.
   */
  public static final String NOTIFICATION_OCCURRENCE = "notificationOccurrence";

  /** Output: the Message-ID of the mail (stable across redeliveries). */
  @WorkerOutput(Topics.NOTIFY_APPLICANT)
  public static final String NOTIFICATION_MESSAGE_ID = "notificationMessageId";

  /** Template names (files {@code notification/templates/<name>.txt} in the workers module). */
  public static final String EVENT_APPLICATION_RECEIVED = "application-received";
  public static final String EVENT_APPLICATION_APPROVED = "application-approved";
  public static final String EVENT_CORRECTION_REQUESTED = "correction-requested";
  /** 補正期限が近い: the applicant has not answered a correction request yet. */
  public static final String EVENT_CORRECTION_REMINDER = "correction-reminder";
  /** 処分の通知 (許可, 申請拒否処分 with reasons, 取下げ扱い): {@code noticeText} carries the notice. */
  public static final String EVENT_DECISION_NOTIFIED = "decision-notified";
  /** 取下げの受理. */
  public static final String EVENT_WITHDRAWAL_ACCEPTED = "withdrawal-accepted";

  private NotificationVariables() {}
}
