package jp.tetsuzuki.processes.childcare.enrollment;

import java.util.List;
import java.util.Map;

/**
 * What staff confirmed in {@code Task_ConfirmDeclaration} (review F10/F11; domain childcare.md "Points": base points
 * per guardian from the verified employment, adjustments for single parent, welfare, waiting period …; "Allocation
 * round" 3: a transfer keeps its current place): the only values points and rounds use besides verified certificates.
 *
 * @param guardians the confirmed work of each guardian without a verified certificate (by number 1 or 2)
 * @param currentFacilities child id → the current facility staff confirmed (a claim not confirmed is absent)
 */
public record ConfirmedDeclaration(List<Guardian> guardians, boolean singleParent,
    boolean siblingEnrolledAtFirstChoice, boolean parentalLeaveEnding, boolean welfare, boolean guardianPostedAway,
    int waitingMonths, Map<String, String> currentFacilities) {

  /** One guardian's confirmed reason and work figures. */
  public record Guardian(int number, String reason, Integer daysPerMonth, Double hoursPerDay, Integer daysPerWeek,
      Double hoursPerWeek) {}
}
