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

  /** True if {@code x} and {@code y} are d-/m-separated given {@code z}. */
  public static boolean isSeparated(Graph g, int x, int y, int[] z) {
    return !reachable(g, x, z).get(y);
  }

  /**
   * The nodes connected to {@code x} by a path that is open given {@code z} ({@code x} itself is
   * not included unless such a path returns to it, which cannot happen).
   */
  public static BitSet reachable(Graph g, int x, int[] z) {
    checkMarks(g);
    int p = g.size();
    BitSet inZ = new BitSet(p);
    for (int v : z) {
      inZ.set(v);
    }
    BitSet ancestorsOfZ = Graphs.ancestors(g, z);
    // State 2v: at v, entered along an edge with a tail at v; 2v+1: with an arrowhead at v.
    boolean[] seen = new boolean[2 * p];
    int[] stack = new int[2 * p];
    int top = 0;
    BitSet reached = new BitSet(p);
    for (int w : g.adjacentNodes(x)) {
      int s = 2 * w + (g.endpoint(x, w) == Endpoint.ARROW ? 1 : 0);
      if (!seen[s]) {
        seen[s] = true;
        stack[top++] = s;
      }
    }
    while (top > 0) {
      int s = stack[--top];
      int b = s >> 1;
      boolean arrowAtB = (s & 1) == 1;
      if (b == x) {
        continue;
      }
      reached.set(b);
      for (int c : g.adjacentNodes(b)) {
        boolean collider = arrowAtB && g.endpoint(c, b) == Endpoint.ARROW;
        boolean passes = collider ? ancestorsOfZ.get(b) : !inZ.get(b);
        if (passes) {
          int t = 2 * c + (g.endpoint(b, c) == Endpoint.ARROW ? 1 : 0);
          if (!seen[t]) {
            seen[t] = true;
            stack[top++] = t;
          }
        }
      }
    }
    return reached;
  }

  private static void checkMarks(Graph g) {
    for (Edge e : g.edges()) {
      if (e.atFrom() == Endpoint.CIRCLE || e.atTo() == Endpoint.CIRCLE
          || (e.atFrom() == Endpoint.TAIL && e.atTo() == Endpoint.TAIL)) {
        throw new IllegalArgumentException(
            "separation is defined for DAGs, MAGs and ADMGs; the edge " + g.name(e.from()) + " "
                + e.symbol() + " " + g.name(e.to()) + " is undirected or has a circle");
      }
    }
  }
}
