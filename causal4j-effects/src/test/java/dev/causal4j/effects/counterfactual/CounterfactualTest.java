package dev.causal4j.effects.counterfactual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.effects.scm.ConditionalTable;
import dev.causal4j.effects.scm.Intervention;
import dev.causal4j.effects.scm.LinearMechanism;
import dev.causal4j.effects.scm.Mechanism;
import dev.causal4j.effects.scm.NodeSummary;
import dev.causal4j.effects.scm.NoiseDistribution;
import dev.causal4j.effects.scm.ParentEncoding;
import dev.causal4j.effects.scm.StructuralCausalModel;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterfactualTest {

  static Graph dag(String edges) {
    return GraphFiles.parse("# kind: DAG\n" + edges.replace(";", "\n"), "test",
        GraphFormat.EDGE_LIST).graph();
  }

  static Dataset oneRow(Map<String, Double> continuous) {
    Dataset.Builder b = Dataset.builder(1);
    continuous.forEach((k, v) -> b.addContinuous(k, new double[] {v}));
    return b.build();
  }

  /**
   * Pearl, Glymour &amp; Jewell (2016), <i>Causal Inference in Statistics: A Primer</i>, §4.2.3:
   * X = U_X, H = 0.5·X + U_H, Y = 0.7·X + 0.4·H + U_Y (X encouragement, H homework, Y score).
   * Joe has X = 0.5, H = 1, Y = 1.5. By hand: U_X = 0.5, U_H = 1 - 0.25 = 0.75,
   * U_Y = 1.5 - 0.35 - 0.4 = 0.75; had Joe done H = 2, Y = 0.35 + 0.8 + 0.75 = 1.90; had he had
   * X = 1, H = 0.5 + 0.75 = 1.25 and Y = 0.7 + 0.5 + 0.75 = 1.95.
   */
  @Test
  void additiveNoiseGivesTheTextbookPointCounterfactual() {
    Graph g = dag("X --> H; X --> Y; H --> Y");
    Variable x = Variable.continuous("X");
    Variable h = Variable.continuous("H");
    Variable y = Variable.continuous("Y");
    NoiseDistribution n1 = new NoiseDistribution.Gaussian(1);
    StructuralCausalModel scm = StructuralCausalModel.of(g, List.of(x, h, y), Map.of(
        "X", new LinearMechanism(new ParentEncoding(List.of()), 0, new double[0], n1),
        "H", new LinearMechanism(new ParentEncoding(List.of(x)), 0, new double[] {0.5}, n1),
        "Y", new LinearMechanism(new ParentEncoding(List.of(x, h)), 0, new double[] {0.7, 0.4},
            n1)));
    Dataset joe = oneRow(Map.of("X", 0.5, "H", 1.0, "Y", 1.5));
    CounterfactualResult r = Counterfactuals.of(scm, joe, 0,
        List.of(Intervention.set("H", 2)), new Counterfactuals.Options(50, 1,
            DiscreteCoupling.INDEPENDENT));
    assertThat(r.allPoints()).isTrue();
    assertThat(r.node("Y").value().getAsDouble()).isCloseTo(1.90, within(1e-12));
    assertThat(r.node("Y").recoveredNoise().getAsDouble()).isCloseTo(0.75, within(1e-12));
    assertThat(r.node("Y").noise()).isEqualTo(NoiseStatus.RECOVERED);
    assertThat(r.node("H").noise()).isEqualTo(NoiseStatus.NOT_NEEDED);
    // X is not a descendant of H: it keeps its observed value exactly.
    assertThat(r.node("X").value().getAsDouble()).isEqualTo(0.5);
    assertThat(r.recoveredNodes()).containsExactly("X", "Y");

    CounterfactualResult r2 = Counterfactuals.of(scm, joe, 0,
        List.of(Intervention.set("X", 1)), Counterfactuals.Options.defaults());
    assertThat(r2.node("H").value().getAsDouble()).isCloseTo(1.25, within(1e-12));
    assertThat(r2.node("Y").value().getAsDouble()).isCloseTo(1.95, within(1e-12));
    assertThat(((NodeSummary.Numeric) r2.node("Y").distribution()).sd()).isZero();

    // With no intervention, the factual world comes back bit for bit.
    CounterfactualResult none = Counterfactuals.of(scm, joe, 0, List.of(),
        Counterfactuals.Options.defaults());
    assertThat(none.node("Y").value().getAsDouble()).isEqualTo(1.5);

    // A shift works on the unit's own value: X := 0.5 + 0.5 gives the same as do(X = 1).
    CounterfactualResult shifted = Counterfactuals.of(scm, joe, 0,
        List.of(Intervention.shift("X", 0.5)), Counterfactuals.Options.defaults());
    assertThat(shifted.node("Y").value().getAsDouble()).isCloseTo(1.95, within(1e-12));
    assertThat(shifted.node("X").noise()).isEqualTo(NoiseStatus.RECOVERED);
  }

  /**
   * Binary X → Y with P(Y=1 | X=1) = 0.8 and P(Y=1 | X=0) = 0.3. For a unit with X = 1, Y = 1,
   * Y under do(X = 0) is not identifiable. Independent coupling: P(Y' = 1) = P(Y=1 | X=0) = 0.3.
   * Monotone coupling: U ~ Uniform[0.2, 1) given the observation, Y' = 1 iff U ≥ 0.7, so
   * P(Y' = 1) = 0.3 / 0.8 = 0.375: the probability of necessity is 0.625 = (0.8 - 0.3) / 0.8,
   * Tian &amp; Pearl's (2000) identified PN under exogeneity and monotonicity.
   */
  @Test
  void discreteCounterfactualsAreDistributionsUnderAStatedCoupling() {
    Variable x = Variable.discrete("X", List.of("0", "1"));
    Variable y = Variable.discrete("Y", List.of("0", "1"));
    StructuralCausalModel scm = StructuralCausalModel.of(dag("X --> Y"), List.of(x, y), Map.of(
        "X", ConditionalTable.of(List.of(), x, new double[][] {{0.5, 0.5}}),
        "Y", ConditionalTable.of(List.of(x), y, new double[][] {{0.7, 0.3}, {0.2, 0.8}})));
    Dataset unit = Dataset.builder(1).addDiscrete("X", new int[] {1}, List.of("0", "1"))
        .addDiscrete("Y", new int[] {1}, List.of("0", "1")).build();
    int n = 40_000;
    for (DiscreteCoupling coupling : DiscreteCoupling.values()) {
      CounterfactualResult r = Counterfactuals.of(scm, unit, 0,
          List.of(Intervention.setLevel("X", "0")), new Counterfactuals.Options(n, 5, coupling));
      NodeCounterfactual yc = r.node("Y");
      assertThat(yc.point()).isFalse();
      assertThat(yc.value()).isEmpty();
      assertThat(yc.noise()).isEqualTo(NoiseStatus.NOT_IDENTIFIABLE);
      assertThat(yc.explanation()).contains("not a point");
      assertThat(r.assumptions()).anyMatch(a -> a.contains(
          coupling == DiscreteCoupling.INDEPENDENT ? "independent coupling" : "monotone"));
      NodeSummary.Levels d = (NodeSummary.Levels) yc.distribution();
      double expected = coupling == DiscreteCoupling.INDEPENDENT ? 0.3 : 0.375;
      // Four binomial standard errors (about 0.0097 at n = 40,000).
      assertThat(d.probability("1")).isCloseTo(expected, within(4 * Math.sqrt(0.25 / n)));
    }
    // Unchanged parents keep the observed level: do(X = 1) on a unit with X = 1.
    CounterfactualResult same = Counterfactuals.of(scm, unit, 0,
        List.of(Intervention.setLevel("X", "1")), Counterfactuals.Options.defaults());
    assertThat(same.node("Y").point()).isTrue();
    assertThat(same.node("Y").value().getAsDouble()).isEqualTo(1);
  }

  /**
   * The firing squad (Pearl 2009, <i>Causality</i>, §7.1.2): court order U, captain C, riflemen A
   * and B, death D = A ∨ B, all deterministic. Observed: everyone acted, the prisoner died. Had A
   * not shot (do(A = 0)), the prisoner would still be dead (B shot): D' = 1 with probability 1.
   * Being discrete, D' is reported as a distribution, here concentrated on one level.
   */
  @Test
  void firingSquad() {
    List<String> bin = List.of("0", "1");
    Variable u = Variable.discrete("U", bin);
    Variable c = Variable.discrete("C", bin);
    Variable a = Variable.discrete("A", bin);
    Variable b = Variable.discrete("B", bin);
    Variable d = Variable.discrete("D", bin);
    double[][] copy = {{1, 0}, {0, 1}};
    StructuralCausalModel scm = StructuralCausalModel.of(
        dag("U --> C; C --> A; C --> B; A --> D; B --> D"), List.of(u, c, a, b, d), Map.of(
            "U", ConditionalTable.of(List.of(), u, new double[][] {{0.5, 0.5}}),
            "C", ConditionalTable.of(List.of(u), c, copy),
            "A", ConditionalTable.of(List.of(c), a, copy),
            "B", ConditionalTable.of(List.of(c), b, copy),
            "D", ConditionalTable.of(List.of(a, b), d,
                new double[][] {{1, 0}, {0, 1}, {0, 1}, {0, 1}})));
    Dataset.Builder row = Dataset.builder(1);
    for (String name : List.of("U", "C", "A", "B", "D")) {
      row.addDiscrete(name, new int[] {1}, bin);
    }
    CounterfactualResult r = Counterfactuals.of(scm, row.build(), 0,
        List.of(Intervention.setLevel("A", "0")), Counterfactuals.Options.defaults());
    NodeCounterfactual death = r.node("D");
    assertThat(death.point()).isFalse();
    assertThat(((NodeSummary.Levels) death.distribution()).probability("1")).isEqualTo(1.0);
    assertThat(r.node("B").point()).isTrue();
    assertThat(r.node("B").value().getAsDouble()).isEqualTo(1);
  }

  /**
   * A mixed chain T (binary) → D (binary) → Y = 2 + 3·[D = 1] + noise. Unit: T = 0, D = 0,
   * Y = 2.5 (so u_Y = 0.5). Under do(T = 1), D' is a distribution with P(D' = 1) =
   * P(D = 1 | T = 1) = 0.9 (independent coupling), and Y' = 2.5 + 3·D' is a distribution too,
   * although Y's own noise was recovered.
   */
  @Test
  void recoveredNoiseDownstreamOfADiscreteNodeStillGivesADistribution() {
    List<String> bin = List.of("0", "1");
    Variable t = Variable.discrete("T", bin);
    Variable dv = Variable.discrete("D", bin);
    Variable y = Variable.continuous("Y");
    Map<String, Mechanism> mech = Map.of(
        "T", ConditionalTable.of(List.of(), t, new double[][] {{0.5, 0.5}}),
        "D", ConditionalTable.of(List.of(t), dv, new double[][] {{0.8, 0.2}, {0.1, 0.9}}),
        "Y", new LinearMechanism(new ParentEncoding(List.of(dv)), 2, new double[] {3},
            new NoiseDistribution.Gaussian(1)));
    StructuralCausalModel scm = StructuralCausalModel.of(dag("T --> D; D --> Y"),
        List.of(t, dv, y), mech);
    Dataset unit = Dataset.builder(1).addDiscrete("T", new int[] {0}, bin)
        .addDiscrete("D", new int[] {0}, bin).addContinuous("Y", new double[] {2.5}).build();
    int n = 40_000;
    CounterfactualResult r = Counterfactuals.of(scm, unit, 0,
        List.of(Intervention.setLevel("T", "1")), new Counterfactuals.Options(n, 3,
            DiscreteCoupling.INDEPENDENT));
    NodeCounterfactual yc = r.node("Y");
    assertThat(yc.noise()).isEqualTo(NoiseStatus.RECOVERED);
    assertThat(yc.recoveredNoise().getAsDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(yc.point()).isFalse();
    assertThat(yc.explanation()).contains("a parent's counterfactual is a distribution");
    NodeSummary.Numeric dist = (NodeSummary.Numeric) yc.distribution();
    // Mean 2.5 + 3·0.9 = 5.2; Monte-Carlo SE 3·√(0.09/n) = 0.0045: four of them.
    assertThat(dist.mean()).isCloseTo(5.2, within(4 * 3 * Math.sqrt(0.09 / n)));
    assertThat(dist.min()).isEqualTo(2.5);
    assertThat(dist.max()).isEqualTo(5.5);
  }

  @Test
  void badUnitsAreNamed() {
    Variable x = Variable.continuous("X");
    StructuralCausalModel scm = StructuralCausalModel.of(dag("X --> Y"),
        List.of(x, Variable.continuous("Y")), Map.of(
            "X", new LinearMechanism(new ParentEncoding(List.of()), 0, new double[0],
                new NoiseDistribution.Gaussian(1)),
            "Y", new LinearMechanism(new ParentEncoding(List.of(x)), 0, new double[] {1},
                new NoiseDistribution.Gaussian(1))));
    Dataset d = oneRow(Map.of("X", 1.0, "Y", 2.0));
    assertThatThrownBy(() -> Counterfactuals.of(scm, d, 1, List.of(),
        Counterfactuals.Options.defaults())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 2 is out of range").hasMessageContaining("1 rows (1..1)");
    Dataset noY = oneRow(Map.of("X", 1.0));
    assertThatThrownBy(() -> Counterfactuals.of(scm, noY, 0, List.of(),
        Counterfactuals.Options.defaults())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no variable named 'Y'");
  }
}
