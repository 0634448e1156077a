package dev.causal4j.stats;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The sample covariance matrix of continuous variables with its sample size and means: the
 * sufficient statistics of every linear-Gaussian test and score. Immutable and thread-safe.
 *
 * <p><b>From data</b> ({@link #of(Dataset)}): two-pass and blocked, on as many threads as asked
 * (see {@code CoMomentKernel}); the result does not depend on the thread count.
 *
 * <p><b>From partial summaries</b> ({@link #fromMoments}, {@link #merge}): the summary of a
 * partition is {@code (n, means, co-moments)}; two summaries combine exactly with Chan, Golub
 * &amp; LeVeque's (1979) pairwise update {@code M = M_a + M_b + (n_a n_b / n) δ δᵀ}, {@code δ =
 * x̄_b − x̄_a}. This is how Spark partitions and federated sites contribute without sharing rows.
 *
 * <p>The covariance divides by {@code n − 1}. Entries are stored as a full {@code p × p} array of
 * rows (about {@code 8p²} bytes: 800 MB at p = 10,000).
 */
public final class CovarianceMatrix implements CovarianceStatistics {
  private final List<String> variables;
  private final int n;
  private final double[] means;
  private final double[][] cov;
  private final String source;

  private CovarianceMatrix(
      List<String> variables, int n, double[] means, double[][] cov, String source) {
    this.variables = List.copyOf(variables);
    this.n = n;
    this.means = means;
    this.cov = cov;
    this.source = source == null ? "" : source;
  }

  /** The covariance of every column of {@code data}, on all available processors. */
  public static CovarianceMatrix of(Dataset data) {
    return of(data, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The covariance of every column of {@code data} on {@code threads} threads.
   *
   * @throws InvalidInputException if a column is categorical or has missing values, or there are
   *     fewer than two rows
   */
  public static CovarianceMatrix of(Dataset data, int threads) {
    String src = data.source().orElse("");
    double[][] cols = new double[data.columns()][];
    for (int j = 0; j < cols.length; j++) {
      Variable v = data.variable(j);
      if (!v.isContinuous()) {
        throw new InvalidInputException(
            "column '" + v.name() + "'" + in(src) + " is " + v.type().toString().toLowerCase()
                + "; a covariance needs continuous columns (use g-square or chi-square for"
                + " categorical data, cg for mixed data)");
      }
      if (data.missingCount(j) > 0) {
        throw new InvalidInputException(
            "column '" + v.name() + "'" + in(src) + " has " + data.missingCount(j)
                + " missing value(s) (first at data row "
                + (data.missingMask(j).nextSetBit(0) + 1) + "); use --missing listwise, or"
                + " --missing testwise for a per-test covariance");
      }
      cols[j] = data.doubles(j);
    }
    return of(data.names(), cols, data.rows(), threads, src);
  }

  /**
   * The covariance of raw columns ({@code columns[j]} holds variable {@code j}'s first {@code n}
   * values, all finite).
   */
  public static CovarianceMatrix of(
      List<String> names, double[][] columns, int n, int threads, String source) {
    if (names.size() != columns.length) {
      throw new IllegalArgumentException(names.size() + " names for " + columns.length + " columns");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (n < 2) {
      throw new InvalidInputException(
          "a covariance needs at least 2 rows" + in(source) + "; the data have " + n);
    }
    double[] means = CoMomentKernel.means(columns, n);
    double[][] c = CoMomentKernel.coMoments(columns, n, means, threads);
    scale(c, 1.0 / (n - 1));
    return new CovarianceMatrix(names, n, means, c, source);
  }

  /**
   * A summary from its moments: {@code n} rows with column {@code means} and co-moments {@code
   * Σ (x − x̄)(x − x̄)ᵀ} (the matrix is copied). This is the form partial summaries are shipped
   * in; combine them with {@link #merge}.
   */
  public static CovarianceMatrix fromMoments(
      List<String> names, int n, double[] means, double[][] coMoments) {
    int p = names.size();
    checkSquare(coMoments, p);
    if (means.length != p) {
      throw new IllegalArgumentException(means.length + " means for " + p + " variables");
    }
    if (n < 2) {
      throw new IllegalArgumentException("a covariance needs at least 2 rows, not " + n);
    }
    double[][] c = copy(coMoments);
    scale(c, 1.0 / (n - 1));
    return new CovarianceMatrix(names, n, means.clone(), c, "");
  }

  /**
   * A given covariance matrix (divisor {@code n − 1}) of {@code n} rows, e.g. one published in a
   * paper. Its means are unknown, so it cannot be {@linkplain #merge merged}.
   */
  public static CovarianceMatrix fromCovariance(List<String> names, int n, double[][] covariance) {
    int p = names.size();
    checkSquare(covariance, p);
    if (n < 2) {
      throw new IllegalArgumentException("a covariance needs at least 2 rows, not " + n);
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        if (covariance[i][j] != covariance[j][i]) {
          throw new InvalidInputException(
              "the covariance matrix is not symmetric at ('" + names.get(i) + "', '"
                  + names.get(j) + "'): " + covariance[i][j] + " vs " + covariance[j][i]);
        }
      }
    }
    double[] means = new double[p];
    Arrays.fill(means, Double.NaN);
    return new CovarianceMatrix(names, n, means, copy(covariance), "");
  }

  /**
   * The summary of the union of the rows of this summary and {@code other} (same variables, in the
   * same order), exactly as if computed from all rows at once up to rounding.
   */
  public CovarianceMatrix merge(CovarianceMatrix other) {
    Objects.requireNonNull(other, "other");
    if (!variables.equals(other.variables)) {
      throw new IllegalArgumentException("cannot merge covariances of different variables");
    }
    if (!hasMeans() || !other.hasMeans()) {
      throw new IllegalStateException("a covariance without means cannot be merged");
    }
    int p = variables.size();
    long total = (long) n + other.n;
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("merged sample size exceeds " + Integer.MAX_VALUE);
    }
    double na = n;
    double nb = other.n;
    double nt = total;
    double[] delta = new double[p];
    double[] m = new double[p];
    for (int i = 0; i < p; i++) {
      delta[i] = other.means[i] - means[i];
      m[i] = means[i] + delta[i] * nb / nt;
    }
    double w = na * nb / nt;
    double[][] c = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double ma = cov[i][j] * (na - 1);
        double mb = other.cov[i][j] * (nb - 1);
        c[i][j] = (ma + mb + w * delta[i] * delta[j]) / (nt - 1);
      }
    }
    String src = source.equals(other.source) ? source : "";
    return new CovarianceMatrix(variables, (int) total, m, c, src);
  }

  @Override
  public List<String> variables() {
    return variables;
  }

  /** The number of variables. */
  public int dimension() {
    return variables.size();
  }

  @Override
  public int sampleSize() {
    return n;
  }

  @Override
  public String source() {
    return source;
  }

  /** The covariance of variables {@code i} and {@code j}. */
  public double covariance(int i, int j) {
    return cov[i][j];
  }

  @Override
  public double variance(int var) {
    return cov[var][var];
  }

  /** The correlation of variables {@code i} and {@code j} (NaN if either is constant). */
  public double correlation(int i, int j) {
    double d = Math.sqrt(cov[i][i] * cov[j][j]);
    return d > 0 ? cov[i][j] / d : Double.NaN;
  }

  /** The mean of variable {@code i}; NaN when built {@link #fromCovariance}. */
  public double mean(int i) {
    return means[i];
  }

  /** True unless built {@link #fromCovariance} (then the means are unknown). */
  public boolean hasMeans() {
    return means.length == 0 || !Double.isNaN(means[0]);
  }

  /** A copy of the whole matrix. */
  public double[][] toArray() {
    return copy(cov);
  }

  /** A copy of the correlation matrix (rows and columns of constant variables are NaN). */
  public double[][] correlationMatrix() {
    int p = cov.length;
    double[][] r = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        r[i][j] = correlation(i, j);
      }
    }
    return r;
  }

  @Override
  public int covariance(int[] vars, int k, double[] out) {
    // Half the reads: at large p each one is likely a cache miss.
    for (int a = 0; a < k; a++) {
      double[] row = cov[vars[a]];
      for (int b = a; b < k; b++) {
        double v = row[vars[b]];
        out[a * k + b] = v;
        out[b * k + a] = v;
      }
    }
    return n;
  }

  private static void checkSquare(double[][] m, int p) {
    if (m.length != p) {
      throw new IllegalArgumentException(m.length + " rows for " + p + " variables");
    }
    for (double[] row : m) {
      if (row.length != p) {
        throw new IllegalArgumentException("the matrix is not " + p + " × " + p);
      }
    }
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  private static void scale(double[][] m, double f) {
    for (double[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= f;
      }
    }
  }

  static String in(String source) {
    return source == null || source.isEmpty() ? "" : " in " + source;
  }

  @Override
  public String toString() {
    return "CovarianceMatrix[" + variables.size() + " variables, n = " + n + in(source) + "]";
  }
}
