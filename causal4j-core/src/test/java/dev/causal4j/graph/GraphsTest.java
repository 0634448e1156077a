package dev.causal4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GraphsTest {

  @Test
  void ancestorsDescendantsAndCycles() {
    MutableGraph g = new MutableGraph(List.of("A", "B", "C", "D"));
    g.addDirectedEdge(0, 1).addDirectedEdge(1, 2).addBidirectedEdge(2, 3);
    assertThat(Graphs.ancestors(g, 2).stream().toArray()).containsExactly(0, 1, 2);
    assertThat(Graphs.descendants(g, 1).stream().toArray()).containsExactly(1, 2);
    assertThat(Graphs.findDirectedCycle(g)).isEmpty();
    assertThat(Graphs.isDag(g)).isFalse(); // the bidirected edge
    g.addDirectedEdge(2, 0);
    assertThat(Graphs.findDirectedCycle(g)).contains(List.of(0, 1, 2));
    assertThatThrownBy(() -> Graphs.topologicalOrder(g)).hasMessageContaining("A --> B --> C --> A");
  }

  @Test
  void randomDagsAreAcyclicReproducibleAndHaveTheAskedDegree() {
    for (long seed = 0; seed < 20; seed++) {
      Graph er = RandomGraphs.erdosRenyiDag(60, 3, RandomSource.SPLIT_MIX_64.create(seed));
      Graph sf = RandomGraphs.scaleFreeDag(60, 4, RandomSource.SPLIT_MIX_64.create(seed));
      assertThat(Graphs.isDag(er)).isTrue();
      assertThat(Graphs.isDag(sf)).isTrue();
      assertThat(er).isEqualTo(RandomGraphs.erdosRenyiDag(60, 3, RandomSource.SPLIT_MIX_64.create(seed)));
      // Expected edges: 60 * 3 / 2 = 90 (ER: binomial, sd ≈ 9; five sd either side).
      assertThat(er.edgeCount()).isBetween(45, 135);
      // Preferential attachment with m = 2: exactly 2 parents per node after the first two.
      assertThat(sf.edgeCount()).isEqualTo(1 + 58 * 2);
    }
  }

  @Test
  void latentConfoundersHaveTwoChildren() {
    Graph dag = RandomGraphs.erdosRenyiDag(30, 4, RandomSource.SPLIT_MIX_64.create(3));
    Graph withHidden = RandomGraphs.withLatentConfounders(dag, 3, RandomSource.SPLIT_MIX_64.create(4));
    int[] latent = Graphs.latentNodes(withHidden);
    assertThat(latent).hasSize(3);
    for (int v : latent) {
      assertThat(withHidden.children(v).length).isGreaterThanOrEqualTo(2);
    }
  }
}
