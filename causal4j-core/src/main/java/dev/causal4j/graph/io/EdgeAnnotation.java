package dev.causal4j.graph.io;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a graph file may say about one edge beyond its marks: how often resampling found it (a
 * {@code probability} in [0, 1]), for time-series graphs the {@code lag} of the cause (0 =
 * contemporaneous), and the edge's {@code weight} where a method estimates one (LiNGAM's
 * connection strength: the change in {@code to} per unit change in {@code from}). All optional.
 *
 * <p>The lag is carried so that files round-trip without loss; a {@link dev.causal4j.graph.Graph}
 * holds one edge per pair of nodes, so a pair related at two lags needs lagged node names (e.g.
 * {@code X1:1}) rather than two annotated edges.
 */
public record EdgeAnnotation(OptionalDouble probability, OptionalInt lag, OptionalDouble weight) {
  /** No probability, no lag, no weight. */
  public static final EdgeAnnotation NONE =
      new EdgeAnnotation(OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty());

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
    if (weight.isPresent() && !Double.isFinite(weight.getAsDouble())) {
      throw new IllegalArgumentException("an edge weight must be finite; got " + weight);
    }
  }

  public static EdgeAnnotation ofProbability(double probability) {
    return NONE.withProbability(probability);
  }

  public EdgeAnnotation withProbability(double p) {
    return new EdgeAnnotation(OptionalDouble.of(p), lag, weight);
  }

  public EdgeAnnotation withLag(int l) {
    return new EdgeAnnotation(probability, OptionalInt.of(l), weight);
  }

  public EdgeAnnotation withWeight(double w) {
    return new EdgeAnnotation(probability, lag, OptionalDouble.of(w));
  }

  /** True when no field is set. */
  public boolean isEmpty() {
    return probability.isEmpty() && lag.isEmpty() && weight.isEmpty();
  }
}
