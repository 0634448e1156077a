package dev.causal4j.bench.metrics;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Scores an estimated graph against a reference graph, matching nodes by name.
 *
 * <p><b>Adjacencies.</b> TP: pairs adjacent in both; FP: adjacent in the estimate only; FN:
 * adjacent in the reference only.
 *
 * <p><b>Arrowheads</b> (Tetrad's {@code ArrowConfusion}, which its {@code ArrowheadPrecision} and
 * {@code ArrowheadRecall} use). Each end of each edge is a place an arrowhead can be. TP: an
 * arrowhead at the same end of the same pair in both graphs. FN: an arrowhead of the reference
 * that the estimate lacks there, because its mark is a tail or circle or because it has no edge
 * between the pair. FP: an arrowhead of the estimate that the reference lacks there, counted over
 * every edge of the estimate, <em>including edges between pairs the reference does not join</em>
 * (so {@code A <-> B} with A, B non-adjacent in the truth is two false positives). The
 * common-edges variant counts only on pairs adjacent in both graphs, so it measures orientation
 * separately from the skeleton.
 *
 * <p><b>SHD.</b> For CPDAGs and PAGs alike: one for each pair adjacent in exactly one graph
 * (missing or extra edge), plus one for each pair adjacent in both whose marks differ at either
 * end (a reversed edge, {@code -->} for {@code ---}, {@code o->} for {@code -->} each count one).
 * Between DAGs this is the usual SHD where a reversal costs one.
 *
 * <p><b>Optimistic directed F1</b> ({@link #optimisticDirected}) is the measure Causal-Copilot
 * publishes, kept apart and named as such: see that method.
 */
public final class GraphMetrics {
  private GraphMetrics() {}

  /**
   * Compares an estimate with a reference over the same node names. Latent nodes of the
   * reference are dropped with their edges first ({@link #observedPart}).
   *
   * @throws InvalidInputException if the node names differ, listing the differences
   */
  public static GraphComparison compare(Graph referenceGraph, Graph estimate) {
    Graph reference = observedPart(referenceGraph);
    int[] map = matchNodes(reference, estimate); // reference node -> estimate node
    int p = reference.size();
    int adjTp = 0;
    int adjFp = 0;
    int adjFn = 0;
    int arrTp = 0;
    int arrFp = 0;
    int arrFn = 0;
    int comTp = 0;
    int comFp = 0;
    int comFn = 0;
    int shd = 0;
    for (Edge e : reference.edges()) {
      int a = e.from();
      int b = e.to();
      boolean both = estimate.isAdjacent(map[a], map[b]);
      if (both) {
        adjTp++;
      } else {
        adjFn++;
        shd++;
      }
      // The two ends of the reference edge: the mark at b, then at a.
      for (int end = 0; end < 2; end++) {
        int x = end == 0 ? a : b;
        int y = end == 0 ? b : a;
        boolean refArrow = reference.endpoint(x, y) == Endpoint.ARROW;
        boolean estArrow = both && estimate.endpoint(map[x], map[y]) == Endpoint.ARROW;
        if (refArrow && estArrow) {
          arrTp++;
          comTp++;
        } else if (refArrow) {
          arrFn++;
          if (both) {
            comFn++;
          }
        } else if (estArrow) {
          arrFp++;
          comFp++;
        }
      }
      if (both && (reference.endpoint(a, b) != estimate.endpoint(map[a], map[b])
          || reference.endpoint(b, a) != estimate.endpoint(map[b], map[a]))) {
        shd++;
      }
    }
    int[] back = new int[p]; // estimate node -> reference node
    for (int v = 0; v < p; v++) {
      back[map[v]] = v;
    }
    for (Edge e : estimate.edges()) {
      int a = back[e.from()];
      int b = back[e.to()];
      if (reference.isAdjacent(a, b)) {
        continue; // counted above
      }
      adjFp++;
      shd++;
      arrFp += (e.atFrom() == Endpoint.ARROW ? 1 : 0) + (e.atTo() == Endpoint.ARROW ? 1 : 0);
    }
    return new GraphComparison(new Counts(adjTp, adjFp, adjFn), new Counts(arrTp, arrFp, arrFn),
        new Counts(comTp, comFp, comFn), shd);
  }

  /**
   * The optimistic directed-edge counts that Causal-Copilot reports: every edge of the estimate
   * that is not a plain directed edge ({@code ---}, {@code <->}, {@code o->}, {@code o-o}) is
   * scored as whichever direction the true DAG has between its nodes, so an equivalence class is
   * scored on its skeleton plus its compelled edges. TP: estimate edges whose pair the DAG joins,
   * directed the DAG's way or not directed at all; FP: the other estimate edges (a directed edge
   * against the DAG's direction, or any edge between non-adjacent nodes); FN: DAG edges not matched
   * by a TP. Not a measure of orientation: report it beside {@link #compare}, never instead.
   *
   * @param trueDag the true DAG; latent nodes are dropped (with their edges) before scoring
   */
  public static Counts optimisticDirected(Graph trueDag, Graph estimate) {
    Graph dag = observedPart(trueDag);
    int[] map = matchNodes(dag, estimate);
    int[] back = new int[dag.size()];
    for (int v = 0; v < dag.size(); v++) {
      back[map[v]] = v;
    }
    int tp = 0;
    int fp = 0;
    for (Edge e : estimate.edges()) {
      int a = back[e.from()];
      int b = back[e.to()];
      boolean hit = e.isDirected() ? dag.isDirected(a, b)
          : dag.isAdjacent(a, b);
      if (hit) {
        tp++;
      } else {
        fp++;
      }
    }
    return new Counts(tp, fp, dag.edgeCount() - tp);
  }

  /**
   * Edges scored exactly against a reference (the true CPDAG, PAG or DAG, as {@link References}
   * gives it): TP: estimate edges whose pair the reference joins with the same mark at both ends;
   * FP: the other estimate edges; FN: reference edges not matched by a TP. An undirected edge
   * where the reference has a compelled direction, or a direction where it has an undirected
   * edge, is wrong: the strict counterpart of {@link #optimisticDirected}.
   */
  public static Counts exactEdges(Graph reference, Graph estimate) {
    Graph ref = observedPart(reference);
    int[] map = matchNodes(ref, estimate);
    int[] back = new int[ref.size()];
    for (int v = 0; v < ref.size(); v++) {
      back[map[v]] = v;
    }
    int tp = 0;
    int fp = 0;
    for (Edge e : estimate.edges()) {
      int a = back[e.from()];
      int b = back[e.to()];
      if (ref.isAdjacent(a, b) && ref.endpoint(a, b) == e.atTo()
          && ref.endpoint(b, a) == e.atFrom()) {
        tp++;
      } else {
        fp++;
      }
    }
    return new Counts(tp, fp, ref.edgeCount() - tp);
  }

  /** The subgraph induced on the nodes not flagged latent (the graph itself if none is). */
  public static Graph observedPart(Graph g) {
    int[] observed = Graphs.observedNodes(g);
    if (observed.length == g.size()) {
      return g;
    }
    int[] pos = new int[g.size()];
    java.util.Arrays.fill(pos, -1);
    for (int k = 0; k < observed.length; k++) {
      pos[observed[k]] = k;
    }
    MutableGraph m = new MutableGraph(Graphs.names(g, observed), g.kind());
    for (Edge e : g.edges()) {
      if (pos[e.from()] >= 0 && pos[e.to()] >= 0) {
        m.setEdge(pos[e.from()], pos[e.to()], e.atFrom(), e.atTo());
      }
    }
    return m.snapshot();
  }

  /**
   * For each node of {@code reference}, the index of the node with the same name in {@code
   * estimate}.
   *
   * @throws InvalidInputException listing the names in one graph only
   */
  static int[] matchNodes(Graph reference, Graph estimate) {
    List<String> missing = new ArrayList<>();
    int[] map = new int[reference.size()];
    for (int v = 0; v < reference.size(); v++) {
      map[v] = estimate.indexOf(reference.name(v));
      if (map[v] < 0) {
        missing.add(reference.name(v));
      }
    }
    TreeSet<String> extra = new TreeSet<>();
    for (int v = 0; v < estimate.size(); v++) {
      if (reference.indexOf(estimate.name(v)) < 0) {
        extra.add(estimate.name(v));
      }
    }
    if (!missing.isEmpty() || !extra.isEmpty()) {
      StringBuilder sb = new StringBuilder("the estimate and the truth have different nodes:");
      if (!extra.isEmpty()) {
        sb.append(" only in the estimate: ").append(abbreviate(new ArrayList<>(extra)));
      }
      if (!missing.isEmpty()) {
        sb.append(extra.isEmpty() ? "" : ";").append(" only in the truth: ")
            .append(abbreviate(missing));
      }
      throw new InvalidInputException(sb.append("; compare graphs over the same variables (names"
          + " are case-sensitive; hidden variables of the truth are left out)").toString());
    }
    return map;
  }

  private static String abbreviate(List<String> names) {
    if (names.size() <= 10) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 10)) + ", … (" + names.size() + " in all)";
  }
}
