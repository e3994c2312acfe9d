package jp.tetsuzuki.processes.childcare.allocation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One child applying in the round (ChilmAI: one row of the applicants file).
 *
 * @param id the applicant's id (申請者番号 / 児童ID), unique in the round
 * @param householdId the household (世帯番号); children of one household with a {@link SiblingPattern} are placed
 *     together as that pattern says
 * @param classAge the class age 0…5 (the age on 1 April of the fiscal year, see {@link ClassAge})
 * @param preferences in order, 第1希望 first; each with the child's score at that facility
 * @param currentFacilityId the facility the child attends now (在籍保育所ID) for a transfer (転園), else null: the child
 *     keeps that place unless placed at a facility it lists before it (preferences after it are never used)
 * @param siblingPattern null for no sibling constraint
 * @param lotteryNumber the published lottery number (lower wins) that makes the order total; null ranks after
 *     every number, then by id
 * @param tieBreakValues the applicant's value for each {@link TieBreak#code()} of the tenant
 */
public record Applicant(String id, String householdId, int classAge, List<Preference> preferences,
    String currentFacilityId, SiblingPattern siblingPattern, Long lotteryNumber, Map<String, Double> tieBreakValues) {

  public Applicant {
    Objects.requireNonNull(id, "id");
    householdId = householdId == null || householdId.isEmpty() ? null : householdId;
    preferences = List.copyOf(preferences);
    currentFacilityId = currentFacilityId == null || currentFacilityId.isEmpty() ? null : currentFacilityId;
    tieBreakValues = tieBreakValues == null ? Map.of() : Map.copyOf(tieBreakValues);
  }

  /** A child without tie-break data, lottery number or transfer. */
  public static Applicant of(String id, String householdId, int classAge, SiblingPattern pattern,
      Preference... preferences) {
    return new Applicant(id, householdId, classAge, List.of(preferences), null, pattern, null, Map.of());
  }

  public Applicant withCurrentFacility(String facilityId) {
    return new Applicant(id, householdId, classAge, preferences, facilityId, siblingPattern, lotteryNumber,
        tieBreakValues);
  }

  public Applicant withLottery(Long number) {
    return new Applicant(id, householdId, classAge, preferences, currentFacilityId, siblingPattern, number,
        tieBreakValues);
  }

  public Applicant withTieBreakValues(Map<String, Double> values) {
    return new Applicant(id, householdId, classAge, preferences, currentFacilityId, siblingPattern, lotteryNumber,
        values);
  }
}
