package dev.causal4j.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 * a floating-point sum.) Threads share one tile: they centre its columns, then update groups of
 * four output rows, claiming both in small chunks, with a barrier after each phase; a thread that
 * the machine slows down holds nobody up.
 *
 * <p><b>Determinism.</b> Every output entry is accumulated tile by tile, in row order, with the
 * same sequence of operations whatever thread does it, so the result is bit-identical on 1 or N
 * threads.
 */
final class CoMomentKernel {
  /** Rows per tile; even, so row pairs never straddle tiles. */
  static final int ROWS = 128;
  /** Output columns per chunk: four 512-double row segments (16 KB) stay in L1 across a tile. */
  static final int WIDTH = 512;

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
    Pass pass = new Pass(columns, n, means, c, t);
    if (t == 1) {
      pass.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(t - 1, r -> {
        Thread th = new Thread(r, "causal4j-covariance");
        th.setDaemon(true);
        return th;
      });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 1; k < t; k++) {
          futures.add(pool.submit(pass));
        }
        pass.run();
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
   * One pass over the rows, run by every thread: per tile, the threads first centre and transpose
   * columns, then update groups of four output rows, both claimed in small chunks from shared
   * counters, with a barrier after each phase.
   */
  private static final class Pass implements Runnable {
    private static final int COLUMN_CHUNK = 64;
    private static final int GROUP_CHUNK = 2;

    private final double[][] columns;
    private final int n;
    private final double[] means;
    private final double[][] c;
    private final double[][] tile;
    private final int groups;
    private final AtomicInteger nextColumn = new AtomicInteger();
    private final AtomicInteger nextGroup = new AtomicInteger();
    private final CyclicBarrier barrier;

    Pass(double[][] columns, int n, double[] means, double[][] c, int threads) {
      this.columns = columns;
      this.n = n;
      this.means = means;
      this.c = c;
      int p = columns.length;
      this.tile = new double[ROWS][p];
      this.groups = (p + 3) / 4;
      // The barrier action runs while every thread waits: a safe moment to reset the counters.
      this.barrier = new CyclicBarrier(threads, () -> {
        nextColumn.set(0);
        nextGroup.set(0);
      });
    }

    @Override
    public void run() {
      int p = columns.length;
      for (int r0 = 0; r0 < n; r0 += ROWS) {
        int rows = Math.min(ROWS, n - r0);
        for (int j0; (j0 = nextColumn.getAndAdd(COLUMN_CHUNK)) < p; ) {
          for (int j = j0, end = Math.min(p, j0 + COLUMN_CHUNK); j < end; j++) {
            double[] col = columns[j];
            double m = means[j];
            for (int r = 0; r < rows; r++) {
              tile[r][j] = col[r0 + r] - m;
            }
          }
        }
        await();
        for (int g0; (g0 = nextGroup.getAndAdd(GROUP_CHUNK)) < groups; ) {
          for (int g = g0, end = Math.min(groups, g0 + GROUP_CHUNK); g < end; g++) {
            int i = 4 * g;
            if (i + 4 <= p) {
              update4(tile, rows, p, i, c[i], c[i + 1], c[i + 2], c[i + 3]);
            } else {
              for (; i < p; i++) {
                update1(tile, rows, p, i, c[i]);
              }
            }
          }
        }
        await();
      }
    }

    private void await() {
      try {
        barrier.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while computing a covariance matrix", e);
      } catch (BrokenBarrierException e) {
        throw new IllegalStateException("another covariance worker failed", e);
      }
    }
  }

  /**
   * {@code c_q[j] += Σ_r t_r[i + q] · t_r[j]} for q = 0..3 and j ≥ i, two tile rows per
   * pass. Per entry the operations are exactly those of {@link #update1}.
   */
  private static void update4(
      double[][] t, int rows, int p, int i, double[] c0, double[] c1, double[] c2, double[] c3) {
    // Columns in chunks that keep the four output-row segments in L1 across the tile's rows.
    for (int j0 = i; j0 < p; j0 += WIDTH) {
      int j1 = Math.min(p, j0 + WIDTH);
      int r = 0;
      for (; r + 2 <= rows; r += 2) {
        double[] t0 = t[r];
        double[] t1 = t[r + 1];
        double a00 = t0[i], a01 = t1[i];
        double a10 = t0[i + 1], a11 = t1[i + 1];
        double a20 = t0[i + 2], a21 = t1[i + 2];
        double a30 = t0[i + 3], a31 = t1[i + 3];
        for (int j = j0; j < j1; j++) {
          double x0 = t0[j];
          double x1 = t1[j];
          c0[j] = Math.fma(a01, x1, Math.fma(a00, x0, c0[j]));
          c1[j] = Math.fma(a11, x1, Math.fma(a10, x0, c1[j]));
          c2[j] = Math.fma(a21, x1, Math.fma(a20, x0, c2[j]));
          c3[j] = Math.fma(a31, x1, Math.fma(a30, x0, c3[j]));
        }
      }
      if (r < rows) {
        double[] t0 = t[r];
        double a0 = t0[i], a1 = t0[i + 1], a2 = t0[i + 2], a3 = t0[i + 3];
        for (int j = j0; j < j1; j++) {
          double x0 = t0[j];
          c0[j] = Math.fma(a0, x0, c0[j]);
          c1[j] = Math.fma(a1, x0, c1[j]);
          c2[j] = Math.fma(a2, x0, c2[j]);
          c3[j] = Math.fma(a3, x0, c3[j]);
        }
      }
    }
  }

  private static void update1(double[][] t, int rows, int p, int i, double[] c0) {
    int r = 0;
    for (; r + 2 <= rows; r += 2) {
      double[] t0 = t[r];
      double[] t1 = t[r + 1];
      double a00 = t0[i], a01 = t1[i];
      for (int j = i; j < p; j++) {
        c0[j] = Math.fma(a01, t1[j], Math.fma(a00, t0[j], c0[j]));
      }
    }
    if (r < rows) {
      double[] t0 = t[r];
      double a0 = t0[i];
      for (int j = i; j < p; j++) {
        c0[j] = Math.fma(a0, t0[j], c0[j]);
      }
    }
  }
}
