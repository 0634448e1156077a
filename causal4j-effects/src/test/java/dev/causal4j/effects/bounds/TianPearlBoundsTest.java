package dev.causal4j.effects.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tian &amp; Pearl (2000) bounds against (1) the textbook's worked example and (2) sharp bounds
 * computed independently by linear programming over the joint law of (X, Y_x, Y_x'), in
 * src/test/resources/dev/causal4j/effects/bounds/make_reference.py (numpy + scipy's HiGHS; its
 * output is reference_output.txt beside it). The LP optima are exact to the solver's ~1e-9
 * feasibility tolerance, hence the 1e-8 tolerance here.
 */
class TianPearlBoundsTest {
  static final Set<CausationAssumption> NONE = EnumSet.noneOf(CausationAssumption.class);
  static final Set<CausationAssumption> MONO = EnumSet.of(CausationAssumption.MONOTONICITY);
  static final Set<CausationAssumption> EXO = EnumSet.of(CausationAssumption.EXOGENEITY);
  static final double LP = 1e-8;

  /**
   * Pearl, Glymour &amp; Jewell (2016), <i>Causal Inference in Statistics: A Primer</i>, Example
   * 4.5.1 (attribution in a legal setting; also Pearl 2015, "Causes of effects and effects of
   * causes", Sociological Methods &amp; Research): Mr A took drug x and died. Experimentally, 16
   * of 1,000 treated and 14 of 1,000 controls die; observationally, 2 of 1,000 who chose the drug
   * and 28 of 1,000 who did not. The book's conclusion: PN's lower bound is (P(y) - P(y_x')) /
   * P(x,y) = (0.015 - 0.014) / 0.001 = 1, so the drug was certainly responsible. From the
   * experiment alone (assuming exogeneity), PN ≥ 1 - 14/16 = 0.125 (the excess risk ratio). The
   * PNS and PS intervals are the LP's.
   */
  @Test
  void theDrugExampleOfThePrimer() {
    ObservationalData obs = ObservationalData.fromCounts(2, 998, 28, 972);
    ExperimentalData exp = ExperimentalData.fromCounts(16, 1000, 14, 1000);
    CausationBounds both = ProbabilitiesOfCausation.combined(obs, exp, NONE);
    assertThat(both.pn().orElseThrow().isPoint()).isTrue();
    assertThat(both.pn().orElseThrow().lower()).isCloseTo(1.0, within(1e-12));
    assertBounds(both.pns(), 0.002, 0.016);
    assertBounds(both.ps().orElseThrow(), 0.002057613169, 0.030864197531);
    assertThat(both.evidence()).isEqualTo(Evidence.COMBINED);

    CausationBounds alone = ProbabilitiesOfCausation.experimental(exp, EXO);
    assertBounds(alone.pn().orElseThrow(), 0.125, 1.0);
    assertBounds(alone.pns(), 0.002, 0.016);
    assertBounds(alone.ps().orElseThrow(), 0.002028397566, 0.016227180527);
  }

  /** One random population of make_reference.py, with the LP's bounds per scenario. */
  record Case(double[] obs, double[] exp, double[][] combined, double[][] observational,
      double[][] experimental, double[][] exogenous, double[][] combinedMonotone,
      double[][] experimentalMonotone) {}

  // Rows: {PNS lo, hi}, {PN lo, hi}, {PS lo, hi}, pasted from reference_output.txt.
  static final List<Case> CASES = List.of(
      new Case(new double[] {0.08670468239210503, 0.154965865807542, 0.4889945369344009,
          0.269334914865952}, new double[] {0.20864468993817456, 0.7269982888859391},
          new double[][] {{0, 0.125606803794}, {0, 0.042290636987}, {0, 0.452744894240}},
          new double[][] {{0, 0.356039597258}, {0, 1}, {0, 1}},
          new double[][] {{0, 0.208644689938}, {0, 1}, {0, 1}},
          new double[][] {{0, 0.208644689938}, {0, 1}, {0, 0.764261473259}}, null, null),
      new Case(new double[] {0.29937646697195597, 0.2883375111515388, 0.3145879442048809,
          0.0976980776716243}, new double[] {0.475899525537065, 0.7099364911678965},
          new double[][] {{0, 0.290063508832}, {0, 0.642553615206}, {0, 1}},
          new double[][] {{0, 0.397074544644}, {0, 1}, {0, 1}},
          new double[][] {{0, 0.290063508832}, {0, 1}, {0, 1}},
          new double[][] {{0, 0.290063508832}, {0, 0.609505774364}, {0, 1}}, null, null),
      new Case(new double[] {0.1476219312841035, 0.4730853160754944, 0.22193726333803243,
          0.1573554893023696}, new double[] {0.3310054036286567, 0.6506691697578711},
          new double[][] {{0, 0.304977420586}, {0, 1}, {0, 1}},
          new double[][] {{0, 0.304977420586}, {0, 1}, {0, 1}},
          new double[][] {{0, 0.331005403629}, {0, 1}, {0, 1}},
          new double[][] {{0, 0.331005403629}, {0, 1}, {0, 0.947541341826}}, null, null),
      new Case(new double[] {0.4112724906997347, 0.21539488673059795, 0.04577236714847407,
          0.3275602554211933}, new double[] {0.754692420048021, 0.23580523657778465},
          new double[][] {{0.518887183470, 0.738832746121}, {0.537939264778, 1},
              {0.908680333690, 1}},
          new double[][] {{0, 0.738832746121}, {0, 1}, {0, 1}},
          new double[][] {{0.518887183470, 0.754692420048}, {0, 1}, {0, 1}},
          new double[][] {{0.518887183470, 0.754692420048}, {0.687547893269, 1},
              {0.678998611750, 0.987565547647}}, null, null),
      new Case(new double[] {0.561015212578328, 0.06362524630302549, 0.11126091022866426,
          0.26409863088998226}, new double[] {0.7946779300996091, 0.6163151846786062},
          new double[][] {{0.178362745421, 0.353248901953}, {0.099749412982, 0.213160323910},
              {0.463470056169, 0.884755504918}},
          new double[][] {{0, 0.825113843468}, {0, 1}, {0, 1}},
          new double[][] {{0.178362745421, 0.383684815321}, {0, 1}, {0, 1}},
          new double[][] {{0.178362745421, 0.383684815321}, {0.224446582276, 0.482818008137},
              {0.464867876701, 1}},
          new double[][] {{0.178362745421, 0.178362745421}, {0.099749412982, 0.099749412982},
              {0.463470056169, 0.463470056169}},
          new double[][] {{0.178362745421, 0.178362745421}, {0, 1}, {0, 1}}),
      new Case(new double[] {0.378278583799447, 0.45734664752395765, 0.1319302716604995,
          0.03244449701609592}, new double[] {0.5152587188916989, 0.47663414282316685},
          new double[][] {{0.038624576069, 0.410723080816}, {0.088756578021, 1},
              {0.155646223433, 1}},
          new double[][] {{0, 0.410723080816}, {0, 1}, {0, 1}},
          new double[][] {{0.038624576069, 0.515258718892}, {0, 1}, {0, 1}},
          new double[][] {{0.038624576069, 0.515258718892}, {0.074961518655, 1},
              {0.073800335920, 0.984509615647}},
          new double[][] {{0.038624576069, 0.038624576069}, {0.088756578021, 0.088756578021},
              {0.155646223433, 0.155646223433}},
          new double[][] {{0.038624576069, 0.038624576069}, {0, 1}, {0, 1}}));

  @Test
  void everyScenarioMatchesTheLinearProgram() {
    for (Case c : CASES) {
      ObservationalData obs = new ObservationalData(c.obs[0], c.obs[1], c.obs[2], c.obs[3]);
      ExperimentalData exp = new ExperimentalData(c.exp[0], c.exp[1]);
      assertAll(ProbabilitiesOfCausation.combined(obs, exp, NONE), c.combined);
      assertAll(ProbabilitiesOfCausation.observational(obs, NONE), c.observational);
      assertAll(ProbabilitiesOfCausation.experimental(exp, NONE), c.experimental);
      assertAll(ProbabilitiesOfCausation.experimental(exp, EXO), c.exogenous);
      if (c.combinedMonotone != null) {
        assertAll(ProbabilitiesOfCausation.combined(obs, exp, MONO), c.combinedMonotone);
        assertAll(ProbabilitiesOfCausation.experimental(exp, MONO), c.experimentalMonotone);
      }
    }
  }

  @Test
  void exogeneityFromObservationalDataUsesTheConditionals() {
    // P(x) = 0.5, P(y|x) = 0.8, P(y|x') = 0.3: PN ∈ [0.625, 0.875], PN = 0.625 with monotonicity.
    ObservationalData obs = new ObservationalData(0.4, 0.1, 0.15, 0.35);
    CausationBounds b = ProbabilitiesOfCausation.observational(obs, EXO);
    assertBounds(b.pn().orElseThrow(), 0.625, 0.875);
    assertBounds(b.pns(), 0.5, 0.7);
    assertBounds(b.ps().orElseThrow(), 0.5 / 0.7, 1.0);
    CausationBounds m = ProbabilitiesOfCausation.observational(obs,
        EnumSet.of(CausationAssumption.EXOGENEITY, CausationAssumption.MONOTONICITY));
    assertBounds(m.pn().orElseThrow(), 0.625, 0.625);
    assertBounds(m.ps().orElseThrow(), 0.5 / 0.7, 0.5 / 0.7);
  }

  @Test
  void fromADataset() {
    int[] t = {1, 1, 1, 1, 0, 0, 0, 0};
    int[] y = {1, 1, 1, 0, 1, 0, 0, 0};
    Dataset d = Dataset.builder(8).addDiscrete("T", t, List.of("no", "yes"))
        .addDiscrete("Y", y, List.of("alive", "dead")).build();
    ObservationalData obs = ObservationalData.from(d, "T", "yes", "Y", "dead");
    assertThat(obs.xy()).isEqualTo(3.0 / 8);
    assertThat(obs.notXNotY()).isEqualTo(3.0 / 8);
    ExperimentalData exp = ExperimentalData.from(d, "T", "yes", "Y", "dead");
    assertThat(exp.outcomeIfTreated()).isEqualTo(0.75);
    assertThat(exp.outcomeIfUntreated()).isEqualTo(0.25);
    assertThatThrownBy(() -> ObservationalData.from(d, "T", "maybe", "Y", "dead"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'maybe' is not a level");
  }

  @Test
  void incompatibleDataAndRefutedAssumptionsAreRefused() {
    ObservationalData obs = ObservationalData.fromCounts(2, 998, 28, 972);
    // P(y_x) = 0.0005 < P(x, y) = 0.001: impossible in one population.
    assertThatThrownBy(() -> ProbabilitiesOfCausation.combined(obs,
        new ExperimentalData(0.0005, 0.014), NONE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot describe one population")
        .hasMessageContaining("P(y_x) = 0.0005");
    assertThatThrownBy(() -> ProbabilitiesOfCausation.experimental(
        new ExperimentalData(0.2, 0.4), MONO)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("refute monotonicity");
    assertThatThrownBy(() -> ProbabilitiesOfCausation.combined(obs,
        new ExperimentalData(0.016, 0.014), EXO)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exogeneity is testable");
    // Drug example with monotonicity: PN = 1 is within its bounds, so it is accepted.
    CausationBounds m = ProbabilitiesOfCausation.combined(obs,
        new ExperimentalData(0.016, 0.014), MONO);
    assertThat(m.pns().lower()).isCloseTo(0.002, within(1e-12));
  }

  @Test
  void pnIsUndefinedWhenNoUnitIsTreatedWithTheOutcome() {
    CausationBounds b = ProbabilitiesOfCausation.observational(
        new ObservationalData(0, 0.5, 0.2, 0.3), NONE);
    assertThat(b.pn()).isEmpty();
    assertThat(b.notes()).anyMatch(n -> n.startsWith("PN is undefined"));
  }

  private static void assertAll(CausationBounds b, double[][] expected) {
    assertBounds(b.pns(), expected[0][0], expected[0][1]);
    assertBounds(b.pn().orElseThrow(), expected[1][0], expected[1][1]);
    assertBounds(b.ps().orElseThrow(), expected[2][0], expected[2][1]);
  }

  private static void assertBounds(Interval i, double lo, double hi) {
    assertThat(i.lower()).as("lower of %s", i).isCloseTo(lo, within(LP));
    assertThat(i.upper()).as("upper of %s", i).isCloseTo(hi, within(LP));
  }
}
