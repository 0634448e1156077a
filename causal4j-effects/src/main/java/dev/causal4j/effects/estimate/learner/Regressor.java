package dev.causal4j.effects.estimate.learner;

/**
 * A regression learner: a configuration that fits a model of {@code E[y | x]}. Implementations are
 * immutable and thread-safe; {@link #fit} returns a new fitted model and changes nothing. Fitting
 * is deterministic: the same data and configuration (including its seed) give the same model.
 */
public interface Regressor {

  /**
   * Fits the model.
   *
   * @param x features, one row per unit
   * @param y the target, one value per row
   * @param weights non-negative weights per row, or {@code null} for equal weights
   */
  FittedRegressor fit(FeatureMatrix x, double[] y, double[] weights);

  /** Fits with equal weights. */
  default FittedRegressor fit(FeatureMatrix x, double[] y) {
    return fit(x, y, null);
  }

  /** The learner and its settings in a few words, for reports (e.g. "ridge regression, λ=0"). */
  String describe();
}
