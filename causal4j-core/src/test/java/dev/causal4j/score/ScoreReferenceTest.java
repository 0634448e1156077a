package dev.causal4j.score;

import static dev.causal4j.stats.TestData.indices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.data.Dataset;
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import dev.causal4j.stats.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Local scores against values computed independently by {@code
 * src/test/resources/dev/causal4j/stats/make_reference.py} (numbers copied from its output,
 * {@code reference_values.txt}).
 */
class ScoreReferenceTest {
  private static Dataset continuous;
  private static Dataset discrete;
  private static Dataset mixed;

  @BeforeAll
  static void load() {
    continuous = TestData.continuous();
    discrete = TestData.discrete();
    mixed = TestData.mixed();
  }

  /** numpy least squares with an intercept against the covariance path: rounding only. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0; -; 1.0; -582.6203055966641",
      "1; 0; 1.0; -560.9988009525961",
      "3; 1 2; 2.0; -621.3206859162051",
      "4; 3; 1.0; -827.1349613490136",
      "4; 0 1 2 3; 2.0; -869.0424224387125",
  })
  void linearBicMatchesOrdinaryLeastSquares(int node, String parents, double c, double score) {
    double s = new LinearGaussianBicScore(CovarianceMatrix.of(continuous, 1), c)
        .localScore(node, indices(parents));
    assertThat(s).isCloseTo(score, within(1e-9 * Math.abs(score)));
  }

  /** scipy gammaln summed over every parent configuration, the empty ones included. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0; -; 1.0; 0.0; -335.0833414156893",
      "1; 0; 1.0; 0.0; -137.76623445348662",
      "2; 0 1; 10.0; 0.0; -317.38947180423634",
      "3; 0 1 2; 1.0; 1.0; -469.7645355914098",
      "2; 1; 2.0; 1.5; -311.6168093942681",
  })
  void bdeuMatchesLogGammaSums(int node, String parents, double ess, double prior, double score) {
    double s = new BdeuScore(ContingencyTables.of(discrete), ess, prior)
        .localScore(node, indices(parents));
    assertThat(s).isCloseTo(score, within(1e-10 * Math.abs(score)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "1; 0; 1.0; -1174.8824704360961",
      "3; 2; 1.0; -397.0806626072569",
      "4; 2 3; 2.0; -1226.765972143082",
      "0; 1 2; 1.0; -326.59311342247145",
  })
  void conditionalGaussianBicMatchesNumpy(int node, String parents, double c, double score) {
    double s = new ConditionalGaussianBicScore(mixed, c).localScore(node, indices(parents));
    assertThat(s).isCloseTo(score, within(1e-9 * Math.abs(score)));
  }
}
