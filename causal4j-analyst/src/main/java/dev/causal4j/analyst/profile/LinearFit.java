package dev.causal4j.analyst.profile;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Least squares of {@code y} on an intercept and the columns given, by QR with column pivoting
 * (EJML), so that collinear columns do not break the fit: the residuals, their sum of squares and
 * the R². Only the profile's checks use it.
 */
final class LinearFit {
  final double[] residuals;
  final double rss;
  final double rSquared;
  /** Parameters including the intercept. */
  final int parameters;

  private LinearFit(double[] residuals, double rss, double rSquared, int parameters) {
    this.residuals = residuals;
    this.rss = rss;
    this.rSquared = rSquared;
    this.parameters = parameters;
  }

  /** Fits {@code y ~ 1 + x[0] + … + x[k-1]}; every array has the same length. */
  static LinearFit of(double[] y, double[][] x) {
    int n = y.length;
    int k = x.length + 1;
    DMatrixRMaj a = new DMatrixRMaj(n, k);
    DMatrixRMaj b = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      a.unsafe_set(i, 0, 1.0);
      for (int j = 1; j < k; j++) {
        a.unsafe_set(i, j, x[j - 1][i]);
      }
      b.unsafe_set(i, 0, y[i]);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
    DMatrixRMaj beta = new DMatrixRMaj(k, 1);
    if (!solver.setA(a.copy())) {
      throw new IllegalStateException("least squares failed");
    }
    solver.solve(b, beta);
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double[] r = new double[n];
    double rss = 0;
    double tss = 0;
    for (int i = 0; i < n; i++) {
      double fit = 0;
      for (int j = 0; j < k; j++) {
        fit += a.unsafe_get(i, j) * beta.unsafe_get(j, 0);
      }
      r[i] = y[i] - fit;
      rss += r[i] * r[i];
      tss += (y[i] - mean) * (y[i] - mean);
    }
    return new LinearFit(r, rss, tss > 0 ? 1 - rss / tss : 0, k);
  }
}
