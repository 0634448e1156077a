package dev.causal4j.discovery.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.graph.LaggedGraph;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** SVAR-FCI on data: ParCorr at a large sample finds what the oracle finds; options and input. */
class SvarFciTest {
  private static final List<String> ALL = List.of("H", "X", "Y", "Z");
  private static final List<String> OBSERVED = List.of("X", "Y", "Z");

  /**
   * A hidden white-noise series {@code H} drives {@code X} and {@code Y} at the same step; {@code
   * X} and {@code Y} are autocorrelated, and {@code Y(t−1) --> Z(t)}.
   */
  static LaggedGraph truth() {
    return LaggedGraph.builder(ALL, 1).directed(1, 1, 1).directed(2, 2, 1)
        .directed(0, 1, 0).directed(0, 2, 0).directed(2, 3, 1)
        .latent(0, true).build();
  }

  /** The linear-Gaussian SVAR of {@link #truth()}: autoregression 0.5 (X) and 0.8 (Y), H's effects 0.8, Y on Z 0.6. (With
   * Y's autoregression 0.5, two paths between X(t−1) and Y(t) given X(t) nearly cancel, and at n =
   * 5,000 ParCorr wrongly separates them: a near-unfaithful choice avoided here.). */
  static TimeSeries simulate(int n, long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    ZigguratSampler.NormalizedGaussian e = ZigguratSampler.NormalizedGaussian.of(rng);
    int burn = 200;
    double[] h = new double[n + burn];
    double[] x = new double[n + burn];
    double[] y = new double[n + burn];
    double[] z = new double[n + burn];
    for (int t = 1; t < n + burn; t++) {
      h[t] = e.sample();
      x[t] = 0.5 * x[t - 1] + 0.8 * h[t] + e.sample();
      y[t] = 0.8 * y[t - 1] + 0.8 * h[t] + e.sample();
      z[t] = 0.6 * y[t - 1] + e.sample();
    }
    return TimeSeries.of(Dataset.builder(n)
        .addContinuous("X", java.util.Arrays.copyOfRange(x, burn, n + burn))
        .addContinuous("Y", java.util.Arrays.copyOfRange(y, burn, n + burn))
        .addContinuous("Z", java.util.Arrays.copyOfRange(z, burn, n + burn)).build());
  }

  @Test
  void parCorrAtALargeSampleFindsWhatTheOracleFinds() {
    int maxLag = 2;
    TimeSeriesResult oracle = SvarFci.builder(new TimeSeriesOracle(truth(), maxLag), OBSERVED)
        .maxLag(maxLag).alpha(0.5).threads(1).build().search();
    LaggedGraph expected = oracle.graph();
    // Observed indices X=0, Y=1, Z=2: the hidden driver shows as X <-> Y, and every other link
    // is identified as directed.
    assertThat(expected.links()).extracting(l -> LaggedGraph.nodeName(OBSERVED.get(l.from()),
        l.lag()) + " " + l.symbol() + " " + OBSERVED.get(l.to()))
        .containsExactly("X <-> Y", "X:1 --> X", "Y:1 --> Y", "Y:1 --> Z");
    for (long seed = 1; seed <= 3; seed++) {
      LaggedDesign design = LaggedDesign.of(simulate(5000, seed), SvarFci.designDepth(maxLag));
      TimeSeriesResult one = SvarFci.builder(design.parCorr(1), OBSERVED).maxLag(maxLag)
          .alpha(0.01).threads(1).build().search();
      TimeSeriesResult three = SvarFci.builder(design.parCorr(3), OBSERVED).maxLag(maxLag)
          .alpha(0.01).threads(3).build().search();
      assertThat(one.graph()).as("seed %d\nexpected:\n%s", seed, expected).isEqualTo(expected);
      assertThat(three.graph()).isEqualTo(one.graph());
      assertThat(one.stats().algorithm()).isEqualTo("svar-fci");
      assertThat(one.stats().testsPerformed()).isPositive();
    }
  }

  @Test
  void aForbiddenLinkIsAbsent() {
    TimeSeriesKnowledge k = TimeSeriesKnowledge.builder().forbid("X", "Y", 1).build();
    TimeSeriesResult r = SvarFci.builder(new TimeSeriesOracle(truth(), 1), OBSERVED).maxLag(1)
        .alpha(0.5).knowledge(k).threads(1).build().search();
    assertThat(r.graph().hasLink(0, 1, 1)).isFalse();
  }

  @Test
  void badOptionsGetOneLineMessages() {
    TimeSeriesOracle oracle = new TimeSeriesOracle(truth(), 1);
    assertThatThrownBy(() -> SvarFci.builder(oracle, OBSERVED).maxLag(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maximum lag");
    assertThatThrownBy(() -> SvarFci.builder(oracle, OBSERVED).maxLag(2).build().search())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("depth 2");
    assertThatThrownBy(() -> SvarFci.builder(oracle, OBSERVED).threads(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("threads");
  }
}
