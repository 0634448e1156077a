package dev.causal4j.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Structural questions about a graph read through its directed edges ({@code u --> v}): ancestors,
 * descendants, cycles, topological order. Other edge kinds are ignored by these walks.
 */
public final class Graphs {
  private Graphs() {}

  /**
   * The ancestors of the given nodes, the nodes themselves included: every {@code u} with a
   * directed path {@code u --> … --> v} to some given {@code v}.
   */
  public static BitSet ancestors(Graph g, int... nodes) {
    return walk(g, nodes, true);
  }

  /** The descendants of the given nodes, the nodes themselves included. */
  public static BitSet descendants(Graph g, int... nodes) {
    return walk(g, nodes, false);
  }

  private static BitSet walk(Graph g, int[] start, boolean up) {
    BitSet seen = new BitSet(g.size());
    int[] stack = new int[g.size()];
    int top = 0;
    for (int v : start) {
      if (!seen.get(v)) {
        seen.set(v);
        stack[top++] = v;
      }
    }
    while (top > 0) {
      int v = stack[--top];
      for (int u : up ? g.parents(v) : g.children(v)) {
        if (!seen.get(u)) {
          seen.set(u);
          stack[top++] = u;
        }
      }
    }
    return seen;
  }

  /** True if {@code a} is a proper or improper ancestor of {@code b} (a == b counts). */
  public static boolean isAncestor(Graph g, int a, int b) {
    return ancestors(g, b).get(a);
  }

  /**
   * A directed cycle {@code v0 --> v1 --> … --> v0} as its node list (first node not repeated), if
   * the directed edges have one.
   */
  public static Optional<List<Integer>> findDirectedCycle(Graph g) {
    int p = g.size();
    byte[] state = new byte[p]; // 0 new, 1 on the current path, 2 finished
    int[] parentOnPath = new int[p];
    int[] stack = new int[p];
    int[] next = new int[p];
    int[][] children = new int[p][];
    for (int s = 0; s < p; s++) {
      if (state[s] != 0) {
        continue;
      }
      int top = 0;
      stack[top++] = s;
      state[s] = 1;
      children[s] = g.children(s);
      next[s] = 0;
      while (top > 0) {
        int v = stack[top - 1];
        if (next[v] < children[v].length) {
          int w = children[v][next[v]++];
          if (state[w] == 1) {
            List<Integer> cycle = new ArrayList<>();
            for (int u = v; u != w; u = parentOnPath[u]) {
              cycle.add(u);
            }
            cycle.add(w);
            java.util.Collections.reverse(cycle);
            return Optional.of(cycle);
          }
          if (state[w] == 0) {
            state[w] = 1;
            parentOnPath[w] = v;
            children[w] = g.children(w);
            next[w] = 0;
            stack[top++] = w;
          }
        } else {
          state[v] = 2;
          children[v] = null;
          top--;
        }
      }
    }
    return Optional.empty();
  }

  /** True if every edge is {@code -->} and there is no directed cycle. */
  public static boolean isDag(Graph g) {
    for (Edge e : g.edges()) {
      if (!e.isDirected()) {
        return false;
      }
    }
    return findDirectedCycle(g).isEmpty();
  }

  /**
   * The nodes in an order where every parent comes before its children (Kahn's algorithm, taking
   * the lowest index first, so the order is deterministic).
   *
   * @throws IllegalArgumentException if the directed edges have a cycle
   */
  public static int[] topologicalOrder(Graph g) {
    int p = g.size();
    int[] inDegree = new int[p];
    for (int v = 0; v < p; v++) {
      inDegree[v] = g.parents(v).length;
    }
    java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
    for (int v = 0; v < p; v++) {
      if (inDegree[v] == 0) {
        ready.add(v);
      }
    }
    int[] order = new int[p];
    int k = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order[k++] = v;
      for (int c : g.children(v)) {
        if (--inDegree[c] == 0) {
          ready.add(c);
        }
      }
    }
    if (k < p) {
      throw new IllegalArgumentException(
          "the graph has a directed cycle: " + describeCycle(g, findDirectedCycle(g).orElseThrow()));
    }
    return order;
  }

  /** A cycle as text, e.g. {@code A --> B --> C --> A}, for messages. */
  public static String describeCycle(Graph g, List<Integer> cycle) {
    StringBuilder sb = new StringBuilder();
    for (int v : cycle) {
      sb.append(g.name(v)).append(" --> ");
    }
    return sb.append(g.name(cycle.get(0))).toString();
  }

  /**
   * The v-structures {@code a --> c <-- b} ({@code a}, {@code b} not adjacent) read through the
   * directed edges, ordered by collider, then {@code a}, then {@code b}. Two DAGs are Markov
   * equivalent exactly when they have the same skeleton and the same v-structures (Verma &amp;
   * Pearl 1990).
   */
  public static List<VStructure> vStructures(Graph g) {
    List<VStructure> out = new ArrayList<>();
    for (int c = 0; c < g.size(); c++) {
      int[] ps = g.parents(c);
      for (int i = 0; i < ps.length; i++) {
        for (int j = i + 1; j < ps.length; j++) {
          if (!g.isAdjacent(ps[i], ps[j])) {
            out.add(new VStructure(ps[i], c, ps[j]));
          }
        }
      }
    }
    return out;
  }

  /** The indices of the named nodes, in the given order. */
  public static int[] indices(Graph g, List<String> names) {
    int[] idx = new int[names.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = g.requireIndex(names.get(i));
    }
    return idx;
  }

  /** The names of the given nodes, in the given order. */
  public static List<String> names(Graph g, int... nodes) {
    List<String> out = new ArrayList<>(nodes.length);
    for (int v : nodes) {
      out.add(g.name(v));
    }
    return out;
  }

  /** The nodes flagged latent, ascending. */
  public static int[] latentNodes(Graph g) {
    return java.util.stream.IntStream.range(0, g.size()).filter(g::isLatent).toArray();
  }

  /** The nodes not flagged latent, ascending. */
  public static int[] observedNodes(Graph g) {
    return java.util.stream.IntStream.range(0, g.size()).filter(v -> !g.isLatent(v)).toArray();
  }
}
