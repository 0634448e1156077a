package dev.causal4j.cli;

import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.simulate.LogisticMapSimulation;
import dev.causal4j.bench.simulate.Lorenz96Simulation;
import dev.causal4j.bench.simulate.NoiseDistribution;
import dev.causal4j.bench.simulate.SimulatedTimeSeries;
import dev.causal4j.bench.simulate.SvarSimulation;
import dev.causal4j.data.DatasetWriter;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.io.LaggedGraphJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code simulate}'s time-series models: a structural VAR (linear Gaussian, linear with Laplace
 * noise, or nonlinear), Lorenz-96 and coupled logistic maps, each writing {@code data.csv} (with a
 * time column {@code t} and, for several series, a {@code series} column) and {@code truth.json},
 * the true lagged graph with each link's {@code "lag"} and coefficient.
 */
final class TimeSeriesSimulations {
  private TimeSeriesSimulations() {}

  /** Simulates {@code c}'s time-series model into {@code c.out}; returns the line for stderr. */
  static String run(SimulateCommand c) {
    if (c.domains > 1 || c.measurementError > 0 || c.missing > 0 || c.network != null) {
      throw new InvalidInputException("--model " + c.model.word + " is a time-series model;"
          + " --domains, --measurement-error, --missing and --network apply to the others (use"
          + " --series for several independent series)");
    }
    if (c.latent > 0 && c.model != SimulateCommand.Model.SVAR
        && c.model != SimulateCommand.Model.SVAR_LAPLACE
        && c.model != SimulateCommand.Model.SVAR_NONLINEAR) {
      throw new InvalidInputException("--latent hides series of the svar models only; drop it for"
          + " --model " + c.model.word);
    }
    SimulatedTimeSeries sim = switch (c.model) {
      case SVAR, SVAR_LAPLACE, SVAR_NONLINEAR -> SvarSimulation.builder().variables(c.nodes)
          .maxLag(c.maxLag).samples(c.samples).series(c.series).latent(c.latent)
          .noise(c.model == SimulateCommand.Model.SVAR_LAPLACE ? NoiseDistribution.LAPLACE
              : NoiseDistribution.GAUSSIAN)
          .mechanism(c.model == SimulateCommand.Model.SVAR_NONLINEAR
              ? SvarSimulation.Mechanism.NONLINEAR : SvarSimulation.Mechanism.LINEAR)
          .seed(c.seed).build().simulate();
      case LORENZ96 -> Lorenz96Simulation.builder().variables(c.nodes).samples(c.samples)
          .series(c.series).seed(c.seed).build().simulate();
      case LOGISTIC -> LogisticMapSimulation.builder().variables(c.nodes).samples(c.samples)
          .series(c.series).seed(c.seed).build().simulate();
      default -> throw new IllegalStateException(c.model + " is not a time-series model");
    };
    Path csv = c.out.resolve("data.csv");
    Path json = c.out.resolve("truth.json");
    OutputOptions.writeAtomically(csv, tmp -> DatasetWriter.csv().write(sim.data(), tmp));
    OutputOptions.writeAtomically(json,
        tmp -> Files.writeString(tmp, LaggedGraphJson.write(sim.truth())));
    LaggedGraph g = sim.trueGraph();
    int hidden = 0;
    for (int v = 0; v < g.size(); v++) {
      hidden += g.isLatent(v) ? 1 : 0;
    }
    return String.format(Locale.ROOT, "simulate: wrote %s (%d series × %d time points, %d"
        + " variables%s) and %s (the true lagged graph: %d links up to lag %d)", csv, c.series,
        c.samples, sim.data().columns(), hidden > 0 ? ", " + hidden + " hidden left out" : "",
        json, g.linkCount(), g.maxLag());
  }
}
