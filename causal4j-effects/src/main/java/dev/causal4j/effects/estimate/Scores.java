package dev.causal4j.effects.estimate;

/**
 * Weighting and doubly robust estimating equations on arrays: the point estimate and its influence
 * function for given nuisance values. Kept apart from the estimators so they can be checked against
 * independent computations with the same nuisance values.
 */
final class Scores {
  private Scores() {}

  /** An estimate and its influence function (mean zero), one value per row. */
  record Score(double estimate, double[] influence) {
    double standardError() {
      return Results.influenceSe(influence);
    }
  }

  /**
   * Normalised (Hájek) inverse probability weighting: each arm's weighted mean with weights
   * normalised to sum to one within the arm, which is what stabilised weights give. ATE weights
   * {@code 1/e} and {@code 1/(1−e)}; ATT weights 1 and {@code e/(1−e)}; ATC weights {@code
   * (1−e)/e} and 1. The influence function treats {@code e} as known (Lunceford &amp; Davidian
   * 2004): for a propensity fitted by maximum likelihood it is conservative for the ATE.
   */
  static Score ipw(double[] y, double[] t, double[] e, Estimand estimand) {
    int n = y.length;
    double[] w1 = new double[n];
    double[] w0 = new double[n];
    weights(t, e, estimand, w1, w0);
    double s1 = 0;
    double s0 = 0;
    double m1 = 0;
    double m0 = 0;
    for (int i = 0; i < n; i++) {
      s1 += w1[i];
      s0 += w0[i];
      m1 += w1[i] * y[i];
      m0 += w0[i] * y[i];
    }
    m1 /= s1;
    m0 /= s0;
    // For the Hájek ratio Σ w y / Σ w the influence is w (y − m) / mean(w).
    double a1 = s1 / n;
    double a0 = s0 / n;
    double[] psi = new double[n];
    for (int i = 0; i < n; i++) {
      psi[i] = w1[i] * (y[i] - m1) / a1 - w0[i] * (y[i] - m0) / a0;
    }
    return new Score(m1 - m0, psi);
  }

  /** The weights of treated ({@code w1}) and control ({@code w0}) rows for an estimand. */
  static void weights(double[] t, double[] e, Estimand estimand, double[] w1, double[] w0) {
    for (int i = 0; i < t.length; i++) {
      double ei = e[i];
      if (t[i] == 1) {
        w1[i] = switch (estimand) {
          case ATE -> 1 / ei;
          case ATT -> 1;
          case ATC -> (1 - ei) / ei;
        };
      } else {
        w0[i] = switch (estimand) {
          case ATE -> 1 / (1 - ei);
          case ATT -> ei / (1 - ei);
          case ATC -> 1;
        };
      }
    }
  }

  /**
   * The augmented IPW (doubly robust) estimator (Robins, Rotnitzky &amp; Zhao 1994) with its
   * efficient influence function. ATE: {@code mean(μ₁ − μ₀ + T(Y−μ₁)/e − (1−T)(Y−μ₀)/(1−e))}.
   * ATT (Hahn 1998; the "ATTE" score of Chernozhukov et al. 2018, §5.1): {@code Σ[T(Y−μ₀) −
   * (1−T) e (Y−μ₀)/(1−e)] / Σ T}. ATC symmetric: {@code Σ[(1−T)(μ₁−Y) + T (1−e)(Y−μ₁)/e] /
   * Σ(1−T)}.
   */
  static Score aipw(double[] y, double[] t, double[] e, double[] mu0, double[] mu1,
      Estimand estimand) {
    int n = y.length;
    double[] phi = new double[n];
    double[] psi = new double[n];
    switch (estimand) {
      case ATE -> {
        for (int i = 0; i < n; i++) {
          phi[i] = mu1[i] - mu0[i] + t[i] * (y[i] - mu1[i]) / e[i]
              - (1 - t[i]) * (y[i] - mu0[i]) / (1 - e[i]);
        }
        double tau = Results.mean(phi);
        for (int i = 0; i < n; i++) {
          psi[i] = phi[i] - tau;
        }
        return new Score(tau, psi);
      }
      case ATT, ATC -> {
        boolean att = estimand == Estimand.ATT;
        double p = 0;
        for (int i = 0; i < n; i++) {
          double a = att ? t[i] : 1 - t[i];
          p += a;
          phi[i] = att
              ? t[i] * (y[i] - mu0[i]) - (1 - t[i]) * e[i] * (y[i] - mu0[i]) / (1 - e[i])
              : (1 - t[i]) * (mu1[i] - y[i]) + t[i] * (1 - e[i]) * (y[i] - mu1[i]) / e[i];
        }
        p /= n;
        double tau = Results.mean(phi) / p;
        for (int i = 0; i < n; i++) {
          double a = att ? t[i] : 1 - t[i];
          psi[i] = (phi[i] - tau * a) / p;
        }
        return new Score(tau, psi);
      }
      default -> throw new IllegalStateException(estimand.toString());
    }
  }
}
