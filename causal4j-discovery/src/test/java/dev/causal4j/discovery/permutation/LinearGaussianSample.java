package dev.causal4j.discovery.permutation;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.score.Score;
import dev.causal4j.stats.CovarianceMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Data from a linear-Gaussian SEM over a known DAG, as the simulator draws it (edge weights ±U(0.5,
 * 1.5), noise variances U(1, 3)), reduced to its covariance matrix. Drawn here because the
 * simulator lives in a module that depends on this one.
 */
final class LinearGaussianSample {
  final Graph dag;
  final int n;
  final CovarianceMatrix cov;

  LinearGaussianSample(Graph dag, int n, UniformRandomProvider rng) {
    this.dag = dag;
    this.n = n;
    int p = dag.size();
    int[] order = Graphs.topologicalOrder(dag);
    double[][] weight = new double[p][p];
    double[] sd = new double[p];
    for (int v : order) {
      for (int u : dag.parents(v)) {
        double w = 0.5 + rng.nextDouble();
        weight[v][u] = rng.nextBoolean() ? w : -w;
      }
      sd[v] = Math.sqrt(1 + 2 * rng.nextDouble());
    }
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] x = new double[p][n];
    for (int v : order) {
      int[] pa = dag.parents(v);
      for (int r = 0; r < n; r++) {
        double s = sd[v] * normal.sample();
        for (int u : pa) {
          s += weight[v][u] * x[u][r];
        }
        x[v][r] = s;
      }
    }
    cov = CovarianceMatrix.of(dag.nodeNames(), x, n, 1, "");
  }

  /** The linear-Gaussian BIC with this penalty discount. */
  Score bic(double penaltyDiscount) {
    return new LinearGaussianBicScore(cov, penaltyDiscount);
  }
}
