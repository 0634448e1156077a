package dev.causal4j.effects.scm;

/**
 * A fitted probabilistic classifier, {@code P(X = k | features)}: the plug for a learned
 * classifier in a {@link ClassifierMechanism}. Implementations must be deterministic and safe to
 * call from several threads.
 */
@FunctionalInterface
public interface ClassProbabilities {
  /**
   * Writes {@code P(X = k | row i)} into {@code out[i * levels + k]}; each row's probabilities
   * must be non-negative and sum to 1.
   */
  void predict(double[][] features, int levels, double[] out);
}
