package dev.causal4j.discovery.timeseries;

import dev.causal4j.stats.CovarianceMatrix;

/**
 * The lasso (Tibshirani 1996) for one target on standardised regressors, by cyclic coordinate
 * descent with covariance updates along a decreasing path of penalties with warm starts (Friedman,
 * Hastie &amp; Tibshirani 2010, J. Stat. Softw. 33(1)), everything read from one covariance
 * matrix, and the penalty chosen by BIC with the number of non-zero coefficients as degrees of
 * freedom (Zou, Hastie &amp; Tibshirani 2007). Deterministic: a fixed sweep order.
 */
final class Lasso {
  private static final int PATH = 100;
  private static final int MAX_SWEEPS = 2000;
  private static final double TOLERANCE = 1e-8;

  private Lasso() {}

  /** Coefficients in the data's units (zero where the lasso dropped a regressor), and the BIC. */
  record Path(double[] coefficients, double bic, double lambda) {}

  static Path fit(CovarianceMatrix cov, int target, int[] regressors) {
    int k = regressors.length;
    int n = cov.sampleSize();
    double sy = Math.sqrt(cov.variance(target));
    double[] sx = new double[k];
    double[] r = new double[k];
    double[][] gram = new double[k][k];
    for (int a = 0; a < k; a++) {
      sx[a] = Math.sqrt(cov.variance(regressors[a]));
    }
    for (int a = 0; a < k; a++) {
      r[a] = cov.covariance(regressors[a], target) / (sx[a] * sy);
      for (int c = 0; c < k; c++) {
        gram[a][c] = cov.covariance(regressors[a], regressors[c]) / (sx[a] * sx[c]);
      }
    }
    double lambdaMax = 0;
    for (double v : r) {
      lambdaMax = Math.max(lambdaMax, Math.abs(v));
    }
    double ratio = n > k ? 1e-3 : 1e-2;
    double[] beta = new double[k];
    double[] grad = r.clone(); // r − Gβ
    double[] best = new double[k];
    double bestBic = bic(n, 0, 1);
    double bestLambda = lambdaMax;
    for (int step = 1; step < PATH; step++) {
      double lambda = lambdaMax * Math.pow(ratio, step / (PATH - 1.0));
      for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
        double change = 0;
        for (int a = 0; a < k; a++) {
          double z = grad[a] + beta[a]; // G_aa = 1
          double nb = Math.signum(z) * Math.max(0, Math.abs(z) - lambda);
          double d = nb - beta[a];
          if (d != 0) {
            double[] col = gram[a];
            for (int c = 0; c < k; c++) {
              grad[c] -= col[c] * d;
            }
            beta[a] = nb;
            change = Math.max(change, Math.abs(d));
          }
        }
        if (change < TOLERANCE) {
          break;
        }
      }
      // The residual share 1 − 2βᵀr + βᵀGβ equals 1 − βᵀ(r + grad), since grad = r − Gβ.
      double fitTerm = 1;
      int df = 0;
      for (int a = 0; a < k; a++) {
        fitTerm -= beta[a] * (r[a] + grad[a]);
        if (beta[a] != 0) {
          df++;
        }
      }
      if (df >= n - 1) {
        break;
      }
      double b = bic(n, df, Math.max(fitTerm, 1e-300));
      if (b < bestBic) {
        bestBic = b;
        bestLambda = lambda;
        System.arraycopy(beta, 0, best, 0, k);
      }
    }
    double[] out = new double[k];
    for (int a = 0; a < k; a++) {
      out[a] = best[a] * sy / sx[a];
    }
    return new Path(out, bestBic, bestLambda);
  }

  /** BIC up to a constant: {@code n·log(RSS/n) + df·log(n)}, RSS as a share of the total. */
  private static double bic(int n, int df, double residualShare) {
    return n * Math.log(residualShare) + df * Math.log(n);
  }
}
