package dev.causal4j.independence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.data.Dataset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Calibration and power of the kernel tests on seeded simulations. Under the null the p-values
 * should be roughly uniform: over 200 replications the rejection rate at α = 0.05 has a binomial
 * standard error of 0.015, so [0.02, 0.09] leaves about two standard errors either side (a little
 * more above, since the gamma and HBE approximations are known to run slightly liberal). Under a
 * nonlinear dependence invisible to correlation, power must be high.
 */
class KernelTestCalibrationTest {
  private static final int REPLICATIONS = 200;

  /** z → x and z → y nonlinearly, so x ⫫ y | z holds but x and y are dependent. */
  private static Dataset commonCause(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] z = new double[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      z[r] = g.sample();
      x[r] = Math.sin(2 * z[r]) + 0.4 * g.sample();
      y[r] = z[r] * z[r] + 0.4 * g.sample();
    }
    return Dataset.ofContinuous(List.of("X", "Y", "Z"), new double[][] {x, y, z});
  }

  /** y = x² + noise: zero correlation, strong dependence. */
  private static Dataset quadratic(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int r = 0; r < n; r++) {
      x[r] = g.sample();
      y[r] = x[r] * x[r] + 0.5 * g.sample();
      w[r] = g.sample();
    }
    return Dataset.ofContinuous(List.of("X", "Y", "W"), new double[][] {x, y, w});
  }

  private static double rejectionRate(
      Function<Dataset, IndependenceTest> make, int n, boolean conditional, boolean nullHolds) {
    int rejections = 0;
    for (int rep = 0; rep < REPLICATIONS; rep++) {
      long seed = 1000L + rep;
      Dataset d = nullHolds ? commonCause(n, seed) : quadratic(n, seed);
      IndependenceTest t = make.apply(d);
      double p = conditional ? t.pValue(0, 1, new int[] {2}) : t.pValue(0, 1, new int[0]);
      if (p < 0.05) {
        rejections++;
      }
    }
    return (double) rejections / REPLICATIONS;
  }

  @Test
  void kciIsCalibratedAndPowerful() {
    assertThat(rejectionRate(KciTest::new, 100, true, true)).isBetween(0.02, 0.09);
    assertThat(rejectionRate(KciTest::new, 100, false, false)).isGreaterThan(0.9);
    // The unconditional null: x ⫫ w.
    int rejections = 0;
    for (int rep = 0; rep < REPLICATIONS; rep++) {
      if (new KciTest(quadratic(100, 5000L + rep)).pValue(0, 2, new int[0]) < 0.05) {
        rejections++;
      }
    }
    assertThat(rejections / (double) REPLICATIONS).isBetween(0.02, 0.09);
  }

  @Test
  void rcotIsCalibratedAndPowerful() {
    assertThat(rejectionRate(d -> new RcotTest(d, 7), 400, true, true)).isBetween(0.02, 0.09);
    assertThat(rejectionRate(d -> new RcotTest(d, 7), 400, false, false)).isGreaterThan(0.9);
  }

  @Test
  void rcitIsCalibratedAndPowerful() {
    assertThat(rejectionRate(d -> new RcitTest(d, 7), 400, true, true)).isBetween(0.02, 0.09);
    assertThat(rejectionRate(d -> new RcitTest(d, 7), 400, false, false)).isGreaterThan(0.9);
  }

  @Test
  void randomFeatureAnswersDependOnTheQuestionNotOnOrderOrThread() throws Exception {
    Dataset d = Dataset.ofContinuous(
        List.of("X", "Y", "Z", "W"),
        new double[][] {
          commonCause(300, 3).doubles(0), commonCause(300, 3).doubles(1),
          commonCause(300, 3).doubles(2), quadratic(300, 4).doubles(2)
        });
    RcotTest first = new RcotTest(d, 11);
    double a = first.pValue(0, 1, new int[] {2, 3});
    first.pValue(1, 3, new int[0]);
    double b = first.pValue(0, 1, new int[] {3, 2});
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Double> other = pool.submit(() -> new RcotTest(d, 11).pValue(0, 1, new int[] {2, 3}));
      assertThat(other.get()).isEqualTo(a);
    } finally {
      pool.shutdown();
    }
    assertThat(b).isEqualTo(a);
    assertThat(new RcotTest(d, 12).pValue(0, 1, new int[] {2, 3})).isNotEqualTo(a);
  }
}
