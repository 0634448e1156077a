package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.metrics.Counts;
import dev.causal4j.bench.suite.TimeSeriesBenchmark;
import dev.causal4j.bench.suite.TimeSeriesBenchmark.Algorithm;
import dev.causal4j.bench.suite.TimeSeriesBenchmark.DatasetScore;
import dev.causal4j.bench.suite.TimeSeriesBenchmark.SpeedRun;
import dev.causal4j.discovery.Parallel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j bench timeseries}: PCMCI+ speed on simulated SVARs over a grid of sizes and
 * lags, or, with {@code --data}, F1 of each time-series algorithm on the benchmark datasets.
 */
@Command(
    name = "timeseries",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Time PCMCI+ with ParCorr on random linear-Gaussian SVARs (seconds, tests, F1 against the"
          + " true time-series CPDAG) for each --variables and --max-lag, after one small untimed"
          + " search to warm up the JIT; or, with --data DIR, score pcmci, pcmci-plus, var-lingam,"
          + " granger (and ccm or svar-fci) on NetSim, Lorenz-96 and the fMRI feedback networks."
    },
    footer = {
      "",
      "Examples:",
      "  causal4j bench timeseries                       # p = 50, max lag 5, n = 2,000",
      "  causal4j bench timeseries --variables 10,20,50,100 --max-lag 1,3,5",
      "  causal4j bench timeseries --data data/time_series --format json"
    })
public final class TimeSeriesBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--variables", split = ",", paramLabel = "P[,P…]", defaultValue = "50",
      description = "Series in the simulated SVAR (default: ${DEFAULT-VALUE}).")
  List<Integer> variables;

  @Option(names = "--max-lag", split = ",", paramLabel = "L[,L…]", defaultValue = "5",
      description = "Largest lag, of the model and of the search (default: ${DEFAULT-VALUE}).")
  List<Integer> maxLags;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "2000",
      description = "Time points (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.01",
      description = "Significance level (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Score the algorithms on the datasets under DIR (netsim/, lorenz96/,"
          + " fmri_feedbacks/) instead of timing simulations.")
  Path data;

  @Option(names = "--algorithms", split = ",", paramLabel = "NAME[,NAME…]",
      defaultValue = "pcmci,pcmci-plus,var-lingam,granger",
      description = "With --data: the algorithms to score (default: ${DEFAULT-VALUE}); ccm or"
          + " svar-fci as well if named (its exact neighbour search takes minutes on NetSim's panels).")
  List<String> algorithms;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the simulated SVARs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: all processors).")
  Integer threads;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = EffectCommand.FormatConverter.class,
      description = "Output format (default: text).")
  EffectCommand.Format format;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    int th = threads == null ? Parallel.availableThreads() : threads;
    if (th < 1) {
      throw new InvalidInputException("--threads must be at least 1, not " + th);
    }
    boolean json = format == EffectCommand.Format.JSON;
    String text;
    if (data != null) {
      List<Algorithm> list = new ArrayList<>();
      for (String a : algorithms) {
        list.add(Algorithm.parse(a));
      }
      List<DatasetScore> scores = TimeSeriesBenchmark.realData(data, list, alpha, th);
      text = json ? scoresJson(scores) : scoresText(scores, th);
    } else {
      if (samples < 50) {
        throw new InvalidInputException("--samples must be at least 50, not " + samples);
      }
      List<SpeedRun> runs = new ArrayList<>();
      TimeSeriesBenchmark.warmUp(th);
      for (int p : variables) {
        for (int lag : maxLags) {
          if (p < 2 || lag < 1) {
            throw new InvalidInputException("--variables must be at least 2 and --max-lag at"
                + " least 1; got " + p + " and " + lag);
          }
          runs.add(TimeSeriesBenchmark.speed(p, lag, samples, alpha, th, seed));
        }
      }
      text = json ? speedJson(runs) : speedText(runs, th);
    }
    output.write(text, spec.commandLine().getOut());
    return 0;
  }

  private String speedText(List<SpeedRun> runs, int th) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "PCMCI+ with ParCorr on random linear-Gaussian SVARs,"
        + " n = %,d, alpha = %s, seed %d, %d thread(s)%n%n", samples, alpha, seed, th));
    sb.append(String.format(Locale.ROOT, "%5s %7s %9s %10s %11s %9s %9s %9s%n", "p", "max lag",
        "seconds", "tests", "true links", "found", "link F1", "orient F1"));
    for (SpeedRun r : runs) {
      sb.append(String.format(Locale.ROOT, "%5d %7d %9.2f %,10d %11d %9d %9s %9s%n",
          r.variables(), r.maxLag(), r.seconds(), r.tests(), r.trueLinks(), r.foundLinks(),
          TimeSeriesBenchmark.format(r.comparison().links().f1()),
          TimeSeriesBenchmark.format(r.comparison().orientedLinks().f1())));
    }
    return sb.toString();
  }

  private String speedJson(List<SpeedRun> runs) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("samples", samples).put("alpha", alpha).put("seed", seed);
    ArrayNode arr = root.putArray("runs");
    for (SpeedRun r : runs) {
      arr.addObject().put("variables", r.variables()).put("max_lag", r.maxLag())
          .put("seconds", r.seconds()).put("tests", r.tests()).put("true_links", r.trueLinks())
          .put("found_links", r.foundLinks()).put("link_f1", r.comparison().links().f1())
          .put("oriented_f1", r.comparison().orientedLinks().f1());
    }
    return write(mapper, root);
  }

  private String scoresText(List<DatasetScore> scores, int th) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Time-series algorithms on %s, alpha = %s, %d"
        + " thread(s); F1 pooled over each dataset's files%n%n", data, alpha, th));
    sb.append(String.format(Locale.ROOT, "%-24s %-11s %4s %5s %9s %10s %12s %12s%n", "dataset",
        "algorithm", "lag", "files", "seconds", "lagged F1", "summary adj", "summary dir"));
    for (DatasetScore s : scores) {
      sb.append(String.format(Locale.ROOT, "%-24s %-11s %4d %5d %9.2f %10s %12s %12s%n",
          s.dataset(), s.algorithm().label(), s.maxLag(), s.files(), s.seconds(),
          s.lagged() == null ? "-" : TimeSeriesBenchmark.format(s.lagged().f1()),
          TimeSeriesBenchmark.format(s.summaryAdjacency().f1()),
          TimeSeriesBenchmark.format(s.summaryDirected().f1())));
    }
    return sb.toString();
  }

  private String scoresJson(List<DatasetScore> scores) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("data", data.toString()).put("alpha", alpha);
    ArrayNode arr = root.putArray("scores");
    for (DatasetScore s : scores) {
      ObjectNode o = arr.addObject().put("dataset", s.dataset())
          .put("algorithm", s.algorithm().label()).put("max_lag", s.maxLag())
          .put("files", s.files()).put("seconds", s.seconds());
      if (s.lagged() != null) {
        counts(o.putObject("lagged"), s.lagged());
      }
      counts(o.putObject("summary_adjacency"), s.summaryAdjacency());
      counts(o.putObject("summary_directed"), s.summaryDirected());
    }
    return write(mapper, root);
  }

  private static void counts(ObjectNode o, Counts c) {
    o.put("tp", c.truePositives()).put("fp", c.falsePositives()).put("fn", c.falseNegatives())
        .put("precision", c.precision()).put("recall", c.recall()).put("f1", c.f1());
  }

  private static String write(ObjectMapper mapper, ObjectNode root) {
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
