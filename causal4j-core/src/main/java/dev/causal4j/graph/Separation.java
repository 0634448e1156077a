package dev.causal4j.graph;

import java.util.BitSet;

/**
 * d-separation in DAGs and m-separation in MAGs and ADMGs, by reachability in linear time (the
 * "Bayes-ball" walk of Shachter 1998 and Koller &amp; Friedman 2009, Alg. 3.1, read through
 * endpoint marks so that bidirected edges work too), never by enumerating paths.
 *
 * <p>A path between {@code x} and {@code y} is open given {@code Z} when every collider on it
 * (both adjacent edges have an arrowhead at the node) is an ancestor of {@code Z} (or in it) and
 * every other node is outside {@code Z}. The walk visits each (node, arrived-with-an-arrowhead)
 * state once, so the cost is O(nodes + edges) per query.
 *
 * <p>Graphs with undirected or circle marks (CPDAGs, PAGs) have no single separation relation;
 * they are rejected.
 */
public final class Separation {
  private Separation() {}

  /**
   * True if {@code x} and {@code y} are d-/m-separated given {@code z}. For many queries on one
   * graph, compile it once with {@link SeparationIndex#of}.
   */
  public static boolean isSeparated(Graph g, int x, int y, int[] z) {
    return SeparationIndex.of(g).isSeparated(x, y, z);
  }

  /**
   * The nodes connected to {@code x} by a path that is open given {@code z} ({@code x} itself is
   * not included unless such a path returns to it, which cannot happen).
   */
  public static BitSet reachable(Graph g, int x, int[] z) {
    return SeparationIndex.of(g).reachable(x, z);
  }
}
