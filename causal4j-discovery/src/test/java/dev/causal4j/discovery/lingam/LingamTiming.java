package dev.causal4j.discovery.lingam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock timings of DirectLiNGAM and ICA-LiNGAM on simulated data (uniform noise, Erdős–Rényi
 * DAG of average degree 2), with the exact-DAG check beside each time. Not a unit test: run by
 * hand after {@code ./mvnw -pl causal4j-discovery -am test-compile}, e.g.
 *
 * <pre>
 * java -cp causal4j-discovery/target/classes:causal4j-discovery/target/test-classes:$(cat cp.txt) \
 *     dev.causal4j.discovery.lingam.LingamTiming 20,50,100 1000,10000 1,2 3
 * </pre>
 *
 * where {@code cp.txt} holds the module's test classpath ({@code ./mvnw -pl causal4j-discovery
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}). Arguments: the p values, the n values,
 * the thread counts and the number of repetitions (the median is reported); an optional fifth
 * argument {@code ica} times ICA-LiNGAM as well, {@code full} adds DirectLiNGAM without the
 * branch and bound.
 */
public final class LingamTiming {
  private LingamTiming() {}

  public static void main(String[] args) {
    int[] ps = ints(args[0]);
    int[] ns = ints(args[1]);
    int[] threads = ints(args[2]);
    int reps = Integer.parseInt(args[3]);
    String extra = args.length > 4 ? args[4] : "";
    System.out.println("algorithm        p      n  threads  median_ms  pairs      exact_dag  shd");
    for (int p : ps) {
      for (int n : ns) {
        LingamSimulation sim = LingamSimulation.of(p, 2, n, LingamSimulation.Noise.UNIFORM, p * 7919L + n);
        for (int t : threads) {
          run("directlingam", sim, reps, t, () -> DirectLingam.builder().threads(t).build());
          if (extra.contains("full")) {
            run("directlingam-full", sim, reps, t,
                () -> DirectLingam.builder().threads(t).branchAndBound(false).build());
          }
          if (extra.contains("ica")) {
            runIca(sim, reps, t);
          }
        }
      }
    }
  }

  private static void run(String name, LingamSimulation sim, int reps, int t,
      java.util.function.Supplier<DirectLingam> search) {
    List<Long> times = new ArrayList<>();
    LingamResult r = null;
    for (int k = 0; k < reps; k++) {
      long t0 = System.nanoTime();
      r = search.get().search(sim.data());
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    report(name, sim, t, times, r, r.result().stats().scoreEvaluations());
  }

  private static void runIca(LingamSimulation sim, int reps, int t) {
    List<Long> times = new ArrayList<>();
    LingamResult r = null;
    for (int k = 0; k < reps; k++) {
      long t0 = System.nanoTime();
      r = IcaLingam.builder().threads(t).build().search(sim.data());
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    report("icalingam", sim, t, times, r, 0);
  }

  private static void report(String name, LingamSimulation sim, int t, List<Long> times,
      LingamResult r, long pairs) {
    times.sort(null);
    int shd = 0;
    var g = r.graph();
    var truth = sim.dag();
    for (int a = 0; a < truth.size(); a++) {
      for (int b = a + 1; b < truth.size(); b++) {
        boolean same = g.isAdjacent(a, b) == truth.isAdjacent(a, b)
            && (!g.isAdjacent(a, b) || g.isDirected(a, b) == truth.isDirected(a, b));
        shd += same ? 0 : 1;
      }
    }
    System.out.println(String.format(Locale.ROOT, "%-16s %3d %6d %8d %10d %10d %10s %4d", name,
        truth.size(), sim.data().rows(), t, times.get(times.size() / 2), pairs,
        g.equals(truth), shd));
  }

  private static int[] ints(String csv) {
    String[] parts = csv.split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i].trim());
    }
    return out;
  }
}
