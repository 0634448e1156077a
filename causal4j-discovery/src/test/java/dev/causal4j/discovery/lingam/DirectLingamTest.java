package dev.causal4j.discovery.lingam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.lingam.LingamSimulation.Noise;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.Knowledge;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DirectLiNGAM on data from known linear non-Gaussian models ({@link LingamSimulation}: random
 * DAGs of average degree 2, weights ±[0.5, 1.5], noise sd in [0.5, 1.5]).
 */
class DirectLingamTest {

  /**
   * p = 5–10, n = 5,000, 100 seeds per noise shape. Measured on 1,000 other seeds (1000–1999):
   * the exact DAG in 94.1% (uniform), 95.5% (Laplace) and 95.3% (exponential) of them; the causal
   * order was right in 99.7% or more. Nearly every miss is one extra edge that the adaptive
   * lasso's BIC kept: for an absent edge BIC keeps the coefficient when χ²₁ > log n ≈ 8.5, which
   * happens with probability 0.35% per absent edge among the up to 40 per graph. Bars: 90 exact
   * DAGs of 100, about 1.7 binomial standard deviations under the lowest measured rate, and 98
   * right orders.
   * Strengths: every coefficient's standard error is at most 1.5/(√5000·0.5) ≈ 0.042 (noise sd
   * ≤ 1.5, and a parent keeps at least its own noise variance 0.25 given the other parents), so
   * 0.2 is 4.7 standard errors; the RMS error, dominated by typical standard errors near 0.015,
   * must stay under 0.03.
   */
  @ParameterizedTest
  @EnumSource(value = Noise.class, names = {"UNIFORM", "LAPLACE", "EXPONENTIAL"})
  void recoversTheTrueDagAndStrengths(Noise noise) {
    int exact = 0;
    int orderRight = 0;
    double sumSq = 0;
    int coefficients = 0;
    for (long seed = 0; seed < 100; seed++) {
      int p = 5 + (int) (seed % 6);
      LingamSimulation sim = LingamSimulation.of(p, 2, 5000, noise, seed);
      LingamResult r = DirectLingam.builder().build().search(sim.data());
      assertThat(r.graph().kind()).isEqualTo(GraphKind.DAG);
      assertThat(r.result().stats().algorithm()).isEqualTo("directlingam");
      assertThat(r.result().warnings()).as("seed %d", seed).isEmpty();
      if (orderConsistent(sim.dag(), r.causalOrder())) {
        orderRight++;
      }
      if (r.graph().equals(sim.dag())) {
        exact++;
        double[][] b = r.strengths();
        for (int i = 0; i < p; i++) {
          for (int j : sim.dag().parents(i)) {
            double err = b[i][j] - sim.weights()[i][j];
            assertThat(Math.abs(err)).as("seed %d, %s --> %s", seed, sim.dag().name(j),
                sim.dag().name(i)).isLessThan(0.2);
            sumSq += err * err;
            coefficients++;
          }
        }
      }
    }
    assertThat(exact).as("exact DAGs of 100").isGreaterThanOrEqualTo(90);
    assertThat(orderRight).as("right causal orders of 100").isGreaterThanOrEqualTo(98);
    assertThat(Math.sqrt(sumSq / coefficients)).isLessThan(0.03);
  }

  /**
   * The Wald option at a strict level keeps fewer spurious edges than BIC: at α = 0.001 an absent
   * edge survives with probability 0.1%. Measured on seeds 1000–1999: 98.0%, 97.3% and 97.8%
   * exact; the bar, 95 of 100, is about two binomial standard deviations under the lowest.
   */
  @ParameterizedTest
  @EnumSource(value = Noise.class, names = {"UNIFORM", "LAPLACE", "EXPONENTIAL"})
  void waldPruningAtAStrictLevel(Noise noise) {
    int exact = 0;
    for (long seed = 0; seed < 100; seed++) {
      LingamSimulation sim = LingamSimulation.of(5 + (int) (seed % 6), 2, 5000, noise, seed);
      LingamResult r = DirectLingam.builder().pruning(Pruning.WALD).alpha(0.001).build()
          .search(sim.data());
      if (r.graph().equals(sim.dag())) {
        exact++;
      }
      assertThat(r.result().stats().parameters()).containsEntry("pruning", "wald")
          .containsEntry("alpha", "0.001");
    }
    assertThat(exact).as("exact DAGs of 100").isGreaterThanOrEqualTo(95);
  }

  /**
   * The worked example of the {@code lingam} package's DirectLiNGAM tutorial (uniform noise,
   * n = 1000): x3 → x0 (3), x3 → x2 (6), x0 → x1 (3), x2 → x1 (2), x0 → x5 (4), x0 → x4 (8),
   * x2 → x4 (−1). The package's published output is this graph, with causal order starting x3,
   * then x0 and x2, and strengths within about 0.05 of the true ones; so is ours (our random
   * numbers differ, so the digits do).
   */
  @Test
  void reproducesTheLingamTutorialExample() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    int n = 1000;
    double[][] x = new double[6][n];
    for (int k = 0; k < n; k++) {
      x[3][k] = rng.nextDouble();
      x[0][k] = 3.0 * x[3][k] + rng.nextDouble();
      x[2][k] = 6.0 * x[3][k] + rng.nextDouble();
      x[1][k] = 3.0 * x[0][k] + 2.0 * x[2][k] + rng.nextDouble();
      x[5][k] = 4.0 * x[0][k] + rng.nextDouble();
      x[4][k] = 8.0 * x[0][k] - 1.0 * x[2][k] + rng.nextDouble();
    }
    List<String> names = List.of("x0", "x1", "x2", "x3", "x4", "x5");
    LingamResult r = DirectLingam.builder().build().search(Dataset.ofContinuous(names, x));
    MutableGraph truth = new MutableGraph(names, GraphKind.DAG);
    String[][] edges = {{"x3", "x0"}, {"x3", "x2"}, {"x0", "x1"}, {"x2", "x1"}, {"x0", "x5"},
        {"x0", "x4"}, {"x2", "x4"}};
    double[] weights = {3, 6, 3, 2, 4, 8, -1};
    for (String[] e : edges) {
      truth.addDirectedEdge(truth.indexOf(e[0]), truth.indexOf(e[1]));
    }
    assertThat(r.graph()).isEqualTo(truth.snapshot());
    assertThat(r.causalOrder().get(0)).isEqualTo("x3");
    assertThat(r.causalOrder().subList(1, 3)).containsExactlyInAnyOrder("x0", "x2");
    // Standard errors here are below 0.04 (unit-variance-1/12 noise, n = 1000): 0.15 is ~4 SE.
    for (int e = 0; e < edges.length; e++) {
      assertThat(r.strength(edges[e][0], edges[e][1])).as("%s --> %s", edges[e][0], edges[e][1])
          .isCloseTo(weights[e], within(0.15));
    }
    assertThat(r.strength("x1", "x0")).isZero();
  }

  /** The branch and bound, and the thread count, change the work but never the answer. */
  @Test
  void sameResultOnAnyThreadCountAndWithoutTheBound() {
    for (long seed = 0; seed < 12; seed++) {
      Noise noise = Noise.values()[(int) (seed % 4)];
      LingamSimulation sim = LingamSimulation.of(14 + (int) (seed % 5), 2.5, 1500, noise, seed);
      LingamResult one = DirectLingam.builder().threads(1).build().search(sim.data());
      LingamResult three = DirectLingam.builder().threads(3).build().search(sim.data());
      LingamResult full = DirectLingam.builder().branchAndBound(false).threads(2).build()
          .search(sim.data());
      for (LingamResult other : List.of(three, full)) {
        assertThat(other.causalOrder()).as("seed %d", seed).isEqualTo(one.causalOrder());
        assertThat(other.strengths()).as("seed %d", seed).isDeepEqualTo(one.strengths());
        assertThat(other.graph()).isEqualTo(one.graph());
        assertThat(other.result().warnings()).isEqualTo(one.result().warnings());
      }
      // The bound skipped pairs (the full search evaluates all of them at every step).
      long p = sim.dag().size();
      assertThat(full.result().stats().scoreEvaluations()).isEqualTo((p + 1) * p * (p - 1) / 6);
      assertThat(one.result().stats().scoreEvaluations())
          .isLessThan(full.result().stats().scoreEvaluations());
    }
  }

  /**
   * Random knowledge, consistent with the truth or contradicting one true edge, on data where the
   * search alone errs often (n = 300, Gaussian noise in a quarter of the seeds): the invariants
   * hold on every seed, under both pruning rules.
   */
  @Test
  void knowledgeIsAlwaysHonoured() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
    for (long seed = 0; seed < 60; seed++) {
      Noise noise = Noise.values()[(int) (seed % 4)];
      LingamSimulation sim = LingamSimulation.of(6 + (int) (seed % 7), 2.5, 300, noise, seed);
      Knowledge k = KnowledgeInvariants.random(sim.dag(), rng, seed % 3 == 0);
      Pruning pruning = seed % 2 == 0 ? Pruning.ADAPTIVE_LASSO : Pruning.WALD;
      LingamResult r = DirectLingam.builder().knowledge(k).pruning(pruning).build()
          .search(sim.data());
      KnowledgeInvariants.assertHonoured(r, k, "seed " + seed + "\n" + k);
    }
  }

  @Test
  void knowledgeFixesAnOrderTheDataCannotTell() {
    // Gaussian noise: the data say nothing about direction; tiers decide it.
    LingamSimulation sim = LingamSimulation.of(6, 2, 2000, Noise.GAUSSIAN, 4);
    int[] order = Graphs.topologicalOrder(sim.dag());
    Knowledge.Builder b = Knowledge.builder();
    for (int v : order) {
      b.tier(sim.dag().name(v));
    }
    LingamResult r = DirectLingam.builder().knowledge(b.build()).build().search(sim.data());
    assertThat(r.graph()).isEqualTo(sim.dag());
  }

  @Test
  void gaussianNoiseGivesAWarning() {
    for (long seed = 0; seed < 10; seed++) {
      LingamSimulation sim = LingamSimulation.of(6, 2, 2000, Noise.GAUSSIAN, seed);
      LingamResult r = DirectLingam.builder().build().search(sim.data());
      assertThat(r.result().warnings()).as("seed %d", seed)
          .anyMatch(w -> w.contains("Gaussian") && w.contains("not identified"));
    }
  }

  @Test
  void fewRowsGiveAWarning() {
    LingamSimulation sim = LingamSimulation.of(4, 1, 120, Noise.UNIFORM, 1);
    assertThat(DirectLingam.builder().build().search(sim.data()).result().warnings())
        .anyMatch(w -> w.startsWith("only 120 rows"));
  }

  @Test
  void strengthsAreCopiesAndNamedAccessWorks() {
    LingamSimulation sim = LingamSimulation.of(5, 2, 2000, Noise.LAPLACE, 8);
    LingamResult r = DirectLingam.builder().build().search(sim.data());
    double[][] b = r.strengths();
    b[0][1] = 42;
    assertThat(r.strengths()[0][1]).isNotEqualTo(42);
    Graph g = r.graph();
    for (int i = 0; i < g.size(); i++) {
      for (int j = 0; j < g.size(); j++) {
        assertThat(r.strength(g.name(j), g.name(i)) != 0).isEqualTo(g.isDirected(j, i));
      }
    }
    assertThatThrownBy(() -> r.strength("nope", "X1"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'nope'");
  }

  @Test
  void oneVariableGivesAnEmptyGraph() {
    Dataset d = Dataset.ofContinuous(List.of("a"), new double[][] {{1, 2, 3, 5, 8}});
    LingamResult r = DirectLingam.builder().build().search(d);
    assertThat(r.graph().edgeCount()).isZero();
    assertThat(r.causalOrder()).containsExactly("a");
  }

  @Test
  void rejectsDiscreteColumnsNamingThem() {
    Dataset d = Dataset.builder(4)
        .addContinuous("x", new double[] {1, 2, 3, 4})
        .addDiscrete("colour", new int[] {0, 1, 0, 1}, List.of("red", "blue"))
        .build();
    assertThatThrownBy(() -> DirectLingam.builder().build().search(d))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'colour'").hasMessageContaining("continuous")
        .hasMessageContaining("pc");
  }

  @Test
  void rejectsMissingValuesSayingWhichPolicyToChoose() {
    Dataset d = Dataset.builder(5)
        .addContinuous("x", new double[] {1, 2, 3, 4, 5})
        .addContinuous("y", new double[] {1, Double.NaN, 3, 2, 5},
            BitSet.valueOf(new long[] {0b10}))
        .build();
    assertThatThrownBy(() -> DirectLingam.builder().build().search(d))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'y'").hasMessageContaining("--missing listwise");
  }

  @Test
  void rejectsConstantAndCollinearColumnsAndTooFewRows() {
    double[] x = {1, 4, 2, 8, 5, 7, 3, 6};
    double[] y = {2, 1, 7, 3, 3, 9, 4, 1};
    double[] c = {3, 3, 3, 3, 3, 3, 3, 3};
    double[] sum = new double[8];
    for (int i = 0; i < 8; i++) {
      sum[i] = 2 * x[i] - y[i];
    }
    assertThatThrownBy(() -> search(List.of("x", "c", "y"), x, c, y))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'c'").hasMessageContaining("constant");
    assertThatThrownBy(() -> search(List.of("x", "y", "s"), x, y, sum))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'s'").hasMessageContaining("linear combination")
        .hasMessageContaining("x, y");
    assertThatThrownBy(() -> search(List.of("x", "y", "x again"), x, y, x.clone()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'x again'").hasMessageContaining("column x;");
    double[][] wide = new double[7][8];
    for (int j = 0; j < 7; j++) {
      for (int i = 0; i < 8; i++) {
        wide[j][i] = Math.sin(i * (j + 1.3));
      }
    }
    assertThatThrownBy(() -> DirectLingam.builder().build()
        .search(Dataset.ofContinuous(RandomGraphs.defaultNames(7), wide)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("8 row(s) for 7 variables");
  }

  @Test
  void rejectsKnowledgeThatAdmitsNoOrder() {
    LingamSimulation sim = LingamSimulation.of(4, 1, 500, Noise.UNIFORM, 2);
    // X1 in tier 1, X2 in tier 2, X3 untiered; X2 → X3 → X1 required: X2 must precede X1.
    Knowledge k = Knowledge.builder().tier("X1").tier("X2").require("X2", "X3")
        .require("X3", "X1").build();
    assertThatThrownBy(() -> DirectLingam.builder().knowledge(k).build().search(sim.data()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("admits no causal order");
    Knowledge unknown = Knowledge.builder().require("X1", "Y9").build();
    assertThatThrownBy(() -> DirectLingam.builder().knowledge(unknown).build().search(sim.data()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'Y9'");
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> DirectLingam.builder().alpha(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("alpha");
    assertThatThrownBy(() -> DirectLingam.builder().threads(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("--threads");
  }

  private static LingamResult search(List<String> names, double[]... columns) {
    return DirectLingam.builder().build().search(Dataset.ofContinuous(names, columns));
  }

  static boolean orderConsistent(Graph dag, List<String> order) {
    for (var e : dag.edges()) {
      if (order.indexOf(dag.name(e.from())) > order.indexOf(dag.name(e.to()))) {
        return false;
      }
    }
    return true;
  }
}
