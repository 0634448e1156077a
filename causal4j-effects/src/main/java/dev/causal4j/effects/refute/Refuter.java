package dev.causal4j.effects.refute;

import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;

/**
 * A check of an effect estimate that re-runs its estimator on modified data. Implementations are
 * immutable configurations (runs, seed, threshold); the same estimator, problem and seed give the
 * same refutation on any number of threads, since run {@code r} draws from its own generator
 * seeded by {@code (seed, kind, r)} and results are stored by run.
 */
public interface Refuter {

  /** Which check this is. */
  RefuterKind kind();

  /**
   * Re-runs {@code estimator} on modified versions of {@code problem}'s data and judges the
   * results against {@code original}, the estimator's answer on the unmodified problem.
   *
   * @throws dev.causal4j.InvalidInputException if no run could be estimated, with the reason of
   *     the first failure
   */
  RerunRefutation refute(Estimator estimator, EstimationProblem problem, EffectEstimate original);
}
