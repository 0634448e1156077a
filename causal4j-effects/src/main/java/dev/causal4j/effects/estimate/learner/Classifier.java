package dev.causal4j.effects.estimate.learner;

/**
 * A learner of binary class probabilities {@code P(label = 1 | x)} (propensity scores, binary
 * outcomes). Implementations are immutable, thread-safe and deterministic, like {@link Regressor}.
 */
public interface Classifier {

  /**
   * Fits the model.
   *
   * @param x features, one row per unit
   * @param labels 0 or 1 per row
   * @param weights non-negative weights per row, or {@code null} for equal weights
   * @throws IllegalArgumentException if a label is not 0 or 1
   */
  FittedClassifier fit(FeatureMatrix x, int[] labels, double[] weights);

  /** Fits with equal weights. */
  default FittedClassifier fit(FeatureMatrix x, int[] labels) {
    return fit(x, labels, null);
  }

  /** The learner and its settings in a few words, for reports. */
  String describe();

  /** Checks that every label is 0 or 1. */
  static void checkLabels(int[] labels) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("label " + labels[i] + " at row " + i
            + " is not 0 or 1");
      }
    }
  }
}
