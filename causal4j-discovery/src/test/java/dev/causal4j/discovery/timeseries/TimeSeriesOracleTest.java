package dev.causal4j.discovery.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.RandomLaggedGraphs;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TimeSeriesOracleTest {

  @Test
  void answersTextbookQuestionsOnAnAutocorrelatedChain() {
    // X(t−1) → X(t), X(t−1) → Y(t), Y(t−1) → Y(t).
    LaggedGraph g = LaggedGraph.builder(List.of("X", "Y"), 1)
        .link("X:1", "-->", "X").link("X:1", "-->", "Y").link("Y:1", "-->", "Y").build();
    TimeSeriesOracle o = new TimeSeriesOracle(g, 2);
    assertThat(o.variables()).containsExactly("X", "Y", "X:1", "Y:1", "X:2", "Y:2");
    int x = 0;
    int y = 1;
    int x1 = 2;
    int y1 = 3;
    int x2 = 4;
    int y2 = 5;
    assertThat(o.pValue(x1, y, new int[0])).isZero();
    // X(t) and Y(t) share the cause X(t−1).
    assertThat(o.pValue(x, y, new int[0])).isZero();
    assertThat(o.pValue(x, y, new int[] {x1})).isEqualTo(1);
    // X(t−2) reaches Y(t) through X(t−1) and through Y(t−1); both must be blocked.
    assertThat(o.pValue(x2, y, new int[] {x1})).isZero();
    assertThat(o.pValue(x2, y, new int[] {x1, y1})).isEqualTo(1);
    // Y never causes X: Y(t−1) ⫫ X(t) given X's past, though not marginally.
    assertThat(o.pValue(y1, x, new int[0])).isZero();
    assertThat(o.pValue(y1, x, new int[] {x1})).isEqualTo(1);
    assertThat(o.pValue(y2, x, new int[] {x1})).isEqualTo(1);
  }

  @Test
  void aLongerHistoryChangesNoAnswer() {
    for (long seed = 0; seed < 25; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      int p = 2 + (int) (seed % 4);
      int maxLag = 1 + (int) (seed % 2);
      LaggedGraph g = RandomLaggedGraphs.dag(p, maxLag, 1.5, 1, 0.6, rng);
      int depth = 2 * maxLag;
      int history = maxLag * (p * maxLag + 2);
      TimeSeriesOracle shortPast = new TimeSeriesOracle(g, depth, history);
      TimeSeriesOracle longPast = new TimeSeriesOracle(g, depth, 3 * history);
      int n = shortPast.variables().size();
      for (int q = 0; q < 300; q++) {
        int a = rng.nextInt(n);
        int b = rng.nextInt(n);
        if (a == b) {
          continue;
        }
        int[] z = rng.ints(rng.nextInt(4), 0, n).filter(v -> v != a && v != b).distinct()
            .toArray();
        assertThat(shortPast.pValue(a, b, z)).as("seed %d, %d ⫫ %d | %s", seed, a, b,
            java.util.Arrays.toString(z)).isEqualTo(longPast.pValue(a, b, z));
      }
    }
  }

  @Test
  void latentSeriesAreLeftOutOfTheVariables() {
    LaggedGraph g = LaggedGraph.builder(List.of("L", "X", "Y"), 1)
        .link("L:1", "-->", "X").link("L:1", "-->", "Y").latent(0, true).build();
    TimeSeriesOracle o = new TimeSeriesOracle(g, 1);
    assertThat(o.variables()).containsExactly("X", "Y", "X:1", "Y:1");
    assertThat(o.pValue(0, 1, new int[] {2, 3})).as("confounded by L(t−1)").isZero();
  }
}
