package jp.tetsuzuki.processes.childcare.allocation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Tokyo-wide round (not a timed test; run by {@code bench/allocation.sh}): 100,000 children, 1,500 facilities,
 * 10 preferences each, 10 % of the children in sibling households (patterns 1 to 7), 3 % transfer applicants,
 * household scores with many ties, a per-facility bonus for some, the tenant's tie-breaks and a lottery number.
 * Facilities sit in 60 areas; children choose among the facilities of their area and the next one (as parents do),
 * so that the popular ones are contested. Prints the time of each run and the peak heap used.
 *
 * <p>Arguments: children (100000), facilities (1500), runs (5), seed (2026).
 */
public final class AllocationBenchmark {

  private AllocationBenchmark() {}

  public static void main(String[] args) {
    int children = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int facilities = args.length > 1 ? Integer.parseInt(args[1]) : 1_500;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 2026;

    long t0 = System.nanoTime();
    AllocationRequest request = generate(children, facilities, seed);
    System.out.printf("generated %,d children, %,d facilities, %,d places in %.2f s%n", request.applicants().size(),
        request.facilities().size(), request.facilities().stream().mapToInt(f -> Arrays.stream(f.placesByAge()).sum())
            .sum(), (System.nanoTime() - t0) / 1e9);
    AllocationEngine engine = new AllocationEngine();
    long[] times = new long[runs];
    long[] cpu = new long[runs];
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AllocationResult result = null;
    for (int r = 0; r < runs; r++) {
      System.gc();
      resetPeaks();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long gcStart = gcMillis();
      long start = System.nanoTime();
      result = engine.allocate(request);
      times[r] = System.nanoTime() - start;
      cpu[r] = threads.getCurrentThreadCpuTime() - cpuStart;
      System.out.printf("run %d: %.3f s wall, %.3f s CPU of the allocating thread, GC %d ms, peak heap %,d MiB%n",
          r + 1, times[r] / 1e9, cpu[r] / 1e9, gcMillis() - gcStart, peakHeap() / (1024 * 1024));
    }
    long placed = result.placements().stream().filter(p -> p.outcome() == Placement.Outcome.PLACED).count();
    long kept = result.placements().stream().filter(p -> p.outcome() == Placement.Outcome.KEPT_CURRENT).count();
    long explanations = result.placements().stream().mapToLong(p -> p.explanation().size()).sum();
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    System.out.printf("placed %,d, kept current %,d, waiting %,d, explanation entries %,d%n", placed, kept,
        result.placements().size() - placed - kept, explanations);
    long[] sortedCpu = cpu.clone();
    Arrays.sort(sortedCpu);
    System.out.printf("wall: first run %.3f s, median %.3f s, best %.3f s; CPU: median %.3f s, best %.3f s "
            + "(%d cores, load average %.1f, max heap %,d MiB)%n",
        times[0] / 1e9, sorted[runs / 2] / 1e9, sorted[0] / 1e9, sortedCpu[runs / 2] / 1e9, sortedCpu[0] / 1e9,
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  static AllocationRequest generate(int nChildren, int nFacilities, long seed) {
    Random r = new Random(seed);
    int areas = Math.max(1, nFacilities / 25);
    List<Facility> facilities = new ArrayList<>(nFacilities);
    List<List<String>> byArea = new ArrayList<>();
    for (int a = 0; a < areas; a++) {
      byArea.add(new ArrayList<>());
    }
    int[] typical = {6, 10, 6, 5, 3, 2};
    for (int f = 0; f < nFacilities; f++) {
      int[] places = new int[6];
      for (int age = 0; age < 6; age++) {
        places[age] = Math.max(0, typical[age] + r.nextInt(5) - 2);
      }
      String id = Integer.toString(10_000 + f);
      facilities.add(new Facility(id, "保育園" + f, places));
      byArea.get(f % areas).add(id);
    }
    List<TieBreak> ties = List.of(new TieBreak("newApplication", "新規申込", TieBreak.Direction.HIGHER_FIRST),
        new TieBreak("baseScore", "基準指数が高い世帯", TieBreak.Direction.HIGHER_FIRST),
        new TieBreak("singleParent", "ひとり親世帯", TieBreak.Direction.HIGHER_FIRST),
        new TieBreak("incomeTax", "所得割額が低い世帯", TieBreak.Direction.LOWER_FIRST));
    double[] ageShare = {0.30, 0.35, 0.15, 0.10, 0.05, 0.05};
    List<Applicant> applicants = new ArrayList<>(nChildren);
    int[] lottery = new int[nChildren];
    for (int i = 0; i < nChildren; i++) {
      lottery[i] = i;
    }
    for (int i = nChildren - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = lottery[i];
      lottery[i] = lottery[j];
      lottery[j] = t;
    }
    int id = 0;
    int household = 0;
    while (id < nChildren) {
      boolean siblings = r.nextDouble() < 0.055 && id + 1 < nChildren; // ~10 % of children in such households
      int size = siblings ? (r.nextInt(5) == 0 && id + 2 < nChildren ? 3 : 2) : 1;
      SiblingPattern pattern = siblings ? SiblingPattern.values()[r.nextInt(7)] : null;
      String h = "H" + household++;
      double score = 20 + r.nextInt(17) * 5;
      Map<String, Double> values = new HashMap<>();
      values.put("newApplication", r.nextInt(10) == 0 ? 0.0 : 1.0);
      values.put("baseScore", (double) (r.nextInt(10) + 10));
      values.put("singleParent", r.nextInt(8) == 0 ? 1.0 : 0.0);
      values.put("incomeTax", (double) (r.nextInt(40) * 5000));
      long ticket = lottery[id];
      int area = r.nextInt(areas);
      List<String> pool = new ArrayList<>(byArea.get(area));
      pool.addAll(byArea.get((area + 1) % areas));
      List<String> shared = pick(pool, 10, r);
      for (int s = 0; s < size; s++) {
        int age = age(r, ageShare);
        List<String> prefs = siblings && r.nextInt(3) > 0 ? shared : pick(pool, 10, r);
        List<Preference> preferences = new ArrayList<>(10);
        boolean bonus = r.nextInt(10) == 0;
        for (int p = 0; p < prefs.size(); p++) {
          preferences.add(new Preference(prefs.get(p), score + (bonus && p < 2 ? 5 : 0)));
        }
        String current = r.nextInt(33) == 0 ? pool.get(r.nextInt(pool.size())) : null;
        applicants.add(new Applicant(Integer.toString(1_000_000 + id), h, age, preferences, current, pattern, ticket,
            values));
        id++;
      }
    }
    return new AllocationRequest(facilities, applicants, ties);
  }

  private static List<String> pick(List<String> pool, int n, Random r) {
    List<String> copy = new ArrayList<>(pool);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n && !copy.isEmpty(); i++) {
      // popular facilities (low index in the area) are picked first more often
      int k = Math.min(copy.size() - 1, (int) Math.abs(r.nextGaussian() * copy.size() / 3));
      out.add(copy.remove(k));
    }
    return out;
  }

  private static int age(Random r, double[] share) {
    double x = r.nextDouble();
    for (int a = 0; a < share.length; a++) {
      x -= share[a];
      if (x < 0) {
        return a;
      }
    }
    return share.length - 1;
  }

  private static long gcMillis() {
    long sum = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
