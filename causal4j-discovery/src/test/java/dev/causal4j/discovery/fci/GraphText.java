package dev.causal4j.discovery.fci;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphFormat;

/** Expected graphs written as {@code "A --> B; B o-> C"} for readable tests. */
final class GraphText {
  private GraphText() {}

  /** The graph of an edge list with edges separated by semicolons (nodes named by first use). */
  static Graph parse(String edges) {
    return GraphFiles.parse(edges.replace(';', '\n'), "expected graph", GraphFormat.EDGE_LIST)
        .graph();
  }
}
