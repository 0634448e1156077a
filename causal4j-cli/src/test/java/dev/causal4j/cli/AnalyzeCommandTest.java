package dev.causal4j.cli;

import static dev.causal4j.cli.CommandRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

  @Test
  void writesTheReportAndResultAndPrintsTheFindings(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("r");
    CommandRun r = CommandRun.of("analyze", resource("independence_continuous.csv"), "--out",
        out.toString(), "--seed", "3", "--threads", "1").assertOk();
    assertThat(r.out()).contains("bootstrap runs", "Report: ");
    assertThat(out.resolve("report.html")).exists();
    String json = Files.readString(out.resolve("result.json"));
    assertThat(json).contains("\"command\" : \"causal4j analyze ", "--seed 3");
    // Piped (no console): no progress bar on stderr.
    assertThat(r.err()).isEmpty();
  }

  @Test
  void refusesAnExistingOutputDirectoryWithoutForce(@TempDir Path dir) {
    CommandRun.of("analyze", resource("independence_continuous.csv"), "--out", dir.toString())
        .assertUserError(dir.toString(), "already exists", "--force");
  }

  @Test
  void refusesTooFewRowsAndSaysHowManyAreNeeded(@TempDir Path dir) throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int j = 0; j < 25; j++) {
      csv.append(j == 0 ? "" : ",").append("x").append(j);
    }
    csv.append('\n');
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j < 25; j++) {
        csv.append(j == 0 ? "" : ",").append(Math.sin(i * 7 + j * 3));
      }
      csv.append('\n');
    }
    Path f = dir.resolve("wide.csv");
    Files.writeString(f, csv);
    CommandRun.of("analyze", f.toString(), "--out", dir.resolve("r").toString())
        .assertUserError("20 rows for 25 variables", "at least 35 rows");
  }

  @Test
  void refusesAnAllMissingColumn(@TempDir Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("a,b,empty\n");
    for (int i = 0; i < 60; i++) {
      csv.append(Math.sin(i)).append(',').append(Math.cos(i * 3)).append(",NA\n");
    }
    Path f = dir.resolve("holes.csv");
    Files.writeString(f, csv);
    CommandRun.of("analyze", f.toString(), "--out", dir.resolve("r").toString())
        .assertUserError("'empty'", "no values", "--drop empty");
  }

  @Test
  void refusesATreatmentThatIsNotAColumn(@TempDir Path dir) {
    CommandRun.of("analyze", resource("lalonde_observational.csv"), "--treatment", "training",
        "--outcome", "re78", "--out", dir.resolve("r").toString())
        .assertUserError("--treatment", "'training'");
  }

  @Test
  void refusesATimeBudgetTooSmallAndNamesTheMinimum(@TempDir Path dir) {
    CommandRun r = CommandRun.of("analyze", resource("independence_continuous.csv"),
        "--time-budget", "100ms", "--out", dir.resolve("r").toString());
    r.assertUserError("time budget", "too small", "--time-budget");
    assertThat(r.err()).containsPattern("use --time-budget \\d+s or more");
    CommandRun.of("analyze", resource("independence_continuous.csv"), "--time-budget",
        "soon", "--out", dir.resolve("r2").toString()).assertUserError("'soon'", "30s");
  }

  @Test
  void durationsParse() {
    assertThat(AnalyzeCommand.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(AnalyzeCommand.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(AnalyzeCommand.parseDuration("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(AnalyzeCommand.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
  }
}
