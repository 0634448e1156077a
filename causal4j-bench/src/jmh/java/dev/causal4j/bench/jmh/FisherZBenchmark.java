package dev.causal4j.bench.jmh;

import dev.causal4j.independence.FisherZTest;
import dev.causal4j.independence.TestResult;
import dev.causal4j.stats.ConditionalCovariance;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fisher Z tests per second on a precomputed covariance (p = 200), by conditioning-set size, on
 * one thread: {@code fisherZ} is the full {@link FisherZTest#test} (checks, submatrix, Cholesky,
 * p-value); {@code handPartialCorrelation} and {@code ejmlPartialCorrelation} compute only the
 * partial correlation, with {@link ConditionalCovariance} and with EJML's Cholesky solver on
 * reused matrices: the measurement behind choosing the hand-written kernel.
 *
 * <pre>java -jar causal4j-bench/target/benchmarks.jar FisherZBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FisherZBenchmark {
  private static final int P = 200;
  private static final int QUESTIONS = 4096;

  @Param({"0", "1", "2", "3", "4"})
  int depth;

  FisherZTest test;
  CovarianceMatrix cov;
  int[][] questions;
  int[][] given;
  int next;

  double[] s = new double[64];
  double[] out = new double[4];
  double[] work = new double[64];

  DMatrixRMaj szz;
  DMatrixRMaj szt;
  DMatrixRMaj sol;
  LinearSolverDense<DMatrixRMaj> solver;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 2000;
    double[][] cols = new double[P][n];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < P; j++) {
      names.add("X" + j);
      for (int r = 0; r < n; r++) {
        cols[j][r] = rnd.nextDouble() + (j > 0 ? 0.3 * cols[j - 1][r] : 0);
      }
    }
    cov = CovarianceMatrix.of(names, cols, n, 2, "");
    test = new FisherZTest(cov);
    questions = new int[QUESTIONS][];
    given = new int[QUESTIONS][];
    for (int q = 0; q < QUESTIONS; q++) {
      int[] vars = rnd.ints(0, P).distinct().limit(depth + 2).toArray();
      questions[q] = vars;
      given[q] = java.util.Arrays.copyOfRange(vars, 2, vars.length);
    }
    szz = new DMatrixRMaj(Math.max(depth, 1), Math.max(depth, 1));
    szt = new DMatrixRMaj(Math.max(depth, 1), 2);
    sol = new DMatrixRMaj(Math.max(depth, 1), 2);
    solver = LinearSolverFactory_DDRM.chol(Math.max(depth, 1));
  }

  private int[] nextQuestion() {
    int[] q = questions[next];
    next = (next + 1) & (QUESTIONS - 1);
    return q;
  }

  @Benchmark
  public TestResult fisherZ() {
    int i = next;
    int[] q = nextQuestion();
    return test.test(q[0], q[1], given[i]);
  }

  /** The partial correlation alone, via the hand-written kernel {@link ConditionalCovariance}. */
  @Benchmark
  public double handPartialCorrelation() {
    int[] q = nextQuestion();
    int k = q.length;
    cov.covariance(q, k, s);
    if (ConditionalCovariance.compute(s, k, 2, out, work) >= 0) {
      return Double.NaN;
    }
    return out[1] / Math.sqrt(out[0] * out[3]);
  }

  /** The partial correlation alone, via EJML's Cholesky solve: S_xy − S_xz S_zz⁻¹ S_zy. */
  @Benchmark
  public double ejmlPartialCorrelation() {
    int[] q = nextQuestion();
    int k = q.length - 2;
    double sxx = cov.covariance(q[0], q[0]);
    double syy = cov.covariance(q[1], q[1]);
    double sxy = cov.covariance(q[0], q[1]);
    if (k > 0) {
      szz.reshape(k, k);
      szt.reshape(k, 2);
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          szz.unsafe_set(a, b, cov.covariance(q[2 + a], q[2 + b]));
        }
        szt.unsafe_set(a, 0, cov.covariance(q[2 + a], q[0]));
        szt.unsafe_set(a, 1, cov.covariance(q[2 + a], q[1]));
      }
      if (!solver.setA(szz)) {
        return Double.NaN;
      }
      sol.reshape(k, 2);
      solver.solve(szt, sol);
      double dxx = 0;
      double dyy = 0;
      double dxy = 0;
      for (int a = 0; a < k; a++) {
        dxx += szt.unsafe_get(a, 0) * sol.unsafe_get(a, 0);
        dyy += szt.unsafe_get(a, 1) * sol.unsafe_get(a, 1);
        dxy += szt.unsafe_get(a, 0) * sol.unsafe_get(a, 1);
      }
      sxx -= dxx;
      syy -= dyy;
      sxy -= dxy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
