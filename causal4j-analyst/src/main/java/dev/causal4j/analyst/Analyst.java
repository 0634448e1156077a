package dev.causal4j.analyst;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.explain.Explainer;
import dev.causal4j.analyst.explain.Explanation;
import dev.causal4j.analyst.plan.Plan;
import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.analyst.plan.Planner;
import dev.causal4j.analyst.profile.Profile;
import dev.causal4j.analyst.profile.Profiler;
import dev.causal4j.analyst.run.DiscoveryRun;
import dev.causal4j.analyst.run.EffectRun;
import dev.causal4j.analyst.run.Progress;
import dev.causal4j.analyst.run.Runner;
import dev.causal4j.data.DataChecks;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.timeseries.TimeSeriesResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The analyst: profile → plan → run → explain, on one dataset. The report is written from the
 * {@link Analysis} by {@link dev.causal4j.analyst.report.HtmlReport} and {@link
 * dev.causal4j.analyst.report.ResultJson}.
 *
 * <pre>{@code
 * Analysis a = Analyst.analyze(DataReader.read(Path.of("examples/sachs.csv")),
 *     PlanRequest.discoveryOnly(4), Progress.NONE);
 * a.explanation().graph().forEach(System.out::println);
 * }</pre>
 */
public final class Analyst {
  private Analyst() {}

  /**
   * Checks that the data can be analysed as requested, before any work: no column without
   * values, enough rows for the variables, treatment and outcome among the columns.
   *
   * @throws InvalidInputException naming the problem and what to do
   */
  public static void validate(Dataset data, PlanRequest request) {
    String source = data.source().orElse("the data");
    for (int j = 0; j < data.columns(); j++) {
      if (data.missingCount(j) == data.rows()) {
        throw new InvalidInputException("column '" + data.variable(j).name() + "' in " + source
            + " has no values (all " + data.rows() + " rows are missing); leave it out with"
            + " --drop " + data.variable(j).name());
      }
    }
    int needed = minimumRows(data.columns());
    if (data.rows() < needed) {
      throw new InvalidInputException(source + " has " + data.rows() + " rows for "
          + data.columns() + " variables; the analysis needs at least " + needed + " rows ("
          + "the larger of 30 and p + 10, so that covariances are of full rank with rows to spare"
          + " for the tests); collect more rows or analyse fewer variables with --columns");
    }
    for (String[] role : new String[][] {
        {"--treatment", request.treatment().orElse(null)},
        {"--outcome", request.outcome().orElse(null)}}) {
      if (role[1] != null && data.indexOf(role[1]) < 0) {
        try {
          data.require(role[1]);
        } catch (InvalidInputException e) {
          throw new InvalidInputException(role[0] + ": " + e.getMessage(), e);
        }
      }
    }
    if (request.treatment().isPresent()
        && request.treatment().get().equals(request.outcome().get())) {
      throw new InvalidInputException("--treatment and --outcome are both '"
          + request.treatment().get() + "'; name two different columns");
    }
    DataChecks.requireNoConstantColumns(data);
  }

  /** The fewest rows for p variables: max(30, p + 10). */
  public static int minimumRows(int p) {
    return Math.max(30, p + 10);
  }

  /**
   * The plan and the graph the analysis would show edge probabilities for: profile, plan, tuning
   * and the search on all rows, without the bootstrap or the effect. The bootstrap only annotates
   * this graph, so this is the analyst's answer at a fraction of the cost (what {@code causal4j
   * bench analyst} scores).
   */
  public static Searched search(Dataset data, PlanRequest request) {
    validate(data, request);
    Profile profile = Profiler.builder().seed(request.seed()).build().profile(data);
    Plan plan = Planner.plan(profile, data, request);
    Dataset prepared = Runner.prepare(data, plan);
    DiscoveryRun.TuningResult tuning = Runner.tune(prepared, plan, request, Progress.NONE);
    DiscoveryResult result = plan.algorithm().search(prepared, plan.statistic(), tuning.chosen(),
        request.knowledge(), request.seed(), request.threads());
    return new Searched(plan, tuning, result);
  }

  /** The plan, its tuning and the search on all rows, as {@link #search} gives them. */
  public record Searched(Plan plan, DiscoveryRun.TuningResult tuning, DiscoveryResult result) {}

  /** Runs the whole analysis on {@code data} (missing values as read, not yet handled). */
  public static Analysis analyze(Dataset data, PlanRequest request, Progress progress) {
    validate(data, request);
    Map<String, Long> millis = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    progress.stage("profile", 1);
    Profile profile = Profiler.builder().seed(request.seed()).build().profile(data);
    progress.advance();
    long t1 = System.nanoTime();
    millis.put("profile", (t1 - t0) / 1_000_000);
    Plan plan = Planner.plan(profile, data, request);
    long t2 = System.nanoTime();
    millis.put("plan", (t2 - t1) / 1_000_000);
    Dataset prepared = Runner.prepare(data, plan);
    if (prepared.rows() < minimumRows(prepared.columns())) {
      throw new InvalidInputException("after dropping rows with missing values "
          + data.source().orElse("the data") + " keeps " + prepared.rows() + " rows for "
          + prepared.columns() + " variables; the analysis needs at least "
          + minimumRows(prepared.columns()) + "; drop the sparsest columns with --drop");
    }
    DiscoveryRun discovery = Runner.discover(prepared, plan, request, progress);
    long t3 = System.nanoTime();
    millis.put("discovery", (t3 - t2) / 1_000_000);
    TimeSeriesResult timeSeries = null;
    if (plan.timeSeries() != null) {
      timeSeries = Runner.timeSeries(data, plan, request, progress);
      long t4 = System.nanoTime();
      millis.put("time series", (t4 - t3) / 1_000_000);
      t3 = t4;
    }
    EffectRun effect = null;
    if (request.wantsEffect()) {
      effect = Runner.effect(prepared, discovery.full().graph(), request, progress);
      millis.put("effect", (System.nanoTime() - t3) / 1_000_000);
    }
    Explanation explanation = Explainer.explain(plan, discovery, timeSeries, effect);
    return new Analysis(request, profile, plan, discovery, timeSeries, effect, explanation,
        millis);
  }
}
