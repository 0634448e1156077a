package dev.causal4j.discovery.lingam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.Knowledge;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** ICA-LiNGAM's search for the order that makes B closest to strictly lower triangular. */
class TriangularOrderTest {
  @Test
  void exactSearchReachesTheBruteForceMinimum() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
    for (int trial = 0; trial < 60; trial++) {
      int p = 2 + trial % 6;
      double[][] b = new double[p][p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          b[i][j] = i == j ? 0 : rng.nextDouble() * 2 - 1;
        }
      }
      int[] order = TriangularOrder.exact(b, constraints(p));
      assertThat(cost(b, order)).as("trial %d", trial).isCloseTo(bruteForce(b), within(1e-12));
    }
  }

  @Test
  void bothMethodsRecoverTheOrderOfANoisyDagMatrix() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
    for (int trial = 0; trial < 40; trial++) {
      int p = 4 + trial % 20;
      Graph dag = RandomGraphs.erdosRenyiDag(p, 2, rng);
      double[][] b = new double[p][p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          // True edges at least 0.5 in size; every other entry estimation noise below 0.05.
          b[i][j] = dag.isDirected(j, i) ? 0.5 + rng.nextDouble() : (rng.nextDouble() - 0.5) * 0.1;
        }
        b[i][i] = 0;
      }
      OrderConstraints none = constraints(p);
      assertConsistent(dag, TriangularOrder.iterative(b, none));
      if (p <= TriangularOrder.EXACT_LIMIT) {
        assertConsistent(dag, TriangularOrder.exact(b, none));
      }
    }
  }

  @Test
  void knowledgeOverridesTheMatrix() {
    // B says X1 → X2 → X3 strongly; the knowledge puts X3 first and requires X2 → X1.
    double[][] b = {{0, 0, 0}, {0.9, 0, 0}, {0, 0.9, 0}};
    List<String> names = RandomGraphs.defaultNames(3);
    Knowledge k = Knowledge.builder().tier("X3").tier("X1", "X2").require("X2", "X1").build();
    OrderConstraints c = new OrderConstraints(k.bind(names));
    assertThat(TriangularOrder.exact(b, c)).containsExactly(2, 1, 0);
    assertThat(TriangularOrder.iterative(b, c)).containsExactly(2, 1, 0);
  }

  private static OrderConstraints constraints(int p) {
    return new OrderConstraints(Knowledge.empty().bind(RandomGraphs.defaultNames(p)));
  }

  private static void assertConsistent(Graph dag, int[] order) {
    int[] position = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      position[order[k]] = k;
    }
    for (var e : dag.edges()) {
      assertThat(position[e.from()]).as("%s before %s", dag.name(e.from()), dag.name(e.to()))
          .isLessThan(position[e.to()]);
    }
  }

  private static double cost(double[][] b, int[] order) {
    double s = 0;
    for (int x = 0; x < order.length; x++) {
      for (int y = x + 1; y < order.length; y++) {
        s += b[order[x]][order[y]] * b[order[x]][order[y]];
      }
    }
    return s;
  }

  private static double bruteForce(double[][] b) {
    int p = b.length;
    int[] perm = new int[p];
    for (int i = 0; i < p; i++) {
      perm[i] = i;
    }
    double best = Double.POSITIVE_INFINITY;
    do {
      best = Math.min(best, cost(b, perm));
    } while (AssignmentTest.nextPermutation(perm));
    return best;
  }
}
