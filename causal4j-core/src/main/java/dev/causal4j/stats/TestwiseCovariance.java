package dev.causal4j.stats;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import java.util.List;

/**
 * Covariances under test-wise deletion: each request uses exactly the rows complete in the
 * variables it names (Strobl, Spirtes &amp; Visweswaran 2018), so a Fisher Z test or a BIC local
 * score on data with missing values sees a valid (positive semi-definite) covariance of those
 * rows and reports their number as its sample size.
 *
 * <p>This is the correct but slower path: each request scans the rows, {@code O(n·k²)} for
 * {@code k} variables, instead of reading a precomputed matrix. With no missing values it gives
 * the same numbers as {@link CovarianceMatrix} (up to rounding). Thread-safe: per-thread scratch
 * space only.
 */
public final class TestwiseCovariance implements CovarianceStatistics {
  private final List<String> variables;
  private final double[][] columns;
  private final double[] variances;
  private final int n;
  private final String source;
  private final ThreadLocal<int[]> rowScratch;

  private TestwiseCovariance(Dataset data) {
    this.variables = data.names();
    this.n = data.rows();
    this.source = data.source().orElse("");
    this.columns = new double[data.columns()][];
    this.variances = new double[data.columns()];
    for (int j = 0; j < columns.length; j++) {
      Variable v = data.variable(j);
      if (!v.isContinuous()) {
        throw new InvalidInputException(
            "column '" + v.name() + "'" + CovarianceMatrix.in(source) + " is "
                + v.type().toString().toLowerCase() + "; a covariance needs continuous columns"
                + " (use g-square or chi-square for categorical data, cg for mixed data)");
      }
      columns[j] = data.doubles(j);
    }
    this.rowScratch = ThreadLocal.withInitial(() -> new int[n]);
    double[] one = new double[1];
    for (int j = 0; j < columns.length; j++) {
      covariance(new int[] {j}, 1, one);
      variances[j] = one[0];
    }
  }

  /** Test-wise covariances of the (continuous) columns of {@code data}, missing values and all. */
  public static TestwiseCovariance of(Dataset data) {
    return new TestwiseCovariance(data);
  }

  @Override
  public List<String> variables() {
    return variables;
  }

  /** The number of rows of the data; a single request may use fewer. */
  @Override
  public int sampleSize() {
    return n;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public double variance(int var) {
    return variances[var];
  }

  /**
   * The covariance of {@code vars[0..k-1]} over the rows where all of them are present; returns
   * that row count. With fewer than two such rows the entries are NaN.
   */
  @Override
  public int covariance(int[] vars, int k, double[] out) {
    int[] rows = rowScratch.get();
    int m = 0;
    outer:
    for (int r = 0; r < n; r++) {
      for (int a = 0; a < k; a++) {
        if (Double.isNaN(columns[vars[a]][r])) {
          continue outer;
        }
      }
      rows[m++] = r;
    }
    if (m < 2) {
      java.util.Arrays.fill(out, 0, k * k, Double.NaN);
      return m;
    }
    double[] means = new double[k];
    for (int a = 0; a < k; a++) {
      double[] c = columns[vars[a]];
      double s = 0;
      for (int q = 0; q < m; q++) {
        s += c[rows[q]];
      }
      double mean = s / m;
      double d = 0;
      for (int q = 0; q < m; q++) {
        d += c[rows[q]] - mean;
      }
      means[a] = mean + d / m;
    }
    for (int a = 0; a < k; a++) {
      double[] ca = columns[vars[a]];
      for (int b = a; b < k; b++) {
        double[] cb = columns[vars[b]];
        double s = 0;
        for (int q = 0; q < m; q++) {
          int r = rows[q];
          s += (ca[r] - means[a]) * (cb[r] - means[b]);
        }
        double v = s / (m - 1);
        out[a * k + b] = v;
        out[b * k + a] = v;
      }
    }
    return m;
  }
}
