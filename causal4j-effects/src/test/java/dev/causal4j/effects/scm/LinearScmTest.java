package dev.causal4j.effects.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.RandomGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * A mixed linear SCM, built by hand, sampled, and fitted back:
 *
 * <pre>
 *   A = 1 + N(0, 1)
 *   B = 0.5 + 1.0·A + N(0, 1)
 *   S ~ Bernoulli(0.3)            (levels no, yes)
 *   C = -1 + 0.8·A - 1.5·B + 3·[S = yes] + N(0, 1)
 *   D = 0.7·C + N(0, 0.2²)
 * </pre>
 *
 * The total effect of A on D is the sum of the path products: A→C→D 0.8·0.7 plus A→B→C→D
 * 1.0·(-1.5)·0.7, i.e. -0.49, and E[D | do(A = a)] = 0.7·(-0.85 - 0.7a) = -0.595 - 0.49a.
 */
class LinearScmTest {
  static final Graph G = Models.dag("A --> B; A --> C; B --> C; S --> C; C --> D");
  static final Variable S = Variable.discrete("S", List.of("no", "yes"));

  static StructuralCausalModel truth() {
    Variable a = Variable.continuous("A");
    Variable b = Variable.continuous("B");
    Variable c = Variable.continuous("C");
    Variable d = Variable.continuous("D");
    return StructuralCausalModel.of(G, List.of(a, b, c, S, d), Map.of(
        "A", new LinearMechanism(new ParentEncoding(List.of()), 1, new double[0],
            new NoiseDistribution.Gaussian(1)),
        "B", new LinearMechanism(new ParentEncoding(List.of(a)), 0.5, new double[] {1.0},
            new NoiseDistribution.Gaussian(1)),
        "S", ConditionalTable.of(List.of(), S, new double[][] {{0.7, 0.3}}),
        "C", new LinearMechanism(new ParentEncoding(List.of(a, b, S)), -1,
            new double[] {0.8, -1.5, 3.0}, new NoiseDistribution.Gaussian(1)),
        "D", new LinearMechanism(new ParentEncoding(List.of(c)), 0, new double[] {0.7},
            new NoiseDistribution.Gaussian(0.2))));
  }

  @Test
  void fittedModelRecoversTheCoefficients() {
    Dataset data = truth().sample(20_000, 1).toDataset();
    StructuralCausalModel fitted = StructuralCausalModel.fit(G, data);
    // Standard errors at n = 20,000 are at most ~0.01 here (the A coefficient of C, whose
    // residual variance given B is 0.5): 0.05 is five of them.
    LinearMechanism c = (LinearMechanism) fitted.mechanism("C");
    assertThat(c.intercept()).isCloseTo(-1, within(0.05));
    assertThat(c.coefficient("A")).isCloseTo(0.8, within(0.05));
    assertThat(c.coefficient("B")).isCloseTo(-1.5, within(0.05));
    assertThat(c.coefficient("S", "yes")).isCloseTo(3.0, within(0.05));
    assertThat(c.coefficient("S", "no")).isZero();
    assertThat(c.noise().standardDeviation()).isCloseTo(1.0, within(0.02));
    LinearMechanism d = (LinearMechanism) fitted.mechanism("D");
    assertThat(d.coefficient("C")).isCloseTo(0.7, within(0.01));
    assertThat(d.noise().standardDeviation()).isCloseTo(0.2, within(0.005));
    ConditionalTable s = (ConditionalTable) fitted.mechanism("S");
    // Binomial SE of a proportion 0.3 at n = 20,000 is 0.0032: 0.015 is more than four.
    assertThat(s.probability(0, 1)).isCloseTo(0.3, within(0.015));
    assertThat(fitted.rows()).isEqualTo(20_000);
    assertThat(fitted.describe()).contains("C: linear: ").contains("S: conditional table");
  }

  @Test
  void interventionalMeansMatchTheClosedForm() {
    StructuralCausalModel m = truth();
    int n = 50_000;
    NodeSummary.Numeric d1 = (NodeSummary.Numeric) m.interventional("D",
        List.of(Intervention.set("A", 1)), n, 3);
    assertWithinMonteCarlo(d1, -0.595 - 0.49);
    NodeSummary.Numeric both = (NodeSummary.Numeric) m.interventional("D",
        List.of(Intervention.set("A", 1), Intervention.set("B", 0)), n, 3);
    assertWithinMonteCarlo(both, 0.7 * (-1 + 0.8 + 3 * 0.3));
    NodeSummary.Numeric s = (NodeSummary.Numeric) m.interventional("D",
        List.of(Intervention.setLevel("S", "yes")), n, 3);
    assertWithinMonteCarlo(s, 0.7 * (-1 + 0.8 - 1.5 * 1.5 + 3));
    NodeSummary.Numeric drawn = (NodeSummary.Numeric) m.interventional("D",
        List.of(Intervention.draw("A", NormalDistribution.of(2, 1))), n, 3);
    assertWithinMonteCarlo(drawn, -0.595 - 0.49 * 2);
    // An intervention on D's descendant-free ancestor S leaves A alone: exactly its own mean.
    NodeSummary.Numeric a = (NodeSummary.Numeric) m.interventional("A",
        List.of(Intervention.setLevel("S", "yes")), n, 3);
    assertWithinMonteCarlo(a, 1.0);
  }

  /** Within four Monte-Carlo standard errors (a false alarm about once in 16,000 runs). */
  private static void assertWithinMonteCarlo(NodeSummary.Numeric s, double expected) {
    assertThat(s.mean()).isCloseTo(expected, within(4 * s.standardError()));
    assertThat(s.standardError()).isLessThan(0.02);
  }

  @Test
  void changeUnderCommonRandomNumbersIsTheTotalEffectExactly() {
    StructuralCausalModel m = truth();
    InterventionComparison c = m.compare(List.of(Intervention.shift("A", 0.5)), 2_000, 9);
    NodeComparison d = c.node("D");
    // Linear: every sample's D moves by 0.5 times the total effect, so the paired change is
    // exact and its Monte-Carlo error zero (up to rounding).
    assertThat(d.change().get(0)).isCloseTo(0.5 * -0.49, within(1e-12));
    assertThat(d.changeStandardError().get(0)).isLessThan(1e-12);
    assertThat(d.affected()).isTrue();
    NodeComparison s = c.node("S");
    assertThat(s.affected()).isFalse();
    assertThat(s.change()).containsExactly(0.0, 0.0);
    assertThat(c.node("A").change().get(0)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void totalEffectsOfRandomLinearModelsAreSumsOfPathProducts() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    for (int rep = 0; rep < 20; rep++) {
      Graph g = RandomGraphs.erdosRenyiDag(8, 3, rng);
      int p = g.size();
      double[][] b = new double[p][p];
      double[] intercept = new double[p];
      double[] sd = new double[p];
      for (int j = 0; j < p; j++) {
        intercept[j] = rng.nextDouble() * 2 - 1;
        sd[j] = 0.5 + rng.nextDouble();
        for (int i : g.parents(j)) {
          b[i][j] = (rng.nextBoolean() ? 1 : -1) * (0.3 + rng.nextDouble());
        }
      }
      StructuralCausalModel m = Models.linearGaussian(g, b, intercept, sd);
      for (int x = 0; x < p; x++) {
        InterventionComparison c = m.compare(List.of(Intervention.set(g.name(x), 0)), 200,
            rep);
        InterventionComparison c1 = m.compare(List.of(Intervention.set(g.name(x), 1)), 200,
            rep);
        for (int y = 0; y < p; y++) {
          double tau = pathSum(g, b, x, y, new ArrayList<>());
          // Same noise in both worlds: per sample, Y(x=1) - Y(x=0) is the total effect.
          double diff = ((NodeSummary.Numeric) c1.node(g.name(y)).interventional()).mean()
              - ((NodeSummary.Numeric) c.node(g.name(y)).interventional()).mean();
          assertThat(diff).as("effect of %s on %s", g.name(x), g.name(y))
              .isCloseTo(x == y ? 1 : tau, within(1e-9));
        }
      }
    }
  }

  /** Σ over directed paths x → … → y of the product of edge coefficients, by enumeration. */
  private static double pathSum(Graph g, double[][] b, int x, int y, List<Integer> path) {
    if (x == y) {
      return 1;
    }
    double sum = 0;
    for (int c : g.children(x)) {
      sum += b[x][c] * pathSum(g, b, c, y, path);
    }
    return sum;
  }

  @Test
  void sameSeedSameSamplesDifferentSeedDifferentSamples() {
    StructuralCausalModel m = truth();
    double[] a = m.sample(100, 5).values("D");
    double[] b = m.sample(100, 5).values("D");
    double[] c = m.sample(100, 6).values("D");
    assertThat(a).containsExactly(b);
    assertThat(a).isNotEqualTo(c);
    // The noise of a node does not depend on interventions elsewhere (common random numbers).
    double[] aObs = m.sample(100, 5).values("A");
    double[] aDo = m.sample(List.of(Intervention.set("C", 2)), 100, 5).values("A");
    assertThat(aObs).containsExactly(aDo);
  }

  @Test
  void empiricalNoiseKeepsTheResiduals() {
    Dataset data = truth().sample(2_000, 11).toDataset();
    StructuralCausalModel fitted = StructuralCausalModel.builder(G, data)
        .continuous(ContinuousFit.linear(NoiseModel.EMPIRICAL)).fit();
    NoiseDistribution noise = ((LinearMechanism) fitted.mechanism("D")).noise();
    assertThat(noise).isInstanceOf(NoiseDistribution.Empirical.class);
    double[] res = ((NoiseDistribution.Empirical) noise).residuals();
    assertThat(res).hasSize(2_000);
    double[] draws = new double[500];
    noise.draw(RandomSource.XO_RO_SHI_RO_128_PP.create(1L), draws);
    java.util.Set<Double> pool = new java.util.HashSet<>();
    for (double r : res) {
      pool.add(r);
    }
    for (double v : draws) {
      assertThat(pool).contains(v);
    }
  }
}
