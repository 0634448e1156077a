package dev.causal4j.discovery.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.Mag;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.Pag;
import dev.causal4j.graph.RandomLaggedGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * SVAR-FCI with the d-separation oracle of a random time-series DAG with a hidden series, checked
 * against the truth computed independently of the search: the MAG and PAG of the window {@code
 * t−τmax..t} ({@link Mag#ofDag}, {@link Pag#ofDag} on the DAG unrolled in time, with the hidden
 * series and everything before the window latent). Expected, exactly: a link is present iff every
 * copy of it in the window is adjacent in the MAG; each of its tails and arrowheads is the MAG's
 * mark on every copy (soundness); and every tail or arrowhead the window PAG shows on some copy
 * is in the output (the marks FCI without time order would already find are not lost).
 */
class SvarFciOracleTest {

  static LaggedGraph randomGraphWithHiddenSeries(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed + 1000);
    int p = 3 + (int) (seed % 3);
    int maxLag = 1 + (int) (seed % 2);
    double lagged = new double[] {1.0, 1.5, 2.0}[(int) (seed / 3 % 3)];
    double contemp = new double[] {0.5, 1.0, 1.5}[(int) (seed / 5 % 3)];
    LaggedGraph g = RandomLaggedGraphs.dag(p, maxLag, lagged, contemp, 0.7, rng);
    return g.toBuilder().latent(rng.nextInt(p), true).build();
  }

  /** The window's DAG: every variable at lags 0..depth+history, lag-major, the past latent. */
  static Graph unrolledWindow(LaggedGraph truth, int depth) {
    int p = truth.size();
    int history = truth.maxLag() * (p * truth.maxLag() + 2);
    int steps = depth + history + 1;
    List<String> names = new ArrayList<>();
    for (int lag = 0; lag < steps; lag++) {
      for (int v = 0; v < p; v++) {
        names.add(LaggedGraph.nodeName(truth.variable(v), lag));
      }
    }
    MutableGraph g = new MutableGraph(names, GraphKind.DAG);
    for (int lag = 0; lag < steps; lag++) {
      for (int v = 0; v < p; v++) {
        g.setLatent(lag * p + v, truth.isLatent(v) || lag > depth);
      }
    }
    for (LaggedGraph.Link l : truth.links()) {
      for (int s = 0; s + l.lag() < steps; s++) {
        g.addDirectedEdge((s + l.lag()) * p + l.from(), s * p + l.to());
      }
    }
    return g.snapshot();
  }

  @Test
  void outputIsTheStationarisedWindowPagWithSoundMarks() {
    int withHiddenConfounding = 0;
    for (long seed = 0; seed < 100; seed++) {
      LaggedGraph truth = randomGraphWithHiddenSeries(seed);
      int maxLag = truth.maxLag();
      TimeSeriesOracle oracle = new TimeSeriesOracle(truth, SvarFci.designDepth(maxLag));
      List<String> observed = oracle.observedVariables();
      TimeSeriesResult r = SvarFci.builder(oracle, observed).maxLag(maxLag).alpha(0.5)
          .threads(seed % 2 == 0 ? 1 : 3).build().search();
      LaggedGraph found = r.graph();
      Graph dag = unrolledWindow(truth, maxLag);
      Graph mag = Mag.ofDag(dag);
      Graph pag = Pag.ofDag(dag);
      int p = observed.size();
      String why = "seed " + seed + "\ntruth:\n" + truth + "\nfound:\n" + found;
      assertThat(found.kind()).isEqualTo(GraphKind.PAG);
      assertThat(r.warnings()).as(why).isEmpty();
      for (int lag = 0; lag <= maxLag; lag++) {
        for (int i = 0; i < p; i++) {
          for (int j = lag == 0 ? i + 1 : 0; j < p; j++) {
            boolean all = true;
            for (int s = 0; s + lag <= maxLag; s++) {
              all &= mag.isAdjacent((lag + s) * p + i, s * p + j);
            }
            Optional<LaggedGraph.Link> link = found.link(i, j, lag);
            assertThat(link.isPresent()).as("%s\nlink %d %d lag %d", why, i, j, lag)
                .isEqualTo(all);
            if (!all) {
              continue;
            }
            Endpoint atFrom = link.get().atFrom();
            Endpoint atTo = link.get().atTo();
            if (atFrom == Endpoint.ARROW && atTo == Endpoint.ARROW) {
              withHiddenConfounding++;
            }
            for (int s = 0; s + lag <= maxLag; s++) {
              int a = (lag + s) * p + i;
              int b = s * p + j;
              String at = why + "\nlink " + i + " " + j + " lag " + lag + " copy " + s;
              if (atFrom != Endpoint.CIRCLE) {
                assertThat(atFrom).as(at).isEqualTo(mag.endpoint(b, a));
              }
              if (atTo != Endpoint.CIRCLE) {
                assertThat(atTo).as(at).isEqualTo(mag.endpoint(a, b));
              }
              if (pag.endpoint(b, a) != Endpoint.CIRCLE) {
                assertThat(atFrom).as(at).isEqualTo(pag.endpoint(b, a));
              }
              if (pag.endpoint(a, b) != Endpoint.CIRCLE) {
                assertThat(atTo).as(at).isEqualTo(pag.endpoint(a, b));
              }
            }
          }
        }
      }
    }
    assertThat(withHiddenConfounding).isGreaterThan(0);
  }
}
