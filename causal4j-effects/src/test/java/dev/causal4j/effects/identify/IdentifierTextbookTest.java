package dev.causal4j.effects.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.Expression;
import dev.causal4j.effects.FrontDoor;
import dev.causal4j.effects.IdExpression;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.InstrumentalVariable;
import dev.causal4j.effects.NotIdentifiable;
import dev.causal4j.effects.Strategy;
import dev.causal4j.graph.Graph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The textbook graphs, with the sets and expressions worked out by hand from the sources named
 * in each test. Every estimand is also evaluated on a random binary model of the graph and
 * compared with the interventional distribution computed directly.
 */
class IdentifierTextbookTest {

  private static List<Identification> all(Graph g, String x, String y) {
    return Identifier.identifyAll(CausalQuery.of(g, x, y));
  }

  /** The estimand equals P(y | do(x)) in random binary models of the graph, at every value. */
  private static void assertEstimandIsRight(Graph g, Identification id) {
    Expression e = id.estimand().orElseThrow();
    for (long seed = 1; seed <= 3; seed++) {
      DiscreteModel model = new DiscreteModel(g, RandomSource.SPLIT_MIX_64.create(seed));
      List<String> free = List.copyOf(e.freeVariables());
      for (int s = 0; s < 1 << free.size(); s++) {
        Map<String, Integer> values = new HashMap<>();
        for (int i = 0; i < free.size(); i++) {
          values.put(free.get(i), (s >> i) & 1);
        }
        Map<String, Integer> x = new HashMap<>();
        Map<String, Integer> y = new HashMap<>();
        id.query().treatments().forEach(t -> x.put(t, values.get(t)));
        id.query().outcomes().forEach(o -> y.put(o, values.get(o)));
        // Tolerance: exact enumeration in doubles, a few hundred terms.
        assertThat(e.evaluate(values, model)).as("%s at %s", e.toText(), values)
            .isCloseTo(model.interventional(x, y), within(1e-12));
      }
    }
  }

  private static Expression assertDoesNotThrowHedge(IdAlgorithm id, String x, String y) {
    java.util.BitSet xs = new java.util.BitSet();
    java.util.BitSet ys = new java.util.BitSet();
    xs.set(id.indexOf(x));
    ys.set(id.indexOf(y));
    try {
      return id.identify(ys, xs);
    } catch (IdAlgorithm.HedgeFound h) {
      throw new AssertionError("unexpected hedge " + h.hedge, h);
    }
  }

  @Test
  void confounderIsAdjustedFor() {
    // Z confounds X and Y: the textbook back-door case (Pearl 2009, §3.3.1).
    Graph g = TestGraphs.dag("Z --> X; Z --> Y; X --> Y");
    List<Identification> all = all(g, "X", "Y");
    BackdoorAdjustment b = (BackdoorAdjustment) all.get(0);
    assertThat(b.adjustmentSet()).containsExactly("Z");
    assertThat(b.optimalSet()).contains(List.of("Z"));
    assertThat(b.minimalSets()).containsExactly(List.of("Z"));
    assertThat(b.satisfiesBackdoorCriterion()).isTrue();
    assertThat(b.estimand().orElseThrow().toText()).isEqualTo("Σ_Z P(Y | X, Z) P(Z)");
    assertEstimandIsRight(g, b);
    assertThat(all).extracting(Identification::strategy).containsExactly(Strategy.BACKDOOR);
  }

  @Test
  void mBiasLeavesTheColliderAlone() {
    // M-bias (Greenland, Pearl & Robins 1999): M is a collider between A and B; adjusting for M
    // alone opens X <- A -> M <- B -> Y.
    Graph g = TestGraphs.dag("A --> X; A --> M; B --> M; B --> Y; X --> Y");
    BackdoorAdjustment b = (BackdoorAdjustment) all(g, "X", "Y").get(0);
    assertThat(b.minimalSets()).containsExactly(List.of());
    assertThat(b.optimalSet()).contains(List.of("B"));
    assertThat(b.adjustmentSet()).containsExactly("B");
    assertThat(AdjustmentSets.isValid(g, List.of("X"), List.of("Y"), List.of("M"))).isFalse();
    assertThat(AdjustmentSets.isValid(g, List.of("X"), List.of("Y"), List.of("A", "M"))).isTrue();
    assertEstimandIsRight(g, b);
  }

  @Test
  void butterflyNeedsTheColliderAndOneOfItsParents() {
    // Butterfly bias (Ding & Miratrix 2015): M confounds X and Y and is a collider of A and B.
    Graph g = TestGraphs.dag(
        "A --> X; A --> M; B --> M; B --> Y; M --> X; M --> Y; X --> Y");
    BackdoorAdjustment b = (BackdoorAdjustment) all(g, "X", "Y").get(0);
    assertThat(b.minimalSets()).containsExactly(List.of("A", "M"), List.of("M", "B"));
    assertThat(b.optimalSet()).contains(List.of("M", "B"));
    assertThat(AdjustmentSets.isValid(g, List.of("X"), List.of("Y"), List.of("M"))).isFalse();
    assertEstimandIsRight(g, b);
  }

  @Test
  void frontDoorThroughTheMediator() {
    // Pearl (1995), "Causal diagrams for empirical research": smoking X, tar M, cancer Y, a
    // hidden genotype U confounding X and Y.
    Graph g = TestGraphs.dag("X --> M; M --> Y; (U) --> X; (U) --> Y");
    List<Identification> all = all(g, "X", "Y");
    assertThat(all).extracting(Identification::strategy).containsExactly(Strategy.FRONT_DOOR);
    FrontDoor f = (FrontDoor) all.get(0);
    assertThat(f.mediators()).containsExactly("M");
    assertThat(f.covariates()).isEmpty();
    assertThat(f.estimand().orElseThrow().toText())
        .isEqualTo("Σ_M P(M | X) Σ_{X'} P(Y | X', M) P(X')");
    assertEstimandIsRight(g, f);
    // The ID algorithm, run on its own, derives the same formula.
    Graph dag = CausalDiagram.of(g).dagWithLatents(List.of());
    IdAlgorithm id = new IdAlgorithm(dag);
    Expression e = assertDoesNotThrowHedge(id, "X", "Y");
    assertThat(e.toText()).isEqualTo("Σ_M P(M | X) Σ_{X'} P(X') P(Y | X', M)");
  }

  @Test
  void frontDoorWithABidirectedEdgeReadsTheSame() {
    Graph g = TestGraphs.parse(dev.causal4j.graph.GraphKind.ADMG, "X --> M; M --> Y; X <-> Y");
    FrontDoor f = (FrontDoor) all(g, "X", "Y").get(0);
    assertThat(f.mediators()).containsExactly("M");
  }

  @Test
  void conditionalFrontDoor() {
    // The front-door paths X -> M and M -> Y are confounded through W, a pre-treatment covariate;
    // conditioning on W restores the criterion (conditional front-door).
    Graph g = TestGraphs.dag(
        "X --> M; M --> Y; (U) --> X; (U) --> Y; W --> X; W --> M; W --> Y");
    List<Identification> all = all(g, "X", "Y");
    FrontDoor f = (FrontDoor) all.stream().filter(i -> i instanceof FrontDoor).findFirst()
        .orElseThrow();
    assertThat(f.mediators()).containsExactly("M");
    assertThat(f.covariates()).containsExactly("W");
    assertThat(f.estimand().orElseThrow().toText())
        .isEqualTo("Σ_W P(W) Σ_M P(M | X, W) Σ_{X'} P(Y | X', M, W) P(X' | W)");
    assertEstimandIsRight(g, f);
  }

  @Test
  void instrumentWhenConfoundingIsHidden() {
    // The classic IV graph (Wright 1928; Angrist, Imbens & Rubin 1996): Z -> X -> Y with X and Y
    // confounded by U. Nonparametrically this is the bow arc, not identifiable.
    Graph g = TestGraphs.dag("Z --> X; X --> Y; (U) --> X; (U) --> Y");
    List<Identification> all = all(g, "X", "Y");
    assertThat(all).hasSize(1);
    InstrumentalVariable iv = (InstrumentalVariable) all.get(0);
    assertThat(iv.instruments()).containsExactly("Z");
    assertThat(iv.conditioningSet()).isEmpty();
    assertThat(iv.isIdentified()).isTrue();
    assertThat(iv.estimandText()).isEqualTo("Cov(Y, Z) / Cov(X, Z)");
    assertThat(iv.assumptions()).anyMatch(a -> a.startsWith("Linearity"))
        .anyMatch(a -> a.contains("not identifiable"));
  }

  @Test
  void conditionalInstrument() {
    // Z is confounded with Y through W; given W it is an instrument (Brito & Pearl 2002).
    Graph g = TestGraphs.dag("W --> Z; W --> Y; Z --> X; X --> Y; (U) --> X; (U) --> Y");
    InstrumentalVariable iv = (InstrumentalVariable) all(g, "X", "Y").get(0);
    assertThat(iv.instruments()).containsExactly("Z");
    assertThat(iv.conditioningSet()).containsExactly("W");
    assertThat(iv.estimandText()).isEqualTo("Cov(Y, Z | W) / Cov(X, Z | W)");
  }

  @Test
  void bowArcIsNotIdentifiable() {
    // Pearl's "bow arc": X -> Y and a hidden common cause; the hedge is F = {X, Y}, F' = {Y}
    // (Shpitser & Pearl 2006).
    Graph g = TestGraphs.dag("X --> Y; (U) --> X; (U) --> Y");
    List<Identification> all = all(g, "X", "Y");
    assertThat(all).hasSize(1);
    NotIdentifiable n = (NotIdentifiable) all.get(0);
    assertThat(n.proven()).isTrue();
    assertThat(n.hedge().orElseThrow().forest()).containsExactly("X", "Y");
    assertThat(n.hedge().orElseThrow().subforest()).containsExactly("Y");
    assertThat(n.reason()).contains("hedge F = {X, Y}, F' = {Y}");
  }

  @Test
  void napkin() {
    // The napkin graph (Pearl & Mackenzie 2018; Shpitser & Pearl 2006): W -> Z -> X -> Y with
    // W <-> X and W <-> Y. No adjustment or front-door set; ID gives a ratio that holds for any z.
    Graph g = TestGraphs.dag(
        "W --> Z; Z --> X; X --> Y; (U1) --> W; (U1) --> X; (U2) --> W; (U2) --> Y");
    List<Identification> all = all(g, "X", "Y");
    assertThat(all).extracting(Identification::strategy).containsExactly(Strategy.ID,
        Strategy.IV);
    IdExpression id = (IdExpression) all.get(0);
    assertThat(id.expression().toText())
        .isEqualTo("[Σ_W P(W) P(X, Y | W, Z)] / [Σ_W P(W) P(X | W, Z)]");
    assertThat(id.arbitraryVariables()).containsExactly("Z");
    assertEstimandIsRight(g, id);
    // Z is also an instrument: it reaches Y only through X and shares no hidden cause with Y.
    assertThat(((InstrumentalVariable) all.get(1)).instruments()).containsExactly("Z");
  }

  @Test
  void sequentialTreatmentsNeedTheGFormula() {
    // Two treatments with a treatment-dependent confounder (Pearl & Robins 1995, "Probabilistic
    // evaluation of sequential plans from causal models with hidden variables", UAI): Z is
    // affected by X1 and confounded with Y, so no adjustment set exists, yet
    // P(y | do(x1, x2)) = Σ_z P(z | x1) P(y | x1, z, x2).
    Graph g = TestGraphs.dag(
        "X1 --> Z; Z --> X2; X2 --> Y; X1 --> Y; (U) --> Z; (U) --> Y");
    CausalQuery q = CausalQuery.builder(g).treatment("X1", "X2").outcome("Y").build();
    List<Identification> all = Identifier.identifyAll(q);
    assertThat(all).extracting(Identification::strategy).containsExactly(Strategy.ID);
    IdExpression id = (IdExpression) all.get(0);
    assertThat(id.expression().toText()).isEqualTo("Σ_Z P(Z | X1) P(Y | X1, Z, X2)");
    assertEstimandIsRight(g, id);
  }
}
