package dev.causal4j.stats;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import java.util.Arrays;
import java.util.List;

/**
 * Maximum log-likelihoods of the conditional-Gaussian (CG) model for mixed continuous and discrete
 * data (Lauritzen &amp; Wermuth 1989), as used by the CG score and test of Andrews, Ramsey &amp;
 * Cooper (2018): the discrete variables follow a multinomial distribution, and within each
 * configuration ("cell") of the discrete variables the continuous ones are multivariate Gaussian
 * with the cell's own mean and covariance.
 *
 * <p>The log-likelihood of a variable given others is a difference of joint log-likelihoods,
 * {@code ℓ(x | Pa) = ℓ(x ∪ Pa) − ℓ(Pa)} (Andrews et al. 2018, §3), which also covers a discrete
 * child of continuous parents; degrees of freedom are differences of parameter counts.
 *
 * <p><b>Choices the paper leaves open, made here:</b>
 *
 * <ul>
 *   <li>Empty cells have no parameters (the multinomial counts {@code cells − 1} free
 *       probabilities over the cells that occur), so degrees of freedom depend on the data.
 *   <li>A cell whose own covariance cannot be estimated (at most {@code |C|} rows, or collinear
 *       within the cell) keeps its own mean but borrows the covariance of all the rows used; it
 *       then counts {@code |C|} parameters, and the borrowed covariance counts {@code
 *       |C|(|C|+1)/2} once. Without this a single sparse cell makes the likelihood infinite.
 *   <li>Rows with a missing value in any variable of a question are left out of every likelihood
 *       of that question (test-wise deletion); {@link #completeRows} gives them.
 * </ul>
 *
 * <p>Reads rows: {@code O(n·|C|²)} per likelihood. Thread-safe (per-thread scratch space).
 */
public final class ConditionalGaussianLikelihood {
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final List<String> names;
  private final double[][] doubles;
  private final int[][] codes;
  private final int[] levels;
  private final int n;
  private final String source;
  private final ThreadLocal<Workspace> workspace;

  /** A log-likelihood, its number of free parameters and the rows it was computed from. */
  public record Fit(double logLikelihood, double degreesOfFreedom, int rows) {}

  private ConditionalGaussianLikelihood(Dataset data) {
    this.names = data.names();
    this.n = data.rows();
    this.source = data.source().orElse("");
    int p = data.columns();
    this.doubles = new double[p][];
    this.codes = new int[p][];
    this.levels = new int[p];
    for (int j = 0; j < p; j++) {
      Variable v = data.variable(j);
      if (v.isContinuous()) {
        doubles[j] = data.doubles(j);
      } else {
        codes[j] = data.codes(j);
        levels[j] = v.levelCount();
      }
    }
    this.workspace = ThreadLocal.withInitial(() -> new Workspace(n));
  }

  /** The likelihoods of the variables of {@code data}, continuous and categorical alike. */
  public static ConditionalGaussianLikelihood of(Dataset data) {
    return new ConditionalGaussianLikelihood(data);
  }

  public List<String> variables() {
    return names;
  }

  /** Rows in the data. */
  public int sampleSize() {
    return n;
  }

  /** Where the data came from (a file), for messages; empty when unknown. */
  public String source() {
    return source;
  }

  public boolean isDiscrete(int v) {
    return codes[v] != null;
  }

  /**
   * The rows with no missing value in {@code vars[0..k-1]}, written to {@code rows}; returns their
   * number.
   */
  public int completeRows(int[] vars, int k, int[] rows) {
    int m = 0;
    outer:
    for (int r = 0; r < n; r++) {
      for (int a = 0; a < k; a++) {
        int v = vars[a];
        if (codes[v] != null ? codes[v][r] < 0 : Double.isNaN(doubles[v][r])) {
          continue outer;
        }
      }
      rows[m++] = r;
    }
    return m;
  }

  /** The joint CG log-likelihood of {@code vars[0..k-1]} over all rows complete in them. */
  public Fit joint(int[] vars, int k) {
    int[] rows = new int[n];
    int m = completeRows(vars, k, rows);
    return joint(vars, k, rows, m);
  }

  /** {@code ℓ(node | parents)} over the rows complete in the node and its parents. */
  public Fit conditional(int node, int[] parents) {
    int[] all = new int[parents.length + 1];
    all[0] = node;
    System.arraycopy(parents, 0, all, 1, parents.length);
    int[] rows = new int[n];
    int m = completeRows(all, all.length, rows);
    Fit with = joint(all, all.length, rows, m);
    Fit without = joint(parents, parents.length, rows, m);
    return new Fit(
        with.logLikelihood() - without.logLikelihood(),
        with.degreesOfFreedom() - without.degreesOfFreedom(),
        m);
  }

  /**
   * The joint CG log-likelihood of {@code vars[0..k-1]} over the given rows (which must have no
   * missing value in them).
   *
   * @throws InvalidInputException if the continuous variables are collinear over all the rows
   */
  public Fit joint(int[] vars, int k, int[] rows, int m) {
    if (k == 0 || m == 0) {
      return new Fit(0, 0, m);
    }
    Workspace w = workspace.get();
    int nd = 0;
    int nc = 0;
    w.ensureVars(k);
    for (int a = 0; a < k; a++) {
      if (codes[vars[a]] != null) {
        w.disc[nd++] = vars[a];
      } else {
        w.cont[nc++] = vars[a];
      }
    }
    // Group rows by cell: packed = cell key << 32 | position in rows.
    long[] packed = w.packed;
    long radix = 1;
    for (int q = 0; q < m; q++) {
      packed[q] = 0;
    }
    for (int a = 0; a < nd; a++) {
      int[] c = codes[w.disc[a]];
      int lv = levels[w.disc[a]];
      if (radix > (1L << 30) / lv) {
        radix = rankKeys(packed, m, w);
      }
      for (int q = 0; q < m; q++) {
        packed[q] += radix * c[rows[q]];
      }
      radix *= lv;
    }
    for (int q = 0; q < m; q++) {
      packed[q] = (packed[q] << 32) | q;
    }
    Arrays.sort(packed, 0, m);

    double ll = 0;
    double dof = 0;
    int cells = 0;
    boolean borrowed = false;
    int start = 0;
    while (start < m) {
      long key = packed[start] >>> 32;
      int end = start;
      while (end < m && (packed[end] >>> 32) == key) {
        end++;
      }
      int nCell = end - start;
      cells++;
      ll += nCell * Math.log((double) nCell / m);
      if (nc > 0) {
        cellMoments(w, rows, packed, start, end, nc);
        double logDet = nCell > nc ? ConditionalCovariance.logDeterminant(w.s, nc, w.work)
            : Double.NaN;
        if (Double.isNaN(logDet)) {
          borrowed = true;
          w.small[w.smallCount++] = start;
          w.small[w.smallCount++] = end;
          dof += nc;
        } else {
          ll += -0.5 * nCell * (nc * LOG_2PI + logDet + nc);
          dof += nc + nc * (nc + 1) / 2.0;
        }
      }
      start = end;
    }
    dof += cells - 1;
    if (borrowed) {
      ll += borrowedCovarianceTerms(w, rows, m, nc, vars, k);
      dof += nc * (nc + 1) / 2.0;
    }
    w.smallCount = 0;
    return new Fit(ll, dof, m);
  }

  /** Means (w.mean) and MLE covariance (w.s) of the continuous variables over one cell. */
  private void cellMoments(Workspace w, int[] rows, long[] packed, int start, int end, int nc) {
    int nCell = end - start;
    for (int a = 0; a < nc; a++) {
      double[] col = doubles[w.cont[a]];
      double s = 0;
      for (int q = start; q < end; q++) {
        s += col[rows[(int) packed[q]]];
      }
      double mean = s / nCell;
      double d = 0;
      for (int q = start; q < end; q++) {
        d += col[rows[(int) packed[q]]] - mean;
      }
      w.mean[a] = mean + d / nCell;
    }
    for (int a = 0; a < nc; a++) {
      double[] ca = doubles[w.cont[a]];
      for (int b = a; b < nc; b++) {
        double[] cb = doubles[w.cont[b]];
        double s = 0;
        for (int q = start; q < end; q++) {
          int r = rows[(int) packed[q]];
          s += (ca[r] - w.mean[a]) * (cb[r] - w.mean[b]);
        }
        w.s[a * nc + b] = s / nCell;
        w.s[b * nc + a] = s / nCell;
      }
    }
  }

  /** The Gaussian terms of the small cells, each with its own mean and the pooled covariance. */
  private double borrowedCovarianceTerms(Workspace w, int[] rows, int m, int nc, int[] vars, int k) {
    long[] packed = w.packed;
    // Pooled MLE covariance of the continuous variables over all rows (one cell spanning all).
    long[] all = w.identity(m);
    cellMoments(w, rows, all, 0, m, nc);
    double[] pooled = Arrays.copyOf(w.s, nc * nc);
    double logDet = ConditionalCovariance.logDeterminant(pooled, nc, w.work);
    if (Double.isNaN(logDet)) {
      StringBuilder cont = new StringBuilder();
      for (int a = 0; a < nc; a++) {
        cont.append(a > 0 ? ", " : "").append('\'').append(names.get(w.cont[a])).append('\'');
      }
      throw new InvalidInputException(
          "singular covariance" + (source.isEmpty() ? "" : " in " + source) + ": the continuous"
              + " columns " + cont + " are collinear (or one is constant); drop one of them");
    }
    double[] l = w.work; // lower Cholesky factor of the pooled covariance, row-major nc × nc
    double ll = 0;
    double[] v = w.vec;
    for (int s = 0; s < w.smallCount; s += 2) {
      int start = w.small[s];
      int end = w.small[s + 1];
      cellMoments(w, rows, packed, start, end, nc);
      for (int q = start; q < end; q++) {
        int r = rows[(int) packed[q]];
        double quad = 0;
        for (int a = 0; a < nc; a++) {
          double sum = doubles[w.cont[a]][r] - w.mean[a];
          for (int b = 0; b < a; b++) {
            sum -= l[a * nc + b] * v[b];
          }
          v[a] = sum / l[a * nc + a];
          quad += v[a] * v[a];
        }
        ll += -0.5 * (nc * LOG_2PI + logDet + quad);
      }
    }
    return ll;
  }

  /** Replaces the partial keys in packed[0..m) by their ranks; returns the number of ranks. */
  private static long rankKeys(long[] packed, int m, Workspace w) {
    long[] sorted = Arrays.copyOf(packed, m);
    Arrays.sort(sorted);
    int u = 0;
    for (int q = 0; q < m; q++) {
      if (u == 0 || sorted[q] != sorted[u - 1]) {
        sorted[u++] = sorted[q];
      }
    }
    for (int q = 0; q < m; q++) {
      packed[q] = Arrays.binarySearch(sorted, 0, u, packed[q]);
    }
    return Math.max(1, u);
  }

  private static final class Workspace {
    final long[] packed;
    final int[] small;
    int smallCount;
    long[] identity = new long[0];
    int[] disc = new int[0];
    int[] cont = new int[0];
    double[] mean = new double[0];
    double[] s = new double[0];
    double[] work = new double[0];
    double[] vec = new double[0];

    Workspace(int n) {
      packed = new long[n];
      small = new int[2 * n + 2];
    }

    void ensureVars(int k) {
      if (disc.length < k) {
        disc = new int[k];
        cont = new int[k];
        mean = new double[k];
        s = new double[k * k];
        work = new double[k * k];
        vec = new double[k];
      }
    }

    long[] identity(int m) {
      if (identity.length < m) {
        identity = new long[m];
        for (int q = 0; q < m; q++) {
          identity[q] = q;
        }
      }
      return identity;
    }
  }
}
