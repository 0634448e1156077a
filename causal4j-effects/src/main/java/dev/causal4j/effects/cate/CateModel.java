package dev.causal4j.effects.cate;

import dev.causal4j.effects.estimate.learner.FeatureMatrix;

/** A fitted CATE model: {@code τ(x) = E[Y(1) − Y(0) | X = x]} predicted per row; thread-safe. */
@FunctionalInterface
public interface CateModel {

  /** The predicted effect for each row of {@code x} (the columns the model was fitted on). */
  double[] predict(FeatureMatrix x);
}
