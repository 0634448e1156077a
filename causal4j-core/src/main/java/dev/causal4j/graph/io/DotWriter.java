package dev.causal4j.graph.io;

import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;

/**
 * Graphviz DOT for drawing a graph ({@code dot -Tsvg graph.dot > graph.svg}). Every edge is drawn
 * with both of its marks: {@code dir=both}, and {@code arrowtail}/{@code arrowhead} {@code normal}
 * for an arrowhead, {@code none} for a tail, {@code odot} for a circle; so {@code A o-> B} becomes
 * {@code "A" -> "B" [dir=both, arrowtail=odot, arrowhead=normal]}. Latent nodes are drawn dashed.
 * An edge probability, when present, is the edge's label. Write-only: DOT is for pictures.
 */
public final class DotWriter {
  private DotWriter() {}

  public static String write(Graph g) {
    return write(AnnotatedGraph.of(g));
  }

  public static String write(AnnotatedGraph annotated) {
    Graph g = annotated.graph();
    StringBuilder sb = new StringBuilder(32 + 16 * g.size() + 64 * g.edgeCount());
    sb.append("digraph g {\n");
    for (int v = 0; v < g.size(); v++) {
      sb.append("  ").append(id(g.name(v)));
      if (g.isLatent(v)) {
        sb.append(" [style=dashed]");
      }
      sb.append(";\n");
    }
    for (Edge e : g.edges()) {
      sb.append("  ").append(id(g.name(e.from()))).append(" -> ").append(id(g.name(e.to())))
          .append(" [dir=both, arrowtail=").append(shape(e.atFrom()))
          .append(", arrowhead=").append(shape(e.atTo()));
      if (g.isLatent(e.from()) || g.isLatent(e.to())) {
        sb.append(", style=dashed");
      }
      annotated.annotation(e.from(), e.to()).probability().ifPresent(
          p -> sb.append(", label=\"").append(String.format(java.util.Locale.ROOT, "%.2f", p))
              .append('"'));
      sb.append("];\n");
    }
    return sb.append("}\n").toString();
  }

  private static String shape(Endpoint mark) {
    return switch (mark) {
      case ARROW -> "normal";
      case TAIL -> "none";
      case CIRCLE -> "odot";
    };
  }

  /** A DOT quoted identifier: quotes and backslashes escaped. */
  private static String id(String name) {
    return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
