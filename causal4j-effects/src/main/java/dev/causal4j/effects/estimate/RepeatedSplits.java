package dev.causal4j.effects.estimate;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Repeated cross-fitting (Chernozhukov et al. 2018, §3.4, "median" version): run a cross-fitted
 * estimator on {@code S} independent fold splits and report the median estimate, with variance
 * {@code median_s(σ_s² + (θ_s − θ_med)²)}, which adds the spread between splits to the usual
 * variance. It removes most of the dependence of one estimate on one random split.
 */
final class RepeatedSplits {
  private RepeatedSplits() {}

  /** An estimate and its standard error from one split. */
  record Split(double estimate, double se) {}

  /** The median over {@code splits} runs; run {@code s} gets fold seed {@code seed + s}. */
  static Split median(int splits, long seed, IntFunction<Split> run) {
    double[] est = new double[splits];
    double[] se = new double[splits];
    for (int s = 0; s < splits; s++) {
      Split r = run.apply(s);
      est[s] = r.estimate();
      se[s] = r.se();
    }
    double theta = median(est);
    double[] v = new double[splits];
    for (int s = 0; s < splits; s++) {
      v[s] = se[s] * se[s] + (est[s] - theta) * (est[s] - theta);
    }
    return new Split(theta, Math.sqrt(median(v)));
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static void check(int splits) {
    if (splits < 1) {
      throw new dev.causal4j.InvalidInputException("the number of sample splits must be at"
          + " least 1, not " + splits);
    }
  }

  static String describe(int splits) {
    return splits == 1 ? "" : ", median over " + splits + " fold splits";
  }
}
