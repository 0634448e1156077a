package dev.causal4j.discovery.permutation;

import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MeekRules;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.VStructure;
import dev.causal4j.knowledge.BoundKnowledge;
import java.util.List;

/**
 * Turns the DAG a permutation search found into the graph it returns: the DAG's CPDAG, with every
 * orientation the knowledge implies on top. Without knowledge that is {@link Cpdag#of}. With
 * knowledge, the DAG's skeleton and v-structures are closed under {@link MeekRules} with the
 * knowledge (Meek 1995, §5), so a required edge, or an edge whose other direction the tiers or a
 * forbidden edge rule out, stays directed even where the Markov equivalence class alone would leave
 * it undirected; every DAG of the class that the knowledge allows is a consistent extension of the
 * result.
 */
final class EquivalenceClass {
  private EquivalenceClass() {}

  /** The DAG whose node {@code v} has parents {@code parents[v]}. */
  static MutableGraph dag(List<String> names, int[][] parents) {
    MutableGraph g = new MutableGraph(names, GraphKind.DAG);
    for (int v = 0; v < parents.length; v++) {
      for (int u : parents[v]) {
        g.addDirectedEdge(u, v);
      }
    }
    return g;
  }

  /**
   * The CPDAG of {@code dag} refined by the knowledge, with any contradiction between the two
   * (none, for a DAG the search built under that knowledge) added to {@code conflicts}.
   */
  static MutableGraph of(Graph dag, BoundKnowledge knowledge, List<String> conflicts) {
    if (knowledge.isEmpty()) {
      return Cpdag.of(dag).mutableCopy();
    }
    MutableGraph g = new MutableGraph(dag.nodeNames(), GraphKind.CPDAG);
    for (int v = 0; v < dag.size(); v++) {
      for (int u : dag.parents(v)) {
        g.addUndirectedEdge(u, v);
      }
    }
    for (VStructure s : Graphs.vStructures(dag)) {
      g.addDirectedEdge(s.a(), s.collider());
      g.addDirectedEdge(s.b(), s.collider());
    }
    for (MeekRules.Conflict c : MeekRules.apply(g, knowledge).conflicts()) {
      conflicts.add(c.message());
    }
    return g;
  }
}
