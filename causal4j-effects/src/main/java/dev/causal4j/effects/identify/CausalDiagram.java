package dev.causal4j.effects.identify;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a query's graph means causally, decided from its marks and its {@link GraphKind} label,
 * and checked:
 *
 * <ul>
 *   <li>{@link Semantics#DAG}: {@code -->} edges and, optionally, {@code <->} edges for hidden
 *       common causes (an ADMG), plus nodes flagged latent. Each {@code <->} becomes a latent
 *       parent of its two ends, so one DAG with latent nodes carries both notations.
 *   <li>{@link Semantics#CPDAG}: {@code -->} and {@code ---} edges, no hidden variables; it must
 *       be the CPDAG of some DAG. A graph labelled CPDAG whose edges are all directed is read as a
 *       CPDAG too, and must then be one.
 *   <li>{@link Semantics#PAG}: circles, or a graph labelled MAG or PAG: hidden confounding is
 *       allowed anywhere the marks allow it.
 * </ul>
 *
 * A directed cycle, a mix of undirected and bidirected edges, or hidden nodes in a CPDAG or PAG
 * are {@link InvalidInputException}s.
 */
final class CausalDiagram {
  enum Semantics { DAG, CPDAG, PAG }

  final Graph graph;
  final Semantics semantics;

  private CausalDiagram(Graph graph, Semantics semantics) {
    this.graph = graph;
    this.semantics = semantics;
  }

  static CausalDiagram of(Graph g) {
    boolean circle = false;
    boolean undirected = false;
    boolean bidirected = false;
    Edge firstUndirected = null;
    Edge firstBidirected = null;
    for (Edge e : g.edges()) {
      if (e.atFrom() == Endpoint.CIRCLE || e.atTo() == Endpoint.CIRCLE) {
        circle = true;
      } else if (e.atFrom() == Endpoint.TAIL && e.atTo() == Endpoint.TAIL) {
        undirected = true;
        firstUndirected = firstUndirected == null ? e : firstUndirected;
      } else if (e.atFrom() == Endpoint.ARROW && e.atTo() == Endpoint.ARROW) {
        bidirected = true;
        firstBidirected = firstBidirected == null ? e : firstBidirected;
      }
    }
    Optional<List<Integer>> cycle = Graphs.findDirectedCycle(g);
    if (cycle.isPresent()) {
      throw new InvalidInputException("the graph has a directed cycle, "
          + Graphs.describeCycle(g, cycle.get()) + "; a causal graph must be acyclic (remove or"
          + " reverse one of these edges)");
    }
    Semantics s;
    if (circle || g.kind() == GraphKind.PAG || g.kind() == GraphKind.MAG) {
      if (undirected) {
        throw new InvalidInputException("the graph has the undirected edge "
            + symbol(g, firstUndirected) + " next to PAG marks; a PAG without selection bias has"
            + " no --- edges");
      }
      s = Semantics.PAG;
    } else if (undirected || g.kind() == GraphKind.CPDAG) {
      if (bidirected) {
        throw new InvalidInputException("the graph mixes undirected (" + symbol(g, firstUndirected)
            + ") and bidirected (" + symbol(g, firstBidirected) + ") edges: it is neither a CPDAG"
            + " nor an ADMG; label it PAG if it is one, or give a DAG with latent nodes");
      }
      s = Semantics.CPDAG;
      if (!Cpdag.isCpdag(g)) {
        throw new InvalidInputException("the graph is labelled or read as a CPDAG but is not the"
            + " CPDAG of any DAG (an edge that every DAG of its class directs the same way must be"
            + " directed, and the others undirected); give the CPDAG discovery returned, or a DAG");
      }
    } else {
      s = Semantics.DAG;
    }
    if (s != Semantics.DAG) {
      int[] latent = Graphs.latentNodes(g);
      if (latent.length > 0) {
        throw new InvalidInputException("'" + g.name(latent[0]) + "' is a hidden node, but a "
            + s + " is a graph over observed variables only; give the hidden variables in a DAG"
            + " (\"latent\") or draw their effect with <-> edges");
      }
    }
    if (s == Semantics.PAG) {
      // Builds Zhang's canonical MAG, which fails with a message if the graph is no MAG or PAG.
      new ClassAdjustment(g, true, new java.util.BitSet(), new java.util.BitSet()).canonicalMag();
    }
    return new CausalDiagram(g, s);
  }

  private static String symbol(Graph g, Edge e) {
    Edge c = e.canonical();
    return g.name(c.from()) + " " + c.symbol() + " " + g.name(c.to());
  }

  /**
   * For DAG semantics: the DAG whose hidden nodes are the graph's latent nodes, the {@code
   * excluded} nodes, and one new latent parent for each {@code <->} edge. Nodes keep their
   * indices; the new latent nodes come after them.
   */
  Graph dagWithLatents(Collection<String> excluded) {
    if (semantics != Semantics.DAG) {
      throw new IllegalStateException("not a DAG: " + semantics);
    }
    Set<String> taken = new HashSet<>(graph.nodeNames());
    List<String> names = new ArrayList<>(graph.nodeNames());
    List<int[]> bidirected = new ArrayList<>();
    for (Edge e : graph.edges()) {
      if (e.atFrom() == Endpoint.ARROW && e.atTo() == Endpoint.ARROW) {
        String name = "U[" + graph.name(e.from()) + "," + graph.name(e.to()) + "]";
        while (!taken.add(name)) {
          name = name + "'";
        }
        names.add(name);
        bidirected.add(new int[] {e.from(), e.to()});
      }
    }
    MutableGraph m = new MutableGraph(names, GraphKind.DAG);
    for (int v = 0; v < graph.size(); v++) {
      m.setLatent(v, graph.isLatent(v));
    }
    for (String x : excluded) {
      m.setLatent(graph.requireIndex(x), true);
    }
    for (Edge e : graph.edges()) {
      if (e.isDirected()) { // edges() is canonical: a directed edge reads from --> to
        m.addDirectedEdge(e.from(), e.to());
      }
    }
    int u = graph.size();
    for (int[] ab : bidirected) {
      m.setLatent(u, true);
      m.addDirectedEdge(u, ab[0]);
      m.addDirectedEdge(u, ab[1]);
      u++;
    }
    return m.snapshot();
  }
}
