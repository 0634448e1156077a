package dev.causal4j.discovery.permutation;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.score.Score;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Data from a linear-Gaussian SEM over a known DAG, as the simulator draws it (edge weights ±U(0.5,
 * 1.5), noise variances U(1, 3)), reduced to its covariance matrix, with a BIC score over it.
 * Test-only: the simulator lives in a module that depends on this one.
 */
final class LinearGaussianSample {
  final Graph dag;
  final int n;
  final double[][] cov;

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
    double[] mean = new double[p];
    for (int v = 0; v < p; v++) {
      double m = 0;
      for (double d : x[v]) {
        m += d;
      }
      mean[v] = m / n;
    }
    cov = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        double s = 0;
        for (int r = 0; r < n; r++) {
          s += (x[a][r] - mean[a]) * (x[b][r] - mean[b]);
        }
        cov[a][b] = s / (n - 1);
        cov[b][a] = cov[a][b];
      }
    }
  }

  /** The linear-Gaussian BIC, {@code 2·loglik − c·k·ln n}, computed by Cholesky. */
  Score bic(double penaltyDiscount) {
    List<String> names = dag.nodeNames();
    return new Score() {
      @Override
      public List<String> variables() {
        return names;
      }

      @Override
      public double localScore(int node, int[] parents) {
        int k = parents.length;
        double[][] l = new double[k][k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
          for (int j = 0; j <= i; j++) {
            double s = cov[parents[i]][parents[j]];
            for (int q = 0; q < j; q++) {
              s -= l[i][q] * l[j][q];
            }
            l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
          }
          double s = cov[parents[i]][node];
          for (int q = 0; q < i; q++) {
            s -= l[i][q] * b[q];
          }
          b[i] = s / l[i][i];
        }
        double resid = cov[node][node];
        for (double v : b) {
          resid -= v * v;
        }
        double sigma2 = resid * (n - 1) / n;
        double logLik = -0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1);
        return 2 * logLik - penaltyDiscount * (k + 1) * Math.log(n);
      }
    };
  }
}
