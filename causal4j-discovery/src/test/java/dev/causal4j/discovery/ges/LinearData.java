package dev.causal4j.discovery.ges;

import dev.causal4j.graph.Graph;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.score.Score;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Data from a linear-Gaussian structural equation model on a DAG, generated in the test (the
 * simulator lives in causal4j-bench, which depends on this module): edge weights uniform on ±[0.5,
 * 1.5], noise variances uniform on [1, 3], as the simulator's defaults.
 */
final class LinearData {
  private LinearData() {}

  /** The linear BIC with this penalty discount on sampled columns. */
  static Score bic(List<String> names, double[][] columns, double penalty) {
    CovarianceMatrix cov = CovarianceMatrix.of(names, columns, columns[0].length, 1, "");
    return new LinearGaussianBicScore(cov, penalty);
  }

  /** The linear BIC with this penalty discount on a covariance taken to come from n rows. */
  static Score bic(List<String> names, double[][] covariance, int n, double penalty) {
    return new LinearGaussianBicScore(CovarianceMatrix.fromCovariance(names, n, covariance),
        penalty);
  }

  /** {@code columns[v][row]} for {@code n} rows. */
  static double[][] simulate(Graph dag, int n, UniformRandomProvider rng) {
    return simulate(dag, n, rng, 0.5, 1.5, true);
  }

  static double[][] simulate(Graph dag, int n, UniformRandomProvider rng, double lo, double hi,
      boolean randomSign) {
    int p = dag.size();
    int[] order = topologicalOrder(dag);
    double[][] weight = new double[p][];
    int[][] parents = new int[p][];
    double[] sd = new double[p];
    for (int v : order) {
      parents[v] = dag.parents(v);
      weight[v] = new double[parents[v].length];
      for (int i = 0; i < weight[v].length; i++) {
        double w = lo + (hi - lo) * rng.nextDouble();
        weight[v][i] = !randomSign || rng.nextBoolean() ? w : -w;
      }
      sd[v] = Math.sqrt(1 + 2 * rng.nextDouble());
    }
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] x = new double[p][n];
    for (int r = 0; r < n; r++) {
      for (int v : order) {
        double s = sd[v] * gauss.sample();
        for (int i = 0; i < parents[v].length; i++) {
          s += weight[v][i] * x[parents[v][i]][r];
        }
        x[v][r] = s;
      }
    }
    return x;
  }

  /**
   * The population covariance of the same model (weights and noise drawn as in {@link
   * #simulate}): {@code Σ = (I − B)⁻¹ Ω (I − B)⁻ᵀ}, built along a topological order.
   */
  static double[][] covariance(Graph dag, UniformRandomProvider rng, double lo, double hi,
      boolean randomSign) {
    int p = dag.size();
    int[] order = topologicalOrder(dag);
    double[][] cov = new double[p][p];
    for (int k = 0; k < p; k++) {
      int v = order[k];
      int[] pa = dag.parents(v);
      double[] w = new double[pa.length];
      for (int i = 0; i < w.length; i++) {
        double a = lo + (hi - lo) * rng.nextDouble();
        w[i] = !randomSign || rng.nextBoolean() ? a : -a;
      }
      double noise = 1 + 2 * rng.nextDouble();
      for (int j = 0; j < k; j++) {
        int u = order[j];
        double s = 0;
        for (int i = 0; i < pa.length; i++) {
          s += w[i] * cov[pa[i]][u];
        }
        cov[v][u] = s;
        cov[u][v] = s;
      }
      double var = noise;
      for (int i = 0; i < pa.length; i++) {
        for (int j = 0; j < pa.length; j++) {
          var += w[i] * w[j] * cov[pa[i]][pa[j]];
        }
      }
      cov[v][v] = var;
    }
    return cov;
  }

  static int[] topologicalOrder(Graph dag) {
    int p = dag.size();
    int[] missing = new int[p];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int v = 0; v < p; v++) {
      missing[v] = dag.parents(v).length;
      if (missing[v] == 0) {
        ready.add(v);
      }
    }
    int[] order = new int[p];
    int k = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order[k++] = v;
      for (int c : dag.children(v)) {
        if (--missing[c] == 0) {
          ready.add(c);
        }
      }
    }
    return order;
  }
}
