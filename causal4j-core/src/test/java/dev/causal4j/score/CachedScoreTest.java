package dev.causal4j.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.stats.CovarianceMatrix;
import dev.causal4j.stats.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedScoreTest {

  /** Counts the calls that reach the real score. */
  private static final class Counting implements Score {
    final Score inner;
    final AtomicLong calls = new AtomicLong();

    Counting(Score inner) {
      this.inner = inner;
    }

    @Override
    public List<String> variables() {
      return inner.variables();
    }

    @Override
    public double localScore(int node, int[] parents) {
      calls.incrementAndGet();
      return inner.localScore(node, parents);
    }
  }

  private static Score bic() {
    return new LinearGaussianBicScore(CovarianceMatrix.of(TestData.continuous(), 1), 2.0);
  }

  @Test
  void returnsTheDelegatesScoresAndIgnoresParentOrder() {
    Counting counting = new Counting(bic());
    CachedScore cached = new CachedScore(counting);
    double direct = bic().localScore(4, new int[] {0, 3});
    assertThat(cached.localScore(4, new int[] {3, 0})).isEqualTo(direct);
    assertThat(cached.localScore(4, new int[] {0, 3})).isEqualTo(direct);
    assertThat(counting.calls.get()).isEqualTo(1);
    assertThat(cached.localScore(3, new int[] {0, 4})).isNotEqualTo(direct);
    assertThat(cached.size()).isEqualTo(2);
    assertThat(cached.localScoreDiff(4, new int[] {0}, 3))
        .isEqualTo(direct - bic().localScore(4, new int[] {0}));
  }

  @Test
  void manyThreadsShareOneCacheAndSeeTheSameValues() throws Exception {
    Score plain = bic();
    Counting counting = new Counting(bic());
    CachedScore cached = new CachedScore(counting);
    // Every family of up to three parents over five variables, asked by four threads at once.
    List<int[]> families = new ArrayList<>();
    for (int node = 0; node < 5; node++) {
      for (int mask = 0; mask < 32; mask++) {
        if ((mask & (1 << node)) != 0 || Integer.bitCount(mask) > 3) {
          continue;
        }
        int[] f = new int[1 + Integer.bitCount(mask)];
        f[0] = node;
        int k = 1;
        for (int v = 0; v < 5; v++) {
          if ((mask & (1 << v)) != 0) {
            f[k++] = v;
          }
        }
        families.add(f);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int rep = 0; rep < 20; rep++) {
            for (int[] f : families) {
              int[] parents = java.util.Arrays.copyOfRange(f, 1, f.length);
              if (cached.localScore(f[0], parents) != plain.localScore(f[0], parents)) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(cached.size()).isEqualTo(families.size());
    // Misses may race, but never more than one computation per thread per family.
    assertThat(counting.calls.get()).isBetween((long) families.size(), 4L * families.size());
  }
}
