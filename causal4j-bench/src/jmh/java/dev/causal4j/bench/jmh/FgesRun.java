package dev.causal4j.bench.jmh;

import dev.causal4j.bench.metrics.Counts;
import dev.causal4j.bench.metrics.GraphComparison;
import dev.causal4j.bench.metrics.GraphMetrics;
import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.ges.Fges;
import dev.causal4j.discovery.ges.GesScore;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.AnnotatedGraph;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphFormat;
import dev.causal4j.score.Score;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times FGES on one data file and scores the result against the true graph (the CPDAG of {@code
 * truth.json} as {@code causal4j simulate} writes it): reading, covariance and search timed apart,
 * the search repeated and its median reported (wall clock and the process's CPU time: on a shared
 * machine the wall clock depends on what else runs), with the peak heap and adjacency / arrowhead
 * precision, recall and F1 ({@link GraphMetrics}, Tetrad's counting). Used for the FGES figures in
 * {@code docs/benchmarks.md}.
 *
 * <p>Arguments: {@code DIR [penalty=2] [faithfulness=false] [threads=1] [runs=1] [OUT]}: {@code
 * DIR} holds {@code data.csv} and {@code truth.json}; {@code OUT}, if given, receives the graph as
 * an edge list.
 */
public final class FgesRun {
  private FgesRun() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    double penalty = args.length > 1 ? Double.parseDouble(args[1]) : 2;
    boolean faithful = args.length > 2 && Boolean.parseBoolean(args[2]);
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    long t0 = System.nanoTime();
    Dataset data = DataReader.read(dir.resolve("data.csv"));
    long t1 = System.nanoTime();
    Score score = GesScore.BIC.build(
        data, GesScore.Settings.defaults().withPenaltyDiscount(penalty).withThreads(threads));
    long t2 = System.nanoTime();
    double[] times = new double[runs];
    double[] cpu = new double[runs];
    DiscoveryResult result = null;
    for (int r = 0; r < runs; r++) {
      long s = System.nanoTime();
      long c = processCpuNanos();
      result = Fges.builder(score).faithfulnessAssumed(faithful).threads(threads).build().search();
      times[r] = (System.nanoTime() - s) / 1e9;
      cpu[r] = (processCpuNanos() - c) / 1e9;
    }
    Arrays.sort(times);
    Arrays.sort(cpu);
    Graph truth = GraphFiles.read(dir.resolve("truth.json"));
    GraphComparison c = GraphMetrics.compare(dev.causal4j.graph.Cpdag.of(truth), result.graph());
    System.out.printf(
        "%s p=%d n=%d penalty=%s faithfulness_assumed=%s threads=%d: read %.1f s, covariance %.1f s,"
            + " search %.2f s (median of %d; %.1f s of CPU), peak heap %.2f GB, %d edges, %d score"
            + " evaluations%n",
        dir, data.columns(), data.rows(), penalty, faithful, threads, (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, times[runs / 2], runs, cpu[runs / 2], peakHeap() / 1e9,
        result.graph().edgeCount(), result.stats().scoreEvaluations());
    System.out.printf("  adjacency %s%n  arrowhead %s%n  %s%n", line(c.adjacency()),
        line(c.arrowhead()), result.stats().parameters());
    if (args.length > 5) {
      Files.writeString(Path.of(args[5]),
          GraphFiles.format(AnnotatedGraph.of(result.graph()), GraphFormat.EDGE_LIST));
    }
  }

  private static String line(Counts k) {
    return String.format("TP %d FP %d FN %d precision %.3f recall %.3f F1 %.3f", k.truePositives(),
        k.falsePositives(), k.falseNegatives(), k.precision(), k.recall(), k.f1());
  }

  /** CPU time of the whole process (all threads), which load from other jobs does not inflate. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
