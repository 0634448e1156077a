package dev.causal4j.effects.estimate.learner;

/** A fitted regression model; thread-safe. */
@FunctionalInterface
public interface FittedRegressor {

  /** Predictions of {@code E[y | x]} for each row of {@code x} (same columns as in fitting). */
  double[] predict(FeatureMatrix x);
}
