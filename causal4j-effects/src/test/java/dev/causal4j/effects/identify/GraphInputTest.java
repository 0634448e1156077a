package dev.causal4j.effects.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.Identification;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graphs that are not causal graphs get one clear message each. */
class GraphInputTest {

  @Test
  void cyclicDagNamesTheCycle() {
    MutableGraph g = new MutableGraph(List.of("A", "B", "C"), GraphKind.DAG);
    g.addDirectedEdge(0, 1).addDirectedEdge(1, 2).addDirectedEdge(2, 0);
    assertThatThrownBy(() -> Identifier.identify(CausalQuery.of(g, "A", "C")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("directed cycle, A --> B --> C --> A");
  }

  @Test
  void cpdagThatIsNotOneIsRefused() {
    // X --> Y alone is not a CPDAG (its class also has Y --> X).
    Graph g = TestGraphs.parse(GraphKind.CPDAG, "X --> Y");
    assertThatThrownBy(() -> Identifier.identify(CausalQuery.of(g, "X", "Y")))
        .hasMessageContaining("is not the CPDAG of any DAG");
  }

  @Test
  void hiddenNodesInACpdagAreRefused() {
    Graph g = TestGraphs.parse(GraphKind.CPDAG, "X --- Y; (L) --- Y");
    assertThatThrownBy(() -> Identifier.identify(CausalQuery.of(g, "X", "Y")))
        .hasMessageContaining("'L' is a hidden node, but a CPDAG");
  }

  @Test
  void undirectedAndBidirectedEdgesDoNotMix() {
    Graph g = TestGraphs.parse(GraphKind.GENERAL, "X --- Y; Y <-> Z");
    assertThatThrownBy(() -> Identifier.identify(CausalQuery.of(g, "X", "Z")))
        .hasMessageContaining("mixes undirected (X --- Y) and bidirected (Y <-> Z) edges");
  }

  @Test
  void generalGraphOfDirectedEdgesIsReadAsADag() {
    Graph g = TestGraphs.parse(GraphKind.GENERAL, "Z --> X; Z --> Y; X --> Y");
    Identification id = Identifier.identify(CausalQuery.of(g, "X", "Y"));
    assertThat(id.summary()).isEqualTo("P(Y | do(X)) is identified by adjusting for {Z}");
  }

  @Test
  void excludedNodesMayBeHiddenOnes() {
    Graph g = TestGraphs.dag("Z --> X; Z --> Y; X --> Y; (U) --> Z");
    CausalQuery q = CausalQuery.builder(g).treatment("X").outcome("Y").exclude("U").build();
    assertThat(Identifier.identify(q).isIdentified()).isTrue();
  }
}
