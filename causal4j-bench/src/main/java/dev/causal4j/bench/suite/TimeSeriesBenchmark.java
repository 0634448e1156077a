package dev.causal4j.bench.suite;

import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.metrics.Counts;
import dev.causal4j.bench.metrics.LaggedGraphComparison;
import dev.causal4j.bench.metrics.LaggedGraphMetrics;
import dev.causal4j.bench.simulate.SimulatedTimeSeries;
import dev.causal4j.bench.simulate.SvarSimulation;
import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.ReadOptions;
import dev.causal4j.discovery.timeseries.ConvergentCrossMapping;
import dev.causal4j.discovery.timeseries.Granger;
import dev.causal4j.discovery.timeseries.LaggedDesign;
import dev.causal4j.discovery.timeseries.Pcmci;
import dev.causal4j.discovery.timeseries.PcmciPlus;
import dev.causal4j.discovery.timeseries.SvarFci;
import dev.causal4j.discovery.timeseries.TimeSeries;
import dev.causal4j.discovery.timeseries.TimeSeriesResult;
import dev.causal4j.discovery.timeseries.VarLingam;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.TimeSeriesCpdag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The time-series benchmarks behind {@code causal4j bench timeseries}:
 *
 * <ul>
 *   <li>{@link #speed}: PCMCI+ with ParCorr on a random linear-Gaussian SVAR ({@link
 *       SvarSimulation} defaults) of {@code p} series, largest lag {@code L} and {@code n} time
 *       points: search time (from the {@link TimeSeries} to the graph, the lagged design and its
 *       covariance included, the simulation not), tests, and F1 against the true time-series
 *       CPDAG.
 *   <li>{@link #realData}: each algorithm on the benchmark folders of {@code data/time_series}
 *       (NetSim, Lorenz-96, the fMRI feedback networks), F1 against their published structure.
 *       Counts are pooled over the files of a dataset (micro-averaged F1). NetSim's 50 subjects
 *       are one panel (50 series of one process); each Lorenz-96 replicate and each fMRI
 *       simulation is searched on its own.
 * </ul>
 *
 * <p>Lagged F1 needs a lagged truth: Lorenz-96's is every listed edge at lag 1 (the GVAR
 * convention; the series are sampled every 0.05 time units, so effects also show at longer
 * lags). NetSim and the fMRI networks give only which region drives which, so they are scored on
 * the summary graph: adjacency (pairs linked at any lag or contemporaneously, either way) and
 * directed pairs ({@code -->} at some lag).
 */
public final class TimeSeriesBenchmark {
  private TimeSeriesBenchmark() {}

  /** The algorithms the benchmark runs, as the command line names them. */
  public enum Algorithm {
    PCMCI(Pcmci.NAME),
    PCMCI_PLUS(PcmciPlus.NAME),
    SVAR_FCI(SvarFci.NAME),
    VAR_LINGAM(VarLingam.NAME),
    GRANGER(Granger.NAME),
    CCM(ConvergentCrossMapping.NAME);

    private final String label;

    Algorithm(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The algorithm of that name. */
    public static Algorithm parse(String name) {
      for (Algorithm a : values()) {
        if (a.label.equalsIgnoreCase(name.trim())) {
          return a;
        }
      }
      throw new InvalidInputException("'" + name + "' is not a time-series algorithm; use pcmci,"
          + " pcmci-plus, svar-fci, var-lingam, granger or ccm");
    }

    /** Runs with ParCorr (PCMCI family, SVAR-FCI) or the defaults (CCM: seed 0) at {@code alpha}. */
    public TimeSeriesResult run(TimeSeries s, int maxLag, double alpha, int threads) {
      s.checkMaxLag(maxLag, "the maximum lag");
      return switch (this) {
        case PCMCI -> Pcmci.builder(LaggedDesign.of(s, Pcmci.designDepth(maxLag))
            .parCorr(threads), s.names()).maxLag(maxLag).alpha(alpha).threads(threads).build()
            .search();
        case PCMCI_PLUS -> PcmciPlus.builder(LaggedDesign.of(s, PcmciPlus.designDepth(maxLag))
            .parCorr(threads), s.names()).maxLag(maxLag).alpha(alpha).threads(threads).build()
            .search();
        case SVAR_FCI -> SvarFci.builder(LaggedDesign.of(s, SvarFci.designDepth(maxLag))
            .parCorr(threads), s.names()).maxLag(maxLag).alpha(alpha).threads(threads).build()
            .search();
        case VAR_LINGAM -> VarLingam.builder().maxLag(maxLag).alpha(alpha).threads(threads)
            .build().search(s);
        case GRANGER -> Granger.builder().maxLag(maxLag).alpha(alpha).threads(threads).build()
            .search(s);
        case CCM -> ConvergentCrossMapping.builder().maxLag(maxLag).alpha(alpha)
            .threads(threads).build().search(s);
      };
    }
  }

  /** One timed PCMCI+ run on simulated data. */
  public record SpeedRun(int variables, int maxLag, int samples, double seconds, long tests,
      int trueLinks, int foundLinks, LaggedGraphComparison comparison) {}

  /** Times PCMCI+ with ParCorr at {@code alpha} on one seeded random SVAR. */
  public static SpeedRun speed(int variables, int maxLag, int samples, double alpha, int threads,
      long seed) {
    SimulatedTimeSeries sim = SvarSimulation.builder().variables(variables).maxLag(maxLag)
        .samples(samples).seed(seed).build().simulate();
    TimeSeries ts = TimeSeries.of(sim.data());
    long start = System.nanoTime();
    TimeSeriesResult r = Algorithm.PCMCI_PLUS.run(ts, maxLag, alpha, threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    LaggedGraph truth = TimeSeriesCpdag.of(sim.trueGraph());
    return new SpeedRun(variables, maxLag, samples, seconds, r.stats().testsPerformed(),
        truth.linkCount(), r.graph().linkCount(), LaggedGraphMetrics.compare(truth, r.graph()));
  }

  /**
   * One small untimed search, so that the timed ones measure compiled code: in a fresh JVM the
   * first PCMCI+ search spends about a second in the interpreter and the JIT compiler.
   */
  public static void warmUp(int threads) {
    speed(10, 2, 1000, 0.01, threads, 0);
  }

  /** One algorithm's scores on one dataset; lagged counts are null without a lagged truth. */
  public record DatasetScore(String dataset, Algorithm algorithm, int maxLag, int files,
      double seconds, Counts lagged, Counts summaryAdjacency, Counts summaryDirected) {}

  /** A dataset of the folder: its files, the largest lag searched and the true edges. */
  private record Benchmark(String name, List<Dataset> data, int maxLag, List<String[]> truth,
      boolean laggedTruth) {}

  /**
   * Runs each algorithm on every dataset under {@code dir} (the layout of {@code
   * data/time_series}: {@code netsim/}, {@code lorenz96/}, {@code fmri_feedbacks/}).
   *
   * @throws InvalidInputException if {@code dir} has none of them
   */
  public static List<DatasetScore> realData(Path dir, List<Algorithm> algorithms, double alpha,
      int threads) {
    List<Benchmark> benchmarks = load(dir);
    List<DatasetScore> out = new ArrayList<>();
    for (Benchmark b : benchmarks) {
      for (Algorithm a : algorithms) {
        int[] lag = new int[3];
        int[] adj = new int[3];
        int[] dir2 = new int[3];
        double seconds = 0;
        for (Dataset d : b.data()) {
          TimeSeries ts = TimeSeries.of(d);
          long start = System.nanoTime();
          TimeSeriesResult r = a.run(ts, b.maxLag(), alpha, threads);
          seconds += (System.nanoTime() - start) / 1e9;
          LaggedGraphMetrics.SummaryComparison s =
              LaggedGraphMetrics.compareSummary(b.truth(), r.graph());
          add(adj, s.adjacency());
          add(dir2, s.directed());
          if (b.laggedTruth()) {
            LaggedGraph.Builder t = LaggedGraph.builder(r.graph().variables(), b.maxLag());
            for (String[] e : b.truth()) {
              t.directed(r.graph().indexOf(e[0]), r.graph().indexOf(e[1]), 1);
            }
            add(lag, LaggedGraphMetrics.compare(t.build(), r.graph()).links());
          }
        }
        out.add(new DatasetScore(b.name(), a, b.maxLag(), b.data().size(), seconds,
            b.laggedTruth() ? counts(lag) : null, counts(adj), counts(dir2)));
      }
    }
    return out;
  }

  private static void add(int[] sum, Counts c) {
    sum[0] += c.truePositives();
    sum[1] += c.falsePositives();
    sum[2] += c.falseNegatives();
  }

  private static Counts counts(int[] sum) {
    return new Counts(sum[0], sum[1], sum[2]);
  }

  private static List<Benchmark> load(Path dir) {
    List<Benchmark> out = new ArrayList<>();
    for (String sim : List.of("sim1", "sim2")) {
      Path data = dir.resolve("netsim").resolve("netsim_" + sim + "_timeseries.csv");
      if (Files.isRegularFile(data)) {
        Dataset d = DataReader.read(data, ReadOptions.builder().time("t").domain("subject")
            .build());
        out.add(new Benchmark("netsim-" + sim, List.of(d), 2, distinctEdges(
            dir.resolve("netsim").resolve("netsim_" + sim + "_true_edges_per_subject.csv")),
            false));
      }
    }
    Path lorenz = dir.resolve("lorenz96");
    if (Files.isDirectory(lorenz)) {
      List<Dataset> data = new ArrayList<>();
      for (Path f : list(lorenz, "lorenz96_p20_T500_r", ".csv")) {
        data.add(DataReader.read(f));
      }
      if (!data.isEmpty()) {
        out.add(new Benchmark("lorenz96", data, 1,
            distinctEdges(lorenz.resolve("lorenz96_r0_true_edges.csv")), true));
      }
    }
    Path fmri = dir.resolve("fmri_feedbacks");
    if (Files.isDirectory(fmri)) {
      for (Path net : list(fmri, "Network", "")) {
        List<Dataset> data = new ArrayList<>();
        for (Path f : list(net, "sim-", ".tsv")) {
          data.add(DataReader.read(f));
        }
        String name = net.getFileName().toString();
        out.add(new Benchmark("fmri-" + name, data, 1,
            distinctEdges(net.resolve(name + "_true_edges.csv")), false));
      }
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(dir + " has none of netsim/, lorenz96/ or fmri_feedbacks/;"
          + " give the data/time_series folder");
    }
    return out;
  }

  /** The distinct {@code source,target} pairs of an edge file (extra columns ignored). */
  private static List<String[]> distinctEdges(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      String[] header = lines.get(0).split(",");
      int s = List.of(header).indexOf("source");
      int t = List.of(header).indexOf("target");
      if (s < 0 || t < 0) {
        throw new InvalidInputException(file + " has no source and target columns");
      }
      Set<String> seen = new LinkedHashSet<>();
      List<String[]> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        if (seen.add(f[s] + "\u0000" + f[t])) {
          out.add(new String[] {f[s].trim(), f[t].trim()});
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, String prefix, String suffix) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(prefix) && n.endsWith(suffix);
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fraction as text, {@code n/a} for NaN. */
  public static String format(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }
}
