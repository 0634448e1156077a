package dev.causal4j.discovery.ges;

import dev.causal4j.score.Score;
import java.util.List;

/**
 * A minimal linear-Gaussian BIC for the tests until the real scores land: {@code −n·ln σ̂² −
 * c·|Pa|·ln n} (Tetrad's SEM BIC; constants dropped), {@code σ̂²} the residual variance of the
 * node on its parents from the sample covariance, by Cholesky.
 */
final class TestBic implements Score {
  private final List<String> names;
  private final double[][] cov;
  private final int n;
  private final double penalty;

  TestBic(List<String> names, double[][] columns, double penalty) {
    this.names = names;
    this.penalty = penalty;
    int p = columns.length;
    n = columns[0].length;
    double[] mean = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (double v : columns[j]) {
        s += v;
      }
      mean[j] = s / n;
    }
    cov = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int r = 0; r < n; r++) {
          s += (columns[i][r] - mean[i]) * (columns[j][r] - mean[j]);
        }
        cov[i][j] = s / (n - 1);
        cov[j][i] = cov[i][j];
      }
    }
  }

  TestBic(List<String> names, double[][] covariance, int n, double penalty) {
    this.names = names;
    this.cov = covariance;
    this.n = n;
    this.penalty = penalty;
  }

  @Override
  public List<String> variables() {
    return names;
  }

  @Override
  public double localScore(int node, int[] parents) {
    int k = parents.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = cov[parents[i]][parents[j]];
        for (int q = 0; q < j; q++) {
          s -= l[i][q] * l[j][q];
        }
        l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
      }
    }
    double[] u = new double[k];
    double explained = 0;
    for (int i = 0; i < k; i++) {
      double s = cov[parents[i]][node];
      for (int q = 0; q < i; q++) {
        s -= l[i][q] * u[q];
      }
      u[i] = s / l[i][i];
      explained += u[i] * u[i];
    }
    double residual = cov[node][node] - explained;
    return -n * Math.log(residual) - penalty * k * Math.log(n);
  }
}
