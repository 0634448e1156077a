package dev.causal4j.effects.cate;

import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import dev.causal4j.effects.estimate.learner.FittedRegressor;
import dev.causal4j.effects.estimate.learner.Regressor;
import java.util.Objects;

/**
 * The S-learner ("single" model; Künzel, Sekhon, Bickel &amp; Yu 2019): one regression of the
 * outcome on the covariates and the treatment, {@code μ(x, t)}, and {@code τ(x) = μ(x, 1) − μ(x,
 * 0)}. Nothing is cross-fitted: the effect is a plug-in difference of one model's predictions.
 *
 * <p>Its bias is towards no heterogeneity: a learner that regularises or splits rarely on the
 * treatment shrinks {@code τ} to a constant, and a linear regression gives exactly a constant
 * (its treatment coefficient).
 *
 * @param outcome the regression {@code μ(x, t)}
 */
public record SLearner(Regressor outcome) implements CateLearner {

  public SLearner {
    Objects.requireNonNull(outcome, "outcome");
  }

  @Override
  public MetaLearner kind() {
    return MetaLearner.S;
  }

  @Override
  public CateModel fit(CateSample s) {
    FittedRegressor mu = outcome.fit(s.x().withColumn(s.treatmentValues()), s.outcome());
    return x -> {
      FeatureMatrix xt = x.withColumn(new double[x.rows()]);
      double[] m0 = mu.predict(xt);
      double[] m1 = mu.predict(xt.withLastColumn(1));
      for (int i = 0; i < m1.length; i++) {
        m1[i] -= m0[i];
      }
      return m1;
    };
  }

  @Override
  public String describe() {
    return "S-learner; outcome: " + outcome.describe();
  }
}
