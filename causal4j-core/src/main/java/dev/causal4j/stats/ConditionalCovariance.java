package dev.causal4j.stats;

/**
 * The covariance of target variables given the others (the Schur complement {@code S_tt −
 * S_tz S_zz⁻¹ S_zt}), by a Cholesky factorisation of the small conditioning block, in
 * caller-supplied arrays: the inner step of Fisher Z, linear BIC and the conditional-Gaussian
 * likelihood, run millions of times in a search.
 *
 * <p>A hand-written kernel rather than EJML because the matrices are tiny (k ≤ ~10) and the call
 * count huge: the {@code FisherZBenchmark} in causal4j-bench measures both on the same
 * submatrices, and EJML's Cholesky solver on reused matrices took about 1.8× as long per partial
 * correlation at |z| = 2–4 (11.1 vs 6.0 million per second at |z| = 2 on one core), mostly in
 * its matrix bookkeeping. EJML remains the library for anything larger.
 *
 * <p>Singularity: a pivot whose residual variance is at most {@link #RELATIVE_TOLERANCE} times the
 * variable's own variance marks that variable as (numerically) a linear combination of the ones
 * before it; the methods then report its position instead of dividing by a tiny number.
 */
public final class ConditionalCovariance {
  /** Residual variance below this fraction of the variance counts as collinear (R² > 1 − 1e-10). */
  public static final double RELATIVE_TOLERANCE = 1e-10;

  private ConditionalCovariance() {}

  /**
   * Computes the covariance of the first {@code t} variables given the remaining {@code k − t}.
   *
   * @param s the {@code k × k} covariance, row-major, targets first; not modified
   * @param out receives the {@code t × t} conditional covariance, row-major
   * @param work scratch of at least {@code k·k} values
   * @return −1 on success; otherwise the index in {@code 0..k-1} of the first variable (in the
   *     order conditioning block, then targets) that is a linear combination of the conditioning
   *     variables before it — i.e. of variables {@code t..index-1} when {@code index ≥ t}, of all
   *     conditioning variables when {@code index < t}
   */
  public static int compute(double[] s, int k, int t, double[] out, double[] work) {
    int m = k - t;
    // work[0..m*m): lower Cholesky factor L of S_zz; work[m*m + a*m + j]: u_a = L⁻¹ S_z,a.
    for (int i = 0; i < m; i++) {
      int ri = (t + i) * k + t;
      for (int j = 0; j <= i; j++) {
        double sum = s[ri + j];
        for (int q = 0; q < j; q++) {
          sum -= work[i * m + q] * work[j * m + q];
        }
        if (i == j) {
          if (!(sum > RELATIVE_TOLERANCE * s[ri + i])) {
            return t + i;
          }
          work[i * m + i] = Math.sqrt(sum);
        } else {
          work[i * m + j] = sum / work[j * m + j];
        }
      }
    }
    int u = m * m;
    for (int a = 0; a < t; a++) {
      int ua = u + a * m;
      for (int i = 0; i < m; i++) {
        double sum = s[(t + i) * k + a];
        for (int q = 0; q < i; q++) {
          sum -= work[i * m + q] * work[ua + q];
        }
        work[ua + i] = sum / work[i * m + i];
      }
    }
    for (int a = 0; a < t; a++) {
      int ua = u + a * m;
      for (int b = a; b < t; b++) {
        int ub = u + b * m;
        double dot = 0;
        for (int q = 0; q < m; q++) {
          dot += work[ua + q] * work[ub + q];
        }
        double v = s[a * k + b] - dot;
        out[a * t + b] = v;
        out[b * t + a] = v;
      }
      if (!(out[a * t + a] > RELATIVE_TOLERANCE * s[a * k + a])) {
        return a;
      }
    }
    return -1;
  }

  /**
   * The natural logarithm of the determinant of a {@code k × k} covariance (row-major), or NaN if
   * it is not numerically positive definite. {@code work} holds at least {@code k·k} values.
   */
  public static double logDeterminant(double[] s, int k, double[] work) {
    double logDet = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = s[i * k + j];
        for (int q = 0; q < j; q++) {
          sum -= work[i * k + q] * work[j * k + q];
        }
        if (i == j) {
          if (!(sum > RELATIVE_TOLERANCE * s[i * k + i])) {
            return Double.NaN;
          }
          work[i * k + i] = Math.sqrt(sum);
          logDet += Math.log(sum);
        } else {
          work[i * k + j] = sum / work[j * k + j];
        }
      }
    }
    return logDet;
  }
}
