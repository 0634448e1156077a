package dev.causal4j.effects.identify;

import dev.causal4j.graph.Graph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The possible parent sets of a node in the DAGs of a CPDAG, found locally as in IDA (Maathuis,
 * Kalisch &amp; Bühlmann 2009, "Estimating high-dimensional intervention effects from
 * observational data", Ann. Statist. 37): the node's directed parents plus a subset {@code
 * S} of its undirected neighbours, for every {@code S} whose orientation into the node creates no
 * new v-structure at it, that is, {@code S} is a clique and each node of {@code S} is adjacent to
 * each directed parent. Every such set is the parent set in some DAG of the class and every
 * parent set arises this way (as they show; tests check it by enumerating small classes).
 */
final class LocalIda {
  /** More undirected neighbours than this are refused: 2^n subsets would be tried. */
  static final int MAX_NEIGHBOURS = 20;

  private LocalIda() {}

  /** The possible parent sets of {@code x}, in order of size, then of nodes. */
  static List<BitSet> parentSets(Graph cpdag, int x) {
    int[] pa = cpdag.parents(x);
    int[] sib = cpdag.undirectedNeighbors(x);
    if (sib.length > MAX_NEIGHBOURS) {
      throw new IllegalArgumentException("too many undirected neighbours: " + sib.length);
    }
    List<BitSet> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << sib.length; mask++) {
      if (isLocallyValid(cpdag, pa, sib, mask)) {
        BitSet s = Sets.of(pa);
        for (int i = 0; i < sib.length; i++) {
          if ((mask >> i & 1) == 1) {
            s.set(sib[i]);
          }
        }
        out.add(s);
      }
    }
    out.sort(AdjustmentProblem.BY_SIZE_THEN_NODES);
    return out;
  }

  private static boolean isLocallyValid(Graph g, int[] pa, int[] sib, int mask) {
    for (int i = 0; i < sib.length; i++) {
      if ((mask >> i & 1) == 0) {
        continue;
      }
      for (int j = i + 1; j < sib.length; j++) {
        if ((mask >> j & 1) == 1 && !g.isAdjacent(sib[i], sib[j])) {
          return false;
        }
      }
      for (int p : pa) {
        if (!g.isAdjacent(sib[i], p)) {
          return false;
        }
      }
    }
    return true;
  }
}
