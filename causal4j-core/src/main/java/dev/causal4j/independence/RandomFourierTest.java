package dev.causal4j.independence;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The random-Fourier-feature approximations of KCI, RCIT and RCoT (Strobl, Zhang &amp; Visweswaran
 * 2019, "Approximate kernel-based conditional independence tests for fast non-parametric causal
 * discovery", J. Causal Inference), which differ only in whether y's features also see z.
 *
 * <p>Each variable set is standardised, mapped to {@code D} random Fourier features {@code
 * √2·cos(wᵀv + b)} with {@code w ~ N(0, I/σ²)}, {@code b ~ U(0, 2π)} and {@code σ} the median
 * pairwise distance over the first 500 rows (as in the authors' R package); features are
 * standardised. The x and y features are regressed on z's (pseudo-inverse of {@code C_zz +
 * 10⁻¹⁰I}), and the statistic is {@code n·‖C_xy·z‖²_F}, the squared Frobenius norm of the partial
 * cross-covariance. Under the null it is a weighted sum of χ²₁ variables whose weights are the
 * eigenvalues of the covariance of the residual products; the p-value uses the Hall–Buckley–Eagleson
 * three-moment approximation, one of the options of the authors' package, in place of the default
 * Lindsay–Pilla–Basak: Strobl et al. (§5) and Bodenham &amp; Adams (2016) found them about equally
 * accurate for this use, and HBE is closed-form.
 *
 * <p><b>Determinism.</b> The random features are drawn from a generator seeded by the test's seed
 * and the question ({x, y} and the set z, in any order), so an answer depends on neither the call
 * order nor the thread.
 *
 * <p><b>Assumptions.</b> i.i.d. rows; categorical columns enter as their codes; rows with a
 * missing value in x, y or z are left out. Cost {@code O(n·D²)} per test, linear in n.
 */
abstract class RandomFourierTest implements IndependenceTest {
  private static final int BANDWIDTH_ROWS = 500;

  private final List<String> names;
  private final double[][] columns;
  private final long seed;
  private final int featuresXy;
  private final int featuresZ;
  private final boolean augmentY;

  RandomFourierTest(
      Dataset data, long seed, int featuresXy, int featuresZ, boolean augmentY, String name) {
    if (featuresXy < 1 || featuresZ < 1) {
      throw new InvalidInputException(
          "the number of random features must be at least 1 (x, y: " + featuresXy + ", z: "
              + featuresZ + ")");
    }
    this.names = data.names();
    this.columns = KernelSupport.columns(data, name);
    this.seed = seed;
    this.featuresXy = featuresXy;
    this.featuresZ = featuresZ;
    this.augmentY = augmentY;
  }

  @Override
  public List<String> variables() {
    return names;
  }

  @Override
  public TestResult test(int x, int y, int[] given) {
    Questions.check(names, x, y, given);
    // The order of z must not change the answer: features are drawn for z's columns in order.
    int[] z = given.clone();
    java.util.Arrays.sort(z);
    int[] all = new int[z.length + 2];
    all[0] = x;
    all[1] = y;
    System.arraycopy(z, 0, all, 2, z.length);
    int[] rows = KernelSupport.completeRows(columns, all);
    int n = rows.length;
    if (n < 10) {
      throw new InvalidInputException(
          "a random-feature test needs at least 10 rows complete in the tested variables, but has "
              + n);
    }
    UniformRandomProvider rng =
        RandomSource.XO_RO_SHI_RO_128_PP.create(KernelSupport.questionSeed(seed, x, y, z));
    int[] yVars = new int[augmentY ? 1 + z.length : 1];
    yVars[0] = y;
    if (augmentY) {
      System.arraycopy(z, 0, yVars, 1, z.length);
    }
    double[][] fx = features(KernelSupport.standardized(columns, new int[] {x}, rows), featuresXy, rng);
    double[][] fy = features(KernelSupport.standardized(columns, yVars, rows), featuresXy, rng);
    double[][] resX = fx;
    double[][] resY = fy;
    if (z.length > 0) {
      double[][] fz = features(KernelSupport.standardized(columns, z, rows), featuresZ, rng);
      DMatrixRMaj czz = covariance(fz, fz);
      for (int i = 0; i < featuresZ; i++) {
        czz.add(i, i, 1e-10);
      }
      DMatrixRMaj iczz = new DMatrixRMaj(featuresZ, featuresZ);
      CommonOps_DDRM.pinv(czz, iczz);
      resX = residuals(fx, fz, iczz);
      resY = residuals(fy, fz, iczz);
    }
    // cov(res_x, res_y) = C_xy − C_xz C_zz⁻¹ C_zy up to the regulariser: the partial cross-covariance.
    DMatrixRMaj cxy = covariance(resX, resY);
    double sum = KciTest.elementProductSum(cxy, cxy);
    double statistic = n * sum;
    int dx = resX[0].length;
    int dy = resY[0].length;
    int d = dx * dy;
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    double[] prod = new double[d];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < dx; i++) {
        for (int j = 0; j < dy; j++) {
          prod[i * dy + j] = resX[r][i] * resY[r][j];
        }
      }
      for (int a = 0; a < d; a++) {
        double pa = prod[a];
        for (int b = a; b < d; b++) {
          cov.data[a * d + b] += pa * prod[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        double v = cov.data[a * d + b] / n;
        cov.data[a * d + b] = v;
        cov.data[b * d + a] = v;
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
    if (!eig.decompose(cov)) {
      throw new IllegalStateException("eigendecomposition failed in a random-feature test");
    }
    double[] weights = new double[d];
    int kept = 0;
    for (int i = 0; i < d; i++) {
      double lambda = eig.getEigenvalue(i).getReal();
      if (lambda > 0) {
        weights[kept++] = lambda;
      }
    }
    double p = hallBuckleyEagleson(weights, kept, statistic);
    return new TestResult(statistic, p, Double.NaN, n);
  }

  /**
   * {@code P(Σ λ_i χ²_1 > t)} by the Hall–Buckley–Eagleson approximation: a χ²_ν matched to the
   * first three cumulants, {@code ν = 8κ₂³/κ₃²}.
   */
  static double hallBuckleyEagleson(double[] lambda, int k, double t) {
    if (k == 0) {
      return 1;
    }
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int i = 0; i < k; i++) {
      double l = lambda[i];
      s1 += l;
      s2 += l * l;
      s3 += l * l * l;
    }
    double k1 = s1;
    double k2 = 2 * s2;
    double k3 = 8 * s3;
    double nu = 8 * k2 * k2 * k2 / (k3 * k3);
    double q = (t - k1) / Math.sqrt(k2) * Math.sqrt(2 * nu) + nu;
    if (q <= 0) {
      return 1;
    }
    return ChiSquaredDistribution.of(nu).survivalProbability(q);
  }

  /** Standardised random Fourier features of the rows of {@code v}. */
  private static double[][] features(double[][] v, int count, UniformRandomProvider rng) {
    int n = v.length;
    int c = v[0].length;
    double sigma = medianDistance(v);
    if (!(sigma > 0)) {
      sigma = 1;
    }
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] w = new double[count][c];
    double[] b = new double[count];
    for (int f = 0; f < count; f++) {
      for (int a = 0; a < c; a++) {
        w[f][a] = gauss.sample() / sigma;
      }
    }
    for (int f = 0; f < count; f++) {
      b[f] = 2 * Math.PI * rng.nextDouble();
    }
    double[][] feat = new double[n][count];
    double root2 = Math.sqrt(2);
    for (int r = 0; r < n; r++) {
      double[] row = v[r];
      for (int f = 0; f < count; f++) {
        double s = b[f];
        for (int a = 0; a < c; a++) {
          s += w[f][a] * row[a];
        }
        feat[r][f] = root2 * Math.cos(s);
      }
    }
    for (int f = 0; f < count; f++) {
      double mean = 0;
      for (int r = 0; r < n; r++) {
        mean += feat[r][f];
      }
      mean /= n;
      double ss = 0;
      for (int r = 0; r < n; r++) {
        double d = feat[r][f] - mean;
        ss += d * d;
      }
      double sd = Math.sqrt(ss / (n - 1));
      for (int r = 0; r < n; r++) {
        feat[r][f] = sd > 0 ? (feat[r][f] - mean) / sd : 0;
      }
    }
    return feat;
  }

  private static double medianDistance(double[][] v) {
    int m = Math.min(v.length, BANDWIDTH_ROWS);
    double[][] head = new double[m][];
    System.arraycopy(v, 0, head, 0, m);
    return KernelSupport.medianDistance(head);
  }

  /** Sample cross-covariance (divisor n − 1) of centred feature matrices. */
  private static DMatrixRMaj covariance(double[][] a, double[][] b) {
    int n = a.length;
    int da = a[0].length;
    int db = b[0].length;
    DMatrixRMaj c = new DMatrixRMaj(da, db);
    for (int r = 0; r < n; r++) {
      double[] ar = a[r];
      double[] br = b[r];
      for (int i = 0; i < da; i++) {
        double ai = ar[i];
        int o = i * db;
        for (int j = 0; j < db; j++) {
          c.data[o + j] += ai * br[j];
        }
      }
    }
    CommonOps_DDRM.scale(1.0 / (n - 1), c);
    return c;
  }

  /** {@code f − f_z C_zz⁻¹ C_zf}: the part of the features not linearly explained by z's. */
  private static double[][] residuals(double[][] f, double[][] fz, DMatrixRMaj iczz) {
    DMatrixRMaj czf = covariance(fz, f);
    DMatrixRMaj beta = new DMatrixRMaj(iczz.numRows, czf.numCols);
    CommonOps_DDRM.mult(iczz, czf, beta);
    int n = f.length;
    int d = f[0].length;
    int dz = fz[0].length;
    double[][] res = new double[n][d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        double s = f[r][j];
        for (int q = 0; q < dz; q++) {
          s -= fz[r][q] * beta.data[q * d + j];
        }
        res[r][j] = s;
      }
    }
    return res;
  }
}
