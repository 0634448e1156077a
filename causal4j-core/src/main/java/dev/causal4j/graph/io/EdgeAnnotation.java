package dev.causal4j.graph.io;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a graph file may say about one edge beyond its marks: how often resampling found it (a
 * {@code probability} in [0, 1], written once bootstrapping exists) and, for time-series graphs,
 * the {@code lag} of the cause (0 = contemporaneous). Both are optional.
 *
 * <p>The lag is carried so that files round-trip without loss; a {@link dev.causal4j.graph.Graph}
 * holds one edge per pair of nodes, so a pair related at two lags needs lagged node names (e.g.
 * {@code X1:1}) rather than two annotated edges.
 */
public record EdgeAnnotation(OptionalDouble probability, OptionalInt lag) {
  /** No probability, no lag. */
  public static final EdgeAnnotation NONE = new EdgeAnnotation(OptionalDouble.empty(), OptionalInt.empty());

  public EdgeAnnotation {
    if (probability.isPresent()) {
      double p = probability.getAsDouble();
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("an edge probability must be in [0, 1]; got " + p);
      }
    }
    if (lag.isPresent() && lag.getAsInt() < 0) {
      throw new IllegalArgumentException("a lag must be 0 or more; got " + lag.getAsInt());
    }
  }

  public static EdgeAnnotation ofProbability(double probability) {
    return new EdgeAnnotation(OptionalDouble.of(probability), OptionalInt.empty());
  }

  public EdgeAnnotation withProbability(double p) {
    return new EdgeAnnotation(OptionalDouble.of(p), lag);
  }

  public EdgeAnnotation withLag(int l) {
    return new EdgeAnnotation(probability, OptionalInt.of(l));
  }

  /** True when neither field is set. */
  public boolean isEmpty() {
    return probability.isEmpty() && lag.isEmpty();
  }
}
