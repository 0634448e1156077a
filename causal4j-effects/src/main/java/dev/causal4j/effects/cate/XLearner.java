package dev.causal4j.effects.cate;

import dev.causal4j.effects.estimate.learner.Classifier;
import dev.causal4j.effects.estimate.learner.FittedClassifier;
import dev.causal4j.effects.estimate.learner.FittedRegressor;
import dev.causal4j.effects.estimate.learner.Regressor;
import java.util.Objects;

/**
 * The X-learner (Künzel, Sekhon, Bickel &amp; Yu 2019, PNAS 116(10)): arm-wise outcome models
 * {@code μ_0, μ_1} as in the T-learner; imputed effects {@code D_i = Y_i − μ_0(X_i)} for the
 * treated and {@code D_i = μ_1(X_i) − Y_i} for the controls, regressed on the covariates within
 * each arm ({@code τ_1}, {@code τ_0}); combined as {@code τ(x) = g(x) τ_0(x) + (1 − g(x)) τ_1(x)}
 * with {@code g} the propensity score, the weight the paper recommends.
 *
 * <p>No cross-fitting, as in the paper: each imputed effect uses the other arm's model, which never
 * saw that unit. It does well when one arm is much larger than the other, because the small arm's
 * effect model borrows the large arm's outcome model.
 *
 * @param outcome the first-stage regressions {@code μ_0, μ_1}
 * @param effect the second-stage regressions {@code τ_0, τ_1}
 * @param propensity the classifier for {@code g(x) = P(T = 1 | x)}
 */
public record XLearner(Regressor outcome, Regressor effect, Classifier propensity)
    implements CateLearner {

  public XLearner {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(propensity, "propensity");
  }

  @Override
  public MetaLearner kind() {
    return MetaLearner.X;
  }

  @Override
  public CateModel fit(CateSample s) {
    FittedRegressor[] mu = TLearner.armModels(outcome, s);
    FittedRegressor[] tau = new FittedRegressor[2];
    for (int a = 0; a < 2; a++) {
      int[] rows = s.armRows(a);
      var xa = s.x().selectRows(rows);
      double[] other = mu[1 - a].predict(xa);
      double[] d = new double[rows.length];
      for (int i = 0; i < d.length; i++) {
        double y = s.outcome()[rows[i]];
        d[i] = a == 1 ? y - other[i] : other[i] - y;
      }
      tau[a] = effect.fit(xa, d);
    }
    FittedClassifier g = propensity.fit(s.x(), s.treatment());
    return x -> {
      double[] e = g.probability(x);
      double[] t0 = tau[0].predict(x);
      double[] t1 = tau[1].predict(x);
      double[] out = new double[e.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = e[i] * t0[i] + (1 - e[i]) * t1[i];
      }
      return out;
    };
  }

  @Override
  public String describe() {
    return "X-learner; outcome: " + outcome.describe() + "; effect: " + effect.describe()
        + "; propensity: " + propensity.describe();
  }
}
