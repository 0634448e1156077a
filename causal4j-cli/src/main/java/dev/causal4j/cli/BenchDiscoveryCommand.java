package dev.causal4j.cli;

import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.networks.BifNetwork;
import dev.causal4j.bench.suite.BenchmarkAlgorithms;
import dev.causal4j.bench.suite.DiscoveryBenchmark;
import dev.causal4j.bench.suite.DiscoveryBenchmarkResult;
import dev.causal4j.bench.suite.NamedDataset;
import dev.causal4j.data.DataReader;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.GraphFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j bench discovery}: Causal4J's structure learning beside Tetrad 7.6.6's on the
 * same seeded simulated data ({@link DiscoveryBenchmark}): search times (medians, both tools in
 * turns), speed-ups, and both sides' adjacency and arrowhead F1 against the true graph.
 */
@Command(
    name = "discovery",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Time Causal4J's discovery beside Tetrad 7.6.6's on the same simulated data, and score"
          + " both against the true graph.",
      "Prints a table; --out writes everything as JSON. Tetrad runs in its own JVM when its"
          + " runner is built (needs a JDK 21+; see docs/benchmarks.md), otherwise only Causal4J"
          + " runs and the table says so."
    },
    footer = {
      "",
      "Examples:",
      "  causal4j bench discovery",
      "  causal4j bench discovery --sizes 200,500 --samples 1000 --degree 2 --repeats 5"
          + " --out results.json",
      "  causal4j bench discovery --algorithms pc-stable,pc --threads 1 --seed 7",
      "  causal4j bench discovery --data examples/sachs.csv --truth sachs-truth.txt"
          + " --data alarm.csv --truth alarm.bif"
    })
public final class BenchDiscoveryCommand implements Callable<Integer> {
  enum Format {
    TEXT,
    JSON
  }

  @Spec CommandSpec spec;

  @Option(names = "--sizes", paramLabel = "P[,P…]", split = ",", defaultValue = "50,200,500",
      description = "Numbers of variables, one data set each (default: ${DEFAULT-VALUE}).")
  int[] sizes;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "1000",
      description = "Rows of each data set (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--degree", paramLabel = "D", defaultValue = "2",
      description = "Average degree of the random DAGs (default: ${DEFAULT-VALUE}).")
  double degree;

  @Option(names = "--repeats", paramLabel = "R", defaultValue = "3",
      description = "Timed runs of each tool; medians are reported (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--warmups", paramLabel = "W", defaultValue = "1",
      description = "Untimed runs of each tool first (default: ${DEFAULT-VALUE}).")
  int warmups;

  @Option(names = "--algorithms", paramLabel = "A[,A…]", defaultValue = "pc-stable",
      description = "Algorithms to run, from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = AlgorithmNames.class)
  String algorithms;

  @Option(names = "--threads", paramLabel = "T",
      description = "Causal4J's threads (default: every processor, as Tetrad's PC uses); with"
          + " more than one, Causal4J is timed on one thread too.")
  Integer threads;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the simulated data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--data", paramLabel = "FILE",
      description = "A data file to run instead of simulated data (repeat for several); each"
          + " needs a --truth, in the same order.")
  List<Path> data = new ArrayList<>();

  @Option(names = "--truth", paramLabel = "FILE",
      description = "The true DAG of the --data file in the same position: a BIF network, or a"
          + " graph file (JSON, Tetrad text or edge list).")
  List<Path> truths = new ArrayList<>();

  @Option(names = "--tetrad", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Run Tetrad where its runner is built (default; --no-tetrad runs Causal4J"
          + " only).")
  boolean tetrad;

  @Option(names = "--tetrad-heap", paramLabel = "SIZE", defaultValue = "4g",
      description = "Maximum heap of Tetrad's JVM (default: ${DEFAULT-VALUE}).")
  String tetradHeap;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = FormatConverter.class,
      description = "What to print: the table (default) or the JSON.")
  Format format;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (output.out != null && java.nio.file.Files.exists(output.out) && !output.force) {
      // Checked before hours of benchmarking, not after.
      throw new InvalidInputException(output.out
          + " already exists; choose another --out or add --force to overwrite it");
    }
    if (data.size() != truths.size()) {
      throw new InvalidInputException("give one --truth for each --data file (got " + data.size()
          + " --data and " + truths.size() + " --truth)");
    }
    List<NamedDataset> given = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      Path t = truths.get(i);
      Graph dag = t.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bif")
          ? BifNetwork.read(t).dag() : GraphFiles.read(t);
      given.add(new NamedDataset(name(data.get(i)), DataReader.read(data.get(i)), dag));
    }
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> progress = System.console() != null
        ? line -> {
          err.println("bench: " + line);
          err.flush();
        }
        : line -> { };
    DiscoveryBenchmarkResult result = DiscoveryBenchmark.builder()
        .sizes(sizes)
        .samples(samples)
        .averageDegree(degree)
        .repeats(repeats)
        .warmups(warmups)
        .algorithms(BenchmarkAlgorithms.parse(algorithms))
        .threads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
        .seed(seed)
        .datasets(given)
        .tetrad(tetrad)
        .tetradHeap(tetradHeap)
        .progress(progress)
        .build()
        .run();
    String json = result.toJson();
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.JSON ? json : result.table());
    out.flush();
    if (output.out != null) {
      OutputOptions.writeFile(output.out, json, output.force);
      err.println("bench: wrote " + output.out);
      err.flush();
    }
    return 0;
  }

  /** A data file's name without its directory and extensions, for tables. */
  private static String name(Path file) {
    String n = file.getFileName().toString();
    int dot = n.indexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** The algorithm names, for --help. */
  static final class AlgorithmNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return BenchmarkAlgorithms.ALL.stream().map(a -> a.name()).iterator();
    }
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a format; use text or json");
      }
    }
  }
}
