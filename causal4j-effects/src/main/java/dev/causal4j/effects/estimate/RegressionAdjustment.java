package dev.causal4j.effects.estimate;

import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Regression adjustment: least squares of the outcome on the treatment and the covariates, with a
 * heteroskedasticity-robust standard error.
 *
 * <p>For a binary treatment, by default the model is fully interacted, {@code Y ~ T + X̃ + T·X̃}
 * with {@code X̃ = X − x̄_target}, where {@code x̄_target} is the covariate mean of the population
 * the estimand averages over (everyone for the ATE, the treated for the ATT, the controls for the
 * ATC). The coefficient of {@code T} then equals the g-computation estimate on that linear model,
 * {@code mean_target(μ̂₁(X) − μ̂₀(X))} (Imbens &amp; Wooldridge 2009, §5.3). Its variance adds to
 * the sandwich variance the sampling variance of {@code x̄_target}, {@code δᵀ Σ̂_target δ /
 * n_target} with {@code δ} the interaction coefficients, so the interval is for the population
 * effect, not the one conditional on the sample's covariates. Without interactions, or for a
 * continuous treatment, the model is {@code Y ~ T + X} and the effect is the coefficient of
 * {@code T}, assumed constant. With no covariates this is the difference in means, whose HC2
 * standard error is Neyman's.
 *
 * @param covariance the robust covariance (HC2 by default)
 * @param interactions fit treatment-by-covariate interactions for a binary treatment
 */
public record RegressionAdjustment(RobustCovariance covariance, boolean interactions)
    implements Estimator {

  public RegressionAdjustment {
    Objects.requireNonNull(covariance, "covariance");
  }

  /** HC2 standard errors, interactions for a binary treatment. */
  public static RegressionAdjustment defaults() {
    return new RegressionAdjustment(RobustCovariance.HC2, true);
  }

  @Override
  public Method method() {
    return Method.REGRESSION;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    Estimand estimand = problem.estimand();
    Results.requireAteForContinuous(d, estimand, method());
    FeatureMatrix x = d.covariates();
    int n = d.rows();
    int p = x.cols();
    double[] t = d.treatment();
    boolean interact = interactions && d.isBinaryTreatment() && p > 0;
    double[] center = new double[p];
    int nTarget = n;
    if (interact) {
      double[] xv = x.values();
      nTarget = 0;
      for (int i = 0; i < n; i++) {
        if (inTarget(estimand, t[i])) {
          nTarget++;
          for (int j = 0; j < p; j++) {
            center[j] += xv[i * p + j];
          }
        }
      }
      for (int j = 0; j < p; j++) {
        center[j] /= nTarget;
      }
    }
    int k = 2 + p + (interact ? p : 0);
    double[] design = new double[n * k];
    double[] xv = x.values();
    for (int i = 0; i < n; i++) {
      int o = i * k;
      design[o] = 1;
      design[o + 1] = t[i];
      for (int j = 0; j < p; j++) {
        double c = xv[i * p + j] - center[j];
        design[o + 2 + j] = c;
        if (interact) {
          design[o + 2 + p + j] = t[i] * c;
        }
      }
    }
    List<String> names = new ArrayList<>();
    names.add("(intercept)");
    names.add(problem.treatment());
    names.addAll(d.covariateNames());
    if (interact) {
      for (String c : d.covariateNames()) {
        names.add(problem.treatment() + ":" + c);
      }
    }
    OrdinaryLeastSquares.Fit fit = OrdinaryLeastSquares.fit(new FeatureMatrix(design, n, k),
        names, d.outcome(), covariance);
    double tau = fit.coefficient(1);
    double var = fit.standardError(1) * fit.standardError(1);
    if (interact) {
      // Sampling variance of the target mean: δᵀ Cov(X | target) δ / n_target.
      double[] delta = new double[p];
      for (int j = 0; j < p; j++) {
        delta[j] = fit.coefficient(2 + p + j);
      }
      double q = 0;
      for (int i = 0; i < n; i++) {
        if (inTarget(estimand, t[i])) {
          double s = 0;
          for (int j = 0; j < p; j++) {
            s += delta[j] * (xv[i * p + j] - center[j]);
          }
          q += s * s;
        }
      }
      var += q / (nTarget - 1) / nTarget;
    }
    double se = Math.sqrt(var);
    String model = p == 0 ? (d.isBinaryTreatment() ? "difference in means" : "simple regression")
        : interact ? "least squares with treatment-by-covariate interactions, covariates centred"
            + " on the " + target(estimand) : "least squares, constant effect";
    String details = model + "; " + covariance + " robust standard error";
    List<String> warnings = new ArrayList<>(d.commonWarnings());
    List<String> assumptions = new ArrayList<>();
    if (p > 0) {
      assumptions.add("The outcome is linear in the covariates"
          + (interact ? " within each arm." : ", with the same effect for every unit."));
    }
    return Results.of(d, method(), estimand, tau, se, ConfidenceInterval.normal(tau, se,
        IntervalMethod.ANALYTIC, covariance + " sandwich"), details, Diagnostics.of(warnings),
        assumptions);
  }

  private static boolean inTarget(Estimand e, double t) {
    return switch (e) {
      case ATE -> true;
      case ATT -> t == 1;
      case ATC -> t == 0;
    };
  }

  private static String target(Estimand e) {
    return switch (e) {
      case ATE -> "whole sample";
      case ATT -> "treated";
      case ATC -> "controls";
    };
  }
}
