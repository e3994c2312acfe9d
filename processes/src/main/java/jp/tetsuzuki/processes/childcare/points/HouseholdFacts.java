package jp.tetsuzuki.processes.childcare.points;

import java.util.ArrayList;
import java.util.List;

/**
 * What the points tables read of a household: its guardians (two, or one in a single-parent household, whose absent
 * guardian is then counted as {@link CareReason#ABSENT}) and the facts behind the typical adjustments.
 */
public record HouseholdFacts(
    List<GuardianWork> guardians,
    boolean singleParent,
    boolean siblingEnrolledAtFirstChoice,
    boolean parentalLeaveEnding,
    boolean welfare,
    boolean guardianPostedAway,
    int waitingMonths) {

  public HouseholdFacts {
    if (guardians == null || guardians.isEmpty() || guardians.size() > 2) {
      throw new InvalidPointsInputException("guardians", "保護者は1人または2人を入力してください。");
    }
    if (guardians.size() == 1 && !singleParent) {
      throw new InvalidPointsInputException("guardians", "ひとり親世帯でない場合は、保護者2人の状況を入力してください。");
    }
    if (waitingMonths < 0 || waitingMonths > 120) {
      throw new InvalidPointsInputException("waitingMonths", "待機期間（月）は0から120の範囲で入力してください。");
    }
    guardians = List.copyOf(guardians);
  }

  /** The guardians the table scores: a single-parent household's missing guardian counts as absent. */
  public List<GuardianWork> scoredGuardians() {
    List<GuardianWork> scored = new ArrayList<>(guardians);
    if (scored.size() == 1) {
      scored.add(GuardianWork.of(CareReason.ABSENT));
    }
    return scored;
  }
}
