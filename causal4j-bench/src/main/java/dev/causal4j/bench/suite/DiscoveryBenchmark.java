package dev.causal4j.bench.suite;

import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.metrics.GraphComparison;
import dev.causal4j.bench.metrics.GraphMetrics;
import dev.causal4j.bench.simulate.SimulatedData;
import dev.causal4j.bench.simulate.Simulation;
import dev.causal4j.bench.simulate.Simulator;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Graph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Causal4J's discovery side by side with Tetrad 7.6.6 on the same data, in one run:
 * for each size and algorithm, seeded data from the simulator (or each given data set with its
 * true graph, {@link Builder#datasets}), Causal4J's search (on the chosen
 * number of threads and, when that is more than one, on one thread too) and Tetrad's counterpart
 * in its own JVM ({@link TetradProcess}), warmed up, then timed in turns (Causal4J, then Tetrad,
 * repeated) so that a busy machine slows both alike; medians are reported, with both sides'
 * accuracy against the true graph and how their outputs differ.
 *
 * <p>Search times exclude reading the data and the sufficient statistics (covariance), which are
 * timed and reported apart, on both sides. Tetrad's PC uses every core whatever it is asked, so
 * the default thread count for Causal4J is every core too.
 *
 * <p>Where Tetrad's runner is not built (no JDK 21+), or {@link Builder#tetrad(boolean)} is off,
 * only Causal4J runs and the result says why.
 */
public final class DiscoveryBenchmark {
  /** The data-set name of simulated rows. */
  public static final String SIMULATED = "simulated";

  private final int[] sizes;
  private final List<NamedDataset> datasets;
  private final int samples;
  private final double degree;
  private final int repeats;
  private final int warmups;
  private final List<BenchmarkAlgorithm> algorithms;
  private final int threads;
  private final long seed;
  private final boolean useTetrad;
  private final String tetradHeap;
  private final Consumer<String> progress;

  private DiscoveryBenchmark(Builder b) {
    this.sizes = b.sizes.clone();
    this.datasets = List.copyOf(b.datasets);
    this.samples = b.samples;
    this.degree = b.degree;
    this.repeats = b.repeats;
    this.warmups = b.warmups;
    this.algorithms = List.copyOf(b.algorithms);
    this.threads = b.threads;
    this.seed = b.seed;
    this.useTetrad = b.useTetrad;
    this.tetradHeap = b.tetradHeap;
    this.progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs every size and algorithm. */
  public DiscoveryBenchmarkResult run() {
    DiscoveryBenchmarkResult.Settings settings = new DiscoveryBenchmarkResult.Settings(
        sizes, samples, degree, repeats, warmups, threads, seed,
        Runtime.getRuntime().availableProcessors(),
        algorithms.stream().map(BenchmarkAlgorithm::name).toList(),
        datasets.stream().map(NamedDataset::name).toList());
    String tetradStatus;
    TetradProcess tetrad = null;
    if (!useTetrad) {
      tetradStatus = "not run (turned off)";
    } else {
      TetradProcess.Location where = TetradProcess.locate();
      if (where.available()) {
        tetrad = TetradProcess.start(where.runner().orElseThrow(), tetradHeap, 0);
        tetradStatus = "7.6.6";
      } else {
        tetradStatus = "not available (" + where.reason() + ")";
      }
    }
    List<DiscoveryBenchmarkResult.Row> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("causal4j-bench-");
      for (int i = 0; i < datasets.size(); i++) {
        NamedDataset nd = datasets.get(i);
        TetradData file = tetrad == null ? null
            : TetradData.write(nd.data(), dir.resolve("data-" + i + ".csv"));
        BenchData d = new BenchData(nd.name(), nd.data(), nd.trueDag(), file);
        for (BenchmarkAlgorithm a : algorithms) {
          Optional<String> refusal = a.refuses(nd.data());
          if (refusal.isPresent()) {
            notes.add(a.name() + " skipped on " + nd.name() + ": " + refusal.get());
          } else {
            rows.add(runOne(a, d, tetrad));
          }
        }
      }
      for (int p : datasets.isEmpty() ? sizes : new int[0]) {
        Map<String, BenchData> data = new LinkedHashMap<>();
        for (BenchmarkAlgorithm a : algorithms) {
          int hidden = a.latentConfounders(p);
          String key = a.mechanism() + "/" + a.noise() + (hidden > 0 ? "/" + hidden + " hidden" : "");
          BenchData d = data.get(key);
          if (d == null) {
            progress.accept(String.format("simulating %s data: p = %d, n = %d, degree %s, seed %d",
                key.toLowerCase(java.util.Locale.ROOT), p, samples, degree, seed));
            // p measured variables: the hidden ones come on top.
            SimulatedData sim = Simulator.simulate(Simulation.builder().mechanism(a.mechanism())
                .noise(a.noise()).nodes(p + hidden).latentConfounders(hidden)
                .averageDegree(degree).samples(samples).seed(seed).build());
            TetradData file = tetrad == null ? null
                : TetradData.write(sim.data(), dir.resolve("p" + p + "-" + data.size() + ".csv"));
            d = new BenchData(SIMULATED, sim.data(), sim.trueDag(), file);
            data.put(key, d);
          }
          rows.add(runOne(a, d, tetrad));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the benchmark's data files", e);
    } finally {
      if (tetrad != null) {
        tetrad.close();
      }
      deleteQuietly(dir);
    }
    return new DiscoveryBenchmarkResult(settings, tetradStatus, rows, notes);
  }

  /** A data set with its true DAG, and its copy for Tetrad (null when Tetrad does not run). */
  private record BenchData(String name, Dataset data, Graph trueDag, TetradData file) {}

  private DiscoveryBenchmarkResult.Row runOne(
      BenchmarkAlgorithm a, BenchData d, TetradProcess tetrad) {
    int p = d.data().columns();
    Graph truth = a.truth(d.trueDag());
    progress.accept(String.format("%s, p = %d: set-up", a.name(), p));
    long t0 = System.nanoTime();
    BenchmarkAlgorithm.Prepared prepared = a.prepare(d.data());
    double setup = (System.nanoTime() - t0) / 1e6;
    boolean oneThreadToo = threads > 1;
    for (int w = 0; w < warmups; w++) {
      progress.accept(String.format("%s, p = %d: warm-up %d of %d", a.name(), p, w + 1, warmups));
      prepared.search(threads);
      if (oneThreadToo) {
        prepared.search(1);
      }
    }
    Optional<TetradJob.Builder> job =
        tetrad == null ? Optional.empty() : a.tetrad(d.file());
    double[] many = new double[repeats];
    double[] manyCpu = new double[repeats];
    double[] one = new double[oneThreadToo ? repeats : 0];
    double[] oneCpu = new double[one.length];
    double[] theirs = new double[job.isPresent() ? repeats : 0];
    double[] theirsCpu = new double[theirs.length];
    DiscoveryResult ours = null;
    DiscoveryResult oursOne = null;
    TetradRun last = null;
    String tetradError = null;
    Set<Graph> tetradGraphs = new HashSet<>();
    int distinct = 1;
    for (int r = 0; r < repeats; r++) {
      progress.accept(String.format("%s, p = %d: run %d of %d", a.name(), p, r + 1, repeats));
      long c = processCpuNanos();
      long s = System.nanoTime();
      ours = prepared.search(threads);
      many[r] = (System.nanoTime() - s) / 1e6;
      manyCpu[r] = (processCpuNanos() - c) / 1e6;
      if (oneThreadToo) {
        c = processCpuNanos();
        s = System.nanoTime();
        oursOne = prepared.search(1);
        one[r] = (System.nanoTime() - s) / 1e6;
        oneCpu[r] = (processCpuNanos() - c) / 1e6;
        if (!oursOne.graph().equals(ours.graph())) {
          throw new IllegalStateException(a.name() + " gave different graphs on 1 and "
              + threads + " threads; that is a bug in Causal4J");
        }
      }
      if (job.isPresent() && tetradError == null) {
        try {
          TetradRun run = tetrad.run(job.get().threads(threads).warmups(r == 0 ? warmups : 0)
              .repeats(1).build());
          theirs[r] = run.searchMillis()[0];
          theirsCpu[r] = run.searchCpuMillis()[0];
          tetradGraphs.add(run.graph());
          // The first job's warm-ups may already have given other graphs.
          distinct = Math.max(Math.max(distinct, tetradGraphs.size()), run.distinctGraphs());
          last = run;
        } catch (IllegalStateException e) {
          tetradError = e.getMessage();
        }
      }
    }
    GraphComparison ourAccuracy = GraphMetrics.compare(truth, ours.graph());
    DiscoveryBenchmarkResult.Side causal4j = new DiscoveryBenchmarkResult.Side(
        "Causal4J", threads, setup, many, manyCpu, ourAccuracy, ours.graph().edgeCount());
    DiscoveryBenchmarkResult.Side causal4jOne = oneThreadToo
        ? new DiscoveryBenchmarkResult.Side("Causal4J", 1, setup, one, oneCpu, ourAccuracy,
            ours.graph().edgeCount())
        : null;
    DiscoveryBenchmarkResult.Side theirSide = null;
    DiscoveryBenchmarkResult.Difference difference = null;
    if (last != null && tetradError == null) {
      theirSide = new DiscoveryBenchmarkResult.Side("Tetrad", last.processors(),
          last.setupMillis(), theirs, theirsCpu, GraphMetrics.compare(truth, last.graph()),
          last.graph().edgeCount());
      difference = DiscoveryBenchmarkResult.Difference.between(ours.graph(), last.graph(),
          distinct);
    }
    String tetradNote = job.isEmpty()
        ? (tetrad == null ? null : "Tetrad has no counterpart")
        : tetradError;
    return new DiscoveryBenchmarkResult.Row(a.name(), d.name(), a.expectedAgreement(), p,
        d.data().rows(), truth.edgeCount(), causal4j, causal4jOne, theirSide, difference,
        ours.stats().testsPerformed(), ours.stats().scoreEvaluations(), tetradNote);
  }

  /** CPU time of this JVM (every thread, garbage collection included), as Tetrad's runner reads. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // Temporary files left behind are harmless.
    }
  }

  /** Options of the benchmark; defaults as the command line's. */
  public static final class Builder {
    private int[] sizes = {50, 200, 500};
    private List<NamedDataset> datasets = List.of();
    private int samples = 1000;
    private double degree = 2;
    private int repeats = 3;
    private int warmups = 1;
    private List<BenchmarkAlgorithm> algorithms = List.of(BenchmarkAlgorithms.PC_STABLE);
    private int threads = Runtime.getRuntime().availableProcessors();
    private long seed = 1;
    private boolean useTetrad = true;
    private String tetradHeap = "4g";
    private Consumer<String> progress = s -> { };

    private Builder() {}

    /** Numbers of variables, one benchmark data set each. */
    public Builder sizes(int... sizes) {
      if (sizes.length == 0) {
        throw new InvalidInputException("--sizes is empty; give numbers of variables, e.g. 50,200");
      }
      for (int p : sizes) {
        if (p < 2) {
          throw new InvalidInputException("--sizes: " + p + " variables is too few; use 2 or more");
        }
      }
      this.sizes = sizes.clone();
      return this;
    }

    /**
     * Given data sets with their true DAGs, run instead of simulated ones (the sizes, samples,
     * degree and seed are then not used).
     */
    public Builder datasets(List<NamedDataset> datasets) {
      this.datasets = List.copyOf(datasets);
      return this;
    }

    public Builder samples(int n) {
      if (n < 10) {
        throw new InvalidInputException("--samples must be at least 10; got " + n);
      }
      this.samples = n;
      return this;
    }

    public Builder averageDegree(double d) {
      if (!(d > 0)) {
        throw new InvalidInputException("--degree must be positive; got " + d);
      }
      this.degree = d;
      return this;
    }

    /** Timed runs of each side (medians are reported). */
    public Builder repeats(int r) {
      if (r < 1) {
        throw new InvalidInputException("--repeats must be at least 1; got " + r);
      }
      this.repeats = r;
      return this;
    }

    /** Untimed runs of each side first, so that both JVMs have compiled the hot code. */
    public Builder warmups(int w) {
      if (w < 0) {
        throw new InvalidInputException("--warmups must be 0 or more; got " + w);
      }
      this.warmups = w;
      return this;
    }

    public Builder algorithms(List<BenchmarkAlgorithm> algorithms) {
      if (algorithms.isEmpty()) {
        throw new InvalidInputException("--algorithms is empty; name some of "
            + BenchmarkAlgorithms.names());
      }
      this.algorithms = List.copyOf(algorithms);
      return this;
    }

    /** Causal4J's threads (and Tetrad's, where it takes a number). */
    public Builder threads(int t) {
      if (t < 1) {
        throw new InvalidInputException("--threads must be at least 1; got " + t);
      }
      this.threads = t;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Whether to run Tetrad where its runner is built (on by default). */
    public Builder tetrad(boolean use) {
      this.useTetrad = use;
      return this;
    }

    /** The {@code -Xmx} of Tetrad's JVM (default 4g). */
    public Builder tetradHeap(String heap) {
      if (!heap.matches("\\d+[kKmMgG]?")) {
        throw new InvalidInputException("Tetrad's heap must look like 4g or 8000m; got " + heap);
      }
      this.tetradHeap = heap;
      return this;
    }

    /** Where to report what is running (one line per step). */
    public Builder progress(Consumer<String> progress) {
      this.progress = Objects.requireNonNull(progress);
      return this;
    }

    public DiscoveryBenchmark build() {
      return new DiscoveryBenchmark(this);
    }
  }
}
