package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IdentifyCommandTest {


  static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  private static void assertOneLineUserError(CommandRun r, String... fragments) {
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception")
        .contains(fragments);
  }

  private static Path graph(Path dir, String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static JsonNode json(CommandRun r) throws Exception {
    assertThat(r.status()).as(r.err()).isEqualTo(0);
    return new ObjectMapper().readTree(r.out());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Pearl's front-door graph as Causal4J JSON, with the hidden confounder listed as latent. */
  private static final String FRONT_DOOR = """
      {
        "kind": "DAG",
        "nodes": ["Smoking", "Tar", "Cancer", "Gene"],
        "latent": ["Gene"],
        "edges": [
          {"from": "Smoking", "to": "Tar", "edge": "-->"},
          {"from": "Tar", "to": "Cancer", "edge": "-->"},
          {"from": "Gene", "to": "Smoking", "edge": "-->"},
          {"from": "Gene", "to": "Cancer", "edge": "-->"}
        ]
      }
      """;

  @Test
  void textSaysWhatIsIdentifiedHowAndOnWhichAssumptions(@TempDir Path dir) throws Exception {
    Path g = graph(dir, "fd.json", FRONT_DOOR);
    CommandRun r = run("identify", "--graph", g.toString(), "--treatment", "Smoking", "--outcome",
        "Cancer");
    assertThat(r.status()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("P(Cancer | do(Smoking)) is identified by the front-door"
        + " criterion through {Tar}.\n")
        .contains("  Mediators:    {Tar}\n")
        .contains("  Estimand:     Σ_{Tar} P(Tar | Smoking) Σ_{Smoking'} P(Cancer | Smoking', Tar)"
            + " P(Smoking')\n")
        .contains("\nAssumptions:\n  - The causal graph is right");
  }

  @Test
  void jsonForAdjustmentListsTheOptimalAndMinimalSets(@TempDir Path dir) throws Exception {
    // M-bias plus a confounder C: {C} and {C, A}, {C, B}, {C, A, M}, … are valid; O = {C, B}.
    Path g = graph(dir, "m.txt", """
        # kind: DAG
        A --> X
        A --> M
        B --> M
        B --> Y
        C --> X
        C --> Y
        X --> Y
        """);
    JsonNode j = json(run("identify", "--graph", g.toString(), "--treatment", "X", "--outcome",
        "Y", "--format", "json"));
    assertThat(j.get("identified").asBoolean()).isTrue();
    assertThat(j.get("strategy").asText()).isEqualTo("backdoor");
    assertThat(strings(j.get("adjustment_sets").get("optimal"))).containsExactly("B", "C");
    assertThat(j.get("adjustment_sets").get("minimal")).hasSize(1);
    assertThat(strings(j.get("adjustment_sets").get("minimal").get(0))).containsExactly("C");
    assertThat(strings(j.get("adjustment_sets").get("used"))).containsExactly("B", "C");
    assertThat(j.get("expression").asText()).isEqualTo("Σ_{B, C} P(Y | X, B, C) P(B, C)");
    assertThat(j.has("reason")).isFalse();
    assertThat(j.has("front_door")).isFalse();
    assertThat(j.get("assumptions").size()).isGreaterThan(2);
  }

  @Test
  void jsonForTheBowArcGivesTheReasonAndTheHedge(@TempDir Path dir) throws Exception {
    // The bow arc: X --> Y and a hidden common cause (one edge per pair, so U is a latent node).
    Path g = graph(dir, "bow.txt", "# kind: DAG\nX --> Y\n(U) --> X\n(U) --> Y\n");
    JsonNode j = json(run("identify", "--graph", g.toString(), "--treatment", "X", "--outcome",
        "Y", "--format", "json"));
    assertThat(j.get("identified").asBoolean()).isFalse();
    assertThat(j.get("strategy").asText()).isEqualTo("none");
    assertThat(j.get("reason").asText()).contains("hedge");
    assertThat(j.get("proven").asBoolean()).isTrue();
    assertThat(strings(j.get("hedge").get("F"))).containsExactly("X", "Y");
    assertThat(strings(j.get("hedge").get("F_prime"))).containsExactly("Y");
    assertThat(j.has("adjustment_sets")).isFalse();
    assertThat(j.has("expression")).isFalse();
  }

  @Test
  void instrumentsAndIda(@TempDir Path dir) throws Exception {
    Path iv = graph(dir, "iv.txt", "# kind: DAG\nZ --> X\nX --> Y\n(U) --> X\n(U) --> Y\n");
    JsonNode j = json(run("identify", "--graph", iv.toString(), "--treatment", "X",
        "--outcome", "Y", "--format", "json"));
    assertThat(j.get("strategy").asText()).isEqualTo("iv");
    assertThat(strings(j.get("instruments"))).containsExactly("Z");
    assertThat(j.get("expression").asText()).isEqualTo("Cov(Y, Z) / Cov(X, Z)");

    Path cpdag = graph(dir, "cpdag.txt", "# kind: CPDAG\nA --- X\nX --- Y\n");
    CommandRun text = run("identify", "--graph", cpdag.toString(), "--treatment", "X", "--outcome",
        "Y");
    assertThat(text.out()).contains("IDA: adjust for the parents of X")
        .contains("    {Y}  (effect zero");
    JsonNode k = json(run("identify", "--graph", cpdag.toString(), "--treatment", "X",
        "--outcome", "Y", "--format", "json"));
    assertThat(k.get("identified").asBoolean()).isFalse();
    assertThat(k.get("strategy").asText()).isEqualTo("ida");
    assertThat(k.get("ida")).hasSize(3);
    assertThat(k.get("reason").asText()).contains("not amenable");
  }

  @Test
  void writesToAFileOnlyWithForceWhenItExists(@TempDir Path dir) throws Exception {
    Path g = graph(dir, "fd.json", FRONT_DOOR);
    Path out = dir.resolve("id.json");
    String[] args = {"identify", "--graph", g.toString(), "--treatment", "Smoking", "--outcome",
        "Cancer", "--format", "json", "--out", out.toString()};
    assertThat(run(args).status()).isEqualTo(0);
    assertThat(new ObjectMapper().readTree(out.toFile()).get("strategy").asText())
        .isEqualTo("front-door");
    assertOneLineUserError(run(args), "already exists", "--force");
    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    assertThat(run(forced).status()).isEqualTo(0);
  }

  @Test
  void badInputGetsOneLineOnStderr(@TempDir Path dir) throws Exception {
    Path g = graph(dir, "fd.json", FRONT_DOOR);
    assertOneLineUserError(run("identify", "--graph", g.toString(), "--treatment", "smoking",
        "--outcome", "Cancer"), "fd.json", "no node named 'smoking'", "did you mean 'Smoking'?");
    assertOneLineUserError(run("identify", "--graph", g.toString(), "--treatment", "Tar",
        "--outcome", "Tar"), "'Tar' is both a treatment and an outcome");
    Path cyclic = graph(dir, "cyclic.txt", "# kind: DAG\nA --> B\nB --> C\nC --> A\n");
    assertOneLineUserError(run("identify", "--graph", cyclic.toString(), "--treatment", "A",
        "--outcome", "C"), "cyclic.txt", "directed cycle", "A --> B --> C --> A");
    Path broken = graph(dir, "broken.json", "{\"nodes\": [\"A\", \"B\"], \"edges\": [");
    assertOneLineUserError(run("identify", "--graph", broken.toString(), "--treatment", "A",
        "--outcome", "B"), "broken.json");
    assertOneLineUserError(run("identify", "--graph", dir.resolve("none.json").toString(),
        "--treatment", "A", "--outcome", "B"), "none.json", "no such file");
    CommandRun xml = run("identify", "--graph", g.toString(), "--treatment", "Smoking", "--outcome",
        "Cancer", "--format", "xml");
    assertThat(xml.status()).isEqualTo(1);
    assertThat(xml.err()).startsWith("identify: Invalid value for option '--format': 'xml' is not"
        + " a format; use text or json (see 'causal4j identify --help')");
    assertOneLineUserError(run("identify", "--graph", g.toString(), "--treatment", "Smoking",
        "--outcome", "Cancer", "--max-minimal-sets", "0"), "at least 1");
  }

  @Test
  void helpShowsAnExample() {
    CommandRun r = run("identify", "--help");
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.out()).contains("causal4j identify --graph truth.json --treatment X3"
        + " --outcome X7").contains("--adjust-for").contains("--exclude");
    assertThat(run("--help").out()).contains("identify");
  }
}
