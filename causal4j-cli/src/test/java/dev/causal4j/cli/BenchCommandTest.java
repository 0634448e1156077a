package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

  @Test
  void benchWithoutABenchmarkSaysWhichThereAre() {
    CommandRun.of("bench").assertUserError("choose a benchmark", "discovery");
  }

  @Test
  void discoveryPrintsATableAndWritesTheJson(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("results.json");
    CommandRun r = CommandRun.of("bench", "discovery", "--sizes", "6,9", "--samples", "200",
        "--repeats", "1", "--warmups", "0", "--threads", "1", "--no-tetrad", "--out",
        json.toString()).assertOk();
    assertThat(r.out()).contains("Discovery benchmark: simulated data, n = 200").contains("pc-stable")
        .contains("Tetrad: not run (turned off)");
    assertThat(r.err()).contains("bench: wrote " + json);
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.path("rows")).hasSize(2);
    assertThat(root.path("settings").path("threads").asInt()).isEqualTo(1);
  }

  @Test
  void jsonFormatPrintsTheJson() throws Exception {
    CommandRun r = CommandRun.of("bench", "discovery", "--sizes", "5", "--samples", "100",
        "--repeats", "1", "--warmups", "0", "--no-tetrad", "--format", "json").assertOk();
    assertThat(new ObjectMapper().readTree(r.out()).path("rows").get(0).path("algorithm")
        .asText()).isEqualTo("pc-stable");
  }

  @Test
  void badOptionsAreOneLineErrors(@TempDir Path dir) throws Exception {
    CommandRun.of("bench", "discovery", "--algorithms", "pc-stable,magic", "--no-tetrad")
        .assertUserError("'magic'", "pc-stable");
    CommandRun.of("bench", "discovery", "--sizes", "1", "--no-tetrad")
        .assertUserError("--sizes");
    CommandRun.of("bench", "discovery", "--repeats", "0", "--no-tetrad")
        .assertUserError("--repeats");
    CommandRun.of("bench", "discovery", "--format", "xml").assertUserError("'xml'");
    CommandRun.of("bench", "discovery", "--no-tetrad", "--data", "a.csv")
        .assertUserError("one --truth for each --data");
    Path existing = Files.writeString(dir.resolve("r.json"), "{}");
    CommandRun.of("bench", "discovery", "--no-tetrad", "--out", existing.toString())
        .assertUserError("already exists", "--force");
    assertThat(Files.readString(existing)).isEqualTo("{}");
  }
}
