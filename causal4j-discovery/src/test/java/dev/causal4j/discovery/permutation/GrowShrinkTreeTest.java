package dev.causal4j.discovery.permutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.score.Score;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The trees against the definition they cache: grow-shrink recomputed from scratch for each
 * prefix (add the best-scoring improving candidate while one improves, then drop the best
 * improving removal while one improves, ties to the lowest index), on noisy data (n = 300, so that
 * grow and shrink both have work to do), with and without knowledge, and from several threads.
 */
class GrowShrinkTreeTest {

  /** Grow-shrink from scratch: the oracle. */
  static int[] naive(Score score, int v, boolean[] allowed, int[] required, double[] scoreOut) {
    List<Integer> set = new ArrayList<>();
    for (int r : required) {
      set.add(r);
    }
    double current = score.localScore(v, toArray(set));
    while (true) {
      int best = -1;
      double bestScore = current;
      for (int c = 0; c < allowed.length; c++) {
        if (!allowed[c] || set.contains(c)) {
          continue;
        }
        set.add(c);
        double s = score.localScore(v, toArray(set));
        set.remove(set.size() - 1);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (best < 0) {
        break;
      }
      set.add(best);
      current = bestScore;
    }
    List<Integer> optional = new ArrayList<>(set.subList(required.length, set.size()));
    optional.sort(null);
    while (true) {
      int best = -1;
      double bestScore = current;
      for (int i = 0; i < optional.size(); i++) {
        List<Integer> without = new ArrayList<>(optional);
        without.remove(i);
        double s = score.localScore(v, concat(required, without));
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      optional.remove(best);
      current = bestScore;
    }
    scoreOut[0] = current;
    int[] out = concat(required, optional);
    Arrays.sort(out);
    return out;
  }

  private static int[] toArray(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] concat(int[] a, List<Integer> b) {
    int[] out = Arrays.copyOf(a, a.length + b.size());
    for (int i = 0; i < b.size(); i++) {
      out[a.length + i] = b.get(i);
    }
    return out;
  }

  private static void checkAgainstOracle(LinearGaussianSample s, Knowledge knowledge, long seed) {
    Score score = s.bic(1);
    int p = score.variables().size();
    BoundKnowledge bound = knowledge.bind(score.variables());
    ParentSelection selection = new ParentSelection(score, bound);
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    int[] rank = new int[p];
    double[] naiveScore = new double[1];
    for (int trial = 0; trial < 300; trial++) {
      int v = rng.nextInt(p);
      boolean[] allowed = new boolean[p];
      int[] required = bound.requiredParents(v);
      for (int u = 0; u < p; u++) {
        boolean in = u != v && rng.nextBoolean();
        if (Arrays.binarySearch(required, u) >= 0) {
          in = true;
        }
        rank[u] = in ? 0 : 1;
        allowed[u] = in && !bound.isForbidden(u, v) && Arrays.binarySearch(required, u) < 0;
      }
      int[] expected = naive(score, v, allowed, required, naiveScore);
      GrowShrinkTree.Node n = selection.select(v, rank, 1, -1);
      assertThat(n.parents()).as("trial %d, node %d", trial, v).containsExactly(expected);
      // The same family in another parent order rounds differently inside the Cholesky.
      assertThat(n.score()).isCloseTo(naiveScore[0], within(1e-9 * Math.abs(naiveScore[0])));
    }
  }

  private static LinearGaussianSample noisySample(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    return new LinearGaussianSample(RandomGraphs.erdosRenyiDag(12, 3, rng), 300, rng);
  }

  @Test
  void tracesEqualGrowShrinkFromScratch() {
    for (long seed = 0; seed < 5; seed++) {
      checkAgainstOracle(noisySample(seed), Knowledge.empty(), seed);
    }
  }

  @Test
  void tracesEqualGrowShrinkFromScratchUnderKnowledge() {
    for (long seed = 0; seed < 5; seed++) {
      LinearGaussianSample s = noisySample(seed);
      List<String> x = s.dag.nodeNames();
      Knowledge k = Knowledge.builder()
          .require(x.get(0), x.get(1)).require(x.get(2), x.get(1))
          .forbid(x.get(3), x.get(1)).forbid(x.get(4), x.get(5)).forbid(x.get(1), x.get(6))
          .build();
      checkAgainstOracle(s, k, seed);
    }
  }

  /** Trees grown by several threads at once give what one thread gives. */
  @Test
  void concurrentTracesAgreeWithSequentialOnes() {
    LinearGaussianSample s = noisySample(11);
    Score score = s.bic(1);
    int p = score.variables().size();
    int queries = 2000;
    int[][] ranks = new int[queries][p];
    int[] target = new int[queries];
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5);
    for (int q = 0; q < queries; q++) {
      target[q] = rng.nextInt(p);
      for (int u = 0; u < p; u++) {
        ranks[q][u] = u == target[q] ? 1 : rng.nextInt(2);
      }
    }
    BoundKnowledge none = Knowledge.empty().bind(score.variables());
    ParentSelection sequential = new ParentSelection(score, none);
    ParentSelection parallel = new ParentSelection(score, none);
    int[][] expected = new int[queries][];
    int[][] got = new int[queries][];
    for (int q = 0; q < queries; q++) {
      expected[q] = sequential.select(target[q], ranks[q], 1, -1).parents();
    }
    Parallel.forEach(4, queries,
        q -> got[q] = parallel.select(target[q], ranks[q], 1, -1).parents());
    for (int q = 0; q < queries; q++) {
      assertThat(got[q]).as("query %d", q).containsExactly(expected[q]);
    }
  }

  @Test
  void sortsByScoreDescendingThenIndex() {
    int[] vars = {4, 2, 9, 1, 7, 3};
    double[] scores = {1.0, 3.0, 3.0, -2.0, 1.0, 5.0};
    GrowShrinkTree.sortByScoreDescending(vars, scores, 6, new int[6], new double[6]);
    assertThat(vars).containsExactly(3, 2, 9, 4, 7, 1);
    assertThat(scores).containsExactly(5.0, 3.0, 3.0, 1.0, 1.0, -2.0);
  }
}
