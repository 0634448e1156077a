package dev.causal4j.discovery.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.graph.LaggedGraph;
import org.junit.jupiter.api.Test;

/**
 * Convergent cross mapping on {@code ccm_logistic.csv}: two logistic maps after Sugihara et al.
 * (2012), {@code x} driving {@code y} (coupling 0.1) and nothing driving {@code x}, 400 time
 * points, with the skills computed independently by {@code make_ccm_reference.py} (numpy; its
 * output is {@code ccm_reference_output.txt}).
 */
class ConvergentCrossMappingTest {
  static final int X = 0;
  static final int Y = 1;

  @Test
  void crossMapSkillsMatchNumpyAndFindOnlyTheTrueDirection() {
    TimeSeries ts = GrangerTest.resource("ccm_logistic.csv");
    TimeSeriesResult r = ConvergentCrossMapping.builder().maxLag(2).embeddingDimension(2)
        .threads(1).build().search(ts);
    LinkStatistics s = r.linkStatistics();
    // Full-library skill of M_y(t) = (y(t), y(t−1)) for x(t−1) and x(t−2): the same neighbours
    // and weights as numpy, so agreement to rounding.
    assertThat(s.statistic(X, Y, 1)).isCloseTo(0.982015799436, within(1e-10));
    assertThat(s.statistic(X, Y, 2)).isCloseTo(0.893346470499, within(1e-10));
    // x → y: best at the past lag 1 (0.982) above every future lag (0.884), and converged. y → x:
    // M_x cross-maps y at 0.10 at best, and better into the future than the past: no link.
    LaggedGraph expected = LaggedGraph.builder(ts.names(), 2).directed(X, Y, 1).build();
    assertThat(r.graph()).isEqualTo(expected);
    assertThat(s.pValue(X, Y, 1)).isLessThanOrEqualTo(1 / 101.0);
    assertThat(r.stats().parameters()).containsEntry("embedding_dimensions", "x: 2, y: 2");
    // Same result on two threads.
    assertThat(ConvergentCrossMapping.builder().maxLag(2).embeddingDimension(2).threads(2)
        .build().search(ts).graph()).isEqualTo(r.graph());
  }

  @Test
  void simplexProjectionChoosesTheEmbeddingNumpyChooses() {
    TimeSeries ts = GrangerTest.resource("ccm_logistic.csv");
    TimeSeriesResult r = ConvergentCrossMapping.builder().maxLag(1).maxEmbeddingDimension(4)
        .build().search(ts);
    // numpy: x's one-step skill 0.99998 at E = 1 (a one-dimensional map), y's 0.99931 at E = 2.
    assertThat(r.stats().parameters()).containsEntry("embedding_dimensions", "x: 1, y: 2");
    assertThat(r.graph().hasLink(X, Y, 1)).isTrue();
    assertThat(r.graph().hasLink(Y, X, 1)).isFalse();
  }

  @Test
  void independentMapsAreNotLinkedAndKnowledgeForbidsLags() {
    // Two uncoupled logistic maps: neither manifold cross-maps the other.
    int n = 500;
    double[] a = new double[n];
    double[] b = new double[n];
    a[0] = 0.4;
    b[0] = 0.3;
    for (int t = 0; t < n - 1; t++) {
      a[t + 1] = a[t] * (3.8 - 3.8 * a[t]);
      b[t + 1] = b[t] * (3.7 - 3.7 * b[t]);
    }
    TimeSeries ts = TimeSeries.of(Dataset.builder(n).addContinuous("a", a).addContinuous("b", b)
        .build());
    TimeSeriesResult r = ConvergentCrossMapping.builder().maxLag(2).build().search(ts);
    assertThat(r.graph().linkCount()).isZero();
    TimeSeriesKnowledge k = TimeSeriesKnowledge.builder().forbid("x", "y", 1).build();
    TimeSeriesResult forbidden = ConvergentCrossMapping.builder().maxLag(2).embeddingDimension(2)
        .knowledge(k).build().search(GrangerTest.resource("ccm_logistic.csv"));
    assertThat(forbidden.graph().hasLink(X, Y, 1)).isFalse();
    // Lag 2 is then the best allowed past lag; it still maps well and converges.
    assertThat(forbidden.graph().hasLink(X, Y, 2)).isTrue();
  }

  @Test
  void badOptionsAndDataGetOneLineMessages() {
    assertThatThrownBy(() -> ConvergentCrossMapping.builder().alpha(0.001).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("use at least 999 library samples");
    assertThatThrownBy(() -> ConvergentCrossMapping.builder().embeddingDimension(-1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("embedding dimension");
    TimeSeries shortSeries = TimeSeries.of(Dataset.builder(30)
        .addContinuous("a", GrangerTest.sparseVar(1, 30, 1).data().doubles(0))
        .addContinuous("b", GrangerTest.sparseVar(1, 30, 2).data().doubles(0)).build());
    assertThatThrownBy(() -> ConvergentCrossMapping.builder().build().search(shortSeries))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("usable time points for embeddings of dimension up to 8");
  }
}
