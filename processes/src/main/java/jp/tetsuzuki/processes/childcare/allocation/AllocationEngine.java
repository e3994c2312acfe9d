package jp.tetsuzuki.processes.childcare.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the children of one round (利用調整). Plain Java, deterministic, always answers, in about O(P log C) for P
 * preferences and C places per class.
 *
 * <p>How:
 * <ol>
 *   <li>Priority at a facility: the child's score there (点数N; one score for every preference in most tenants),
 *       then the tenant's tie-break criteria in order, then the published lottery number (lower first), then the id:
 *       a total order, independent of the order of the input.
 *   <li>Children without a joint sibling constraint are placed by applicant-proposing deferred acceptance: each
 *       proposes down its preferences, each facility class (facility × class age) holds the best children up to its
 *       places and passes the rest on. With one score per child this is exactly the walk down the priority list
 *       (each child gets its highest preference that still has a place); with per-facility scores it is the stable
 *       result that is best for every child.
 *   <li>Households with a joint sibling pattern (1 to 6) are placed as a whole when their turn comes in the priority
 *       walk (their priority: their best child's): the best combination the pattern allows that is feasible now (a
 *       place free, or held by a child of lower priority there, who is passed on). Their children then keep those
 *       places (a later child cannot displace a child of a household placed at its priority: the sibling constraint).
 *   <li>A transfer applicant (在籍保育所ID) keeps its current place unless placed higher: its own place is added to
 *       its facility class and it has the first right to it. While the child sits higher, the place is open to every
 *       other child, and deferred acceptance re-offers it (and every place freed down the chain) in the same round
 *       until nothing changes. During a walk, households placed as a whole do not take such a place while the child
 *       could still come back to it (unless that child is itself placed higher as part of a household), so no
 *       household is ever split and no enrolled child ever loses its place. The places of lone transfer
 *       applicants who did move up are then opened to households too and the walk repeated; a child that comes
 *       back in the repeated walk is dropped from that set and the walk repeated again, until every child of the
 *       set stays where it moved (the set only shrinks, so this ends; at worst it is the first walk).
 * </ol>
 * Every child then gets an explanation for every facility it ranked above its result.
 */
public final class AllocationEngine {

  /** Most combinations one household's pattern is searched over; longer lists are cut (last preferences first). */
  public static final int MAX_COMBINATIONS = 20_000;

  /** Most problems an invalid request reports. */
  public static final int MAX_PROBLEMS = 100;

  /** Ids that are numbers compare as numbers ("2" before "10"), others as text; equal numbers then as text. */
  public static final Comparator<String> ID_ORDER = (a, b) -> {
    boolean na = isDigits(a);
    boolean nb = isDigits(b);
    if (na && nb) {
      String sa = stripZeros(a);
      String sb = stripZeros(b);
      int c = sa.length() != sb.length() ? Integer.compare(sa.length(), sb.length()) : sa.compareTo(sb);
      return c != 0 ? c : a.compareTo(b);
    }
    if (na != nb) {
      return na ? -1 : 1;
    }
    return a.compareTo(b);
  };

  public AllocationResult allocate(AllocationRequest request) {
    return new Run(request).run();
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  private static String stripZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  /** One round's working state: arrays indexed by child and by facility class (facility index × 6 + class age). */
  private static final class Run {
    private static final int FREE = 0;
    private static final int PROTECTED = 1;
    private static final int CLAIM = 2;

    private final AllocationRequest request;
    private Facility[] facilities;
    private Applicant[] children;
    private int[] tieRank;
    private int[][] optClass;
    private double[][] optScore;
    private int[][] optRank;
    private int[] claimIdx;
    private int[] cap;
    private int[] nClaims;
    private int[] protectedCount;
    private int[] claimHeld;
    /** Places of transfer applicants placed higher as part of a household: they never come back for them. */
    private int[] released;
    private ClassHeap[] heaps;
    private int[] next;
    private int[] assigned;
    private int[] kind;
    private boolean[] joint;
    /** A child came back to its own place and found it taken by a household (only with places opened early). */
    private boolean conflict;
    private final IntStack stack = new IntStack();

    Run(AllocationRequest request) {
      this.request = request;
    }

    AllocationResult run() {
      index();
      List<Unit> units = units();
      boolean[] none = new boolean[children.length];
      walk(units, none);
      if (units.stream().noneMatch(u -> u.members.length > 1)) {
        return explain();
      }
      // places freed by lone transfer applicants who moved up are opened to households too, as long as every such
      // child stays where it moved: a child that comes back (or finds its place taken) is dropped from the set and
      // the walk repeated; the set only shrinks, so this ends, at worst with the first walk's result
      boolean[] moved = movedLoneTransfers(null);
      if (count(moved) == 0) {
        return explain();
      }
      while (count(moved) > 0) {
        walk(units, moved);
        boolean[] still = movedLoneTransfers(moved);
        if (count(still) == count(moved)) {
          if (!conflict) {
            return explain();
          }
          break; // cannot happen by the accounting of the walk; the safe result below
        }
        moved = still;
      }
      walk(units, none);
      return explain();
    }

    /** Lone transfer applicants (of {@code among}, or all) placed at a preference above their own place. */
    private boolean[] movedLoneTransfers(boolean[] among) {
      boolean[] moved = new boolean[children.length];
      for (int c = 0; c < children.length; c++) {
        moved[c] = (among == null || among[c]) && !joint[c] && claimIdx[c] >= 0 && assigned[c] >= 0
            && assigned[c] != claimIdx[c];
      }
      return moved;
    }

    private static int count(boolean[] mask) {
      int n = 0;
      for (boolean b : mask) {
        n += b ? 1 : 0;
      }
      return n;
    }

    /** One walk of the units in priority order; {@code preReleased}: lone transfer children whose place is open. */
    private void walk(List<Unit> units, boolean[] preReleased) {
      int classes = cap.length;
      protectedCount = new int[classes];
      claimHeld = new int[classes];
      released = new int[classes];
      heaps = new ClassHeap[classes];
      Arrays.fill(next, 0);
      Arrays.fill(assigned, -1);
      Arrays.fill(kind, 0);
      conflict = false;
      for (int c = 0; c < children.length; c++) {
        if (preReleased[c]) {
          released[optClass[c][claimIdx[c]]]++;
        }
      }
      for (Unit unit : units) {
        if (unit.members.length == 1) {
          next[unit.members[0]] = 0;
          stack.push(unit.members[0]);
          drain();
        } else {
          placeHousehold(unit);
        }
      }
    }

    // ---- input

    private void index() {
      List<AllocationProblem> problems = new ArrayList<>();
      facilities = request.facilities().toArray(Facility[]::new);
      Arrays.sort(facilities, Comparator.comparing(Facility::id, ID_ORDER));
      Map<String, Integer> facilityIndex = new HashMap<>(facilities.length * 2);
      for (int f = 0; f < facilities.length; f++) {
        Facility facility = facilities[f];
        if (facilityIndex.putIfAbsent(facility.id(), f) != null) {
          problems.add(new AllocationProblem("FACILITY_DUPLICATE", facility.id(), "facilityId",
              "facility " + facility.id() + ": listed twice", "保育所ID " + facility.id() + " が重複しています。"));
        }
        for (int age = 0; age < Facility.AGES; age++) {
          if (facility.places(age) < 0) {
            problems.add(new AllocationProblem("PLACES_NEGATIVE", facility.id(), "places" + age,
                "facility " + facility.id() + ": places for age " + age + " must not be negative",
                "保育所ID " + facility.id() + " の" + age + "歳募集人数が負の数です。"));
          }
        }
      }
      children = request.applicants().toArray(Applicant[]::new);
      Arrays.sort(children, Comparator.comparing(Applicant::id, ID_ORDER));
      int n = children.length;
      int classes = facilities.length * Facility.AGES;
      optClass = new int[n][];
      optScore = new double[n][];
      optRank = new int[n][];
      claimIdx = new int[n];
      nClaims = new int[classes];
      Map<String, SiblingPattern> householdPattern = new HashMap<>();
      Map<String, String> householdFirst = new HashMap<>();
      for (int c = 0; c < n; c++) {
        Applicant a = children[c];
        if (c > 0 && children[c - 1].id().equals(a.id())) {
          problems.add(new AllocationProblem("APPLICANT_DUPLICATE", a.id(), "applicantId",
              "applicant " + a.id() + ": listed twice", "申請者番号 " + a.id() + " が重複しています。"));
        }
        if (a.classAge() < 0 || a.classAge() >= Facility.AGES) {
          problems.add(new AllocationProblem("CLASS_AGE_INVALID", a.id(), "classAge",
              "applicant " + a.id() + ": class age must be 0 to 5, not " + a.classAge(),
              "申請者番号 " + a.id() + " の年齢（クラス年齢）は0～5で指定してください（" + a.classAge() + "）。"));
          claimIdx[c] = -1;
          optClass[c] = new int[0];
          optScore[c] = new double[0];
          optRank[c] = new int[0];
          continue;
        }
        if (a.householdId() != null) {
          String key = a.householdId();
          if (householdFirst.putIfAbsent(key, a.id()) == null) {
            householdPattern.put(key, a.siblingPattern());
          } else if (householdPattern.get(key) != a.siblingPattern()) {
            problems.add(new AllocationProblem("SIBLING_PATTERN_INCONSISTENT", a.id(), "siblingPattern",
                "applicant " + a.id() + ": sibling pattern " + code(a.siblingPattern()) + " differs from "
                    + code(householdPattern.get(key)) + " of applicant " + householdFirst.get(key)
                    + " in household " + key,
                "申請者番号 " + a.id() + " のきょうだいパターン（" + code(a.siblingPattern()) + "）が同じ世帯（世帯番号 "
                    + key + "）の申請者番号 " + householdFirst.get(key) + " のパターン（"
                    + code(householdPattern.get(key)) + "）と異なります。"));
          }
        }
        List<Preference> prefs = a.preferences();
        int current = -1;
        if (a.currentFacilityId() != null) {
          Integer f = facilityIndex.get(a.currentFacilityId());
          if (f == null) {
            problems.add(new AllocationProblem("CURRENT_FACILITY_UNKNOWN", a.id(), "currentFacilityId",
                "applicant " + a.id() + ": current facility " + a.currentFacilityId() + " is not in the facilities",
                "申請者番号 " + a.id() + " の在籍保育所ID " + a.currentFacilityId() + " は保育所一覧にありません。"));
          } else {
            current = f;
          }
        }
        int[] cls = new int[prefs.size() + 1];
        double[] sc = new double[prefs.size() + 1];
        int[] rk = new int[prefs.size() + 1];
        int len = 0;
        for (int i = 0; i < prefs.size(); i++) {
          Preference p = prefs.get(i);
          Integer f = facilityIndex.get(p.facilityId());
          if (f == null) {
            problems.add(new AllocationProblem("PREFERENCE_UNKNOWN_FACILITY", a.id(), "preference" + (i + 1),
                "applicant " + a.id() + ": preference " + (i + 1) + " names facility " + p.facilityId()
                    + ", which is not in the facilities",
                "申請者番号 " + a.id() + " の第" + (i + 1) + "希望の保育所ID " + p.facilityId() + " は保育所一覧にありません。"));
            continue;
          }
          boolean repeated = false;
          for (int q = 0; q < len; q++) {
            repeated |= cls[q] / Facility.AGES == f;
          }
          if (repeated) {
            problems.add(new AllocationProblem("PREFERENCE_DUPLICATE", a.id(), "preference" + (i + 1),
                "applicant " + a.id() + ": preference " + (i + 1) + " repeats facility " + p.facilityId(),
                "申請者番号 " + a.id() + " の第" + (i + 1) + "希望の保育所ID " + p.facilityId() + " は重複しています。"));
            continue;
          }
          if (f == current) {
            break; // the child keeps this place: what it lists after it cannot be better
          }
          cls[len] = f * Facility.AGES + a.classAge();
          sc[len] = p.score();
          rk[len] = i + 1;
          len++;
        }
        claimIdx[c] = -1;
        if (current >= 0) {
          int k = current * Facility.AGES + a.classAge();
          cls[len] = k;
          sc[len] = prefs.isEmpty() ? 0 : prefs.get(0).score();
          int listed = -1;
          for (int i = 0; i < prefs.size(); i++) {
            if (prefs.get(i).facilityId().equals(a.currentFacilityId())) {
              listed = i + 1;
              sc[len] = prefs.get(i).score();
              break;
            }
          }
          rk[len] = listed;
          claimIdx[c] = len;
          nClaims[k]++;
          len++;
        }
        optClass[c] = Arrays.copyOf(cls, len);
        optScore[c] = Arrays.copyOf(sc, len);
        optRank[c] = Arrays.copyOf(rk, len);
      }
      if (!problems.isEmpty()) {
        throw new InvalidAllocationRequestException(problems.size() > MAX_PROBLEMS
            ? problems.subList(0, MAX_PROBLEMS) : problems);
      }
      cap = new int[classes];
      for (int f = 0; f < facilities.length; f++) {
        for (int age = 0; age < Facility.AGES; age++) {
          int k = f * Facility.AGES + age;
          cap[k] = facilities[f].places(age) + nClaims[k];
        }
      }
      protectedCount = new int[classes];
      claimHeld = new int[classes];
      released = new int[classes];
      heaps = new ClassHeap[classes];
      next = new int[n];
      assigned = new int[n];
      Arrays.fill(assigned, -1);
      kind = new int[n];
      joint = new boolean[n];
      rankTies();
    }

    private static String code(SiblingPattern p) {
      return p == null ? "なし" : Integer.toString(p.code());
    }

    /** The total order below the score: tie-break criteria, lottery number, id. */
    private void rankTies() {
      List<TieBreak> criteria = request.tieBreaks();
      int n = children.length;
      // one primitive column per criterion, oriented so that smaller wins; a missing value loses to every value
      double[][] columns = new double[criteria.size()][n];
      for (int t = 0; t < criteria.size(); t++) {
        TieBreak criterion = criteria.get(t);
        boolean higherFirst = criterion.direction() == TieBreak.Direction.HIGHER_FIRST;
        for (int c = 0; c < n; c++) {
          Double v = children[c].tieBreakValues().get(criterion.code());
          columns[t][c] = v == null || v.isNaN() ? Double.POSITIVE_INFINITY : higherFirst ? -v : v;
        }
      }
      long[] lottery = new long[n];
      boolean[] hasLottery = new boolean[n];
      for (int c = 0; c < n; c++) {
        Long l = children[c].lotteryNumber();
        hasLottery[c] = l != null;
        lottery[c] = l == null ? 0 : l;
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> {
        for (double[] column : columns) {
          int cmp = Double.compare(column[x], column[y]);
          if (cmp != 0) {
            return cmp;
          }
        }
        if (hasLottery[x] != hasLottery[y]) {
          return hasLottery[x] ? -1 : 1;
        }
        if (lottery[x] != lottery[y]) {
          return Long.compare(lottery[x], lottery[y]);
        }
        return Integer.compare(x, y); // children are sorted by id: the index is the id order
      });
      tieRank = new int[n];
      for (int r = 0; r < n; r++) {
        tieRank[order[r]] = r;
      }
    }

    // ---- the walk

    private record Unit(int[] members, SiblingPattern pattern, double score, int tie) {}

    private List<Unit> units() {
      Map<String, List<Integer>> households = new LinkedHashMap<>();
      List<Unit> units = new ArrayList<>(children.length);
      for (int c = 0; c < children.length; c++) {
        Applicant a = children[c];
        if (a.householdId() != null && a.siblingPattern() != null && a.siblingPattern().joint()) {
          households.computeIfAbsent(a.householdId(), h -> new ArrayList<>()).add(c);
        } else {
          units.add(new Unit(new int[] {c}, null, firstScore(c), tieRank[c]));
        }
      }
      for (List<Integer> members : households.values()) {
        if (members.size() == 1) {
          int c = members.get(0);
          units.add(new Unit(new int[] {c}, null, firstScore(c), tieRank[c]));
          continue;
        }
        // elder first (higher class age), then by id: the order of "the elder / the younger may go alone"
        int[] m = members.stream().sorted(Comparator.<Integer>comparingInt(c -> -children[c].classAge())
            .thenComparingInt(c -> c)).mapToInt(Integer::intValue).toArray();
        double best = Double.NEGATIVE_INFINITY;
        int tie = Integer.MAX_VALUE;
        for (int c : m) {
          joint[c] = true;
          double s = firstScore(c);
          if (s > best || (s == best && tieRank[c] < tie)) {
            best = s;
            tie = tieRank[c];
          }
        }
        units.add(new Unit(m, children[m[0]].siblingPattern(), best, tie));
      }
      units.sort((x, y) -> x.score() != y.score() ? Double.compare(y.score(), x.score())
          : Integer.compare(x.tie(), y.tie()));
      return units;
    }

    private double firstScore(int c) {
      return optScore[c].length == 0 ? Double.NEGATIVE_INFINITY : optScore[c][0];
    }

    private ClassHeap heap(int k) {
      ClassHeap h = heaps[k];
      if (h == null) {
        h = new ClassHeap();
        heaps[k] = h;
      }
      return h;
    }

    private int held(int k) {
      ClassHeap h = heaps[k];
      return (h == null ? 0 : h.size) + protectedCount[k] + claimHeld[k];
    }

    /** Deferred acceptance from the children on the stack until no child is passed on any more. */
    private void drain() {
      while (!stack.isEmpty()) {
        int x = stack.pop();
        placeFrom(x);
      }
    }

    private void placeFrom(int x) {
      int[] cls = optClass[x];
      while (next[x] < cls.length) {
        int i = next[x];
        int k = cls[i];
        if (i == claimIdx[x]) {
          // its own place: there is always one (holders of a right, households and others never fill it)
          makeRoomForClaim(k);
          claimHeld[k]++;
          assign(x, i, CLAIM);
          return;
        }
        if (held(k) < cap[k]) {
          heap(k).push(x, optScore[x][i], tieRank[x]);
          assign(x, i, FREE);
          return;
        }
        ClassHeap h = heaps[k];
        if (h != null && h.size > 0 && better(optScore[x][i], tieRank[x], h.minScore(), h.minTie())) {
          int y = h.pop();
          h.push(x, optScore[x][i], tieRank[x]);
          assign(x, i, FREE);
          displace(y);
          return;
        }
        next[x]++;
      }
      assigned[x] = -1;
    }

    /** Frees a place for a child coming back to its own: the lowest child held there moves on. */
    private void makeRoomForClaim(int k) {
      if (held(k) < cap[k]) {
        return;
      }
      ClassHeap h = heaps[k];
      if (h == null || h.size == 0) {
        conflict = true; // only when a household took a place opened early: that walk is repeated without it
        return;
      }
      displace(h.pop());
    }

    private void assign(int x, int option, int how) {
      assigned[x] = option;
      kind[x] = how;
    }

    private void displace(int y) {
      assigned[y] = -1;
      next[y]++;
      stack.push(y);
    }

    private static boolean better(double score, int tie, double otherScore, int otherTie) {
      return score > otherScore || (score == otherScore && tie < otherTie);
    }

    // ---- households

    private void placeHousehold(Unit unit) {
      int[] m = unit.members;
      for (int[] combination : combinations(m, unit.pattern)) {
        if (feasible(m, combination)) {
          commit(m, combination);
          drain();
          return;
        }
      }
      // no combination: transfer applicants among them keep their own places, the others wait
      for (int c : m) {
        if (claimIdx[c] >= 0) {
          next[c] = claimIdx[c];
          stack.push(c);
          drain();
        }
      }
    }

    /** Per distinct class of the combination: how many members go there, of which holders of their own place. */
    private boolean feasible(int[] m, int[] combination) {
      for (int j = 0; j < m.length; j++) {
        if (combination[j] < 0 || firstOfClass(m, combination, j) != j) {
          continue;
        }
        int k = optClass[m[j]][combination[j]];
        int nNon = 0;
        int nClaim = 0;
        double weakScore = Double.POSITIVE_INFINITY;
        int weakTie = -1;
        for (int q = j; q < m.length; q++) {
          if (combination[q] < 0 || optClass[m[q]][combination[q]] != k) {
            continue;
          }
          int c = m[q];
          if (combination[q] == claimIdx[c]) {
            nClaim++;
          } else {
            nNon++;
            double s = optScore[c][combination[q]];
            if (!better(s, tieRank[c], weakScore, weakTie) || weakTie < 0) {
              weakScore = s;
              weakTie = tieRank[c];
            }
          }
        }
        // never take a place an enrolled child could still come back to
        if (protectedCount[k] + nClaims[k] - released[k] + nNon > cap[k]) {
          return false;
        }
        int free = cap[k] - held(k);
        int dNon = Math.max(0, nNon - free);
        int dClaim = Math.max(0, nClaim - Math.max(0, free - nNon));
        ClassHeap h = heaps[k];
        int size = h == null ? 0 : h.size;
        if (dNon + dClaim > size) {
          return false;
        }
        if (dNon > 0 && !h.lowestAllWorseThan(dNon, weakScore, weakTie)) {
          return false;
        }
      }
      return true;
    }

    private int firstOfClass(int[] m, int[] combination, int j) {
      int k = optClass[m[j]][combination[j]];
      for (int q = 0; q < j; q++) {
        if (combination[q] >= 0 && optClass[m[q]][combination[q]] == k) {
          return q;
        }
      }
      return j;
    }

    private void commit(int[] m, int[] combination) {
      for (int j = 0; j < m.length; j++) {
        int c = m[j];
        int o = combination[j];
        if (o < 0) {
          continue;
        }
        int k = optClass[c][o];
        if (o == claimIdx[c]) {
          makeRoomForClaim(k);
        } else if (held(k) >= cap[k]) {
          displace(heap(k).pop());
        }
        if (o == claimIdx[c]) {
          claimHeld[k]++;
          assign(c, o, CLAIM);
        } else {
          protectedCount[k]++;
          assign(c, o, PROTECTED);
          if (claimIdx[c] >= 0) {
            released[optClass[c][claimIdx[c]]]++; // placed higher for good: its own place is free for households too
          }
        }
      }
    }

    /**
     * The combinations the pattern allows, best first: all children at one facility (patterns 1 to 5), then all at
     * different facilities (4, 5, 6), then some children first (2: the eldest alone, 3: the youngest alone, 5: any);
     * within that more children placed, a lower sum of preference ranks, then the elder's preference first.
     */
    private List<int[]> combinations(int[] m, SiblingPattern pattern) {
      int s = m.length;
      boolean partial = pattern.partial != SiblingPattern.Partial.NONE;
      int[] lengths = new int[s];
      for (int j = 0; j < s; j++) {
        lengths[j] = optClass[m[j]].length;
      }
      int[] usable = lengths.clone();
      while (product(usable, partial) > MAX_COMBINATIONS) {
        int longest = 0;
        for (int j = 1; j < s; j++) {
          if (usable[j] > usable[longest]) {
            longest = j;
          }
        }
        usable[longest]--;
      }
      // odometer over each member's options, "not now" (-1) after its last option: the enumeration order is the
      // final tie order (the elder's earlier preference first, a placed child before a waiting one)
      int[] digits = new int[s];
      int[] top = new int[s];
      for (int j = 0; j < s; j++) {
        top[j] = usable[j] + (partial && claimIdx[m[j]] < 0 ? 1 : 0);
      }
      List<int[]> found = new ArrayList<>();
      long[] keys = new long[16];
      int count = 0;
      boolean more = true;
      for (int j = 0; j < s; j++) {
        if (top[j] == 0) {
          more = false; // a child without any option: no combination places everybody, partial ones below
        }
      }
      if (!more && !partial) {
        return List.of();
      }
      while (more) {
        int[] combination = new int[s];
        for (int j = 0; j < s; j++) {
          int v = digits[j] == usable[j] ? -1 : digits[j];
          if (v >= 0 && usable[j] < lengths[j] && v == usable[j] - 1 && claimIdx[m[j]] >= 0) {
            v = claimIdx[m[j]]; // the cut list keeps its own place as the last option
          }
          combination[j] = v;
        }
        int tier = tier(m, combination, pattern);
        if (tier >= 0) {
          int placed = 0;
          int rankSum = 0;
          for (int v : combination) {
            if (v >= 0) {
              placed++;
              rankSum += v;
            }
          }
          if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
          }
          keys[count] = ((long) tier << 56) | ((long) (s - placed) << 48) | ((long) rankSum << 24) | found.size();
          count++;
          found.add(combination);
        }
        int j = s - 1;
        while (j >= 0) {
          digits[j]++;
          if (digits[j] < top[j]) {
            break;
          }
          digits[j] = 0;
          j--;
        }
        more = j >= 0;
      }
      long[] sortedKeys = Arrays.copyOf(keys, count);
      Arrays.sort(sortedKeys);
      List<int[]> sorted = new ArrayList<>(count);
      for (long key : sortedKeys) {
        sorted.add(found.get((int) (key & 0xFFFFFF)));
      }
      return sorted;
    }

    private static long product(int[] lengths, boolean partial) {
      long p = 1;
      for (int l : lengths) {
        p *= l + (partial ? 1 : 0);
        if (p > Integer.MAX_VALUE) {
          return p;
        }
      }
      return p;
    }

    /** The tier of the combination under the pattern (lower is better), or -1 when the pattern does not allow it. */
    private int tier(int[] m, int[] combination, SiblingPattern pattern) {
      int placed = 0;
      int moved = 0;
      int facility = -2;
      boolean same = true;
      for (int j = 0; j < m.length; j++) {
        int v = combination[j];
        if (v < 0) {
          continue;
        }
        placed++;
        if (v != claimIdx[m[j]]) {
          moved++;
        }
        int f = optClass[m[j]][v] / Facility.AGES;
        if (facility == -2) {
          facility = f;
        } else if (facility != f) {
          same = false;
        }
      }
      if (placed == 0) {
        return -1;
      }
      boolean all = placed == m.length;
      switch (pattern.partial) {
        case ELDEST, YOUNGEST -> {
          if (all && same) {
            return 0;
          }
          // one child goes first; the others wait (a transfer applicant waits at its own place)
          int alone = pattern.partial == SiblingPattern.Partial.ELDEST ? 0 : m.length - 1;
          int v = combination[alone];
          return moved == 1 && v >= 0 && v != claimIdx[m[alone]] ? 1 : -1;
        }
        case ANY -> {
          if (!all) {
            return 2;
          }
          return same ? 0 : moved == placed || moved == 0 ? 1 : 2;
        }
        default -> {
          if (!all) {
            return -1;
          }
          return switch (pattern.same) {
            case REQUIRED -> same ? 0 : -1;
            case PREFERRED -> same ? 0 : 1;
            case NOT_REQUIRED -> 0;
          };
        }
      }
    }

    // ---- explanations

    private AllocationResult explain() {
      int classes = cap.length;
      int[] admitted = new int[classes];
      int[] cutoff = new int[classes];
      Arrays.fill(cutoff, -1);
      for (int c = 0; c < children.length; c++) {
        int o = assigned[c];
        if (o < 0) {
          continue;
        }
        int k = optClass[c][o];
        admitted[k]++;
        if (kind[c] == CLAIM) {
          continue;
        }
        int low = cutoff[k];
        if (low < 0 || better(optScore[low][assigned[low]], tieRank[low], optScore[c][o], tieRank[c])) {
          cutoff[k] = c;
        }
      }
      List<Placement> placements = new ArrayList<>(children.length);
      for (int c = 0; c < children.length; c++) {
        Applicant a = children[c];
        int o = assigned[c];
        int upTo = o < 0 ? optClass[c].length : o;
        List<Explanation> explanation = new ArrayList<>(upTo);
        for (int i = 0; i < upTo; i++) {
          if (i == claimIdx[c]) {
            continue;
          }
          int k = optClass[c][i];
          explanation.add(explanation(c, i, k, admitted[k], cutoff[k]));
        }
        if (o < 0) {
          placements.add(new Placement(a.id(), null, Placement.Outcome.WAITING, null, explanation,
              "入所保留となりました。"));
        } else {
          Facility f = facilities[optClass[c][o] / Facility.AGES];
          if (o == claimIdx[c]) {
            Integer rank = optRank[c][o] > 0 ? optRank[c][o] : null;
            placements.add(new Placement(a.id(), f.id(), Placement.Outcome.KEPT_CURRENT, rank, explanation,
                "現在の保育所 " + f.name() + " の利用を継続します（転園を希望した保育所には入所できませんでした）。"));
          } else {
            placements.add(new Placement(a.id(), f.id(), Placement.Outcome.PLACED, optRank[c][o], explanation,
                "第" + optRank[c][o] + "希望 " + f.name() + "（" + a.classAge() + "歳児クラス）に内定しました。"));
          }
        }
      }
      return new AllocationResult(placements);
    }

    private Explanation explanation(int c, int i, int k, int admittedHere, int low) {
      Facility f = facilities[k / Facility.AGES];
      double own = optScore[c][i];
      Double cut = low < 0 ? null : optScore[low][assigned[low]];
      Explanation.Reason reason;
      String pattern = null;
      String ties = null;
      if (cap[k] == 0) {
        reason = Explanation.Reason.NO_PLACES;
      } else if (admittedHere < cap[k] || (low >= 0 && better(own, tieRank[c], cut, tieRank[low]))) {
        if (joint[c]) {
          reason = Explanation.Reason.SIBLING_COMBINATION;
          pattern = children[c].siblingPattern().labelJa();
        } else if (low >= 0 && kind[low] == PROTECTED) {
          reason = Explanation.Reason.HELD_BY_HOUSEHOLD;
        } else {
          throw new IllegalStateException("unexplained refusal of applicant " + children[c].id() + " at facility "
              + f.id() + " (a defect of the allocation)");
        }
      } else if (low < 0) {
        reason = Explanation.Reason.HELD_BY_ENROLLED;
      } else if (own == cut) {
        reason = Explanation.Reason.TIE_BREAK_LOST;
        ties = tieBreakNames();
      } else {
        reason = Explanation.Reason.BELOW_CUTOFF;
      }
      return new Explanation(optRank[c][i], f.id(), f.name(), k % Facility.AGES, reason, cap[k], admittedHere, cut,
          own, pattern, ties);
    }

    private String tieBreakNames;

    private String tieBreakNames() {
      if (tieBreakNames == null) {
        StringBuilder b = new StringBuilder();
        for (TieBreak t : request.tieBreaks()) {
          b.append(t.labelJa()).append("、");
        }
        tieBreakNames = b.append("抽選番号").toString();
      }
      return tieBreakNames;
    }
  }

  /** A score as parents read it: 100, 20.5. */
  public static String points(double score) {
    if (score == Math.rint(score) && Math.abs(score) < 1e15) {
      return Long.toString((long) score);
    }
    return java.math.BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
  }

  /** The children one facility class holds by priority, lowest priority on top (score, then tie rank). */
  private static final class ClassHeap {
    int[] child = new int[4];
    double[] score = new double[4];
    int[] tie = new int[4];
    int size;

    void push(int c, double s, int t) {
      if (size == child.length) {
        child = Arrays.copyOf(child, size * 2);
        score = Arrays.copyOf(score, size * 2);
        tie = Arrays.copyOf(tie, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!worse(s, t, score[parent], tie[parent])) {
          break;
        }
        set(i, child[parent], score[parent], tie[parent]);
        i = parent;
      }
      set(i, c, s, t);
    }

    int pop() {
      int top = child[0];
      size--;
      if (size > 0) {
        int c = child[size];
        double s = score[size];
        int t = tie[size];
        int i = 0;
        while (true) {
          int l = 2 * i + 1;
          if (l >= size) {
            break;
          }
          int r = l + 1;
          int w = r < size && worse(score[r], tie[r], score[l], tie[l]) ? r : l;
          if (!worse(score[w], tie[w], s, t)) {
            break;
          }
          set(i, child[w], score[w], tie[w]);
          i = w;
        }
        set(i, c, s, t);
      }
      return top;
    }

    double minScore() {
      return score[0];
    }

    int minTie() {
      return tie[0];
    }

    /** Whether the d lowest children are all of lower priority than (s, t); the heap is unchanged. */
    boolean lowestAllWorseThan(int d, double s, int t) {
      int[] c = new int[d];
      double[] sc = new double[d];
      int[] tc = new int[d];
      boolean all = true;
      for (int i = 0; i < d; i++) {
        sc[i] = score[0];
        tc[i] = tie[0];
        if (!worse(sc[i], tc[i], s, t)) {
          all = false;
        }
        c[i] = pop();
      }
      for (int i = 0; i < d; i++) {
        push(c[i], sc[i], tc[i]);
      }
      return all;
    }

    private void set(int i, int c, double s, int t) {
      child[i] = c;
      score[i] = s;
      tie[i] = t;
    }

    private static boolean worse(double s, int t, double os, int ot) {
      return s < os || (s == os && t > ot);
    }
  }

  private static final class IntStack {
    private int[] items = new int[64];
    private int size;

    void push(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }

    int pop() {
      return items[--size];
    }

    boolean isEmpty() {
      return size == 0;
    }
  }
}
