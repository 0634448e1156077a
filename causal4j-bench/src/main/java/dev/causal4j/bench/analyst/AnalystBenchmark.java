package dev.causal4j.bench.analyst;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.Analyst;
import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.bench.metrics.GraphMetrics;
import dev.causal4j.bench.metrics.Reference;
import dev.causal4j.bench.metrics.References;
import dev.causal4j.bench.simulate.SimulatedData;
import dev.causal4j.bench.simulate.Simulator;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.knowledge.Knowledge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * The analyst against fixed algorithms on Causal-Copilot's scenarios ({@link CopilotScenarios}):
 * for each scenario and seed, one simulated data set, the analyst's graph ({@link
 * Analyst#search}: profile, plan, tuning, search on all rows) and each fixed method's graph on the
 * same data, each scored twice:
 *
 * <ul>
 *   <li><b>optimistic F1</b>, Causal-Copilot's ({@link GraphMetrics#optimisticDirected}): an
 *       undirected or partly directed edge counts as whichever direction the true DAG has;
 *   <li><b>strict F1</b> ({@link GraphMetrics#exactEdges}): every edge must carry the marks of the
 *       reference the output claims to estimate: the true CPDAG for a CPDAG, the true PAG for a
 *       PAG, the true DAG for a DAG (DirectLiNGAM); with hidden variables the true PAG for
 *       every output, since the observed variables then have no DAG or CPDAG.
 * </ul>
 */
public final class AnalystBenchmark {
  /** The name the analyst's rows carry. */
  public static final String ANALYST = "analyst";

  private AnalystBenchmark() {}

  /**
   * What to run.
   *
   * @param scenarios the scenarios
   * @param firstSeed the first seed; seeds firstSeed..firstSeed + seeds − 1 run per scenario
   *     (rules are developed on one range and reported on another, so they are not fitted to
   *     the reported seeds)
   * @param seeds data sets per scenario
   * @param fixed the fixed methods to compare with
   * @param threads threads for every search
   */
  public record Config(List<CopilotScenario> scenarios, long firstSeed, int seeds,
      List<FixedMethod> fixed, int threads) {
    public Config {
      scenarios = List.copyOf(scenarios);
      fixed = List.copyOf(fixed);
    }

    /** Seeds 1..seeds. */
    public Config(List<CopilotScenario> scenarios, int seeds, List<FixedMethod> fixed,
        int threads) {
      this(scenarios, 1, seeds, fixed, threads);
    }
  }

  /**
   * One method on one data set.
   *
   * @param scenario the scenario's name
   * @param seed the data's seed
   * @param method {@link #ANALYST} or a fixed method's label
   * @param choice for the analyst, the rule and algorithm it chose; for others the algorithm
   * @param optimisticF1 Causal-Copilot's F1
   * @param strictF1 exact-mark F1 against the output's own reference
   * @param seconds wall-clock seconds (the analyst's include profiling, planning and tuning)
   */
  public record Run(String scenario, long seed, String method, String choice,
      double optimisticF1, double strictF1, double seconds) {}

  /** Means over seeds of one method on one scenario. */
  public record Summary(String scenario, String method, int runs, double optimisticF1,
      double strictF1, double seconds, String choices) {}

  /** Runs every scenario, seed and method; {@code progress} hears each run as it finishes. */
  public static List<Run> run(Config c, Consumer<Run> progress) {
    List<Run> out = new ArrayList<>();
    for (CopilotScenario sc : c.scenarios()) {
      for (long seed = c.firstSeed(); seed < c.firstSeed() + c.seeds(); seed++) {
        SimulatedData sim = Simulator.simulate(sc.withSeed(seed));
        Graph truth = sim.trueDag();
        long t0 = System.nanoTime();
        PlanRequest request = new PlanRequest(Optional.empty(), Optional.empty(),
            Knowledge.empty(), false, Optional.empty(), Duration.ofHours(1), seed, c.threads());
        Run r;
        try {
          Analyst.Searched a = Analyst.search(sim.data(), request);
          r = score(sc.name(), seed, ANALYST, a.plan().ruleId() + ": "
              + a.plan().algorithm().label() + "/" + a.plan().statistic().label(),
              truth, a.result(), t0);
        } catch (InvalidInputException e) {
          // A refusal is the analyst's answer on these data: scored as no graph (F1 0).
          r = new Run(sc.name(), seed, ANALYST, "refused: " + e.getMessage(), 0, 0,
              (System.nanoTime() - t0) / 1e9);
        }
        out.add(r);
        progress.accept(r);
        for (FixedMethod m : c.fixed()) {
          long t1 = System.nanoTime();
          Optional<DiscoveryResult> res = m.run(sim.data(), seed, c.threads());
          if (res.isEmpty()) {
            continue;
          }
          Run f = score(sc.name(), seed, m.label(), m.label(), truth, res.get(), t1);
          out.add(f);
          progress.accept(f);
        }
      }
    }
    return out;
  }

  private static Run score(String scenario, long seed, String method, String choice,
      Graph truth, DiscoveryResult result, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Graph g = result.graph();
    Reference ref = g.kind() == GraphKind.PAG || g.kind() == GraphKind.MAG
        || Graphs.latentNodes(truth).length > 0 ? Reference.PAG
        : g.kind() == GraphKind.DAG ? Reference.DAG : Reference.CPDAG;
    double optimistic = GraphMetrics.optimisticDirected(truth, g).f1();
    double strict = GraphMetrics.exactEdges(References.referenceFor(truth, ref), g).f1();
    return new Run(scenario, seed, method, choice, optimistic, strict, seconds);
  }

  /**
   * Means per scenario and method, in the order first seen; an F1 that is not a number (an empty
   * graph against an empty truth) counts as 0 so that a method cannot gain by returning nothing.
   */
  public static List<Summary> summarize(List<Run> runs) {
    Map<String, List<Run>> groups = new LinkedHashMap<>();
    for (Run r : runs) {
      groups.computeIfAbsent(r.scenario() + "\u0000" + r.method(), k -> new ArrayList<>()).add(r);
    }
    List<Summary> out = new ArrayList<>();
    for (List<Run> g : groups.values()) {
      double o = 0;
      double s = 0;
      double t = 0;
      Map<String, Integer> choices = new LinkedHashMap<>();
      for (Run r : g) {
        o += Double.isNaN(r.optimisticF1()) ? 0 : r.optimisticF1();
        s += Double.isNaN(r.strictF1()) ? 0 : r.strictF1();
        t += r.seconds();
        choices.merge(r.choice(), 1, Integer::sum);
      }
      StringBuilder ch = new StringBuilder();
      choices.forEach((k, v) -> ch.append(ch.length() == 0 ? "" : "; ").append(k)
          .append(v == g.size() ? "" : " ×" + v));
      int n = g.size();
      out.add(new Summary(g.get(0).scenario(), g.get(0).method(), n, o / n, s / n, t / n,
          ch.toString()));
    }
    return out;
  }

  /** The Copilot figure of a scenario by name, if the grid has one. */
  public static OptionalDouble copilot(List<CopilotScenario> scenarios, String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst()
        .map(CopilotScenario::copilotF1).orElse(OptionalDouble.empty());
  }
}
