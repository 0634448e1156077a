package dev.causal4j.effects.cate;

/**
 * A meta-learner of conditional average treatment effects {@code τ(x) = E[Y(1) − Y(0) | X = x]}
 * for a binary treatment, built from base learners of the {@link
 * dev.causal4j.effects.estimate.learner} package. Implementations are immutable configurations;
 * fitting is deterministic (same sample and configuration, seed included, give the same model on
 * any number of threads).
 *
 * <p>Every learner assumes what identifies {@code τ(x)}: no unmeasured confounding given the
 * covariates, and overlap ({@code 0 < P(T = 1 | X) < 1}).
 */
public interface CateLearner {

  /** Which meta-learner this is. */
  MetaLearner kind();

  /** Fits the learner to a sample. */
  CateModel fit(CateSample sample);

  /** The learner and its base learners in a few words, for reports. */
  String describe();
}
