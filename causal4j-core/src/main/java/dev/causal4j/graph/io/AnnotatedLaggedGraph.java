package dev.causal4j.graph.io;

import dev.causal4j.graph.LaggedGraph;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link LaggedGraph} with per-link {@link EdgeAnnotation}s (an estimated coefficient as {@code
 * weight}, a resampling {@code probability}), as {@link LaggedGraphJson} files carry them. The
 * annotations' own {@code lag} is never set: the link has its lag. Immutable.
 */
public final class AnnotatedLaggedGraph {
  private final LaggedGraph graph;
  private final Map<Long, EdgeAnnotation> byLink;

  private AnnotatedLaggedGraph(LaggedGraph graph, Map<Long, EdgeAnnotation> byLink) {
    this.graph = graph;
    this.byLink = byLink;
  }

  /** A graph without annotations. */
  public static AnnotatedLaggedGraph of(LaggedGraph graph) {
    return new AnnotatedLaggedGraph(Objects.requireNonNull(graph, "graph"), Map.of());
  }

  public static Builder builder(LaggedGraph graph) {
    return new Builder(graph);
  }

  public LaggedGraph graph() {
    return graph;
  }

  /** The annotation of a link of the graph; {@link EdgeAnnotation#NONE} if it has none. */
  public EdgeAnnotation annotation(LaggedGraph.Link link) {
    return byLink.getOrDefault(key(graph, link.from(), link.to(), link.lag()), EdgeAnnotation.NONE);
  }

  /** True if any link carries an annotation. */
  public boolean hasAnnotations() {
    return !byLink.isEmpty();
  }

  /** Lag-0 links are keyed by the unordered pair, lagged ones by the ordered pair and lag. */
  private static long key(LaggedGraph g, int from, int to, int lag) {
    int p = g.size();
    int a = lag == 0 ? Math.min(from, to) : from;
    int b = lag == 0 ? Math.max(from, to) : to;
    return ((long) lag * p + a) * p + b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnnotatedLaggedGraph a && graph.equals(a.graph) && byLink.equals(a.byLink);
  }

  @Override
  public int hashCode() {
    return graph.hashCode() * 31 + byLink.hashCode();
  }

  @Override
  public String toString() {
    return graph + (byLink.isEmpty() ? "" : "\n  (" + byLink.size() + " annotated links)");
  }

  /** Collects annotations for links of one graph. */
  public static final class Builder {
    private final LaggedGraph graph;
    private final Map<Long, EdgeAnnotation> byLink = new HashMap<>();

    private Builder(LaggedGraph graph) {
      this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * Sets the annotation of the link between {@code from(t − lag)} and {@code to(t)}, which must
     * exist; the annotation must not carry a lag of its own.
     */
    public Builder annotate(int from, int to, int lag, EdgeAnnotation annotation) {
      if (!graph.hasLink(from, to, lag)) {
        throw new IllegalArgumentException("no link from '"
            + LaggedGraph.nodeName(graph.variable(from), lag) + "' to '" + graph.variable(to)
            + "' to annotate");
      }
      if (annotation.lag().isPresent()) {
        throw new IllegalArgumentException("a link's annotation carries no lag; the link has one");
      }
      long k = key(graph, from, to, lag);
      if (annotation.isEmpty()) {
        byLink.remove(k);
      } else {
        byLink.put(k, annotation);
      }
      return this;
    }

    public Builder weight(int from, int to, int lag, double weight) {
      return annotate(from, to, lag, current(from, to, lag).withWeight(weight));
    }

    public Builder probability(int from, int to, int lag, double probability) {
      return annotate(from, to, lag, current(from, to, lag).withProbability(probability));
    }

    private EdgeAnnotation current(int from, int to, int lag) {
      return byLink.getOrDefault(key(graph, from, to, lag), EdgeAnnotation.NONE);
    }

    public AnnotatedLaggedGraph build() {
      return new AnnotatedLaggedGraph(graph, Map.copyOf(byLink));
    }
  }
}
