package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Two-stage least squares (Theil 1953; Wooldridge 2010, ch. 5): regress the treatment on the
 * instruments and the conditioning covariates {@code W}, then the outcome on the fitted treatment
 * and {@code W}. The standard error is the heteroskedasticity-robust sandwich with the structural
 * residuals {@code Y − θT − Wγ}. The first-stage F statistic of the excluded instruments (the
 * classical, homoskedastic one, whose rule of thumb F &lt; 10 for weak instruments comes from
 * Staiger &amp; Stock 1997) is reported, with a warning below 10.
 *
 * <p>In a linear model with a constant effect this is the effect of a unit increase of the
 * treatment; with a binary instrument and treatment and heterogeneous effects it is the local
 * average effect on compliers (Imbens &amp; Angrist 1994), which the assumptions say.
 *
 * @param covariance the robust covariance (HC1 by default, as most IV software reports)
 */
public record TwoStageLeastSquares(RobustCovariance covariance) implements Estimator {

  public TwoStageLeastSquares {
    Objects.requireNonNull(covariance, "covariance");
  }

  /** HC1 standard errors. */
  public static TwoStageLeastSquares defaults() {
    return new TwoStageLeastSquares(RobustCovariance.HC1);
  }

  @Override
  public Method method() {
    return Method.IV;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    Results.requireAte(problem.estimand(), method(), "a linear IV model has one coefficient");
    FeatureMatrix zm = d.instruments();
    if (zm.cols() == 0) {
      throw new InvalidInputException("instrumental variables need an instrument; name one with"
          + " --instrument");
    }
    FeatureMatrix w = d.covariates();
    int n = d.rows();
    int q = zm.cols();
    int p = w.cols();
    double[] t = d.treatment();
    // First stage: T on [1, Z, W], and the restricted fit on [1, W] for the F statistic.
    FeatureMatrix zw = design(n, null, zm, w);
    List<String> zwNames = names("(intercept)", null, problem.instruments(), q, w, d);
    OrdinaryLeastSquares.Fit first = OrdinaryLeastSquares.fit(zw, zwNames, t,
        RobustCovariance.HC0);
    FeatureMatrix wOnly = design(n, null, FeatureMatrix.empty(n), w);
    OrdinaryLeastSquares.Fit restricted = OrdinaryLeastSquares.fit(wOnly,
        names("(intercept)", null, List.of(), 0, w, d), t, RobustCovariance.HC0);
    double rssU = sumSquares(first.residuals());
    double rssR = sumSquares(restricted.residuals());
    int dofU = n - zw.cols();
    double f = ((rssR - rssU) / q) / (rssU / dofU);
    double[] that = new double[n];
    double[] fr = first.residuals();
    for (int i = 0; i < n; i++) {
      that[i] = t[i] - fr[i];
    }
    FeatureMatrix xhat = design(n, that, FeatureMatrix.empty(n), w);
    FeatureMatrix x = design(n, t, FeatureMatrix.empty(n), w);
    List<String> xNames = names("(intercept)", problem.treatment(), List.of(), 0, w, d);
    OrdinaryLeastSquares.Fit second = OrdinaryLeastSquares.fit(xhat, x, xNames, d.outcome(),
        covariance);
    double theta = second.coefficient(1);
    double se = second.standardError(1);
    List<String> warnings = new ArrayList<>(d.commonWarnings());
    if (!(f >= 10)) {
      warnings.add(String.format(Locale.ROOT, "Weak instrument%s: first-stage F = %.2f < 10;"
          + " the estimate is biased toward least squares and its interval is unreliable.",
          q == 1 ? "" : "s", f));
    }
    Diagnostics diag = new Diagnostics(Optional.empty(), 0, Optional.empty(), List.of(),
        OptionalDouble.of(f), warnings);
    return Results.of(d, method(), Estimand.ATE, theta, se, ConfidenceInterval.normal(theta, se,
        IntervalMethod.ANALYTIC, covariance + " sandwich"), "two-stage least squares, "
        + covariance + " robust standard error", diag,
        List.of("The outcome is linear in the treatment and covariates with a constant effect"
            + " (otherwise, for a binary instrument and treatment, this is the effect on"
            + " compliers)."));
  }

  /** {@code [1, column?, Z, W]} row-major. */
  static FeatureMatrix design(int n, double[] column, FeatureMatrix z, FeatureMatrix w) {
    int q = z.cols();
    int p = w.cols();
    int k = 1 + (column == null ? 0 : 1) + q + p;
    double[] v = new double[n * k];
    for (int i = 0; i < n; i++) {
      int o = i * k;
      v[o++] = 1;
      if (column != null) {
        v[o++] = column[i];
      }
      for (int j = 0; j < q; j++) {
        v[o++] = z.get(i, j);
      }
      for (int j = 0; j < p; j++) {
        v[o++] = w.get(i, j);
      }
    }
    return new FeatureMatrix(v, n, k);
  }

  private static List<String> names(String first, String column, List<String> instruments, int q,
      FeatureMatrix w, EffectData d) {
    List<String> out = new ArrayList<>();
    out.add(first);
    if (column != null) {
      out.add(column);
    }
    for (int j = 0; j < q; j++) {
      out.add(q == instruments.size() ? instruments.get(j) : "instrument " + (j + 1));
    }
    out.addAll(d.covariateNames());
    return out;
  }

  private static double sumSquares(double[] r) {
    double s = 0;
    for (double v : r) {
      s += v * v;
    }
    return s;
  }
}
