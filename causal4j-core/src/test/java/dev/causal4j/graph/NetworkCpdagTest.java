package dev.causal4j.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CPDAGs of nine standard Bayesian networks against those Tetrad 7.6.6 computes (reference
 * files and the program that wrote them are in {@code src/test/resources/dev/causal4j/graph/
 * networks}).
 */
class NetworkCpdagTest {

  @ParameterizedTest
  @ValueSource(strings = {"asia", "cancer", "earthquake", "survey", "sachs", "child", "alarm",
      "insurance", "water"})
  void matchesTetrad(String network) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> csv = lines(network + "_dag.csv");
    for (String line : csv.subList(1, csv.size())) {
      rows.add(line.split(","));
    }
    Set<String> names = new LinkedHashSet<>();
    for (String[] r : rows) {
      names.add(r[0]);
      names.add(r[1]);
    }
    MutableGraph dag = new MutableGraph(new ArrayList<>(names), GraphKind.DAG);
    for (String[] r : rows) {
      dag.addDirectedEdge(dag.indexOf(r[0]), dag.indexOf(r[1]));
    }
    List<String> expected = lines(network + "_cpdag_tetrad.txt");
    for (Cpdag.Method m : Cpdag.Method.values()) {
      Graph cpdag = Cpdag.of(dag, m);
      List<String> actual = new ArrayList<>();
      for (Edge e : cpdag.edges()) {
        String a = cpdag.name(e.from());
        String b = cpdag.name(e.to());
        actual.add(e.isDirected() ? a + " --> " + b
            : (a.compareTo(b) < 0 ? a + " --- " + b : b + " --- " + a));
      }
      assertThat(actual).as(m.toString()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(Cpdag.isCpdag(cpdag)).isTrue();
    }
  }

  private static List<String> lines(String file) throws IOException {
    try (InputStream in = NetworkCpdagTest.class.getResourceAsStream("networks/" + file)) {
      assertThat(in).as(file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).toList();
    }
  }
}
