package dev.causal4j.bench.suite;

import dev.causal4j.graph.Graph;
import java.util.Arrays;

/**
 * What Tetrad's runner reported for one {@link TetradJob}.
 *
 * @param graph the graph of the last timed run, over the data's columns in order
 * @param loadMillis reading the file into a Tetrad data set (Tetrad's runner's own reader)
 * @param setupMillis Tetrad's covariance matrix (0 for discrete data)
 * @param searchMillis the search time of each timed run, in order
 * @param searchCpuMillis the CPU time of Tetrad's JVM (every thread) over each timed run
 * @param distinctGraphs how many different graphs the warm-ups and timed runs gave: more than one
 *     means Tetrad's search is not deterministic on these data
 * @param processors the processors Tetrad's JVM saw
 */
public record TetradRun(
    Graph graph,
    double loadMillis,
    double setupMillis,
    double[] searchMillis,
    double[] searchCpuMillis,
    int distinctGraphs,
    int processors) {

  public TetradRun {
    searchMillis = searchMillis.clone();
    searchCpuMillis = searchCpuMillis.clone();
  }

  @Override
  public double[] searchCpuMillis() {
    return searchCpuMillis.clone();
  }

  @Override
  public double[] searchMillis() {
    return searchMillis.clone();
  }

  /** The median of the timed runs. */
  public double medianSearchMillis() {
    return Stats.median(searchMillis);
  }

  @Override
  public String toString() {
    return "TetradRun[search ms " + Arrays.toString(searchMillis) + ", " + graph.edgeCount()
        + " edges, " + distinctGraphs + " distinct graph(s)]";
  }
}
