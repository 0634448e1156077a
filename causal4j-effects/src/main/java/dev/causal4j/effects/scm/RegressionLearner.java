package dev.causal4j.effects.scm;

/**
 * Fits a {@link ConditionalMean} to features and a response: how a learned regressor (from the
 * {@code estimate} package's learners, or any library) becomes a mechanism.
 */
public interface RegressionLearner {
  /** Fits on row-major {@code features} and {@code y}; {@code seed} fixes any randomness. */
  ConditionalMean fit(double[][] features, double[] y, long seed);

  /** A short name for reports, e.g. {@code gradient boosting}. */
  String name();
}
