package dev.causal4j.independence;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import java.util.Arrays;

/** Row access, standardisation and bandwidths shared by the kernel tests (KCI, RCIT, RCoT). */
final class KernelSupport {
  /** Rows used for the median-distance bandwidth. */
  static final int MEDIAN_ROWS = 1000;

  private KernelSupport() {}

  /** Every column as numbers (codes of categorical columns as 0..k−1), rejecting constant ones. */
  static double[][] columns(Dataset data, String test) {
    double[][] cols = new double[data.columns()][];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = data.numeric(j);
      double first = Double.NaN;
      boolean constant = true;
      for (double v : cols[j]) {
        if (!Double.isNaN(v)) {
          if (Double.isNaN(first)) {
            first = v;
          } else if (v != first) {
            constant = false;
            break;
          }
        }
      }
      if (constant) {
        throw new InvalidInputException(
            "column '" + data.variable(j).name() + "'" + Questions.in(data.source().orElse(""))
                + " is constant, so it carries no information for " + test + "; drop the column");
      }
    }
    return cols;
  }

  /** Rows with a value in every one of the variables. */
  static int[] completeRows(double[][] cols, int[] vars) {
    int n = cols[0].length;
    int[] rows = new int[n];
    int m = 0;
    outer:
    for (int r = 0; r < n; r++) {
      for (int v : vars) {
        if (Double.isNaN(cols[v][r])) {
          continue outer;
        }
      }
      rows[m++] = r;
    }
    return Arrays.copyOf(rows, m);
  }

  /**
   * The variables' values on the rows, each standardised to mean 0 and sample standard deviation
   * 1 (a column constant on these rows becomes all zeros): {@code out[r][a]}.
   */
  static double[][] standardized(double[][] cols, int[] vars, int[] rows) {
    int m = rows.length;
    double[][] out = new double[m][vars.length];
    for (int a = 0; a < vars.length; a++) {
      double[] c = cols[vars[a]];
      double s = 0;
      for (int r : rows) {
        s += c[r];
      }
      double mean = s / m;
      double ss = 0;
      for (int r : rows) {
        ss += (c[r] - mean) * (c[r] - mean);
      }
      double sd = Math.sqrt(ss / (m - 1));
      for (int q = 0; q < m; q++) {
        out[q][a] = sd > 0 ? (c[rows[q]] - mean) / sd : 0;
      }
    }
    return out;
  }

  /** The median Euclidean distance between distinct pairs among the first rows (0 if none). */
  static double medianDistance(double[][] x) {
    int m = Math.min(x.length, MEDIAN_ROWS);
    double[] d = new double[m * (m - 1) / 2];
    int k = 0;
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        double dist = Math.sqrt(squaredDistance(x[i], x[j]));
        if (dist > 0) {
          d[k++] = dist;
        }
      }
    }
    if (k == 0) {
      return 0;
    }
    double upper = select(d, k, k / 2);
    if (k % 2 == 1) {
      return upper;
    }
    // After selecting rank k/2, everything below that position is smaller or equal.
    double lower = d[0];
    for (int q = 1; q < k / 2; q++) {
      lower = Math.max(lower, d[q]);
    }
    return 0.5 * (lower + upper);
  }

  /** The value of rank {@code rank} among {@code a[0..k-1]} (Hoare's quickselect; reorders a). */
  static double select(double[] a, int k, int rank) {
    int lo = 0;
    int hi = k - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (rank <= j) {
        hi = j;
      } else if (rank >= i) {
        lo = i;
      } else {
        return a[rank];
      }
    }
    return a[rank];
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int q = 0; q < a.length; q++) {
      double d = a[q] - b[q];
      s += d * d;
    }
    return s;
  }

  /** A 64-bit mix of a seed and a question, independent of call order (SplitMix64 finaliser). */
  static long questionSeed(long seed, int x, int y, int[] z) {
    int[] sorted = z.clone();
    Arrays.sort(sorted);
    long h = mix(seed ^ 0x6A09E667F3BCC909L);
    h = mix(h ^ Math.min(x, y));
    h = mix(h ^ ((long) Math.max(x, y) << 20));
    for (int v : sorted) {
      h = mix(h ^ (v + 0x9E3779B97F4A7C15L));
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
