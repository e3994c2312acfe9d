package jp.tetsuzuki.processes.childcare.points;

import java.util.List;

/**
 * The household score (世帯指数) = the base points of each guardian (基準指数) + the adjustment points (調整指数),
 * with the rows that gave them, for the case history and the parent.
 */
public record HouseholdScore(
    int fiscalYear, int total, int basePoints, int adjustmentPoints,
    List<GuardianPoints> guardians, List<Adjustment> adjustments) {

  public HouseholdScore {
    guardians = List.copyOf(guardians);
    adjustments = List.copyOf(adjustments);
  }

  /** One guardian's base points and the table row (根拠) that gave them. */
  public record GuardianPoints(CareReason reason, int points, String basisJa) {}

  /** One adjustment row that applied. */
  public record Adjustment(int points, String reasonJa) {}

  /** Japanese explanation, e.g. {@code 世帯指数 41（基準指数 20＋18、調整指数 3: ひとり親世帯 +3）}. */
  public String explanationJa() {
    StringBuilder text = new StringBuilder(fiscalYear + "年度 世帯指数 " + total + "（基準指数 ");
    for (int i = 0; i < guardians.size(); i++) {
      GuardianPoints g = guardians.get(i);
      text.append(i == 0 ? "" : "＋").append("保護者").append(i + 1).append(' ').append(g.points())
          .append('［').append(g.basisJa()).append('］');
    }
    text.append("、調整指数 ").append(adjustmentPoints);
    for (Adjustment a : adjustments) {
      text.append(a == adjustments.get(0) ? ": " : "、").append(a.reasonJa()).append(' ')
          .append(a.points() >= 0 ? "+" : "").append(a.points());
    }
    return text.append('）').toString();
  }
}
