package dev.causal4j.discovery.lingam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The Hungarian method against brute force over all permutations. */
class AssignmentTest {

  @Test
  void findsTheMinimumCostAssignment() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    for (int trial = 0; trial < 300; trial++) {
      int p = 1 + trial % 7;
      double[][] cost = new double[p][p];
      for (double[] row : cost) {
        for (int j = 0; j < p; j++) {
          // Half the trials with few distinct values, so ties are common.
          row[j] = trial % 2 == 0 ? rng.nextDouble() * 10 : rng.nextInt(3);
        }
      }
      int[] col = Assignment.minimumCost(cost);
      boolean[] used = new boolean[p];
      double total = 0;
      for (int i = 0; i < p; i++) {
        assertThat(used[col[i]]).as("column %d used twice", col[i]).isFalse();
        used[col[i]] = true;
        total += cost[i][col[i]];
      }
      assertThat(total).as("trial %d", trial).isCloseTo(bruteForce(cost), within(1e-9));
    }
  }

  @Test
  void icaCostOneOverAbsoluteValuePutsLargeEntriesOnTheDiagonal() {
    // A row-permuted, row-scaled I − B for x1 → x2 → x3: rows of W come out of ICA in any order.
    double[][] w = {{0, -0.8 * 2, 2}, {3, 0, 0}, {-0.5 * -1, -1, 0}};
    double[][] cost = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        cost[i][j] = 1 / Math.max(Math.abs(w[i][j]), 1e-12);
      }
    }
    assertThat(Assignment.minimumCost(cost)).containsExactly(2, 0, 1);
  }

  private static double bruteForce(double[][] cost) {
    int p = cost.length;
    int[] perm = new int[p];
    for (int i = 0; i < p; i++) {
      perm[i] = i;
    }
    double best = Double.POSITIVE_INFINITY;
    do {
      double s = 0;
      for (int i = 0; i < p; i++) {
        s += cost[i][perm[i]];
      }
      best = Math.min(best, s);
    } while (nextPermutation(perm));
    return best;
  }

  static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    return true;
  }
}
