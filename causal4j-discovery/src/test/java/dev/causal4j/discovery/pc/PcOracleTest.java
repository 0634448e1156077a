package dev.causal4j.discovery.pc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.independence.DSeparationOracle;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With a d-separation oracle every PC variant must return exactly the true CPDAG (Spirtes et al.
 * 2000, Thm 5.1; Colombo &amp; Maathuis 2014, Thm 4; Ramsey et al. 2006; Ramsey 2016): 210 random
 * DAGs of 10–40 nodes, Erdős–Rényi and scale-free, average degree 1.5–3, for each variant.
 */
class PcOracleTest {

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("pc", false, Pc.ColliderRule.SEPSETS),
        Arguments.of("pc-stable", true, Pc.ColliderRule.SEPSETS),
        Arguments.of("cpc", true, Pc.ColliderRule.CONSERVATIVE),
        Arguments.of("pc-max", true, Pc.ColliderRule.MAX_P));
  }

  static Graph randomDag(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    int p = 10 + (int) (seed % 31);
    double degree = new double[] {1.5, 2, 3}[(int) (seed % 3)];
    return seed % 2 == 0
        ? RandomGraphs.erdosRenyiDag(p, degree, rng)
        : RandomGraphs.scaleFreeDag(p, degree, rng);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void recoversTheTrueCpdagExactly(String name, boolean stable, Pc.ColliderRule rule) {
    for (long seed = 0; seed < 210; seed++) {
      Graph dag = randomDag(seed);
      DiscoveryResult r = Pc.builder(new DSeparationOracle(dag)).alpha(0.5).stable(stable)
          .colliderRule(rule).threads(seed % 2 == 0 ? 1 : 2).build().search();
      assertThat(r.graph()).as("%s, seed %d:\n%s", name, seed, dag).isEqualTo(Cpdag.of(dag));
      assertThat(r.warnings()).isEmpty();
      assertThat(r.stats().algorithm()).isEqualTo(name);
    }
  }
}
