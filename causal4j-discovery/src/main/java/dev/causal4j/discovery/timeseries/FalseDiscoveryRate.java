package dev.causal4j.discovery.timeseries;

/** Whether the final link p-values are corrected for the number of links tested. */
public enum FalseDiscoveryRate {
  /** Each link is kept when its own p-value is at most α. */
  NONE,
  /**
   * Benjamini &amp; Hochberg (1995): p-values adjusted to q-values over every tested link, kept
   * when {@code q ≤ α}, which bounds the expected share of false links at α (for independent or
   * positively dependent tests).
   */
  BENJAMINI_HOCHBERG;

  /** Adjusted p-values (a new array; NaN entries, untested links, stay NaN and are not counted). */
  double[] adjust(double[] p) {
    if (this == NONE) {
      return p.clone();
    }
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
    java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]) != 0
        ? Double.compare(p[a], p[b]) : Integer.compare(a, b));
    double[] q = p.clone();
    double running = 1;
    for (int r = m - 1; r >= 0; r--) {
      int i = order[r];
      running = Math.min(running, p[i] * m / (r + 1));
      q[i] = running;
    }
    return q;
  }
}
