package dev.causal4j.effects.cate;

import dev.causal4j.effects.estimate.learner.FittedRegressor;
import dev.causal4j.effects.estimate.learner.Regressor;
import java.util.Objects;

/**
 * The T-learner ("two" models; Künzel, Sekhon, Bickel &amp; Yu 2019): separate outcome
 * regressions in each arm, {@code μ_0} on the controls and {@code μ_1} on the treated, and {@code
 * τ(x) = μ_1(x) − μ_0(x)}. Nothing is cross-fitted. With least squares it is the regression with
 * every covariate interacted with the treatment.
 *
 * <p>Its weakness: each arm's model regularises on its own, so when one arm is small the
 * difference carries that arm's whole error, heterogeneous or not.
 *
 * @param outcome the arm-wise regression
 */
public record TLearner(Regressor outcome) implements CateLearner {

  public TLearner {
    Objects.requireNonNull(outcome, "outcome");
  }

  @Override
  public MetaLearner kind() {
    return MetaLearner.T;
  }

  @Override
  public CateModel fit(CateSample s) {
    FittedRegressor[] mu = armModels(outcome, s);
    return x -> {
      double[] m1 = mu[1].predict(x);
      double[] m0 = mu[0].predict(x);
      for (int i = 0; i < m1.length; i++) {
        m1[i] -= m0[i];
      }
      return m1;
    };
  }

  /** {@code μ_0} and {@code μ_1}, each fitted on its own arm. */
  static FittedRegressor[] armModels(Regressor r, CateSample s) {
    FittedRegressor[] mu = new FittedRegressor[2];
    for (int a = 0; a < 2; a++) {
      int[] rows = s.armRows(a);
      mu[a] = r.fit(s.x().selectRows(rows), CateSample.at(s.outcome(), rows));
    }
    return mu;
  }

  @Override
  public String describe() {
    return "T-learner; outcome: " + outcome.describe();
  }
}
