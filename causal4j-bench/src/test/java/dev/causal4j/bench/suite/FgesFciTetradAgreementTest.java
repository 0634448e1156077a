package dev.causal4j.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.causal4j.bench.simulate.Mechanism;
import dev.causal4j.bench.simulate.Simulation;
import dev.causal4j.bench.simulate.Simulator;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.fci.Fci;
import dev.causal4j.discovery.ges.Fges;
import dev.causal4j.graph.ConsistentExtension;
import dev.causal4j.graph.Graph;
import dev.causal4j.independence.FisherZTest;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.stats.CovarianceMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Causal4J's FGES and FCI against Tetrad 7.6.6's on the same seeded data: what agrees exactly,
 * and where the two differ, why (docs/benchmarks.md). Skipped, with the reason, where Tetrad's
 * runner is not built (no JDK 21+). Tetrad's JVM sees one processor, so that its searches run in
 * their sequential order.
 */
class FgesFciTetradAgreementTest {
  private static Path dir;
  private static TetradProcess tetrad;
  private static String unavailable;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("fges-fci-tetrad-");
    TetradProcess.Location where = TetradProcess.locate();
    if (where.available()) {
      tetrad = TetradProcess.start(where.runner().orElseThrow(), "1g", 1);
    } else {
      unavailable = where.reason();
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (tetrad != null) {
      tetrad.close();
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  /** Seeded linear-Gaussian data (with {@code hidden} of the nodes latent) and its copy for Tetrad. */
  private static Dataset data(int nodes, int hidden, long seed) {
    return Simulator.simulate(Simulation.builder().mechanism(Mechanism.LINEAR_GAUSSIAN)
        .nodes(nodes).latentConfounders(hidden).averageDegree(2).samples(1000).seed(seed).build())
        .data();
  }

  /**
   * FGES with the BIC at penalty discount 2 on both sides (Tetrad's SEM BIC has the same local
   * score up to a constant per node): identical CPDAGs on seeds 1–7 of {@code causal4j simulate
   * --model linear-gaussian --nodes 30 --degree 2 --samples 1000}. Seed 3 is where Causal4J's FGES
   * once returned a non-CPDAG (fixed; see {@code FgesPropertiesTest}). On seed 8 the two greedy
   * searches end at different local optima, Tetrad's the better-scoring one (docs/benchmarks.md:
   * Causal4J's graph is GES's, and no single insertion or deletion improves it).
   */
  @Test
  void fgesGivesTetradsCpdag() {
    requireTetrad();
    for (long seed = 1; seed <= 8; seed++) {
      Dataset d = data(30, 0, seed);
      TetradData file = TetradData.write(d, dir.resolve("fges-" + seed + ".csv"));
      LinearGaussianBicScore score = new LinearGaussianBicScore(CovarianceMatrix.of(d), 2);
      Graph ours = Fges.builder(score).build().search().graph();
      Graph theirs = tetrad.run(TetradJob.builder(TetradAlgorithm.FGES, file)
          .score(TetradJob.Score.SEM_BIC).penaltyDiscount(2).faithfulnessAssumed(false).build())
          .graph();
      if (seed <= 7) {
        assertThat(ours).as("seed %d", seed).isEqualTo(theirs);
      } else {
        assertThat(ours).as("seed 8: different local optima").isNotEqualTo(theirs);
        assertThat(ours).isEqualTo(
            Fges.builder(score).variant(Fges.Variant.GES).build().search().graph());
        assertThat(bic(score, theirs)).isGreaterThan(bic(score, ours));
      }
    }
  }

  /**
   * FCI with Fisher Z at α = 0.01 on data with 2 hidden confounders among 32 nodes (seeds 1–12),
   * Causal4J's original-order adjacency search against Tetrad's FCI with {@code setStable(false)}:
   * the same skeleton on 10 of 12, and on all 12 without the Possible-D-SEP step: seeds 1 and 11
   * differ by one or two adjacencies that step removes on one side only (its sets are built from
   * the colliders R0 found, and the two tools find different colliders, below). Identical PAGs on
   * seeds 4 and 7.
   * Elsewhere 2–12 marks differ per data set, because Tetrad 7.6.6's FCI does not orient
   * colliders from the separating sets its adjacency search found: its R0 ({@code
   * R0R4StrategyTestBased.isUnshieldedCollider}) searches again for a separating set of the two
   * ends among the current graph's adjacencies ({@code SepsetFinder.getSepsetContainingGreedy},
   * new tests) and makes a collider if that set, when one is found, leaves the middle node out;
   * its R4 likewise. Zhang (2008) and Spirtes et al. orient with the sets found by the search,
   * which is what Causal4J does. See
   * docs/benchmarks.md.
   */
  @Test
  void fciHasTetradsSkeletonBeforePossibleDsepAndItsPagOnSome() {
    requireTetrad();
    int sameSkeleton = 0;
    for (long seed = 1; seed <= 12; seed++) {
      Dataset d = data(32, 2, seed);
      TetradData file = TetradData.write(d, dir.resolve("fci-" + seed + ".csv"));
      Graph ours = Fci.builder(new FisherZTest(CovarianceMatrix.of(d))).alpha(0.01).stable(false)
          .build().search().graph();
      Graph theirs = tetrad.run(TetradJob.builder(TetradAlgorithm.FCI, file).alpha(0.01)
          .stable(false).test(TetradJob.Test.FISHER_Z).build()).graph();
      if (GraphDifferences.adjacencies(ours, theirs).isEmpty()) {
        sameSkeleton++;
      }
      Graph oursNoPd = Fci.builder(new FisherZTest(CovarianceMatrix.of(d))).alpha(0.01)
          .stable(false).possibleDsep(false).build().search().graph();
      Graph theirsNoPd = tetrad.run(TetradJob.builder(TetradAlgorithm.FCI, file).alpha(0.01)
          .stable(false).possibleDsep(false).test(TetradJob.Test.FISHER_Z).build()).graph();
      assertThat(GraphDifferences.adjacencies(oursNoPd, theirsNoPd))
          .as("seed %d, without Possible-D-SEP", seed).isEmpty();
      if (seed == 4 || seed == 7) {
        assertThat(GraphDifferences.byPosition(ours, theirs)).as("seed %d", seed).isZero();
      }
    }
    assertThat(sameSkeleton).isEqualTo(10);
  }

  private static void requireTetrad() {
    assumeTrue(tetrad != null, () -> "Tetrad: not available: " + unavailable);
  }

  /** The BIC of a DAG of the CPDAG. */
  private static double bic(LinearGaussianBicScore score, Graph cpdag) {
    Graph dag = ConsistentExtension.of(cpdag).orElseThrow();
    double total = 0;
    for (int v = 0; v < dag.size(); v++) {
      int[] parents = dag.parents(v).clone();
      java.util.Arrays.sort(parents);
      total += score.localScore(v, parents);
    }
    return total;
  }
}
