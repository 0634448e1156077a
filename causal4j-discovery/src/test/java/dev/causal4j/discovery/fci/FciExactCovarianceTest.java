package dev.causal4j.discovery.fci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Pag;
import dev.causal4j.independence.FisherZTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FCI and RFCI through Fisher Z, on the exact correlation matrix of a linear-Gaussian model with
 * hidden confounders claimed as 2·10⁹ rows: the data path (covariance statistics, partial
 * correlations, p-values) must give the true PAG as the d-separation oracle does.
 *
 * <p>α = 0.999: a vanishing partial correlation computes to ~1e-13, |z| ~ 1e-8, p ≈ 1, while
 * d-connected pairs can be very weakly correlated (|ρ| ~ 4e-5 seen, through long paths of
 * standardized variables); at α = 0.01 five of these 210 models had such a dependence read as
 * independence. At 0.999 everything with |ρ| above ~3e-8 counts as dependent.
 */
class FciExactCovarianceTest {

  @Test
  void fisherZOnThePopulationCovarianceGivesTheTruePag() {
    List<Graph> family = OracleGraphs.family(210);
    for (int i = 0; i < family.size(); i++) {
      Graph dag = family.get(i);
      Graph truth = Pag.ofDag(dag);
      FisherZTest test = new FisherZTest(PopulationCovariance.of(dag, i));
      assertThat(Fci.builder(test).alpha(0.999).build().search().graph()).as("graph %d", i)
          .isEqualTo(truth);
      assertThat(Rfci.builder(test).alpha(0.999).build().search().graph()).as("graph %d", i)
          .isEqualTo(truth);
    }
  }

  @Test
  void andThePlantedStructuresThatNeedPossibleDsep() {
    for (long seed = 0; seed < 20; seed++) {
      Graph dag = OracleGraphs.withPlantedGadget(seed);
      FisherZTest test = new FisherZTest(PopulationCovariance.of(dag, seed));
      assertThat(Fci.builder(test).alpha(0.999).build().search().graph()).as("seed %d", seed)
          .isEqualTo(Pag.ofDag(dag));
    }
  }
}
