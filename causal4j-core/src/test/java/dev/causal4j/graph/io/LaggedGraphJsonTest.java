package dev.causal4j.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaggedGraphJsonTest {

  static LaggedGraph example() {
    return LaggedGraph.builder(List.of("X", "Y", "H"), 3).kind(GraphKind.GENERAL)
        .link("X:1", "-->", "X").link("X:2", "-->", "Y").link("X", "---", "Y")
        .link("H:1", "-->", "Y").link("Y:3", "<->", "X").latent(2, true).build();
  }

  @Test
  void roundTripKeepsLinksLagsLatentsAndWeights() {
    LaggedGraph g = example();
    AnnotatedLaggedGraph a = AnnotatedLaggedGraph.builder(g).weight(0, 1, 2, -0.5)
        .probability(1, 0, 0, 0.75).build();
    String json = LaggedGraphJson.write(a);
    AnnotatedLaggedGraph back = LaggedGraphJson.read(json, "g.json");
    assertThat(back).isEqualTo(a);
    assertThat(back.annotation(g.link(0, 1, 2).orElseThrow()).weight()).hasValue(-0.5);
    assertThat(back.annotation(g.link(0, 1, 0).orElseThrow()).probability()).hasValue(0.75);
    assertThat(LaggedGraphJson.write(back)).isEqualTo(json);
    assertThat(LaggedGraphJson.isLaggedGraph(json)).isTrue();
  }

  @Test
  void theLayoutIsTheDocumentedOne() {
    LaggedGraph g = LaggedGraph.builder(List.of("A", "B"), 2).kind(GraphKind.CPDAG)
        .link("A:1", "-->", "A").link("A:2", "-->", "B").link("B", "---", "A").build();
    assertThat(LaggedGraphJson.write(g)).isEqualTo("""
        {
          "kind": "CPDAG",
          "max_lag": 2,
          "nodes": ["A", "B"],
          "edges": [
            {"from": "A", "to": "B", "edge": "---", "lag": 0},
            {"from": "A", "to": "A", "edge": "-->", "lag": 1},
            {"from": "A", "to": "B", "edge": "-->", "lag": 2}
          ]
        }
        """);
  }

  @Test
  void maxLagMayBeLeftOutAndContemporaneousEdgesMayBeWrittenEitherWay() {
    AnnotatedLaggedGraph a = LaggedGraphJson.read("""
        {"nodes": ["A", "B"], "edges": [
          {"from": "B", "to": "A", "edge": "<--", "lag": 0},
          {"from": "B", "to": "A", "edge": "-->", "lag": 4}]}""", "x.json");
    assertThat(a.graph().maxLag()).isEqualTo(4);
    assertThat(a.graph().links()).containsExactly(LaggedGraph.Link.directed(0, 1, 0),
        LaggedGraph.Link.directed(1, 0, 4));
  }

  @Test
  void anOrdinaryGraphFileIsNotTakenForALaggedOneAndViceVersa() {
    String plain = "{\"nodes\": [\"A\", \"B\"], \"edges\": [{\"from\": \"A\", \"to\": \"B\","
        + " \"edge\": \"-->\"}]}";
    assertThat(LaggedGraphJson.isLaggedGraph(plain)).isFalse();
    assertThatThrownBy(() -> GraphJson.read(LaggedGraphJson.write(example()), "ts.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ts.json, line 3").hasMessageContaining("time-series graph");
  }

  @Test
  void badFilesGetMessagesNamingTheLineAndTheFix() {
    assertBad("{\"nodes\": [\"A\"], \"edges\": [\n{\"from\": \"A\", \"to\": \"A\", \"edge\": \"-->\"}]}",
        "line 2", "has no \"lag\"");
    assertBad("{\"nodes\": [\"A\"], \"edges\": [\n{\"from\": \"A\", \"to\": \"A\", \"edge\": \"-->\","
        + " \"lag\": 0}]}", "line 2", "to itself at lag 0");
    assertBad("{\"nodes\": [\"A\", \"B\"], \"edges\": [\n{\"from\": \"A\", \"to\": \"B\", \"edge\":"
        + " \"<--\", \"lag\": 1}]}", "line 2", "no arrowhead at 'B'");
    assertBad("{\"max_lag\": 1, \"nodes\": [\"A\", \"B\"], \"edges\": [\n{\"from\": \"A\", \"to\":"
        + " \"B\", \"edge\": \"-->\", \"lag\": 2}]}", "line 2", "beyond \"max_lag\": 1");
    assertBad("{\"nodes\": [\"A\", \"B\"], \"edges\": [\n{\"from\": \"A:1\", \"to\": \"B\", \"edge\":"
        + " \"-->\", \"lag\": 1}]}", "line 2", "give the lag in \"lag\"");
    assertBad("{\"nodes\": [\"A\", \"B\"], \"edges\": [{\"from\": \"A\", \"to\": \"B\", \"edge\":"
        + " \"-->\", \"lag\": 1},\n{\"from\": \"A\", \"to\": \"B\", \"edge\": \"-->\", \"lag\": 1}]}",
        "line 2", "a second edge");
    assertBad("{\"kind\": \"DAG\", \"nodes\": [\"A\", \"B\"], \"edges\": [{\"from\": \"A\", \"to\":"
        + " \"B\", \"edge\": \"---\", \"lag\": 0}]}", "x.json", "labelled DAG");
    assertBad("{\"nodes\": [\"A\"], \"edges\": [], \"colour\": 1}", "line 1", "unknown field");
  }

  private static void assertBad(String json, String where, String what) {
    assertThatThrownBy(() -> LaggedGraphJson.read(json, "x.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("x.json")
        .hasMessageContaining(where).hasMessageContaining(what);
  }

  @Test
  void dotPicturesDrawEveryLinkAtEveryFittingTimeStep() {
    LaggedGraph g = LaggedGraph.builder(List.of("A", "B"), 2)
        .link("A:1", "-->", "A").link("A:2", "-->", "B").link("A", "o-o", "B").build();
    String ts = LaggedGraphDot.timeSeries(AnnotatedLaggedGraph.of(g));
    // A(t−1) → A(t) fits twice in a window of lags 0..2, A(t−2) → B(t) once, A — B three times.
    assertThat(ts).contains("\"A:1\" -> \"A\" [dir=both, arrowtail=none, arrowhead=normal]")
        .contains("\"A:2\" -> \"A:1\" [dir=both, arrowtail=none, arrowhead=normal, color=gray60]")
        .contains("\"A:2\" -> \"B\" [")
        .contains("\"A:2\" -> \"B:2\" [dir=both, arrowtail=odot, arrowhead=odot, color=gray60]")
        .contains("\"B:1\" [label=\"B\", pos=\"2,-1!\"]");
    assertThat(ts.lines().filter(l -> l.contains(" -> ")).count()).isEqualTo(6);
    String summary = LaggedGraphDot.summary(AnnotatedLaggedGraph.of(g));
    assertThat(summary).contains("\"A\" -> \"B\" [dir=both, arrowtail=none, arrowhead=normal,"
        + " label=\"2\"]").contains("\"A\" -> \"A\" [dir=both, arrowtail=none, arrowhead=normal,"
        + " label=\"1\"]").contains("\"A\" -> \"B\" [dir=both, arrowtail=odot, arrowhead=odot,"
        + " label=\"0\"]");
  }
}
