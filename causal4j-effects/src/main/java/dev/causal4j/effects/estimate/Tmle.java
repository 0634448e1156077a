package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import java.util.List;
import java.util.Objects;

/**
 * Targeted maximum likelihood estimation (van der Laan &amp; Rubin 2006; van der Laan &amp; Rose
 * 2011, ch. 4–5) with cross-fitted initial estimates. The outcome is scaled to {@code [0, 1]} by
 * its observed range (Gruber &amp; van der Laan 2010), the initial outcome regressions {@code μ₀,
 * μ₁} are bounded to {@code [0.005, 0.995]} on that scale, and a logistic fluctuation {@code
 * logit Q* = logit Q + ε H} along the clever covariate {@code H} is fitted by maximum likelihood
 * with the initial fit as offset. The estimate is the plug-in of the updated regressions, so it
 * stays within the outcome's range; the standard error is that of the efficient influence
 * function at the updated fit.
 *
 * <p>Clever covariates: ATE, {@code H = T/e − (1−T)/(1−e)}, updating both arms. ATT, {@code H =
 * e/(1−e)} on the controls, updating {@code μ₀}, with estimate {@code mean over the treated of Y −
 * μ₀*}; ATC symmetric. Each solves its efficient score equation in one step, since {@code H} does
 * not depend on the outcome regression. Departure from the textbook: the initial estimates are
 * cross-fitted rather than fitted once by a super learner (as in CV-TMLE, Zheng &amp; van der Laan
 * 2011), and propensities are clipped to {@code [clip, 1 − clip]} at the end the clever covariate
 * divides by (both for the ATE, the upper for the ATT, the lower for the ATC).
 *
 * @param learners outcome regressions and propensity classifier
 * @param folds cross-fitting folds for the initial estimates ({@code 1}: none)
 * @param clip propensity clipping bound
 * @param seed seeds the folds
 * @param splits independent fold splits whose median is reported ({@link RepeatedSplits})
 */
public record Tmle(NuisanceLearners learners, int folds, double clip, long seed, int splits)
    implements Estimator {

  private static final double BOUND = 0.005;

  public Tmle {
    Objects.requireNonNull(learners, "learners");
    AugmentedIpw.checkSettings(folds, clip);
    RepeatedSplits.check(splits);
  }

  /** One fold split. */
  public Tmle(NuisanceLearners learners, int folds, double clip, long seed) {
    this(learners, folds, clip, seed, 1);
  }

  /** Five folds, clipping at 0.01. */
  public static Tmle of(NuisanceLearners learners, long seed) {
    return new Tmle(learners, 5, Propensities.EXTREME, seed);
  }

  @Override
  public Method method() {
    return Method.TMLE;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    int[] labels = d.treatmentLabels("TMLE");
    AugmentedIpw.Fitted f = AugmentedIpw.fitNuisances(d, labels, learners, folds, clip, seed);
    RepeatedSplits.Split s = RepeatedSplits.median(splits, seed, k -> target(d, problem,
        k == 0 ? f : AugmentedIpw.fitNuisances(d, labels, learners, folds, clip, seed + k)));
    double tau = s.estimate();
    double se = s.se();
    return Results.of(d, method(), problem.estimand(), tau, se,
        ConfidenceInterval.normal(tau, se, IntervalMethod.INFLUENCE_FUNCTION,
            "efficient influence function at the targeted fit"
                + RepeatedSplits.describe(splits)),
        AugmentedIpw.crossFitDetails("TMLE, logistic fluctuation on the outcome scaled to its"
            + " range, initial fits", folds, learners) + RepeatedSplits.describe(splits),
        f.diagnostics(d, problem.estimand()), List.of("The nuisance models converge to the truth"
            + " (either one suffices for consistency, both for the interval)."));
  }

  /** The targeting step on one split's nuisances: the estimate and its standard error. */
  private static RepeatedSplits.Split target(EffectData d, EstimationProblem problem,
      AugmentedIpw.Fitted f) {
    double[] y = d.outcome();
    double[] t = d.treatment();
    double[] e = f.e();
    int n = y.length;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (hi == lo) {
      throw new InvalidInputException("the outcome '" + problem.outcome() + "' is constant in the"
          + " rows used; there is no effect to estimate");
    }
    double range = hi - lo;
    double[] ys = new double[n];
    double[] q0 = new double[n];
    double[] q1 = new double[n];
    for (int i = 0; i < n; i++) {
      ys[i] = (y[i] - lo) / range;
      q0[i] = bound((f.nuisances().mu0()[i] - lo) / range);
      q1[i] = bound((f.nuisances().mu1()[i] - lo) / range);
    }
    Estimand estimand = problem.estimand();
    double[] h = new double[n];
    double[] offset = new double[n];
    boolean[] use = new boolean[n];
    for (int i = 0; i < n; i++) {
      switch (estimand) {
        case ATE -> {
          h[i] = t[i] == 1 ? 1 / e[i] : -1 / (1 - e[i]);
          offset[i] = logit(t[i] == 1 ? q1[i] : q0[i]);
          use[i] = true;
        }
        case ATT -> {
          h[i] = e[i] / (1 - e[i]);
          offset[i] = logit(q0[i]);
          use[i] = t[i] == 0;
        }
        case ATC -> {
          h[i] = (1 - e[i]) / e[i];
          offset[i] = logit(q1[i]);
          use[i] = t[i] == 1;
        }
        default -> throw new IllegalStateException();
      }
    }
    double eps = fluctuation(ys, h, offset, use);
    double[] q0s = new double[n];
    double[] q1s = new double[n];
    for (int i = 0; i < n; i++) {
      switch (estimand) {
        case ATE -> {
          q1s[i] = expit(logit(q1[i]) + eps / e[i]);
          q0s[i] = expit(logit(q0[i]) - eps / (1 - e[i]));
        }
        case ATT -> {
          q1s[i] = q1[i];
          q0s[i] = expit(logit(q0[i]) + eps * h[i]);
        }
        case ATC -> {
          q1s[i] = expit(logit(q1[i]) + eps * h[i]);
          q0s[i] = q0[i];
        }
        default -> throw new IllegalStateException();
      }
    }
    // Back on the outcome's scale; the plug-in equals the influence-function form at Q*.
    double[] m0 = new double[n];
    double[] m1 = new double[n];
    for (int i = 0; i < n; i++) {
      m0[i] = lo + range * q0s[i];
      m1[i] = lo + range * q1s[i];
    }
    double tau = plugIn(y, t, m0, m1, estimand);
    double[] psi = Scores.aipw(y, t, e, m0, m1, estimand).influence();
    return new RepeatedSplits.Split(tau, Results.influenceSe(psi));
  }

  static double plugIn(double[] y, double[] t, double[] m0, double[] m1, Estimand estimand) {
    double s = 0;
    int c = 0;
    for (int i = 0; i < y.length; i++) {
      switch (estimand) {
        case ATE -> {
          s += m1[i] - m0[i];
          c++;
        }
        case ATT -> {
          if (t[i] == 1) {
            s += y[i] - m0[i];
            c++;
          }
        }
        case ATC -> {
          if (t[i] == 0) {
            s += m1[i] - y[i];
            c++;
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return s / c;
  }

  /**
   * The maximum-likelihood {@code ε} of the quasi-binomial model {@code logit E[y] = offset + ε h}
   * over the rows in {@code use}, by Newton's method with step halving.
   */
  static double fluctuation(double[] y, double[] h, double[] offset, boolean[] use) {
    double eps = 0;
    double ll = loglik(y, h, offset, use, eps);
    for (int iter = 0; iter < 100; iter++) {
      double g = 0;
      double info = 0;
      for (int i = 0; i < y.length; i++) {
        if (!use[i]) {
          continue;
        }
        double p = expit(offset[i] + eps * h[i]);
        g += h[i] * (y[i] - p);
        info += h[i] * h[i] * p * (1 - p);
      }
      if (info <= 0) {
        break;
      }
      double step = g / info;
      double t = 1;
      double next;
      double nextLl;
      do {
        next = eps + t * step;
        nextLl = loglik(y, h, offset, use, next);
        t /= 2;
      } while (nextLl < ll - 1e-12 && t > 1e-10);
      boolean done = Math.abs(next - eps) < 1e-10;
      eps = next;
      ll = nextLl;
      if (done) {
        break;
      }
    }
    return eps;
  }

  private static double loglik(double[] y, double[] h, double[] offset, boolean[] use,
      double eps) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      if (use[i]) {
        double eta = offset[i] + eps * h[i];
        double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
        s += y[i] * eta - softplus;
      }
    }
    return s;
  }

  private static double bound(double q) {
    return Math.min(1 - BOUND, Math.max(BOUND, q));
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  static double expit(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }
}
