package dev.causal4j.discovery.permutation;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.graph.ConsistentExtension;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.knowledge.BoundKnowledge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The backward phase of GES (Chickering 2002, "Optimal structure identification with greedy
 * search", JMLR 3, §4.2 and Theorem 17), run on the equivalence class a permutation search found:
 * repeatedly apply the edge deletion that raises the score most, until none does. BOSS ends with
 * it (Andrews et al. 2023, §5): a permutation search alone finds a minimal I-map, and BES removes
 * the edges that a sparser member of the class would not need, which is what makes BOSS
 * consistent under faithfulness.
 *
 * <p>A deletion {@code Delete(x, y, H)}, for {@code x} a parent or undirected neighbour of {@code
 * y} and {@code H} a subset of {@code NA = y's undirected neighbours adjacent to x}, is valid when
 * {@code NA \ H} is a clique; it removes the edge and directs {@code y --> h} and {@code x --> h}
 * (where undirected) for {@code h} in {@code H}. Its gain is {@code s(y, S \ {x}) − s(y, S ∪
 * {x})} with {@code S = (NA \ H) ∪ pa(y)}. After each deletion the graph is completed again: a
 * consistent extension, then its CPDAG with the knowledge ({@link EquivalenceClass}).
 *
 * <p>Knowledge: a required adjacency is never deleted, and a deletion whose orientations of
 * {@code H} the knowledge forbids is not made. Gains within {@link BetterMutation#TOLERANCE} of
 * zero are not improvements. Ties go to the first deletion in the order (y, x, H as a bit mask),
 * all ascending.
 */
final class BackwardEquivalenceSearch {
  private final ParentSelection selection;
  private final BoundKnowledge knowledge;
  private int deletions;

  BackwardEquivalenceSearch(ParentSelection selection, BoundKnowledge knowledge) {
    this.selection = selection;
    this.knowledge = knowledge;
  }

  int deletions() {
    return deletions;
  }

  /** Runs BES from the completed graph of a DAG; returns the final completed graph. */
  MutableGraph run(Graph dag, List<String> conflicts) {
    MutableGraph g = EquivalenceClass.of(dag, knowledge, conflicts);
    while (true) {
      Parallel.checkCancelled();
      List<Deletion> gains = new ArrayList<>();
      for (int y = 0; y < g.size(); y++) {
        collect(g, y, gains);
      }
      // Best first; the stable sort keeps the scan order among equal gains.
      gains.sort((a, b) -> Double.compare(b.gain, a.gain));
      MutableGraph next = null;
      for (Deletion d : gains) {
        next = apply(g, d, conflicts);
        if (next != null) {
          break;
        }
      }
      if (next == null) {
        return g;
      }
      g = next;
      deletions++;
    }
  }

  private void collect(MutableGraph g, int y, List<Deletion> out) {
    int[] pa = g.parents(y);
    int[] ne = g.undirectedNeighbors(y);
    int[] xs = union(pa, ne);
    for (int x : xs) {
      if (knowledge.isAdjacencyRequired(x, y)) {
        continue;
      }
      int[] na = adjacentTo(g, ne, x);
      if (na.length > 30) {
        throw new InvalidInputException("the backward equivalence search would have to try 2^"
            + na.length + " deletions of the edge between " + g.name(x) + " and " + g.name(y)
            + ": the graph is too dense; raise the penalty discount or turn BES off");
      }
      for (int mask = 0; mask < (1 << na.length); mask++) {
        if (!allowed(g, x, y, na, mask) || !restIsClique(g, na, mask)) {
          continue;
        }
        int[] s = conditioningSet(na, mask, pa, x);
        int[] withX = Arrays.copyOf(s, s.length + 1);
        withX[s.length] = x;
        double gain = selection.evaluate(y, s) - selection.evaluate(y, withX);
        if (gain > BetterMutation.TOLERANCE) {
          out.add(new Deletion(x, y, na, mask, gain));
        }
      }
    }
  }

  /** False if the knowledge forbids an orientation the deletion would make. */
  private boolean allowed(MutableGraph g, int x, int y, int[] na, int mask) {
    if (knowledge.isEmpty()) {
      return true;
    }
    for (int i = 0; i < na.length; i++) {
      if ((mask & (1 << i)) != 0) {
        int h = na[i];
        if (knowledge.isForbidden(y, h) || (g.isUndirected(x, h) && knowledge.isForbidden(x, h))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean restIsClique(MutableGraph g, int[] na, int mask) {
    for (int i = 0; i < na.length; i++) {
      if ((mask & (1 << i)) != 0) {
        continue;
      }
      for (int j = i + 1; j < na.length; j++) {
        if ((mask & (1 << j)) == 0 && !g.isAdjacent(na[i], na[j])) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code (NA \ H) ∪ pa(y)} without {@code x}. */
  private static int[] conditioningSet(int[] na, int mask, int[] pa, int x) {
    int[] s = new int[na.length + pa.length];
    int k = 0;
    for (int i = 0; i < na.length; i++) {
      if ((mask & (1 << i)) == 0) {
        s[k++] = na[i];
      }
    }
    for (int u : pa) {
      if (u != x) {
        s[k++] = u;
      }
    }
    return Arrays.copyOf(s, k);
  }

  /** The graph after the deletion, completed again, or null if it has no consistent extension. */
  private MutableGraph apply(MutableGraph g, Deletion d, List<String> conflicts) {
    MutableGraph h = g.mutableCopy();
    h.removeEdge(d.x, d.y);
    for (int i = 0; i < d.na.length; i++) {
      if ((d.mask & (1 << i)) != 0) {
        int v = d.na[i];
        h.addDirectedEdge(d.y, v);
        if (h.isUndirected(d.x, v)) {
          h.addDirectedEdge(d.x, v);
        }
      }
    }
    Optional<Graph> dag = ConsistentExtension.of(h);
    return dag.map(value -> EquivalenceClass.of(value, knowledge, conflicts)).orElse(null);
  }

  private static int[] adjacentTo(MutableGraph g, int[] candidates, int x) {
    int[] out = new int[candidates.length];
    int k = 0;
    for (int c : candidates) {
      if (c != x && g.isAdjacent(c, x)) {
        out[k++] = c;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.sort(out);
    return out;
  }

  private record Deletion(int x, int y, int[] na, int mask, double gain) {}
}
