package dev.causal4j.effects.scm;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Variable;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code X := intercept + Σ β_f · feature_f + U}: a linear structural equation on the encoded
 * parents (continuous parents as they are, categorical parents as indicators of their non-first
 * levels), fitted by ordinary least squares.
 */
public final class LinearMechanism implements AdditiveMechanism {
  private final ParentEncoding encoding;
  private final double intercept;
  private final double[] coefficients;
  private final NoiseDistribution noise;

  /**
   * A linear mechanism with given coefficients (one per feature of {@code encoding}).
   *
   * @throws IllegalArgumentException if the number of coefficients does not match
   */
  public LinearMechanism(ParentEncoding encoding, double intercept, double[] coefficients,
      NoiseDistribution noise) {
    this.encoding = Objects.requireNonNull(encoding);
    if (coefficients.length != encoding.width()) {
      throw new IllegalArgumentException(coefficients.length + " coefficients for "
          + encoding.width() + " features " + encoding.featureNames());
    }
    this.intercept = intercept;
    this.coefficients = coefficients.clone();
    this.noise = Objects.requireNonNull(noise);
  }

  @Override
  public ParentEncoding encoding() {
    return encoding;
  }

  public double intercept() {
    return intercept;
  }

  /** The coefficients, one per feature of {@link #encoding()} (a copy). */
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** The coefficient of a continuous parent. */
  public double coefficient(String parent) {
    int k = parentIndex(parent);
    Variable v = encoding.parents().get(k);
    if (v.isCategorical()) {
      throw new InvalidInputException("'" + parent + "' is categorical; ask for the coefficient"
          + " of one of its levels " + v.levels().subList(1, v.levelCount())
          + " (the first level, " + v.levels().get(0) + ", is the reference)");
    }
    return coefficients[encoding.offset(k)];
  }

  /**
   * The coefficient of a categorical parent's level: the shift from the reference (first) level,
   * which is 0.
   */
  public double coefficient(String parent, String level) {
    int k = parentIndex(parent);
    Variable v = encoding.parents().get(k);
    int code = v.levels().indexOf(level);
    if (!v.isCategorical() || code < 0) {
      throw new InvalidInputException("'" + parent + "' has no level '" + level + "'"
          + (v.isCategorical() ? "; its levels are " + String.join(", ", v.levels()) : ""));
    }
    return code == 0 ? 0 : coefficients[encoding.offset(k) + code - 1];
  }

  private int parentIndex(String parent) {
    for (int k = 0; k < encoding.parents().size(); k++) {
      if (encoding.parents().get(k).name().equals(parent)) {
        return k;
      }
    }
    throw new InvalidInputException("'" + parent + "' is not a parent here; the parents are "
        + parents());
  }

  @Override
  public void mean(double[][] parentColumns, int n, double[] out) {
    encoding.linear(intercept, coefficients, parentColumns, n, out);
  }

  @Override
  public NoiseDistribution noise() {
    return noise;
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("linear: ").append(fmt(intercept));
    for (int f = 0; f < coefficients.length; f++) {
      double b = coefficients[f];
      sb.append(b < 0 ? " - " : " + ").append(fmt(Math.abs(b))).append("·")
          .append(encoding.featureNames().get(f));
    }
    return sb.append(" + ").append(noise.describe()).toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
