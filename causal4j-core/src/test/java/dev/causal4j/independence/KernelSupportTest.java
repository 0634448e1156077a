package dev.causal4j.independence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelSupportTest {

  @Test
  void quickselectAgreesWithSortingIncludingTies() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 500; trial++) {
      int k = 1 + rnd.nextInt(60);
      double[] a = new double[k];
      for (int q = 0; q < k; q++) {
        a[q] = rnd.nextInt(trial % 2 == 0 ? 5 : 1000);
      }
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      int rank = rnd.nextInt(k);
      assertThat(KernelSupport.select(a.clone(), k, rank)).isEqualTo(sorted[rank]);
    }
  }

  @Test
  void medianDistanceIsTheMedianOfPairwiseDistances() {
    double[][] x = {{0}, {1}, {3}, {7}};
    // Distances: 1, 3, 7, 2, 6, 4 → sorted 1 2 3 4 6 7 → median (3 + 4) / 2.
    assertThat(KernelSupport.medianDistance(x)).isEqualTo(3.5);
    double[][] y = {{0}, {1}, {3}};
    // Distances 1, 3, 2 → median 2.
    assertThat(KernelSupport.medianDistance(y)).isEqualTo(2.0);
  }
}
