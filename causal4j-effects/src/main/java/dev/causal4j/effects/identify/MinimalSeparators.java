package dev.causal4j.effects.identify;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the minimal d-separators {@code Z} of node sets {@code X} and {@code Y} in a DAG (latent
 * nodes allowed) with {@code I ⊆ Z ⊆ I ∪ R}: separators none of whose proper subsets containing
 * {@code I} separates. This is the task of ListMinSep in van der Zander, Liśkiewicz &amp; Textor
 * (2019, "Separators and adjustment sets in causal graphs: complete criteria and an algorithmic
 * framework", Artificial Intelligence 270), solved the same way: reduce it to minimal vertex
 * separators in an undirected graph, then list those with polynomial delay.
 *
 * <p>The reduction: every minimal separator lies in {@code A = An(X ∪ Y ∪ I)}, and a set inside
 * {@code A} d-separates {@code X} and {@code Y} iff it separates them in the moral graph of the
 * subgraph induced by {@code A} (Lauritzen's criterion). Nodes of {@code I} are removed from that
 * graph; nodes outside {@code R} (latent, forbidden) cannot be in a separator.
 *
 * <p>The listing follows Kloks &amp; Kratsch (1998, "Listing all minimal separators of a graph",
 * SIAM J. Comput. 27) for minimal {@code a,b}-separators, with {@code X} and {@code Y} as the two
 * sides and nodes outside {@code R} absorbed into the side they touch: from a set {@code S ⊇ X},
 * the separator closest to {@code S} is {@code N(S) ∩ N(C_Y)}, where {@code C_Y} is {@code Y}'s
 * component after removing {@code N(S)}; each listed separator with {@code X}-side component
 * {@code C} yields new ones from {@code C ∪ {v}} for each of its nodes {@code v}. Every output is
 * a minimal separator (each node has a neighbour on both sides), and every minimal separator is
 * reached (its {@code X}-side is approached through a chain of strictly growing components);
 * tests compare the output with brute force on small graphs.
 */
final class MinimalSeparators {
  private MinimalSeparators() {}

  /** Separators found, in the order listed, and whether the cap cut the listing short. */
  record Result(List<BitSet> separators, boolean truncated) {}

  /**
   * The minimal d-separators of {@code x} and {@code y} in {@code dag} that contain {@code
   * required} and otherwise use only nodes of {@code allowed}, at most {@code cap} of them.
   */
  static Result dSeparators(Graph dag, BitSet x, BitSet y, BitSet required, BitSet allowed,
      int cap) {
    BitSet start = Sets.union(Sets.union(x, y), required);
    BitSet within = Graphs.ancestors(dag, Sets.array(start));
    BitSet[] adj = moralGraph(dag, within);
    // The required nodes are in every separator: out of the graph, once their parents are married.
    for (int r = required.nextSetBit(0); r >= 0; r = required.nextSetBit(r + 1)) {
      for (int u = adj[r].nextSetBit(0); u >= 0; u = adj[r].nextSetBit(u + 1)) {
        adj[u].clear(r);
      }
      adj[r].clear();
    }
    BitSet usable = Sets.intersect(allowed, within);
    usable.andNot(x);
    usable.andNot(y);
    usable.andNot(required);
    Result r = enumerate(adj, x, y, usable, cap);
    for (BitSet z : r.separators()) {
      z.or(required);
    }
    return r;
  }

  /**
   * The moral graph of the subgraph of {@code dag} induced by {@code within}: its edges without
   * direction, plus an edge between every two parents of a common child. With an ancestral
   * {@code within} this is the graph Lauritzen's criterion reads; nodes outside have no edges.
   */
  static BitSet[] moralGraph(Graph dag, BitSet within) {
    int p = dag.size();
    BitSet[] adj = new BitSet[p];
    for (int v = 0; v < p; v++) {
      adj[v] = new BitSet(p);
    }
    for (int v = within.nextSetBit(0); v >= 0; v = within.nextSetBit(v + 1)) {
      int[] pa = dag.parents(v);
      int k = 0;
      for (int u : pa) {
        if (within.get(u)) {
          pa[k++] = u;
        }
      }
      for (int i = 0; i < k; i++) {
        adj[pa[i]].set(v);
        adj[v].set(pa[i]);
        for (int j = i + 1; j < k; j++) {
          adj[pa[i]].set(pa[j]);
          adj[pa[j]].set(pa[i]);
        }
      }
    }
    return adj;
  }

  /**
   * The minimal vertex separators of {@code xs} and {@code ys} in an undirected graph that use
   * only {@code allowed} vertices (disjoint from {@code xs} and {@code ys}), at most {@code cap}.
   */
  static Result enumerate(BitSet[] adj, BitSet xs, BitSet ys, BitSet allowed, int cap) {
    List<BitSet> out = new ArrayList<>();
    Closest first = closest(adj, xs, xs, ys, allowed);
    if (first == null) {
      return new Result(out, false);
    }
    ArrayDeque<Closest> queue = new ArrayDeque<>();
    Set<BitSet> seen = new HashSet<>();
    queue.add(first);
    seen.add(first.separator);
    BitSet nearY = new BitSet();
    for (int y = ys.nextSetBit(0); y >= 0; y = ys.nextSetBit(y + 1)) {
      nearY.or(adj[y]);
    }
    while (!queue.isEmpty() && out.size() < cap) {
      Closest c = queue.poll();
      out.add((BitSet) c.separator.clone());
      for (int v = c.separator.nextSetBit(0); v >= 0; v = c.separator.nextSetBit(v + 1)) {
        if (nearY.get(v)) {
          continue; // moving v to the X side would join the two sides
        }
        BitSet s = (BitSet) c.xSide.clone();
        s.set(v);
        Closest next = closest(adj, s, xs, ys, allowed);
        if (next != null && seen.add(next.separator)) {
          queue.add(next);
        }
      }
    }
    return new Result(out, !queue.isEmpty());
  }

  /** A minimal separator and the component on the {@code X} side of it. */
  private record Closest(BitSet separator, BitSet xSide) {}

  /**
   * The minimal separator closest to {@code s} (a superset of {@code xs}), or null if none
   * exists: {@code s} or the vertices it must absorb touch {@code ys}.
   */
  private static Closest closest(BitSet[] adj, BitSet s0, BitSet xs, BitSet ys, BitSet allowed) {
    BitSet s = (BitSet) s0.clone();
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    for (int v = s.nextSetBit(0); v >= 0; v = s.nextSetBit(v + 1)) {
      stack.push(v);
    }
    while (!stack.isEmpty()) {
      int v = stack.pop();
      for (int u = adj[v].nextSetBit(0); u >= 0; u = adj[v].nextSetBit(u + 1)) {
        if (!s.get(u) && !allowed.get(u)) {
          if (ys.get(u)) {
            return null;
          }
          s.set(u);
          stack.push(u);
        }
      }
    }
    BitSet boundary = new BitSet();
    for (int v = s.nextSetBit(0); v >= 0; v = s.nextSetBit(v + 1)) {
      boundary.or(adj[v]);
    }
    boundary.andNot(s);
    BitSet ySide = component(adj, ys, boundary);
    BitSet separator = new BitSet();
    for (int z = boundary.nextSetBit(0); z >= 0; z = boundary.nextSetBit(z + 1)) {
      if (adj[z].intersects(ySide)) {
        separator.set(z);
      }
    }
    return new Closest(separator, component(adj, xs, separator));
  }

  /** The vertices reachable from {@code start} without entering {@code blocked}. */
  private static BitSet component(BitSet[] adj, BitSet start, BitSet blocked) {
    BitSet seen = (BitSet) start.clone();
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    for (int v = start.nextSetBit(0); v >= 0; v = start.nextSetBit(v + 1)) {
      stack.push(v);
    }
    while (!stack.isEmpty()) {
      int v = stack.pop();
      for (int u = adj[v].nextSetBit(0); u >= 0; u = adj[v].nextSetBit(u + 1)) {
        if (!seen.get(u) && !blocked.get(u)) {
          seen.set(u);
          stack.push(u);
        }
      }
    }
    return seen;
  }
}
