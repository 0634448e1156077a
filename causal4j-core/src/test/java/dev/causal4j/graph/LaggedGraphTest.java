package dev.causal4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaggedGraphTest {

  /** X(t−1) → X(t), X(t−2) → Y(t), X(t) → Z(t), Y(t) — Z(t), Z(t−1) o-> Y(t). */
  static LaggedGraph example() {
    return LaggedGraph.builder(List.of("X", "Y", "Z"), 2)
        .link("X:1", "-->", "X")
        .link("X:2", "-->", "Y")
        .link("X", "-->", "Z")
        .link("Z", "---", "Y")
        .link("Z:1", "o->", "Y")
        .build();
  }

  @Test
  void linksAreListedOnceByLagThenEndsWithContemporaneousOnesCanonical() {
    LaggedGraph g = example();
    assertThat(g.links()).containsExactly(
        LaggedGraph.Link.directed(0, 2, 0),
        new LaggedGraph.Link(1, 2, 0, Endpoint.TAIL, Endpoint.TAIL),
        LaggedGraph.Link.directed(0, 0, 1),
        new LaggedGraph.Link(2, 1, 1, Endpoint.CIRCLE, Endpoint.ARROW),
        LaggedGraph.Link.directed(0, 1, 2));
    assertThat(g.link(2, 0, 0)).hasValue(new LaggedGraph.Link(2, 0, 0, Endpoint.ARROW,
        Endpoint.TAIL));
    assertThat(g.hasLink(1, 0, 2)).as("lagged links have a direction in time").isFalse();
    assertThat(g.largestLinkLag()).isEqualTo(2);
  }

  @Test
  void theWindowUsesLaggedNodeNamesAndReadsBackToTheSameGraph() {
    LaggedGraph g = example();
    Graph w = g.window();
    assertThat(w.nodeNames()).containsExactly("X", "Y", "Z", "X:1", "Y:1", "Z:1", "X:2", "Y:2",
        "Z:2");
    assertThat(w.isDirected(w.indexOf("X:2"), w.indexOf("Y"))).isTrue();
    assertThat(w.isDirected(w.indexOf("X:1"), w.indexOf("X"))).isTrue();
    assertThat(w.isUndirected(w.indexOf("Y"), w.indexOf("Z"))).isTrue();
    assertThat(w.endpoint(w.indexOf("Y"), w.indexOf("Z:1"))).isEqualTo(Endpoint.CIRCLE);
    assertThat(w.edgeCount()).isEqualTo(5);
    assertThat(LaggedGraph.fromWindow(w, g.variables(), 2)).isEqualTo(g);
  }

  @Test
  void theSummaryGroupsLinksByPairAndSymbolWithTheirLags() {
    LaggedGraph g = LaggedGraph.builder(List.of("A", "B"), 3)
        .link("A:1", "-->", "B").link("A:3", "-->", "B").link("A", "-->", "B")
        .link("B:2", "-->", "A").link("B:1", "-->", "B").build();
    assertThat(g.summary()).containsExactly(
        new LaggedGraph.SummaryArc(0, 1, "-->", List.of(0, 1, 3)),
        new LaggedGraph.SummaryArc(1, 0, "-->", List.of(2)),
        new LaggedGraph.SummaryArc(1, 1, "-->", List.of(1)));
  }

  @Test
  void observedPartDropsLatentSeriesWithTheirLinks() {
    LaggedGraph g = LaggedGraph.builder(List.of("L", "X", "Y"), 1)
        .link("L:1", "-->", "X").link("L:1", "-->", "Y").link("X:1", "-->", "Y").latent(0, true)
        .build();
    LaggedGraph o = g.observedPart();
    assertThat(o.variables()).containsExactly("X", "Y");
    assertThat(o.links()).containsExactly(LaggedGraph.Link.directed(0, 1, 1));
  }

  @Test
  void badLinksAndNamesAreRefused() {
    LaggedGraph.Builder b = LaggedGraph.builder(List.of("X", "Y"), 2);
    assertThatThrownBy(() -> b.link("X", "-->", "X"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to itself");
    assertThatThrownBy(() -> b.link("X:1", "<--", "Y"))
        .hasMessageContaining("no arrowhead at its later end");
    assertThatThrownBy(() -> b.link("X:3", "-->", "Y"))
        .hasMessageContaining("lag 3 is outside 0..2");
    assertThatThrownBy(() -> b.link("W:1", "-->", "Y")).hasMessageContaining("no variable named 'W:1'");
    assertThatThrownBy(() -> b.directed(0, 1, 3)).hasMessageContaining("outside 0..2");
    assertThatThrownBy(() -> LaggedGraph.builder(List.of("X", "X:2"), 2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'X:2' reads as 'X' at lag 2");
    assertThatThrownBy(() -> LaggedGraph.builder(List.of("X", "Y"), 1).kind(GraphKind.DAG)
        .link("X", "---", "Y").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("labelled DAG");
  }

  @Test
  void contemporaneousCyclesAreRefusedInADag() {
    assertThatThrownBy(() -> LaggedGraph.builder(List.of("A", "B", "C"), 1).kind(GraphKind.DAG)
        .link("A", "-->", "B").link("B", "-->", "C").link("C", "-->", "A").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("directed cycle");
    // A lagged feedback loop is no cycle.
    LaggedGraph ok = LaggedGraph.builder(List.of("A", "B"), 1).kind(GraphKind.DAG)
        .link("A:1", "-->", "B").link("B:1", "-->", "A").build();
    assertThat(ok.linkCount()).isEqualTo(2);
  }
}
