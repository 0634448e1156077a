package dev.causal4j.bench.analyst;

import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.simulate.Mechanism;
import dev.causal4j.bench.simulate.MissingMechanism;
import dev.causal4j.bench.simulate.NoiseDistribution;
import dev.causal4j.bench.simulate.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Causal-Copilot's scenario grid (Wang et al. 2025, "Causal-Copilot: an autonomous causal
 * analysis agent", its simulated-data evaluation), as far as its paper describes it, with the F1
 * it reports for each scenario. Every scenario departs from one base: p = 10 variables, n = 2,000
 * rows, Erdős–Rényi DAG with edge probability 0.2, linear mechanisms with Gaussian noise, one
 * domain, nothing missing. Where their paper gives a range (n 1,000–10,000; edge probability
 * 0.1–0.3; 5–15 domains; discrete ratio 0.1–0.2; measurement error 0.1–0.5; missing 0.1–0.3) one
 * value inside it is used, named in the scenario's description; for p ≥ 25 the edge probability
 * is 3/(p − 1), an average degree of 3, since a fixed 0.2 would give degrees of 10–200 that no
 * published figure is about. Their "MLP" mechanism is the simulator's nonlinear additive one
 * (tanh, sin, quadratic per edge): an additive stand-in, not a neural network. One scenario is
 * ours, not theirs: {@code hidden}, with hidden common causes.
 */
public final class CopilotScenarios {
  /** Rows in every scenario. */
  public static final int ROWS = 2000;

  private CopilotScenarios() {}

  private static Simulation.Builder base(int p, double edgeProbability) {
    return Simulation.builder().nodes(p).averageDegree(edgeProbability * (p - 1)).samples(ROWS)
        .mechanism(Mechanism.LINEAR_GAUSSIAN).noise(NoiseDistribution.GAUSSIAN);
  }

  private static Simulation.Builder sparseLarge(int p) {
    return base(p, 3.0 / (p - 1));
  }

  private static CopilotScenario s(String name, String description, Simulation.Builder b,
      double copilot) {
    return new CopilotScenario(name, description, b.seed(0).build(),
        Double.isNaN(copilot) ? OptionalDouble.empty() : OptionalDouble.of(copilot));
  }

  /**
   * The grid, p = 5 to 100, and with {@code largeP} also p = 500 and 1,000 (slow: minutes per run
   * on two cores).
   */
  public static List<CopilotScenario> grid(boolean largeP) {
    List<CopilotScenario> out = new ArrayList<>();
    out.add(s("p5", "p = 5", base(5, 0.2), Double.NaN));
    out.add(s("p10", "p = 10 (the base)", base(10, 0.2), 0.90));
    out.add(s("sparse", "p = 10, edge probability 0.1", base(10, 0.1), 0.82));
    out.add(s("dense", "p = 10, edge probability 0.3", base(10, 0.3), 0.78));
    out.add(s("p25", "p = 25, average degree 3", sparseLarge(25), Double.NaN));
    out.add(s("p50", "p = 50, average degree 3", sparseLarge(50), 0.95));
    out.add(s("p100", "p = 100, average degree 3", sparseLarge(100), 0.91));
    if (largeP) {
      out.add(s("p500", "p = 500, average degree 3", sparseLarge(500), 0.86));
      out.add(s("p1000", "p = 1000, average degree 3", sparseLarge(1000), 0.87));
    }
    out.add(s("non-gaussian", "linear, uniform noise",
        base(10, 0.2).mechanism(Mechanism.LINEAR_NON_GAUSSIAN).noise(NoiseDistribution.UNIFORM),
        0.98));
    out.add(s("nonlinear", "nonlinear additive (tanh, sin, quadratic), Gaussian noise",
        base(10, 0.2).mechanism(Mechanism.NONLINEAR_ADDITIVE), Double.NaN));
    out.add(s("heterogeneous", "10 domains, a fifth of the variables change mechanism",
        base(10, 0.2).domains(10), 0.78));
    out.add(s("measurement-error", "measurement error 0.3 of each variable's variance",
        base(10, 0.2).measurementError(0.3), 0.89));
    out.add(s("missing", "20% of values missing completely at random",
        base(10, 0.2).missing(0.2, MissingMechanism.MCAR), 0.77));
    out.add(s("discrete-mixed", "conditional Gaussian, 20% of variables discrete (3 levels)",
        base(10, 0.2).mechanism(Mechanism.MIXED_CONDITIONAL_GAUSSIAN).discreteFraction(0.2),
        0.89));
    // Not in Causal-Copilot's grid: hidden common causes, where a PAG is the right answer.
    out.add(s("hidden", "p = 20, average degree 3, 4 of the nodes hidden (not in the data)",
        sparseLarge(20).latentConfounders(4), Double.NaN));
    return List.copyOf(out);
  }

  /**
   * The scenarios named, from the whole grid (p ≥ 500 included).
   *
   * @throws InvalidInputException for a name not in the grid, listing the names
   */
  public static List<CopilotScenario> named(List<String> names) {
    List<CopilotScenario> all = grid(true);
    List<CopilotScenario> out = new ArrayList<>();
    for (String n : names) {
      String name = n.trim();
      out.add(all.stream().filter(c -> c.name().equals(name)).findFirst()
          .orElseThrow(() -> new InvalidInputException("--scenarios: '" + name + "' is not a"
              + " scenario; use any of " + all.stream().map(CopilotScenario::name)
                  .collect(Collectors.joining(", ")))));
    }
    return List.copyOf(out);
  }
}
