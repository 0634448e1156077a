package dev.causal4j.effects.estimate.learner;

/** A fitted binary classifier; thread-safe. */
@FunctionalInterface
public interface FittedClassifier {

  /** {@code P(label = 1 | x)} for each row of {@code x}, each in {@code [0, 1]}. */
  double[] probability(FeatureMatrix x);
}
