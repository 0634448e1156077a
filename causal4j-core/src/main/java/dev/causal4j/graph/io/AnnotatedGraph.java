package dev.causal4j.graph.io;

import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Graph;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A graph together with per-edge {@link EdgeAnnotation}s (probability, lag), as graph files carry
 * them. This is how a resampling method hands edge probabilities to the writers, and how readers
 * return them: {@code GraphJson.write(AnnotatedGraph.builder(g).probability(a, b, 0.9).build())}.
 *
 * <p>Annotations are keyed by the unordered pair of nodes, so they follow an edge whichever way it
 * is read. Immutable.
 */
public final class AnnotatedGraph {
  private final Graph graph;
  private final Map<Long, EdgeAnnotation> byPair;

  private AnnotatedGraph(Graph graph, Map<Long, EdgeAnnotation> byPair) {
    this.graph = graph;
    this.byPair = byPair;
  }

  /** A graph with no annotations. */
  public static AnnotatedGraph of(Graph graph) {
    return new AnnotatedGraph(graph.snapshot(), Map.of());
  }

  /**
   * A graph with an edge probability for each edge in the map (either orientation of an edge of
   * {@code graph} may be the key; marks in the key are ignored).
   */
  public static AnnotatedGraph withProbabilities(Graph graph, Map<Edge, Double> probabilities) {
    Builder b = builder(graph);
    probabilities.forEach((e, p) -> b.probability(e.from(), e.to(), p));
    return b.build();
  }

  public static Builder builder(Graph graph) {
    return new Builder(graph);
  }

  public Graph graph() {
    return graph;
  }

  /** The annotation of the edge between {@code a} and {@code b}; {@link EdgeAnnotation#NONE} if none. */
  public EdgeAnnotation annotation(int a, int b) {
    return byPair.getOrDefault(key(a, b), EdgeAnnotation.NONE);
  }

  /** True if any edge carries an annotation. */
  public boolean hasAnnotations() {
    return !byPair.isEmpty();
  }

  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnnotatedGraph other && graph.equals(other.graph) && sameAnnotations(other);
  }

  private boolean sameAnnotations(AnnotatedGraph other) {
    if (byPair.size() != other.byPair.size()) {
      return false;
    }
    for (Map.Entry<Long, EdgeAnnotation> e : byPair.entrySet()) {
      int a = (int) (e.getKey() >>> 32);
      int b = (int) (long) e.getKey();
      int oa = other.graph.indexOf(graph.name(a));
      int ob = other.graph.indexOf(graph.name(b));
      if (!e.getValue().equals(other.annotation(oa, ob))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return graph.hashCode() * 31 + byPair.size();
  }

  @Override
  public String toString() {
    return graph + (byPair.isEmpty() ? "" : "\n  (" + byPair.size() + " annotated edges)");
  }

  /** Collects annotations for edges of one graph. */
  public static final class Builder {
    private final Graph graph;
    private final Map<Long, EdgeAnnotation> byPair = new HashMap<>();

    private Builder(Graph graph) {
      this.graph = Objects.requireNonNull(graph, "graph").snapshot();
    }

    /** Sets the annotation of the edge between {@code a} and {@code b}, which must exist. */
    public Builder annotate(int a, int b, EdgeAnnotation annotation) {
      if (!graph.isAdjacent(a, b)) {
        throw new IllegalArgumentException(
            "no edge between '" + graph.name(a) + "' and '" + graph.name(b) + "' to annotate");
      }
      if (annotation.isEmpty()) {
        byPair.remove(key(a, b));
      } else {
        byPair.put(key(a, b), annotation);
      }
      return this;
    }

    public Builder probability(int a, int b, double probability) {
      return annotate(a, b, current(a, b).withProbability(probability));
    }

    public Builder lag(int a, int b, int lag) {
      return annotate(a, b, current(a, b).withLag(lag));
    }

    public Builder weight(int a, int b, double weight) {
      return annotate(a, b, current(a, b).withWeight(weight));
    }

    private EdgeAnnotation current(int a, int b) {
      return byPair.getOrDefault(key(a, b), EdgeAnnotation.NONE);
    }

    public AnnotatedGraph build() {
      return new AnnotatedGraph(graph, Map.copyOf(byPair));
    }
  }
}
