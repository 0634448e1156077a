package dev.causal4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SufficientStatisticsTest {

  @Test
  void choosesTheSummaryByDataType() {
    assertThat(SufficientStatistics.of(TestData.continuous())).isInstanceOf(CovarianceMatrix.class);
    assertThat(SufficientStatistics.of(TestData.discrete())).isInstanceOf(ContingencyTables.class);
    assertThatThrownBy(() -> SufficientStatistics.of(TestData.mixed()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("mixed.csv")
        .hasMessageContaining("conditional-Gaussian");
    assertThat(SufficientStatistics.of(TestData.discrete()).sampleSize()).isEqualTo(300);
    assertThat(SufficientStatistics.of(TestData.continuous()).variables())
        .containsExactly("A", "B", "C", "D", "E");
  }

  /**
   * A cell with one row cannot estimate a variance: it keeps its own mean (so its residual is 0)
   * and borrows the variance of all rows, as ConditionalGaussianLikelihood documents.
   */
  @Test
  void aSparseCellBorrowsThePooledCovariance() {
    double[] u = {1.0, 2.0, 4.0, 7.0, 11.0};
    int[] s = {0, 0, 0, 0, 1};
    Dataset d = Dataset.builder(5)
        .addDiscrete("S", s, List.of("a", "b"))
        .addContinuous("U", u)
        .build();
    ConditionalGaussianLikelihood cg = ConditionalGaussianLikelihood.of(d);
    ConditionalGaussianLikelihood.Fit fit = cg.joint(new int[] {0, 1}, 2);
    double n = 5;
    double meanA = (1 + 2 + 4 + 7) / 4.0;
    double varA = (Math.pow(1 - meanA, 2) + Math.pow(2 - meanA, 2) + Math.pow(4 - meanA, 2)
        + Math.pow(7 - meanA, 2)) / 4;
    double mean = 25 / n;
    double pooled = 0;
    for (double v : u) {
      pooled += (v - mean) * (v - mean);
    }
    pooled /= n;
    double log2pi = Math.log(2 * Math.PI);
    double expected = 4 * Math.log(4 / n) + Math.log(1 / n)
        - 0.5 * 4 * (log2pi + Math.log(varA) + 1)
        - 0.5 * (log2pi + Math.log(pooled));
    assertThat(fit.logLikelihood()).isCloseTo(expected, within(1e-12));
    // One free cell probability, cell a's mean and variance, cell b's mean, the pooled variance.
    assertThat(fit.degreesOfFreedom()).isEqualTo(1 + 2 + 1 + 1);
    assertThat(fit.rows()).isEqualTo(5);
  }

  @Test
  void conditionalLikelihoodIsADifferenceOfJointOnes() {
    ConditionalGaussianLikelihood cg = ConditionalGaussianLikelihood.of(TestData.mixed());
    ConditionalGaussianLikelihood.Fit c = cg.conditional(3, new int[] {0, 2});
    ConditionalGaussianLikelihood.Fit all = cg.joint(new int[] {3, 0, 2}, 3);
    ConditionalGaussianLikelihood.Fit pa = cg.joint(new int[] {0, 2}, 2);
    assertThat(c.logLikelihood())
        .isCloseTo(all.logLikelihood() - pa.logLikelihood(), within(1e-9));
    assertThat(c.degreesOfFreedom()).isEqualTo(all.degreesOfFreedom() - pa.degreesOfFreedom());
  }
}
