package dev.causal4j.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MutableGraphTest {
  private final List<String> abcd = List.of("A", "B", "C", "D");

  @Test
  void marksAreReadFromEachSide() {
    MutableGraph g = new MutableGraph(abcd);
    g.addDirectedEdge(0, 1).setEdge(2, 1, Endpoint.CIRCLE, Endpoint.ARROW).addUndirectedEdge(3, 2);
    assertThat(g.endpoint(0, 1)).isEqualTo(Endpoint.ARROW);
    assertThat(g.endpoint(1, 0)).isEqualTo(Endpoint.TAIL);
    assertThat(g.endpoint(1, 2)).isEqualTo(Endpoint.CIRCLE);
    assertThat(g.endpoint(0, 3)).isNull();
    assertThat(g.isDirected(0, 1)).isTrue();
    assertThat(g.isDirected(1, 0)).isFalse();
    assertThat(g.parents(1)).containsExactly(0);
    assertThat(g.children(0)).containsExactly(1);
    assertThat(g.undirectedNeighbors(2)).containsExactly(3);
    assertThat(g.adjacentNodes(1)).containsExactly(0, 2);
    assertThat(g.edgeCount()).isEqualTo(3);
  }

  @Test
  void edgesAreListedOnceInCanonicalForm() {
    MutableGraph g = new MutableGraph(abcd);
    g.addDirectedEdge(3, 0).setEdge(1, 2, Endpoint.ARROW, Endpoint.CIRCLE).addBidirectedEdge(2, 0);
    assertThat(g.edges())
        .extracting(e -> g.name(e.from()) + " " + e.symbol() + " " + g.name(e.to()))
        .containsExactly("A <-> C", "C o-> B", "D --> A");
  }

  @Test
  void replacingAndRemovingEdgesKeepsCountsRight() {
    MutableGraph g = MutableGraph.complete(abcd);
    assertThat(g.edgeCount()).isEqualTo(6);
    g.addDirectedEdge(1, 0);
    assertThat(g.edgeCount()).isEqualTo(6);
    assertThat(g.removeEdge(0, 1)).isTrue();
    assertThat(g.removeEdge(0, 1)).isFalse();
    assertThat(g.isAdjacent(1, 0)).isFalse();
    assertThat(g.edgeCount()).isEqualTo(5);
    assertThat(g.degree(0)).isEqualTo(2);
  }

  @Test
  void equalityIgnoresNodeOrderButNotMarks() {
    MutableGraph g = new MutableGraph(abcd).addDirectedEdge(0, 1);
    MutableGraph h = new MutableGraph(List.of("D", "C", "B", "A")).addDirectedEdge(3, 2);
    assertThat(g.snapshot()).isEqualTo(h).hasSameHashCodeAs(h);
    h.setEndpoint(2, 3, Endpoint.ARROW);
    assertThat(g).isNotEqualTo(h);
  }

  @Test
  void snapshotsDoNotFollowLaterEdits() {
    MutableGraph g = new MutableGraph(abcd).addDirectedEdge(0, 1);
    Graph frozen = g.snapshot();
    g.removeEdge(0, 1);
    assertThat(frozen.isDirected(0, 1)).isTrue();
    assertThat(frozen.snapshot()).isSameAs(frozen);
  }
}
