package dev.causal4j.discovery.pc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.graph.Separation;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.TestResult;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class AdjacencySearchTest {

  /** d-separation in a known DAG as a test. */
  private static IndependenceTest oracle(Graph dag) {
    return new IndependenceTest() {
      @Override
      public List<String> variables() {
        return dag.nodeNames();
      }

      @Override
      public TestResult test(int x, int y, int[] z) {
        boolean sep = Separation.isSeparated(dag, x, y, z);
        return new TestResult(Double.NaN, sep ? 1 : 0, Double.NaN, 0);
      }
    };
  }

  @Test
  void withAnOracleEveryVariantFindsTheTrueSkeleton() {
    // Moderate densities: with an oracle, PC's test count grows steeply with degree (PC-stable
    // made 2·10⁶ tests on one 29-node graph of average degree 4).
    for (long seed = 0; seed < 60; seed++) {
      Graph dag = RandomGraphs.erdosRenyiDag(10 + (int) (seed % 20), 2 + seed % 2,
          RandomSource.SPLIT_MIX_64.create(seed));
      for (boolean stable : new boolean[] {true, false}) {
        Skeleton s = new AdjacencySearch(oracle(dag), 0.5, -1, stable, 1, EdgeConstraints.NONE)
            .search();
        for (int a = 0; a < dag.size(); a++) {
          for (int b = a + 1; b < dag.size(); b++) {
            assertThat(s.isAdjacent(a, b)).as("seed %d, %s-%s", seed, a, b)
                .isEqualTo(dag.isAdjacent(a, b));
            if (!dag.isAdjacent(a, b)) {
              assertThat(Separation.isSeparated(dag, a, b, s.sepsets().get(a, b))).isTrue();
            }
          }
        }
      }
    }
  }

  @Test
  void stableSearchGivesTheSameResultOnAnyNumberOfThreads() {
    Graph dag = RandomGraphs.erdosRenyiDag(40, 2.5, RandomSource.SPLIT_MIX_64.create(11));
    Skeleton one = new AdjacencySearch(oracle(dag), 0.5, -1, true, 1, EdgeConstraints.NONE).search();
    Skeleton four = new AdjacencySearch(oracle(dag), 0.5, -1, true, 4, EdgeConstraints.NONE).search();
    assertThat(four.testsPerformed()).isEqualTo(one.testsPerformed());
    for (int a = 0; a < dag.size(); a++) {
      assertThat(four.neighbors(a)).containsExactly(one.neighbors(a));
      for (int b = a + 1; b < dag.size(); b++) {
        assertThat(four.sepsets().get(a, b)).containsExactly(one.sepsets().get(a, b));
      }
    }
  }

  @Test
  void depthLimitStopsEarlyAndConstraintsAreHonoured() {
    Graph dag = RandomGraphs.erdosRenyiDag(15, 4, RandomSource.SPLIT_MIX_64.create(5));
    Skeleton s = new AdjacencySearch(oracle(dag), 0.5, 1, true, 1, EdgeConstraints.NONE).search();
    assertThat(s.depthReached()).isLessThanOrEqualTo(1);
    EdgeConstraints keep01drop23 = new EdgeConstraints() {
      @Override
      public boolean forbidsAdjacency(int a, int b) {
        return Math.min(a, b) == 2 && Math.max(a, b) == 3;
      }

      @Override
      public boolean requiresAdjacency(int a, int b) {
        return Math.min(a, b) == 0 && Math.max(a, b) == 1;
      }
    };
    Skeleton k = new AdjacencySearch(oracle(dag), 0.5, -1, true, 2, keep01drop23).search();
    assertThat(k.isAdjacent(0, 1)).isTrue();
    assertThat(k.isAdjacent(2, 3)).isFalse();
  }
}
