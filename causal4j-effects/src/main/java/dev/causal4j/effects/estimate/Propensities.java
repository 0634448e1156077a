package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import java.util.Locale;

/**
 * Overlap checks and summaries of propensity scores, shared by the estimators and the CATE
 * learners ({@link dev.causal4j.effects.cate}) that use them.
 */
public final class Propensities {
  private Propensities() {}

  /** Scores below this or above one minus it count as extreme. */
  public static final double EXTREME = 0.01;

  /**
   * Refuses propensities that leave no overlap: the treated and control scores do not share any
   * range (the covariates separate the arms), or most units sit at 0 or 1.
   */
  public static void checkOverlap(double[] e, double[] t, String treatment) {
    double[] tr = range(e, t, 1);
    double[] cr = range(e, t, 0);
    int atBounds = 0;
    for (double v : e) {
      if (v < 1e-3 || v > 1 - 1e-3) {
        atBounds++;
      }
    }
    if (tr[0] > cr[1] || cr[0] > tr[1] || atBounds > e.length / 2) {
      throw new InvalidInputException(String.format(Locale.ROOT, "no overlap: the covariates"
          + " (almost) determine '%s' (propensity of the treated %.3g–%.3g, of the controls"
          + " %.3g–%.3g; %d of %d units below 0.001 or above 0.999), so treated and untreated"
          + " units are not comparable; restrict the data to units that could get either arm, or"
          + " drop the covariate that decides the treatment", treatment, tr[0], tr[1], cr[0],
          cr[1], atBounds, e.length));
    }
  }

  static double[] range(double[] e, double[] t, double arm) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < e.length; i++) {
      if (t[i] == arm) {
        lo = Math.min(lo, e[i]);
        hi = Math.max(hi, e[i]);
      }
    }
    return new double[] {lo, hi};
  }

  /** The summary of raw scores {@code e}, with {@code clipped} of them clipped afterwards. */
  static PropensitySummary summary(double[] e, double[] t, int clipped) {
    double[] tr = range(e, t, 1);
    double[] cr = range(e, t, 0);
    double lo = Math.max(tr[0], cr[0]);
    double hi = Math.min(tr[1], cr[1]);
    int outside = 0;
    int extreme = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : e) {
      if (v < lo || v > hi) {
        outside++;
      }
      if (v < EXTREME || v > 1 - EXTREME) {
        extreme++;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new PropensitySummary(min, max, tr, cr, outside, extreme, clipped);
  }

  /** Clips into {@code [bound, 1 − bound]} in place; returns how many were moved. */
  public static int clip(double[] e, double bound) {
    int c = 0;
    for (int i = 0; i < e.length; i++) {
      if (e[i] < bound) {
        e[i] = bound;
        c++;
      } else if (e[i] > 1 - bound) {
        e[i] = 1 - bound;
        c++;
      }
    }
    return c;
  }

  /**
   * Clips in place only the end of {@code [bound, 1 − bound]} whose scores the estimand divides
   * by: the ATE's weights {@code 1/e} and {@code 1/(1−e)} explode at both ends, the ATT's {@code
   * e/(1−e)} only as {@code e → 1}, the ATC's {@code (1−e)/e} only as {@code e → 0}. Raising a
   * small score for the ATT would only give controls unlike any treated unit more weight than the
   * model says. Returns how many were moved.
   */
  public static int clip(double[] e, double bound, Estimand estimand) {
    boolean low = estimand != Estimand.ATT;
    boolean high = estimand != Estimand.ATC;
    int c = 0;
    for (int i = 0; i < e.length; i++) {
      if (low && e[i] < bound) {
        e[i] = bound;
        c++;
      } else if (high && e[i] > 1 - bound) {
        e[i] = 1 - bound;
        c++;
      }
    }
    return c;
  }

  /** Plain-word warnings about a summary. */
  static void warn(PropensitySummary s, java.util.List<String> warnings) {
    if (s.extreme() > 0) {
      warnings.add(s.extreme() + " unit(s) have a propensity score below 0.01 or above 0.99;"
          + " their weights are large and the estimate leans on them.");
    }
    if (s.outsideCommonSupport() > 0) {
      warnings.add(s.outsideCommonSupport() + " unit(s) lie outside the propensity range both"
          + " arms share (common support); the estimate extrapolates for them.");
    }
    if (s.clipped() > 0) {
      warnings.add(String.format(Locale.ROOT, "%d propensity score(s) were clipped to [%.2f,"
          + " %.2f].", s.clipped(), EXTREME, 1 - EXTREME));
    }
  }
}
