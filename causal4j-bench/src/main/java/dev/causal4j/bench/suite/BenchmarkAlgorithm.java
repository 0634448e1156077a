package dev.causal4j.bench.suite;

import dev.causal4j.bench.simulate.Mechanism;
import dev.causal4j.bench.simulate.NoiseDistribution;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Graph;
import java.util.Optional;

/**
 * An algorithm as the discovery benchmark ({@link DiscoveryBenchmark}) runs it: on which kind of
 * simulated data, scored against what, how Causal4J runs it, and which Tetrad search is its
 * counterpart. The algorithms the benchmark knows are listed in {@link BenchmarkAlgorithms}; a new
 * search joins the benchmark by adding an implementation there.
 */
public interface BenchmarkAlgorithm {

  /** The name the {@code --algorithms} option takes, e.g. {@code pc-stable}. */
  String name();

  /** The simulated data the algorithm is benchmarked on. */
  Mechanism mechanism();

  /** The noise of that data. */
  NoiseDistribution noise();

  /**
   * How many hidden common causes the simulated data get beside {@code observed} measured
   * variables: none for searches that assume causal sufficiency, some for the FCI family, whose
   * output is scored against the true PAG.
   */
  default int latentConfounders(int observed) {
    return 0;
  }

  /**
   * Whether it can run on these data (given data sets may be of another type than its simulated
   * ones); if not, why not, else empty.
   */
  Optional<String> refuses(Dataset data);

  /**
   * What the output is scored against, given the true DAG: its CPDAG for searches that return an
   * equivalence class, the DAG itself for searches that identify it (LiNGAM), the PAG over its
   * observed variables for searches that allow hidden ones (FCI family).
   */
  Graph truth(Graph trueDag);

  /**
   * The set-up a search needs before it starts (sufficient statistics such as the covariance
   * matrix), timed apart from the search.
   */
  Prepared prepare(Dataset data);

  /**
   * Tetrad's counterpart on the same data (the caller adds warm-ups, repeats and threads), or
   * empty if Tetrad has none.
   */
  Optional<TetradJob.Builder> tetrad(TetradData data);

  /**
   * What the outputs of the two sides are expected to share, to report their differences
   * honestly: the same graph, the same skeleton only, or nothing in particular (different
   * algorithms that estimate the same thing).
   */
  Agreement expectedAgreement();

  /** A prepared search, run as many times as the benchmark repeats it. */
  @FunctionalInterface
  interface Prepared {
    /** Runs the search on {@code threads} threads (a fresh test or score object each time). */
    DiscoveryResult search(int threads);
  }

  /** See {@link #expectedAgreement()}. */
  enum Agreement {
    /** The same algorithm: identical graphs are expected. */
    IDENTICAL,
    /** The same skeleton is expected; orientations may differ (see docs/benchmarks.md). */
    SKELETON,
    /** Different procedures for the same estimand: only accuracy is compared. */
    ACCURACY_ONLY
  }
}
