package dev.causal4j.discovery.permutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.score.Score;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The searches' incremental bookkeeping against brute force, on noisy data (n = 500, p = 9, so
 * that many orders score differently): BOSS's pass scores every position of a variable from a few
 * traces, and GRaSP updates only the tucked segment; both must end where recomputing every local
 * score from scratch says they are. Scores compare within 1e-9 relative: the same family in
 * another parent order rounds differently.
 */
class SearchStepTest {

  private static LinearGaussianSample sample(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    return new LinearGaussianSample(RandomGraphs.erdosRenyiDag(9, 3, rng), 500, rng);
  }

  /** The score of the grow-shrink DAG of an order, recomputed from scratch. */
  private static double orderScore(Score score, int[] order) {
    List<String> names = score.variables();
    Graph dag = GrowShrinkDag.of(score, java.util.Arrays.stream(order).mapToObj(names::get)
        .toList());
    double total = 0;
    for (int v = 0; v < dag.size(); v++) {
      total += score.localScore(v, dag.parents(v));
    }
    return total;
  }

  private static int[] moved(int[] order, int x, int to) {
    int[] rest = new int[order.length - 1];
    int k = 0;
    for (int v : order) {
      if (v != x) {
        rest[k++] = v;
      }
    }
    int[] out = new int[order.length];
    System.arraycopy(rest, 0, out, 0, to);
    out[to] = x;
    System.arraycopy(rest, to, out, to + 1, rest.length - to);
    return out;
  }

  private static int[] randomOrder(int p, long seed) {
    int[] order = PermutationSampler.natural(p);
    // Another seed than the model's: the same one would draw its causal order again.
    PermutationSampler.shuffle(RandomSource.SPLIT_MIX_64.create(seed + 7919), order);
    return order;
  }

  @Test
  void bossEndsWhereNoSingleMoveImproves() {
    for (long seed = 0; seed < 8; seed++) {
      Score score = sample(seed).bic(1);
      int p = score.variables().size();
      BoundKnowledge none = Knowledge.empty().bind(score.variables());
      BetterMutation run = new BetterMutation(new ParentSelection(score, none),
          new OrderConstraints(none, p), randomOrder(p, seed), 1);
      double reported = run.run();
      int[] order = run.order();
      double actual = orderScore(score, order);
      assertThat(reported).as("seed %d", seed).isCloseTo(actual, within(1e-9 * Math.abs(actual)));
      for (int x = 0; x < p; x++) {
        for (int to = 0; to < p; to++) {
          assertThat(orderScore(score, moved(order, x, to)))
              .as("seed %d: moving %d to %d", seed, x, to)
              .isLessThanOrEqualTo(actual + BetterMutation.TOLERANCE);
        }
      }
      int[][] parents = run.parents();
      Graph dag = GrowShrinkDag.of(score, Graphs.names(EquivalenceClass.dag(score.variables(),
          parents), order));
      for (int v = 0; v < p; v++) {
        assertThat(parents[v]).containsExactly(dag.parents(v));
      }
    }
  }

  @Test
  void graspKeepsItsScoreAndParentsInStepWithTheOrder() {
    for (long seed = 0; seed < 8; seed++) {
      Score score = sample(seed).bic(1);
      int p = score.variables().size();
      BoundKnowledge none = Knowledge.empty().bind(score.variables());
      TuckSearch run = new TuckSearch(new ParentSelection(score, none),
          new OrderConstraints(none, p), randomOrder(p, seed));
      double before = run.score();
      run.run(new TuckSearch.Limits(3, 1, 1));
      int[] order = run.order();
      double actual = orderScore(score, order);
      assertThat(run.score()).as("seed %d", seed)
          .isCloseTo(actual, within(1e-9 * Math.abs(actual)))
          .isGreaterThanOrEqualTo(before - BetterMutation.TOLERANCE);
      Graph dag = GrowShrinkDag.of(score, Graphs.names(EquivalenceClass.dag(score.variables(),
          run.parents()), order));
      int[][] parents = run.parents();
      for (int v = 0; v < p; v++) {
        assertThat(parents[v]).as("seed %d, node %d", seed, v).containsExactly(dag.parents(v));
      }
    }
  }
}
