package dev.causal4j.bench.jmh;

import dev.causal4j.stats.CovarianceMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to compute a covariance matrix from n × p columnar data ({@link CovarianceMatrix#of}),
 * on 1 and 2 threads. The work is n·p²/2 multiply-adds; GFLOP/s = n·p·(p+1) / time.
 *
 * <pre>java -jar causal4j-bench/target/benchmarks.jar CovarianceBenchmark -p n=100000 -p p=1000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class CovarianceBenchmark {
  @Param({"20000"})
  int n;

  @Param({"100", "500"})
  int p;

  @Param({"1", "2"})
  int threads;

  double[][] columns;
  List<String> names;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(42);
    columns = new double[p][n];
    names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("X" + j);
      for (int r = 0; r < n; r++) {
        columns[j][r] = rnd.nextDouble() + (j > 0 ? 0.5 * columns[j - 1][r] : 0) + 3;
      }
    }
  }

  @Benchmark
  public CovarianceMatrix covariance() {
    return CovarianceMatrix.of(names, columns, n, threads, "");
  }
}
