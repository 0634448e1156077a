package dev.causal4j.effects.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting and smoothing of conditional tables, against hand-computed numbers. */
class ConditionalTableTest {

  @Test
  void smoothedCountsAndAnUnseenConfigurationFallingBackToTheMarginal() {
    // P has levels p0, p1, p2; configuration p2 never occurs. Y counts:
    //   P = p0: y0 ×3, y1 ×1      P = p1: y0 ×0, y1 ×2
    // Marginal of Y with one pseudo-count per level: m = ((3+1)/(6+2), (3+1)/(6+2)) = (0.5, 0.5).
    // With α = 2: P(y0 | p0) = (3 + 2·0.5) / (4 + 2) = 4/6; P(y0 | p1) = (0 + 1) / (2 + 2) = 1/4.
    Variable p = Variable.discrete("P", List.of("p0", "p1", "p2"));
    Variable y = Variable.discrete("Y", List.of("y0", "y1"));
    int[] pc = {0, 0, 0, 0, 1, 1};
    int[] yc = {0, 0, 0, 1, 1, 1};
    ConditionalTable t = ConditionalTable.fit(List.of(p), y, new int[][] {pc}, yc, 2);
    assertThat(t.probability(0, 0)).isCloseTo(4.0 / 6, within(1e-15));
    assertThat(t.probability(1, 0)).isCloseTo(1.0 / 4, within(1e-15));
    assertThat(t.probability(2, 0)).isCloseTo(0.5, within(1e-15));
    assertThat(t.count(0)).isEqualTo(4);
    assertThat(t.count(2)).isZero();
    // Without smoothing the seen rows are the raw frequencies; the unseen one is still m.
    ConditionalTable raw = ConditionalTable.fit(List.of(p), y, new int[][] {pc}, yc, 0);
    assertThat(raw.probability(0, 0)).isEqualTo(0.75);
    assertThat(raw.probability(1, 1)).isEqualTo(1.0);
    assertThat(raw.probability(2, 1)).isEqualTo(0.5);
  }

  @Test
  void configurationsAreMixedRadixFirstParentSlowest() {
    Variable a = Variable.discrete("A", List.of("a0", "a1"));
    Variable b = Variable.discrete("B", List.of("b0", "b1", "b2"));
    Variable y = Variable.discrete("Y", List.of("n", "y"));
    double[][] rows = new double[6][];
    for (int c = 0; c < 6; c++) {
      rows[c] = new double[] {1 - c / 10.0, c / 10.0};
    }
    ConditionalTable t = ConditionalTable.of(List.of(a, b), y, rows);
    assertThat(t.configuration(1, 2)).isEqualTo(5);
    assertThat(t.configuration(0, 1)).isEqualTo(1);
    double[] out = new double[4];
    // Columns A = (1, 1), B = (0, 2): rows (a1, b0) and (a1, b2), configurations 3 and 5.
    t.probabilities(new double[][] {{1, 1}, {0, 2}}, 2, out);
    assertThat(out).containsExactly(0.7, 0.3, 0.5, 0.5);
    assertThat(t.count(0)).isEqualTo(-1);
  }

  @Test
  void fittedDiscreteModelReproducesTheTableBySampling() {
    Variable x = Variable.discrete("X", List.of("0", "1"));
    Variable y = Variable.discrete("Y", List.of("0", "1", "2"));
    StructuralCausalModel truth = StructuralCausalModel.of(Models.dag("X --> Y"), List.of(x, y),
        java.util.Map.of(
            "X", ConditionalTable.of(List.of(), x, new double[][] {{0.4, 0.6}}),
            "Y", ConditionalTable.of(List.of(x), y,
                new double[][] {{0.2, 0.5, 0.3}, {0.6, 0.1, 0.3}})));
    Dataset d = truth.sample(40_000, 4).toDataset();
    StructuralCausalModel fit = StructuralCausalModel.fit(Models.dag("X --> Y"), d);
    ConditionalTable t = (ConditionalTable) fit.mechanism("Y");
    // Each row has ~16,000 or ~24,000 rows: binomial SEs under 0.004; 0.016 is four of them.
    assertThat(t.probability(0, 0)).isCloseTo(0.2, within(0.016));
    assertThat(t.probability(1, 0)).isCloseTo(0.6, within(0.016));
    assertThat(t.probability(1, 1)).isCloseTo(0.1, within(0.016));
    NodeSummary.Levels under = (NodeSummary.Levels) truth.interventional("Y",
        List.of(Intervention.setLevel("X", "1")), 40_000, 8);
    assertThat(under.probability("0")).isCloseTo(0.6, within(4 * under.standardErrors().get(0)));
  }
}
