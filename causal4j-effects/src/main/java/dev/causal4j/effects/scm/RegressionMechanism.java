package dev.causal4j.effects.scm;

import java.util.Objects;

/**
 * {@code X := f(parents) + U} with {@code f} a learned regression ({@link ConditionalMean}) on the
 * encoded parents and {@code U} drawn from the empirical distribution of its out-of-fold
 * residuals: in-sample residuals of a flexible learner are too small, so the noise is estimated
 * from predictions on rows the learner did not see.
 */
public final class RegressionMechanism implements AdditiveMechanism {
  private final ParentEncoding encoding;
  private final ConditionalMean function;
  private final NoiseDistribution noise;
  private final String learner;

  /**
   * @param learner the learner's name, for reports
   */
  public RegressionMechanism(ParentEncoding encoding, ConditionalMean function,
      NoiseDistribution noise, String learner) {
    this.encoding = Objects.requireNonNull(encoding);
    this.function = Objects.requireNonNull(function);
    this.noise = Objects.requireNonNull(noise);
    this.learner = Objects.requireNonNull(learner);
  }

  @Override
  public ParentEncoding encoding() {
    return encoding;
  }

  /** The fitted regression. */
  public ConditionalMean function() {
    return function;
  }

  /** The learner's name. */
  public String learner() {
    return learner;
  }

  @Override
  public void mean(double[][] parentColumns, int n, double[] out) {
    function.predict(encoding.encode(parentColumns, n), out);
  }

  @Override
  public NoiseDistribution noise() {
    return noise;
  }

  @Override
  public String describe() {
    return learner + " on " + (encoding.parents().isEmpty() ? "no parents" : parents()) + " + "
        + noise.describe();
  }
}
