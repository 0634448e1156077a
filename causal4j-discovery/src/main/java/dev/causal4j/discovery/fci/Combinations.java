package dev.causal4j.discovery.fci;

/**
 * Lexicographic enumeration of the {@code k}-subsets of {@code 0..n-1} in an index array, the
 * order in which every FCI-family step tries conditioning sets (so results do not depend on
 * anything but the variable order).
 */
final class Combinations {
  private Combinations() {}

  /** The first {@code k}-subset, {@code 0..k-1}. */
  static int[] first(int k) {
    int[] idx = new int[k];
    for (int i = 0; i < k; i++) {
      idx[i] = i;
    }
    return idx;
  }

  /** Advances {@code idx} to the next {@code k}-subset of {@code 0..n-1}; false after the last. */
  static boolean next(int[] idx, int n) {
    int k = idx.length;
    int i = k - 1;
    while (i >= 0 && idx[i] == n - k + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    idx[i]++;
    for (int j = i + 1; j < k; j++) {
      idx[j] = idx[j - 1] + 1;
    }
    return true;
  }

  /** Writes {@code pool[idx[i]]} into {@code out}. */
  static void select(int[] pool, int[] idx, int[] out) {
    for (int i = 0; i < idx.length; i++) {
      out[i] = pool[idx[i]];
    }
  }
}
