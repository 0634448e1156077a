package dev.causal4j.discovery.fci;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.stats.CovarianceMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The exact covariance a linear-Gaussian model implies, as statistics of a huge sample: Fisher Z
 * (and a BIC) on it answer as the model's population would, so a search run on it must find the
 * model's equivalence class exactly, through the same code path as real data.
 */
final class PopulationCovariance {
  /** Rows the covariance claims; Fisher Z then calls |ρ| above about 1e-4 dependence. */
  static final int SAMPLE_SIZE = 2_000_000_000;

  private PopulationCovariance() {}

  /**
   * The correlation matrix of the observed variables of {@code X = B X + E} on {@code dag}:
   * weights ±U[0.5, 1.5], unit noise variances, each variable standardized before its children
   * read it (as {@link FciDataTest#linearGaussian} does), computed in causal order ({@code cov(v,
   * w) = Σ_u b_vu cov(u, w)} for {@code w} earlier than {@code v}). Hidden nodes are
   * marginalised out by dropping them.
   */
  static CovarianceMatrix of(Graph dag, long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    int p = dag.size();
    double[][] cov = new double[p][p];
    int[] order = Graphs.topologicalOrder(dag);
    boolean[] done = new boolean[p];
    for (int v : order) {
      int[] pa = dag.parents(v);
      double[] b = new double[pa.length];
      for (int k = 0; k < pa.length; k++) {
        b[k] = (0.5 + rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
      }
      for (int w = 0; w < p; w++) {
        if (done[w]) {
          double c = 0;
          for (int k = 0; k < pa.length; k++) {
            c += b[k] * cov[pa[k]][w];
          }
          cov[v][w] = c;
          cov[w][v] = c;
        }
      }
      double var = 1;
      for (int k = 0; k < pa.length; k++) {
        for (int l = 0; l < pa.length; l++) {
          var += b[k] * b[l] * cov[pa[k]][pa[l]];
        }
      }
      // Standardize v, as the data of FciDataTest are, so no variance grows along long chains.
      double sd = Math.sqrt(var);
      for (int w = 0; w < p; w++) {
        if (done[w]) {
          cov[v][w] /= sd;
          cov[w][v] = cov[v][w];
        }
      }
      cov[v][v] = 1;
      done[v] = true;
    }
    int[] observed = Graphs.observedNodes(dag);
    double[][] margin = new double[observed.length][observed.length];
    for (int i = 0; i < observed.length; i++) {
      for (int j = 0; j < observed.length; j++) {
        margin[i][j] = cov[observed[i]][observed[j]];
      }
    }
    return CovarianceMatrix.fromCovariance(Graphs.names(dag, observed), SAMPLE_SIZE, margin);
  }
}
