package dev.causal4j.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The two-pass co-moment matrix {@code Σ_r (x_r − x̄)(x_r − x̄)ᵀ} of columnar data, blocked and
 * multi-threaded.
 *
 * <p><b>Numerics.</b> Means first, with one correction pass ({@code x̄ += Σ(x − x̄)/n}, Chan,
 * Golub &amp; LeVeque 1983), then products of centred values only: no {@code Σx² − n·x̄²}
 * cancellation, so columns with large means and small spreads keep their digits.
 *
 * <p><b>Speed.</b> A block of {@value #ROWS} rows is centred and transposed into a row-major tile;
 * the upper triangle is then updated four output rows and two tile rows at a time with an
 * axpy-shaped inner loop ({@code c[j] = fma(a, t[j], c[j])}) that HotSpot's C2 compiles to vector
 * fused multiply-adds. (A dot-product loop over rows does not vectorise: Java forbids reordering
 * a floating-point sum.) Output rows are split into contiguous ranges of equal triangular work, one
 * per thread, and each thread centres its own tile, so threads share nothing but the read-only
 * input and never synchronise until the end.
 *
 * <p><b>Determinism.</b> Every output entry is accumulated by one thread with the same sequence
 * of operations whatever the thread count, so the result is bit-identical on 1 or N threads.
 */
final class CoMomentKernel {
  /** Rows per tile; even, so row pairs never straddle tiles. */
  static final int ROWS = 128;

  private CoMomentKernel() {}

  /** Column means with one correction pass. */
  static double[] means(double[][] columns, int n) {
    double[] means = new double[columns.length];
    for (int j = 0; j < columns.length; j++) {
      double[] c = columns[j];
      double s = 0;
      for (int r = 0; r < n; r++) {
        s += c[r];
      }
      double m = s / n;
      double d = 0;
      for (int r = 0; r < n; r++) {
        d += c[r] - m;
      }
      means[j] = m + d / n;
    }
    return means;
  }

  /**
   * The full symmetric co-moment matrix of {@code columns} (each of length at least {@code n})
   * about {@code means}.
   */
  static double[][] coMoments(double[][] columns, int n, double[] means, int threads) {
    int p = columns.length;
    double[][] c = new double[p][p];
    if (p == 0 || n == 0) {
      return c;
    }
    double work = (double) n * p * p;
    int t = (int) Math.max(1, Math.min(threads, Math.min(p / 8 + 1, work / 2e6 + 1)));
    int[] bounds = partition(p, t);
    if (bounds.length == 2) {
      new Worker(columns, n, means, c, bounds[0], bounds[1]).run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(bounds.length - 2, r -> {
        Thread th = new Thread(r, "causal4j-covariance");
        th.setDaemon(true);
        return th;
      });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 1; k < bounds.length - 1; k++) {
          futures.add(pool.submit(new Worker(columns, n, means, c, bounds[k], bounds[k + 1])));
        }
        new Worker(columns, n, means, c, bounds[0], bounds[1]).run();
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while computing a covariance matrix", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("covariance worker failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = i + 1; j < p; j++) {
        c[j][i] = c[i][j];
      }
    }
    return c;
  }

  /**
   * Boundaries of {@code parts} contiguous ranges of output rows with about equal triangular work
   * ({@code p − i} entries in row {@code i}), aligned to groups of four rows.
   */
  static int[] partition(int p, int parts) {
    List<Integer> b = new ArrayList<>();
    b.add(0);
    double total = (double) p * (p + 1) / 2;
    double acc = 0;
    for (int i = 0; i < p; i++) {
      acc += p - i;
      if (b.size() < parts && (i + 1) % 4 == 0 && acc >= total * b.size() / parts) {
        b.add(i + 1);
      }
    }
    if (b.get(b.size() - 1) != p) {
      b.add(p);
    }
    return b.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Accumulates output rows {@code [from, to)} over all rows of the data. */
  private static final class Worker implements Runnable {
    private final double[][] columns;
    private final int n;
    private final double[] means;
    private final double[][] c;
    private final int from;
    private final int to;

    Worker(double[][] columns, int n, double[] means, double[][] c, int from, int to) {
      this.columns = columns;
      this.n = n;
      this.means = means;
      this.c = c;
      this.from = from;
      this.to = to;
    }

    @Override
    public void run() {
      int p = columns.length;
      int w = p - from;
      // tile[r][j - from] = x[r0 + r][j] - mean[j] for j in [from, p).
      double[][] tile = new double[ROWS][w];
      for (int r0 = 0; r0 < n; r0 += ROWS) {
        int rows = Math.min(ROWS, n - r0);
        for (int j = from; j < p; j++) {
          double[] col = columns[j];
          double m = means[j];
          int jj = j - from;
          for (int r = 0; r < rows; r++) {
            tile[r][jj] = col[r0 + r] - m;
          }
        }
        int i = from;
        for (; i + 4 <= to; i += 4) {
          update4(tile, rows, w, i - from, c[i], c[i + 1], c[i + 2], c[i + 3], i);
        }
        for (; i < to; i++) {
          update1(tile, rows, w, i - from, c[i], i);
        }
      }
    }
  }

  /**
   * {@code c_q[base + j] += Σ_r t_r[i + q] · t_r[j]} for q = 0..3 and j ≥ i, two tile rows per
   * pass. Per entry the operations are exactly those of {@link #update1}.
   */
  private static void update4(
      double[][] t, int rows, int w, int i, double[] c0, double[] c1, double[] c2, double[] c3,
      int globalI) {
    int shift = globalI - i;
    int r = 0;
    for (; r + 2 <= rows; r += 2) {
      double[] t0 = t[r];
      double[] t1 = t[r + 1];
      double a00 = t0[i], a01 = t1[i];
      double a10 = t0[i + 1], a11 = t1[i + 1];
      double a20 = t0[i + 2], a21 = t1[i + 2];
      double a30 = t0[i + 3], a31 = t1[i + 3];
      for (int j = i; j < w; j++) {
        double x0 = t0[j];
        double x1 = t1[j];
        int g = j + shift;
        c0[g] = Math.fma(a01, x1, Math.fma(a00, x0, c0[g]));
        c1[g] = Math.fma(a11, x1, Math.fma(a10, x0, c1[g]));
        c2[g] = Math.fma(a21, x1, Math.fma(a20, x0, c2[g]));
        c3[g] = Math.fma(a31, x1, Math.fma(a30, x0, c3[g]));
      }
    }
    if (r < rows) {
      double[] t0 = t[r];
      double a0 = t0[i], a1 = t0[i + 1], a2 = t0[i + 2], a3 = t0[i + 3];
      for (int j = i; j < w; j++) {
        double x0 = t0[j];
        int g = j + shift;
        c0[g] = Math.fma(a0, x0, c0[g]);
        c1[g] = Math.fma(a1, x0, c1[g]);
        c2[g] = Math.fma(a2, x0, c2[g]);
        c3[g] = Math.fma(a3, x0, c3[g]);
      }
    }
  }

  private static void update1(double[][] t, int rows, int w, int i, double[] c0, int globalI) {
    int shift = globalI - i;
    int r = 0;
    for (; r + 2 <= rows; r += 2) {
      double[] t0 = t[r];
      double[] t1 = t[r + 1];
      double a00 = t0[i], a01 = t1[i];
      for (int j = i; j < w; j++) {
        int g = j + shift;
        c0[g] = Math.fma(a01, t1[j], Math.fma(a00, t0[j], c0[g]));
      }
    }
    if (r < rows) {
      double[] t0 = t[r];
      double a0 = t0[i];
      for (int j = i; j < w; j++) {
        int g = j + shift;
        c0[g] = Math.fma(a0, t0[j], c0[g]);
      }
    }
  }
}
