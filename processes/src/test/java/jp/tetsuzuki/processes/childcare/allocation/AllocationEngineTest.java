package jp.tetsuzuki.processes.childcare.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.processes.childcare.allocation.Explanation.Reason;
import jp.tetsuzuki.processes.childcare.allocation.Placement.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked rounds: the ChilmAI sample, each sibling pattern, transfer chains, tie-breaks and per-facility scores.
 * Each test says why the expected result is the right one.
 */
class AllocationEngineTest {

  private final AllocationEngine engine = new AllocationEngine();

  // ---- a small builder: child(id, household, age, score, prefs...)

  private static Applicant child(String id, String household, int age, double score, SiblingPattern pattern,
      String... prefs) {
    return new Applicant(id, household, age, Arrays.stream(prefs).map(f -> new Preference(f, score)).toList(),
        null, pattern, null, Map.of());
  }

  private static Applicant single(String id, int age, double score, String... prefs) {
    return child(id, id, age, score, null, prefs);
  }

  /** A facility with places only in the given ages: places(age0, age1, …, age5). */
  private static Facility facility(String id, int... places) {
    int[] p = Arrays.copyOf(places, 6);
    return new Facility(id, "保育所" + id, p);
  }

  private Map<String, String> allocate(List<Facility> facilities, Applicant... applicants) {
    return allocate(facilities, List.of(), applicants);
  }

  private Map<String, String> allocate(List<Facility> facilities, List<TieBreak> ties, Applicant... applicants) {
    AllocationResult result = engine.allocate(new AllocationRequest(facilities, List.of(applicants), ties));
    Map<String, String> where = new LinkedHashMap<>();
    for (Placement p : result.placements()) {
      where.put(p.applicantId(), p.facilityId() == null ? "-" : p.facilityId());
    }
    return where;
  }

  /**
   * The ChilmAI demo files (shared/data/chilmai). 3-year-old places: さくら(10) 1, ひまわり(20) 1, つばき(30) 3.
   * 101 (100 points) takes さくら, its first choice. 102 (80, enrolled at ひまわり, wants さくら or つばき): さくら is full
   * with a higher score, so つばき; its place at ひまわり is freed (ひまわり now has 2). 103 (70) takes ひまわり.
   * 104 and 105 (60, one household, pattern 1 同保同時) want ひまわり, then つばき, together: ひまわり has one place
   * left, not two, so both go to つばき (2 of its 3 places remain after 102).
   */
  @Test
  void theChilmaiSampleAsWorkedOutByHand() {
    List<Facility> facilities = List.of(new Facility("10", "さくら保育園", new int[] {0, 0, 0, 1, 0, 0}),
        new Facility("20", "ひまわり保育園", new int[] {0, 0, 0, 1, 0, 0}),
        new Facility("30", "つばき保育園", new int[] {0, 0, 0, 3, 0, 0}));
    List<Applicant> applicants = List.of(
        child("101", "1001", 3, 100, null, "10", "20"),
        child("102", "1002", 3, 80, null, "10", "30").withCurrentFacility("20"),
        child("103", "1003", 3, 70, null, "20", "30"),
        child("104", "1004", 3, 60, SiblingPattern.SAME_FACILITY_TOGETHER, "20", "30"),
        child("105", "1004", 3, 60, SiblingPattern.SAME_FACILITY_TOGETHER, "20", "30"));
    AllocationResult result = engine.allocate(new AllocationRequest(facilities, applicants));
    Map<String, Placement> by = result.byApplicant();

    assertThat(by.get("101").facilityId()).isEqualTo("10");
    assertThat(by.get("101").preferenceRank()).isEqualTo(1);
    assertThat(by.get("101").explanation()).isEmpty();
    assertThat(by.get("101").summaryJa()).isEqualTo("第1希望 さくら保育園（3歳児クラス）に内定しました。");

    assertThat(by.get("102").facilityId()).isEqualTo("30");
    assertThat(by.get("102").outcome()).isEqualTo(Outcome.PLACED);
    Explanation why = by.get("102").explanation().get(0);
    assertThat(why.reason()).isEqualTo(Reason.BELOW_CUTOFF);
    assertThat(why.facilityId()).isEqualTo("10");
    assertThat(why.places()).isEqualTo(1);
    assertThat(why.cutoffScore()).isEqualTo(100.0);
    assertThat(why.ownScore()).isEqualTo(80.0);
    assertThat(why.messageJa()).isEqualTo(
        "第1希望 さくら保育園（3歳児クラス）は募集1人で、入所した方の最低指数が100点（あなたは80点）だったため、入所できませんでした。");

    assertThat(by.get("103").facilityId()).isEqualTo("20");
    assertThat(by.get("104").facilityId()).isEqualTo("30");
    assertThat(by.get("105").facilityId()).isEqualTo("30");
    Explanation household = by.get("104").explanation().get(0);
    assertThat(household.reason()).isEqualTo(Reason.SIBLING_COMBINATION);
    assertThat(household.places()).as("one vacancy plus the place 102 freed").isEqualTo(2);
    assertThat(household.admitted()).isEqualTo(1);
    assertThat(household.messageJa()).contains("同保同時");
  }

  @Test
  void equalScoresAreAWalkDownThePriorityList() {
    List<Facility> f = List.of(facility("A", 0, 1), facility("B", 0, 1));
    // 3 takes A (highest), 2 gets its second choice B, 1 waits: both its choices are full
    assertThat(allocate(f, single("1", 1, 10, "A", "B"), single("2", 1, 20, "A", "B"), single("3", 1, 30, "A")))
        .containsEntry("3", "A").containsEntry("2", "B").containsEntry("1", "-");
  }

  @Test
  void ageClassesAreSeparate() {
    List<Facility> f = List.of(facility("A", 1, 0));
    // the only place is in the 0-year class: the 1-year-old cannot take it even with more points
    assertThat(allocate(f, single("1", 1, 99, "A"), single("2", 0, 1, "A")))
        .containsEntry("1", "-").containsEntry("2", "A");
  }

  @Test
  void equalScoresGoToTheTenantsTieBreaksInOrderThenTheLotteryThenTheId() {
    List<Facility> f = List.of(facility("A", 0, 0, 1));
    List<TieBreak> ties = List.of(new TieBreak("singleParent", "ひとり親世帯", TieBreak.Direction.HIGHER_FIRST),
        new TieBreak("incomeTax", "所得割額が低い世帯", TieBreak.Direction.LOWER_FIRST));
    Applicant x = single("x", 2, 50, "A").withTieBreakValues(Map.of("singleParent", 0.0, "incomeTax", 1000.0));
    Applicant y = single("y", 2, 50, "A").withTieBreakValues(Map.of("singleParent", 0.0, "incomeTax", 900.0));
    // first criterion equal, the lower income tax wins
    assertThat(allocate(f, ties, x, y)).containsEntry("y", "A");
    // the first criterion decides before the second
    Applicant z = single("z", 2, 50, "A").withTieBreakValues(Map.of("singleParent", 1.0, "incomeTax", 5000.0));
    assertThat(allocate(f, ties, x, y, z)).containsEntry("z", "A");
    // all criteria equal: the lower lottery number wins; without numbers the id decides
    assertThat(allocate(f, ties, x.withLottery(7L), single("w", 2, 50, "A").withTieBreakValues(x.tieBreakValues())
        .withLottery(3L))).containsEntry("w", "A");
    assertThat(allocate(f, single("b", 2, 50, "A"), single("a", 2, 50, "A"))).containsEntry("a", "A");

    AllocationResult result = engine.allocate(new AllocationRequest(f, List.of(x, y), ties));
    Explanation lost = result.byApplicant().get("x").explanation().get(0);
    assertThat(lost.reason()).isEqualTo(Reason.TIE_BREAK_LOST);
    assertThat(lost.messageJa()).contains("同点").contains("所得割額が低い世帯");
  }

  /**
   * Per-facility scores (点数N): p has 50 at both, q has 60 at X and 40 at Y. X ranks q first, Y ranks p first, so
   * q gets X and p gets Y, although p's turn in a walk by first-choice score would be second anyway.
   */
  @Test
  void perFacilityScoresGiveTheDeferredAcceptanceResult() {
    List<Facility> f = List.of(facility("X", 0, 1), facility("Y", 0, 1));
    Applicant p = new Applicant("p", "p", 1, List.of(new Preference("Y", 50), new Preference("X", 50)), null, null,
        null, Map.of());
    Applicant q = new Applicant("q", "q", 1, List.of(new Preference("Y", 40), new Preference("X", 60)), null, null,
        null, Map.of());
    // Y prefers p (50 > 40), so q goes on to X
    assertThat(allocate(f, p, q)).containsEntry("p", "Y").containsEntry("q", "X");
    // r has 55 at Y: Y takes r, passes p on to X, where p (50) beats nobody: q (60) holds X -> p waits
    Applicant r = new Applicant("r", "r", 1, List.of(new Preference("Y", 55)), null, null, null, Map.of());
    assertThat(allocate(f, p, q, r)).containsEntry("r", "Y").containsEntry("q", "X").containsEntry("p", "-");
  }

  // ---- the seven sibling patterns. Ages: elder e is 3, younger y is 1.

  @Test
  void pattern1SameFacilityTogetherOrNobody() {
    // A has a place for the elder only, B for both: both go to B
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1), facility("B", 0, 1, 0, 1)),
        household(SiblingPattern.SAME_FACILITY_TOGETHER, "A", "B")))
        .containsEntry("e", "B").containsEntry("y", "B");
    // no facility has places for both: both wait, and the lower-priority single takes the elder's place at A
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1), facility("B", 0, 1)),
        concat(household(SiblingPattern.SAME_FACILITY_TOGETHER, "A", "B"), single("s", 3, 1, "A"))))
        .containsEntry("e", "-").containsEntry("y", "-").containsEntry("s", "A");
  }

  @Test
  void pattern2TheElderMayGoAlone() {
    List<Facility> f = List.of(facility("A", 0, 0, 0, 1), facility("B", 0, 1));
    assertThat(allocate(f, household(SiblingPattern.SAME_FACILITY_ELDER_FIRST, "A", "B")))
        .containsEntry("e", "A").containsEntry("y", "-");
    // the younger alone is not allowed by pattern 2
    assertThat(allocate(List.of(facility("A", 0, 1)), household(SiblingPattern.SAME_FACILITY_ELDER_FIRST, "A")))
        .containsEntry("e", "-").containsEntry("y", "-");
    // together at one facility is preferred to the elder alone at its first choice
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1), facility("B", 0, 1, 0, 1)),
        household(SiblingPattern.SAME_FACILITY_ELDER_FIRST, "A", "B")))
        .containsEntry("e", "B").containsEntry("y", "B");
  }

  @Test
  void pattern3TheYoungerMayGoAlone() {
    assertThat(allocate(List.of(facility("A", 0, 1)), household(SiblingPattern.SAME_FACILITY_YOUNGER_FIRST, "A")))
        .containsEntry("e", "-").containsEntry("y", "A");
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1)),
        household(SiblingPattern.SAME_FACILITY_YOUNGER_FIRST, "A")))
        .containsEntry("e", "-").containsEntry("y", "-");
  }

  @Test
  void pattern4SamePreferredOtherwiseApartButAllNow() {
    // same facility first
    assertThat(allocate(List.of(facility("A", 0, 1, 0, 1), facility("B", 0, 1, 0, 1)),
        household(SiblingPattern.TOGETHER_SAME_PREFERRED, "A", "B")))
        .containsEntry("e", "A").containsEntry("y", "A");
    // apart when no facility has both: elder at A, younger at B
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1), facility("B", 0, 1)),
        household(SiblingPattern.TOGETHER_SAME_PREFERRED, "A", "B")))
        .containsEntry("e", "A").containsEntry("y", "B");
    // nobody alone
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1)), household(SiblingPattern.TOGETHER_SAME_PREFERRED, "A")))
        .containsEntry("e", "-").containsEntry("y", "-");
    // same facility even at a later preference beats apart at first preferences
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1), facility("B", 0, 1), facility("C", 0, 1, 0, 1)),
        household(SiblingPattern.TOGETHER_SAME_PREFERRED, "A", "B", "C")))
        .containsEntry("e", "C").containsEntry("y", "C");
  }

  @Test
  void pattern5SamePreferredAndSomeMayGoFirst() {
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1), facility("B", 0, 1)),
        household(SiblingPattern.ANY_SAME_PREFERRED, "A", "B")))
        .containsEntry("e", "A").containsEntry("y", "B");
    // only one place for either: one goes first (the elder: same rank, elder's preference first)
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1)), household(SiblingPattern.ANY_SAME_PREFERRED, "A")))
        .containsEntry("e", "A").containsEntry("y", "-");
    assertThat(allocate(List.of(facility("A", 0, 1)), household(SiblingPattern.ANY_SAME_PREFERRED, "A")))
        .containsEntry("e", "-").containsEntry("y", "A");
  }

  @Test
  void pattern6OwnPreferencesAllNow() {
    Applicant e = child("e", "h", 3, 50, SiblingPattern.TOGETHER_OWN_PREFERENCES, "A", "B");
    Applicant y = child("y", "h", 1, 50, SiblingPattern.TOGETHER_OWN_PREFERENCES, "B", "A");
    // each at its own first choice; the same facility is no better
    assertThat(allocate(List.of(facility("A", 0, 1, 0, 1), facility("B", 0, 1, 0, 1)), e, y))
        .containsEntry("e", "A").containsEntry("y", "B");
    // the younger has no place anywhere: nobody goes, and the single below takes the place
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1), facility("B")), e, y, single("s", 3, 1, "A")))
        .containsEntry("e", "-").containsEntry("y", "-").containsEntry("s", "A");
  }

  @Test
  void pattern7BindsNothing() {
    assertThat(allocate(List.of(facility("A", 0, 0, 0, 1)), household(SiblingPattern.INDEPENDENT, "A")))
        .containsEntry("e", "A").containsEntry("y", "-");
  }

  /**
   * A household is placed at its priority: here at 50 points, between the single with 60 (placed first) and the
   * single with 40 (who gets what is left). A has 2 places in the 3-year class and 1 in the 1-year class.
   */
  @Test
  void aHouseholdIsPlacedAsAWholeAtItsPriority() {
    List<Facility> f = List.of(facility("A", 0, 1, 0, 2), facility("B", 0, 1, 0, 2));
    assertThat(allocate(f, concat(household(SiblingPattern.SAME_FACILITY_TOGETHER, "A", "B"),
        single("hi", 1, 60, "A"), single("lo", 3, 40, "A", "B"))))
        .containsEntry("hi", "A").containsEntry("e", "B").containsEntry("y", "B").containsEntry("lo", "A");
  }

  /**
   * Per-facility scores: the household (50 at A) is placed at its turn and keeps A's only 3-year place; the single
   * comes later (40 at its first choice B, which has no places) although it has 60 at A. It is told a household
   * placed at its priority took the place.
   */
  @Test
  void theExplanationNamesAHouseholdThatTookThePlaces() {
    Applicant s = new Applicant("s", "s", 3, List.of(new Preference("B", 40), new Preference("A", 60)), null, null,
        null, Map.of());
    AllocationResult result = engine.allocate(new AllocationRequest(List.of(facility("A", 0, 1, 0, 1), facility("B")),
        List.of(concat(household(SiblingPattern.SAME_FACILITY_TOGETHER, "A"), s))));
    assertThat(result.facilityOf("e")).isEqualTo("A");
    assertThat(result.facilityOf("s")).isNull();
    assertThat(result.byApplicant().get("s").explanation()).extracting(Explanation::reason)
        .containsExactly(Reason.NO_PLACES, Reason.HELD_BY_HOUSEHOLD);
  }

  // ---- transfers (在籍保育所ID)

  /**
   * A chain: B (enrolled at F2) moves to F3's vacancy and frees F2; A (enrolled at F1) takes that freed place and
   * frees F1; C, new, wanted F2 but A has priority there, so C takes the place A freed at F1.
   */
  @Test
  void aTransferChainReoffersEveryFreedPlaceInTheSameRound() {
    List<Facility> f = List.of(facility("F1", 0, 0), facility("F2", 0, 0), facility("F3", 0, 1));
    Applicant a = single("A", 1, 90, "F2").withCurrentFacility("F1");
    Applicant b = single("B", 1, 80, "F3").withCurrentFacility("F2");
    Applicant c = single("C", 1, 70, "F2", "F1");
    assertThat(allocate(f, a, b, c)).containsEntry("A", "F2").containsEntry("B", "F3").containsEntry("C", "F1");
    // C first: C takes the place B frees, A keeps its own
    Applicant c2 = single("C", 1, 95, "F2", "F1");
    AllocationResult result = engine.allocate(new AllocationRequest(f, List.of(a, b, c2)));
    assertThat(result.facilityOf("C")).isEqualTo("F2");
    assertThat(result.facilityOf("B")).isEqualTo("F3");
    Placement kept = result.byApplicant().get("A");
    assertThat(kept.facilityId()).isEqualTo("F1");
    assertThat(kept.outcome()).isEqualTo(Outcome.KEPT_CURRENT);
    assertThat(kept.explanation()).extracting(Explanation::facilityId).containsExactly("F2");
  }

  /** D (higher priority) was refused at F1 before A moved away; the freed place still reaches D in this round. */
  @Test
  void aPlaceFreedLaterReachesAHigherChildRefusedBefore() {
    List<Facility> f = List.of(facility("F1", 0, 0), facility("F3", 0, 1));
    Applicant d = single("D", 1, 100, "F1");
    Applicant a = single("A", 1, 50, "F3").withCurrentFacility("F1");
    assertThat(allocate(f, d, a)).containsEntry("D", "F1").containsEntry("A", "F3");
    // E takes F3 before A: A stays at F1 and D, refused there, waits
    Applicant e = single("E", 1, 60, "F3");
    assertThat(allocate(f, d, a, e)).containsEntry("E", "F3").containsEntry("A", "F1").containsEntry("D", "-");
  }

  /**
   * A transfer applicant who moves as part of a household placed at its priority never comes back for its place:
   * that place is then open to a later household too. H1 (90, pattern 1) moves both children to X, freeing E's
   * 1-year place; H2 (50, pattern 1) needs E's 3-year vacancy and that freed place together.
   */
  @Test
  void aPlaceFreedByAHouseholdMovingIsOpenToHouseholdsToo() {
    List<Facility> f = List.of(facility("X", 0, 2), facility("E", 0, 0, 0, 1));
    Applicant t = child("t", "H1", 1, 90, SiblingPattern.SAME_FACILITY_TOGETHER, "X").withCurrentFacility("E");
    Applicant u = child("u", "H1", 1, 90, SiblingPattern.SAME_FACILITY_TOGETHER, "X");
    Applicant e2 = child("e2", "H2", 3, 50, SiblingPattern.SAME_FACILITY_TOGETHER, "E");
    Applicant y2 = child("y2", "H2", 1, 50, SiblingPattern.SAME_FACILITY_TOGETHER, "E");
    assertThat(allocate(f, t, u, e2, y2)).containsEntry("t", "X").containsEntry("u", "X")
        .containsEntry("e2", "E").containsEntry("y2", "E");
  }

  /**
   * Worked by hand (domain file, allocation round 2 and 3: a household is placed as a whole; the place a transfer
   * child frees is offered again in the same round). Places: X has one 1-year place; E has none for 1-year-olds
   * (its only 1-year child is T, enrolled there) and one 3-year place. T (90, alone, enrolled at E) asks for X and
   * gets it: E's 1-year place is free. Household H (50, pattern 1 同保同時: e 3 years, y 1 year) wants E, both
   * together: E's 3-year vacancy and the place T left. Before the fix H waited (T "could still come back"); T
   * moved for good, so H is placed at E. L (40, alone, 1 year) wanted E too: it waits below the household's score (the first walk gave L that place).
   */
  @Test
  void aSiblingHouseholdTakesThePlaceALoneTransferChildFreed() {
    List<Facility> f = List.of(facility("X", 0, 1), facility("E", 0, 0, 0, 1));
    Applicant t = single("T", 1, 90, "X").withCurrentFacility("E");
    Applicant e = child("e", "H", 3, 50, SiblingPattern.SAME_FACILITY_TOGETHER, "E");
    Applicant y = child("y", "H", 1, 50, SiblingPattern.SAME_FACILITY_TOGETHER, "E");
    Applicant l = single("L", 1, 40, "E");
    AllocationResult result = engine.allocate(new AllocationRequest(f, List.of(t, e, y, l)));
    assertThat(result.facilityOf("T")).isEqualTo("X");
    assertThat(result.facilityOf("e")).isEqualTo("E");
    assertThat(result.facilityOf("y")).isEqualTo("E");
    assertThat(result.facilityOf("L")).isNull();
    // L's score is below the household's: E's 1-year place went to the higher priority
    assertThat(result.byApplicant().get("L").explanation()).extracting(Explanation::reason)
        .containsExactly(Reason.BELOW_CUTOFF);

    // X taken first by a child of higher priority: T stays at E, so the household cannot have E's 1-year place
    // and waits; nobody is over capacity and T keeps its place
    Applicant z = single("Z", 1, 95, "X");
    AllocationResult kept = engine.allocate(new AllocationRequest(f, List.of(t, e, y, l, z)));
    assertThat(kept.facilityOf("Z")).isEqualTo("X");
    assertThat(kept.byApplicant().get("T").outcome()).isEqualTo(Outcome.KEPT_CURRENT);
    assertThat(kept.facilityOf("e")).isNull();
    assertThat(kept.facilityOf("y")).isNull();

    // the household first (higher priority than T): it takes the place T is about to free, T still moves to X
    Applicant e9 = child("e", "H", 3, 99, SiblingPattern.SAME_FACILITY_TOGETHER, "E");
    Applicant y9 = child("y", "H", 1, 99, SiblingPattern.SAME_FACILITY_TOGETHER, "E");
    AllocationResult first = engine.allocate(new AllocationRequest(f, List.of(t, e9, y9)));
    assertThat(first.facilityOf("T")).isEqualTo("X");
    assertThat(first.facilityOf("e")).isEqualTo("E");
    assertThat(first.facilityOf("y")).isEqualTo("E");
  }

  @Test
  void aTransferApplicantNeverMovesDownItsList() {
    // it lists F2, its own F1, then F3 (with a vacancy): F3 comes after its place, so it keeps F1
    List<Facility> f = List.of(facility("F1", 0, 0), facility("F2", 0, 0), facility("F3", 0, 5));
    Applicant t = single("T", 1, 50, "F2", "F1", "F3").withCurrentFacility("F1");
    AllocationResult result = engine.allocate(new AllocationRequest(f, List.of(t)));
    Placement p = result.byApplicant().get("T");
    assertThat(p.facilityId()).isEqualTo("F1");
    assertThat(p.outcome()).isEqualTo(Outcome.KEPT_CURRENT);
    assertThat(p.preferenceRank()).isEqualTo(2);
    assertThat(p.explanation()).extracting(Explanation::reason).containsExactly(Reason.NO_PLACES);
  }

  // ---- invalid requests

  @Test
  void inconsistentInputIsRefusedWithEveryProblemNamed() {
    List<Facility> f = List.of(facility("A", 0, 1), facility("A", 0, 1));
    List<Applicant> a = List.of(single("1", 7, 1, "A"), single("2", 1, 1, "Z"), single("2", 1, 1, "A"),
        child("3", "h", 1, 1, SiblingPattern.SAME_FACILITY_TOGETHER, "A"),
        child("4", "h", 1, 1, SiblingPattern.INDEPENDENT, "A"),
        single("5", 1, 1, "A").withCurrentFacility("nowhere"));
    assertThatThrownBy(() -> engine.allocate(new AllocationRequest(f, a)))
        .isInstanceOfSatisfying(InvalidAllocationRequestException.class, e -> assertThat(e.problems())
            .extracting(AllocationProblem::code).contains("FACILITY_DUPLICATE", "CLASS_AGE_INVALID",
                "PREFERENCE_UNKNOWN_FACILITY", "APPLICANT_DUPLICATE", "SIBLING_PATTERN_INCONSISTENT",
                "CURRENT_FACILITY_UNKNOWN"));
  }

  // ---- helpers

  private static Applicant[] household(SiblingPattern pattern, String... prefs) {
    return new Applicant[] {child("e", "h", 3, 50, pattern, prefs), child("y", "h", 1, 50, pattern, prefs)};
  }

  private static Applicant[] concat(Applicant[] some, Applicant... more) {
    List<Applicant> all = new ArrayList<>(List.of(some));
    all.addAll(List.of(more));
    return all.toArray(Applicant[]::new);
  }
}
