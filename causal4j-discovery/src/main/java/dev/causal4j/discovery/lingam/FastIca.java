package dev.causal4j.discovery.lingam;

import dev.causal4j.discovery.Parallel;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * FastICA (Hyvärinen 1999, "Fast and robust fixed-point algorithms for independent component
 * analysis", IEEE Trans. Neural Networks 10(3):626–634) with the {@code log cosh} contrast
 * ({@code g = tanh}), on standardised data whitened by the eigendecomposition of its correlation
 * matrix. It estimates all {@code p} components (no dimension reduction), as LiNGAM needs.
 *
 * <ul>
 *   <li>{@link IcaLingam.Approach#SYMMETRIC}: all rows of {@code W} updated at once, {@code W ←
 *       E[g(Wx)x'] − diag(E[g'(Wx)]) W}, then symmetric decorrelation {@code W ← (WW')^{-1/2}W}
 *       (Hyvärinen 1999, eq. 24): no component is favoured and errors do not accumulate from one
 *       component to the next. The default, as in scikit-learn ({@code algorithm='parallel'}).
 *   <li>{@link IcaLingam.Approach#DEFLATION}: one row at a time, each kept orthogonal to the rows
 *       found before it by Gram–Schmidt (eq. 22). It runs on one thread: each step is a
 *       single row's work.
 * </ul>
 *
 * <p>Convergence, as scikit-learn: a row has converged when {@code ||w_new·w_old| − 1| < tol};
 * the symmetric approach stops when every row has. The start is a matrix of standard normal
 * draws from the given seed. The hot loops run on primitive arrays, one row of {@code W} per
 * task, so the result is the same on any number of threads.
 */
final class FastIca {
  /** The unmixing matrix for the standardised data ({@code s = W z}) and how the run went. */
  record Result(double[][] unmixing, int iterations, boolean converged, double lastChange) {}

  private FastIca() {}

  static Result run(double[][] z, double[][] corr, IcaLingam.Approach approach, long seed,
      int maxIterations, double tolerance, int threads) {
    int p = z.length;
    int n = z[0].length;
    double[][] whitening = whitening(corr);
    double[][] x = new double[p][n];
    Parallel.forEach(threads, p, i -> {
      double[] xi = x[i];
      for (int j = 0; j < p; j++) {
        double w = whitening[i][j];
        double[] zj = z[j];
        for (int k = 0; k < n; k++) {
          xi[k] += w * zj[k];
        }
      }
    });
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] w = new double[p][p];
    for (double[] row : w) {
      for (int j = 0; j < p; j++) {
        row[j] = gauss.sample();
      }
    }
    Result onWhite = approach == IcaLingam.Approach.SYMMETRIC
        ? symmetric(x, w, maxIterations, tolerance, threads)
        : deflation(x, w, maxIterations, tolerance);
    double[][] unmixing = multiply(onWhite.unmixing(), whitening);
    return new Result(unmixing, onWhite.iterations(), onWhite.converged(),
        onWhite.lastChange());
  }

  private static Result symmetric(double[][] x, double[][] w0, int maxIterations,
      double tolerance, int threads) {
    int p = x.length;
    int n = x[0].length;
    double[][] w = decorrelate(w0);
    double[][] next = new double[p][p];
    double[][] y = new double[p][n];
    double change = Double.POSITIVE_INFINITY;
    for (int iter = 1; iter <= maxIterations; iter++) {
      double[][] cur = w;
      Parallel.forEach(threads, p, i -> update(x, cur[i], y[i], next[i]));
      double[][] updated = decorrelate(next);
      change = 0;
      for (int i = 0; i < p; i++) {
        change = Math.max(change, Math.abs(Math.abs(dot(updated[i], w[i])) - 1));
      }
      w = updated;
      if (change < tolerance) {
        return new Result(w, iter, true, change);
      }
    }
    return new Result(w, maxIterations, false, change);
  }

  private static Result deflation(double[][] x, double[][] w0, int maxIterations,
      double tolerance) {
    int p = x.length;
    int n = x[0].length;
    double[][] w = new double[p][];
    double[] y = new double[n];
    int total = 0;
    boolean converged = true;
    double worst = 0;
    for (int c = 0; c < p; c++) {
      double[] v = w0[c].clone();
      orthonormalise(v, w, c);
      double change = Double.POSITIVE_INFINITY;
      int iter = 0;
      while (iter < maxIterations) {
        iter++;
        double[] next = new double[p];
        update(x, v, y, next);
        orthonormalise(next, w, c);
        change = Math.abs(Math.abs(dot(next, v)) - 1);
        v = next;
        if (change < tolerance) {
          break;
        }
      }
      if (!(change < tolerance)) {
        converged = false;
      }
      worst = Math.max(worst, change);
      total = Math.max(total, iter);
      w[c] = v;
    }
    return new Result(w, total, converged, worst);
  }

  /**
   * One fixed-point step for one row: {@code out = E[x g(w'x)] − E[g'(w'x)] w}, with {@code g =
   * tanh}; {@code y} is scratch space of length n.
   */
  private static void update(double[][] x, double[] w, double[] y, double[] out) {
    int p = x.length;
    int n = y.length;
    Arrays.fill(y, 0);
    for (int j = 0; j < p; j++) {
      double wj = w[j];
      double[] xj = x[j];
      for (int k = 0; k < n; k++) {
        y[k] += wj * xj[k];
      }
    }
    double derivative = 0;
    for (int k = 0; k < n; k++) {
      double t = tanh(y[k]);
      y[k] = t;
      derivative += 1 - t * t;
    }
    derivative /= n;
    for (int j = 0; j < p; j++) {
      out[j] = dot(x[j], y) / n - derivative * w[j];
    }
  }

  /** tanh through one exponential, exact to a few ulps and faster than {@link Math#tanh}. */
  static double tanh(double y) {
    double e = Math.exp(-2 * Math.abs(y));
    return Math.copySign((1 - e) / (1 + e), y);
  }

  /** Gram–Schmidt against the first {@code c} rows of {@code w}, then unit length. */
  private static void orthonormalise(double[] v, double[][] w, int c) {
    for (int r = 0; r < c; r++) {
      double d = dot(v, w[r]);
      for (int j = 0; j < v.length; j++) {
        v[j] -= d * w[r][j];
      }
    }
    double norm = Math.sqrt(dot(v, v));
    for (int j = 0; j < v.length; j++) {
      v[j] /= norm;
    }
  }

  /** {@code (WW')^{-1/2} W}, through the eigendecomposition of {@code WW'}. */
  static double[][] decorrelate(double[][] w) {
    int p = w.length;
    DMatrixRMaj m = new DMatrixRMaj(w);
    DMatrixRMaj wwt = new DMatrixRMaj(p, p);
    CommonOps_DDRM.multTransB(m, m, wwt);
    DMatrixRMaj root = inverseSquareRoot(wwt);
    DMatrixRMaj out = new DMatrixRMaj(p, p);
    CommonOps_DDRM.mult(root, m, out);
    return toArray(out);
  }

  /** {@code Λ^{-1/2} E'} for the correlation matrix {@code E Λ E'}: rows are whitened axes. */
  static double[][] whitening(double[][] corr) {
    int p = corr.length;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
    if (!eig.decompose(new DMatrixRMaj(corr))) {
      throw new IllegalStateException("eigendecomposition of the correlation matrix failed");
    }
    double[][] k = new double[p][p];
    for (int i = 0; i < p; i++) {
      double lambda = eig.getEigenvalue(i).getReal();
      DMatrixRMaj v = eig.getEigenVector(i);
      double s = 1 / Math.sqrt(lambda);
      for (int j = 0; j < p; j++) {
        k[i][j] = s * v.get(j, 0);
      }
    }
    return k;
  }

  private static DMatrixRMaj inverseSquareRoot(DMatrixRMaj symmetric) {
    int p = symmetric.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
    if (!eig.decompose(symmetric.copy())) {
      throw new IllegalStateException("eigendecomposition in FastICA's decorrelation failed");
    }
    DMatrixRMaj out = new DMatrixRMaj(p, p);
    for (int i = 0; i < p; i++) {
      double s = 1 / Math.sqrt(eig.getEigenvalue(i).getReal());
      DMatrixRMaj v = eig.getEigenVector(i);
      for (int a = 0; a < p; a++) {
        double va = s * v.get(a, 0);
        for (int b = 0; b < p; b++) {
          out.add(a, b, va * v.get(b, 0));
        }
      }
    }
    return out;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    DMatrixRMaj out = new DMatrixRMaj(a.length, b[0].length);
    CommonOps_DDRM.mult(new DMatrixRMaj(a), new DMatrixRMaj(b), out);
    return toArray(out);
  }

  private static double[][] toArray(DMatrixRMaj m) {
    double[][] out = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < m.numCols; j++) {
        out[i][j] = m.get(i, j);
      }
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
