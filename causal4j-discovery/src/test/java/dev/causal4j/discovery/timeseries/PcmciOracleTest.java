package dev.causal4j.discovery.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.RandomLaggedGraphs;
import dev.causal4j.graph.TimeSeriesCpdag;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * With the d-separation oracle of a true time-series graph, PCMCI must return exactly the lagged
 * parents when there are no contemporaneous links (Runge et al. 2019, Thm. 1), and PCMCI+ exactly
 * the time-series CPDAG (Runge 2020, Thm. 1), on random graphs of 3–8 variables and largest lags
 * 1–3, under each collider rule.
 */
class PcmciOracleTest {

  static LaggedGraph randomGraph(long seed, boolean contemporaneous) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    int p = 3 + (int) (seed % 6);
    int maxLag = 1 + (int) (seed % 3);
    double lagged = new double[] {0.8, 1.2, 1.8}[(int) (seed / 3 % 3)];
    double contemp = contemporaneous ? new double[] {0.8, 1.5, 2.5}[(int) (seed / 7 % 3)] : 0;
    return RandomLaggedGraphs.dag(p, maxLag, lagged, contemp, 0.7, rng);
  }

  @Test
  void pcmciFindsExactlyTheLaggedParents() {
    for (long seed = 0; seed < 120; seed++) {
      LaggedGraph truth = randomGraph(seed, false);
      int maxLag = truth.maxLag();
      TimeSeriesOracle oracle = new TimeSeriesOracle(truth, Pcmci.designDepth(maxLag));
      TimeSeriesResult r = Pcmci.builder(oracle, truth.variables()).maxLag(maxLag).alpha(0.5)
          .pcAlpha(0.5).threads(seed % 2 == 0 ? 1 : 3).build().search();
      assertThat(r.graph()).as("seed %d:\n%s", seed, truth).isEqualTo(truth);
      assertThat(r.stats().algorithm()).isEqualTo("pcmci");
    }
  }

  @Test
  void pcmciPlusFindsExactlyTheTimeSeriesCpdag() {
    for (PcmciPlus.ColliderRule rule : new PcmciPlus.ColliderRule[] {
        PcmciPlus.ColliderRule.MAJORITY, PcmciPlus.ColliderRule.CONSERVATIVE,
        PcmciPlus.ColliderRule.SEPSETS}) {
      int seeds = rule == PcmciPlus.ColliderRule.MAJORITY ? 150 : 60;
      for (long seed = 0; seed < seeds; seed++) {
        LaggedGraph truth = randomGraph(seed, true);
        int maxLag = truth.maxLag();
        TimeSeriesOracle oracle = new TimeSeriesOracle(truth, PcmciPlus.designDepth(maxLag));
        TimeSeriesResult r = PcmciPlus.builder(oracle, truth.variables()).maxLag(maxLag)
            .alpha(0.5).colliderRule(rule).threads(seed % 2 == 0 ? 1 : 3).build().search();
        assertThat(r.graph()).as("%s, seed %d:\n%s", rule, seed, truth)
            .isEqualTo(TimeSeriesCpdag.of(truth));
        assertThat(r.warnings()).as("%s, seed %d", rule, seed).isEmpty();
      }
    }
  }

  @Test
  void aLargerSearchLagThanTheTruthsChangesNothing() {
    for (long seed = 0; seed < 30; seed++) {
      LaggedGraph truth = randomGraph(seed, true);
      int maxLag = truth.maxLag() + 1;
      LaggedGraph wide = widen(truth, maxLag);
      TimeSeriesOracle oracle = new TimeSeriesOracle(wide, PcmciPlus.designDepth(maxLag));
      TimeSeriesResult r = PcmciPlus.builder(oracle, truth.variables()).maxLag(maxLag)
          .alpha(0.5).threads(2).build().search();
      assertThat(r.graph()).as("seed %d", seed).isEqualTo(TimeSeriesCpdag.of(wide));
    }
  }

  static LaggedGraph widen(LaggedGraph g, int maxLag) {
    LaggedGraph.Builder b = LaggedGraph.builder(g.variables(), maxLag).kind(g.kind());
    for (LaggedGraph.Link l : g.links()) {
      b.link(l.from(), l.to(), l.lag(), l.atFrom(), l.atTo());
    }
    return b.build();
  }
}
