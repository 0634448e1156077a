package dev.causal4j.discovery.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.data.Dataset;
import dev.causal4j.graph.LaggedGraph;
import org.junit.jupiter.api.Test;

/**
 * Partial cross mapping on coupled logistic maps: in a chain {@code x → y → z} plain CCM also
 * links {@code x → z} (z's dynamics carry x's states through y), and pruning drops that link
 * while keeping the two direct ones; when {@code x} also drives {@code z} directly, the link
 * stays.
 */
class CcmPruningTest {
  static final int X = 0;
  static final int Y = 1;
  static final int Z = 2;

  /**
   * After Sugihara et al.'s two-species maps: coupling 0.3 from x to y and from y to z, and
   * {@code xz} directly from x to z.
   */
  static TimeSeries maps(int n, double[] start, double xz) {
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    x[0] = start[0];
    y[0] = start[1];
    z[0] = start[2];
    for (int t = 0; t < n - 1; t++) {
      x[t + 1] = x[t] * (3.8 - 3.8 * x[t]);
      y[t + 1] = y[t] * (3.5 - 3.5 * y[t] - 0.3 * x[t]);
      z[t + 1] = z[t] * (3.7 - 3.7 * z[t] - 0.3 * y[t] - xz * x[t]);
    }
    return TimeSeries.of(Dataset.builder(n).addContinuous("x", x).addContinuous("y", y)
        .addContinuous("z", z).build());
  }

  static final double[][] STARTS = {{0.4, 0.2, 0.3}, {0.3, 0.4, 0.2}, {0.25, 0.35, 0.45}};

  static boolean linked(LaggedGraph g, int from, int to) {
    for (int lag = 1; lag <= g.maxLag(); lag++) {
      if (g.hasLink(from, to, lag)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theIndirectLinkOfAChainIsDropped() {
    for (double[] s : STARTS) {
      TimeSeries ts = maps(1000, s, 0);
      LaggedGraph plain = ConvergentCrossMapping.builder().maxLag(3).threads(1).build()
          .search(ts).graph();
      assertThat(linked(plain, X, Z)).as("plain ccm finds the indirect link").isTrue();
      TimeSeriesResult pruned = ConvergentCrossMapping.builder().maxLag(3).pruneIndirect(true)
          .threads(1).build().search(ts);
      LaggedGraph g = pruned.graph();
      assertThat(g.hasLink(X, Y, 1)).isTrue();
      assertThat(g.hasLink(Y, Z, 1)).isTrue();
      assertThat(linked(g, X, Z)).as("%s", g).isFalse();
      assertThat(g.linkCount()).isEqualTo(2);
      assertThat(pruned.stats().parameters()).containsEntry("links_pruned_as_indirect", "1");
      assertThat(ConvergentCrossMapping.builder().maxLag(3).pruneIndirect(true).threads(3)
          .build().search(ts).graph()).isEqualTo(g);
    }
  }

  @Test
  void aDirectLinkBesideTheChainIsKept() {
    for (double xz : new double[] {0.2, 0.4}) {
      for (double[] s : STARTS) {
        LaggedGraph g = ConvergentCrossMapping.builder().maxLag(3).pruneIndirect(true).threads(1)
            .build().search(maps(1000, s, xz)).graph();
        assertThat(linked(g, X, Z)).as("coupling %s: %s", xz, g).isTrue();
        assertThat(g.hasLink(X, Y, 1)).isTrue();
      }
    }
  }
}
