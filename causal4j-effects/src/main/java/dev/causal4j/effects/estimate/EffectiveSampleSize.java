package dev.causal4j.effects.estimate;

/**
 * Kish's effective sample size {@code (Σw)² / Σw²} of each arm under the estimator's weights: how
 * many equally weighted units the weighted sample is worth. Far below the arm's size means a few
 * units carry the estimate.
 *
 * @param treated effective size of the treated arm
 * @param control effective size of the control arm
 */
public record EffectiveSampleSize(double treated, double control) {

  /** Kish's effective size of weights {@code w} over the rows where {@code arm[i] == which}. */
  static double kish(double[] w, double[] arm, double which) {
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < w.length; i++) {
      if (arm[i] == which) {
        s += w[i];
        s2 += w[i] * w[i];
      }
    }
    return s2 == 0 ? 0 : s * s / s2;
  }
}
