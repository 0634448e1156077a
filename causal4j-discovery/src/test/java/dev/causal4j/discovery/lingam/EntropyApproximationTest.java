package dev.causal4j.discovery.lingam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The table-driven contrasts against their exact values, and the entropy approximation and
 * pairwise likelihood ratio against an independent numpy computation with the exact contrasts
 * ({@code src/test/resources/dev/causal4j/discovery/lingam/make_reference.py}).
 */
class EntropyApproximationTest {

  @Test
  void tableContrastsMatchTheExactFunctions() {
    // Stated accuracy of the table (class Javadoc): 6e-10 and 9e-10; 1e-9 bounds both.
    for (double u = -20; u <= 20; u += 0.000731) {
      assertThat(EntropyApproximation.logCosh(u)).as("log cosh %s", u)
          .isCloseTo(EntropyApproximation.exactLogCosh(u), within(1e-9));
      assertThat(EntropyApproximation.gauss(u)).as("u exp(-u²/2) at %s", u)
          .isCloseTo(u * StrictMath.exp(-u * u / 2), within(1e-9));
    }
  }

  @Test
  void entropyAndRatioMatchNumpy() {
    int n = 2000;
    double phi = (1 + Math.sqrt(5.0)) / 2;
    double[] a = new double[n];
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double k = i + 1;
      a[i] = k * phi - Math.floor(k * phi);
      double b = k * Math.sqrt(2.0) - Math.floor(k * Math.sqrt(2.0));
      x[i] = a[i];
      y[i] = 0.8 * a[i] + (b - 0.5);
      w[i] = -Math.log1p(-a[i]);
    }
    standardise(x);
    standardise(y);
    standardise(w);
    // The table moves each mean by under 1e-9, hence H by under 1e-8 (k1·2·|E − γ|·1e-9);
    // summation order differs from numpy's pairwise sums by ~1e-15. Tolerance 1e-7.
    double hx = EntropyApproximation.ofStandardized(x);
    double hy = EntropyApproximation.ofStandardized(y);
    double hw = EntropyApproximation.ofStandardized(w);
    assertThat(hx).isCloseTo(1.36228094307143, within(1e-7));
    assertThat(hy).isCloseTo(1.40957826367231, within(1e-7));
    assertThat(hw).isCloseTo(1.09782293822521, within(1e-7));
    assertThat(EntropyApproximation.likelihoodRatio(x, y, hx, hy))
        .isCloseTo(0.0941555726445156, within(2e-7));
    assertThat(EntropyApproximation.likelihoodRatio(w, y, hw, hy))
        .isCloseTo(0.0601379401898041, within(2e-7));
  }

  @Test
  void ratioIsAntisymmetricAndFavoursTheCause() {
    double[] x = new double[5000];
    double[] y = new double[5000];
    for (int i = 0; i < x.length; i++) {
      double k = i + 1;
      x[i] = k * 0.6180339887498949 % 1.0; // uniform-like cause
      y[i] = 0.7 * x[i] + (k * 0.4142135623730950 % 1.0) * 0.6;
    }
    standardise(x);
    standardise(y);
    double hx = EntropyApproximation.ofStandardized(x);
    double hy = EntropyApproximation.ofStandardized(y);
    double forward = EntropyApproximation.likelihoodRatio(x, y, hx, hy);
    double backward = EntropyApproximation.likelihoodRatio(y, x, hy, hx);
    assertThat(forward).isPositive();
    assertThat(backward).isCloseTo(-forward, within(1e-14));
  }

  @Test
  void aGaussianSampleHasNearlyTheMaximumEntropy() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] u = new double[200_000];
    for (int i = 0; i < u.length; i++) {
      u[i] = gauss.sample();
    }
    standardise(u);
    // Both squared terms vanish in expectation; their sampling error at n = 2e5 is of order
    // k1·Var(log cosh)/n ≈ 1e-4.
    assertThat(EntropyApproximation.ofStandardized(u))
        .isCloseTo(EntropyApproximation.GAUSSIAN_ENTROPY, within(1e-3));
  }

  static void standardise(double[] v) {
    double m = 0;
    for (double d : v) {
      m += d;
    }
    m /= v.length;
    double ss = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] -= m;
      ss += v[i] * v[i];
    }
    double sd = Math.sqrt(ss / v.length);
    for (int i = 0; i < v.length; i++) {
      v[i] /= sd;
    }
  }
}
