package dev.causal4j.bench.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BifNetworkTest {

  static BifNetwork load(String name) {
    try {
      return BifNetwork.read(Path.of(BifNetworkTest.class.getResource(name + ".bif").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Node and arc counts and the largest state count, from the data README's table. */
  @ParameterizedTest
  @CsvSource({
    "asia, 8, 8, 2", "cancer, 5, 4, 2", "earthquake, 5, 4, 2", "sachs, 11, 17, 3",
    "survey, 6, 6, 3", "alarm, 37, 46, 4", "child, 20, 25, 6", "insurance, 27, 52, 5",
    "water, 32, 66, 4", "hailfinder, 56, 66, 11"
  })
  void everyNetworkParsesWithTheDocumentedShapeAndRowsSumToOne(String name, int nodes, int arcs,
      int maxStates) {
    BifNetwork net = load(name);
    Graph dag = net.dag();
    assertThat(dag.size()).isEqualTo(nodes);
    assertThat(dag.edgeCount()).isEqualTo(arcs);
    assertThat(dag.kind()).isEqualTo(GraphKind.DAG);
    assertThat(Graphs.isDag(dag)).isTrue();
    int max = 0;
    for (int v = 0; v < nodes; v++) {
      int k = net.states(v).size();
      max = Math.max(max, k);
      int[] pa = net.tableParents(v);
      int[] sortedParents = pa.clone();
      Arrays.sort(sortedParents);
      assertThat(sortedParents).isEqualTo(dag.parents(v));
      // Every row of the CPT: enumerate parent configurations.
      int[] config = new int[pa.length];
      while (true) {
        double sum = 0;
        for (int s = 0; s < k; s++) {
          sum += net.probability(v, config, s);
        }
        // The files round entries to two decimals in places (hailfinder): rows sum to 1 ± 0.01.
        assertThat(sum).as("%s row of %s", name, dag.name(v)).isCloseTo(1, within(0.011));
        int i = pa.length - 1;
        while (i >= 0 && ++config[i] == net.states(pa[i]).size()) {
          config[i] = 0;
          i--;
        }
        if (i < 0) {
          break;
        }
      }
    }
    assertThat(max).isEqualTo(maxStates);
  }

  @Test
  void asiaReadsItsStatesAndEntries() {
    BifNetwork asia = load("asia");
    assertThat(asia.dag().nodeNames())
        .containsExactly("asia", "tub", "smoke", "lung", "bronc", "either", "xray", "dysp");
    assertThat(asia.states(0)).containsExactly("yes", "no");
    int either = asia.dag().indexOf("either");
    int[] pa = asia.tableParents(either); // ( either | lung, tub )
    assertThat(Graphs.names(asia.dag(), pa)).containsExactly("lung", "tub");
    // "(no, no) 0.0, 1.0;": either is 'no' for sure when neither lung nor tub.
    assertThat(asia.probability(either, new int[] {1, 1}, 1)).isEqualTo(1.0);
    assertThat(asia.probability(either, new int[] {1, 0}, 0)).isEqualTo(1.0);
    int tub = asia.dag().indexOf("tub");
    assertThat(asia.probability(tub, new int[] {0}, 0)).isEqualTo(0.05);
  }

  /**
   * Forward samples at n = 200,000: for every parent configuration seen 2000+ times, each
   * conditional frequency is within 5 binomial standard errors (+1e-9 for zero entries) of the
   * CPT entry, normalized as the sampler normalizes it.
   */
  @ParameterizedTest
  @CsvSource({"asia", "sachs", "child"})
  void sampledFrequenciesMatchTheTables(String name) {
    BifNetwork net = load(name);
    int n = 200_000;
    Dataset data = net.sample(n, 42);
    assertThat(data.names()).isEqualTo(net.dag().nodeNames());
    int checked = 0;
    for (int v = 0; v < net.size(); v++) {
      assertThat(data.variable(v).levels()).isEqualTo(net.states(v));
      int[] pa = net.tableParents(v);
      int k = net.states(v).size();
      java.util.Map<String, int[]> counts = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        int[] config = new int[pa.length];
        for (int j = 0; j < pa.length; j++) {
          config[j] = data.codes(pa[j])[i];
        }
        counts.computeIfAbsent(Arrays.toString(config), x -> new int[k])[data.codes(v)[i]]++;
      }
      for (var e : counts.entrySet()) {
        int total = Arrays.stream(e.getValue()).sum();
        if (total < 2000) {
          continue;
        }
        int[] config = Arrays.stream(e.getKey().replaceAll("[\\[\\] ]", "").split(","))
            .filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        double rowSum = 0;
        for (int s = 0; s < k; s++) {
          rowSum += net.probability(v, config, s);
        }
        for (int s = 0; s < k; s++) {
          double pi = net.probability(v, config, s) / rowSum;
          double se = Math.sqrt(pi * (1 - pi) / total);
          assertThat((double) e.getValue()[s] / total).isCloseTo(pi, within(5 * se + 1e-9));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(2 * net.size());
    // Same seed, same data.
    assertThat(net.sample(1000, 42).codes(0)).isEqualTo(net.sample(1000, 42).codes(0));
  }

  @Test
  void badFilesNameTheLineAndTheFix() {
    String head = "network x {\n}\nvariable A {\n  type discrete [ 2 ] { y, n };\n}\n"
        + "variable B {\n  type discrete [ 2 ] { y, n };\n}\n";
    assertThatThrownBy(() -> BifNetwork.parse(head + "probability ( A ) {\n  table 0.5, 0.5;\n}\n"
        + "probability ( B | A ) {\n  (y) 0.5, 0.5;\n  (maybe) 0.1, 0.9;\n}\n", "x.bif"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("x.bif, line 14: 'maybe' is not a state of 'A' (its states are y, n)");
    assertThatThrownBy(() -> BifNetwork.parse(head + "probability ( A ) {\n  table 0.5, 0.3;\n}\n"
        + "probability ( B | A ) {\n  (y) 0.5, 0.5;\n  (n) 0.1, 0.9;\n}\n", "x.bif"))
        .hasMessage("x.bif, line 10: a row for 'A' sums to 0.8, not 1; fix the probabilities");
    assertThatThrownBy(() -> BifNetwork.parse(head + "probability ( A ) {\n  table 0.5, 0.5;\n}\n"
        + "probability ( B | A ) {\n  (y) 0.5, 0.5;\n}\n", "x.bif"))
        .hasMessageContaining("misses 1 parent configuration(s); add their rows or a 'default'");
    assertThatThrownBy(() -> BifNetwork.parse(head + "probability ( A ) {\n  table 0.5, 0.5;\n}\n",
        "x.bif")).hasMessage("x.bif, line 6: variable 'B' has no probability block; add"
            + " 'probability ( B ) { … }'");
    assertThatThrownBy(() -> BifNetwork.parse(head + "probability ( A | B ) {\n  (y) 0.5, 0.5;\n"
        + "  (n) 0.5, 0.5;\n}\nprobability ( B | A ) {\n  (y) 0.5, 0.5;\n  (n) 0.1, 0.9;\n}\n",
        "x.bif")).hasMessageContaining("cycle");
    assertThatThrownBy(() -> BifNetwork.parse(head + "probability ( A ) {\n  table 0.5, 0.5;\n}\n"
        + "probability ( B | A ) {\n  (y) 0.5, 0.5;\n  default 0.2, 0.8;\n", "x.bif"))
        .hasMessageContaining("the file ends where");
    // A default row fills the configurations not listed.
    BifNetwork ok = BifNetwork.parse(head + "probability ( A ) {\n  table 0.5, 0.5;\n}\n"
        + "probability ( B | A ) {\n  (y) 0.5, 0.5;\n  default 0.2, 0.8;\n}\n", "x.bif");
    assertThat(ok.probability(1, new int[] {1}, 1)).isEqualTo(0.8);
  }
}
