package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.Learner;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import java.util.Objects;

/**
 * The settings shared by the estimators {@link EstimatorSelection} builds: the learner family,
 * cross-fitting folds, bootstrap resamples, seed and native threads, plus the few method-specific
 * options users set from the command line.
 *
 * @param learner the nuisance learner family
 * @param folds cross-fitting folds (AIPW, TMLE, DML, DML-IV)
 * @param bootstrapSamples resamples for bootstrap intervals (g-formula, front door)
 * @param seed seeds folds, resamples and learners
 * @param threads threads for the learners
 * @param trim IPW trimming bound (0: none)
 * @param matchingDistance the matching distance
 * @param caliper the matching caliper (0: none)
 * @param splits independent fold splits whose median AIPW and TMLE report (1: one split)
 */
public record EstimatorSettings(
    Learner learner,
    int folds,
    int bootstrapSamples,
    long seed,
    int threads,
    double trim,
    Matching.Distance matchingDistance,
    double caliper,
    int splits) {

  public EstimatorSettings {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(matchingDistance, "matchingDistance");
    if (folds < 1) {
      throw new InvalidInputException("--folds must be at least 1, not " + folds);
    }
    if (bootstrapSamples < 2) {
      throw new InvalidInputException("--bootstrap must be at least 2, not " + bootstrapSamples);
    }
    if (splits < 1) {
      throw new InvalidInputException("--splits must be at least 1, not " + splits);
    }
    if (threads < 1) {
      throw new InvalidInputException("--threads must be at least 1, not " + threads);
    }
  }

  /**
   * Linear learners, 5 folds, 200 resamples, seed 0, one thread, no trimming or caliper, one
   * split.
   */
  public static EstimatorSettings defaults() {
    return new EstimatorSettings(Learner.LINEAR, 5, 200, 0, 1, 0, Matching.Distance.PROPENSITY,
        0, 1);
  }

  /** These settings with another learner family. */
  public EstimatorSettings withLearner(Learner l) {
    return new EstimatorSettings(l, folds, bootstrapSamples, seed, threads, trim,
        matchingDistance, caliper, splits);
  }

  /** The learners of the chosen family. */
  public NuisanceLearners learners() {
    return learner.learners(seed, threads);
  }
}
