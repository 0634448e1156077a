package dev.causal4j.cli;

import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.networks.BifNetwork;
import dev.causal4j.bench.simulate.GraphModel;
import dev.causal4j.bench.simulate.Mechanism;
import dev.causal4j.bench.simulate.MissingMechanism;
import dev.causal4j.bench.simulate.NoiseDistribution;
import dev.causal4j.bench.simulate.SimulatedData;
import dev.causal4j.bench.simulate.Simulation;
import dev.causal4j.bench.simulate.Simulator;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.DatasetWriter;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.Pag;
import dev.causal4j.graph.io.GraphJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j simulate}: data with a known causal graph, for benchmarks and for trying
 * methods. Writes {@code DIR/data.csv} (observed variables; a {@code domain} column with several
 * domains) and {@code DIR/truth.json} (the true DAG over every node, hidden ones listed in {@code
 * "latent"}); with hidden nodes also {@code DIR/truth-pag.json}, the PAG over the observed ones
 * ({@link Pag#ofDag}), which FCI-family output is scored against. Same options and seed, same
 * files, on any machine.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Simulate data from a random causal model (or a BIF network) and write the data and the"
          + " true graph.",
      "Writes DIR/data.csv and DIR/truth.json (the true DAG over all nodes; hidden ones are"
          + " listed under \"latent\" and left out of the data); with hidden nodes also"
          + " DIR/truth-pag.json, the PAG over the observed ones. Same seed, same files."
    },
    footer = {
      "",
      "Examples:",
      "  causal4j simulate --model linear-gaussian --nodes 50 --degree 3 --samples 1000 --seed 7"
          + " --out sim1",
      "  causal4j simulate --model discrete --nodes 20 --latent 2 --missing 0.05 --seed 1"
          + " --out sim2",
      "  causal4j simulate --model bif --network alarm.bif --samples 5000 --seed 3 --out alarm",
      "  causal4j simulate --model svar --nodes 10 --max-lag 3 --samples 2000 --seed 1 --out ts"
    })
public final class SimulateCommand implements Callable<Integer> {

  /** The --model choices, in the words a user types. */
  enum Model {
    LINEAR_GAUSSIAN("linear-gaussian"),
    LINEAR_UNIFORM("linear-uniform"),
    LINEAR_LAPLACE("linear-laplace"),
    LINEAR_EXPONENTIAL("linear-exponential"),
    NONLINEAR("nonlinear"),
    DISCRETE("discrete"),
    MIXED("mixed"),
    BIF("bif"),
    SVAR("svar", true),
    SVAR_LAPLACE("svar-laplace", true),
    SVAR_NONLINEAR("svar-nonlinear", true),
    LORENZ96("lorenz96", true),
    LOGISTIC("logistic", true);

    final String word;
    /** Writes a time series and a lagged graph ({@link TimeSeriesSimulations}). */
    final boolean timeSeries;

    Model(String word) {
      this(word, false);
    }

    Model(String word, boolean timeSeries) {
      this.word = word;
      this.timeSeries = timeSeries;
    }

    @Override
    public String toString() {
      return word;
    }

    static Model parse(String s) {
      for (Model m : values()) {
        if (m.word.equalsIgnoreCase(s)) {
          return m;
        }
      }
      throw new IllegalArgumentException("'" + s + "' is not a model; use one of linear-gaussian,"
          + " linear-uniform, linear-laplace, linear-exponential, nonlinear, discrete, mixed, bif,"
          + " or for time series svar, svar-laplace, svar-nonlinear, lorenz96, logistic");
    }
  }

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL", converter = ModelConverter.class,
      description = "linear-gaussian, linear-uniform, linear-laplace, linear-exponential (linear"
          + " SEMs with that noise), nonlinear (additive noise, random smooth functions),"
          + " discrete (Dirichlet CPTs), mixed (conditional Gaussian), or bif (sample --network);"
          + " time series: svar, svar-laplace, svar-nonlinear (structural VARs with lagged and"
          + " contemporaneous links), lorenz96 (chaotic ODE), logistic (coupled logistic maps).")
  Model model;

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "10",
      description = "Nodes in the random DAG, hidden ones included (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--degree", paramLabel = "D", defaultValue = "2",
      description = "Average degree (edges per node, both ends counted) (default: ${DEFAULT-VALUE}).")
  double degree;

  @Option(names = "--graph", paramLabel = "er|scale-free", defaultValue = "er",
      converter = GraphConverter.class,
      description = "Random graph family: Erdős–Rényi or scale-free (default: ${DEFAULT-VALUE}).")
  GraphModel graph;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "1000",
      description = "Rows, over all domains (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--latent", paramLabel = "K", defaultValue = "0",
      description = "Hidden confounders (nodes with two or more children), left out of the data.")
  int latent;

  @Option(names = "--domains", paramLabel = "K", defaultValue = "1",
      description = "Domains with mechanism changes; adds a 'domain' column (default: 1).")
  int domains;

  @Option(names = "--measurement-error", paramLabel = "R", defaultValue = "0",
      description = "Measurement-noise variance as a fraction of each continuous variable's"
          + " variance (signal-to-noise 1/R).")
  double measurementError;

  @Option(names = "--missing", paramLabel = "R", defaultValue = "0",
      description = "Fraction of values to remove (MCAR unless --missing-mechanism mar).")
  double missing;

  @Option(names = "--missing-mechanism", paramLabel = "mcar|mar", defaultValue = "mcar",
      converter = MissingConverter.class, description = "How values go missing (default: mcar).")
  MissingMechanism missingMechanism;

  @Option(names = "--levels", paramLabel = "K", defaultValue = "3",
      description = "Levels of each discrete variable (default: ${DEFAULT-VALUE}).")
  int levels;

  @Option(names = "--standardize", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Rescale continuous variables to mean 0, variance 1 (default; --no-standardize"
          + " keeps the raw SEM scale, whose variances grow along the causal order).")
  boolean standardize;

  @Option(names = "--max-lag", paramLabel = "L", defaultValue = "2",
      description = "svar models: the largest lag of the random links (default: ${DEFAULT-VALUE}).")
  int maxLag;

  @Option(names = "--series", paramLabel = "K", defaultValue = "1",
      description = "Time-series models: independent series of --samples time points each, told"
          + " apart by a 'series' column (default: ${DEFAULT-VALUE}).")
  int series;

  @Option(names = "--network", paramLabel = "FILE.bif",
      description = "The Bayesian network to sample with --model bif.")
  Path network;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Directory for data.csv and truth.json (created if needed).")
  Path out;

  @Option(names = "--force", description = "Write into --out even if it is not empty.")
  boolean force;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    prepareDirectory();
    if (model.timeSeries) {
      String done = TimeSeriesSimulations.run(this);
      spec.commandLine().getErr().printf(Locale.ROOT, "%s in %.1f s%n", done,
          (System.nanoTime() - start) / 1e9);
      spec.commandLine().getErr().flush();
      return 0;
    }
    if (series != 1) {
      throw new InvalidInputException("--series is for the time-series models; use --domains for"
          + " --model " + model.word);
    }
    Dataset data;
    Graph truth;
    if (model == Model.BIF) {
      if (network == null) {
        throw new InvalidInputException("--model bif needs --network FILE.bif");
      }
      if (latent > 0 || domains > 1 || measurementError > 0 || missing > 0) {
        throw new InvalidInputException("--model bif samples the network as it is; --latent,"
            + " --domains, --measurement-error and --missing apply to random models only");
      }
      if (samples < 1) {
        throw new InvalidInputException("--samples must be at least 1; got " + samples);
      }
      BifNetwork net = BifNetwork.read(network);
      data = net.sample(samples, seed);
      truth = net.dag();
    } else {
      if (network != null) {
        throw new InvalidInputException("--network is for --model bif; drop it or use --model bif");
      }
      SimulatedData sim = Simulator.simulate(simulation());
      data = sim.data();
      truth = sim.trueDag();
    }
    Path csv = out.resolve("data.csv");
    Path json = out.resolve("truth.json");
    OutputOptions.writeAtomically(csv, tmp -> DatasetWriter.csv().write(data, tmp));
    OutputOptions.writeAtomically(json, tmp -> Files.writeString(tmp, GraphJson.write(truth)));
    int hidden = Graphs.latentNodes(truth).length;
    String pagNote = "";
    if (hidden > 0) {
      Path pagJson = out.resolve("truth-pag.json");
      Graph pag = Pag.ofDag(truth);
      OutputOptions.writeAtomically(pagJson, tmp -> Files.writeString(tmp, GraphJson.write(pag)));
      pagNote = String.format(Locale.ROOT, " and %s (the PAG over the observed variables, %d"
          + " edges)", pagJson, pag.edgeCount());
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "simulate: wrote %s (%d rows × %d variables%s) and %s (%d nodes, %d"
            + " edges)%s in %.1f s%n", csv, data.rows(), data.columns(),
        hidden > 0 ? ", " + hidden + " hidden left out" : "", json, truth.size(),
        truth.edgeCount(), pagNote, (System.nanoTime() - start) / 1e9);
    err.flush();
    return 0;
  }

  private Simulation simulation() {
    Mechanism mechanism = switch (model) {
      case LINEAR_GAUSSIAN -> Mechanism.LINEAR_GAUSSIAN;
      case LINEAR_UNIFORM, LINEAR_LAPLACE, LINEAR_EXPONENTIAL -> Mechanism.LINEAR_NON_GAUSSIAN;
      case NONLINEAR -> Mechanism.NONLINEAR_ADDITIVE;
      case DISCRETE -> Mechanism.DISCRETE_DIRICHLET;
      case MIXED -> Mechanism.MIXED_CONDITIONAL_GAUSSIAN;
      case BIF, SVAR, SVAR_LAPLACE, SVAR_NONLINEAR, LORENZ96, LOGISTIC ->
          throw new IllegalStateException(model + " is not a random SEM");
    };
    Simulation.Builder b = Simulation.builder().mechanism(mechanism).graphModel(graph)
        .nodes(nodes).averageDegree(degree).samples(samples).latentConfounders(latent)
        .domains(domains).measurementError(measurementError).missing(missing, missingMechanism)
        .levels(levels).standardize(standardize).seed(seed);
    switch (model) {
      case LINEAR_UNIFORM -> b.noise(NoiseDistribution.UNIFORM);
      case LINEAR_LAPLACE -> b.noise(NoiseDistribution.LAPLACE);
      case LINEAR_EXPONENTIAL -> b.noise(NoiseDistribution.EXPONENTIAL);
      default -> { }
    }
    return b.build();
  }

  private void prepareDirectory() {
    try {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new InvalidInputException("--out " + out + " is a file; give a directory");
      }
      if (Files.isDirectory(out) && !force) {
        try (Stream<Path> entries = Files.list(out)) {
          if (entries.findAny().isPresent()) {
            throw new InvalidInputException(out + " is not empty; choose another --out or add"
                + " --force to write data.csv and truth.json into it");
          }
        }
      }
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new InvalidInputException("cannot create " + out + ": " + e.getMessage(), e);
    }
  }

  static final class ModelConverter implements picocli.CommandLine.ITypeConverter<Model> {
    @Override
    public Model convert(String value) {
      try {
        return Model.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class GraphConverter implements picocli.CommandLine.ITypeConverter<GraphModel> {
    @Override
    public GraphModel convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "er", "erdos-renyi" -> GraphModel.ERDOS_RENYI;
        case "scale-free", "sf" -> GraphModel.SCALE_FREE;
        default -> throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a graph family; use er or scale-free");
      };
    }
  }

  static final class MissingConverter
      implements picocli.CommandLine.ITypeConverter<MissingMechanism> {
    @Override
    public MissingMechanism convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "mcar" -> MissingMechanism.MCAR;
        case "mar" -> MissingMechanism.MAR;
        default -> throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a missingness mechanism; use mcar or mar");
      };
    }
  }
}
