package dev.causal4j.effects.scm;

/**
 * A fitted regression function, {@code E[X | features]}: the plug for a learned regressor (boosted
 * trees, a forest, a penalised GLM) in a {@link RegressionMechanism}. Implementations must be
 * deterministic and safe to call from several threads.
 */
@FunctionalInterface
public interface ConditionalMean {
  /** Writes the prediction for each row of {@code features} (row-major) into {@code out}. */
  void predict(double[][] features, double[] out);
}
