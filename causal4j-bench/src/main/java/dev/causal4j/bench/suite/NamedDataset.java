package dev.causal4j.bench.suite;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.graph.Graph;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A data set with a known (or accepted) causal DAG, for benchmarks on data that were not simulated
 * here: real measurements with a consensus graph, or samples of a published network.
 *
 * @param name what tables call it
 * @param data the data
 * @param trueDag the DAG over the data's columns (the same names, in any order)
 */
public record NamedDataset(String name, Dataset data, Graph trueDag) {

  /**
   * @throws InvalidInputException if the DAG's nodes are not the data's columns
   */
  public NamedDataset {
    Objects.requireNonNull(name);
    Set<String> columns = new HashSet<>(data.names());
    Set<String> nodes = new HashSet<>(trueDag.nodeNames());
    if (!columns.equals(nodes)) {
      Set<String> onlyData = new HashSet<>(columns);
      onlyData.removeAll(nodes);
      Set<String> onlyGraph = new HashSet<>(nodes);
      onlyGraph.removeAll(columns);
      throw new InvalidInputException("the true graph of " + name + " does not name the data's"
          + " columns (only in the data: " + onlyData + "; only in the graph: " + onlyGraph
          + "); give a graph over the same variables");
    }
  }
}
