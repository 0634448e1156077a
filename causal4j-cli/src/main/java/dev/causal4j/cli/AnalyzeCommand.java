package dev.causal4j.cli;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.Analysis;
import dev.causal4j.analyst.Analyst;
import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.analyst.report.ReportWriter;
import dev.causal4j.analyst.run.Progress;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.knowledge.KnowledgeFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j analyze}: the analyst, from a data file to a report: profile the data, choose
 * and tune a discovery method (saying why), learn the graph with bootstrap edge probabilities,
 * estimate an effect if asked, and write {@code report.html} and {@code result.json}.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Analyse a data set end to end, offline: profile it, choose and tune a causal discovery"
          + " method from the profile (every choice with its reason), learn the graph with"
          + " bootstrap edge probabilities and, with --treatment and --outcome, identify and"
          + " estimate the effect. Writes a self-contained report.html and result.json into"
          + " --out.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  causal4j analyze examples/sachs.csv --out sachs-report",
      "  causal4j analyze lalonde.csv --treatment treat --outcome re78 --out lalonde-report",
      "  causal4j analyze data.csv --knowledge tiers.txt --hidden-confounders --time-budget 2m"
    })
public final class AnalyzeCommand implements Callable<Integer> {

  @Option(names = "--treatment", paramLabel = "COLUMN",
      description = "Estimate the effect of this column (with --outcome).")
  String treatment;

  @Option(names = "--outcome", paramLabel = "COLUMN",
      description = "... on this column (with --treatment).")
  String outcome;

  @Option(names = "--knowledge", paramLabel = "FILE",
      description = "Background knowledge (tiers, required and forbidden edges); it is passed"
          + " into the search.")
  Path knowledgeFile;

  @Option(names = "--hidden-confounders",
      description = "Declare that unmeasured common causes may exist: the analyst then learns a"
          + " PAG with FCI.")
  boolean hiddenConfounders;

  @Option(names = "--time-budget", paramLabel = "DURATION", defaultValue = "5m",
      description = "Time to spend, e.g. 30s, 5m, 1h (default: ${DEFAULT-VALUE}); cheaper"
          + " methods are chosen, and said so, when the best do not fit.")
  String timeBudget;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed for everything random (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads (default: all processors); the result does not depend on it.")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "causal4j-report",
      description = "Directory for report.html and result.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--force", description = "Replace the report in an existing --out directory.")
  boolean force;

  @Mixin DataOptions data;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Duration budget = parseDuration(timeBudget);
    int nThreads = threads == null ? Parallel.availableThreads() : threads;
    ReportWriter.checkWritable(out, force);
    Knowledge knowledge = knowledgeFile == null ? Knowledge.empty()
        : KnowledgeFile.read(knowledgeFile);
    boolean missingChosen = spec.commandLine().getParseResult().hasMatchedOption("--missing");
    Optional<MissingPolicy> missing = missingChosen ? Optional.of(data.missingPolicy())
        : Optional.empty();
    PlanRequest request = new PlanRequest(Optional.ofNullable(treatment),
        Optional.ofNullable(outcome), knowledge, hiddenConfounders, missing, budget, seed,
        nThreads);
    Dataset d = data.load();
    Analysis a;
    try (TerminalProgress progress = TerminalProgress.create()) {
      a = Analyst.analyze(d, request, progress == null ? Progress.NONE : progress);
    }
    Path html = ReportWriter.write(out, a, command(), force);
    PrintWriter o = spec.commandLine().getOut();
    o.println(a.explanation().headline());
    for (String s : a.explanation().graph()) {
      o.println("  " + s);
    }
    for (String s : a.explanation().effect()) {
      o.println(s);
    }
    o.println("Report: " + html + " (and " + out.resolve(ReportWriter.JSON) + ")");
    o.flush();
    return 0;
  }

  /** The command line that reproduces this run, as the user would type it. */
  private String command() {
    StringBuilder b = new StringBuilder("causal4j analyze");
    for (String arg : spec.commandLine().getParseResult().originalArgs()) {
      b.append(' ').append(arg.matches("[A-Za-z0-9_./=:,@%+-]+") ? arg
          : "'" + arg.replace("'", "'\\''") + "'");
    }
    return b.toString();
  }

  private static final Pattern DURATION = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

  /** {@code 90}, {@code 90s}, {@code 5m}, {@code 1.5h}, {@code 500ms}. */
  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidInputException("--time-budget '" + text + "' is not a duration; write"
          + " e.g. 30s, 5m or 1h");
    }
    double v = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> v;
      case "m", "min" -> v * 60_000;
      case "h" -> v * 3_600_000;
      default -> v * 1000;
    };
    if (millis < 1) {
      throw new InvalidInputException("--time-budget must be positive, not " + text);
    }
    return Duration.ofMillis((long) millis);
  }

  /** A progress bar on stderr when it is a terminal; none when output is piped. */
  static final class TerminalProgress implements Progress, AutoCloseable {
    private ProgressBar bar;

    static TerminalProgress create() {
      return System.console() == null ? null : new TerminalProgress();
    }

    @Override
    public synchronized void stage(String name, long units) {
      if (bar != null) {
        bar.close();
      }
      bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(units)
          .setStyle(ProgressBarStyle.ASCII).setConsumer(
              new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public synchronized void advance() {
      if (bar != null) {
        bar.step();
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
