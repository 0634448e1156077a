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
  void indexesOfDifferentSizesShareOneThreadsScratchSafely() {
    // The per-thread scratch is shared by all indexes and grown on demand: interleaved queries
    // on a small and a large graph must answer as each graph's own walk does.
    Graph small = RandomGraphs.erdosRenyiDag(6, 2, TestGraphs.rng(1));
    Graph large = RandomGraphs.erdosRenyiDag(60, 3, TestGraphs.rng(2));
    SeparationIndex a = SeparationIndex.of(small);
    SeparationIndex b = SeparationIndex.of(large);
    for (int i = 0; i < 200; i++) {
      int x = i % 6;
      int y = (i * 7 + 3) % 6;
      int u = i % 60;
      int v = (i * 13 + 5) % 60;
      if (x != y) {
        int[] z = x == 0 || y == 0 ? new int[0] : new int[] {0};
        assertThat(a.isSeparated(x, y, z)).isEqualTo(TestGraphs.separatedByPaths(small, x, y, z));
      }
      if (u != v) {
        int[] z = u == 1 || v == 1 ? new int[0] : new int[] {1};
        assertThat(b.isSeparated(u, v, z)).isEqualTo(Separation.isSeparated(large, u, v, z));
      }
    }
  }

  @Test
  void undirectedGraphsAreRejected() {
    MutableGraph g = new MutableGraph(List.of("A", "B")).addUndirectedEdge(0, 1);
    assertThatThrownBy(() -> Separation.isSeparated(g, 0, 1, new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A --- B");
  }
}
