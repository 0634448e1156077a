package dev.causal4j.discovery.resampling;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.io.AnnotatedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs any search on many resamples of the data and reports, for every pair of variables, how
 * often each kind of edge joined them, with an ensemble graph of the edges found often enough
 * (Friedman, Goldszmidt &amp; Wyner 1999, "Data analysis with Bayesian networks: a bootstrap
 * approach"; subsampling as in stability selection, Meinshausen &amp; Bühlmann 2010).
 *
 * <p>The ensemble keeps a pair when the fraction of runs in which it was adjacent reaches the
 * threshold, with the edge kind seen most often among those runs (ties: the order {@code -->},
 * {@code <--}, … of {@link EdgeFrequencies#index}); each kept edge carries, as its probability,
 * the fraction of runs that had exactly that edge. The ensemble takes the kind label its runs
 * share (CPDAG, PAG, DAG), which says how to read its marks; it is a summary and need not itself
 * be a valid CPDAG or PAG.
 *
 * <p>Runs execute in parallel, each on one thread, with the resample of run {@code r} drawn from a
 * generator seeded by ({@code seed}, {@code r}); counts are combined in run order, so the result is
 * the same on any number of threads. A run whose search rejects its resample (for example a
 * category that is absent, making a column constant) is counted as failed and left out; if every
 * run fails the first failure is reported.
 */
public final class Resampling {

  /** How each resample is drawn. */
  public enum Method {
    /** {@code n} rows drawn with replacement. */
    BOOTSTRAP,
    /** A fraction of the rows drawn without replacement. */
    SUBSAMPLE
  }

  private final Function<Dataset, DiscoveryResult> search;
  private final Method method;
  private final int samples;
  private final double fraction;
  private final double threshold;
  private final long seed;
  private final int threads;

  private Resampling(Builder b) {
    this.search = b.search;
    this.method = b.method;
    this.samples = b.samples;
    this.fraction = b.fraction;
    this.threshold = b.threshold;
    this.seed = b.seed;
    this.threads = b.threads;
  }

  /**
   * @param search runs the search on a (resampled) dataset; it is called from several threads at
   *     once and must build its tests or scores from the dataset it is given
   */
  public static Builder builder(Function<Dataset, DiscoveryResult> search) {
    return new Builder(search);
  }

  /** Resamples {@code data}, runs the search on each resample and summarises the edges. */
  public ResamplingResult run(Dataset data) {
    long start = System.nanoTime();
    int n = data.rows();
    int size = method == Method.BOOTSTRAP ? n : (int) Math.floor(fraction * n);
    if (size < 2) {
      throw new InvalidInputException(
          "a resample of " + size + " row(s) is too small; use more data or a larger --subsample");
    }
    Graph[] graphs = new Graph[samples];
    RuntimeException[] failures = new RuntimeException[samples];
    Parallel.forEach(threads, samples, r -> {
      // A Long seed is expanded by SplitMix64; a raw long[] state could be all zeros.
      UniformRandomProvider rng =
          RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 0x9E3779B97F4A7C15L * (r + 1));
      int[] rows = method == Method.BOOTSTRAP ? bootstrap(rng, n) : subsample(rng, n, size);
      try {
        graphs[r] = search.apply(data.selectRows(rows)).graph();
      } catch (InvalidInputException e) {
        failures[r] = e;
      }
    });
    List<Graph> ok = new ArrayList<>();
    RuntimeException firstFailure = null;
    for (int r = 0; r < samples; r++) {
      if (graphs[r] != null) {
        ok.add(graphs[r]);
      } else if (firstFailure == null) {
        firstFailure = failures[r];
      }
    }
    if (ok.isEmpty()) {
      throw new InvalidInputException(
          "every resampled search failed; the first said: " + firstFailure.getMessage());
    }
    List<String> names = ok.get(0).nodeNames();
    TreeMap<Long, int[]> counts = new TreeMap<>();
    int p = names.size();
    for (Graph g : ok) {
      for (var e : g.edges()) {
        int a = names.indexOf(g.name(e.from()));
        int b = names.indexOf(g.name(e.to()));
        Endpoint atA = e.atFrom();
        Endpoint atB = e.atTo();
        if (a > b) {
          int t = a;
          a = b;
          b = t;
          Endpoint m = atA;
          atA = atB;
          atB = m;
        }
        int[] c = counts.computeIfAbsent((long) a * p + b, k -> new int[10]);
        c[EdgeFrequencies.index(atA, atB)]++;
      }
    }
    List<EdgeFrequencies> pairs = new ArrayList<>();
    for (var entry : counts.entrySet()) {
      int[] c = entry.getValue();
      int seen = 0;
      for (int i = 0; i < 9; i++) {
        seen += c[i];
      }
      c[EdgeFrequencies.NONE] = ok.size() - seen;
      pairs.add(new EdgeFrequencies((int) (entry.getKey() / p), (int) (entry.getKey() % p),
          ok.size(), c));
    }
    GraphKind kind = ok.get(0).kind();
    for (Graph g : ok) {
      if (g.kind() != kind) {
        kind = GraphKind.GENERAL;
      }
    }
    MutableGraph ensemble = new MutableGraph(names, kind);
    List<double[]> kept = new ArrayList<>();
    for (EdgeFrequencies f : pairs) {
      if (f.adjacency() >= threshold && f.adjacency() > 0) {
        int best = 0;
        for (int i = 1; i < 9; i++) {
          if (f.counts()[i] > f.counts()[best]) {
            best = i;
          }
        }
        Endpoint[] m = Endpoint.values();
        ensemble.setEdge(f.a(), f.b(), m[best / 3], m[best % 3]);
        kept.add(new double[] {f.a(), f.b(), (double) f.counts()[best] / f.runs()});
      }
    }
    AnnotatedGraph.Builder annotated = AnnotatedGraph.builder(ensemble.snapshot());
    for (double[] k : kept) {
      annotated.probability((int) k[0], (int) k[1], k[2]);
    }
    List<String> warnings = new ArrayList<>();
    if (ok.size() < samples) {
      warnings.add((samples - ok.size()) + " of " + samples + " resampled searches failed and"
          + " were left out; the first said: " + firstFailure.getMessage());
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    return new ResamplingResult(annotated.build(), pairs, samples, ok.size(), elapsed, warnings);
  }

  private static int[] bootstrap(UniformRandomProvider rng, int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = rng.nextInt(n);
    }
    return rows;
  }

  private static int[] subsample(UniformRandomProvider rng, int n, int size) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < size; i++) {
      int j = i + rng.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] rows = java.util.Arrays.copyOf(all, size);
    java.util.Arrays.sort(rows);
    return rows;
  }

  /** Options; defaults: 100 bootstrap samples, threshold 0.5, seed 0, all processors. */
  public static final class Builder {
    private final Function<Dataset, DiscoveryResult> search;
    private Method method = Method.BOOTSTRAP;
    private int samples = 100;
    private double fraction = 0.5;
    private double threshold = 0.5;
    private long seed;
    private int threads = Parallel.availableThreads();

    private Builder(Function<Dataset, DiscoveryResult> search) {
      this.search = Objects.requireNonNull(search, "search");
    }

    public Builder method(Method method) {
      this.method = Objects.requireNonNull(method);
      return this;
    }

    /** The number of resampled searches, at least 1. */
    public Builder samples(int samples) {
      if (samples < 1) {
        throw new InvalidInputException(
            "the number of bootstrap samples must be at least 1 (100 is usual); got " + samples);
      }
      this.samples = samples;
      return this;
    }

    /** For {@link Method#SUBSAMPLE}: the fraction of rows in each resample, in (0, 1). */
    public Builder subsampleFraction(double fraction) {
      if (!(fraction > 0 && fraction < 1)) {
        throw new InvalidInputException(
            "the subsample fraction must be between 0 and 1 (0.5 is usual); got " + fraction);
      }
      this.fraction = fraction;
      return this;
    }

    /** The fraction of runs in which a pair must be adjacent to enter the ensemble, in [0, 1]. */
    public Builder threshold(double threshold) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new InvalidInputException(
            "the ensemble threshold must be between 0 and 1; got " + threshold);
      }
      this.threshold = threshold;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new InvalidInputException("--threads must be at least 1; got " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Resampling build() {
      return new Resampling(this);
    }
  }
}
