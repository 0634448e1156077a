package dev.causal4j.effects.cate;

import dev.causal4j.effects.estimate.CrossFitting;
import dev.causal4j.effects.estimate.Propensities;
import dev.causal4j.effects.estimate.learner.Classifier;
import dev.causal4j.effects.estimate.learner.Regressor;

/**
 * Out-of-fold nuisance values for a sample (propensity clipped to {@code [clip, 1 − clip]}, and
 * arm-wise outcome regressions or the marginal outcome regression), and the doubly robust
 * pseudo-outcome built from them.
 */
final class CrossFittedNuisances {
  private CrossFittedNuisances() {}

  /** Folds stratified by the treatment. */
  static int[] folds(CateSample s, int k, long seed) {
    return CrossFitting.folds(s.rows(), k, seed, s.treatment());
  }

  /** Out-of-fold {@code P(T = 1 | x)}, clipped in place; the number clipped is not kept. */
  static double[] propensity(CateSample s, Classifier c, int[] fold, double clip) {
    double[] e = CrossFitting.probability(s.x(), s.treatment(), c, fold);
    Propensities.clip(e, clip);
    return e;
  }

  /** Out-of-fold {@code E[Y | T = a, x]}, fitted on arm {@code a} of the training folds. */
  static double[] armOutcome(CateSample s, Regressor r, int[] fold, int a) {
    return CrossFitting.regression(s.x(), s.outcome(), s.arm(a), r, fold);
  }

  /**
   * The AIPW pseudo-outcome {@code μ_1 − μ_0 + T (Y − μ_1) / e − (1 − T)(Y − μ_0) / (1 − e)},
   * whose conditional mean given {@code x} is {@code τ(x)} when either nuisance is right.
   */
  static double[] drPseudoOutcome(CateSample s, double[] e, double[] mu0, double[] mu1) {
    int n = s.rows();
    double[] phi = new double[n];
    for (int i = 0; i < n; i++) {
      double y = s.outcome()[i];
      phi[i] = mu1[i] - mu0[i] + (s.treatment()[i] == 1 ? (y - mu1[i]) / e[i]
          : -(y - mu0[i]) / (1 - e[i]));
    }
    return phi;
  }
}
