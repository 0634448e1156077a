package dev.causal4j.score;

import java.util.List;

/**
 * A decomposable score of a DAG over {@link #variables()}: the score of a graph is the sum over
 * nodes of {@code localScore(node, parents)}. Higher is better (so BIC here is {@code 2·loglik −
 * c·k·log n}, Tetrad's convention). Implementations are thread-safe and deterministic.
 */
public interface Score {

  /** The variables the indices refer to. */
  List<String> variables();

  /** The score of {@code node} given exactly these parents (distinct indices, not {@code node}). */
  double localScore(int node, int[] parents);

  /**
   * The change in {@code node}'s local score when {@code added} joins {@code parents}; searches
   * such as GES rank candidate moves by it.
   */
  default double localScoreDiff(int node, int[] parents, int added) {
    int[] with = java.util.Arrays.copyOf(parents, parents.length + 1);
    with[parents.length] = added;
    return localScore(node, with) - localScore(node, parents);
  }
}
