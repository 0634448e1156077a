package dev.causal4j.discovery.lingam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Moments and the Jarque–Bera p-value against scipy (make_reference.py), and the rule. */
class NoiseGaussianityTest {

  @Test
  void momentsAndPValueMatchScipy() {
    double[] v = {1.0, 2.0, 3.0, 4.0, 10.0, -2.5, 0.25};
    double[] m = NoiseGaussianity.moments(v);
    assertThat(m[0]).isCloseTo(0.836096775655024, within(1e-12));
    assertThat(m[1]).isCloseTo(3.17813214430346, within(1e-12));
    assertThat(NoiseGaussianity.jarqueBeraPValue(m[0], m[1], v.length))
        .isCloseTo(0.662052001715151, within(1e-12));
  }

  @Test
  void warnsOnlyWhenTwoOrMoreLookGaussian() {
    List<String> names = List.of("a", "b", "c");
    // n = 1000: skewness 2 (exponential) gives JB ≈ 667, p ≈ 0; (0, 3) gives p = 1.
    double[][] oneGaussian = {{2, 9}, {0, 3}, {0.5, 6}};
    double[][] twoGaussian = {{2, 9}, {0, 3}, {0.01, 3.05}};
    double[][] allGaussian = {{0, 3}, {0.02, 2.9}, {0.01, 3.05}};
    assertThat(NoiseGaussianity.warning(names, oneGaussian, 1000)).isEmpty();
    assertThat(NoiseGaussianity.warning(names, twoGaussian, 1000)).hasValueSatisfying(
        w -> assertThat(w).startsWith("the estimated noise of 2 variables looks Gaussian (b, c)"));
    assertThat(NoiseGaussianity.warning(names, allGaussian, 1000)).hasValueSatisfying(
        w -> assertThat(w).startsWith("no variable's estimated noise departs detectably"));
  }
}
