package dev.causal4j.effects.refute;

import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import java.util.Locale;
import java.util.Objects;

/**
 * The E-value (VanderWeele &amp; Ding 2017, "Sensitivity analysis in observational research:
 * introducing the E-value", Annals of Internal Medicine 167:268–274): the smallest strength of
 * association, on the risk-ratio scale, that an unmeasured confounder would need with both the
 * treatment and the outcome, beyond the measured covariates, to fully explain away an observed
 * risk ratio {@code RR}: {@code E = RR + √(RR·(RR − 1))} for {@code RR ≥ 1}, and the same of
 * {@code 1/RR} below 1. The E-value of an interval is that of the limit nearest the null, and 1 if
 * the interval contains the null.
 *
 * <p>How an effect estimate is put on the risk-ratio scale:
 *
 * <ul>
 *   <li><b>Binary treatment and binary (0/1) outcome</b>: the estimate is a risk difference
 *       {@code RD}; with the untreated risk {@code p₀} of the estimand's population, {@code RR =
 *       (p₀ + RD)/p₀}, and the interval's limits likewise. {@code p₀} is exact for the ATT
 *       (the treated's observed risk minus the ATT) and the ATC (the controls' observed risk); for
 *       the ATE the controls' observed risk stands in for the population's, an approximation when
 *       the arms differ. {@code p₀} is taken as fixed, so its own sampling error is not in the
 *       interval.
 *   <li><b>Otherwise</b> (a continuous outcome, or a continuous treatment): the standardized
 *       effect {@code d = estimate / SD}, with {@code SD} the pooled within-arm standard deviation
 *       of the outcome for a binary treatment (the outcome's standard deviation for a continuous
 *       one, so {@code d} is per unit of treatment), and VanderWeele &amp; Ding's approximation
 *       {@code RR ≈ exp(0.91·d)}, interval {@code exp(0.91·d ± 1.78·SE/SD)} (Table 2 of the
 *       paper; 1.78 = 0.91 × 1.96). The approximation assumes a roughly normal outcome; it is
 *       stated in {@link #conversion()}.
 * </ul>
 *
 * <p><b>Verdict.</b> <em>Passes when the E-value of the interval limit nearest the null is at
 * least {@code threshold}</em> (2 by default: a confounder would have to at least double the risk
 * of both treatment and outcome to make the interval include no effect). The threshold is a
 * convention, not a law; VanderWeele &amp; Ding ask readers to judge E-values against the
 * strength of known confounders.
 *
 * @param originalEstimate the estimate, on its own scale
 * @param riskRatio the estimate on the risk-ratio scale
 * @param riskRatioLower the interval's lower limit on that scale
 * @param riskRatioUpper the interval's upper limit on that scale
 * @param point the E-value of the estimate
 * @param bound the E-value of the interval limit nearest the null (1 if it contains the null)
 * @param conversion how the estimate was put on the risk-ratio scale, in words
 * @param verdict pass or fail, with the rule
 * @param summary one sentence
 */
public record EValue(
    double originalEstimate,
    double riskRatio,
    double riskRatioLower,
    double riskRatioUpper,
    double point,
    double bound,
    String conversion,
    Verdict verdict,
    String summary) implements Refutation {

  /** The default threshold for the interval's E-value. */
  public static final double DEFAULT_THRESHOLD = 2;

  public EValue {
    Objects.requireNonNull(conversion, "conversion");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
  }

  @Override
  public RefuterKind kind() {
    return RefuterKind.E_VALUE;
  }

  /**
   * The E-value of a risk ratio: {@code RR + √(RR·(RR − 1))}, with {@code RR} replaced by
   * {@code 1/RR} below 1.
   *
   * @throws IllegalArgumentException if {@code rr} is not positive
   */
  public static double of(double rr) {
    if (!(rr > 0) || Double.isInfinite(rr)) {
      throw new IllegalArgumentException("a risk ratio must be positive and finite, not " + rr);
    }
    double r = rr < 1 ? 1 / rr : rr;
    return r + Math.sqrt(r * (r - 1));
  }

  /** The E-value of an interval: that of the limit nearest 1, or 1 if it contains 1. */
  public static double ofInterval(double lower, double upper) {
    if (lower > 1) {
      return of(lower);
    }
    if (upper < 1) {
      return of(upper);
    }
    return 1;
  }

  /** The E-values of a risk ratio and its interval. */
  public static EValue forRiskRatio(double rr, double lower, double upper, double estimate,
      String conversion, double threshold) {
    double point = of(rr);
    double bound = ofInterval(lower, upper);
    Verdict v = new Verdict(bound >= threshold, threshold, String.format(Locale.ROOT, "passes"
        + " when the E-value of the interval limit nearest the null is at least %s",
        Reruns.num(threshold)));
    String summary = String.format(Locale.ROOT, "E-value %.2f for the estimate (risk ratio"
        + " %.3g, %s) and %.2f for the interval limit nearest the null: %s: %s",
        point, rr, conversion, bound,
        bound <= 1 ? "the interval already includes no effect, so no confounding is needed to"
            + " explain it away"
            : String.format(Locale.ROOT, "a confounder associated with both treatment and outcome"
                + " by a risk ratio of %.2f each could make the interval include no effect",
                bound),
        v.word());
    return new EValue(estimate, rr, lower, upper, point, bound, conversion, v, summary);
  }

  /**
   * The E-values of a standardized mean difference {@code d} with standard error {@code seD},
   * through {@code RR ≈ exp(0.91·d)} and the interval {@code exp(0.91·d ± 1.78·seD)}.
   */
  public static EValue forStandardizedDifference(double d, double seD, double estimate,
      String conversion, double threshold) {
    return forRiskRatio(Math.exp(0.91 * d), Math.exp(0.91 * d - 1.78 * seD),
        Math.exp(0.91 * d + 1.78 * seD), estimate, conversion, threshold);
  }

  /** The E-value of an effect estimate, with the default threshold. */
  public static EValue of(EstimationProblem problem, EffectEstimate estimate) {
    return of(problem, estimate, DEFAULT_THRESHOLD);
  }

  /** The E-value of an effect estimate, put on the risk-ratio scale as the class comment says. */
  public static EValue of(EstimationProblem problem, EffectEstimate estimate, double threshold) {
    EffectData d = EffectData.of(problem);
    double[] y = d.outcome();
    double[] t = d.treatment();
    double theta = estimate.estimate();
    if (d.isBinaryTreatment() && zeroOne(y)) {
      double[] risk = new double[2];
      int[] count = new int[2];
      for (int i = 0; i < y.length; i++) {
        risk[(int) t[i]] += y[i];
        count[(int) t[i]]++;
      }
      risk[0] /= count[0];
      risk[1] /= count[1];
      double p0 = estimate.estimand() == Estimand.ATT ? risk[1] - theta : risk[0];
      if (p0 > 0 && p0 + theta > 0) {
        String how = estimate.estimand() == Estimand.ATE
            ? String.format(Locale.ROOT, "from the risk difference with the controls' risk"
                + " %.3g standing in for the untreated risk", p0)
            : String.format(Locale.ROOT, "from the risk difference with untreated risk %.3g"
                + " among the %s", p0, estimate.estimand() == Estimand.ATT ? "treated"
                : "controls");
        return forRiskRatio((p0 + theta) / p0,
            Math.max(p0 + estimate.interval().lower(), 0) / p0,
            Math.max(p0 + estimate.interval().upper(), 0) / p0, theta, how, threshold);
      }
    }
    double sd;
    String how;
    if (d.isBinaryTreatment()) {
      double[] mean = new double[2];
      int[] count = new int[2];
      for (int i = 0; i < y.length; i++) {
        mean[(int) t[i]] += y[i];
        count[(int) t[i]]++;
      }
      mean[0] /= count[0];
      mean[1] /= count[1];
      double ss = 0;
      for (int i = 0; i < y.length; i++) {
        double e = y[i] - mean[(int) t[i]];
        ss += e * e;
      }
      sd = Math.sqrt(ss / (y.length - 2));
      how = "the pooled within-arm SD";
    } else {
      double m = 0;
      for (double v : y) {
        m += v;
      }
      m /= y.length;
      double ss = 0;
      for (double v : y) {
        ss += (v - m) * (v - m);
      }
      sd = Math.sqrt(ss / (y.length - 1));
      how = "the outcome's SD, per unit of treatment";
    }
    if (!(sd > 0)) {
      throw new dev.causal4j.InvalidInputException("the outcome '" + problem.outcome() + "' is"
          + " constant, so it has no E-value");
    }
    double smd = theta / sd;
    return forStandardizedDifference(smd, estimate.standardError() / sd, theta,
        String.format(Locale.ROOT, "≈ exp(0.91·d) for the standardized difference d = %.3g,"
            + " the estimate over %s %s", smd, how, Reruns.num(sd)), threshold);
  }

  private static boolean zeroOne(double[] v) {
    for (double x : v) {
      if (x != 0 && x != 1) {
        return false;
      }
    }
    return true;
  }
}
