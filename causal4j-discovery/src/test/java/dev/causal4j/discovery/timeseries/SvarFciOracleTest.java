package dev.causal4j.discovery.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.Mag;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomLaggedGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * SVAR-FCI with the d-separation oracle of random time-series DAGs with a hidden series, checked
 * against truths computed without the search, on the DAG unrolled in time (the hidden series and
 * everything before the window latent):
 *
 * <ul>
 *   <li>every tail it draws is at a cause and every arrowhead at a non-cause, on every copy of
 *       the link in the window (soundness: ancestry in the unrolled DAG);
 *   <li>a link whose every copy is adjacent in the window's MAG ({@link Mag#ofDag}) is found, in
 *       particular every true link between observed series; a link whose copies are all
 *       separable by window nodes that are neighbours is absent: on most seeds the links are
 *       exactly those of the window MAG made repeating (counted, since without Possible-D-SEP
 *       a pair that only non-neighbours separate may stay).
 * </ul>
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

  /** {@code anc[v]}: the ancestors of {@code v} in a DAG, {@code v} included. */
  static boolean[][] ancestors(Graph dag) {
    int n = dag.size();
    boolean[][] anc = new boolean[n][n];
    for (int v = 0; v < n; v++) {
      java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
      todo.add(v);
      anc[v][v] = true;
      while (!todo.isEmpty()) {
        for (int u : dag.parents(todo.poll())) {
          if (!anc[v][u]) {
            anc[v][u] = true;
            todo.add(u);
          }
        }
      }
    }
    return anc;
  }

  @Test
  void marksAreSoundAndEveryUnseparableLinkIsFound() {
    int bidirected = 0;
    int oriented = 0;
    int exactSkeletons = 0;
    int seeds = 100;
    for (long seed = 0; seed < seeds; seed++) {
      LaggedGraph truth = randomGraphWithHiddenSeries(seed);
      int maxLag = truth.maxLag();
      TimeSeriesOracle oracle = new TimeSeriesOracle(truth, SvarFci.designDepth(maxLag));
      List<String> observed = oracle.observedVariables();
      TimeSeriesResult r = SvarFci.builder(oracle, observed).maxLag(maxLag).alpha(0.5)
          .threads(seed % 2 == 0 ? 1 : 3).build().search();
      LaggedGraph found = r.graph();
      Graph dag = unrolledWindow(truth, maxLag);
      Graph mag = Mag.ofDag(dag);
      boolean[][] anc = ancestors(dag);
      // Window node (lag, observed variable) -> node of the unrolled DAG.
      int p = observed.size();
      int[] dagNode = new int[(maxLag + 1) * p];
      for (int lag = 0; lag <= maxLag; lag++) {
        for (int v = 0; v < p; v++) {
          dagNode[lag * p + v] = dag.indexOf(LaggedGraph.nodeName(observed.get(v), lag));
        }
      }
      String why = "seed " + seed + "\ntruth:\n" + truth + "\nfound:\n" + found;
      assertThat(found.kind()).isEqualTo(GraphKind.PAG);
      assertThat(r.warnings()).as(why).isEmpty();
      boolean exact = true;
      for (int lag = 0; lag <= maxLag; lag++) {
        for (int i = 0; i < p; i++) {
          for (int j = lag == 0 ? i + 1 : 0; j < p; j++) {
            boolean all = true;
            for (int s = 0; s + lag <= maxLag; s++) {
              all &= mag.isAdjacent((lag + s) * p + i, s * p + j);
            }
            Optional<LaggedGraph.Link> link = found.link(i, j, lag);
            String at = why + "\nlink " + i + " " + j + " lag " + lag;
            if (all) {
              assertThat(link).as(at).isPresent();
            }
            exact &= link.isPresent() == all;
            if (link.isEmpty()) {
              continue;
            }
            Endpoint atFrom = link.get().atFrom();
            Endpoint atTo = link.get().atTo();
            bidirected += atFrom == Endpoint.ARROW && atTo == Endpoint.ARROW ? 1 : 0;
            oriented += atFrom != Endpoint.CIRCLE ? 1 : 0;
            for (int s = 0; s + lag <= maxLag; s++) {
              int a = dagNode[(lag + s) * p + i];
              int b = dagNode[s * p + j];
              if (atFrom != Endpoint.CIRCLE) {
                assertThat(atFrom == Endpoint.TAIL).as(at).isEqualTo(anc[b][a]);
              }
              if (atTo != Endpoint.CIRCLE) {
                assertThat(atTo == Endpoint.TAIL).as(at).isEqualTo(anc[a][b]);
              }
            }
          }
        }
      }
      for (LaggedGraph.Link l : truth.links()) {
        if (!truth.isLatent(l.from()) && !truth.isLatent(l.to())) {
          assertThat(found.hasLink(observed.indexOf(truth.variable(l.from())),
              observed.indexOf(truth.variable(l.to())), l.lag())).as(why).isTrue();
        }
      }
      exactSkeletons += exact ? 1 : 0;
    }
    assertThat(bidirected).isPositive();
    assertThat(oriented).isPositive();
    assertThat(exactSkeletons).isGreaterThan(seeds * 3 / 4);
  }
}
