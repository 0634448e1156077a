package dev.causal4j.effects.scm;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.qr.QRColPivDecompositionHouseholderColumn_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ordinary least squares with an intercept: coefficients, their classical covariance {@code
 * σ² (XᵀX)⁻¹} with {@code σ² = RSS / (n - k)}, and the residuals. The features are centred and
 * scaled before the solve (a column-pivoted QR decides the rank), so a constant or collinear
 * feature is reported by name instead of giving wild coefficients.
 */
public final class LeastSquares {
  /** A feature whose centred, scaled column is within this of the others' span is collinear. */
  private static final double SINGULAR = 1e-9;

  private LeastSquares() {}

  /**
   * A fitted linear regression.
   *
   * @param intercept the intercept
   * @param coefficients one per feature
   * @param covariance the covariance of (intercept, coefficients…), {@code (k+1) × (k+1)}
   *     row-major
   * @param residuals {@code y - fitted}, one per row
   * @param residualVariance {@code RSS / (n - k - 1)}
   */
  public record Fit(double intercept, double[] coefficients, double[] covariance,
      double[] residuals, double residualVariance) {

    /** The standard error of coefficient {@code f} (0-based, intercept excluded). */
    public double standardError(int f) {
      int p = coefficients.length + 1;
      return Math.sqrt(covariance[(f + 1) * p + f + 1]);
    }

    /** The covariance of coefficients {@code f} and {@code g} (intercept excluded). */
    public double covariance(int f, int g) {
      int p = coefficients.length + 1;
      return covariance[(f + 1) * p + g + 1];
    }
  }

  /**
   * Fits {@code y ~ 1 + x}.
   *
   * @param x row-major features, {@code n × k} ({@code k} may be 0)
   * @param y the response
   * @param what names the regression in messages (e.g. "the mechanism of 'Y'")
   * @param featureNames names of the features, for messages
   * @throws InvalidInputException if there are too few rows, or a feature is constant or a linear
   *     combination of the others
   */
  public static Fit fit(double[][] x, double[] y, String what, List<String> featureNames) {
    int n = y.length;
    int k = featureNames.size();
    if (n < k + 2) {
      throw new InvalidInputException(what + " has " + (k + 1) + " coefficients to fit from "
          + n + " rows; it needs at least " + (k + 2) + " rows");
    }
    double yMean = 0;
    for (double v : y) {
      yMean += v;
    }
    yMean /= n;
    double[] mean = new double[k];
    double[] scale = new double[k];
    for (int f = 0; f < k; f++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += x[i][f];
      }
      m /= n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double d = x[i][f] - m;
        ss += d * d;
      }
      mean[f] = m;
      scale[f] = Math.sqrt(ss / n);
      if (!(scale[f] > 1e-12 * Math.max(1, Math.abs(m)))) {
        throw new InvalidInputException(what + ": '" + featureNames.get(f) + "' is constant in the"
            + " data, so its effect cannot be estimated; drop the edge or use data where it"
            + " varies");
      }
    }
    DMatrixRMaj z = new DMatrixRMaj(n, k);
    DMatrixRMaj yc = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < k; f++) {
        z.unsafe_set(i, f, (x[i][f] - mean[f]) / scale[f]);
      }
      yc.unsafe_set(i, 0, y[i] - yMean);
    }
    double[] beta = new double[k];
    DMatrixRMaj zzInv = new DMatrixRMaj(k, k);
    if (k > 0) {
      QRColPivDecompositionHouseholderColumn_DDRM qrp =
          new QRColPivDecompositionHouseholderColumn_DDRM(SINGULAR);
      qrp.decompose(z.copy());
      if (qrp.getRank() < k) {
        int[] piv = qrp.getColPivots();
        List<String> dependent = new ArrayList<>();
        for (int r = qrp.getRank(); r < k; r++) {
          dependent.add("'" + featureNames.get(piv[r]) + "'");
        }
        throw new InvalidInputException(what + ": " + String.join(", ", dependent)
            + (dependent.size() == 1 ? " is" : " are") + " a linear combination of the other"
            + " parents in the data (collinear), so the coefficients are not determined; drop"
            + " one of the edges or merge the variables");
      }
      LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, k);
      if (!solver.setA(z.copy())) {
        throw new IllegalStateException("least squares failed after the rank check");
      }
      DMatrixRMaj b = new DMatrixRMaj(k, 1);
      solver.solve(yc, b);
      for (int f = 0; f < k; f++) {
        beta[f] = b.get(f, 0);
      }
      DMatrixRMaj zz = new DMatrixRMaj(k, k);
      CommonOps_DDRM.multTransA(z, z, zz);
      LinearSolverDense<DMatrixRMaj> inv = LinearSolverFactory_DDRM.symmPosDef(k);
      if (!inv.setA(zz)) {
        throw new IllegalStateException("XᵀX is not positive definite after the rank check");
      }
      inv.invert(zzInv);
    }
    double[] residuals = new double[n];
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double fitted = 0;
      for (int f = 0; f < k; f++) {
        fitted += z.unsafe_get(i, f) * beta[f];
      }
      residuals[i] = yc.unsafe_get(i, 0) - fitted;
      rss += residuals[i] * residuals[i];
    }
    double sigma2 = rss / (n - k - 1);
    double[] coef = new double[k];
    double intercept = yMean;
    for (int f = 0; f < k; f++) {
      coef[f] = beta[f] / scale[f];
      intercept -= coef[f] * mean[f];
    }
    // Covariance of the original-scale (intercept, β): with a = ȳ - Σ mean_f β_f and the centred
    // fit, Var(β) = σ² D⁻¹ (ZᵀZ)⁻¹ D⁻¹, Cov(ȳ, β) = 0, Var(ȳ) = σ²/n.
    int p = k + 1;
    double[] cov = new double[p * p];
    for (int f = 0; f < k; f++) {
      for (int g = 0; g < k; g++) {
        cov[(f + 1) * p + g + 1] = sigma2 * zzInv.get(f, g) / (scale[f] * scale[g]);
      }
    }
    double varA = sigma2 / n;
    for (int f = 0; f < k; f++) {
      double covAf = 0;
      for (int g = 0; g < k; g++) {
        varA += mean[f] * mean[g] * cov[(f + 1) * p + g + 1];
        covAf -= mean[g] * cov[(g + 1) * p + f + 1];
      }
      cov[f + 1] = covAf;
      cov[(f + 1) * p] = covAf;
    }
    cov[0] = varA;
    return new Fit(intercept, coef, cov, residuals, sigma2);
  }
}
