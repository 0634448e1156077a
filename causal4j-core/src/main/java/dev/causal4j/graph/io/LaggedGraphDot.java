package dev.causal4j.graph.io;

import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.LaggedGraph;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Graphviz pictures of a time-series graph ({@code dot -Tsvg g.dot > g.svg}), in two views:
 *
 * <ul>
 *   <li>{@link #timeSeries}: the time-series graph as Runge et al. draw it, one column per time
 *       step {@code t − maxLag … t} and one row per variable, with every link drawn at every time
 *       step where both its ends fit (stationarity made visible). Node positions are pinned
 *       ({@code layout=neato}, {@code pos="x,y!"}), so the grid survives any renderer.
 *   <li>{@link #summary}: one node per variable and one arc per ordered pair and edge type,
 *       labelled with its lags ({@code "1,3"}); autodependence is a loop.
 * </ul>
 *
 * <p>Marks are drawn as in {@link DotWriter}: {@code dir=both}, {@code normal} for an arrowhead,
 * {@code none} for a tail, {@code odot} for a circle; latent series dashed; a link's weight, when
 * present, is its label in the time-series view.
 */
public final class LaggedGraphDot {
  private LaggedGraphDot() {}

  /** The time-series (unrolled) view; see the class description. */
  public static String timeSeries(AnnotatedLaggedGraph annotated) {
    LaggedGraph g = annotated.graph();
    int p = g.size();
    int lags = g.maxLag();
    StringBuilder sb = new StringBuilder(64 + 48 * p * (lags + 1) + 96 * g.linkCount() * (lags + 1));
    sb.append("digraph g {\n  layout=neato;\n  splines=true;\n  node [shape=circle, fixedsize=true,"
        + " width=0.7, fontsize=10];\n");
    for (int lag = lags; lag >= 0; lag--) {
      String label = lag == 0 ? "t" : "t-" + lag;
      sb.append("  \"(time) ").append(label).append("\" [shape=plaintext, label=\"").append(label)
          .append("\", pos=\"").append(x(lags - lag)).append(",").append(y(-1)).append("!\"];\n");
    }
    for (int lag = lags; lag >= 0; lag--) {
      for (int v = 0; v < p; v++) {
        sb.append("  ").append(id(LaggedGraph.nodeName(g.variable(v), lag)))
            .append(" [label=").append(id(g.variable(v))).append(", pos=\"").append(x(lags - lag))
            .append(",").append(y(v)).append("!\"")
            .append(g.isLatent(v) ? ", style=dashed" : "").append("];\n");
      }
    }
    for (LaggedGraph.Link l : g.links()) {
      // A link at lag τ appears at every shift s with both ends in the window: from lag s + τ to s.
      for (int s = 0; s + l.lag() <= lags; s++) {
        sb.append("  ").append(id(LaggedGraph.nodeName(g.variable(l.from()), s + l.lag())))
            .append(" -> ").append(id(LaggedGraph.nodeName(g.variable(l.to()), s)))
            .append(" [dir=both, arrowtail=").append(shape(l.atFrom())).append(", arrowhead=")
            .append(shape(l.atTo()));
        if (g.isLatent(l.from()) || g.isLatent(l.to())) {
          sb.append(", style=dashed");
        }
        if (s > 0) {
          sb.append(", color=gray60");
        }
        annotated.annotation(l).weight().ifPresent(w -> sb.append(", label=\"")
            .append(String.format(Locale.ROOT, "%.2f", w)).append('"'));
        sb.append("];\n");
      }
    }
    return sb.append("}\n").toString();
  }

  /** The summary view; see the class description. */
  public static String summary(AnnotatedLaggedGraph annotated) {
    LaggedGraph g = annotated.graph();
    StringBuilder sb = new StringBuilder(32 + 16 * g.size() + 80 * g.linkCount());
    sb.append("digraph g {\n");
    for (int v = 0; v < g.size(); v++) {
      sb.append("  ").append(id(g.variable(v)));
      if (g.isLatent(v)) {
        sb.append(" [style=dashed]");
      }
      sb.append(";\n");
    }
    for (LaggedGraph.SummaryArc a : g.summary()) {
      Endpoint[] marks = dev.causal4j.graph.Edge.parseSymbol(a.symbol());
      sb.append("  ").append(id(g.variable(a.from()))).append(" -> ").append(id(g.variable(a.to())))
          .append(" [dir=both, arrowtail=").append(shape(marks[0])).append(", arrowhead=")
          .append(shape(marks[1])).append(", label=\"")
          .append(a.lags().stream().map(String::valueOf).collect(Collectors.joining(",")))
          .append('"');
      if (g.isLatent(a.from()) || g.isLatent(a.to())) {
        sb.append(", style=dashed");
      }
      sb.append("];\n");
    }
    return sb.append("}\n").toString();
  }

  private static String x(int column) {
    return Integer.toString(column * 2);
  }

  private static String y(int row) {
    return Integer.toString(-row);
  }

  private static String shape(Endpoint mark) {
    return switch (mark) {
      case ARROW -> "normal";
      case TAIL -> "none";
      case CIRCLE -> "odot";
    };
  }

  private static String id(String name) {
    return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
