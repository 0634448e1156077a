package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Double/debiased machine learning for the partially linear IV model (Chernozhukov et al. 2018,
 * §4.2): {@code Y = θT + g(X) + ε} with {@code E[ε | Z, X] = 0} for one instrument {@code Z}. With
 * {@code ℓ(X) = E[Y | X]}, {@code m(X) = E[Z | X]}, {@code r(X) = E[T | X]} cross-fitted, {@code θ
 * = Σ(Z − m)(Y − ℓ) / Σ(Z − m)(T − r)}; the variance is {@code mean(ψ²) / (J² n)} with {@code ψ =
 * (Y − ℓ − θ(T − r))(Z − m)} and {@code J = mean((Z − m)(T − r))}. The strength of the residualized
 * first stage is reported as an F statistic (the squared t statistic of {@code Z − m} in the
 * regression of {@code T − r} on it), with the weak-instrument warning below 10. All three
 * nuisances use the outcome regressor.
 *
 * @param learners nuisance learners
 * @param folds cross-fitting folds
 * @param seed seeds the folds
 */
public record DmlIv(NuisanceLearners learners, int folds, long seed) implements Estimator {

  public DmlIv {
    Objects.requireNonNull(learners, "learners");
    AugmentedIpw.checkSettings(folds, 0);
  }

  @Override
  public Method method() {
    return Method.DML_IV;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    Results.requireAte(problem.estimand(), method(), "the partially linear IV model has one"
        + " coefficient θ");
    if (d.instruments().cols() != 1) {
      throw new InvalidInputException("DML-IV takes exactly one instrument column, not "
          + d.instruments().cols() + " (" + String.join(", ", problem.instruments()) + "); use"
          + " --method iv (two-stage least squares) for several");
    }
    FeatureMatrix x = d.covariates();
    double[] y = d.outcome();
    double[] t = d.treatment();
    double[] z = d.instruments().column(0);
    int n = y.length;
    int[] fold = CrossFitting.folds(n, folds, seed, null);
    double[] ell = CrossFitting.regression(x, y, null, learners.outcome(), fold);
    double[] m = CrossFitting.regression(x, z, null, learners.outcome(), fold);
    double[] r = CrossFitting.regression(x, t, null, learners.outcome(), fold);
    double num = 0;
    double den = 0;
    double zz = 0;
    for (int i = 0; i < n; i++) {
      double zi = z[i] - m[i];
      num += zi * (y[i] - ell[i]);
      den += zi * (t[i] - r[i]);
      zz += zi * zi;
    }
    if (den == 0 || zz == 0) {
      throw new InvalidInputException("the instrument '" + problem.instruments().get(0)
          + "' does not move the treatment once the covariates are accounted for; it cannot"
          + " identify the effect");
    }
    double theta = num / den;
    double j = den / n;
    double s = 0;
    double b = den / zz;
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double zi = z[i] - m[i];
      double psi = (y[i] - ell[i] - theta * (t[i] - r[i])) * zi;
      s += psi * psi;
      double e = t[i] - r[i] - b * zi;
      rss += e * e;
    }
    double se = Math.sqrt(s / n / (j * j) / n);
    double f = b * b * zz / (rss / (n - 1));
    List<String> warnings = new ArrayList<>(d.commonWarnings());
    if (!(f >= 10)) {
      warnings.add(String.format(Locale.ROOT, "Weak instrument: residualized first-stage F ="
          + " %.2f < 10; the interval is unreliable.", f));
    }
    Diagnostics diag = new Diagnostics(Optional.empty(), 0, Optional.empty(), List.of(),
        OptionalDouble.of(f), warnings);
    return Results.of(d, method(), Estimand.ATE, theta, se, ConfidenceInterval.normal(theta, se,
        IntervalMethod.INFLUENCE_FUNCTION, "Neyman-orthogonal score"),
        AugmentedIpw.crossFitDetails("DML, partially linear IV", folds, learners), diag,
        List.of("The effect of the treatment is the same for every unit (partially linear"
            + " model)."));
  }
}
