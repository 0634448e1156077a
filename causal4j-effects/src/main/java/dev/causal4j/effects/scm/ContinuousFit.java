package dev.causal4j.effects.scm;

import java.util.Objects;

/** How a continuous node's mechanism is fitted. */
public sealed interface ContinuousFit {

  /** Ordinary least squares on the encoded parents, with Gaussian or empirical noise. */
  record Linear(NoiseModel noise) implements ContinuousFit {
    public Linear {
      Objects.requireNonNull(noise);
    }
  }

  /**
   * A learned regression on the encoded parents; the noise is the empirical distribution of
   * out-of-fold residuals (cross-fitting over the builder's folds), the function the learner
   * fitted on every row.
   */
  record Learned(RegressionLearner learner) implements ContinuousFit {
    public Learned {
      Objects.requireNonNull(learner);
    }
  }

  /** Linear with Gaussian noise: the default. */
  static ContinuousFit linear() {
    return new Linear(NoiseModel.GAUSSIAN);
  }

  static ContinuousFit linear(NoiseModel noise) {
    return new Linear(noise);
  }

  static ContinuousFit learned(RegressionLearner learner) {
    return new Learned(learner);
  }
}
