package jp.tetsuzuki.processes.childcare.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import jp.tetsuzuki.processes.childcare.allocation.Placement.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Properties over thousands of random rounds (seeded loops: each failure names its seed, and rerunning that seed
 * reproduces it). The checks are computed here from the request alone, not from the engine's internals: capacity,
 * listed preferences only, no justified envy among children without a joint sibling constraint, the sibling
 * patterns, transfers never worse off, determinism under shuffled input, and equality with textbook deferred
 * acceptance (and with the plain priority walk when every child has one score) where no sibling or transfer is
 * involved.
 */
class AllocationPropertiesTest {

  private static final int ROUNDS = 3000;
  private final AllocationEngine engine = new AllocationEngine();

  @Test
  void randomRoundsKeepEveryProperty() {
    for (long seed = 1; seed <= ROUNDS; seed++) {
      Random random = new Random(seed);
      AllocationRequest request = randomRequest(random, true, true, random.nextBoolean());
      AllocationResult result = engine.allocate(request);
      String at = "seed " + seed;
      checkProperties(request, result, at);

      List<Facility> facilities = new ArrayList<>(request.facilities());
      List<Applicant> applicants = new ArrayList<>(request.applicants());
      Collections.shuffle(facilities, random);
      Collections.shuffle(applicants, random);
      AllocationResult again = engine.allocate(new AllocationRequest(facilities, applicants, request.tieBreaks()));
      assertThat(again).as(at + ": same input in another order, same result").isEqualTo(result);
    }
  }

  @Test
  void withoutSiblingsOrTransfersItIsTextbookDeferredAcceptance() {
    for (long seed = 1; seed <= ROUNDS; seed++) {
      Random random = new Random(seed);
      AllocationRequest request = randomRequest(random, false, false, true);
      assertThat(placements(engine.allocate(request))).as("seed " + seed)
          .isEqualTo(deferredAcceptance(request));
    }
  }

  @Test
  void withOneScorePerChildItIsThePriorityWalk() {
    for (long seed = 1; seed <= ROUNDS; seed++) {
      Random random = new Random(seed);
      AllocationRequest request = randomRequest(random, false, false, false);
      assertThat(placements(engine.allocate(request))).as("seed " + seed).isEqualTo(walk(request));
    }
  }

  // ---- random rounds

  private static AllocationRequest randomRequest(Random r, boolean siblings, boolean transfers,
      boolean perFacilityScores) {
    int nf = 1 + r.nextInt(6);
    int maxAge = 1 + r.nextInt(3); // few ages: more competition
    List<Facility> facilities = new ArrayList<>();
    for (int f = 0; f < nf; f++) {
      int[] places = new int[6];
      for (int a = 0; a < maxAge; a++) {
        places[a] = r.nextInt(4);
      }
      facilities.add(new Facility("F" + f, "保育所" + f, places));
    }
    List<TieBreak> ties = r.nextBoolean() ? List.of()
        : List.of(new TieBreak("t1", "t1", TieBreak.Direction.HIGHER_FIRST),
            new TieBreak("t2", "t2", TieBreak.Direction.LOWER_FIRST));
    int nc = r.nextInt(30);
    List<Applicant> applicants = new ArrayList<>();
    int id = 0;
    while (applicants.size() < nc) {
      int size = siblings && r.nextInt(4) == 0 ? 2 + r.nextInt(2) : 1;
      SiblingPattern pattern = size > 1 ? SiblingPattern.values()[r.nextInt(7)] : null;
      String household = "H" + id;
      double householdScore = r.nextInt(5) * 10;
      Long lottery = r.nextInt(5) == 0 ? null : (long) r.nextInt(20);
      Map<String, Double> values = new HashMap<>();
      if (r.nextBoolean()) {
        values.put("t1", (double) r.nextInt(2));
      }
      if (r.nextBoolean()) {
        values.put("t2", (double) r.nextInt(3));
      }
      for (int s = 0; s < size; s++) {
        int age = r.nextInt(maxAge);
        List<String> pool = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
          pool.add("F" + f);
        }
        Collections.shuffle(pool, r);
        int np = r.nextInt(Math.min(4, nf) + 1);
        List<Preference> prefs = new ArrayList<>();
        for (int p = 0; p < np; p++) {
          double score = perFacilityScores ? householdScore + r.nextInt(3) * 5 : householdScore;
          prefs.add(new Preference(pool.get(p), score));
        }
        String current = transfers && r.nextInt(6) == 0 ? "F" + r.nextInt(nf) : null;
        applicants.add(new Applicant("C" + id, household, age, prefs, current, pattern, lottery, values));
        id++;
      }
    }
    return new AllocationRequest(facilities, applicants, ties);
  }

  // ---- the properties

  /** Priority of a child at a facility, computed here independently: score, tie-breaks, lottery, id. */
  private static Comparator<Applicant> priorityAt(String facilityId, List<TieBreak> ties) {
    Comparator<Applicant> cmp = Comparator.comparingDouble((Applicant a) -> -scoreAt(a, facilityId));
    for (TieBreak t : ties) {
      cmp = cmp.thenComparing((x, y) -> {
        Double vx = x.tieBreakValues().get(t.code());
        Double vy = y.tieBreakValues().get(t.code());
        if (vx == null || vy == null) {
          return vx == null ? (vy == null ? 0 : 1) : -1;
        }
        return t.direction() == TieBreak.Direction.HIGHER_FIRST ? Double.compare(vy, vx) : Double.compare(vx, vy);
      });
    }
    return cmp.thenComparing((x, y) -> {
      if (x.lotteryNumber() == null || y.lotteryNumber() == null) {
        return x.lotteryNumber() == null ? (y.lotteryNumber() == null ? 0 : 1) : -1;
      }
      return Long.compare(x.lotteryNumber(), y.lotteryNumber());
    }).thenComparing(Applicant::id, AllocationEngine.ID_ORDER);
  }

  private static double scoreAt(Applicant a, String facilityId) {
    return a.preferences().stream().filter(p -> p.facilityId().equals(facilityId)).findFirst()
        .map(Preference::score).orElse(a.preferences().isEmpty() ? 0 : a.preferences().get(0).score());
  }

  private static int rankOf(Applicant a, String facilityId) {
    for (int i = 0; i < a.preferences().size(); i++) {
      if (a.preferences().get(i).facilityId().equals(facilityId)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isJoint(Applicant a, Map<String, Long> householdSizes) {
    return a.siblingPattern() != null && a.siblingPattern().joint() && householdSizes.get(a.householdId()) > 1;
  }

  private static void checkProperties(AllocationRequest request, AllocationResult result, String at) {
    Map<String, Applicant> applicants = request.applicants().stream()
        .collect(Collectors.toMap(Applicant::id, a -> a));
    Map<String, Facility> facilities = request.facilities().stream()
        .collect(Collectors.toMap(Facility::id, f -> f));
    Map<String, Long> householdSizes = request.applicants().stream()
        .collect(Collectors.groupingBy(Applicant::householdId, Collectors.counting()));
    assertThat(result.placements()).as(at).hasSize(applicants.size());
    Map<String, Placement> by = result.byApplicant();

    // capacity: the places plus the places of transfer applicants who moved away; everyone here is counted
    Map<String, Integer> capacity = new HashMap<>();
    Map<String, Integer> admitted = new HashMap<>();
    Map<String, List<Applicant>> admittedChildren = new HashMap<>();
    for (Facility f : facilities.values()) {
      for (int age = 0; age < 6; age++) {
        capacity.put(f.id() + "/" + age, f.places(age));
      }
    }
    for (Applicant a : applicants.values()) {
      if (a.currentFacilityId() != null) {
        capacity.merge(a.currentFacilityId() + "/" + a.classAge(), 1, Integer::sum);
      }
    }
    for (Placement p : result.placements()) {
      Applicant a = applicants.get(p.applicantId());
      if (p.facilityId() == null) {
        assertThat(p.outcome()).as(at).isEqualTo(Outcome.WAITING);
        assertThat(a.currentFacilityId()).as(at + ": an enrolled child never loses its place").isNull();
        continue;
      }
      String key = p.facilityId() + "/" + a.classAge();
      admitted.merge(key, 1, Integer::sum);
      admittedChildren.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
      if (p.outcome() == Outcome.KEPT_CURRENT) {
        assertThat(p.facilityId()).as(at).isEqualTo(a.currentFacilityId());
      } else {
        int rank = rankOf(a, p.facilityId());
        assertThat(rank).as(at + ": " + a.id() + " placed only at a listed preference").isGreaterThanOrEqualTo(0);
        assertThat(p.preferenceRank()).as(at).isEqualTo(rank + 1);
        if (a.currentFacilityId() != null) {
          int own = rankOf(a, a.currentFacilityId());
          assertThat(own < 0 || rank < own).as(at + ": a transfer applicant only moves up").isTrue();
          assertThat(p.facilityId()).as(at).isNotEqualTo(a.currentFacilityId());
        }
      }
    }
    admitted.forEach((key, n) -> assertThat(n).as(at + ": never over capacity at " + key)
        .isLessThanOrEqualTo(capacity.get(key)));

    // no justified envy outside sibling constraints
    for (Placement p : result.placements()) {
      Applicant a = applicants.get(p.applicantId());
      int upTo = p.facilityId() == null ? a.preferences().size()
          : p.outcome() == Outcome.KEPT_CURRENT ? (p.preferenceRank() == null ? a.preferences().size()
              : p.preferenceRank() - 1) : p.preferenceRank() - 1;
      List<String> above = new ArrayList<>();
      for (int i = 0; i < upTo; i++) {
        String f = a.preferences().get(i).facilityId();
        if (f.equals(a.currentFacilityId())) {
          break;
        }
        above.add(f);
      }
      assertThat(p.explanation()).as(at + ": one explanation per facility above the result of " + a.id())
          .extracting(Explanation::facilityId).containsExactlyElementsOf(above);
      if (isJoint(a, householdSizes)) {
        continue;
      }
      for (String f : above) {
        String key = f + "/" + a.classAge();
        int n = admitted.getOrDefault(key, 0);
        assertThat(n).as(at + ": " + a.id() + " waits below " + key + " with a free place")
            .isEqualTo(capacity.get(key));
        Comparator<Applicant> priority = priorityAt(f, request.tieBreaks());
        for (Applicant other : admittedChildren.getOrDefault(key, List.of())) {
          Placement op = by.get(other.id());
          if (isJoint(other, householdSizes) || op.outcome() == Outcome.KEPT_CURRENT) {
            continue; // a household placed at its priority, or an enrolled child keeping its place
          }
          assertThat(priority.compare(other, a)).as(at + ": " + other.id() + " at " + key
              + " has lower priority than " + a.id() + ", who wanted it more").isLessThan(0);
        }
      }
    }

    // sibling patterns
    Map<String, List<Applicant>> households = request.applicants().stream()
        .filter(a -> isJoint(a, householdSizes)).collect(Collectors.groupingBy(Applicant::householdId));
    for (List<Applicant> members : households.values()) {
      SiblingPattern pattern = members.get(0).siblingPattern();
      List<Applicant> placedOnPriority = members.stream()
          .filter(m -> by.get(m.id()).outcome() == Outcome.PLACED).toList();
      List<Applicant> placedAnyhow = members.stream().filter(m -> by.get(m.id()).facilityId() != null).toList();
      long facilitiesUsed = placedAnyhow.stream().map(m -> by.get(m.id()).facilityId()).distinct().count();
      long facilitiesMovedTo = placedOnPriority.stream().map(m -> by.get(m.id()).facilityId()).distinct().count();
      boolean keptOnly = placedOnPriority.isEmpty();
      boolean all = placedAnyhow.size() == members.size();
      String household = at + ": household " + members.get(0).householdId() + " (" + pattern + ")";
      List<Applicant> byAge = members.stream().sorted(Comparator.comparingInt((Applicant m) -> -m.classAge())
          .thenComparing(Applicant::id, AllocationEngine.ID_ORDER)).toList();
      switch (pattern) {
        case SAME_FACILITY_TOGETHER -> assertThat(keptOnly || (all && facilitiesUsed == 1))
            .as(household + ": all at one facility or nobody moves").isTrue();
        case TOGETHER_SAME_PREFERRED, TOGETHER_OWN_PREFERENCES -> assertThat(keptOnly || all)
            .as(household + ": all or nobody").isTrue();
        case SAME_FACILITY_ELDER_FIRST, SAME_FACILITY_YOUNGER_FIRST -> {
          Applicant alone = pattern == SiblingPattern.SAME_FACILITY_ELDER_FIRST ? byAge.get(0)
              : byAge.get(byAge.size() - 1);
          // together at one facility, or only the eldest (youngest) moves while the others wait (or stay)
          assertThat(keptOnly || (all && facilitiesUsed == 1)
              || (placedOnPriority.size() == 1 && placedOnPriority.get(0).equals(alone)))
              .as(household + ": together, or only " + alone.id() + " first").isTrue();
          assertThat(facilitiesMovedTo).as(household).isLessThanOrEqualTo(1);
        }
        default -> { }
      }
    }
  }

  // ---- reference algorithms, written plainly

  private static Map<String, String> placements(AllocationResult result) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Placement p : result.placements()) {
      m.put(p.applicantId(), p.facilityId());
    }
    return m;
  }

  /** Rounds of proposals: every unplaced child proposes to its next choice, every class keeps its best. */
  private static Map<String, String> deferredAcceptance(AllocationRequest request) {
    Map<String, Facility> facilities = request.facilities().stream()
        .collect(Collectors.toMap(Facility::id, f -> f));
    Map<String, Integer> next = new HashMap<>();
    Map<String, List<Applicant>> held = new HashMap<>();
    Map<String, String> at = new HashMap<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Applicant a : request.applicants()) {
        if (at.containsKey(a.id())) {
          continue;
        }
        int i = next.getOrDefault(a.id(), 0);
        if (i >= a.preferences().size()) {
          continue;
        }
        next.put(a.id(), i + 1);
        changed = true;
        String f = a.preferences().get(i).facilityId();
        String key = f + "/" + a.classAge();
        List<Applicant> list = held.computeIfAbsent(key, k -> new ArrayList<>());
        list.add(a);
        at.put(a.id(), f);
        list.sort(priorityAt(f, request.tieBreaks()));
        while (list.size() > facilities.get(f).places(a.classAge())) {
          at.remove(list.remove(list.size() - 1).id());
        }
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    request.applicants().stream().sorted(Comparator.comparing(Applicant::id, AllocationEngine.ID_ORDER))
        .forEach(a -> result.put(a.id(), at.get(a.id())));
    return result;
  }

  /** The walk: in priority order, each child takes its highest preference with a place left. */
  private static Map<String, String> walk(AllocationRequest request) {
    Map<String, Integer> left = new HashMap<>();
    for (Facility f : request.facilities()) {
      for (int age = 0; age < 6; age++) {
        left.put(f.id() + "/" + age, f.places(age));
      }
    }
    List<Applicant> order = new ArrayList<>(request.applicants());
    order.sort((x, y) -> priorityAt("-", request.tieBreaks()).compare(x, y));
    Map<String, String> at = new HashMap<>();
    for (Applicant a : order) {
      for (Preference p : a.preferences()) {
        String key = p.facilityId() + "/" + a.classAge();
        if (left.get(key) > 0) {
          left.merge(key, -1, Integer::sum);
          at.put(a.id(), p.facilityId());
          break;
        }
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    request.applicants().stream().sorted(Comparator.comparing(Applicant::id, AllocationEngine.ID_ORDER))
        .forEach(a -> result.put(a.id(), at.get(a.id())));
    return result;
  }
}
