package dev.causal4j.discovery.permutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.TetradGraphText;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.stats.CovarianceMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BOSS with BES off and one start in the data's column order follows the same path as Tetrad
 * 7.6.6's BOSS, so on the same covariance with the same BIC it returns the same CPDAG. Reference:
 * Tetrad's output on a simulated linear-Gaussian model (50 nodes, average degree 2, n = 1,000,
 * standardized; penalty discount 2), made by {@code make_reference.py} and {@code
 * TetradBoss.java} in the test resources. (On the simulator's p = 200 and p = 500 data the two
 * agree too; those files are too large to keep here.)
 */
class TetradAgreementTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = TetradAgreementTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void bossEqualsTetradsBoss() throws IOException {
    List<String> lines = resource("sim50.cov").lines().toList();
    List<String> names = Arrays.asList(lines.get(0).split(","));
    int n = Integer.parseInt(lines.get(1).trim());
    double[][] cov = new double[names.size()][];
    for (int r = 0; r < cov.length; r++) {
      cov[r] = Arrays.stream(lines.get(r + 2).split(",")).mapToDouble(Double::parseDouble)
          .toArray();
    }
    LinearGaussianBicScore score =
        new LinearGaussianBicScore(CovarianceMatrix.fromCovariance(names, n, cov), 2);
    DiscoveryResult r = Boss.builder(score).bes(false).build().search();
    Graph tetrad = TetradGraphText.read(resource("sim50-tetrad-boss.txt"), "Tetrad");
    assertThat(r.graph()).isEqualTo(tetrad);
  }
}
