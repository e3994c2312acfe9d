package jp.tetsuzuki.processes.childcare.allocation;

/**
 * Why a child is not at a facility it ranked above its result: structured for any language (a code and the values);
 * {@link #messageJa()} is the Japanese sentence parents read, written from them when asked for (a Tokyo-wide round
 * has half a million of these).
 *
 * @param preferenceRank 1 for 第1希望
 * @param places the places of the facility in the child's class age in this round (including places freed by
 *     transfers)
 * @param admitted how many children were placed there in that class age
 * @param cutoffScore the score (at that facility) of the lowest-priority child admitted there, null when none
 *     was admitted on priority (no places, or only enrolled children keeping their place)
 * @param ownScore the child's own score at that facility
 * @param siblingPatternJa for {@link Reason#SIBLING_COMBINATION}: the household's pattern, e.g. 同保同時
 * @param tieBreaksJa for {@link Reason#TIE_BREAK_LOST}: the tenant's criteria in order, then the lottery number
 */
public record Explanation(int preferenceRank, String facilityId, String facilityName, int classAge, Reason reason,
    int places, int admitted, Double cutoffScore, double ownScore, String siblingPatternJa, String tieBreaksJa) {

  public enum Reason {
    /** the facility offers no place in the child's class age */
    NO_PLACES,
    /** the places went to children with a higher score there */
    BELOW_CUTOFF,
    /** the lowest admitted child had the same score and won on the tie-break criteria or the lottery number */
    TIE_BREAK_LOST,
    /** the household could not be placed there as its sibling pattern asks (the child alone would have had a place) */
    SIBLING_COMBINATION,
    /** a household placed as a whole at its (higher) priority took the last places before this child's turn */
    HELD_BY_HOUSEHOLD,
    /** the places are held by children already enrolled there who keep them */
    HELD_BY_ENROLLED
  }

  /** The sentence for the parent, e.g. 第1希望 さくら保育園（3歳児クラス）は募集1人で、入所した方の最低指数が100点（あなたは80点）… */
  public String messageJa() {
    String where = "第" + preferenceRank + "希望 " + facilityName + "（" + classAge + "歳児クラス）";
    return switch (reason) {
      case NO_PLACES -> where + "は募集がなかったため、入所できませんでした。";
      case SIBLING_COMBINATION -> where + "は、きょうだいの希望（" + siblingPatternJa
          + "）に沿う組合せで入所できる枠がなかったため、入所できませんでした。";
      case HELD_BY_HOUSEHOLD -> where + "は募集" + places + "人の枠を、より早い順位できょうだいそろって入所が決まった世帯が"
          + "使ったため、入所できませんでした。";
      case HELD_BY_ENROLLED -> where + "は、在園児の継続利用で枠が埋まったため、入所できませんでした。";
      case TIE_BREAK_LOST -> where + "は募集" + places + "人で、入所した方の最低指数が" + AllocationEngine.points(cutoffScore)
          + "点とあなたと同点でしたが、同点時の優先順位（" + tieBreaksJa + "）により入所できませんでした。";
      case BELOW_CUTOFF -> where + "は募集" + places + "人で、入所した方の最低指数が" + AllocationEngine.points(cutoffScore)
          + "点（あなたは" + AllocationEngine.points(ownScore) + "点）だったため、入所できませんでした。";
    };
  }
}
