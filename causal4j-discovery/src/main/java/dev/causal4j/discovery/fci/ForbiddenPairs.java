package dev.causal4j.discovery.fci;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.independence.IndependenceTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pairs the knowledge forbids to be adjacent are removed before the skeleton search tests them,
 * so they have no separating set, and R0 would read "no set" as "the empty set" and make every
 * common neighbour a collider. This step gives them the separating set the tests would have
 * found: subsets of the neighbours of either end in the skeleton, smallest first (as PC tries
 * them). A pair no such set separates goes back into the graph as an edge for the rest of the
 * search (Possible-D-SEP or RFCI's checks may still separate it) so that no triple across it is
 * judged; what is left of those edges is removed at the end ({@link #removeRemaining}), as the
 * knowledge demands, and reported.
 */
final class ForbiddenPairs {
  private final List<int[]> restored = new ArrayList<>();
  private final Set<Long> restoredKeys = new HashSet<>();

  private final int sizeOf;

  private ForbiddenPairs(int p) {
    this.sizeOf = p;
  }

  /** No forbidden pairs restored: for searches whose separating sets come from elsewhere. */
  static ForbiddenPairs none(int p) {
    return new ForbiddenPairs(p);
  }

  /**
   * Finds separating sets for the forbidden pairs of {@code g} (the skeleton), records them, and
   * puts back as {@code o-o} edges the pairs none separates.
   */
  static ForbiddenPairs separate(MutableGraph g, Sepsets sepsets, IndependenceTest test,
      double alpha, int depth, FciKnowledge knowledge, int threads) {
    int p = g.size();
    ForbiddenPairs out = new ForbiddenPairs(p);
    if (knowledge.isEmpty()) {
      return out;
    }
    List<int[]> pairs = new ArrayList<>();
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        if (knowledge.isAdjacencyForbidden(a, b)) {
          pairs.add(new int[] {a, b});
        }
      }
    }
    int[][] adj = new int[p][];
    for (int v = 0; v < p; v++) {
      adj[v] = g.adjacentNodes(v);
    }
    int n = pairs.size();
    int[][] found = new int[n][];
    Parallel.forEach(threads, n, i -> {
      int a = pairs.get(i)[0];
      int b = pairs.get(i)[1];
      int[] s = within(test, alpha, a, b, adj[a], depth);
      found[i] = s != null ? s : within(test, alpha, a, b, adj[b], depth);
    });
    for (int i = 0; i < n; i++) {
      int[] pair = pairs.get(i);
      if (found[i] != null) {
        sepsets.put(pair[0], pair[1], found[i]);
      } else {
        g.addNondirectedEdge(pair[0], pair[1]);
        out.restored.add(pair);
        out.restoredKeys.add((long) pair[0] * p + pair[1]);
      }
    }
    return out;
  }

  /** The first subset of {@code neighbours} (sizes 0 to depth) that separates, or null. */
  private static int[] within(IndependenceTest test, double alpha, int a, int b, int[] neighbours,
      int depth) {
    if (test.pValue(a, b, new int[0]) > alpha) {
      return new int[0];
    }
    int[] pool = MinimalSepset.without(neighbours, a, b);
    return MinimalSepset.find(test, alpha, a, b, pool, depth < 0 ? pool.length : depth);
  }

  /**
   * True if the edge {@code a *-* b} is a forbidden pair put back by {@link #separate}: the
   * skeleton search never had it, so no set containing either end as the other's neighbour was
   * tried.
   */
  boolean isRestored(int a, int b) {
    return !restoredKeys.isEmpty()
        && restoredKeys.contains((long) Math.min(a, b) * sizeOf + Math.max(a, b));
  }

  /**
   * Removes the restored edges still present; returns the warning to give, or null if none was
   * left.
   */
  String removeRemaining(MutableGraph g) {
    int left = 0;
    for (int[] pair : restored) {
      if (g.removeEdge(pair[0], pair[1])) {
        left++;
      }
    }
    return left == 0 ? null : left + " pair(s) the knowledge forbids to be adjacent were dependent"
        + " given every set tried; they are drawn apart as the knowledge says, but no triple"
        + " across them was judged a collider or a non-collider";
  }
}
