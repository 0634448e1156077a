package dev.causal4j.effects.estimate;

import dev.causal4j.effects.estimate.learner.Regressor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parametric g-formula (Robins 1986), i.e. g-computation: fit the outcome regression in each
 * arm, {@code μ_a(x) = E[Y | T = a, X = x]}, with the chosen learner, and average the predicted
 * contrast over the target population: ATE {@code mean(μ₁(X) − μ₀(X))}, ATT {@code mean over the
 * treated of Y − μ₀(X)}, ATC {@code mean over the controls of μ₁(X) − Y}. Consistent only if the
 * outcome model is right; the interval is a bootstrap (resampling within arms, refitting both
 * regressions each time), since no simple variance formula covers a general learner.
 *
 * @param learner the outcome learner
 * @param bootstrapSamples resamples for the interval
 * @param seed seeds the bootstrap
 */
public record GFormula(Regressor learner, int bootstrapSamples, long seed) implements Estimator {

  public GFormula {
    Objects.requireNonNull(learner, "learner");
  }

  @Override
  public Method method() {
    return Method.G_FORMULA;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    d.requireBinary("the g-formula");
    Estimand estimand = problem.estimand();
    double tau = point(d, estimand);
    List<String> warnings = new ArrayList<>(d.commonWarnings());
    Bootstrap.Result b = Bootstrap.run(d.rows(), bootstrapSamples, seed, d.treatment(),
        rows -> point(d.rows(rows), estimand));
    b.warn(warnings);
    return Results.of(d, method(), estimand, tau, b.se(), b.interval(),
        "g-computation with arm-wise outcome models: " + learner.describe(),
        Diagnostics.of(warnings), List.of("The outcome model is correctly specified in each"
            + " arm."));
  }

  private double point(EffectData d, Estimand estimand) {
    int[] treated = d.arm(1);
    int[] control = d.arm(0);
    double[] y = d.outcome();
    double[] t = d.treatment();
    double[] mu0 = estimand == Estimand.ATC ? null : fitArm(d, control).predict(d.covariates());
    double[] mu1 = estimand == Estimand.ATT ? null : fitArm(d, treated).predict(d.covariates());
    if (estimand != Estimand.ATE) {
      double[] m0 = mu0 == null ? new double[y.length] : mu0;
      double[] m1 = mu1 == null ? new double[y.length] : mu1;
      return Tmle.plugIn(y, t, m0, m1, estimand);
    }
    return Tmle.plugIn(y, t, mu0, mu1, estimand);
  }

  private dev.causal4j.effects.estimate.learner.FittedRegressor fitArm(EffectData d, int[] rows) {
    double[] ya = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      ya[i] = d.outcome()[rows[i]];
    }
    return learner.fit(d.covariates().selectRows(rows), ya);
  }
}
