package dev.causal4j.cli;

import dev.causal4j.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code causal4j} command. Exit status: 0 on success, 1 for a user error (a one-line message
 * on stderr naming the problem and the fix), 2 for an internal error (a bug: the stack trace is
 * printed when {@code CAUSAL4J_DEBUG} is set).
 */
@Command(
    name = "causal4j",
    mixinStandardHelpOptions = true,
    versionProvider = Causal4j.Version.class,
    description = "Causal analysis: learn causal graphs from data, estimate effects, explain them.",
    subcommands = {
      CommandLine.HelpCommand.class,
      AnalyzeCommand.class,
      DescribeCommand.class,
      DiscoverCommand.class,
      IndependenceCommand.class,
      SimulateCommand.class,
      CompareCommand.class,
      IdentifyCommand.class,
      EffectCommand.class,
      WhatifCommand.class,
      BenchCommand.class
    })
public final class Causal4j {
  static final int USER_ERROR = 1;
  static final int INTERNAL_ERROR = 2;

  private Causal4j() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status (for tests and for {@link #main}). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Causal4j());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          // One line, like every user error: the problem, then where the options are explained.
          err.println(ex.getCommandLine().getCommandName() + ": " + ex.getMessage() + " (see '"
              + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
          err.flush();
          return USER_ERROR;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          String name = commandLine.getCommandSpec().qualifiedName();
          if (ex instanceof InvalidInputException) {
            err.println(name + ": " + ex.getMessage());
            err.flush();
            return USER_ERROR;
          }
          err.println(name + ": internal error: " + ex
              + " (this is a bug in Causal4J; set CAUSAL4J_DEBUG=1 for the stack trace)");
          if (System.getenv("CAUSAL4J_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.flush();
          return INTERNAL_ERROR;
        });
    return cl;
  }

  /** Reads the version Maven wrote into the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Causal4j.class.getPackage().getImplementationVersion();
      return new String[] {"causal4j " + (v == null ? "(development build)" : v)};
    }
  }
}
