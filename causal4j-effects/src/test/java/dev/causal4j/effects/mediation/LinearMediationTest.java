package dev.causal4j.effects.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.scm.ContinuousFit;
import dev.causal4j.effects.scm.DiscreteFit;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Linear mediation on linear_mediation.csv (n = 400, two parallel mediators and a confounder C;
 * true NDE 0.5, NIE 0.54), against estimates computed independently with numpy by
 * make_reference.py beside the data (its output: reference_output.txt).
 */
class LinearMediationTest {
  static final Graph G = dag("C --> T; C --> M1; C --> M2; C --> Y; T --> M1; T --> M2;"
      + " T --> Y; M1 --> Y; M2 --> Y");
  // numpy: OLS by lstsq, classical covariance, delta method for the joint indirect effect.
  static final double NDE = 0.4487437978754788;
  static final double NDE_SE = 0.06321325632988178;
  static final double NIE = 0.5157756572200394;
  static final double NIE_SE = 0.08126738169175864;
  static final double TE = 0.9645194550955192;
  static final double TE_SE = 0.0819609763085795;

  static Graph dag(String edges) {
    return GraphFiles.parse("# kind: DAG\n" + edges.replace(";", "\n"), "test",
        GraphFormat.EDGE_LIST).graph();
  }

  static Dataset data() throws Exception {
    return DataReader.read(Path.of(LinearMediationTest.class
        .getResource("linear_mediation.csv").toURI()));
  }

  static final MediationQuery Q = MediationQuery.of("T", List.of("M1", "M2"), "Y");

  @Test
  void productOfCoefficientsMatchesNumpy() throws Exception {
    MediationResult r = LinearMediation.estimate(data(), Q.withCovariates(List.of("C")),
        Optional.empty());
    // Both sides are exact least squares on the same 400 rows; 1e-10 allows for rounding.
    assertThat(r.naturalDirect().estimate()).isCloseTo(NDE, within(1e-10));
    assertThat(r.naturalDirect().standardError()).isCloseTo(NDE_SE, within(1e-10));
    assertThat(r.naturalIndirect().estimate()).isCloseTo(NIE, within(1e-10));
    assertThat(r.naturalIndirect().standardError()).isCloseTo(NIE_SE, within(1e-10));
    assertThat(r.total().estimate()).isCloseTo(TE, within(1e-10));
    assertThat(r.total().standardError()).isCloseTo(TE_SE, within(1e-10));
    // TE = NDE + NIE is an identity of least squares with a common design.
    assertThat(r.naturalDirect().estimate() + r.naturalIndirect().estimate())
        .isCloseTo(r.total().estimate(), within(1e-12));
    assertThat(r.naturalIndirect().lower()).isCloseTo(NIE - 1.959963984540054 * NIE_SE,
        within(1e-10));
    assertThat(r.proportionMediated()).isCloseTo(NIE / TE, within(1e-10));
    assertThat(r.method()).isEqualTo(MediationMethod.PRODUCT_OF_COEFFICIENTS);
    // The truth (NDE 0.5, NIE 0.54) lies within two standard errors of the estimates.
    assertThat(r.naturalDirect().estimate()).isCloseTo(0.5, within(2 * NDE_SE));
    assertThat(r.naturalIndirect().estimate()).isCloseTo(0.54, within(2 * NIE_SE));
    // No graph: the confounding assumptions are stated, not checked.
    assertThat(r.assumptions()).extracting(AssumptionCheck::status).containsExactly(
        CheckStatus.NOT_CHECKED, CheckStatus.NOT_CHECKED, CheckStatus.NOT_CHECKED,
        CheckStatus.NOT_CHECKED, CheckStatus.UNTESTABLE);
  }

  @Test
  void withAGraphTheCovariatesComeFromItAndTheAssumptionsAreChecked() throws Exception {
    MediationResult r = LinearMediation.estimate(data(), Q, Optional.of(G));
    assertThat(r.adjustmentSet()).containsExactly("C");
    assertThat(r.naturalIndirect().estimate()).isCloseTo(NIE, within(1e-10));
    assertThat(r.assumptions()).extracting(AssumptionCheck::status).containsExactly(
        CheckStatus.HOLDS, CheckStatus.HOLDS, CheckStatus.HOLDS, CheckStatus.HOLDS,
        CheckStatus.UNTESTABLE);
    // A covariate the graph does not know is named.
    assertThatThrownBy(() -> LinearMediation.estimate(data(), Q.withCovariates(List.of("M0")),
        Optional.of(G))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no variable named 'M0'");
  }

  @Test
  void aMissingConfounderIsReportedAsAViolatedAssumption() throws Exception {
    Dataset d = data();
    // Drop C from the adjustment by asking for another covariate that blocks nothing: Y's
    // confounding with T through C stays open.
    Graph g = dag("C --> T; C --> M1; C --> M2; C --> Y; T --> M1; T --> M2; T --> Y;"
        + " M1 --> Y; M2 --> Y; T --> Z");
    Dataset withZ = Dataset.builder(d.rows()).addContinuous("C", d.doubles(0).clone())
        .addContinuous("T", d.doubles(1).clone()).addContinuous("M1", d.doubles(2).clone())
        .addContinuous("M2", d.doubles(3).clone()).addContinuous("Y", d.doubles(4).clone())
        .addContinuous("Z", d.doubles(1).clone()).build();
    assertThatThrownBy(() -> LinearMediation.estimate(withZ,
        MediationQuery.of("T", List.of("M1", "M2"), "Y").withCovariates(List.of("Z")),
        Optional.of(g))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'Z' is a descendant of the treatment");
    Graph noZ = dag("C --> T; C --> M1; C --> M2; C --> Y; T --> M1; T --> M2; T --> Y;"
        + " M1 --> Y; M2 --> Y; Z --> Y");
    assertThatThrownBy(() -> LinearMediation.estimate(withZ,
        MediationQuery.of("T", List.of("M1", "M2"), "Y").withCovariates(List.of("Z")),
        Optional.of(noZ))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not identified in the graph")
        .hasMessageContaining("back-door path from the treatment 'T' to 'Y' stays open given {Z}");
  }

  @Test
  void gComputationOnALinearModelGivesTheProductsOfCoefficientsExactly() throws Exception {
    // The fitted SCM's mechanisms are the same regressions, and the model is linear: with
    // common random numbers each draw's differences are the path products, so the g-computation
    // estimates equal the product-of-coefficients ones up to rounding.
    MediationResult g = GComputationMediation.estimate(data(), G, Q,
        new GComputationMediation.Options(ContinuousFit.linear(), DiscreteFit.table(), 20, 400,
            1));
    assertThat(g.naturalDirect().estimate()).isCloseTo(NDE, within(1e-9));
    assertThat(g.naturalIndirect().estimate()).isCloseTo(NIE, within(1e-9));
    assertThat(g.total().estimate()).isCloseTo(TE, within(1e-9));
    assertThat(g.totalDirect().estimate()).isCloseTo(NDE, within(1e-9));
    assertThat(g.pureIndirect().estimate()).isCloseTo(NIE, within(1e-9));
    assertThat(g.adjustmentSet()).containsExactly("C");
    // Bootstrap SEs with 20 replicates are rough; they should still be near the analytic ones
    // (a factor of 2 either way).
    assertThat(g.naturalIndirect().standardError()).isBetween(NIE_SE / 2, NIE_SE * 2);
    assertThat(g.interval()).contains("bootstrap").contains("20 replicates");
  }

  @Test
  void badQueriesAreNamed() throws Exception {
    Dataset d = data();
    assertThatThrownBy(() -> LinearMediation.estimate(d,
        MediationQuery.of("T", List.of("C"), "Y"), Optional.of(G)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'C' is not a mediator in the graph");
    assertThatThrownBy(() -> MediationQuery.of("T", List.of(), "Y"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one mediator");
    assertThatThrownBy(() -> MediationQuery.of("T", List.of("T"), "Y"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("distinct");
    assertThatThrownBy(() -> LinearMediation.estimate(d,
        MediationQuery.of("T", List.of("M9"), "Y"), Optional.empty()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'M9'");
  }
}
