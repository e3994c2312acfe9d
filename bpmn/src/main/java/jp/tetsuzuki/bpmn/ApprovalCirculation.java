package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code approval-circulation} (回覧): one reader is shown an approval document for information. Started
 * by {@code approval-route}; never blocks it (it is its own case).
 */
public final class ApprovalCirculation {

  public static final String ID = "approval-circulation";

  public static final String EVENT_CIRCULATION_STARTED = "Event_CirculationStarted";
  public static final String TASK_READ = "Task_Read";
  public static final String TASK_RECORD_READ = "Task_RecordRead";
  public static final String EVENT_READ = "Event_Read";

  public static final String FORM_READ = "approval-circulation-read";

  /** The approval-route instance the document belongs to. */
  public static final String APPROVAL_INSTANCE_ID = ApprovalRoute.APPROVAL_INSTANCE_ID;
  /** User who reads the document. */
  public static final String READER = "reader";
  /** Position of the 回覧 step in the route. */
  public static final String STEP_POSITION = ApprovalRoute.STEP_POSITION;
  // shown read-only in the reading form (the route's document, as the approvers see it) and the reader's comment
  public static final String SUBJECT = ApprovalRoute.SUBJECT;
  public static final String SUMMARY = ApprovalRoute.SUMMARY;
  public static final String AMOUNT = ApprovalRoute.AMOUNT;
  public static final String ATTACHMENTS_TEXT = ApprovalRoute.ATTACHMENTS_TEXT;
  public static final String ROUTE_HISTORY_TEXT = ApprovalRoute.ROUTE_HISTORY_TEXT;
  public static final String COMMENT = ApprovalRoute.COMMENT;

  private ApprovalCirculation() {}
}
