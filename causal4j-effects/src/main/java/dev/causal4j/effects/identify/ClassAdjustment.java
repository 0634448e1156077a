package dev.causal4j.effects.identify;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.ConsistentExtension;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Mag;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.Pag;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The generalized adjustment criterion of Perković, Textor, Kalisch &amp; Maathuis (2018,
 * "Complete graphical characterization and construction of adjustment sets in Markov equivalence
 * classes of ancestral graphs", JMLR 18) on a CPDAG or a PAG (or a MAG): a set {@code Z} is an
 * adjustment set in every DAG (MAG) of the class iff
 *
 * <ol>
 *   <li>the graph is <em>amenable</em> relative to {@code (X, Y)}: every proper possibly causal
 *       path from {@code X} to {@code Y} starts with a visible directed edge out of {@code X};
 *   <li>{@code Z} holds no node of {@code Forb(X,Y)}: the possible descendants of the nodes
 *       outside {@code X} on proper possibly causal paths, and {@code X} itself;
 *   <li>{@code Z} blocks every proper definite-status non-causal path from {@code X} to {@code Y}.
 * </ol>
 *
 * <p>A path is possibly causal when no edge on it has an arrowhead pointing back towards {@code
 * X}. In a CPDAG every directed edge is visible; in a MAG or PAG an edge {@code A --> B} is
 * visible when a node {@code C} not adjacent to {@code B} has an edge into {@code A}, or a collider
 * path into {@code A} whose inner nodes are all parents of {@code B} (Zhang 2008, "Causal
 * reasoning with ancestral graphs", JMLR 9); an invisible edge leaves room for a hidden
 * confounder of {@code A} and {@code B}.
 *
 * <p>Condition 3 is checked in its constructive form (Perković et al. 2018): by
 * d-separation in the proper back-door graph of one member of the class, a DAG consistent with
 * the CPDAG (Dor &amp; Tarsi's extension) or, for a PAG, Zhang's (2008) canonical MAG
 * (arrowheads of {@code o->} made tails, the {@code o-o} part oriented without new colliders), its
 * {@code <->} edges turned into hidden common parents. Under amenability the answer does not
 * depend on the member; tests compare it with every DAG of small classes.
 *
 * <p>For a CPDAG the optimal set of Henckel, Perković &amp; Maathuis (2022), which covers CPDAGs,
 * is {@code pa(cn(X,Y)) ∖ Forb(X,Y)}, with {@code pa} read through directed edges.
 */
final class ClassAdjustment {
  final Graph graph;
  final boolean pag;
  final BitSet x;
  final BitSet y;
  /** Nodes outside X on proper possibly causal paths from X to Y. */
  final BitSet causal;
  final BitSet forbidden;
  /** Null when amenable; otherwise the first edge out of X that breaks amenability. */
  final Edge nonAmenableEdge;

  ClassAdjustment(Graph graph, boolean pag, BitSet x, BitSet y) {
    this.graph = graph;
    this.pag = pag;
    this.x = x;
    this.y = y;
    int p = graph.size();
    int[][] forward = new int[p][];
    int[][] backward = new int[p][];
    for (int v = 0; v < p; v++) {
      forward[v] = possiblyOutOf(graph, v);
      backward[v] = possiblyInto(graph, v);
    }
    BitSet from = Sets.reach(forward, x, x);
    from.andNot(x);
    BitSet to = Sets.reach(backward, y, x);
    causal = Sets.intersect(from, to);
    BitSet forb = Sets.reach(forward, causal, new BitSet());
    forb.or(x);
    forbidden = forb;
    Edge bad = null;
    for (int a = x.nextSetBit(0); a >= 0 && bad == null; a = x.nextSetBit(a + 1)) {
      for (int w : forward[a]) {
        if (!x.get(w) && to.get(w) && !(graph.isDirected(a, w) && (!pag || isVisible(a, w)))) {
          bad = new Edge(a, w, graph.endpoint(w, a), graph.endpoint(a, w));
          break;
        }
      }
    }
    nonAmenableEdge = bad;
  }

  boolean isAmenable() {
    return nonAmenableEdge == null;
  }

  /** The nodes {@code w} such that the edge {@code v *-* w} has no arrowhead at {@code v}. */
  private static int[] possiblyOutOf(Graph g, int v) {
    int[] adj = g.adjacentNodes(v);
    int k = 0;
    for (int w : adj) {
      if (g.endpoint(w, v) != Endpoint.ARROW) {
        adj[k++] = w;
      }
    }
    return java.util.Arrays.copyOf(adj, k);
  }

  /** The nodes {@code u} such that the edge {@code u *-* v} has no arrowhead at {@code u}. */
  private static int[] possiblyInto(Graph g, int v) {
    int[] adj = g.adjacentNodes(v);
    int k = 0;
    for (int u : adj) {
      if (g.endpoint(v, u) != Endpoint.ARROW) {
        adj[k++] = u;
      }
    }
    return java.util.Arrays.copyOf(adj, k);
  }

  /** Zhang's visibility of the directed edge {@code a --> b} in a MAG or PAG. */
  boolean isVisible(int a, int b) {
    int p = graph.size();
    BitSet reached = new BitSet(p);
    reached.set(a);
    int[] stack = new int[p];
    int top = 0;
    stack[top++] = a;
    while (top > 0) {
      int u = stack[--top];
      for (int c : graph.adjacentNodes(u)) {
        if (c != b && !graph.isAdjacent(c, b) && graph.endpoint(c, u) == Endpoint.ARROW) {
          return true;
        }
      }
      // Extend the collider path: u <-> v with v --> b.
      for (int v : graph.spouses(u)) {
        if (!reached.get(v) && graph.isDirected(v, b)) {
          reached.set(v);
          stack[top++] = v;
        }
      }
    }
    return false;
  }

  /** The problem in a member of the class, where adjustment sets are read. */
  AdjustmentProblem inMember(BitSet required, BitSet unusable) {
    return AdjustmentProblem.forMember(member(), x, y, causal, forbidden, required, unusable);
  }

  /**
   * A DAG of the class: for a CPDAG a consistent extension; for a PAG or MAG the canonical DAG
   * (a hidden common parent for each {@code <->}) of the MAG itself or of Zhang's canonical MAG.
   */
  Graph member() {
    if (!pag) {
      return ConsistentExtension.of(graph).orElseThrow(() -> new InvalidInputException(
          "the CPDAG has no consistent extension: no DAG has these edges and v-structures"));
    }
    return canonicalDag(canonicalMag());
  }

  /**
   * Zhang's (2008, "On the completeness of orientation rules…") canonical MAG of the PAG:
   * {@code o->} read as {@code -->}, the {@code o-o} edges oriented without new colliders (a
   * consistent extension of that undirected part).
   *
   * @throws InvalidInputException if the result is not a MAG whose PAG is this graph, that is,
   *     the graph is not a PAG
   */
  Graph canonicalMag() {
    MutableGraph circles = new MutableGraph(graph.nodeNames());
    boolean anyCircle = false;
    for (Edge e : graph.edges()) {
      if (e.atFrom() == Endpoint.CIRCLE || e.atTo() == Endpoint.CIRCLE) {
        anyCircle = true;
      }
      if (e.atFrom() == Endpoint.CIRCLE && e.atTo() == Endpoint.CIRCLE) {
        circles.addUndirectedEdge(e.from(), e.to());
      }
    }
    Graph oriented = ConsistentExtension.of(circles).orElseThrow(() -> new InvalidInputException(
        "the graph is not a valid PAG: its o-o edges cannot be oriented without new colliders"
            + " (they do not form a chordal graph)"));
    MutableGraph mag = new MutableGraph(graph.nodeNames(), GraphKind.MAG);
    for (Edge e : graph.edges()) {
      if (e.atFrom() == Endpoint.CIRCLE && e.atTo() == Endpoint.CIRCLE) {
        continue;
      }
      if (e.atFrom() == Endpoint.ARROW && e.atTo() == Endpoint.ARROW) {
        mag.addBidirectedEdge(e.from(), e.to());
      } else if (e.atTo() == Endpoint.ARROW) {
        mag.addDirectedEdge(e.from(), e.to()); // --> and o->
      } else {
        throw new InvalidInputException("the graph has the edge " + graph.name(e.from()) + " "
            + e.symbol() + " " + graph.name(e.to()) + ", which a PAG or MAG without selection"
            + " bias cannot have");
      }
    }
    for (Edge e : oriented.edges()) {
      mag.addDirectedEdge(e.from(), e.to());
    }
    Graph m = mag.snapshot();
    boolean isPag = anyCircle || graph.kind() == GraphKind.PAG;
    if (!Mag.isMag(m)) {
      throw new InvalidInputException(isPag
          ? "the graph is not a valid PAG: the MAG its marks imply is not ancestral and maximal"
          : "the graph is labelled MAG but is not a maximal ancestral graph (check for a <-> b"
              + " with a an ancestor of b, and for non-adjacent nodes joined by an inducing path)");
    }
    if (isPag && !Pag.ofMag(m).equals(graph)) {
      throw new InvalidInputException("the graph is not the PAG of any MAG: the FCI orientation"
          + " rules would mark it differently; give the PAG exactly as FCI returns it");
    }
    return m;
  }

  /** A DAG with one hidden common parent per {@code <->} edge of {@code mag}. */
  private static Graph canonicalDag(Graph mag) {
    List<String> names = new ArrayList<>(mag.nodeNames());
    java.util.Set<String> taken = new java.util.HashSet<>(names);
    List<int[]> bidirected = new ArrayList<>();
    for (Edge e : mag.edges()) {
      if (e.atFrom() == Endpoint.ARROW && e.atTo() == Endpoint.ARROW) {
        String name = "U[" + mag.name(e.from()) + "," + mag.name(e.to()) + "]";
        while (!taken.add(name)) {
          name = name + "'";
        }
        names.add(name);
        bidirected.add(new int[] {e.from(), e.to()});
      }
    }
    MutableGraph dag = new MutableGraph(names, GraphKind.DAG);
    for (Edge e : mag.edges()) {
      if (e.isDirected()) {
        dag.addDirectedEdge(e.from(), e.to());
      }
    }
    int u = mag.size();
    for (int[] ab : bidirected) {
      dag.setLatent(u, true);
      dag.addDirectedEdge(u, ab[0]);
      dag.addDirectedEdge(u, ab[1]);
      u++;
    }
    return dag.snapshot();
  }

  /** For a CPDAG: {@code pa(cn) ∖ Forb}, parents read through directed edges. */
  Optional<BitSet> optimalCandidate() {
    if (pag || !Sets.minus(y, causal).isEmpty()) {
      return Optional.empty();
    }
    BitSet o = new BitSet();
    for (int c = causal.nextSetBit(0); c >= 0; c = causal.nextSetBit(c + 1)) {
      for (int u : graph.parents(c)) {
        o.set(u);
      }
    }
    o.andNot(forbidden);
    return Optional.of(o);
  }

  /** The edge that breaks amenability, as text, e.g. {@code X o-> W}. */
  String nonAmenableEdgeText() {
    Edge e = nonAmenableEdge;
    return graph.name(e.from()) + " " + e.symbol() + " " + graph.name(e.to());
  }
}
