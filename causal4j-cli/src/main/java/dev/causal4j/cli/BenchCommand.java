package dev.causal4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j bench <what>}: benchmarks on data with a known answer, timed, with accuracy
 * against the truth and, where one exists, a reference tool side by side. Each benchmark is a
 * subcommand ({@link BenchDiscoveryCommand}, {@link EffectsBenchCommand},
 * {@link TimeSeriesBenchCommand}, …).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks on data with a known answer: time, memory and accuracy, with the reference"
          + " tools side by side where they exist.",
      "Choose a benchmark: see the commands below."
    },
    subcommands = {BenchDiscoveryCommand.class, EffectsBenchCommand.class,
      TimeSeriesBenchCommand.class, AnalystBenchCommand.class},
    footer = {"", "Examples:", "  causal4j bench discovery --sizes 50,200 --repeats 3",
      "  causal4j bench effects --rows 100000",
      "  causal4j bench timeseries --variables 10,50,100 --max-lag 1,5",
      "  causal4j bench analyst --seeds 3"})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a subcommand: the list of benchmarks, as a user error (nothing was run). */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "choose a benchmark: " + String.join(", ", spec.subcommands().keySet()));
  }
}
