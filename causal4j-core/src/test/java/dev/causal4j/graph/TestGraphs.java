package dev.causal4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
   * A graph from edges such as {@code "A --> B; B <-> C; C o-> D"} ({@link GraphText}), with the
   * nodes in {@code latent} flagged latent.
   */
  static MutableGraph parse(String edges, String... latent) {
    MutableGraph g = GraphText.parse(edges);
    for (String l : latent) {
      g.setLatent(g.requireIndex(l), true);
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

  static boolean isColliderOn(Graph g, int[] path, int i) {
    return g.endpoint(path[i - 1], path[i]) == Endpoint.ARROW
        && g.endpoint(path[i + 1], path[i]) == Endpoint.ARROW;
  }

  /** m-separation by the definition: no path open given z ({@link BruteForce#isOpen}). */
  static boolean separatedByPaths(Graph g, int x, int y, int[] z) {
    boolean[][] anc = BruteForce.ancestorMatrix(g);
    boolean[] inZ = new boolean[g.size()];
    boolean[] ancestorOfZ = new boolean[g.size()];
    for (int v : z) {
      inZ[v] = true;
      for (int u = 0; u < g.size(); u++) {
        ancestorOfZ[u] |= anc[u][v];
      }
    }
    for (int[] path : BruteForce.simplePaths(g, x, y)) {
      if (BruteForce.isOpen(g, path, inZ, ancestorOfZ)) {
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
    boolean[][] anc = BruteForce.ancestorMatrix(dag);
    for (int[] path : BruteForce.simplePaths(dag, a, b)) {
      boolean ok = true;
      for (int i = 1; i < path.length - 1 && ok; i++) {
        int v = path[i];
        boolean collider = isColliderOn(dag, path, i);
        ok = (collider || dag.isLatent(v)) && (!collider || anc[v][a] || anc[v][b]);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  static int[] others(int p, int... excluded) {
    BitSet ex = new BitSet();
    for (int v : excluded) {
      ex.set(v);
    }
    return java.util.stream.IntStream.range(0, p).filter(v -> !ex.get(v)).toArray();
  }

  // ---- Markov equivalence classes by enumeration --------------------------------------------

  /** Ancestral by the definition (no selection variables), from the brute-force ancestors. */
  static boolean ancestralByDefinition(Graph g) {
    if (!BruteForce.isAcyclic(g)) {
      return false;
    }
    boolean[][] anc = BruteForce.ancestorMatrix(g);
    for (Edge e : g.edges()) {
      if (g.isBidirected(e.from(), e.to()) && (anc[e.from()][e.to()] || anc[e.to()][e.from()])) {
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
    SeparationIndex magIndex = SeparationIndex.of(mag);
    for (int[] pair : pairs) {
      List<int[]> zs = new ArrayList<>();
      zs.addAll(BruteForce.subsets(others(n, pair[0], pair[1]), n));
      boolean[] t = new boolean[zs.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = magIndex.isSeparated(pair[0], pair[1], zs.get(i));
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
      SeparationIndex index = SeparationIndex.of(h);
      for (int i = 0; i < pairs.size(); i++) {
        if (!index.isSeparated(pairs.get(i)[0], pairs.get(i)[1], canonical.get(i))) {
          return false;
        }
      }
      for (int i = 0; i < pairs.size(); i++) {
        for (int k = 0; k < truth.get(i).length; k++) {
          if (index.isSeparated(pairs.get(i)[0], pairs.get(i)[1], sets.get(i).get(k))
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

  // ---- MAG from PAG ---------------------------------------------------------------------

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
