package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Pag;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code causal4j discover} with the FCI family: fci, rfci and gfci, which return PAGs. */
class DiscoverFciFamilyTest {
  private static final String SACHS = Path.of("..", "examples", "sachs.csv").toString();
  private static final List<String> SEARCHES = List.of("fci", "rfci", "gfci");

  @TempDir static Path dir;
  private static Path hidden;

  @BeforeAll
  static void simulate() {
    hidden = dir.resolve("hidden");
    CommandRun.of("simulate", "--model", "linear-gaussian", "--nodes", "12", "--degree", "2",
        "--latent", "2", "--samples", "3000", "--seed", "5", "--out", hidden.toString())
        .assertOk();
  }

  @Test
  void anOracleGivesFciTheTruePagOfAGraphWithHiddenNodes() throws Exception {
    Path truth = hidden.resolve("truth.json");
    Graph dag = GraphFiles.read(truth);
    assertThat(dev.causal4j.graph.Graphs.latentNodes(dag)).hasSize(2);
    for (String algorithm : List.of("fci", "rfci")) {
      CommandRun r = CommandRun.of("discover", "--algorithm", algorithm, "--test", "oracle",
          "--truth", truth.toString(), "--format", "json").assertOk();
      Graph g = GraphJson.read(r.out(), "stdout");
      assertThat(g.kind()).isEqualTo(GraphKind.PAG);
      if (algorithm.equals("fci")) {
        assertThat(g).isEqualTo(Pag.ofDag(dag));
      }
    }
    CommandRun.of("discover", "--algorithm", "gfci", "--test", "oracle", "--truth",
        truth.toString()).assertUserError("gfci scores data");
  }

  @Test
  void dataGiveAPagWithWhatEachSearchUsed() throws Exception {
    String data = hidden.resolve("data.csv").toString();
    for (String algorithm : SEARCHES) {
      CommandRun r = CommandRun.of("discover", "--algorithm", algorithm, "--threads", "2", data)
          .assertOk();
      assertThat(r.out()).startsWith(algorithm + " on " + data + " (3000 rows × 10 variables),"
          + " fisher-z" + (algorithm.equals("gfci") ? ", bic\n" : "\n")).contains("PAG with ");
      JsonNode j = new ObjectMapper().readTree(CommandRun.of("discover", "--algorithm",
          algorithm, "--alpha", "0.05", "--depth", "2", "--format", "json", data).assertOk()
          .out());
      assertThat(j.get("kind").asText()).isEqualTo("PAG");
      assertThat(j.at("/stats/parameters/alpha").asText()).isEqualTo("0.05");
      assertThat(j.at("/stats/parameters/depth").asText()).isEqualTo("2");
      assertThat(j.at("/stats/tests").asLong()).isPositive();
    }
    JsonNode g = new ObjectMapper().readTree(CommandRun.of("discover", "--algorithm", "gfci",
        "--penalty", "4", "--max-degree", "3", "--format", "json", data).assertOk().out());
    assertThat(g.at("/stats/parameters/score").asText()).isEqualTo("bic (penalty discount 4.0)");
    assertThat(g.at("/stats/parameters/max_degree").asText()).isEqualTo("3");
    assertThat(g.at("/stats/score_evaluations").asLong()).isPositive();
    // The same PAG on one thread and on four.
    for (String algorithm : SEARCHES) {
      String one = CommandRun.of("discover", "--algorithm", algorithm, "--threads", "1",
          "--format", "tetrad", data).assertOk().out();
      String four = CommandRun.of("discover", "--algorithm", algorithm, "--threads", "4",
          "--format", "tetrad", data).assertOk().out();
      assertThat(four).as(algorithm).isEqualTo(one);
    }
  }

  @Test
  void knowledgeIsHonouredAsAPagReadsIt(@TempDir Path tmp) throws Exception {
    Path k = tmp.resolve("k.txt");
    // Raf (praf) in a tier after the others: it causes none of them, so every edge at it has an
    // arrowhead at praf. PKA --> pakts473 required; PKC --> P38 forbidden (PKC is not a cause
    // of P38: an arrowhead at PKC wherever they are adjacent).
    Files.writeString(k, "addtemporal\n1 pmek plcg PIP2 PIP3 p44/42 pakts473 PKA PKC P38 pjnk\n"
        + "2 praf\n\nrequiredirect\nPKA pakts473\n\nforbiddirect\nPKC P38\n");
    for (String algorithm : SEARCHES) {
      Graph g = GraphJson.read(CommandRun.of("discover", "--algorithm", algorithm, "--knowledge",
          k.toString(), "--format", "json", SACHS).assertOk().out(), "stdout");
      int raf = g.indexOf("praf");
      for (int v : g.adjacentNodes(raf)) {
        assertThat(g.endpoint(v, raf)).as(algorithm + ": " + g.name(v)).isEqualTo(Endpoint.ARROW);
      }
      assertThat(g.isDirected(g.indexOf("PKA"), g.indexOf("pakts473"))).as(algorithm).isTrue();
      int pkc = g.indexOf("PKC");
      int p38 = g.indexOf("P38");
      if (g.isAdjacent(pkc, p38)) {
        assertThat(g.endpoint(p38, pkc)).as(algorithm).isEqualTo(Endpoint.ARROW);
      }
    }
  }

  @Test
  void bootstrapWrapsTheFciFamily() throws Exception {
    for (String algorithm : List.of("fci", "gfci")) {
      String[] args = {"discover", "--algorithm", algorithm, "--bootstrap", "4", "--seed", "1",
          "--format", "json", SACHS};
      JsonNode a = new ObjectMapper().readTree(CommandRun.of(args).assertOk().out());
      JsonNode b = new ObjectMapper().readTree(CommandRun.of(args).assertOk().out());
      assertThat(a.at("/resampling/pairs")).isEqualTo(b.at("/resampling/pairs"));
      assertThat(a.at("/resampling/succeeded").asInt()).isEqualTo(4);
      assertThat(a.get("kind").asText()).isEqualTo("PAG");
    }
  }

  @Test
  void badInputGetsOneLine() {
    CommandRun.of("discover", "--algorithm", "gfci", "--score", "bdeu", SACHS)
        .assertUserError("bdeu needs categorical variables", "use --score bic");
    CommandRun.of("discover", "--algorithm", "gfci", "--test", "g-square", SACHS)
        .assertUserError("g-square needs categorical variables");
    CommandRun.of("discover", "--algorithm", "fci", "--penalty", "2", SACHS)
        .assertUserError("fci takes no score");
    CommandRun.of("discover", "--algorithm", "rfci", "--max-degree", "2", SACHS)
        .assertUserError("--max-degree applies to fges, ges and gfci");
    CommandRun.of("discover", "--algorithm", "fci", "--alpha", "1.5", SACHS)
        .assertUserError("alpha");
  }
}
