package dev.causal4j.cli;

import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.analyst.AnalystBenchmark;
import dev.causal4j.bench.analyst.CopilotScenario;
import dev.causal4j.bench.analyst.CopilotScenarios;
import dev.causal4j.bench.analyst.FixedMethod;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j bench analyst}: the analyst against fixed algorithms on Causal-Copilot's
 * scenario grid, F1 under their optimistic metric and our strict one, beside their published
 * figure.
 */
@Command(
    name = "analyst",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the analyst and fixed algorithms on Causal-Copilot's simulated scenarios (p = 5-100,"
          + " density, non-Gaussian, nonlinear, domains, measurement error, missing values,"
          + " mixed types, hidden causes) and print the mean F1 over seeds under Causal-Copilot's optimistic"
          + " metric (undirected edges count as either direction) and the strict one (every"
          + " edge mark must match the true CPDAG, PAG or DAG), beside Copilot's published"
          + " figure."
    },
    footer = {
      "",
      "Examples:",
      "  causal4j bench analyst --seeds 3",
      "  causal4j bench analyst --scenarios p10,dense --algorithms pc-stable,boss --seeds 5",
      "  causal4j bench analyst --large-p --scenarios p500,p1000 --seeds 1"
    })
public final class AnalystBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--scenarios", split = ",", paramLabel = "NAME[,NAME…]",
      description = "Scenarios to run (default: every one with p <= 100): p5, p10, sparse,"
          + " dense, p25, p50, p100, p500, p1000, non-gaussian, nonlinear, heterogeneous,"
          + " measurement-error, missing, discrete-mixed, hidden.")
  List<String> scenarios;

  @Option(names = "--large-p", description = "Include p = 500 and 1000 in the default grid"
      + " (minutes per run).")
  boolean largeP;

  @Option(names = "--seeds", paramLabel = "K", defaultValue = "3",
      description = "Data sets per scenario, seeds S..S+K-1 (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1",
      description = "First seed (default: ${DEFAULT-VALUE}); develop rules on another range"
          + " than the one you report.")
  long firstSeed;

  @Option(names = "--algorithms", paramLabel = "NAME[,NAME…]",
      defaultValue = "pc-stable,boss,fges,directlingam,fci",
      description = "Fixed algorithms to compare with (default: ${DEFAULT-VALUE}); also gfci.")
  String algorithms;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Threads per search (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--verbose", description = "Print each run as it finishes, on stderr.")
  boolean verbose;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (seeds < 1) {
      throw new InvalidInputException("--seeds must be at least 1, not " + seeds);
    }
    if (threads < 1) {
      throw new InvalidInputException("--threads must be at least 1, not " + threads);
    }
    List<CopilotScenario> grid = scenarios == null ? CopilotScenarios.grid(largeP)
        : CopilotScenarios.named(scenarios);
    List<FixedMethod> fixed = FixedMethod.parse(algorithms);
    PrintWriter err = spec.commandLine().getErr();
    List<AnalystBenchmark.Run> runs = AnalystBenchmark.run(
        new AnalystBenchmark.Config(grid, firstSeed, seeds, fixed, threads), r -> {
          if (verbose) {
            err.printf(Locale.ROOT, "%s seed %d %s: optimistic %.3f strict %.3f %.1f s (%s)%n",
                r.scenario(), r.seed(), r.method(), r.optimisticF1(), r.strictF1(),
                r.seconds(), r.choice());
            err.flush();
          }
        });
    output.write(text(grid, fixed, seeds, AnalystBenchmark.summarize(runs)),
        spec.commandLine().getOut());
    return 0;
  }

  static String text(List<CopilotScenario> grid, List<FixedMethod> fixed, int seeds,
      List<AnalystBenchmark.Summary> summaries) {
    List<String> methods = new ArrayList<>();
    methods.add(AnalystBenchmark.ANALYST);
    fixed.forEach(m -> methods.add(m.label()));
    Map<String, Map<String, AnalystBenchmark.Summary>> by = new LinkedHashMap<>();
    for (AnalystBenchmark.Summary s : summaries) {
      by.computeIfAbsent(s.scenario(), k -> new LinkedHashMap<>()).put(s.method(), s);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Mean F1 over %d seed(s), n = %d; each cell"
        + " optimistic / strict (Copilot's metric / exact marks vs the true CPDAG, PAG or"
        + " DAG)%n%n", seeds, CopilotScenarios.ROWS));
    sb.append(String.format(Locale.ROOT, "%-18s %7s", "scenario", "copilot"));
    for (String m : methods) {
      sb.append(String.format(Locale.ROOT, " %13s", m));
    }
    sb.append(String.format(Locale.ROOT, "  %-13s %s%n", "best fixed", "analyst's choice"));
    double[] strictSum = new double[methods.size()];
    int[] strictCount = new int[methods.size()];
    for (CopilotScenario sc : grid) {
      Map<String, AnalystBenchmark.Summary> row = by.getOrDefault(sc.name(), Map.of());
      OptionalDouble cp = sc.copilotF1();
      sb.append(String.format(Locale.ROOT, "%-18s %7s", sc.name(),
          cp.isPresent() ? String.format(Locale.ROOT, "%.2f", cp.getAsDouble()) : "-"));
      String best = "-";
      double bestStrict = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < methods.size(); i++) {
        AnalystBenchmark.Summary s = row.get(methods.get(i));
        if (s == null) {
          sb.append(String.format(Locale.ROOT, " %13s", "n/a"));
          continue;
        }
        sb.append(String.format(Locale.ROOT, " %6.2f / %4.2f", s.optimisticF1(), s.strictF1()));
        strictSum[i] += s.strictF1();
        strictCount[i]++;
        if (i > 0 && s.strictF1() > bestStrict) {
          bestStrict = s.strictF1();
          best = methods.get(i);
        }
      }
      AnalystBenchmark.Summary a = row.get(AnalystBenchmark.ANALYST);
      sb.append(String.format(Locale.ROOT, "  %-13s %s%n", best, a == null ? "" : a.choices()));
    }
    sb.append(String.format(Locale.ROOT, "%-18s %7s", "mean strict", ""));
    for (int i = 0; i < methods.size(); i++) {
      sb.append(strictCount[i] == 0 ? String.format(Locale.ROOT, " %13s", "n/a")
          : String.format(Locale.ROOT, " %13.2f", strictSum[i] / strictCount[i]));
    }
    sb.append(String.format(Locale.ROOT, "%n%nMean seconds per run:%n"));
    for (CopilotScenario sc : grid) {
      Map<String, AnalystBenchmark.Summary> row = by.getOrDefault(sc.name(), Map.of());
      sb.append(String.format(Locale.ROOT, "%-18s %7s", sc.name(), ""));
      for (String m : methods) {
        AnalystBenchmark.Summary s = row.get(m);
        sb.append(s == null ? String.format(Locale.ROOT, " %13s", "n/a")
            : String.format(Locale.ROOT, " %13.2f", s.seconds()));
      }
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }
}
