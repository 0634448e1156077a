package dev.causal4j.effects.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import dev.causal4j.effects.estimate.learner.LogisticRegression;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import dev.causal4j.effects.estimate.learner.RidgeRegression;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Estimators against independent numpy computations on fixed data: {@code make_reference.py}
 * beside {@code reference_data.csv} computed every number here. Tolerance 1e-9 relative: both
 * sides are double precision and differ only in the order of summation.
 */
class EstimatorReferenceTest {
  private static Dataset data;
  private static double[] y;
  private static double[] t;
  private static double[] e;
  private static double[] mu0;
  private static double[] mu1;

  @BeforeAll
  static void read() throws Exception {
    data = DataReader.read(Path.of(EstimatorReferenceTest.class
        .getResource("reference_data.csv").toURI()));
    y = data.doubles(data.require("y"));
    t = data.numeric(data.require("t"));
    e = data.doubles(data.require("e"));
    mu0 = data.doubles(data.require("mu0"));
    mu1 = data.doubles(data.require("mu1"));
  }

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }

  @Test
  void leastSquaresCoefficientsAndEveryRobustStandardError() {
    int n = data.rows();
    double[] x1 = data.doubles(data.require("x1"));
    double[] x2 = data.doubles(data.require("x2"));
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    FeatureMatrix design = FeatureMatrix.ofColumns(ones, t, x1, x2);
    List<String> names = List.of("1", "t", "x1", "x2");
    double[] b = {1.0194594932495835, 1.9772747816450513, 1.6873673560854896,
        0.5972777915553693};
    double[][] se = {
        {0.17988756432970252, 0.25951577076829296, 0.1653409613584052, 0.11534903267641557},
        {0.1817138808409485, 0.2621505161930193, 0.16701959283490175, 0.1165201188697173},
        {0.18240013434502056, 0.26330273969570606, 0.16835073288447866, 0.11728470381573465},
        {0.184964410444561, 0.2671710853031081, 0.17143156576662275, 0.11926701456725551}};
    RobustCovariance[] types = RobustCovariance.values();
    for (int c = 0; c < types.length; c++) {
      OrdinaryLeastSquares.Fit fit = OrdinaryLeastSquares.fit(design, names, y, types[c]);
      for (int j = 0; j < 4; j++) {
        close(fit.coefficient(j), b[j]);
        close(fit.standardError(j), se[c][j]);
      }
      assertThat(fit.residualDof()).isEqualTo(n - 4);
    }
  }

  @Test
  void regressionWithoutCovariatesIsTheDifferenceInMeansWithNeymansStandardError() {
    EffectEstimate r = RegressionAdjustment.defaults().estimate(
        EstimationProblem.adjustment(data, "t", "y", List.of(), Estimand.ATE));
    close(r.estimate(), 2.872759508060674);
    close(r.standardError(), 0.3308272485378203);
    assertThat(r.interval().method()).isEqualTo(IntervalMethod.ANALYTIC);
    close(r.interval().upper() - r.estimate(), 1.959963984540054 * 0.3308272485378203);
  }

  @Test
  void interactedRegressionGivesTheAttWithTheVarianceOfTheTreatedMeans() {
    EffectEstimate r = RegressionAdjustment.defaults().estimate(
        EstimationProblem.adjustment(data, "t", "y", List.of("x1", "x2"), Estimand.ATT));
    close(r.estimate(), 2.409821255053942);
    close(r.standardError(), 0.3106350252655286);
  }

  @Test
  void hajekWeightingWithGivenPropensities() {
    double[][] expected = {{2.2673680334617274, 0.38649758200238704},
        {2.5454341581419504, 0.38153692762518016}, {1.979406236120837, 0.4315276665217948}};
    Estimand[] es = Estimand.values();
    for (int k = 0; k < es.length; k++) {
      Scores.Score s = Scores.ipw(y, t, e, es[k]);
      close(s.estimate(), expected[k][0]);
      close(s.standardError(), expected[k][1]);
    }
  }

  @Test
  void augmentedWeightingWithGivenNuisances() {
    // ATT and ATC in the normalised (Hájek) doubly robust form.
    double[][] expected = {{2.0646059872615203, 0.2618804998404867},
        {2.3391769463390624, 0.2978901867494765}, {1.7826881699822248, 0.2667592043733372}};
    Estimand[] es = Estimand.values();
    for (int k = 0; k < es.length; k++) {
      Scores.Score s = Scores.aipw(y, t, e, mu0, mu1, es[k]);
      close(s.estimate(), expected[k][0]);
      close(s.standardError(), expected[k][1]);
    }
  }

  /** Least squares outcome and unpenalised logistic propensity, so numpy's fit is the same fit. */
  private static final NuisanceLearners MLE = new NuisanceLearners(RidgeRegression.ols(),
      LogisticRegression.withPenalty(0));

  private static EffectData lalonde() throws Exception {
    Dataset obs = DataReader.read(Path.of(EstimatorReferenceTest.class
        .getResource("lalonde_observational.csv").toURI()));
    return EffectData.of(EstimationProblem.adjustment(obs, "treat", "re78", LalondeTest.COVARIATES,
        Estimand.ATT));
  }

  /**
   * Cross-fitting as the doubly robust estimators use it: μ₀ fitted on the controls of the
   * training folds, the propensity on all training rows, both predicted out of fold, clipped at
   * 0.99 only (the end the ATT's weights divide by), then the ATT score. Folds by the rule the
   * script states (the k-th unit of each arm, in row order, in fold k mod 5). Tolerance 1e-6 relative: Newton's method and least
   * squares converge to the same fit, the last digits set by how each solves its linear systems.
   */
  @Test
  void crossFittedAttOnLalondeMatchesNumpy() throws Exception {
    EffectData d = lalonde();
    double[] tt = d.treatment();
    int[] fold = new int[tt.length];
    int[] next = new int[2];
    for (int i = 0; i < tt.length; i++) {
      int arm = (int) tt[i];
      fold[i] = next[arm]++ % 5;
    }
    CrossFitting.Nuisances nu = CrossFitting.binary(d, MLE, fold);
    double[] ee = nu.propensity().clone();
    Propensities.clip(ee, 0.01, Estimand.ATT);
    Scores.Score s = Scores.aipw(d.outcome(), tt, ee, nu.mu0(), nu.mu1(), Estimand.ATT);
    assertThat(s.estimate()).isCloseTo(1176.7699005081731, within(1e-6 * 1176.8));
    assertThat(s.standardError()).isCloseTo(813.4974976570212, within(1e-6 * 813.5));
  }

  /** The estimator end to end without cross-fitting (fit and predict on all rows). */
  @Test
  void augmentedIpwAttOnLalondeMatchesNumpy() throws Exception {
    EffectEstimate r = new AugmentedIpw(MLE, 1, 0.01, 1).estimate(lalonde().problem());
    assertThat(r.estimate()).isCloseTo(1231.0443129189125, within(1e-6 * 1231.0));
    assertThat(r.standardError()).isCloseTo(806.4094779300615, within(1e-6 * 806.4));
  }

  @Test
  void twoStageLeastSquaresWithRobustErrorAndFirstStageF() {
    EffectEstimate r = TwoStageLeastSquares.defaults().estimate(new EstimationProblem(data, "d",
        "yiv", List.of("x1"), List.of("z"), List.of(), Estimand.ATE, List.of()));
    close(r.estimate(), 1.389035638074478);
    close(r.standardError(), 0.12301213853178158);
    close(r.diagnostics().firstStageF().orElseThrow(), 68.20102018398103);
    assertThat(r.diagnostics().warnings()).isEmpty();
    assertThat(r.instruments()).containsExactly("z");
  }

  @Test
  void partiallyLinearScoreWithGivenNuisances() {
    DoubleMl.Plr r = DoubleMl.plr(data.doubles(data.require("yiv")),
        data.doubles(data.require("d")), data.doubles(data.require("ell")),
        data.doubles(data.require("m")));
    close(r.theta(), 1.879733631244579);
    close(r.se(), 0.06151125730926435);
  }
}
