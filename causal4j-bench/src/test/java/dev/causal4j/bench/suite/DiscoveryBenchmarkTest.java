package dev.causal4j.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.networks.BifNetwork;
import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.MutableGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark without Tetrad: what it runs, what it reports, and what it refuses. */
class DiscoveryBenchmarkTest {

  @Test
  void runsEverySizeAndAlgorithmAndReportsBothThreadCounts() throws Exception {
    List<String> progress = new ArrayList<>();
    DiscoveryBenchmarkResult r = DiscoveryBenchmark.builder().sizes(8, 12).samples(300)
        .averageDegree(2).repeats(2).warmups(1).threads(2).seed(3)
        .algorithms(BenchmarkAlgorithms.parse("pc-stable,pc")).tetrad(false)
        .progress(progress::add).build().run();
    assertThat(r.tetrad()).isEqualTo("not run (turned off)");
    assertThat(r.rows()).extracting(DiscoveryBenchmarkResult.Row::algorithm)
        .containsExactly("pc-stable", "pc", "pc-stable", "pc");
    assertThat(r.rows()).extracting(DiscoveryBenchmarkResult.Row::variables)
        .containsExactly(8, 8, 12, 12);
    for (DiscoveryBenchmarkResult.Row row : r.rows()) {
      assertThat(row.causal4j().searchMillis()).hasSize(2);
      assertThat(row.causal4j().threads()).isEqualTo(2);
      assertThat(row.causal4jOneThread().threads()).isEqualTo(1);
      assertThat(row.causal4jOneThread().searchMillis()).hasSize(2);
      assertThat(row.tetradSide()).isNull();
      assertThat(row.difference()).isNull();
      assertThat(row.samples()).isEqualTo(300);
      // n = 300 and degree 2 leave most true adjacencies findable.
      assertThat(row.causal4j().accuracy().adjacency().f1()).isGreaterThan(0.5);
      assertThat(Double.isNaN(row.speedUp())).isTrue();
    }
    assertThat(progress).anyMatch(s -> s.contains("warm-up 1 of 1"));
    String table = r.table();
    assertThat(table).contains("Tetrad: not run (turned off)").contains("Causal4J T=2")
        .contains("Causal4J T=1").contains("pc-stable").contains("n = 300");
    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertThat(json.path("settings").path("sizes").toString()).isEqualTo("[8,12]");
    assertThat(json.path("rows")).hasSize(4);
    JsonNode row = json.path("rows").get(0);
    assertThat(row.path("causal4j").path("search_ms")).hasSize(2);
    assertThat(row.path("causal4j_one_thread").path("threads").asInt()).isEqualTo(1);
    assertThat(row.path("causal4j").path("accuracy").path("adjacency").has("f1")).isTrue();
    assertThat(row.has("tetrad")).isFalse();
  }

  @Test
  void theSameSeedGivesTheSameGraphsAndOneThreadOnlyOnce() {
    DiscoveryBenchmark.Builder b = DiscoveryBenchmark.builder().sizes(10).samples(200)
        .repeats(1).warmups(0).threads(1).seed(5).tetrad(false);
    DiscoveryBenchmarkResult first = b.build().run();
    DiscoveryBenchmarkResult second = b.build().run();
    assertThat(first.rows().get(0).causal4j().accuracy())
        .isEqualTo(second.rows().get(0).causal4j().accuracy());
    assertThat(first.rows().get(0).causal4jOneThread()).isNull();
    assertThat(first.table().split("Causal4J T=", -1)).hasSize(2);
  }

  @Test
  void givenDataSetsRunInsteadOfSimulatedOnesAndUnfitAlgorithmsAreSkipped() throws Exception {
    Path file = Path.of(getClass().getResource("/dev/causal4j/bench/realdata/asia_10000.csv.gz")
        .toURI());
    Graph asia = BifNetwork.read(Path.of(getClass()
        .getResource("/dev/causal4j/bench/networks/asia.bif").toURI())).dag();
    NamedDataset given = new NamedDataset("asia", DataReader.read(file), asia);
    DiscoveryBenchmarkResult r = DiscoveryBenchmark.builder().datasets(List.of(given))
        .algorithms(BenchmarkAlgorithms.parse("pc-stable,directlingam")).repeats(1).warmups(0)
        .threads(1).tetrad(false).build().run();
    assertThat(r.rows()).singleElement().satisfies(row -> {
      assertThat(row.dataset()).isEqualTo("asia");
      assertThat(row.samples()).isEqualTo(10_000);
      // G² on 10,000 samples finds most of asia's 8 arcs (its either/tub/lung triangle is
      // deterministic, which costs a few).
      assertThat(row.causal4j().accuracy().adjacency().f1()).isGreaterThan(0.7);
    });
    assertThat(r.notes()).singleElement().asString()
        .contains("directlingam skipped on asia").contains("continuous data only");
    assertThat(r.table()).contains("given data sets").contains("  data  ")
        .contains("note: directlingam skipped on asia");
  }

  @Test
  void aTrueGraphOverOtherVariablesIsRefused() {
    Dataset data = Dataset.ofContinuous(List.of("a", "b"), new double[][] {{1, 2}, {3, 4}});
    MutableGraph g = new MutableGraph(List.of("a", "c"));
    assertThatThrownBy(() -> new NamedDataset("d", data, g.snapshot()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("only in the data: [b]")
        .hasMessageContaining("only in the graph: [c]");
  }

  @Test
  void badSettingsAreRefusedWithTheOptionNamed() {
    DiscoveryBenchmark.Builder b = DiscoveryBenchmark.builder();
    assertThatThrownBy(() -> b.sizes()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--sizes");
    assertThatThrownBy(() -> b.sizes(1)).hasMessageContaining("--sizes");
    assertThatThrownBy(() -> b.samples(3)).hasMessageContaining("--samples");
    assertThatThrownBy(() -> b.repeats(0)).hasMessageContaining("--repeats");
    assertThatThrownBy(() -> b.warmups(-1)).hasMessageContaining("--warmups");
    assertThatThrownBy(() -> b.threads(0)).hasMessageContaining("--threads");
    assertThatThrownBy(() -> b.averageDegree(0)).hasMessageContaining("--degree");
    assertThatThrownBy(() -> b.tetradHeap("lots")).hasMessageContaining("heap");
    assertThatThrownBy(() -> BenchmarkAlgorithms.parse("pc-stable,nope"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'nope'")
        .hasMessageContaining("pc-stable");
    assertThatThrownBy(() -> BenchmarkAlgorithms.parse(" , "))
        .hasMessageContaining("--algorithms is empty");
  }

  @Test
  void algorithmsAreParsedInTheGivenOrderWithoutRepeats() {
    assertThat(BenchmarkAlgorithms.parse("pc, pc-stable,pc"))
        .containsExactly(BenchmarkAlgorithms.PC, BenchmarkAlgorithms.PC_STABLE);
  }
}
