package jp.tetsuzuki.processes.contract.deadline;

import java.time.LocalDate;

/**
 * One inspection (検査): the completion notice it answers, and the day it ended and how. A failed inspection is
 * followed by a correction and a new notice, from which the inspection period restarts (shared/domain/
 * contract-payment.md, step 3).
 *
 * @param noticeOn    the day the completion notice (完了通知) arrived
 * @param inspectedOn the day the inspection ended, or null while it runs
 * @param passed      whether it passed (meaningless while it runs)
 */
public record InspectionRound(LocalDate noticeOn, LocalDate inspectedOn, boolean passed) {

  /**
   * @throws IllegalArgumentException if the notice day is missing or the inspection ended before the notice
   */
  public InspectionRound {
    if (noticeOn == null) {
      throw new IllegalArgumentException("noticeOn must not be null");
    }
    if (inspectedOn != null && inspectedOn.isBefore(noticeOn)) {
      throw new IllegalArgumentException("inspectedOn " + inspectedOn + " must not be before noticeOn " + noticeOn);
    }
  }

  /** A round still running. */
  public static InspectionRound open(LocalDate noticeOn) {
    return new InspectionRound(noticeOn, null, false);
  }
}
