package dev.causal4j.discovery.permutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.score.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * With a consistent score and a large sample from a faithful linear-Gaussian model, BOSS and GRaSP
 * find the true equivalence class (Andrews et al. 2023, Thm 1, BOSS with BES; Lam et al. 2022,
 * Thm 2): 60 random Erdős–Rényi DAGs of 10–20 nodes, average degree 2 (the benchmark's), n =
 * 100,000, BIC with penalty discount 2. Penalty 2 rather than 1 because with 1 about one pair in
 * 600 of truly independent variables clears the penalty by chance (χ²₁ > ln n), enough to make the
 * truth not the best-scoring graph in a good share of seeds; with 2 that is about one in 10⁵.
 * Finite samples can still mislead a search (a weak edge, a near-cancellation), so the bar is 95%
 * of seeds exactly, as the issue asks. On these seeds BOSS misses none, GRaSP one; BOSS without
 * BES from one start misses 14, which is why BES is on by default.
 */
class LargeSampleRecoveryTest {
  static final int SEEDS = 60;
  static final int N = 100_000;
  static final double PENALTY = 2;

  /** Drawn once for all the tests here: the draws, not the searches, take most of the time. */
  private static final LinearGaussianSample[] SAMPLES = new LinearGaussianSample[SEEDS];

  static synchronized LinearGaussianSample sample(long seed) {
    int i = (int) seed;
    if (SAMPLES[i] == null) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      int p = 10 + (int) (seed % 11);
      Graph dag = RandomGraphs.erdosRenyiDag(p, 2, rng);
      SAMPLES[i] = new LinearGaussianSample(dag, N, rng);
    }
    return SAMPLES[i];
  }

  private static List<Long> misses(Function<Score, DiscoveryResult> search) {
    List<Long> missed = new ArrayList<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      LinearGaussianSample s = sample(seed);
      if (!search.apply(s.bic(PENALTY)).graph().equals(Cpdag.of(s.dag))) {
        missed.add(seed);
      }
    }
    return missed;
  }

  @Test
  void bossRecoversTheTrueCpdag() {
    List<Long> missed = misses(score -> Boss.builder(score).build().search());
    assertThat(missed.size()).as("seeds missed: %s", missed).isLessThanOrEqualTo(SEEDS / 20);
  }

  @Test
  void bossWithoutBesButWithRestartsRecoversTheTrueCpdag() {
    List<Long> missed =
        misses(score -> Boss.builder(score).bes(false).starts(3).build().search());
    assertThat(missed.size()).as("seeds missed: %s", missed).isLessThanOrEqualTo(SEEDS / 20);
  }

  @Test
  void graspRecoversTheTrueCpdag() {
    List<Long> missed = misses(score -> Grasp.builder(score).build().search());
    assertThat(missed.size()).as("seeds missed: %s", missed).isLessThanOrEqualTo(SEEDS / 20);
  }

  /**
   * The step both searches repeat: given the true causal order, grow-shrink picks exactly the true
   * parents (the true DAG is the unique minimal I-map for its own order under faithfulness), for
   * every seed.
   */
  @Test
  void theTrueOrderGivesTheTrueDag() {
    for (long seed = 0; seed < SEEDS; seed++) {
      LinearGaussianSample s = sample(seed);
      List<String> order = Graphs.names(s.dag, Graphs.topologicalOrder(s.dag));
      Graph dag = GrowShrinkDag.of(s.bic(PENALTY), order);
      assertThat(dag).as("seed %d", seed).isEqualTo(s.dag);
      assertThat(Cpdag.of(dag)).isEqualTo(Cpdag.of(s.dag));
    }
  }
}
