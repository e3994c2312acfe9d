package jp.tetsuzuki.processes.procedure;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code tz_application}. */
public record ApplicationRecord(String id, String tenantId, String procedureCode, int procedureVersion,
    String processInstanceId, String channel, String status, String stage, LocalDate receivedOn, LocalDate dueDate,
    boolean clockPaused, LocalDate pausedSince, int pausedDays, LocalDate correctionDue, String applicantJson,
    String dataJson, String outcome, String outcomeReason, String createdBy, Instant createdAt) {

  public static final String STATUS_RECEIVED = "received";
  public static final String STATUS_AWAITING_CORRECTION = "awaiting-correction";
  public static final String STATUS_UNDER_REVIEW = "under-review";
  public static final String STATUS_DECIDING = "deciding";
  public static final String CHANNEL_ONLINE = "online";
  public static final String CHANNEL_PAPER = "paper";
  /** From a municipal system's case file (file intake). */
  public static final String CHANNEL_FILE = "file";
  /** A row of a municipal system's CSV batch file; its 到達日 is the ward office's (municipal-csv-intake). */
  public static final String CHANNEL_BATCH = "batch";

  public static final String STAGE_ARRIVAL = "arrival";
  public static final String STAGE_COMPLETENESS_CHECK = "completeness-check";
  public static final String STAGE_CORRECTION = "correction";
  public static final String STAGE_REVIEW = "review";
  public static final String STAGE_DECISION = "decision";
  public static final String STAGE_NOTIFICATION = "notification";
  public static final String STAGE_CLOSED = "closed";

  /** Decided, withdrawn or treated as withdrawn: nothing can change it any more. */
  public boolean isFinal() {
    return outcome != null;
  }
}
