package dev.causal4j.effects.scm;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code n} draws of a structural causal model's exogenous variables {@code U}, one per node:
 * the additive noise {@code u} of a continuous node, or the uniform {@code u ∈ [0, 1)} that picks
 * a categorical node's level by its conditional distribution function. Given the noise, {@link
 * StructuralCausalModel#solve} computes every node under any intervention, which is how the same
 * units are compared across worlds (common random numbers, counterfactuals).
 *
 * <p>A node may also carry an {@link Anchor}: a unit's observed parents and value. Where the
 * parents computed in a sample equal the anchor's bit for bit, the node takes the observed value;
 * elsewhere its noise applies. Abduction anchors every node of the unit it explains, so the
 * factual world reproduces the observation exactly and a categorical node's response is known at
 * its observed parents only.
 *
 * <p>Immutable; {@link #with} returns a copy that shares the unchanged columns.
 */
public final class ExogenousNoise {

  /**
   * A unit's observation of one node.
   *
   * @param parentValues the observed parents, in the mechanism's parent order (codes for
   *     categorical parents)
   * @param value the observed value (a code for a categorical node)
   */
  public record Anchor(double[] parentValues, double value) {
    public Anchor {
      parentValues = parentValues.clone();
    }

    @Override
    public double[] parentValues() {
      return parentValues.clone();
    }

    boolean matches(double[][] parentColumns, int i) {
      for (int k = 0; k < parentValues.length; k++) {
        if (Double.doubleToLongBits(parentColumns[k][i])
            != Double.doubleToLongBits(parentValues[k])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Anchor a && Arrays.equals(a.parentValues, parentValues)
          && Double.compare(a.value, value) == 0;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(parentValues) * 31 + Double.hashCode(value);
    }

    @Override
    public String toString() {
      return "Anchor[" + Arrays.toString(parentValues) + " -> " + value + "]";
    }
  }

  private final int samples;
  private final long seed;
  private final double[][] values;
  private final Anchor[] anchors;

  ExogenousNoise(int samples, long seed, double[][] values, Anchor[] anchors) {
    this.samples = samples;
    this.seed = seed;
    this.values = values;
    this.anchors = anchors;
  }

  /** Number of draws. */
  public int samples() {
    return samples;
  }

  /** The seed of the draws (also used for stochastic interventions). */
  public long seed() {
    return seed;
  }

  /** Node {@code j}'s noise (a copy). */
  public double[] values(int node) {
    return values[node].clone();
  }

  /** Node {@code j}'s anchor, if any. */
  public Optional<Anchor> anchor(int node) {
    return Optional.ofNullable(anchors[node]);
  }

  double[] column(int node) {
    return values[node];
  }

  Anchor anchorOrNull(int node) {
    return anchors[node];
  }

  /**
   * A copy with node {@code j}'s noise replaced (length {@link #samples()}; uniforms in {@code [0,
   * 1)} for a categorical node) and its anchor set or cleared ({@code null}).
   */
  public ExogenousNoise with(int node, double[] noise, Anchor anchor) {
    if (noise.length != samples) {
      throw new IllegalArgumentException(noise.length + " noise values for " + samples
          + " samples");
    }
    double[][] v = values.clone();
    Anchor[] a = anchors.clone();
    v[node] = noise.clone();
    a[node] = anchor;
    return new ExogenousNoise(samples, seed, v, a);
  }
}
