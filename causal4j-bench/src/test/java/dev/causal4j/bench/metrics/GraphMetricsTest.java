package dev.causal4j.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GraphMetricsTest {

  /**
   * Reference (a CPDAG with a v-structure): A --> C <-- B, C --> D.
   * Estimate: A --> C, B --- C, D --> C, A --- D (estimate nodes in another order).
   *
   * <pre>
   * Adjacencies: reference {AC, BC, CD}; estimate {AC, BC, CD, AD}.
   *   TP 3, FP 1 (AD), FN 0: precision 3/4, recall 1, F1 6/7.
   * Arrowheads (all edges): reference has 3 (at C on AC, at C on BC, at D on CD).
   *   at C on AC: estimate has one          → TP
   *   at C on BC: estimate has a tail       → FN
   *   at D on CD: estimate has a tail at D  → FN
   *   estimate's arrowhead at C on DC: the reference has a tail at C → FP
   *   TP 1, FP 1, FN 2: precision 1/2, recall 1/3.
   * Common edges: AD has no arrowheads, so the same 1, 1, 2.
   * SHD: AD extra (1) + BC marks differ (1) + CD reversed (1) = 3.
   * </pre>
   */
  @Test
  void handWorkedCpdagCase() {
    MutableGraph ref = new MutableGraph(List.of("A", "B", "C", "D"), GraphKind.CPDAG);
    ref.addDirectedEdge(0, 2).addDirectedEdge(1, 2).addDirectedEdge(2, 3);
    MutableGraph est = new MutableGraph(List.of("D", "C", "B", "A"), GraphKind.CPDAG);
    est.addDirectedEdge(3, 1).addUndirectedEdge(2, 1).addDirectedEdge(0, 1)
        .addUndirectedEdge(3, 0);
    GraphComparison c = GraphMetrics.compare(ref, est);
    assertThat(c.adjacency()).isEqualTo(new Counts(3, 1, 0));
    assertThat(c.adjacency().precision()).isEqualTo(0.75);
    assertThat(c.adjacency().recall()).isEqualTo(1.0);
    assertThat(c.adjacency().f1()).isEqualTo(6.0 / 7);
    assertThat(c.arrowhead()).isEqualTo(new Counts(1, 1, 2));
    assertThat(c.arrowhead().precision()).isEqualTo(0.5);
    assertThat(c.arrowhead().recall()).isEqualTo(1.0 / 3);
    assertThat(c.arrowheadCommonEdges()).isEqualTo(new Counts(1, 1, 2));
    assertThat(c.shd()).isEqualTo(3);
  }

  /**
   * Arrowheads on a pair the reference does not join count as false positives (Tetrad's
   * definition), but not in the common-edges variant.
   *
   * <pre>
   * Reference: A --> B.   Estimate: A --> B, C <-> A.
   * All edges: TP 1 (at B); FP 2 (at C and at A on the C–A edge); FN 0: precision 1/3.
   * Common edges: TP 1, FP 0, FN 0: precision 1.
   * Adjacency: TP 1, FP 1, FN 0. SHD 1.
   * </pre>
   */
  @Test
  void arrowheadsOnEdgesTheTruthLacksAreFalsePositives() {
    MutableGraph ref = new MutableGraph(List.of("A", "B", "C"), GraphKind.PAG);
    ref.addDirectedEdge(0, 1);
    MutableGraph est = new MutableGraph(List.of("A", "B", "C"), GraphKind.PAG);
    est.addDirectedEdge(0, 1).addBidirectedEdge(2, 0);
    GraphComparison c = GraphMetrics.compare(ref, est);
    assertThat(c.arrowhead()).isEqualTo(new Counts(1, 2, 0));
    assertThat(c.arrowhead().precision()).isEqualTo(1.0 / 3);
    assertThat(c.arrowheadCommonEdges()).isEqualTo(new Counts(1, 0, 0));
    assertThat(c.adjacency()).isEqualTo(new Counts(1, 1, 0));
    assertThat(c.shd()).isEqualTo(1);
  }

  /**
   * PAG marks: circles are not arrowheads.
   *
   * <pre>
   * Reference: A o-> B <-o C, B --> D.   Estimate: A o-o B, C --> B, B o-> D.
   * Arrowheads: reference at B (AB), at B (CB), at D (BD) = 3.
   *   at B on AB: estimate has a circle → FN; at B on CB: TP; at D on BD: TP.
   *   Estimate arrowheads: at B on CB (TP), at D on BD (TP): no FP.
   *   TP 2, FP 0, FN 1.
   * SHD: AB differs (circle vs arrow at B), CB differs (tail vs circle at C), BD differs
   *   (circle vs tail at B): 3.
   * </pre>
   */
  @Test
  void handWorkedPagCase() {
    MutableGraph ref = new MutableGraph(List.of("A", "B", "C", "D"), GraphKind.PAG);
    ref.setEdge(0, 1, Endpoint.CIRCLE, Endpoint.ARROW).setEdge(2, 1, Endpoint.CIRCLE, Endpoint.ARROW)
        .addDirectedEdge(1, 3);
    MutableGraph est = new MutableGraph(List.of("A", "B", "C", "D"), GraphKind.PAG);
    est.addNondirectedEdge(0, 1).addDirectedEdge(2, 1).setEdge(1, 3, Endpoint.CIRCLE, Endpoint.ARROW);
    GraphComparison c = GraphMetrics.compare(ref, est);
    assertThat(c.arrowhead()).isEqualTo(new Counts(2, 0, 1));
    assertThat(c.adjacency()).isEqualTo(new Counts(3, 0, 0));
    assertThat(c.shd()).isEqualTo(3);
  }

  /**
   * Causal-Copilot's optimistic scoring.
   *
   * <pre>
   * True DAG: A → B, B → C, A → C, C → D.
   * Estimate: A --- B (not directed, DAG joins them: TP), C --> B (against the DAG: FP),
   *           A o-> C (not a plain directed edge, DAG joins them: TP), B --- D (DAG does not
   *           join them: FP).
   * TP 2, FP 2, FN 4 − 2 = 2: precision, recall and F1 all 1/2.
   * </pre>
   */
  @Test
  void optimisticDirectedScoresUndecidedEdgesAsTheTruthsDirection() {
    MutableGraph dag = new MutableGraph(List.of("A", "B", "C", "D"), GraphKind.DAG);
    dag.addDirectedEdge(0, 1).addDirectedEdge(1, 2).addDirectedEdge(0, 2).addDirectedEdge(2, 3);
    MutableGraph est = new MutableGraph(List.of("A", "B", "C", "D"), GraphKind.GENERAL);
    est.addUndirectedEdge(0, 1).addDirectedEdge(2, 1).setEdge(0, 2, Endpoint.CIRCLE, Endpoint.ARROW)
        .addUndirectedEdge(1, 3);
    Counts c = GraphMetrics.optimisticDirected(dag, est);
    assertThat(c).isEqualTo(new Counts(2, 2, 2));
    assertThat(c.f1()).isEqualTo(0.5);
  }

  /**
   * The same estimate scored exactly against the truth's CPDAG. The DAG A→B→C, A→C, C→D has no
   * v-structure, so its CPDAG is A—B, B—C, A—C, C—D. Only A—B carries the CPDAG's marks; C→B and
   * A o→ C are oriented where the class is not, and B—D joins a pair the truth does not: TP 1,
   * FP 3, FN 3 (where the optimistic count above gives 2, 2, 2).
   */
  @Test
  void exactEdgesNeedTheReferencesMarksAtBothEnds() {
    MutableGraph dag = new MutableGraph(List.of("A", "B", "C", "D"), GraphKind.DAG);
    dag.addDirectedEdge(0, 1).addDirectedEdge(1, 2).addDirectedEdge(0, 2).addDirectedEdge(2, 3);
    MutableGraph est = new MutableGraph(List.of("A", "B", "C", "D"), GraphKind.GENERAL);
    est.addUndirectedEdge(0, 1).addDirectedEdge(2, 1).setEdge(0, 2, Endpoint.CIRCLE, Endpoint.ARROW)
        .addUndirectedEdge(1, 3);
    Graph cpdag = References.referenceFor(dag, Reference.CPDAG);
    assertThat(GraphMetrics.exactEdges(cpdag, est)).isEqualTo(new Counts(1, 3, 3));
    assertThat(GraphMetrics.exactEdges(cpdag, cpdag)).isEqualTo(new Counts(4, 0, 0));
    // Against the DAG itself the undirected A—B is wrong too, and the reversed C→B as well.
    assertThat(GraphMetrics.exactEdges(dag, est)).isEqualTo(new Counts(0, 4, 4));
  }

  @Test
  void identicalGraphsScorePerfectlyAndEmptyEstimatesHaveNoPrecision() {
    Graph dag = RandomGraphs.erdosRenyiDag(30, 3, RandomSource.SPLIT_MIX_64.create(1));
    GraphComparison same = GraphMetrics.compare(dag, dag);
    assertThat(same.shd()).isZero();
    assertThat(same.adjacency().f1()).isEqualTo(1.0);
    assertThat(same.arrowhead()).isEqualTo(new Counts(dag.edgeCount(), 0, 0));
    assertThat(GraphMetrics.optimisticDirected(dag, dag)).isEqualTo(new Counts(dag.edgeCount(), 0, 0));
    GraphComparison empty = GraphMetrics.compare(dag, new MutableGraph(dag.nodeNames()));
    assertThat(empty.adjacency().precision()).isNaN();
    assertThat(empty.adjacency().recall()).isZero();
    assertThat(empty.shd()).isEqualTo(dag.edgeCount());
  }

  @Test
  void latentNodesOfTheTruthAreLeftOutAndMismatchedNodesAreListed() {
    MutableGraph truth = new MutableGraph(List.of("L", "A", "B"), GraphKind.DAG);
    truth.addDirectedEdge(0, 1).addDirectedEdge(0, 2).setLatent(0, true);
    MutableGraph est = new MutableGraph(List.of("A", "B"), GraphKind.MAG);
    est.addBidirectedEdge(0, 1);
    GraphComparison c = GraphMetrics.compare(truth, est);
    assertThat(c.adjacency()).isEqualTo(new Counts(0, 1, 0));
    assertThatThrownBy(() -> GraphMetrics.compare(truth, new MutableGraph(List.of("A", "Q", "R"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the estimate and the truth have different nodes: only in the estimate: Q, R;"
            + " only in the truth: B; compare graphs over the same variables (names are"
            + " case-sensitive; hidden variables of the truth are left out)");
  }

  /**
   * The default reference of a DAG without hidden nodes is its CPDAG.
   *
   * <pre>
   * Truth A → B → C: CPDAG A --- B --- C (no v-structure, nothing compelled).
   * Estimate A --> B, B --- C. Adjacency TP 2, FP 0, FN 0. Arrowheads: the CPDAG has none; the
   * estimate's one at B is a FP: TP 0, FP 1, FN 0. SHD 1 (A–B marks differ).
   * Against the DAG instead: arrowheads at B and C, estimate has the one at B: TP 1, FP 0, FN 1;
   * SHD 1 (B–C marks differ).
   * </pre>
   */
  @Test
  void aDagIsScoredAgainstItsCpdagByDefault() {
    MutableGraph dag = new MutableGraph(List.of("A", "B", "C"), GraphKind.DAG);
    dag.addDirectedEdge(0, 1).addDirectedEdge(1, 2);
    MutableGraph est = new MutableGraph(List.of("A", "B", "C"), GraphKind.CPDAG);
    est.addDirectedEdge(0, 1).addUndirectedEdge(1, 2);
    assertThat(References.defaultFor(dag)).isEqualTo(Reference.CPDAG);
    Graph cpdag = References.referenceFor(dag, Reference.CPDAG);
    assertThat(cpdag.isUndirected(0, 1) && cpdag.isUndirected(1, 2)).isTrue();
    GraphComparison c = GraphMetrics.compare(cpdag, est);
    assertThat(c.adjacency()).isEqualTo(new Counts(2, 0, 0));
    assertThat(c.arrowhead()).isEqualTo(new Counts(0, 1, 0));
    assertThat(c.shd()).isEqualTo(1);
    GraphComparison d = GraphMetrics.compare(References.referenceFor(dag, Reference.DAG), est);
    assertThat(d.arrowhead()).isEqualTo(new Counts(1, 0, 1));
    assertThat(d.shd()).isEqualTo(1);
    MutableGraph hidden = dag.mutableCopy().setLatent(0, true);
    assertThat(References.defaultFor(hidden)).isEqualTo(Reference.PAG);
    assertThatThrownBy(() -> References.referenceFor(hidden, Reference.CPDAG))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("hidden variables");
  }

  /**
   * L hidden, L → A, L → B, C → A: over the observed A, B, C the MAG is C → A ↔ B, whose
   * equivalence class keeps only the collider at A, so the PAG is C o→ A ←o B.
   */
  @Test
  void aDagWithHiddenNodesIsScoredAgainstItsPagOverTheObservedOnes() {
    MutableGraph dag = new MutableGraph(List.of("L", "A", "B", "C"), GraphKind.DAG);
    dag.addDirectedEdge(0, 1).addDirectedEdge(0, 2).addDirectedEdge(3, 1).setLatent(0, true);
    Graph pag = References.referenceFor(dag, References.defaultFor(dag));
    assertThat(pag.kind()).isEqualTo(GraphKind.PAG);
    assertThat(pag.nodeNames()).containsExactly("A", "B", "C");
    int a = pag.indexOf("A");
    int b = pag.indexOf("B");
    int c = pag.indexOf("C");
    assertThat(pag.edgeCount()).isEqualTo(2);
    assertThat(pag.endpoint(c, a)).isEqualTo(Endpoint.ARROW);
    assertThat(pag.endpoint(a, c)).isEqualTo(Endpoint.CIRCLE);
    assertThat(pag.endpoint(b, a)).isEqualTo(Endpoint.ARROW);
    assertThat(pag.endpoint(a, b)).isEqualTo(Endpoint.CIRCLE);
    assertThat(References.referenceFor(pag, Reference.PAG)).isSameAs(pag);
    assertThatThrownBy(() -> References.referenceFor(pag, Reference.CPDAG))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("PAG truth cannot give");
  }
}
