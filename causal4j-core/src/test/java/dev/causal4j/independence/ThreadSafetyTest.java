package dev.causal4j.independence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import dev.causal4j.stats.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One test object shared by several threads answers exactly as it does on one thread. */
class ThreadSafetyTest {

  private static List<int[]> questions(int p) {
    List<int[]> qs = new ArrayList<>();
    for (int x = 0; x < p; x++) {
      for (int y = x + 1; y < p; y++) {
        qs.add(new int[] {x, y});
        for (int z = 0; z < p; z++) {
          if (z != x && z != y) {
            qs.add(new int[] {x, y, z});
          }
        }
      }
    }
    return qs;
  }

  private static void assertSameAnswers(IndependenceTest t, int p) throws Exception {
    List<int[]> qs = questions(p);
    double[] expected = new double[qs.size()];
    for (int q = 0; q < qs.size(); q++) {
      int[] v = qs.get(q);
      expected[q] = t.pValue(v[0], v[1], java.util.Arrays.copyOfRange(v, 2, v.length));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        int offset = k;
        fs.add(pool.submit(() -> {
          for (int rep = 0; rep < 5; rep++) {
            for (int i = 0; i < qs.size(); i++) {
              int q = (i * 7 + offset) % qs.size();
              int[] v = qs.get(q);
              double pv = t.pValue(v[0], v[1], java.util.Arrays.copyOfRange(v, 2, v.length));
              if (pv != expected[q]) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : fs) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void fisherZ() throws Exception {
    assertSameAnswers(new FisherZTest(CovarianceMatrix.of(TestData.continuous(), 1)), 5);
  }

  @Test
  void gSquareAndChiSquare() throws Exception {
    ContingencyTables t = ContingencyTables.of(TestData.discrete());
    assertSameAnswers(new GSquareTest(t), 4);
    assertSameAnswers(new ChiSquareTest(t), 4);
  }

  @Test
  void conditionalGaussian() throws Exception {
    assertSameAnswers(new ConditionalGaussianTest(TestData.mixed()), 5);
  }
}
