package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Least squares with a heteroskedasticity-robust covariance: the regression that {@link
 * RegressionAdjustment} and {@link TwoStageLeastSquares} run, public so that refuters can read
 * coefficients, standard errors and degrees of freedom (the Cinelli–Hazlett robustness value needs
 * the treatment's t statistic and the residual degrees of freedom).
 */
public final class OrdinaryLeastSquares {
  private OrdinaryLeastSquares() {}

  /**
   * A least-squares fit.
   *
   * @param names the regressors' names, in order
   * @param coefficients the estimates
   * @param covariance their robust covariance matrix, {@code k × k} row-major
   * @param type which robust covariance
   * @param n rows
   * @param residualDof {@code n − k}
   * @param residuals {@code y − Xβ}
   */
  public record Fit(List<String> names, double[] coefficients, double[] covariance,
      RobustCovariance type, int n, int residualDof, double[] residuals) {

    public Fit {
      names = List.copyOf(names);
      coefficients = coefficients.clone();
      covariance = covariance.clone();
      residuals = residuals.clone();
    }

    /** The number of regressors. */
    public int k() {
      return coefficients.length;
    }

    /** Coefficient {@code j}. */
    public double coefficient(int j) {
      return coefficients[j];
    }

    /** The robust standard error of coefficient {@code j}. */
    public double standardError(int j) {
      return Math.sqrt(covariance[j * coefficients.length + j]);
    }

    /** {@code coefficient / standard error}. */
    public double tStatistic(int j) {
      return coefficient(j) / standardError(j);
    }

    @Override
    public double[] coefficients() {
      return coefficients.clone();
    }

    @Override
    public double[] covariance() {
      return covariance.clone();
    }

    @Override
    public double[] residuals() {
      return residuals.clone();
    }
  }

  /**
   * Regresses {@code y} on the columns of {@code design} (include a column of ones for an
   * intercept).
   *
   * @throws InvalidInputException if the design is singular (collinear regressors), naming the
   *     regressors
   */
  public static Fit fit(FeatureMatrix design, List<String> names, double[] y,
      RobustCovariance type) {
    return fit(design, design, names, y, type);
  }

  /**
   * The second stage of two-stage least squares: coefficients from regressing {@code y} on
   * {@code fitted} (the first-stage fitted regressors), residuals from the actual regressors
   * {@code actual}, so the sandwich uses the structural errors.
   */
  static Fit fit(FeatureMatrix fitted, FeatureMatrix actual, List<String> names, double[] y,
      RobustCovariance type) {
    int n = fitted.rows();
    int k = fitted.cols();
    if (n <= k) {
      throw new InvalidInputException("least squares with " + k + " regressors needs more than "
          + k + " rows, not " + n);
    }
    double[] v = fitted.values();
    DMatrixRMaj xtx = new DMatrixRMaj(k, k);
    DMatrixRMaj xty = new DMatrixRMaj(k, 1);
    for (int i = 0; i < n; i++) {
      int o = i * k;
      for (int a = 0; a < k; a++) {
        double xa = v[o + a];
        xty.data[a] += xa * y[i];
        for (int b = a; b < k; b++) {
          xtx.data[a * k + b] += xa * v[o + b];
        }
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < a; b++) {
        xtx.data[a * k + b] = xtx.data[b * k + a];
      }
    }
    DMatrixRMaj inv = invert(xtx, names);
    DMatrixRMaj beta = new DMatrixRMaj(k, 1);
    CommonOps_DDRM.mult(inv, xty, beta);
    double[] av = actual.values();
    double[] resid = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int a = 0; a < k; a++) {
        s += av[i * k + a] * beta.data[a];
      }
      resid[i] = y[i] - s;
    }
    DMatrixRMaj meat = new DMatrixRMaj(k, k);
    double[] xi = new double[k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(v, i * k, xi, 0, k);
      double w = resid[i] * resid[i];
      if (type == RobustCovariance.HC2 || type == RobustCovariance.HC3) {
        double h = 0;
        for (int a = 0; a < k; a++) {
          double s = 0;
          for (int b = 0; b < k; b++) {
            s += inv.data[a * k + b] * xi[b];
          }
          h += xi[a] * s;
        }
        double d = Math.max(1 - h, 1e-12);
        w = type == RobustCovariance.HC2 ? w / d : w / (d * d);
      }
      for (int a = 0; a < k; a++) {
        double wa = w * xi[a];
        for (int b = a; b < k; b++) {
          meat.data[a * k + b] += wa * xi[b];
        }
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < a; b++) {
        meat.data[a * k + b] = meat.data[b * k + a];
      }
    }
    if (type == RobustCovariance.HC1) {
      CommonOps_DDRM.scale((double) n / (n - k), meat);
    }
    DMatrixRMaj tmp = new DMatrixRMaj(k, k);
    DMatrixRMaj cov = new DMatrixRMaj(k, k);
    CommonOps_DDRM.mult(inv, meat, tmp);
    CommonOps_DDRM.mult(tmp, inv, cov);
    return new Fit(names, beta.data, cov.data, type, n, n - k, resid);
  }

  /** {@code (XᵀX)⁻¹}, refusing a singular or nearly singular matrix. */
  static DMatrixRMaj invert(DMatrixRMaj xtx, List<String> names) {
    int k = xtx.numRows;
    // Scale to unit diagonal so the condition check does not depend on the regressors' units.
    double[] d = new double[k];
    DMatrixRMaj s = xtx.copy();
    for (int a = 0; a < k; a++) {
      d[a] = Math.sqrt(xtx.data[a * k + a]);
      if (d[a] == 0) {
        throw new InvalidInputException("the regressor '" + names.get(a) + "' is zero in every"
            + " row used; drop it");
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        s.data[a * k + b] /= d[a] * d[b];
      }
    }
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
    if (conditionReciprocal(s) < 1e-12 || !chol.setA(s.copy())) {
      throw new InvalidInputException("the regressors " + String.join(", ", names) + " are"
          + " collinear (one is a linear combination of others in the rows used, e.g. a"
          + " category with no units in one arm); drop the redundant covariate");
    }
    DMatrixRMaj inv = new DMatrixRMaj(k, k);
    chol.invert(inv);
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        inv.data[a * k + b] /= d[a] * d[b];
      }
    }
    return inv;
  }

  /** Smallest over largest eigenvalue of a symmetric positive semi-definite matrix. */
  static double conditionReciprocal(DMatrixRMaj symmetric) {
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows,
        false, true);
    if (!eig.decompose(symmetric.copy())) {
      return 0;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
      double e = eig.getEigenvalue(i).getReal();
      min = Math.min(min, e);
      max = Math.max(max, e);
    }
    return max <= 0 ? 0 : Math.max(min, 0) / max;
  }
}
