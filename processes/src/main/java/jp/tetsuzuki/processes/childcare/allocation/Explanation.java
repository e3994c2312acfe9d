package jp.tetsuzuki.processes.childcare.allocation;

/**
 * Why a child is not at a facility it ranked above its result: structured for any language (a code and the values),
 * plus the Japanese sentence parents read.
 *
 * @param preferenceRank 1 for 第1希望
 * @param places the places of the facility in the child's class age in this round (including places freed by
 *     transfers)
 * @param admitted how many children were placed there in that class age
 * @param cutoffScore the score (at that facility) of the lowest-priority child admitted there, null when none
 *     was admitted on priority (no places, or only enrolled children keeping their place)
 * @param ownScore the child's own score at that facility
 */
public record Explanation(int preferenceRank, String facilityId, String facilityName, int classAge, Reason reason,
    int places, int admitted, Double cutoffScore, double ownScore, String messageJa) {

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
}
