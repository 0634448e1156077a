package dev.causal4j.effects.estimate;

import dev.causal4j.data.Dataset;
import dev.causal4j.effects.Identification;

/**
 * An estimator of an average causal effect: given the data and the roles identification assigned
 * (adjustment set, instruments, mediators), an {@link EffectEstimate}. Implementations are
 * immutable configurations; same problem and settings (including the seed) give the same estimate
 * on any number of threads.
 */
public interface Estimator {

  /** Which method this is. */
  Method method();

  /**
   * Estimates the effect.
   *
   * @throws dev.causal4j.InvalidInputException if the data do not suit the method (a non-binary
   *     treatment for a binary-only method, no overlap, a missing instrument), naming the column
   *     and what to do
   */
  EffectEstimate estimate(EstimationProblem problem);

  /** Estimates the effect an identification defines. */
  default EffectEstimate estimate(Dataset data, Identification identification,
      Estimand estimand) {
    return estimate(EstimationProblem.of(data, identification, estimand));
  }
}
