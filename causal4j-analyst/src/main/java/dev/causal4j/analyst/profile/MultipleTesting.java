package dev.causal4j.analyst.profile;

import java.util.Arrays;

/** Corrections for testing many hypotheses at once. */
public final class MultipleTesting {
  private MultipleTesting() {}

  /**
   * Benjamini–Hochberg (1995) adjusted p-values ("q-values"): rejecting every hypothesis with
   * {@code q ≤ level} controls the false discovery rate at {@code level} for independent or
   * positively dependent tests. NaN p-values stay NaN and do not count towards m.
   */
  public static double[] benjaminiHochberg(double[] p) {
    int m = 0;
    for (double v : p) {
      if (!Double.isNaN(v)) {
        m++;
      }
    }
    Integer[] order = new Integer[m];
    int k = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        order[k++] = i;
      }
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double[] q = new double[p.length];
    Arrays.fill(q, Double.NaN);
    double running = 1.0;
    for (int r = m - 1; r >= 0; r--) {
      int i = order[r];
      running = Math.min(running, p[i] * m / (r + 1));
      q[i] = running;
    }
    return q;
  }
}
