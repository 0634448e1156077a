package dev.causal4j.discovery.pc;

import dev.causal4j.graph.MutableGraph;
import java.util.List;

/**
 * The result of an {@link AdjacencySearch}: which pairs stayed adjacent, the separating set of
 * each removed pair, how many tests were made and the largest conditioning-set size reached.
 */
public final class Skeleton {
  private final AdjacencyMatrix adjacency;
  private final SepsetMap sepsets;
  private final long testsPerformed;
  private final int depthReached;

  Skeleton(AdjacencyMatrix adjacency, SepsetMap sepsets, long testsPerformed, int depthReached) {
    this.adjacency = adjacency;
    this.sepsets = sepsets;
    this.testsPerformed = testsPerformed;
    this.depthReached = depthReached;
  }

  public boolean isAdjacent(int a, int b) {
    return adjacency.isAdjacent(a, b);
  }

  /** The neighbours of {@code v}, ascending. */
  public int[] neighbors(int v) {
    return adjacency.neighbors(v);
  }

  public SepsetMap sepsets() {
    return sepsets;
  }

  public long testsPerformed() {
    return testsPerformed;
  }

  /** The largest conditioning-set size tested, or -1 if no test was needed. */
  public int depthReached() {
    return depthReached;
  }

  public long edgeCount() {
    return adjacency.edgeCount();
  }

  /** The skeleton as an undirected graph over the given node names. */
  public MutableGraph toUndirectedGraph(List<String> names) {
    MutableGraph g = new MutableGraph(names);
    for (int a = 0; a < names.size(); a++) {
      for (int b : adjacency.neighbors(a)) {
        if (a < b) {
          g.addUndirectedEdge(a, b);
        }
      }
    }
    return g;
  }
}
