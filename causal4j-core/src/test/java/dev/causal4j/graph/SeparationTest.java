package dev.causal4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeparationTest {

  @Test
  void colliderBlocksUntilItOrADescendantIsConditionedOn() {
    // A --> C <-- B, C --> D
    MutableGraph g = new MutableGraph(List.of("A", "B", "C", "D"));
    g.addDirectedEdge(0, 2).addDirectedEdge(1, 2).addDirectedEdge(2, 3);
    assertThat(Separation.isSeparated(g, 0, 1, new int[0])).isTrue();
    assertThat(Separation.isSeparated(g, 0, 1, new int[] {2})).isFalse();
    assertThat(Separation.isSeparated(g, 0, 1, new int[] {3})).isFalse();
    assertThat(Separation.isSeparated(g, 0, 3, new int[] {2})).isTrue();
  }

  @Test
  void bidirectedEdgesMakeCollidersInMixedGraphs() {
    // A --> B <-> C <-- D : B and C are colliders on A..D.
    MutableGraph g = new MutableGraph(List.of("A", "B", "C", "D"));
    g.addDirectedEdge(0, 1).addBidirectedEdge(1, 2).addDirectedEdge(3, 2);
    assertThat(Separation.isSeparated(g, 0, 3, new int[0])).isTrue();
    assertThat(Separation.isSeparated(g, 0, 3, new int[] {1})).isTrue();
    assertThat(Separation.isSeparated(g, 0, 3, new int[] {1, 2})).isFalse();
    assertThat(Separation.isSeparated(g, 0, 2, new int[0])).isTrue();
    assertThat(Separation.isSeparated(g, 0, 2, new int[] {1})).isFalse();
  }

  @Test
  void undirectedGraphsAreRejected() {
    MutableGraph g = new MutableGraph(List.of("A", "B")).addUndirectedEdge(0, 1);
    assertThatThrownBy(() -> Separation.isSeparated(g, 0, 1, new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A --- B");
  }
}
