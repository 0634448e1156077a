package dev.causal4j.discovery.timeseries;

/**
 * The {@code k}-subsets of {@code 0..n-1} in lexicographic order, as Python's {@code
 * itertools.combinations} yields them (the first one is the {@code k} first elements: with
 * candidates sorted by strength, the {@code k} strongest). Reuses one index array.
 */
final class Subsets {
  private final int n;
  private final int k;
  private final int[] idx;
  private boolean started;

  Subsets(int n, int k) {
    this.n = n;
    this.k = k;
    this.idx = new int[k];
  }

  /** Advances to the next subset; false when there is none left. */
  boolean next() {
    if (!started) {
      started = true;
      if (k > n) {
        return false;
      }
      for (int i = 0; i < k; i++) {
        idx[i] = i;
      }
      return true;
    }
    int i = k - 1;
    while (i >= 0 && idx[i] == n - k + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    idx[i]++;
    for (int m = i + 1; m < k; m++) {
      idx[m] = idx[m - 1] + 1;
    }
    return true;
  }

  /** The current subset's positions (shared; valid until the next call of {@link #next}). */
  int[] indices() {
    return idx;
  }
}
