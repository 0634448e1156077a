package dev.causal4j.effects.scm;

import java.util.List;

/**
 * A discrete node drawn from {@code P(X | parents)}. As a structural equation it is {@code X :=
 * F⁻¹(U | parents)} with {@code U ~ Uniform(0, 1)} and {@code F} the conditional distribution
 * function in level order; which joint law the responses at different parent values have is not
 * determined by data, which is why discrete counterfactuals are distributions (see the {@code
 * counterfactual} package).
 */
public sealed interface CategoricalMechanism extends Mechanism
    permits ConditionalTable, ClassifierMechanism {

  /** The node's levels; code {@code k} is {@code levels().get(k)}. */
  List<String> levels();

  /**
   * Writes {@code P(X = k | parents of row i)} into {@code out[i * levels + k]} for rows {@code
   * 0..n-1}.
   */
  void probabilities(double[][] parentColumns, int n, double[] out);
}
