package dev.causal4j.effects.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.effects.scm.ConditionalTable;
import dev.causal4j.effects.scm.ContinuousFit;
import dev.causal4j.effects.scm.DiscreteFit;
import dev.causal4j.effects.scm.LinearMechanism;
import dev.causal4j.effects.scm.NoiseDistribution;
import dev.causal4j.effects.scm.ParentEncoding;
import dev.causal4j.effects.scm.StructuralCausalModel;
import dev.causal4j.graph.Graph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * G-computation of natural effects with interaction, on binary T, M, Y with known tables:
 * P(M=1 | T=0) = 0.2, P(M=1 | T=1) = 0.7; P(Y=1 | T, M) = 0.1, 0.4 (T=0; M=0, 1) and 0.3, 0.9
 * (T=1). Pearl's mediation formula by hand:
 *
 * <pre>
 *   NDE (pure)  = Σ_m [P(y|1,m) - P(y|0,m)] P(m|0) = 0.2·0.8 + 0.5·0.2 = 0.26
 *   NIE (total) = Σ_m P(y|1,m) [P(m|1) - P(m|0)]   = 0.3·(-0.5) + 0.9·0.5 = 0.30
 *   TNDE        = Σ_m [P(y|1,m) - P(y|0,m)] P(m|1) = 0.2·0.3 + 0.5·0.7 = 0.41
 *   PNIE        = Σ_m P(y|0,m) [P(m|1) - P(m|0)]   = 0.1·(-0.5) + 0.4·0.5 = 0.15
 *   TE = 0.56 = 0.26 + 0.30 = 0.41 + 0.15
 * </pre>
 */
class GComputationMediationTest {
  static final List<String> BIN = List.of("0", "1");
  static final Graph G = LinearMediationTest.dag("T --> M; T --> Y; M --> Y");

  static Dataset sample(int n, long seed) {
    Variable t = Variable.discrete("T", BIN);
    Variable m = Variable.discrete("M", BIN);
    Variable y = Variable.discrete("Y", BIN);
    StructuralCausalModel truth = StructuralCausalModel.of(G, List.of(t, m, y), Map.of(
        "T", ConditionalTable.of(List.of(), t, new double[][] {{0.5, 0.5}}),
        "M", ConditionalTable.of(List.of(t), m, new double[][] {{0.8, 0.2}, {0.3, 0.7}}),
        "Y", ConditionalTable.of(List.of(t, m), y,
            new double[][] {{0.9, 0.1}, {0.6, 0.4}, {0.7, 0.3}, {0.1, 0.9}})));
    return truth.sample(n, seed).toDataset();
  }

  @Test
  void tablesRecoverTheMediationFormulaWithInteraction() {
    int n = 20_000;
    Dataset d = sample(n, 17);
    MediationResult r = GComputationMediation.estimate(d, G,
        MediationQuery.of("T", List.of("M"), "Y"),
        new GComputationMediation.Options(ContinuousFit.linear(), DiscreteFit.table(), 40,
            n, 3));
    // Sampling SEs at n = 20,000 are about 0.006-0.008 for these effects; 0.035 is more than
    // four of them plus the bootstrap's own noise, and the Monte-Carlo error (~0.003).
    assertThat(r.naturalDirect().estimate()).isCloseTo(0.26, within(0.035));
    assertThat(r.naturalIndirect().estimate()).isCloseTo(0.30, within(0.035));
    assertThat(r.totalDirect().estimate()).isCloseTo(0.41, within(0.035));
    assertThat(r.pureIndirect().estimate()).isCloseTo(0.15, within(0.035));
    assertThat(r.total().estimate()).isCloseTo(0.56, within(0.035));
    assertThat(r.naturalDirect().estimate() + r.naturalIndirect().estimate())
        .isCloseTo(r.total().estimate(), within(1e-12));
    assertThat(r.naturalIndirect().lower()).isLessThan(0.30);
    assertThat(r.naturalIndirect().upper()).isGreaterThan(0.30);
    assertThat(r.naturalDirect().standardError()).isBetween(0.002, 0.02);
    assertThat(r.notes()).anyMatch(s -> s.contains("P(Y = 1)"));
    assertThat(r.assumptions()).extracting(AssumptionCheck::status).containsExactly(
        CheckStatus.HOLDS, CheckStatus.HOLDS, CheckStatus.HOLDS, CheckStatus.HOLDS,
        CheckStatus.UNTESTABLE);
  }

  @Test
  void theSameSeedGivesTheSameAnswer() {
    Dataset d = sample(2_000, 5);
    GComputationMediation.Options o = new GComputationMediation.Options(ContinuousFit.linear(),
        DiscreteFit.table(), 10, 2_000, 9);
    MediationQuery q = MediationQuery.of("T", List.of("M"), "Y");
    MediationResult a = GComputationMediation.estimate(d, G, q, o);
    MediationResult b = GComputationMediation.estimate(d, G, q, o);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aRecantingWitnessMakesTheEffectsNotIdentified() {
    // T → W → M → Y and W → Y: W confounds M and Y and is itself affected by T.
    Graph g = LinearMediationTest.dag("T --> W; W --> M; M --> Y; W --> Y; T --> Y");
    Variable t = Variable.continuous("T");
    Variable w = Variable.continuous("W");
    Variable m = Variable.continuous("M");
    NoiseDistribution n1 = new NoiseDistribution.Gaussian(1);
    StructuralCausalModel truth = StructuralCausalModel.of(g,
        List.of(t, w, m, Variable.continuous("Y")), Map.of(
            "T", new LinearMechanism(new ParentEncoding(List.of()), 0, new double[0], n1),
            "W", new LinearMechanism(new ParentEncoding(List.of(t)), 0, new double[] {1}, n1),
            "M", new LinearMechanism(new ParentEncoding(List.of(w)), 0, new double[] {1}, n1),
            "Y", new LinearMechanism(new ParentEncoding(List.of(t, w, m)), 0,
                new double[] {1, 1, 1}, n1)));
    Dataset d = truth.sample(200, 1).toDataset();
    assertThatThrownBy(() -> GComputationMediation.estimate(d, g,
        MediationQuery.of("T", List.of("M"), "Y"), GComputationMediation.Options.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not identified")
        .hasMessageContaining("'W' is affected by 'T'")
        .hasMessageContaining("add 'W' to the mediators");
    // With W among the mediators the joint effects are identified.
    MediationResult r = GComputationMediation.estimate(d, g,
        MediationQuery.of("T", List.of("W", "M"), "Y"),
        new GComputationMediation.Options(ContinuousFit.linear(), DiscreteFit.table(), 0, 200,
            1));
    assertThat(r.assumptions().get(3).status()).isEqualTo(CheckStatus.HOLDS);
    assertThat(r.total().standardError()).isNaN();
  }

  @Test
  void covariatesAndUnknownContrastLevelsAreRefused() {
    Dataset d = sample(500, 2);
    assertThatThrownBy(() -> GComputationMediation.estimate(d, G,
        MediationQuery.of("T", List.of("M"), "Y").withCovariates(List.of("T2")),
        GComputationMediation.Options.defaults())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("give no covariates");
    assertThatThrownBy(() -> GComputationMediation.estimate(d, G,
        MediationQuery.of("T", List.of("M"), "Y").withContrast(
            new TreatmentContrast.Levels("0", "2")), GComputationMediation.Options.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'2' is not a level of the treatment 'T'");
  }
}
