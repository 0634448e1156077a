package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine;

/** One in-process run of the command line, for tests: exit status, stdout and stderr. */
record CommandRun(int status, String out, String err) {

  static CommandRun of(String... args) {
    CommandLine cl = Causal4j.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int status = cl.execute(args);
    return new CommandRun(status, out.toString(), err.toString());
  }

  /**
   * Asserts a user error: status 1, nothing on stdout, one line on stderr that contains the
   * fragments, and no stack trace.
   */
  CommandRun assertUserError(String... fragments) {
    assertThat(status).as(err).isEqualTo(1);
    assertThat(out).isEmpty();
    assertThat(err).endsWith("\n");
    assertThat(err.strip()).doesNotContain("\n");
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    for (String f : fragments) {
      assertThat(err).contains(f);
    }
    return this;
  }

  /** Asserts success (status 0) and returns this run. */
  CommandRun assertOk() {
    assertThat(status).as(err).isZero();
    return this;
  }

  /** The path of a test resource in this package. */
  static String resource(String name) {
    try {
      return Path.of(CommandRun.class.getResource(name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
