package dev.causal4j.discovery.fci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.Pag;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.independence.FisherZTest;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** FCI and RFCI with Fisher Z on seeded linear-Gaussian data with hidden confounders. */
class FciDataTest {

  /**
   * {@code n} rows of the observed variables of a linear-Gaussian model on {@code dag}: weights
   * ±U[0.5, 1.5], standard normal noise, each variable standardized before its children read it
   * (so no dependence fades along a chain of large variances). Hidden nodes are simulated and
   * dropped.
   */
  static Dataset linearGaussian(Graph dag, int n, long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    ZigguratSampler.NormalizedGaussian noise = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] x = new double[dag.size()][n];
    for (int v : Graphs.topologicalOrder(dag)) {
      int[] pa = dag.parents(v);
      double[] w = new double[pa.length];
      for (int k = 0; k < pa.length; k++) {
        w[k] = (0.5 + rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
      }
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        double s = noise.sample();
        for (int k = 0; k < pa.length; k++) {
          s += w[k] * x[pa[k]][i];
        }
        x[v][i] = s;
        sum += s;
        sumSq += s * s;
      }
      double mean = sum / n;
      double sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
      for (int i = 0; i < n; i++) {
        x[v][i] = (x[v][i] - mean) / sd;
      }
    }
    int[] observed = Graphs.observedNodes(dag);
    double[][] columns = new double[observed.length][];
    for (int i = 0; i < observed.length; i++) {
      columns[i] = x[observed[i]];
    }
    return Dataset.ofContinuous(Graphs.names(dag, observed), columns);
  }

  /** A 20-node Erdős–Rényi DAG of average degree 2 with two hidden confounders. */
  static Graph model(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    return OracleGraphs.withLatents(RandomGraphs.erdosRenyiDag(20, 2, rng), 2, 4, rng);
  }

  private static IndependenceTest fisherZ(Dataset d) {
    return new FisherZTest(CovarianceMatrix.of(d, 1));
  }

  @Test
  void recoversTheTruePagsAdjacenciesAndMostMarksAtLargeN() {
    // Ten models, n = 20,000, α = 0.01. Measured: adjacency precision 0.995 and recall 0.944,
    // 83–84% of the endpoint marks on correctly found adjacencies equal to the true PAG's, for
    // both. The bar leaves room for neither: recall misses are adjacencies made by inducing paths
    // through hidden nodes whose dependence is a product of several weights, and one false
    // (in)dependence moves several marks; PC on the same models without hidden nodes reaches
    // 0.98 / 0.97.
    for (Function<IndependenceTest, DiscoveryResult> search :
        java.util.List.<Function<IndependenceTest, DiscoveryResult>>of(
            t -> Fci.builder(t).alpha(0.01).build().search(),
            t -> Rfci.builder(t).alpha(0.01).build().search())) {
      long tp = 0;
      long fp = 0;
      long fn = 0;
      long marks = 0;
      long marksRight = 0;
      for (long seed = 0; seed < 10; seed++) {
        Graph dag = model(seed);
        Graph truth = Pag.ofDag(dag);
        Graph out = search.apply(fisherZ(linearGaussian(dag, 20_000, seed + 1000))).graph();
        for (int a = 0; a < out.size(); a++) {
          for (int b = a + 1; b < out.size(); b++) {
            boolean found = out.isAdjacent(a, b);
            boolean real = truth.isAdjacent(a, b);
            tp += found && real ? 1 : 0;
            fp += found && !real ? 1 : 0;
            fn += !found && real ? 1 : 0;
            if (found && real) {
              marks += 2;
              marksRight += (out.endpoint(a, b) == truth.endpoint(a, b) ? 1 : 0)
                  + (out.endpoint(b, a) == truth.endpoint(b, a) ? 1 : 0);
            }
          }
        }
      }
      assertThat(tp / (double) (tp + fp)).isGreaterThanOrEqualTo(0.95);
      assertThat(tp / (double) (tp + fn)).isGreaterThanOrEqualTo(0.9);
      assertThat(marksRight / (double) marks).isGreaterThanOrEqualTo(0.75);
    }
  }

  @Test
  void sameResultOnOneAndManyThreads() {
    // α = 0.2 on n = 500: many wrong answers, so much for the order of work to change if it could.
    for (long seed = 0; seed < 3; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      Graph dag = OracleGraphs.withLatents(RandomGraphs.erdosRenyiDag(40, 3, rng), 4, 4, rng);
      IndependenceTest test = fisherZ(linearGaussian(dag, 500, seed));
      DiscoveryResult f1 = Fci.builder(test).alpha(0.2).threads(1).build().search();
      DiscoveryResult f3 = Fci.builder(test).alpha(0.2).threads(3).build().search();
      assertThat(f3.graph()).isEqualTo(f1.graph());
      assertThat(f3.stats().testsPerformed()).isEqualTo(f1.stats().testsPerformed());
      DiscoveryResult r1 = Rfci.builder(test).alpha(0.2).threads(1).build().search();
      DiscoveryResult r3 = Rfci.builder(test).alpha(0.2).threads(3).build().search();
      assertThat(r3.graph()).isEqualTo(r1.graph());
      assertThat(r3.stats().testsPerformed()).isEqualTo(r1.stats().testsPerformed());
    }
  }
}
