package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.Pag;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateAndCompareCommandTest {


  static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  private static void assertOneLineUserError(CommandRun r, String... fragments) {
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").contains(fragments);
  }

  @Test
  void simulateWritesDataAndTruthAndTheSameSeedGivesTheSameFiles(@TempDir Path dir)
      throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    String[] args = {"simulate", "--model", "linear-gaussian", "--nodes", "12", "--degree", "3",
        "--samples", "200", "--seed", "7", "--out", a.toString()};
    CommandRun r = run(args);
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("simulate: wrote ").contains("200 rows × 12 variables")
        .contains("truth.json (12 nodes");
    args[args.length - 1] = b.toString();
    assertThat(run(args).status()).isEqualTo(0);
    assertThat(Files.readAllBytes(a.resolve("data.csv"))).isEqualTo(Files.readAllBytes(b.resolve("data.csv")));
    assertThat(Files.readString(a.resolve("truth.json"))).isEqualTo(Files.readString(b.resolve("truth.json")));
    List<String> lines = Files.readAllLines(a.resolve("data.csv"));
    assertThat(lines).hasSize(201);
    assertThat(lines.get(0)).isEqualTo("X1,X2,X3,X4,X5,X6,X7,X8,X9,X10,X11,X12");
    Graph truth = GraphFiles.read(a.resolve("truth.json"));
    assertThat(truth.kind()).isEqualTo(GraphKind.DAG);
    assertThat(truth.size()).isEqualTo(12);
  }

  @Test
  void hiddenVariablesAreListedInTheTruthAndLeftOutOfTheData(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sim");
    CommandRun r = run("simulate", "--model", "mixed", "--nodes", "20", "--degree", "4", "--latent",
        "2", "--domains", "2", "--missing", "0.1", "--samples", "100", "--seed", "3", "--out",
        out.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).contains("2 hidden left out");
    Graph truth = GraphFiles.read(out.resolve("truth.json"));
    int[] latent = Graphs.latentNodes(truth);
    assertThat(latent).hasSize(2);
    String header = Files.readAllLines(out.resolve("data.csv")).get(0);
    assertThat(header.split(",")).hasSize(18 + 1).endsWith("domain");
    for (int v : latent) {
      assertThat(List.of(header.split(","))).doesNotContain(truth.name(v));
    }
    Graph pag = GraphFiles.read(out.resolve("truth-pag.json"));
    assertThat(pag.kind()).isEqualTo(GraphKind.PAG);
    assertThat(pag.nodeNames()).hasSize(18).isEqualTo(Pag.ofDag(truth).nodeNames());
    assertThat(r.err()).contains("truth-pag.json (the PAG over the observed variables");
    CommandRun self = run("compare", "--truth", out.resolve("truth.json").toString(), "--estimate",
        out.resolve("truth-pag.json").toString());
    assertThat(self.status()).as(self.err()).isEqualTo(0);
    assertThat(self.out()).contains("scored against the PAG of").contains("SHD 0");
  }

  @Test
  void simulateSamplesABifNetwork(@TempDir Path dir) throws Exception {
    Path bif = Path.of(getClass().getResource("asia.bif").toURI());
    Path out = dir.resolve("asia");
    CommandRun r = run("simulate", "--model", "bif", "--network", bif.toString(), "--samples", "50",
        "--seed", "1", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(0);
    List<String> lines = Files.readAllLines(out.resolve("data.csv"));
    assertThat(lines.get(0)).isEqualTo("asia,tub,smoke,lung,bronc,either,xray,dysp");
    assertThat(lines.get(1).split(",")).allMatch(s -> s.equals("yes") || s.equals("no"));
    assertThat(GraphFiles.read(out.resolve("truth.json")).edgeCount()).isEqualTo(8);
  }

  @Test
  void simulateRefusesANonEmptyDirectoryAndBadOptions(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("keep.txt"), "mine");
    assertOneLineUserError(run("simulate", "--model", "discrete", "--out", dir.toString()),
        "is not empty", "--force");
    assertThat(run("simulate", "--model", "discrete", "--samples", "20", "--out", dir.toString(),
        "--force").status()).isEqualTo(0);
    assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
    assertOneLineUserError(run("simulate", "--model", "linear-gaussian", "--nodes", "5",
        "--degree", "9", "--out", dir.resolve("x").toString()), "average degree");
    assertOneLineUserError(run("simulate", "--model", "bif", "--out", dir.resolve("y").toString()),
        "--network");
    assertOneLineUserError(run("simulate", "--model", "bif", "--network",
        dir.resolve("none.bif").toString(), "--out", dir.resolve("z").toString()),
        "none.bif: no such file");
    CommandRun bad = run("simulate", "--model", "quadratic", "--out", dir.toString());
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).contains("'quadratic' is not a model");
  }

  @Test
  void compareScoresAgainstTheDagAsTextAndJson(@TempDir Path dir) throws Exception {
    // Truth A → C ← B, C → D; estimate A → C, B — C, D → C, A — D. Against the DAG (= its own
    // CPDAG here): adjacency TP 3 FP 1 FN 0; arrowhead TP 1 FP 1 FN 2; SHD 3 (see
    // GraphMetricsTest.handWorkedCpdagCase). Optimistic: A→C TP, B—C TP, D→C FP, A—D FP; FN 1.
    MutableGraph truth = new MutableGraph(List.of("A", "B", "C", "D"), GraphKind.DAG);
    truth.addDirectedEdge(0, 2).addDirectedEdge(1, 2).addDirectedEdge(2, 3);
    MutableGraph est = new MutableGraph(List.of("A", "B", "C", "D"), GraphKind.CPDAG);
    est.addDirectedEdge(0, 2).addUndirectedEdge(1, 2).addDirectedEdge(3, 2).addUndirectedEdge(0, 3);
    Path t = dir.resolve("truth.json");
    Path e = dir.resolve("est.txt");
    Files.writeString(t, GraphJson.write(truth));
    GraphFiles.write(est, e); // Tetrad text
    CommandRun r = run("compare", "--truth", t.toString(), "--estimate", e.toString(), "--reference",
        "dag");
    assertThat(r.status()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("scored against the DAG of")
        .containsPattern("adjacency\\s+3\\s+1\\s+0\\s+0\\.750\\s+1\\.000\\s+0\\.857")
        .containsPattern("arrowhead\\s+1\\s+1\\s+2\\s+0\\.500\\s+0\\.333\\s+0\\.400")
        .containsPattern("optimistic directed \\(vs DAG\\)\\*\\s+2\\s+2\\s+1")
        .contains("SHD 3");
    CommandRun j = run("compare", "--truth", t.toString(), "--estimate", e.toString(), "--reference",
        "dag", "--format", "json");
    JsonNode json = new ObjectMapper().readTree(j.out());
    assertThat(json.get("reference").asText()).isEqualTo("DAG");
    assertThat(json.get("adjacency").get("tp").asInt()).isEqualTo(3);
    assertThat(json.get("arrowhead").get("recall").asDouble()).isEqualTo(1.0 / 3);
    assertThat(json.get("shd").asInt()).isEqualTo(3);
    assertThat(json.get("optimistic_directed").get("fn").asInt()).isEqualTo(1);
    // By default a DAG truth is scored against its CPDAG (here all edges are compelled by the
    // v-structure A → C ← B, so the numbers are the same as against the DAG).
    CommandRun def = run("compare", "--truth", t.toString(), "--estimate", e.toString());
    assertThat(def.status()).as(def.err()).isEqualTo(0);
    assertThat(def.out()).contains("scored against the CPDAG of").contains("SHD 3");
    // A CPDAG truth is its own CPDAG reference (the default).
    Path cpdag = dir.resolve("cpdag.edges");
    GraphFiles.write(est, cpdag);
    CommandRun self = run("compare", "--truth", cpdag.toString(), "--estimate", e.toString());
    assertThat(self.out()).contains("SHD 0").doesNotContain("optimistic");
  }

  @Test
  void compareReportsBadInputOnOneLine(@TempDir Path dir) throws Exception {
    MutableGraph truth = new MutableGraph(List.of("A", "B"), GraphKind.DAG);
    truth.addDirectedEdge(0, 1);
    Path t = dir.resolve("truth.json");
    Files.writeString(t, GraphJson.write(truth));
    Path other = dir.resolve("other.json");
    Files.writeString(other, GraphJson.write(new MutableGraph(List.of("A", "C"))));
    assertOneLineUserError(run("compare", "--truth", t.toString(), "--estimate", other.toString(),
        "--reference", "dag"), "only in the estimate: C", "only in the truth: B");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"nodes\": [\"A\", \"B\"],\n \"edges\": [{\"from\": \"A\"\"to\"}]}");
    assertOneLineUserError(run("compare", "--truth", t.toString(), "--estimate",
        broken.toString()), "broken.json, line 2, column", "malformed JSON");
    Path badEdge = dir.resolve("bad.edges");
    Files.writeString(badEdge, "A --> B\nB ==> A\n");
    assertOneLineUserError(run("compare", "--truth", t.toString(), "--estimate",
        badEdge.toString(), "--reference", "dag"), "bad.edges, line 2", "unknown edge symbol");
  }

  @Test
  void helpShowsAnExample() {
    assertThat(run("simulate", "--help").out()).contains("Examples:", "--model", "--out=DIR");
    assertThat(run("compare", "--help").out()).contains("Example:", "--reference");
  }
}
