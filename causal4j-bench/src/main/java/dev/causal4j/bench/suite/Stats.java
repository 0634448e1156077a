package dev.causal4j.bench.suite;

import java.util.Arrays;

/** Summaries of repeated timings. */
final class Stats {
  private Stats() {}

  /** The median (the mean of the two middle values for an even count); NaN when empty. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}
