package dev.causal4j.effects.identify;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphFormat;
import java.util.List;

/** Graphs written as edge lists for readable tests: {@code "Z --> X; (U) --> Y; X <-> Y"}. */
final class TestGraphs {
  private TestGraphs() {}

  /** A graph of the given kind; {@code (U)} marks a latent node; nodes in order of appearance. */
  static Graph parse(GraphKind kind, String edges) {
    String text = "# kind: " + kind.name() + "\n" + edges.replace(";", "\n");
    return GraphFiles.parse(text, "test", GraphFormat.EDGE_LIST).graph();
  }

  static Graph dag(String edges) {
    return parse(GraphKind.DAG, edges);
  }

  /** The same graph with the named nodes marked latent. */
  static Graph withLatent(Graph g, List<String> latent) {
    MutableGraph m = g.mutableCopy();
    for (String l : latent) {
      m.setLatent(g.requireIndex(l), true);
    }
    return m.snapshot();
  }
}
