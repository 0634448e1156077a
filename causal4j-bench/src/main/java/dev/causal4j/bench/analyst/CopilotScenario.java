package dev.causal4j.bench.analyst;

import dev.causal4j.bench.simulate.Simulation;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One scenario of Causal-Copilot's benchmark grid, re-implemented on {@link
 * dev.causal4j.bench.simulate.Simulator}: what is simulated, and the F1 Causal-Copilot publishes
 * for it (their optimistic metric), if it publishes one.
 *
 * @param name short name, as the table prints it ({@code p10}, {@code dense}, …)
 * @param description what differs from the base scenario, in words
 * @param simulation the simulation, seed to be set per run
 * @param copilotF1 Causal-Copilot's published F1 for this scenario, or empty
 */
public record CopilotScenario(String name, String description, Simulation simulation,
    OptionalDouble copilotF1) {
  public CopilotScenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(copilotF1, "copilotF1");
  }

  /** The simulation with this seed. */
  public Simulation withSeed(long seed) {
    return simulation.toBuilder().seed(seed).build();
  }
}
