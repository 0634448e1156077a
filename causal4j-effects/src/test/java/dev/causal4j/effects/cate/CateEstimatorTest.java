package dev.causal4j.effects.cate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.CrossFitting;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.learner.Learner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Held-out scores, selection, calibration, determinism and bad input. */
class CateEstimatorTest {

  @Test
  void bothLossesRankTheTrueEffectAboveWrongOnes() {
    Simulated sim = Simulated.sample(Simulated.Model.LINEAR, 2000, 3);
    CateSample s = sim.sample();
    int[] fold = CrossFitting.folds(s.rows(), 5, 3, s.treatment());
    CateScorer scorer = CateScorer.fit(s, Learner.LINEAR.learners(3, 1), fold, 0.01, "t");
    double[] constant = new double[s.rows()];
    double[] reversed = new double[s.rows()];
    java.util.Arrays.fill(constant, sim.ate());
    for (int i = 0; i < s.rows(); i++) {
      reversed[i] = 2 * sim.ate() - sim.tau()[i];
    }
    // The truth differs from the constant by a PEHE of 4 (sd 2) and from its mirror image by 16:
    // far beyond the losses' sampling error (their SE is about 0.2 at n = 2,000).
    for (double[] wrong : List.of(constant, reversed)) {
      assertThat(scorer.drLoss(sim.tau()).value()).isLessThan(scorer.drLoss(wrong).value() - 1);
      assertThat(scorer.rLoss(sim.tau()).value()).isLessThan(scorer.rLoss(wrong).value() - 0.1);
    }
    // The DR-loss difference estimates the PEHE difference (here 4 for the constant).
    double diff = scorer.drLoss(constant).value() - scorer.drLoss(sim.tau()).value();
    assertThat(diff).isCloseTo(4, within(1.0));
  }

  @Test
  void autoPicksALearnerThatCanSeeHeterogeneityAndSaysWhy() {
    Simulated sim = Simulated.sample(Simulated.Model.LINEAR, 1000, 4);
    CateEstimate e = CateEstimator.auto(CateSettings.of(Learner.LINEAR, 4, 1)
        .withCalibration(CateSettings.Calibration.NONE)).estimate(sim.sample());
    assertThat(e.candidates()).hasSize(5);
    // The linear S-learner is a constant effect: the worst held-out DR-loss by about 4.
    CateEstimate.Candidate s = e.candidates().stream()
        .filter(c -> c.learner() == MetaLearner.S).findFirst().orElseThrow();
    assertThat(e.learner()).isNotEqualTo(MetaLearner.S);
    assertThat(s.drLoss().value()).isGreaterThan(e.chosen().drLoss().value() + 2);
    assertThat(e.reason()).contains("lowest held-out DR-loss of the 5 learners");
    assertThat(sim.rootPehe(e.cate())).isLessThan(0.35);
    assertThat(e.ate()).isCloseTo(sim.ate(), within(0.2));
    assertThat(e.calibrated()).isFalse();
    // The AIPW reference estimate agrees with the truth within about 3 standard errors.
    assertThat(e.aipwAte()).isCloseTo(sim.ate(), within(3 * e.aipwStandardError()));
  }

  @Test
  void selectionByRLossIsAvailable() {
    Simulated sim = Simulated.sample(Simulated.Model.LINEAR, 1000, 4);
    CateEstimate e = CateEstimator.auto(CateSettings.of(Learner.LINEAR, 4, 1)
        .withSelectionLoss(CateSettings.SelectionLoss.R)
        .withCalibration(CateSettings.Calibration.NONE)).estimate(sim.sample());
    double min = e.candidates().stream().mapToDouble(c -> c.rLoss().value()).min().orElseThrow();
    assertThat(e.chosen().rLoss().value()).isEqualTo(min);
    assertThat(e.reason()).contains("R-loss").contains("the DR-loss ranks it");
  }

  @Test
  void isotonicCalibrationUndoesAMonotoneDistortion() {
    Simulated sim = Simulated.sample(Simulated.Model.LINEAR, 2000, 5);
    CateSample s = sim.sample();
    int[] fold = CrossFitting.folds(s.rows(), 5, 5, s.treatment());
    CateScorer scorer = CateScorer.fit(s, Learner.LINEAR.learners(5, 1), fold, 0.01, "t");
    // A predictor with the right ranking but the wrong scale and level: √PEHE about 5.
    double[] distorted = new double[s.rows()];
    for (int i = 0; i < distorted.length; i++) {
      distorted[i] = 3 * sim.tau()[i] + 4;
    }
    CausalIsotonicCalibration c = CausalIsotonicCalibration.fit(distorted,
        scorer.pseudoOutcomes());
    double[] calibrated = c.calibrate(new double[][] {distorted, distorted, distorted});
    assertThat(sim.rootPehe(distorted)).isGreaterThan(4);
    // Isotonic regression of a noisy signal (sd of the pseudo-outcome about 2.5) on 2,000 points:
    // the step function's error is a fraction of the effect's sd of 2.
    assertThat(sim.rootPehe(calibrated)).isLessThan(0.6);
    // Monotone: the calibrated effects keep the order of the predictions.
    for (int i = 0; i < 200; i++) {
      for (int j = 0; j < 200; j++) {
        if (distorted[i] < distorted[j]) {
          assertThat(calibrated[i]).isLessThanOrEqualTo(calibrated[j]);
        }
      }
    }
  }

  @Test
  void calibrationTakesTheMedianOverFoldModels() {
    CausalIsotonicCalibration c = CausalIsotonicCalibration.fit(new double[] {0, 1, 2, 3},
        new double[] {0, 1, 2, 3});
    // The map is the identity on the data's steps; the median of (0, 3, 1) is 1.
    assertThat(c.calibrate(new double[][] {{0}, {3}, {1}})).containsExactly(1);
    assertThat(c.calibrate(new double[][] {{0}, {3}})).containsExactly(1.5);
  }

  @Test
  void sameSeedSameAnswerOnAnyThreadCount() {
    Simulated sim = Simulated.sample(Simulated.Model.NONLINEAR, 600, 6);
    CateEstimate one = CateEstimator.of(MetaLearner.DR, CateSettings.of(Learner.BOOSTING, 6, 1))
        .estimate(sim.sample());
    CateEstimate two = CateEstimator.of(MetaLearner.DR, CateSettings.of(Learner.BOOSTING, 6, 2))
        .estimate(sim.sample());
    assertThat(two.cate()).containsExactly(one.cate());
    assertThat(two.chosen().drLoss()).isEqualTo(one.chosen().drLoss());
    assertThat(one.calibrated()).isTrue();
    assertThat(one.reason()).startsWith("the DR-learner was asked for");
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    Simulated sim = Simulated.sample(Simulated.Model.LINEAR, 300, 8);
    CateEstimate e = CateEstimator.of(MetaLearner.T, CateSettings.of(Learner.LINEAR, 8, 1)
        .withCalibration(CateSettings.Calibration.NONE)).estimate(sim.sample());
    double[] sorted = e.cate();
    java.util.Arrays.sort(sorted);
    assertThat(e.quantile(0)).isEqualTo(sorted[0]);
    assertThat(e.quantile(1)).isEqualTo(sorted[299]);
    assertThat(e.quantile(0.5)).isEqualTo((sorted[149] + sorted[150]) / 2, within(1e-12));
    assertThat(e.n()).isEqualTo(300);
  }

  private static Dataset data(double[] t, double[] y, double[] x) {
    return Dataset.builder(t.length).addContinuous("t", t).addContinuous("y", y)
        .addContinuous("x", x).build();
  }

  @Test
  void refusesANonBinaryTreatment() {
    double[] t = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
    double[] y = {1, 2, 3, 1, 2, 3, 1, 2, 3, 1};
    double[] x = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
    EstimationProblem p = EstimationProblem.adjustment(data(t, y, x), "t", "y", List.of("x"),
        Estimand.ATE);
    assertThatThrownBy(() -> CateEstimator.auto(CateSettings.of(Learner.LINEAR, 0, 1))
        .estimate(p)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'t'").hasMessageContaining("e.g. 2")
        .hasMessageContaining("CATE learners need a binary treatment");
  }

  @Test
  void refusesNoCovariates() {
    double[] t = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
    double[] y = {1, 2, 3, 1, 2, 3, 1, 2, 3, 1};
    EstimationProblem p = EstimationProblem.adjustment(data(t, y, y), "t", "y", List.of(),
        Estimand.ATE);
    assertThatThrownBy(() -> CateEstimator.auto(CateSettings.of(Learner.LINEAR, 0, 1))
        .estimate(p)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CATE needs covariates");
  }

  @Test
  void refusesNoOverlap() {
    int n = 200;
    double[] t = new double[n];
    double[] y = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      t[i] = i < n / 2 ? 0 : 1;
      y[i] = i % 7;
    }
    EstimationProblem p = EstimationProblem.adjustment(data(t, y, x), "t", "y", List.of("x"),
        Estimand.ATE);
    assertThatThrownBy(() -> CateEstimator.auto(CateSettings.of(Learner.LINEAR, 0, 1))
        .estimate(p)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no overlap").hasMessageContaining("'t'");
  }

  @Test
  void refusesOneFoldAndRepeatedLearners() {
    assertThatThrownBy(() -> CateSettings.of(Learner.LINEAR, 0, 1).withFolds(1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 2 folds");
    assertThatThrownBy(() -> new CateEstimator(List.of(MetaLearner.T, MetaLearner.T),
        CateSettings.of(Learner.LINEAR, 0, 1))).hasMessageContaining("named twice");
    assertThatThrownBy(() -> MetaLearner.parse("z")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'z' is not a CATE learner");
    assertThat(MetaLearner.parse("DR-learner")).isEqualTo(MetaLearner.DR);
  }
}
