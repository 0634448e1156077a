package dev.causal4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j bench <what>}: benchmarks of Causal4J side by side with reference tools. Each
 * benchmark is a subcommand ({@link BenchDiscoveryCommand}, …).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks: Causal4J side by side with the reference tools, on the same data, timed in"
          + " turns, with accuracy against the truth.",
      "Choose a benchmark: see the commands below."
    },
    subcommands = {BenchDiscoveryCommand.class},
    footer = {"", "Example:", "  causal4j bench discovery --sizes 50,200 --repeats 3"})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "choose a benchmark: " + String.join(", ", spec.subcommands().keySet()));
  }
}
