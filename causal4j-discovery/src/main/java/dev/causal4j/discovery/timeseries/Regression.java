package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.stats.CovarianceMatrix;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Least squares with an intercept from a covariance matrix (the regressions of Granger causality
 * and VAR-LiNGAM): {@code β = S_xx⁻¹ S_xy}, residual sum of squares {@code (n−1)(S_yy − S_yxβ)},
 * coefficient covariance {@code σ̂²·((n−1)S_xx)⁻¹} with {@code σ̂² = RSS/(n − k − 1)}, and Wald
 * tests of one coefficient (t) or a group (F, equal to the F test of the nested fit for least
 * squares). One covariance of the lagged design serves every regression of a search.
 */
final class Regression {
  private Regression() {}

  /** A fitted regression of {@code target} on {@code regressors} (indices into the covariance). */
  record Fit(int target, int[] regressors, double[] beta, DMatrixRMaj covBeta, double rss,
      int residualDof) {

    /** Two-sided p-value of {@code β_k = 0} and its t statistic. */
    double[] tTest(int k) {
      double se = Math.sqrt(covBeta.get(k, k));
      double t = beta[k] / se;
      if (residualDof < 1 || !(se > 0)) {
        return new double[] {Double.NaN, t};
      }
      double p = 2 * TDistribution.of(residualDof).survivalProbability(Math.abs(t));
      return new double[] {Math.min(1, p), t};
    }

    /** The Wald F test that the coefficients at {@code positions} are all zero: {p, F}. */
    double[] fTest(int[] positions) {
      int q = positions.length;
      DMatrixRMaj v = new DMatrixRMaj(q, q);
      DMatrixRMaj b = new DMatrixRMaj(q, 1);
      for (int a = 0; a < q; a++) {
        b.set(a, 0, beta[positions[a]]);
        for (int c = 0; c < q; c++) {
          v.set(a, c, covBeta.get(positions[a], positions[c]));
        }
      }
      LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(q);
      DMatrixRMaj x = new DMatrixRMaj(q, 1);
      if (!chol.setA(v)) {
        return new double[] {Double.NaN, Double.NaN};
      }
      chol.solve(b, x);
      double w = 0;
      for (int a = 0; a < q; a++) {
        w += b.get(a, 0) * x.get(a, 0);
      }
      double f = w / q;
      double p = FDistribution.of(q, residualDof).survivalProbability(f);
      return new double[] {p, f};
    }
  }

  /**
   * Fits {@code target} on {@code regressors}.
   *
   * @throws InvalidInputException if the regressors are collinear or outnumber the rows
   */
  static Fit fit(CovarianceMatrix cov, int target, int[] regressors, String what) {
    int k = regressors.length;
    int n = cov.sampleSize();
    if (n - k - 1 < 1) {
      throw new InvalidInputException(what + " regresses on " + k + " lagged variables but has "
          + n + " samples; use a smaller maximum lag, fewer variables, or the lasso");
    }
    DMatrixRMaj sxx = new DMatrixRMaj(k, k);
    DMatrixRMaj sxy = new DMatrixRMaj(k, 1);
    for (int a = 0; a < k; a++) {
      sxy.set(a, 0, cov.covariance(regressors[a], target));
      for (int c = 0; c < k; c++) {
        sxx.set(a, c, cov.covariance(regressors[a], regressors[c]));
      }
    }
    DMatrixRMaj inv = new DMatrixRMaj(k, k);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
    if (k > 0 && (!chol.setA(sxx.copy()) || chol.quality() < 1e-12)) {
      throw new InvalidInputException(what + ": the lagged variables are collinear (a variable"
          + " is a linear function of others and their past); drop one or use the lasso");
    }
    double[] beta = new double[k];
    double explained = 0;
    if (k > 0) {
      chol.invert(inv);
      DMatrixRMaj b = new DMatrixRMaj(k, 1);
      CommonOps_DDRM.mult(inv, sxy, b);
      for (int a = 0; a < k; a++) {
        beta[a] = b.get(a, 0);
        explained += beta[a] * sxy.get(a, 0);
      }
    }
    double rss = Math.max(0, (n - 1) * (cov.variance(target) - explained));
    int dof = n - k - 1;
    double sigma2 = rss / dof;
    CommonOps_DDRM.scale(sigma2 / (n - 1), inv);
    return new Fit(target, regressors.clone(), beta, inv, rss, dof);
  }

  /**
   * The residual covariance (ML, divisor n) of regressing each of {@code targets} on the same
   * {@code regressors}: the conditional covariance {@code S_yy − S_yx S_xx⁻¹ S_xy}, scaled by
   * {@code (n−1)/n}. Its log-determinant is the fit term of the VAR lag-order criteria.
   */
  static DMatrixRMaj residualCovariance(CovarianceMatrix cov, int[] targets, int[] regressors) {
    int k = regressors.length;
    int m = targets.length;
    int n = cov.sampleSize();
    DMatrixRMaj syy = new DMatrixRMaj(m, m);
    for (int a = 0; a < m; a++) {
      for (int c = 0; c < m; c++) {
        syy.set(a, c, cov.covariance(targets[a], targets[c]));
      }
    }
    if (k > 0) {
      DMatrixRMaj sxx = new DMatrixRMaj(k, k);
      DMatrixRMaj sxy = new DMatrixRMaj(k, m);
      for (int a = 0; a < k; a++) {
        for (int c = 0; c < k; c++) {
          sxx.set(a, c, cov.covariance(regressors[a], regressors[c]));
        }
        for (int c = 0; c < m; c++) {
          sxy.set(a, c, cov.covariance(regressors[a], targets[c]));
        }
      }
      LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
      if (!chol.setA(sxx)) {
        return null;
      }
      DMatrixRMaj x = new DMatrixRMaj(k, m);
      chol.solve(sxy, x);
      DMatrixRMaj proj = new DMatrixRMaj(m, m);
      CommonOps_DDRM.multTransA(sxy, x, proj);
      CommonOps_DDRM.subtractEquals(syy, proj);
    }
    CommonOps_DDRM.scale((n - 1.0) / n, syy);
    return syy;
  }

  /** Log-determinant of a symmetric positive definite matrix, NaN if it is not. */
  static double logDet(DMatrixRMaj m) {
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(m.numRows, true);
    if (!chol.decompose(m.copy())) {
      return Double.NaN;
    }
    DMatrixRMaj lower = chol.getT(null);
    double s = 0;
    for (int i = 0; i < m.numRows; i++) {
      s += Math.log(lower.get(i, i));
    }
    return 2 * s;
  }
}
