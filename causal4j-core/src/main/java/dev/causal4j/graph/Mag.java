package dev.causal4j.graph;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Maximal ancestral graphs (Richardson &amp; Spirtes 2002, "Ancestral graph Markov models", Ann.
 * Statist. 30): the latent projection of a DAG with hidden nodes onto its observed nodes, and the
 * checks that a mixed graph is ancestral and maximal.
 *
 * <p>Only hidden (latent) variables are handled, not selection variables: the MAGs built here
 * have {@code -->} and {@code <->} edges only, never {@code ---}.
 */
public final class Mag {
  private Mag() {}

  /**
   * The MAG over the observed nodes of a DAG whose hidden nodes are flagged {@link
   * Graph#isLatent latent} (Richardson &amp; Spirtes 2002, §4.2.3). Observed {@code a} and {@code b}
   * are adjacent iff an inducing path relative to the latent nodes joins them in the DAG; the mark
   * at {@code a} is a tail if {@code a} is an ancestor of {@code b} in the DAG and an arrowhead
   * otherwise. The MAG's m-separations among observed nodes are the DAG's d-separations.
   *
   * <p>Adjacency is decided without enumerating paths: an inducing path joins {@code a} and
   * {@code b} iff they are d-connected given {@code Z = (An({a,b}) ∩ observed) ∖ {a,b}} (an open
   * path given {@code Z} stays inside {@code An({a,b})}, so its non-colliders are latent and its
   * colliders ancestors of {@code a} or {@code b}; conversely an inducing path is open given every
   * set of observed nodes). By Lauritzen's moral-graph criterion that d-connection is a walk from
   * {@code a} to {@code b} in the moral graph of the DAG restricted to {@code An({a,b})} through
   * latent nodes only; each pair costs one such walk, linear in the size of the DAG.
   *
   * @return a graph of kind {@link GraphKind#MAG} over the observed nodes, in the DAG's node order
   * @throws InvalidInputException if the graph is not a DAG
   */
  public static Graph ofDag(Graph dagWithLatents) {
    requireDag(dagWithLatents, "Mag.ofDag");
    Graph dag = dagWithLatents;
    int p = dag.size();
    int[] observed = Graphs.observedNodes(dag);
    BitSet[] anc = ancestorSets(dag);
    int[][] parents = new int[p][];
    int[][] children = new int[p][];
    for (int v = 0; v < p; v++) {
      parents[v] = dag.parents(v);
      children[v] = dag.children(v);
    }
    MutableGraph mag = new MutableGraph(Graphs.names(dag, observed), GraphKind.MAG);
    int[] stamp = new int[p];
    int[] queue = new int[p];
    int round = 0;
    BitSet within = new BitSet(p);
    for (int i = 0; i < observed.length; i++) {
      int a = observed[i];
      for (int j = i + 1; j < observed.length; j++) {
        int b = observed[j];
        within.clear();
        within.or(anc[a]);
        within.or(anc[b]);
        if (++round == Integer.MAX_VALUE) {
          java.util.Arrays.fill(stamp, 0);
          round = 1;
        }
        if (moralWalkThroughLatents(dag, a, b, within, parents, children, stamp, round, queue)) {
          mag.setEdge(i, j, anc[b].get(a) ? Endpoint.TAIL : Endpoint.ARROW,
              anc[a].get(b) ? Endpoint.TAIL : Endpoint.ARROW);
        }
      }
    }
    return mag.snapshot();
  }

  /**
   * True if {@code b} can be reached from {@code a} in the moral graph of the DAG restricted to
   * {@code within} (an ancestral set holding both) by a walk whose inner nodes are latent.
   */
  private static boolean moralWalkThroughLatents(Graph dag, int a, int b, BitSet within,
      int[][] parents, int[][] children, int[] stamp, int round, int[] queue) {
    int head = 0;
    int tail = 0;
    stamp[a] = round;
    queue[tail++] = a;
    while (head < tail) {
      int v = queue[head++];
      // Moral neighbours inside an ancestral set: parents, children in the set, and the other
      // parents of those children (all in the set, since it is ancestral).
      for (int u : parents[v]) {
        if (u == b) {
          return true;
        }
        if (stamp[u] != round && dag.isLatent(u)) {
          stamp[u] = round;
          queue[tail++] = u;
        }
      }
      for (int c : children[v]) {
        if (!within.get(c)) {
          continue;
        }
        if (c == b) {
          return true;
        }
        if (stamp[c] != round && dag.isLatent(c)) {
          stamp[c] = round;
          queue[tail++] = c;
        }
        for (int u : parents[c]) {
          if (u == b) {
            return true;
          }
          if (stamp[u] != round && dag.isLatent(u)) {
            stamp[u] = round;
            queue[tail++] = u;
          }
        }
      }
    }
    return false;
  }

  /**
   * True if the graph is ancestral (Richardson &amp; Spirtes 2002, Def. 3.7): its edges are
   * {@code -->}, {@code <->} or {@code ---}; it has no directed cycle; no {@code a <-> b} where
   * {@code a} is an ancestor of {@code b}; and no endpoint of a {@code ---} edge has a parent or a
   * spouse. A graph with circle marks is not ancestral.
   */
  public static boolean isAncestral(Graph g) {
    return ancestralViolation(g) == null;
  }

  /**
   * True if the graph is ancestral and maximal: no two non-adjacent nodes are joined by an
   * inducing path (every inner node a collider and an ancestor of an endpoint), so every missing
   * edge stands for some m-separation (Richardson &amp; Spirtes 2002, Thm. 4.2 and Def. 3.11).
   */
  public static boolean isMaximal(Graph g) {
    return ancestralViolation(g) == null && maximalityViolation(g, ancestorSets(g)) == null;
  }

  /**
   * True if the graph is a MAG as Causal4J builds them (no selection variables): only {@code -->}
   * and {@code <->} edges, ancestral and maximal, and no node flagged latent.
   */
  public static boolean isMag(Graph g) {
    return magViolation(g) == null;
  }

  /**
   * True if an inducing path joins {@code a} and {@code b} in an ancestral graph: a path whose
   * inner nodes are all colliders and ancestors of {@code a} or {@code b}. Found by a walk over
   * such colliders (a walk can be shortened to a path without losing either property), in linear
   * time.
   *
   * @throws IllegalArgumentException if the graph is not ancestral
   */
  public static boolean hasInducingPath(Graph g, int a, int b) {
    String bad = ancestralViolation(g);
    if (bad != null) {
      throw new IllegalArgumentException("the graph is not ancestral: " + bad);
    }
    BitSet[] anc = ancestorSets(g);
    return inducingPath(g, a, b, anc, new boolean[g.size()], new int[g.size()]);
  }

  private static boolean inducingPath(Graph g, int a, int b, BitSet[] anc, boolean[] seen,
      int[] queue) {
    java.util.Arrays.fill(seen, false);
    int head = 0;
    int tail = 0;
    for (int w : g.adjacentNodes(a)) {
      if (w == b) {
        return true;
      }
      if (g.endpoint(a, w) == Endpoint.ARROW && (anc[a].get(w) || anc[b].get(w))) {
        seen[w] = true;
        queue[tail++] = w;
      }
    }
    seen[a] = true;
    while (head < tail) {
      int v = queue[head++];
      for (int w : g.adjacentNodes(v)) {
        if (g.endpoint(w, v) != Endpoint.ARROW) {
          continue; // v would not be a collider
        }
        if (w == b) {
          return true;
        }
        if (!seen[w] && g.endpoint(v, w) == Endpoint.ARROW && (anc[a].get(w) || anc[b].get(w))) {
          seen[w] = true;
          queue[tail++] = w;
        }
      }
    }
    return false;
  }

  /** Why the graph is not a MAG (no selection variables), or null if it is one. */
  static String magViolation(Graph g) {
    for (int v = 0; v < g.size(); v++) {
      if (g.isLatent(v)) {
        return "node '" + g.name(v) + "' is flagged latent; a MAG is over observed nodes only"
            + " (for a DAG with hidden nodes use Mag.ofDag or Pag.ofDag)";
      }
    }
    for (Edge e : g.edges()) {
      if (!e.isDirected() && !(e.atFrom() == Endpoint.ARROW && e.atTo() == Endpoint.ARROW)) {
        return "the edge " + describe(g, e) + " is neither --> nor <->";
      }
    }
    String bad = ancestralViolation(g);
    if (bad != null) {
      return bad;
    }
    return maximalityViolation(g, ancestorSets(g));
  }

  private static String ancestralViolation(Graph g) {
    for (Edge e : g.edges()) {
      if (e.atFrom() == Endpoint.CIRCLE || e.atTo() == Endpoint.CIRCLE) {
        return "the edge " + describe(g, e) + " has a circle mark";
      }
    }
    var cycle = Graphs.findDirectedCycle(g);
    if (cycle.isPresent()) {
      return "it has a directed cycle " + Graphs.describeCycle(g, cycle.get());
    }
    BitSet[] anc = ancestorSets(g);
    for (Edge e : g.edges()) {
      int a = e.from();
      int b = e.to();
      if (g.isBidirected(a, b) && (anc[b].get(a) || anc[a].get(b))) {
        return "the edge " + describe(g, e) + " joins a node to its own ancestor";
      }
      if (g.isUndirected(a, b)) {
        for (int v : new int[] {a, b}) {
          for (int u : g.adjacentNodes(v)) {
            if (g.endpoint(u, v) == Endpoint.ARROW) {
              return "the undirected edge " + describe(g, e) + " meets an arrowhead at '"
                  + g.name(v) + "'";
            }
          }
        }
      }
    }
    return null;
  }

  private static String maximalityViolation(Graph g, BitSet[] anc) {
    int p = g.size();
    boolean[] seen = new boolean[p];
    int[] queue = new int[p];
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        if (!g.isAdjacent(a, b) && inducingPath(g, a, b, anc, seen, queue)) {
          return "it is not maximal: an inducing path joins the non-adjacent '" + g.name(a)
              + "' and '" + g.name(b) + "'";
        }
      }
    }
    return null;
  }

  /**
   * For each node, the set of its ancestors through {@code -->} edges (itself included), by one
   * pass in topological order.
   *
   * @throws IllegalArgumentException if the directed edges have a cycle
   */
  static BitSet[] ancestorSets(Graph g) {
    int p = g.size();
    BitSet[] anc = new BitSet[p];
    for (int v : Graphs.topologicalOrder(g)) {
      BitSet s = new BitSet(p);
      s.set(v);
      for (int u : g.parents(v)) {
        s.or(anc[u]);
      }
      anc[v] = s;
    }
    return anc;
  }

  static void requireDag(Graph g, String where) {
    List<String> bad = new ArrayList<>();
    for (Edge e : g.edges()) {
      if (!e.isDirected()) {
        bad.add(describe(g, e));
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidInputException(where + " needs a DAG, but the edge " + bad.get(0)
          + " is not -->" + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : ""));
    }
    var cycle = Graphs.findDirectedCycle(g);
    if (cycle.isPresent()) {
      throw new InvalidInputException(where + " needs a DAG, but the graph has the directed cycle "
          + Graphs.describeCycle(g, cycle.get()));
    }
  }

  static String describe(Graph g, Edge e) {
    return g.name(e.from()) + " " + e.symbol() + " " + g.name(e.to());
  }
}
