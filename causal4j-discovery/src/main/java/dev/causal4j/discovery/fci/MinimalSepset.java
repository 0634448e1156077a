package dev.causal4j.discovery.fci;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.independence.IndependenceTest;

/**
 * The search RFCI makes wherever it finds an extra independence: the smallest subset of a
 * candidate set that separates two variables (Colombo et al. 2012, Algorithms 4.4 and 4.5), tried
 * by size from 1 up and lexicographically within a size, so the first found is minimal. The empty
 * set is not tried: every pair still adjacent was tested with it in the skeleton search.
 */
final class MinimalSepset {
  private MinimalSepset() {}

  /**
   * The first subset of {@code pool} (ascending, without {@code x}, {@code y}) of size 1 to
   * {@code maxSize} with {@code p > alpha}, or null.
   */
  static int[] find(IndependenceTest test, double alpha, int x, int y, int[] pool, int maxSize) {
    int top = Math.min(maxSize, pool.length);
    for (int k = 1; k <= top; k++) {
      int[] idx = Combinations.first(k);
      int[] z = new int[k];
      do {
        Parallel.checkCancelled();
        Combinations.select(pool, idx, z);
        if (test.pValue(x, y, z) > alpha) {
          return z;
        }
      } while (Combinations.next(idx, pool.length));
    }
    return null;
  }

  /** {@code set} without {@code a} and {@code b}, in the same order. */
  static int[] without(int[] set, int a, int b) {
    int[] out = new int[set.length];
    int k = 0;
    for (int v : set) {
      if (v != a && v != b) {
        out[k++] = v;
      }
    }
    return java.util.Arrays.copyOf(out, k);
  }
}
