package jp.tetsuzuki.processes.childcare.allocation;

import java.util.List;

/**
 * The result for one child.
 *
 * @param facilityId where the child is placed (or stays, for a transfer applicant not moved); null when waiting
 * @param preferenceRank the rank of that facility in the child's preferences (1 = 第1希望); null when waiting or
 *     staying at a current facility it did not list
 * @param explanation one entry per facility the child ranked above its result, in preference order
 * @param summaryJa one sentence for the parent, e.g. {@code 第2希望 つばき保育園（3歳児クラス）に内定しました。}
 */
public record Placement(String applicantId, String facilityId, Outcome outcome, Integer preferenceRank,
    List<Explanation> explanation, String summaryJa) {

  public enum Outcome {
    /** placed at one of its preferences (内定) */
    PLACED,
    /** a transfer applicant not moved: keeps its current place */
    KEPT_CURRENT,
    /** waiting (保留) */
    WAITING
  }
}
