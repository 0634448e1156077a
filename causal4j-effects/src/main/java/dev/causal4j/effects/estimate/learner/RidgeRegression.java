package dev.causal4j.effects.estimate.learner;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Linear regression with a ridge penalty (Hoerl &amp; Kennard 1970), in closed form:
 * minimises {@code Σ w_i (y_i − b0 − x_iᵀβ)² / Σ w_i + λ ‖β‖²} on standardized features, with an
 * unpenalised intercept. {@code λ = 0} is ordinary least squares; with collinear features it
 * returns the minimum-norm solution (pseudo-inverse) instead of failing, so predictions stay
 * defined.
 *
 * @param lambda the penalty on standardized coefficients, {@code ≥ 0}
 */
public record RidgeRegression(double lambda) implements Regressor {

  public RidgeRegression {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("the ridge penalty must be finite and ≥ 0, not "
          + lambda);
    }
  }

  /** Ordinary least squares. */
  public static RidgeRegression ols() {
    return new RidgeRegression(0);
  }

  @Override
  public Fitted fit(FeatureMatrix x, double[] y) {
    return fit(x, y, null);
  }

  @Override
  public Fitted fit(FeatureMatrix x, double[] y, double[] weights) {
    int n = x.rows();
    if (y.length != n) {
      throw new IllegalArgumentException(y.length + " targets for " + n + " rows");
    }
    Standardization.checkWeights(weights, n);
    Standardization s = Standardization.of(x, weights);
    int k = s.kept.length;
    double sw = 0;
    double ybar = 0;
    for (int i = 0; i < n; i++) {
      double wi = weights == null ? 1 : weights[i];
      sw += wi;
      ybar += wi * y[i];
    }
    ybar /= sw;
    DMatrixRMaj a = new DMatrixRMaj(k, k);
    DMatrixRMaj b = new DMatrixRMaj(k, 1);
    double[] row = new double[k];
    double[] ad = a.data;
    for (int i = 0; i < n; i++) {
      double wi = weights == null ? 1 : weights[i];
      if (wi == 0) {
        continue;
      }
      s.row(x, i, row);
      double r = wi * (y[i] - ybar);
      for (int p = 0; p < k; p++) {
        double wp = wi * row[p];
        b.data[p] += row[p] * r;
        for (int q = p; q < k; q++) {
          ad[p * k + q] += wp * row[q];
        }
      }
    }
    for (int p = 0; p < k; p++) {
      for (int q = p; q < k; q++) {
        ad[p * k + q] /= sw;
        ad[q * k + p] = ad[p * k + q];
      }
      ad[p * k + p] += lambda;
      b.data[p] /= sw;
    }
    double[] beta = solve(a, b);
    double[] coef = new double[x.cols()];
    double intercept = ybar;
    for (int m = 0; m < k; m++) {
      int j = s.kept[m];
      coef[j] = beta[m] / s.scale[j];
      intercept -= coef[j] * s.mean[j];
    }
    return new Fitted(intercept, coef);
  }

  /** Solves the symmetric system by Cholesky, or by the pseudo-inverse when it is singular. */
  static double[] solve(DMatrixRMaj a, DMatrixRMaj b) {
    int k = a.numRows;
    if (k == 0) {
      return new double[0];
    }
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
    DMatrixRMaj x = new DMatrixRMaj(k, 1);
    DMatrixRMaj copy = a.copy();
    if (chol.setA(copy) && chol.quality() > 1e-12) {
      chol.solve(b, x);
      return x.data;
    }
    DMatrixRMaj pinv = new DMatrixRMaj(k, k);
    CommonOps_DDRM.pinv(a, pinv);
    CommonOps_DDRM.mult(pinv, b, x);
    return x.data;
  }

  @Override
  public String describe() {
    return lambda == 0 ? "linear regression (least squares)"
        : "ridge regression (λ=" + Learner.plain(lambda) + ")";
  }

  /**
   * A fitted linear model {@code b0 + xᵀβ}.
   *
   * @param intercept {@code b0}
   * @param coefficients {@code β} on the original feature scale (0 for constant features)
   */
  public record Fitted(double intercept, double[] coefficients) implements FittedRegressor {
    public Fitted {
      coefficients = coefficients.clone();
    }

    @Override
    public double[] predict(FeatureMatrix x) {
      int p = coefficients.length;
      if (x.cols() != p) {
        throw new IllegalArgumentException(x.cols() + " features for a model of " + p);
      }
      double[] v = x.values();
      double[] out = new double[x.rows()];
      for (int i = 0; i < out.length; i++) {
        double s = intercept;
        for (int j = 0; j < p; j++) {
          s += coefficients[j] * v[i * p + j];
        }
        out[i] = s;
      }
      return out;
    }

    @Override
    public double[] coefficients() {
      return coefficients.clone();
    }
  }
}
