package dev.causal4j.discovery.fci;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Mag;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** The random DAGs with hidden confounders the FCI-family oracle tests share. */
final class OracleGraphs {
  private OracleGraphs() {}

  /** No node of the true MAG may have more neighbours than this (see {@link #family}). */
  static final int MAX_MAG_DEGREE = 12;

  /**
   * The first {@code count} graphs of {@link #randomDagWithLatents} (seeds 0, 1, …) whose MAG has
   * no node with more than {@link #MAX_MAG_DEGREE} neighbours: the skeleton search tests all
   * subsets of a node's neighbours, so a hub of 20 would cost millions of oracle calls for
   * nothing the test needs.
   */
  static List<Graph> family(int count) {
    List<Graph> out = new ArrayList<>();
    for (long seed = 0; out.size() < count; seed++) {
      Graph dag = randomDagWithLatents(seed);
      Graph mag = Mag.ofDag(dag);
      int max = 0;
      for (int v = 0; v < mag.size(); v++) {
        max = Math.max(max, mag.degree(v));
      }
      if (max <= MAX_MAG_DEGREE) {
        out.add(dag);
      }
    }
    return out;
  }

  /**
   * Seed {@code s}: 10–40 nodes, Erdős–Rényi (even seeds) or scale-free (odd), average degree
   * 1.5, 2 or 2.5, and about one node in eight (at least one) hidden, chosen among the nodes with
   * two to four children. A hidden hub would join all its children pairwise in the MAG, and the
   * skeleton search on such a clique costs exponentially many tests (whatever the algorithm) while
   * adding nothing to what the test proves.
   */
  static Graph randomDagWithLatents(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    int p = 10 + (int) (seed % 31);
    double degree = new double[] {1.5, 2, 2.5}[(int) (seed % 3)];
    Graph dag = seed % 2 == 0
        ? RandomGraphs.erdosRenyiDag(p, degree, rng)
        : RandomGraphs.scaleFreeDag(p, degree, rng);
    return withLatents(dag, Math.max(1, p / 8), 4, rng);
  }

  /** The gadget's nodes and edges (see {@link #possibleDsepGadget}). */
  static final List<String> GADGET_NODES =
      List.of("GX", "GY", "GA", "GB", "GC", "GE", "GL1", "GL2");

  private static final String[][] GADGET_EDGES = {
      {"GL1", "GX"}, {"GL1", "GA"}, {"GB", "GA"}, {"GB", "GY"}, {"GA", "GY"},
      {"GL2", "GY"}, {"GL2", "GC"}, {"GE", "GC"}, {"GE", "GX"}, {"GC", "GX"}};

  /**
   * A DAG whose hidden nodes make Possible-D-SEP necessary. With {@code L1}, {@code L2} hidden,
   * its MAG is {@code X <-> A <-- B --> Y <-- A}, {@code Y <-> C <-- E --> X <-- C}: {@code X}
   * and {@code Y} are separated only by {@code {A, B, C, E}} (A and C block {@code X <-> A --> Y}
   * and {@code X <-- C <-> Y}, but as colliders on {@code X <-> A <-- B --> Y} and {@code X <--
   * E --> C <-> Y} they open those unless B and E are given too). B is not adjacent to X, nor E to
   * Y, so no set of neighbours of either separates them and the skeleton search keeps {@code X
   * *-* Y}; B is in Possible-D-SEP(X) through the collider at A. Node names are {@code G*}.
   */
  static Graph possibleDsepGadget() {
    MutableGraph g = new MutableGraph(GADGET_NODES);
    addGadget(g, 0);
    return g.snapshot();
  }

  private static void addGadget(MutableGraph g, int first) {
    for (String[] e : GADGET_EDGES) {
      g.addDirectedEdge(first + GADGET_NODES.indexOf(e[0]), first + GADGET_NODES.indexOf(e[1]));
    }
    g.setLatent(first + GADGET_NODES.indexOf("GL1"), true);
    g.setLatent(first + GADGET_NODES.indexOf("GL2"), true);
  }

  /**
   * Seed {@code s}: the graph {@link #randomDagWithLatents} makes for it and the {@link
   * #possibleDsepGadget}, joined by one to three edges from random nodes into the gadget's
   * sources {@code B} and {@code E} (which keeps {@code X}, {@code Y} separated only by {@code
   * {A, B, C, E}}).
   */
  static Graph withPlantedGadget(long seed) {
    Graph base = randomDagWithLatents(seed);
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(~seed);
    List<String> names = new ArrayList<>(base.nodeNames());
    names.addAll(GADGET_NODES);
    MutableGraph g = new MutableGraph(names);
    for (var e : base.edges()) {
      g.setEdge(e.from(), e.to(), e.atFrom(), e.atTo());
    }
    for (int v = 0; v < base.size(); v++) {
      g.setLatent(v, base.isLatent(v));
    }
    int first = base.size();
    addGadget(g, first);
    int links = 1 + rng.nextInt(3);
    for (int k = 0; k < links; k++) {
      String into = rng.nextBoolean() ? "GB" : "GE";
      g.addDirectedEdge(rng.nextInt(base.size()), first + GADGET_NODES.indexOf(into));
    }
    return g.snapshot();
  }

  /**
   * A copy of {@code dag} with up to {@code count} nodes flagged latent, chosen at random among
   * those with two to {@code maxChildren} children.
   */
  static Graph withLatents(Graph dag, int count, int maxChildren, UniformRandomProvider rng) {
    List<Integer> candidates = new ArrayList<>();
    for (int v = 0; v < dag.size(); v++) {
      int c = dag.children(v).length;
      if (c >= 2 && c <= maxChildren) {
        candidates.add(v);
      }
    }
    MutableGraph g = dag.mutableCopy();
    for (int k = 0; k < Math.min(count, candidates.size()); k++) {
      int pick = k + rng.nextInt(candidates.size() - k);
      Integer tmp = candidates.get(k);
      candidates.set(k, candidates.get(pick));
      candidates.set(pick, tmp);
      g.setLatent(candidates.get(k), true);
    }
    return g.snapshot();
  }
}
