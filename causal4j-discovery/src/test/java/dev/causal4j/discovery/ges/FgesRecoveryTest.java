package dev.causal4j.discovery.ges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.score.Score;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * GES is consistent (Chickering 2002, Lemma 10 and Theorem 4): with a consistent score-equivalent
 * score it returns the true CPDAG as the sample grows. Checked two ways, on random DAGs of 10–20
 * nodes (Erdős–Rényi and scale-free), with the linear BIC at penalty 2:
 *
 * <ul>
 *   <li>the large-sample limit: the model's exact covariance scored as if from 10⁹ rows, where
 *       every conditional dependence of the model is visible to the score unless its partial
 *       correlation is below about 2·10⁻⁴ in absolute value;
 *   <li>data sampled from the model, 50,000 rows.
 * </ul>
 *
 * <p>Why the thresholds are below 100%: GES is greedy, and a dependence that nearly cancels in some
 * graph on its way (a partial correlation below the score's detection limit, e.g. when conditioning
 * on a collider opens a path whose effect offsets the direct one) can stop the forward phase
 * short of an I-map, so the backward phase cannot reach the truth. Measured here: 198/200 exact in
 * the limit at 10⁹ rows (193/200 Erdős–Rényi graphs of average degree 2 at 10⁶ rows, 200/200 at
 * 10⁹), and 95/100 at 50,000 sampled rows (Erdős–Rényi graphs alone: 88/100 at 50,000 rows and
 * 84/100 at 20,000). Tetrad 7.6.6's FGES on the same 20,000-row data recovers 48 of the first 60
 * Erdős–Rényi graphs (this search 49), so the shortfall is the algorithm's, not this
 * implementation's. The thresholds leave two seeds of slack for rounding differences between score
 * implementations, which can tip a seed that sits on a near-tie. The rest of the claim is exact:
 * FGES and GES return the same graph on every seed.
 */
class FgesRecoveryTest {

  static Graph randomDag(long seed, double degree, UniformRandomProvider rng) {
    int p = 10 + (int) (seed % 11);
    return seed % 2 == 0
        ? RandomGraphs.erdosRenyiDag(p, degree, rng)
        : RandomGraphs.scaleFreeDag(p, degree, rng);
  }

  @Test
  void recoversTheTrueCpdagInTheLargeSampleLimit() {
    int exact = 0;
    int seeds = 200;
    for (long seed = 0; seed < seeds; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      Graph dag = randomDag(seed, seed % 4 < 2 ? 2 : 3, rng);
      double[][] cov = LinearData.covariance(dag, rng, 0.5, 1.5, true);
      Score score = LinearData.bic(dag.nodeNames(), cov, 1_000_000_000, 2);
      if (fgesEqualsGes(score, seed).equals(Cpdag.of(dag))) {
        exact++;
      }
    }
    assertThat(exact).as("exact recoveries of %d", seeds).isGreaterThanOrEqualTo(196);
  }

  @Test
  void recoversTheTrueCpdagFromLargeSamples() {
    int exact = 0;
    int seeds = 100;
    for (long seed = 0; seed < seeds; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      Graph dag = randomDag(seed, 2, rng);
      double[][] x = LinearData.simulate(dag, 50_000, rng);
      Score score = LinearData.bic(dag.nodeNames(), x, 2);
      if (fgesEqualsGes(score, seed).equals(Cpdag.of(dag))) {
        exact++;
      }
    }
    assertThat(exact).as("exact recoveries of %d", seeds).isGreaterThanOrEqualTo(93);
  }

  /** Runs both variants, checks they agree and return a CPDAG; returns FGES's graph. */
  private static Graph fgesEqualsGes(Score score, long seed) {
    DiscoveryResult fges = Fges.builder(score).threads(seed % 3 == 0 ? 2 : 1).build().search();
    DiscoveryResult ges = Fges.builder(score).variant(Fges.Variant.GES).build().search();
    assertThat(fges.graph()).as("seed %d: FGES equals GES", seed).isEqualTo(ges.graph());
    assertThat(Cpdag.isCpdag(fges.graph())).as("seed %d: a CPDAG", seed).isTrue();
    assertThat(fges.stats().algorithm()).isEqualTo("fges");
    assertThat(ges.stats().algorithm()).isEqualTo("ges");
    return fges.graph();
  }
}
