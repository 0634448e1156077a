package dev.causal4j.discovery.lingam;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.discovery.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A dataset checked for LiNGAM and brought into the form both LiNGAM searches work on: every
 * column centred and scaled to variance 1 (divisor n), the correlation matrix, and the means and
 * standard deviations to return connection strengths in the data's own units.
 *
 * <p>Checks, each with a message that says what to do: at least one variable; every variable
 * continuous (LiNGAM is a linear model with continuous noise); no missing values; no constant
 * column; more rows than variables plus one (the least-squares fits need it); no column that is
 * an exact linear combination of the others (its noise would be zero). Fewer than {@value
 * #FEW_ROWS} rows gives a warning: non-Gaussianity is then hard to measure.
 */
final class LingamData {
  /** Below this many rows the result carries a warning. */
  static final int FEW_ROWS = 200;
  /**
   * A column whose variance, once the columns before it are regressed out, is below this share
   * of its own variance is an exact linear combination of them (up to rounding).
   */
  private static final double COLLINEAR = 1e-10;

  final List<String> names;
  final int n;
  final int p;
  /** The standardised columns (new arrays the searches may overwrite). */
  final double[][] z;
  final double[] mean;
  final double[] sd;
  /** The correlation matrix (divisor n on both sides, so it is exactly z'z/n). */
  final double[][] corr;
  final List<String> warnings = new ArrayList<>();

  private LingamData(List<String> names, int n, double[][] z, double[] mean, double[] sd,
      double[][] corr) {
    this.names = List.copyOf(names);
    this.n = n;
    this.p = names.size();
    this.z = z;
    this.mean = mean;
    this.sd = sd;
    this.corr = corr;
  }

  /**
   * Checks {@code data} and standardises it.
   *
   * @param algorithm the search's name as the command line spells it, for messages
   * @throws InvalidInputException naming the first column or condition that LiNGAM cannot use
   */
  static LingamData of(Dataset data, String algorithm, int threads) {
    int p = data.columns();
    int n = data.rows();
    String where = data.source().map(s -> " in " + s).orElse("");
    if (p == 0) {
      throw new InvalidInputException("the data" + where + " has no variables; " + algorithm
          + " needs at least one continuous column");
    }
    for (int j = 0; j < p; j++) {
      Variable v = data.variable(j);
      if (!v.isContinuous()) {
        throw new InvalidInputException(
            algorithm + " needs continuous data, but column '" + v.name() + "'" + where + " is "
                + v.type().toString().toLowerCase(Locale.ROOT) + "; drop the column,"
                + " or use a search with an independence test or score for mixed or discrete"
                + " data (e.g. pc with a chi-square or conditional-Gaussian test)");
      }
    }
    for (int j = 0; j < p; j++) {
      int missing = data.missingCount(j);
      if (missing > 0) {
        throw new InvalidInputException(
            "column '" + data.variable(j).name() + "'" + where + " has " + missing
                + " missing value(s); " + algorithm + " needs complete rows: choose --missing"
                + " listwise to drop incomplete rows (MissingPolicy.LISTWISE_DELETION)");
      }
    }
    if (n < p + 2) {
      throw new InvalidInputException(
          algorithm + " needs more rows than variables plus one (the least-squares fits of each"
              + " variable on the others need it), but the data" + where + " has " + n
              + " row(s) for " + p + " variables; use more rows or fewer variables");
    }
    double[][] z = new double[p][];
    double[] mean = new double[p];
    double[] sd = new double[p];
    for (int j = 0; j < p; j++) {
      double[] x = data.doubles(j);
      double m = 0;
      for (double v : x) {
        m += v;
      }
      m /= n;
      double ss = 0;
      for (double v : x) {
        ss += (v - m) * (v - m);
      }
      double s = Math.sqrt(ss / n);
      if (!(s > 1e-12 * Math.max(1, Math.abs(m)))) {
        throw new InvalidInputException(
            "column '" + data.variable(j).name() + "'" + where + " is constant (every value is "
                + x[0] + "); a variable without variation has no place in a causal order: drop"
                + " it");
      }
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        c[i] = (x[i] - m) / s;
      }
      z[j] = c;
      mean[j] = m;
      sd[j] = s;
    }
    double[][] corr = correlation(z, threads);
    List<String> names = data.names();
    checkCollinear(corr, names, where);
    LingamData d = new LingamData(names, n, z, mean, sd, corr);
    if (n < FEW_ROWS) {
      d.warnings.add("only " + n + " rows: LiNGAM tells cause from effect by the non-Gaussianity"
          + " of the data, which is hard to measure on fewer than " + FEW_ROWS + " rows; treat"
          + " the directions as tentative");
    }
    return d;
  }

  /** {@code z'z/n}, one row per task. */
  static double[][] correlation(double[][] z, int threads) {
    int p = z.length;
    double[][] c = new double[p][p];
    Parallel.forEach(threads, p, i -> {
      double[] zi = z[i];
      int n = zi.length;
      for (int j = i; j < p; j++) {
        double[] zj = z[j];
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += zi[k] * zj[k];
        }
        c[i][j] = s / n;
      }
    });
    for (int i = 0; i < p; i++) {
      c[i][i] = 1;
      for (int j = 0; j < i; j++) {
        c[i][j] = c[j][i];
      }
    }
    return c;
  }

  /**
   * Cholesky factorisation of the correlation matrix in column order; a pivot (the variance of a
   * column given the ones before it) near zero names a column that is a linear combination of
   * earlier ones.
   */
  private static void checkCollinear(double[][] corr, List<String> names, String where) {
    int p = corr.length;
    double[][] l = new double[p][p];
    for (int j = 0; j < p; j++) {
      double d = corr[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      if (!(d > COLLINEAR)) {
        // Which earlier columns make it up: solve L L' β = r for the regression on them.
        double[] beta = new double[j];
        for (int i = 0; i < j; i++) {
          double v = corr[j][i];
          for (int k = 0; k < i; k++) {
            v -= l[i][k] * beta[k];
          }
          beta[i] = v / l[i][i];
        }
        for (int i = j - 1; i >= 0; i--) {
          double v = beta[i];
          for (int k = i + 1; k < j; k++) {
            v -= l[k][i] * beta[k];
          }
          beta[i] = v / l[i][i];
        }
        double largest = 0;
        for (double b : beta) {
          largest = Math.max(largest, Math.abs(b));
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < j; k++) {
          if (Math.abs(beta[k]) > 1e-6 * largest) {
            parts.add(names.get(k));
          }
        }
        throw new InvalidInputException(
            "column '" + names.get(j) + "'" + where + " is (up to rounding) a linear combination"
                + " of " + (parts.size() == 1 ? "column " : "columns ")
                + String.join(", ", parts.subList(0, Math.min(8, parts.size())))
                + (parts.size() > 8 ? ", …" : "")
                + "; its noise would be zero, which LiNGAM cannot order: drop one of them");
      }
      l[j][j] = Math.sqrt(d);
      for (int i = j + 1; i < p; i++) {
        double s = corr[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / l[j][j];
      }
    }
  }
}
