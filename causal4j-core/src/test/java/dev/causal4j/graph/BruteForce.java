package dev.causal4j.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Definitions computed the slow, obvious way, as independent checks of the fast algorithms: they
 * share no code with the classes under test beyond reading marks off a graph.
 */
final class BruteForce {
  private BruteForce() {}

  /** ancestor[u][v]: a directed path u --> … --> v exists (u == v counts), by Floyd–Warshall. */
  static boolean[][] ancestorMatrix(Graph g) {
    int p = g.size();
    boolean[][] anc = new boolean[p][p];
    for (int u = 0; u < p; u++) {
      anc[u][u] = true;
      for (int v = 0; v < p; v++) {
        if (u != v && g.endpoint(u, v) == Endpoint.ARROW && g.endpoint(v, u) == Endpoint.TAIL) {
          anc[u][v] = true;
        }
      }
    }
    for (int k = 0; k < p; k++) {
      for (int u = 0; u < p; u++) {
        if (anc[u][k]) {
          for (int v = 0; v < p; v++) {
            anc[u][v] |= anc[k][v];
          }
        }
      }
    }
    return anc;
  }

  /** Every simple path from x to y, as node lists starting at x and ending at y. */
  static List<int[]> simplePaths(Graph g, int x, int y) {
    List<int[]> out = new ArrayList<>();
    int[] path = new int[g.size()];
    boolean[] on = new boolean[g.size()];
    path[0] = x;
    on[x] = true;
    extend(g, y, path, 1, on, out);
    return out;
  }

  private static void extend(Graph g, int y, int[] path, int len, boolean[] on, List<int[]> out) {
    int last = path[len - 1];
    for (int w = 0; w < g.size(); w++) {
      if (on[w] || !g.isAdjacent(last, w)) {
        continue;
      }
      path[len] = w;
      if (w == y) {
        out.add(java.util.Arrays.copyOf(path, len + 1));
        continue;
      }
      on[w] = true;
      extend(g, y, path, len + 1, on, out);
      on[w] = false;
    }
  }

  /**
   * True if the path is open given z: every collider is an ancestor of a member of z (or in z),
   * every other inner node is outside z (the definition of d-/m-connection, e.g. Richardson &amp;
   * Spirtes 2002, §3.1).
   */
  static boolean isOpen(Graph g, int[] path, boolean[] inZ, boolean[] ancestorOfZ) {
    for (int i = 1; i < path.length - 1; i++) {
      int v = path[i];
      boolean collider = g.endpoint(path[i - 1], v) == Endpoint.ARROW
          && g.endpoint(path[i + 1], v) == Endpoint.ARROW;
      if (collider ? !ancestorOfZ[v] : inZ[v]) {
        return false;
      }
    }
    return true;
  }

  /** All subsets of {@code from} with at most {@code maxSize} elements. */
  static List<int[]> subsets(int[] from, int maxSize) {
    List<int[]> out = new ArrayList<>();
    for (int mask = 0; mask < (1 << from.length); mask++) {
      if (Integer.bitCount(mask) <= maxSize) {
        int[] s = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int i = 0; i < from.length; i++) {
          if ((mask & (1 << i)) != 0) {
            s[k++] = from[i];
          }
        }
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Every DAG with the skeleton of {@code g} (its edges read without marks), by trying all 2^E
   * orientations.
   */
  static List<Graph> allDagsOnSkeleton(Graph g) {
    List<Edge> edges = g.edges();
    List<Graph> out = new ArrayList<>();
    for (long mask = 0; mask < (1L << edges.size()); mask++) {
      MutableGraph d = new MutableGraph(g.nodeNames(), GraphKind.DAG);
      for (int i = 0; i < edges.size(); i++) {
        Edge e = edges.get(i);
        if ((mask & (1L << i)) == 0) {
          d.addDirectedEdge(e.from(), e.to());
        } else {
          d.addDirectedEdge(e.to(), e.from());
        }
      }
      if (isAcyclic(d)) {
        out.add(d.snapshot());
      }
    }
    return out;
  }

  static boolean isAcyclic(Graph d) {
    boolean[][] anc = ancestorMatrix(d);
    for (int u = 0; u < d.size(); u++) {
      for (int v = 0; v < d.size(); v++) {
        if (u != v && anc[u][v] && anc[v][u]) {
          return false;
        }
      }
    }
    return true;
  }

  /** The set of v-structures as "a>c<b" strings with a < b. */
  static java.util.Set<String> vStructureSet(Graph d) {
    java.util.Set<String> out = new java.util.HashSet<>();
    int p = d.size();
    for (int c = 0; c < p; c++) {
      for (int a = 0; a < p; a++) {
        for (int b = a + 1; b < p; b++) {
          if (d.isDirected(a, c) && d.isDirected(b, c) && !d.isAdjacent(a, b)) {
            out.add(a + ">" + c + "<" + b);
          }
        }
      }
    }
    return out;
  }

  /** The DAGs Markov equivalent to {@code dag}: same skeleton, same v-structures. */
  static List<Graph> markovEquivalenceClass(Graph dag) {
    java.util.Set<String> v = vStructureSet(dag);
    List<Graph> out = new ArrayList<>();
    for (Graph d : allDagsOnSkeleton(dag)) {
      if (vStructureSet(d).equals(v)) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The graph over {@code members}' skeleton with an edge directed where every member directs it
   * the same way and undirected otherwise.
   */
  static Graph commonOrientation(Graph skeleton, List<Graph> members) {
    MutableGraph out = new MutableGraph(skeleton.nodeNames(), GraphKind.CPDAG);
    for (Edge e : skeleton.edges()) {
      boolean allForward = true;
      boolean allBackward = true;
      for (Graph d : members) {
        allForward &= d.isDirected(e.from(), e.to());
        allBackward &= d.isDirected(e.to(), e.from());
      }
      if (allForward) {
        out.addDirectedEdge(e.from(), e.to());
      } else if (allBackward) {
        out.addDirectedEdge(e.to(), e.from());
      } else {
        out.addUndirectedEdge(e.from(), e.to());
      }
    }
    return out.snapshot();
  }
}
