package dev.causal4j.analyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
  private static final double BOX_HEIGHT = 26;

  /**
   * The graph the analyst learns from the Sachs data falls into four pieces (pmek → praf; PKC,
   * P38, pjnk; PIP2, PIP3, plcg; p44/42, PKA, pakts473). The unbounded repulsion of the first
   * layout drove the pieces to the corners, and scaled to the box each piece shrank until its
   * labels lay on top of each other; no two boxes may overlap.
   */
  @Test
  void thePiecesOfADisconnectedGraphStayApartAndNoLabelsOverlap() {
    MutableGraph g = new MutableGraph(List.of("praf", "pmek", "plcg", "PIP2", "PIP3", "p44/42",
        "pakts473", "PKA", "PKC", "P38", "pjnk"), GraphKind.DAG);
    g.addDirectedEdge(1, 0).addDirectedEdge(8, 9).addDirectedEdge(10, 9).addDirectedEdge(10, 8)
        .addDirectedEdge(3, 4).addDirectedEdge(2, 4).addDirectedEdge(5, 6).addDirectedEdge(5, 7)
        .addDirectedEdge(7, 6);
    assertNoOverlap(g.snapshot(), 760, 508);
  }

  @Test
  void aDenserRandomGraphOfThirtyNodesGetsSeparateBoxesToo() {
    Graph g = RandomGraphs.erdosRenyiDag(30, 3, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
    assertNoOverlap(g, 760, 760);
  }

  private static void assertNoOverlap(Graph g, double width, double height) {
    int n = g.size();
    double[] boxW = new double[n];
    double maxBox = 0;
    for (int v = 0; v < n; v++) {
      boxW[v] = 16 + 7.4 * g.name(v).length();
      maxBox = Math.max(maxBox, boxW[v]);
    }
    double margin = maxBox / 2 + 8;
    double[][] pos = GraphLayout.of(g, width, height, margin, boxW, BOX_HEIGHT);
    for (int a = 0; a < n; a++) {
      // 1e-9: the scaling to the box rounds in the last bit.
      assertThat(pos[a][0]).isBetween(margin - 1e-9, width - margin + 1e-9);
      assertThat(pos[a][1]).isBetween(margin - 1e-9, height - margin + 1e-9);
      for (int b = a + 1; b < n; b++) {
        boolean apart = Math.abs(pos[a][0] - pos[b][0]) >= (boxW[a] + boxW[b]) / 2
            || Math.abs(pos[a][1] - pos[b][1]) >= BOX_HEIGHT;
        assertThat(apart).as("boxes of %s and %s overlap", g.name(a), g.name(b)).isTrue();
      }
    }
    assertThat(GraphLayout.of(g, width, height, margin, boxW, BOX_HEIGHT)).isDeepEqualTo(pos);
  }
}
