package dev.causal4j.effects.cate;

import dev.causal4j.effects.estimate.CrossFitting;
import dev.causal4j.effects.estimate.learner.Classifier;
import dev.causal4j.effects.estimate.learner.FittedRegressor;
import dev.causal4j.effects.estimate.learner.Regressor;
import java.util.Locale;
import java.util.Objects;

/**
 * The R-learner (Nie &amp; Wager 2021, "Quasi-oracle estimation of heterogeneous treatment
 * effects", Biometrika 108(2)): with cross-fitted {@code m(x) = E[Y | x]} and {@code e(x) = P(T =
 * 1 | x)}, minimise the R-loss {@code Σ ((Y − m(X)) − (T − e(X)) τ(X))²} over {@code τ}. Any
 * weighted regressor does this: regress {@code (Y − m) / (T − e)} on the covariates with weights
 * {@code (T − e)²}, the form the paper gives for learners without a custom loss.
 *
 * <p>Propensities are clipped to {@code [clip, 1 − clip]}, which keeps the pseudo-outcome finite
 * (the paper assumes overlap instead). The penalty is the base learner's own (ridge, tree depth,
 * early stopping), not a separate tuning of the R-loss's regulariser.
 *
 * @param outcome the marginal outcome regression {@code m}
 * @param propensity the propensity classifier
 * @param effect the weighted second-stage regression
 * @param folds cross-fitting folds, at least 2
 * @param clip propensity clipping bound, in {@code [0, 0.5)}
 * @param seed seeds the folds
 */
public record RLearner(Regressor outcome, Classifier propensity, Regressor effect, int folds,
    double clip, long seed) implements CateLearner {

  public RLearner {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(propensity, "propensity");
    Objects.requireNonNull(effect, "effect");
    DrLearner.checkFolds(folds, clip);
  }

  @Override
  public MetaLearner kind() {
    return MetaLearner.R;
  }

  @Override
  public CateModel fit(CateSample s) {
    int[] fold = CrossFittedNuisances.folds(s, folds, seed);
    double[] e = CrossFittedNuisances.propensity(s, propensity, fold, clip);
    double[] m = CrossFitting.regression(s.x(), s.outcome(), null, outcome, fold);
    int n = s.rows();
    double[] pseudo = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double rt = s.treatment()[i] - e[i];
      pseudo[i] = (s.outcome()[i] - m[i]) / rt;
      w[i] = rt * rt;
    }
    FittedRegressor tau = effect.fit(s.x(), pseudo, w);
    return tau::predict;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "R-learner (%d-fold cross-fitted nuisances, propensity"
        + " clipped at %s); outcome: %s; propensity: %s; effect: %s (weighted)", folds, clip,
        outcome.describe(), propensity.describe(), effect.describe());
  }
}
