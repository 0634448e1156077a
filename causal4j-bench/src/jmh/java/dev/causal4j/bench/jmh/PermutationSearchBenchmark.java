package dev.causal4j.bench.jmh;

import dev.causal4j.bench.simulate.Mechanism;
import dev.causal4j.bench.simulate.SimulatedData;
import dev.causal4j.bench.simulate.Simulation;
import dev.causal4j.bench.simulate.Simulator;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.permutation.Boss;
import dev.causal4j.discovery.permutation.Grasp;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.stats.CovarianceMatrix;
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
 * Time of one BOSS or GRaSP search (covariance excluded) on the data {@code causal4j simulate
 * --model linear-gaussian --nodes P --degree 2 --samples 1000 --seed 7} writes, with the
 * linear-Gaussian BIC at penalty discount 2: the setting of issue 3's Tetrad comparison. Every
 * search is fresh (new grow-shrink trees), so each measurement is a whole search.
 *
 * <pre>java -jar causal4j-bench/target/benchmarks.jar PermutationSearchBenchmark -p p=200,500</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class PermutationSearchBenchmark {
  @Param({"200", "500"})
  int p;

  /** {@code boss} (BES on, the default), {@code boss-no-bes}, or {@code grasp}. */
  @Param({"boss", "boss-no-bes"})
  String algorithm;

  @Param({"1"})
  int threads;

  LinearGaussianBicScore score;

  @Setup
  public void setUp() {
    SimulatedData sim = Simulator.simulate(Simulation.builder()
        .mechanism(Mechanism.LINEAR_GAUSSIAN).nodes(p).averageDegree(2).samples(1000).seed(7)
        .build());
    score = new LinearGaussianBicScore(CovarianceMatrix.of(sim.data(), 1), 2);
  }

  @Benchmark
  public DiscoveryResult search() {
    return switch (algorithm) {
      case "boss" -> Boss.builder(score).threads(threads).build().search();
      case "boss-no-bes" -> Boss.builder(score).bes(false).threads(threads).build().search();
      case "grasp" -> Grasp.builder(score).build().search();
      default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
    };
  }
}
