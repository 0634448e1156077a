package dev.causal4j.discovery.permutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.Knowledge;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Same input, same seed, same answer, on any number of threads: 120 variables (enough for BOSS to
 * split a variable's positions across threads), n = 1,000, with restarts from random orders and
 * with knowledge.
 */
class DeterminismTest {

  private static LinearGaussianSample sample(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    return new LinearGaussianSample(RandomGraphs.erdosRenyiDag(120, 2, rng), 1000, rng);
  }

  /** The parameters with the thread count taken out, so runs on different counts compare. */
  private static Map<String, String> withoutThreads(DiscoveryResult r) {
    Map<String, String> m = new LinkedHashMap<>(r.stats().parameters());
    m.remove("threads");
    return m;
  }

  @Test
  void bossGivesTheSameResultOnOneAndFourThreads() {
    for (long seed = 0; seed < 2; seed++) {
      LinearGaussianSample s = sample(seed);
      Knowledge k = seed == 0 ? Knowledge.empty()
          : KnowledgeTest.arbitrary(s.dag.nodeNames(), RandomSource.SPLIT_MIX_64.create(seed));
      DiscoveryResult one = Boss.builder(s.bic(2)).knowledge(k).starts(2).useDataOrder(false)
          .seed(seed).threads(1).build().search();
      DiscoveryResult four = Boss.builder(s.bic(2)).knowledge(k).starts(2).useDataOrder(false)
          .seed(seed).threads(4).build().search();
      assertThat(four.graph()).isEqualTo(one.graph());
      assertThat(withoutThreads(four)).isEqualTo(withoutThreads(one));
      assertThat(four.stats().scoreEvaluations()).isEqualTo(one.stats().scoreEvaluations());
    }
  }

  @Test
  void theSameSeedGivesTheSameResult() {
    LinearGaussianSample s = sample(3);
    Graph boss = Boss.builder(s.bic(2)).starts(3).seed(42).useDataOrder(false).build().search()
        .graph();
    Graph again = Boss.builder(s.bic(2)).starts(3).seed(42).useDataOrder(false).build().search()
        .graph();
    assertThat(again).isEqualTo(boss);
    Graph grasp = Grasp.builder(s.bic(2)).starts(2).seed(42).useDataOrder(false).build().search()
        .graph();
    Graph graspAgain = Grasp.builder(s.bic(2)).starts(2).seed(42).useDataOrder(false).build()
        .search().graph();
    assertThat(graspAgain).isEqualTo(grasp);
  }

  /** The seed matters only for random starts: the data order alone is one fixed start. */
  @Test
  void oneStartInDataOrderIgnoresTheSeed() {
    LinearGaussianSample s = sample(4);
    DiscoveryResult a = Boss.builder(s.bic(2)).seed(1).build().search();
    DiscoveryResult b = Boss.builder(s.bic(2)).seed(99).build().search();
    assertThat(b.graph()).isEqualTo(a.graph());
    assertThat(b.stats().parameters().get("order_score"))
        .isEqualTo(a.stats().parameters().get("order_score"));
  }
}
