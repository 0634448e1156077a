package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code causal4j discover} end to end, on the bundled Sachs data and on known graphs. */
class DiscoverCommandTest {
  /** The example the README shows; tests run in the module directory. */
  private static final String SACHS = Path.of("..", "examples", "sachs.csv").toString();

  @Test
  void textOutputListsTheGraphAndWhatTheSearchDid() {
    CommandRun r = CommandRun.of("discover", SACHS).assertOk();
    assertThat(r.out()).startsWith("pc-stable on " + SACHS + " (853 rows × 11 variables), fisher-z\n")
        .contains("CPDAG with ").contains(" --- ").containsPattern("\\d+ tests in \\d+ ms");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonIsAGraphFileWithStatsThatOtherCommandsRead(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("g.json");
    CommandRun.of("discover", "--algorithm", "cpc", "--alpha", "0.05", "--threads", "1",
        "--format", "json", "--out", out.toString(), SACHS).assertOk();
    JsonNode j = new ObjectMapper().readTree(out.toFile());
    assertThat(j.get("kind").asText()).isEqualTo("CPDAG");
    assertThat(j.get("nodes")).hasSize(11);
    assertThat(j.at("/stats/algorithm").asText()).isEqualTo("cpc");
    assertThat(j.at("/stats/parameters/alpha").asText()).isEqualTo("0.05");
    assertThat(j.at("/stats/tests").asLong()).isPositive();
    Graph g = GraphFiles.read(out);
    assertThat(g.edgeCount()).isEqualTo(j.get("edges").size());
  }

  @Test
  void anOracleRecoversTheTrueCpdagWithoutData(@TempDir Path dir) throws Exception {
    // Asia's DAG (Lauritzen & Spiegelhalter 1988).
    List<String> names = List.of("asia", "tub", "smoke", "lung", "bronc", "either", "xray", "dysp");
    MutableGraph dag = new MutableGraph(names, dev.causal4j.graph.GraphKind.DAG);
    dag.addDirectedEdge(0, 1).addDirectedEdge(2, 3).addDirectedEdge(2, 4).addDirectedEdge(1, 5)
        .addDirectedEdge(3, 5).addDirectedEdge(5, 6).addDirectedEdge(5, 7).addDirectedEdge(4, 7);
    Path truth = dir.resolve("truth.json");
    Files.writeString(truth, GraphJson.write(dag));
    for (String algorithm : List.of("pc", "pc-stable", "cpc")) {
      CommandRun r = CommandRun.of("discover", "--algorithm", algorithm, "--test", "oracle",
          "--truth", truth.toString(), "--format", "json").assertOk();
      assertThat(GraphJson.read(r.out(), "stdout")).isEqualTo(Cpdag.of(dag));
    }
  }

  @Test
  void bootstrapAddsEdgeProbabilitiesAndIsReproducible() throws Exception {
    String[] args = {"discover", "--bootstrap", "8", "--seed", "3", "--format", "json", SACHS};
    CommandRun a = CommandRun.of(args).assertOk();
    CommandRun b = CommandRun.of(args).assertOk();
    JsonNode ja = new ObjectMapper().readTree(a.out());
    JsonNode jb = new ObjectMapper().readTree(b.out());
    assertThat(ja.get("edges")).isEqualTo(jb.get("edges"));
    assertThat(ja.at("/resampling/pairs")).isEqualTo(jb.at("/resampling/pairs"));
    assertThat(ja.at("/resampling/samples").asInt()).isEqualTo(8);
    for (JsonNode e : ja.get("edges")) {
      assertThat(e.get("probability").asDouble()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void knowledgeIsHonoured(@TempDir Path dir) throws Exception {
    Path k = dir.resolve("k.txt");
    // Put Raf (praf) in a tier after every other protein: nothing may point out of it.
    Files.writeString(k, "addtemporal\n1 pmek plcg PIP2 PIP3 p44/42 pakts473 PKA PKC P38 pjnk\n"
        + "2 praf\n");
    CommandRun r = CommandRun.of("discover", "--knowledge", k.toString(), "--format", "json",
        SACHS).assertOk();
    Graph g = GraphJson.read(r.out(), "stdout");
    int raf = g.indexOf("praf");
    for (int v : g.adjacentNodes(raf)) {
      assertThat(g.isDirected(v, raf)).as(g.name(v)).isTrue();
    }
  }

  @Test
  void directLingamFindsTheDagOfNonGaussianDataWithItsWeights(@TempDir Path dir)
      throws Exception {
    Path sim = dir.resolve("sim");
    CommandRun.of("simulate", "--model", "linear-uniform", "--nodes", "8", "--degree", "2",
        "--samples", "3000", "--seed", "3", "--out", sim.toString()).assertOk();
    CommandRun r = CommandRun.of("discover", "--algorithm", "directlingam", "--format", "json",
        sim.resolve("data.csv").toString()).assertOk();
    // Seeded uniform-noise data at n = 3,000: DirectLiNGAM finds the exact DAG (its tests show
    // ≥ 94% of seeds do at n = 5,000; this seed is one of them).
    assertThat(GraphJson.read(r.out(), "stdout")).isEqualTo(GraphFiles.read(sim.resolve("truth.json")));
    JsonNode j = new ObjectMapper().readTree(r.out());
    for (JsonNode e : j.get("edges")) {
      assertThat(Math.abs(e.get("weight").asDouble())).isBetween(0.2, 2.0);
    }
    assertThat(j.at("/stats/causal_order")).hasSize(8);
    CommandRun.of("discover", "--algorithm", "directlingam", "--test", "fisher-z",
        sim.resolve("data.csv").toString()).assertUserError("takes no --test");
  }

  @Test
  void badInputGetsOneLine(@TempDir Path dir) throws Exception {
    CommandRun.of("discover", "--test", "g-square", SACHS)
        .assertUserError("g-square needs categorical variables", "praf");
    CommandRun.of("discover", "--bootstrap", "0", SACHS).assertUserError("at least 1");
    CommandRun.of("discover", "--test", "oracle").assertUserError("--truth");
    CommandRun.of("discover", "--algorithm", "magic", SACHS).assertUserError("not an algorithm");
    Path k = dir.resolve("k.txt");
    Files.writeString(k, "forbiddirect\nRaf Mek\n");
    CommandRun.of("discover", "--knowledge", k.toString(), SACHS).assertUserError("Raf");
    Path out = dir.resolve("exists.json");
    Files.writeString(out, "{}");
    CommandRun.of("discover", "--out", out.toString(), SACHS).assertUserError("already exists");
    assertThat(Files.readString(out)).isEqualTo("{}");
  }
}
