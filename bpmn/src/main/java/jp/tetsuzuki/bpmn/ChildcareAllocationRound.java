package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code childcare-allocation-round} (利用調整): one open instance per tenant and fiscal year at a time
 * (review C9: a round collects the waiting applications of its fiscal year up to its admission month, so rounds of
 * one year overlap; a second start is refused until the open one is approved or cancelled). Collects the
 * tenant's applications waiting for a place (our table, not the engine), runs the allocation engine, staff review
 * the result summary and approve or re-run (applications and places read again), then every application gets its
 * result ({@link ChildcareEnrollment#MSG_ALLOCATION_RESULT_PUBLISHED}) exactly once.
 *
 * <h2>Start variables (start form)</h2>
 * {@link #TENANT_ID}, {@link #ADMISSION_MONTH} ({@code YYYY-MM}); optionally {@link #FACILITIES_TEXT}, an explicit
 * override by staff of the places (one line per facility: {@code 保育所ID,保育所名,0歳,1歳,2歳,3歳,4歳,5歳}). Without it
 * the places are those the tenant's nursery systems reported for the month ({@code tz_nursery_capacity}); none known:
 * the start is refused with a Japanese sentence. {@link #CAPACITY_SOURCE} records which one a run used. An override
 * names only facilities of the tenant's list ({@code tz_nursery_facility}) when the tenant has one, and their names
 * are the list's; a round on an override is approved by a member of the childcare group other than the one who
 * started it ({@link #ROUND_STARTED_BY}) and the one who last re-ran it ({@link #LAST_RERUN_BY}) (four eyes).
 */
public final class ChildcareAllocationRound {

  public static final String ID = "childcare-allocation-round";

  // elements
  public static final String EVENT_ROUND_REQUESTED = "Event_RoundRequested";
  public static final String TASK_COLLECT_APPLICATIONS = "Task_CollectApplications";
  public static final String TASK_RUN_ALLOCATION = "Task_RunAllocation";
  /** 利用調整結果の確認: staff approve or re-run ({@link #REVIEW_DECISION}). */
  public static final String TASK_REVIEW_ALLOCATION = "Task_ReviewAllocation";
  public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
  public static final String TASK_PUBLISH_RESULTS = "Task_PublishResults";
  /** Each offer written to the nursery outbox for the facility's system (route {@code nursery-outbox-delivery}). */
  public static final String TASK_SEND_OFFERS_TO_NURSERY = "Task_SendOffersToNursery";
  public static final String EVENT_RESULTS_PUBLISHED = "Event_ResultsPublished";
  /** Review C9: staff cancel an open round (nothing published; the tenant's next round of the year may start). */
  public static final String TASK_CANCEL_ROUND = "Task_CancelRound";
  public static final String EVENT_ROUND_CANCELLED = "Event_RoundCancelled";

  public static final String FORM_START = "childcare-allocation-round-start";
  public static final String FORM_REVIEW_ALLOCATION = "childcare-allocation-round-review";

  // start variables
  public static final String TENANT_ID = CommonVariables.TENANT_ID;
  public static final String ADMISSION_MONTH = "admissionMonth";
  public static final String FACILITIES_TEXT = "facilitiesText";

  // internal
  /** Candidate group of the tenant's childcare staff, {@code <tenant>-hoiku} (保育課). */
  public static final String CHILDCARE_GROUP = "childcareGroup";
  /** Number of applications collected. */
  public static final String APPLICATION_COUNT = "applicationCount";
  /** Japanese summary of the proposed result for the review form. */
  public static final String RESULT_SUMMARY_TEXT = "resultSummaryText";
  /** Where the places of the last run came from: {@link #CAPACITY_SOURCE_NURSERY_SYSTEMS} or the staff override. */
  public static final String CAPACITY_SOURCE = "capacitySource";
  public static final String CAPACITY_SOURCE_NURSERY_SYSTEMS = "nursery-systems";
  public static final String CAPACITY_SOURCE_STAFF_OVERRIDE = "staff-override";
  /** How often the allocation ran (1 = first run). */
  public static final String RUN_NUMBER = "runNumber";
  /** User id of the staff member who started the round (set by the first collect, never by a form). */
  public static final String ROUND_STARTED_BY = "roundStartedBy";
  /** User id of the staff member who last chose 再実行 (set by the collect of a re-run, never by a form). */
  public static final String LAST_RERUN_BY = "lastRerunBy";

  // review form
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RERUN = "rerun";
  public static final String DECISION_CANCEL = "cancel";
  public static final String REVIEW_COMMENT = "reviewComment";

  private ChildcareAllocationRound() {}
}
