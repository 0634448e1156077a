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
   *
   * <p>ATT: the doubly robust form with normalised (Hájek) control weights, as in the panel-data
   * doubly robust estimator of Sant'Anna &amp; Zhao (2020) with the outcome in place of its change
   * over time (normalised weights as recommended by Imbens &amp; Wooldridge 2009): with
   * {@code R = Y − μ₀} and {@code w₀ = (1−T) e/(1−e)}, {@code τ = Σ T R / Σ T − Σ w₀ R / Σ w₀}.
   * The unnormalised "ATTE" score of Hahn (1998) and Chernozhukov et al. (2018, §5.1) divides the
   * control term by {@code Σ T} instead; the two agree when {@code Σ w₀ = Σ T}, which a correct
   * propensity gives in expectation, so they share the efficient influence function, but the
   * normalised control term is a weighted mean of the control residuals and so stays within their
   * range however large a weight {@code e/(1−e)} grows as {@code e → 1}. The influence function is
   * {@code T (R − a)/p − w₀ (R − b)/mean(w₀)} with {@code a, b} the two means and {@code p =
   * mean(T)}, nuisances treated as known (their estimation does not enter to first order when
   * both are cross-fitted and consistent). ATC symmetric: {@code Σ (1−T)(μ₁ − Y) / Σ(1−T) + Σ w₁
   * (Y − μ₁) / Σ w₁} with {@code w₁ = T (1−e)/e}.
   */
  static Score aipw(double[] y, double[] t, double[] e, double[] mu0, double[] mu1,
      Estimand estimand) {
    int n = y.length;
    double[] psi = new double[n];
    switch (estimand) {
      case ATE -> {
        double[] phi = new double[n];
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
        // The "target" arm is the one whose effect is wanted (treated for ATT); the other arm's
        // residuals are reweighted to it with normalised odds weights.
        boolean att = estimand == Estimand.ATT;
        double[] r = new double[n];
        double[] w = new double[n];
        double ta = 0;
        double tr = 0;
        double sw = 0;
        double swr = 0;
        for (int i = 0; i < n; i++) {
          boolean target = att ? t[i] == 1 : t[i] == 0;
          r[i] = att ? y[i] - mu0[i] : mu1[i] - y[i];
          if (target) {
            ta++;
            tr += r[i];
          } else {
            w[i] = att ? e[i] / (1 - e[i]) : (1 - e[i]) / e[i];
            sw += w[i];
            swr += w[i] * r[i];
          }
        }
        double a = tr / ta;
        double b = swr / sw;
        double p = ta / n;
        double mw = sw / n;
        for (int i = 0; i < n; i++) {
          boolean target = att ? t[i] == 1 : t[i] == 0;
          psi[i] = target ? (r[i] - a) / p : -w[i] * (r[i] - b) / mw;
        }
        return new Score(a - b, psi);
      }
      default -> throw new IllegalStateException(estimand.toString());
    }
  }
}
