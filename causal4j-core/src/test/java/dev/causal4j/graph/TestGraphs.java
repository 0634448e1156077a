package dev.causal4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Test helpers: a compact way to write graphs, and brute-force oracles (path enumeration, whole
 * Markov equivalence classes) that are slow but independent of the code under test.
 */
final class TestGraphs {
  private TestGraphs() {}

  /**
   * A graph from edges such as {@code "A --> B; B <-> C; C o-> D"}. Nodes appear in the order
   * first named; nodes listed in {@code latent} are flagged latent.
   */
  static MutableGraph parse(String edges, String... latent) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    List<String[]> parts = new ArrayList<>();
    for (String e : edges.split(";")) {
      String[] t = e.trim().split("\\s+");
      if (t.length == 1 && !t[0].isEmpty()) {
        names.add(t[0]);
        continue;
      }
      if (t.length != 3) {
        throw new IllegalArgumentException("not an edge: '" + e + "'");
      }
      names.add(t[0]);
      names.add(t[2]);
      parts.add(t);
    }
    names.addAll(Arrays.asList(latent));
    MutableGraph g = new MutableGraph(new ArrayList<>(names));
    for (String[] t : parts) {
      Endpoint[] m = Edge.parseSymbol(t[1]);
      g.setEdge(g.indexOf(t[0]), g.indexOf(t[2]), m[0], m[1]);
    }
    for (String l : latent) {
      g.setLatent(g.indexOf(l), true);
    }
    return g;
  }

  static MutableGraph parse(GraphKind kind, String edges, String... latent) {
    return parse(edges, latent).setKind(kind);
  }

  /** The edge between two named nodes, read from the first: e.g. {@code "o->"}, or null. */
  static String symbol(Graph g, String a, String b) {
    return g.edge(g.requireIndex(a), g.requireIndex(b)).map(Edge::symbol).orElse(null);
  }

  static UniformRandomProvider rng(long seed) {
    return RandomSource.SPLIT_MIX_64.create(seed);
  }

  /**
   * A random DAG over {@code p} nodes with up to {@code latents} hidden confounders (fewer when
   * too few nodes have two children).
   */
  static Graph randomDagWithLatents(long seed, int p, double degree, int latents) {
    UniformRandomProvider rng = rng(seed);
    Graph dag = seed % 2 == 0 ? RandomGraphs.erdosRenyiDag(p, degree, rng)
        : RandomGraphs.scaleFreeDag(p, degree, rng);
    int candidates = 0;
    for (int v = 0; v < p; v++) {
      if (dag.children(v).length >= 2) {
        candidates++;
      }
    }
    return RandomGraphs.withLatentConfounders(dag, Math.min(latents, candidates), rng);
  }

  // ---- path enumeration ---------------------------------------------------------------------

  /** Every simple path from {@code x} to {@code y}, as node lists. */
  static List<int[]> simplePaths(Graph g, int x, int y) {
    List<int[]> out = new ArrayList<>();
    int[] path = new int[g.size()];
    boolean[] on = new boolean[g.size()];
    path[0] = x;
    on[x] = true;
    extend(g, path, 1, on, y, out);
    return out;
  }

  private static void extend(Graph g, int[] path, int len, boolean[] on, int y, List<int[]> out) {
    int v = path[len - 1];
    for (int w : g.adjacentNodes(v)) {
      if (w == y) {
        int[] p = Arrays.copyOf(path, len + 1);
        p[len] = y;
        out.add(p);
      } else if (!on[w]) {
        on[w] = true;
        path[len] = w;
        extend(g, path, len + 1, on, y, out);
        on[w] = false;
      }
    }
  }

  static boolean isColliderOn(Graph g, int[] path, int i) {
    return g.endpoint(path[i - 1], path[i]) == Endpoint.ARROW
        && g.endpoint(path[i + 1], path[i]) == Endpoint.ARROW;
  }

  /** m-separation by the definition: no path whose colliders are in An(Z) and others not in Z. */
  static boolean separatedByPaths(Graph g, int x, int y, BitSet z) {
    BitSet anZ = Graphs.ancestors(g, z.stream().toArray());
    for (int[] path : simplePaths(g, x, y)) {
      boolean open = true;
      for (int i = 1; i < path.length - 1 && open; i++) {
        open = isColliderOn(g, path, i) ? anZ.get(path[i]) : !z.get(path[i]);
      }
      if (open) {
        return false;
      }
    }
    return true;
  }

  /**
   * An inducing path relative to the latent nodes, by the definition (Richardson &amp; Spirtes
   * 2002): every observed inner node a collider, every collider an ancestor of {@code a} or
   * {@code b}.
   */
  static boolean inducingPathByPaths(Graph dag, int a, int b) {
    BitSet an = Graphs.ancestors(dag, a, b);
    for (int[] path : simplePaths(dag, a, b)) {
      boolean ok = true;
      for (int i = 1; i < path.length - 1 && ok; i++) {
        boolean collider = isColliderOn(dag, path, i);
        ok = (collider || dag.isLatent(path[i])) && (!collider || an.get(path[i]));
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** Every subset of {@code nodes} with at most {@code maxSize} members. */
  static List<BitSet> subsets(int[] nodes, int maxSize) {
    List<BitSet> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << nodes.length; mask++) {
      if (Integer.bitCount(mask) <= maxSize) {
        BitSet s = new BitSet();
        for (int i = 0; i < nodes.length; i++) {
          if ((mask >> i & 1) == 1) {
            s.set(nodes[i]);
          }
        }
        out.add(s);
      }
    }
    return out;
  }

  static int[] others(int p, int... excluded) {
    BitSet ex = new BitSet();
    for (int v : excluded) {
      ex.set(v);
    }
    return java.util.stream.IntStream.range(0, p).filter(v -> !ex.get(v)).toArray();
  }

  // ---- Markov equivalence classes by enumeration --------------------------------------------

  /** Ancestral by the definition, using only {@code Graphs} (not the code under test). */
  static boolean ancestralByDefinition(Graph g) {
    if (Graphs.findDirectedCycle(g).isPresent()) {
      return false;
    }
    for (Edge e : g.edges()) {
      if (g.isBidirected(e.from(), e.to())
          && (Graphs.isAncestor(g, e.from(), e.to()) || Graphs.isAncestor(g, e.to(), e.from()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every MAG Markov equivalent to {@code mag}: same skeleton, each edge one of {@code -->},
   * {@code <--}, {@code <->}, ancestral, with the same m-separations for every non-adjacent pair
   * and every conditioning set. Backtracking prunes on unshielded colliders, which equivalent
   * MAGs share. Exponential: for graphs of up to about 8 nodes and 14 edges.
   */
  static List<Graph> markovEquivalenceClass(Graph mag) {
    int n = mag.size();
    List<Edge> edges = mag.edges();
    int m = edges.size();
    int[][] edgeIndex = new int[n][n];
    for (int[] row : edgeIndex) {
      Arrays.fill(row, -1);
    }
    for (int k = 0; k < m; k++) {
      edgeIndex[edges.get(k).from()][edges.get(k).to()] = k;
      edgeIndex[edges.get(k).to()][edges.get(k).from()] = k;
    }
    // Unshielded triples, checked once the later of their two edges is assigned.
    List<List<int[]>> triplesAt = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      triplesAt.add(new ArrayList<>());
    }
    for (int b = 0; b < n; b++) {
      int[] adj = mag.adjacentNodes(b);
      for (int i = 0; i < adj.length; i++) {
        for (int j = i + 1; j < adj.length; j++) {
          int a = adj[i];
          int c = adj[j];
          if (!mag.isAdjacent(a, c)) {
            int collider = mag.endpoint(a, b) == Endpoint.ARROW
                && mag.endpoint(c, b) == Endpoint.ARROW ? 1 : 0;
            int later = Math.max(edgeIndex[a][b], edgeIndex[c][b]);
            triplesAt.get(later).add(new int[] {a, b, c, collider});
          }
        }
      }
    }
    // The separations to match.
    List<int[]> pairs = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (!mag.isAdjacent(a, b)) {
          pairs.add(new int[] {a, b});
        }
      }
    }
    List<List<int[]>> sets = new ArrayList<>();
    List<boolean[]> truth = new ArrayList<>();
    for (int[] pair : pairs) {
      List<int[]> zs = new ArrayList<>();
      for (BitSet z : subsets(others(n, pair[0], pair[1]), n)) {
        zs.add(z.stream().toArray());
      }
      boolean[] t = new boolean[zs.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = Separation.isSeparated(mag, pair[0], pair[1], zs.get(i));
      }
      sets.add(zs);
      truth.add(t);
    }
    MutableGraph work = new MutableGraph(mag.nodeNames(), GraphKind.MAG);
    List<Graph> out = new ArrayList<>();
    // The separating set An({a,b}) minus {a,b} of each pair in the MAG, checked first: it rejects
    // most candidates that are not equivalent at the cost of one query per pair.
    List<int[]> canonical = new ArrayList<>();
    for (int[] pair : pairs) {
      BitSet an = Graphs.ancestors(mag, pair[0], pair[1]);
      an.clear(pair[0]);
      an.clear(pair[1]);
      canonical.add(an.stream().toArray());
    }
    Predicate<Graph> equivalent = h -> {
      if (!ancestralByDefinition(h)) {
        return false;
      }
      for (int i = 0; i < pairs.size(); i++) {
        if (!Separation.isSeparated(h, pairs.get(i)[0], pairs.get(i)[1], canonical.get(i))) {
          return false;
        }
      }
      for (int i = 0; i < pairs.size(); i++) {
        for (int k = 0; k < truth.get(i).length; k++) {
          if (Separation.isSeparated(h, pairs.get(i)[0], pairs.get(i)[1], sets.get(i).get(k))
              != truth.get(i)[k]) {
            return false;
          }
        }
      }
      return true;
    };
    assign(work, edges, 0, triplesAt, equivalent, out);
    return out;
  }

  private static void assign(MutableGraph work, List<Edge> edges, int k,
      List<List<int[]>> triplesAt, Predicate<Graph> equivalent, List<Graph> out) {
    if (k == edges.size()) {
      if (equivalent.test(work)) {
        out.add(work.snapshot());
      }
      return;
    }
    int a = edges.get(k).from();
    int b = edges.get(k).to();
    Endpoint[][] options = {
        {Endpoint.TAIL, Endpoint.ARROW}, {Endpoint.ARROW, Endpoint.TAIL},
        {Endpoint.ARROW, Endpoint.ARROW}};
    for (Endpoint[] o : options) {
      work.setEdge(a, b, o[0], o[1]);
      boolean ok = true;
      for (int[] t : triplesAt.get(k)) {
        boolean collider = work.endpoint(t[0], t[1]) == Endpoint.ARROW
            && work.endpoint(t[2], t[1]) == Endpoint.ARROW;
        if (collider != (t[3] == 1)) {
          ok = false;
          break;
        }
      }
      if (ok && ancestralByDefinition(work)) { // adding edges never repairs a violation
        assign(work, edges, k + 1, triplesAt, equivalent, out);
      }
    }
    work.removeEdge(a, b);
  }

  /**
   * The PAG by its definition: the skeleton, with a mark where every member of the class has it
   * and a circle where members differ.
   */
  static Graph pagFromClass(Graph anyMember, List<Graph> members) {
    MutableGraph pag = new MutableGraph(anyMember.nodeNames(), GraphKind.PAG);
    for (Edge e : anyMember.edges()) {
      pag.setEdge(e.from(), e.to(), common(members, e.to(), e.from()),
          common(members, e.from(), e.to()));
    }
    return pag.snapshot();
  }

  private static Endpoint common(List<Graph> members, int from, int to) {
    Endpoint mark = members.get(0).endpoint(from, to);
    for (Graph h : members) {
      if (h.endpoint(from, to) != mark) {
        return Endpoint.CIRCLE;
      }
    }
    return mark;
  }

  // ---- CPDAG by enumeration, MAG from PAG ---------------------------------------------------

  /**
   * The CPDAG of a small DAG by its definition (Verma &amp; Pearl 1990): over every orientation of
   * the skeleton that is acyclic with the same unshielded colliders, an edge stays directed if
   * all members agree and becomes {@code ---} otherwise.
   */
  static Graph cpdagByEnumeration(Graph dag) {
    List<Edge> edges = dag.edges();
    int m = edges.size();
    if (m > 20) {
      throw new IllegalArgumentException("too many edges to enumerate: " + m);
    }
    boolean[] forward = new boolean[m];
    boolean[] backward = new boolean[m];
    java.util.Set<String> colliders = unshieldedColliders(dag);
    for (long mask = 0; mask < 1L << m; mask++) {
      MutableGraph h = new MutableGraph(dag.nodeNames());
      for (int k = 0; k < m; k++) {
        Edge e = edges.get(k);
        if ((mask >> k & 1) == 0) {
          h.addDirectedEdge(e.from(), e.to());
        } else {
          h.addDirectedEdge(e.to(), e.from());
        }
      }
      if (Graphs.findDirectedCycle(h).isEmpty() && unshieldedColliders(h).equals(colliders)) {
        for (int k = 0; k < m; k++) {
          if ((mask >> k & 1) == 0) {
            forward[k] = true;
          } else {
            backward[k] = true;
          }
        }
      }
    }
    MutableGraph cpdag = new MutableGraph(dag.nodeNames(), GraphKind.CPDAG);
    for (int k = 0; k < m; k++) {
      Edge e = edges.get(k);
      if (forward[k] && backward[k]) {
        cpdag.addUndirectedEdge(e.from(), e.to());
      } else if (forward[k]) {
        cpdag.addDirectedEdge(e.from(), e.to());
      } else {
        cpdag.addDirectedEdge(e.to(), e.from());
      }
    }
    return cpdag.snapshot();
  }

  private static java.util.Set<String> unshieldedColliders(Graph g) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int b = 0; b < g.size(); b++) {
      int[] pa = g.parents(b);
      for (int i = 0; i < pa.length; i++) {
        for (int j = i + 1; j < pa.length; j++) {
          if (!g.isAdjacent(pa[i], pa[j])) {
            out.add(pa[i] + ">" + b + "<" + pa[j]);
          }
        }
      }
    }
    return out;
  }

  /**
   * A MAG in the class of a PAG without selection bias, by Zhang's (2008) construction: every
   * {@code o->} becomes {@code -->}, and the {@code o-o} edges are oriented along a maximum
   * cardinality search order (which starts at {@code start}; ties go to the lowest index), which
   * orients a chordal graph acyclically without unshielded colliders.
   */
  static Graph magFromPag(Graph pag, int start) {
    int p = pag.size();
    MutableGraph mag = new MutableGraph(pag.nodeNames(), GraphKind.MAG);
    for (Edge e : pag.edges()) {
      Endpoint a = e.atFrom() == Endpoint.CIRCLE && e.atTo() == Endpoint.ARROW ? Endpoint.TAIL
          : e.atFrom();
      mag.setEdge(e.from(), e.to(), a, e.atTo());
    }
    int[] order = new int[p];
    Arrays.fill(order, -1);
    int[] weight = new int[p];
    for (int k = 0; k < p; k++) {
      int pick = -1;
      if (k == 0) {
        pick = start;
      } else {
        for (int v = 0; v < p; v++) {
          if (order[v] < 0 && (pick < 0 || weight[v] > weight[pick])) {
            pick = v;
          }
        }
      }
      order[pick] = k;
      for (int u : pag.adjacentNodes(pick)) {
        if (pag.endpoint(u, pick) == Endpoint.CIRCLE && pag.endpoint(pick, u) == Endpoint.CIRCLE) {
          weight[u]++;
        }
      }
    }
    for (Edge e : pag.edges()) {
      if (e.atFrom() == Endpoint.CIRCLE && e.atTo() == Endpoint.CIRCLE) {
        if (order[e.from()] < order[e.to()]) {
          mag.addDirectedEdge(e.from(), e.to());
        } else {
          mag.addDirectedEdge(e.to(), e.from());
        }
      }
    }
    return mag.snapshot();
  }

  /** The marks of a PAG that are circles, as (from, to) pairs: the circle is at {@code to}. */
  static List<int[]> circles(Graph pag) {
    List<int[]> out = new ArrayList<>();
    for (Edge e : pag.edges()) {
      if (e.atTo() == Endpoint.CIRCLE) {
        out.add(new int[] {e.from(), e.to()});
      }
      if (e.atFrom() == Endpoint.CIRCLE) {
        out.add(new int[] {e.to(), e.from()});
      }
    }
    return out;
  }

  /** The MAG's answer to "is b in the separating set of a and c": b in An({a, c}). */
  static FciOrientation.SepsetLookup sepsetsOf(Graph mag) {
    BitSet[] anc = new BitSet[mag.size()];
    for (int v = 0; v < mag.size(); v++) {
      anc[v] = Graphs.ancestors(mag, v);
    }
    return (a, b, c) -> anc[a].get(b) || anc[c].get(b);
  }

  /** The skeleton of a graph with every mark a circle. */
  static MutableGraph circleSkeleton(Graph g) {
    MutableGraph out = new MutableGraph(g.nodeNames(), GraphKind.PAG);
    for (Edge e : g.edges()) {
      out.addNondirectedEdge(e.from(), e.to());
    }
    return out;
  }
}
