package dev.causal4j.effects.scm;

/** Fits {@link ClassProbabilities} to features and class labels {@code 0..levels-1}. */
public interface ClassificationLearner {
  /** Fits on row-major {@code features} and {@code labels}; {@code seed} fixes any randomness. */
  ClassProbabilities fit(double[][] features, int[] labels, int levels, long seed);

  /** A short name for reports, e.g. {@code logistic regression}. */
  String name();
}
