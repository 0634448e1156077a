package dev.causal4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j bench}: benchmarks with generated data and known answers, one subcommand per
 * area ({@code effects}; others join as subcommands).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark on generated data with a known answer: time, memory,"
        + " accuracy.",
    subcommands = {EffectsBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Without a subcommand: the list of benchmarks, as a user error (nothing was run). */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("bench: name a benchmark, e.g. 'causal4j bench effects'"
        + " (see 'causal4j bench --help')");
    spec.commandLine().getErr().flush();
    return Causal4j.USER_ERROR;
  }
}
