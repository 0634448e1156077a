package dev.causal4j.effects.cate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.Classifier;
import dev.causal4j.effects.estimate.learner.FittedRegressor;
import dev.causal4j.effects.estimate.learner.Regressor;
import java.util.Locale;
import java.util.Objects;

/**
 * The DR-learner (Kennedy 2023, "Towards optimal doubly robust estimation of heterogeneous causal
 * effects", Electronic Journal of Statistics 17(2)): the doubly robust (AIPW) pseudo-outcome
 * {@code φ = μ_1(X) − μ_0(X) + T (Y − μ_1(X)) / e(X) − (1 − T)(Y − μ_0(X)) / (1 − e(X))},
 * built from cross-fitted nuisances (propensity {@code e}, arm-wise outcome regressions {@code
 * μ_a}), regressed on the covariates.
 *
 * <p>Departure from the paper: Kennedy's analysis splits the sample in two (nuisances on one half,
 * the second-stage regression on the other) and suggests cross-fitting as an improvement; this
 * class uses {@code K}-fold cross-fitting (every unit's pseudo-outcome from nuisances that never
 * saw it) and one second-stage regression on all units, as EconML's DRLearner does. Propensities
 * are clipped to {@code [clip, 1 − clip]} so one extreme score does not dominate the regression.
 *
 * @param outcome the arm-wise outcome regressions
 * @param propensity the propensity classifier
 * @param effect the second-stage regression of the pseudo-outcome
 * @param folds cross-fitting folds, at least 2
 * @param clip propensity clipping bound, in {@code [0, 0.5)}
 * @param seed seeds the folds
 */
public record DrLearner(Regressor outcome, Classifier propensity, Regressor effect, int folds,
    double clip, long seed) implements CateLearner {

  public DrLearner {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(propensity, "propensity");
    Objects.requireNonNull(effect, "effect");
    checkFolds(folds, clip);
  }

  static void checkFolds(int folds, double clip) {
    if (folds < 2) {
      throw new InvalidInputException("the DR- and R-learners cross-fit their nuisances: they need"
          + " at least 2 folds, not " + folds);
    }
    if (!(clip >= 0 && clip < 0.5)) {
      throw new InvalidInputException("the propensity clipping bound must be in [0, 0.5), not "
          + clip);
    }
  }

  @Override
  public MetaLearner kind() {
    return MetaLearner.DR;
  }

  @Override
  public CateModel fit(CateSample s) {
    int[] fold = CrossFittedNuisances.folds(s, folds, seed);
    double[] e = CrossFittedNuisances.propensity(s, propensity, fold, clip);
    double[] mu0 = CrossFittedNuisances.armOutcome(s, outcome, fold, 0);
    double[] mu1 = CrossFittedNuisances.armOutcome(s, outcome, fold, 1);
    double[] phi = CrossFittedNuisances.drPseudoOutcome(s, e, mu0, mu1);
    FittedRegressor tau = effect.fit(s.x(), phi);
    return tau::predict;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "DR-learner (%d-fold cross-fitted nuisances, propensity"
        + " clipped at %s); outcome: %s; propensity: %s; effect: %s", folds, clip,
        outcome.describe(), propensity.describe(), effect.describe());
  }
}
