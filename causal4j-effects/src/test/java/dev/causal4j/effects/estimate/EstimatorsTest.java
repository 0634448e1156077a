package dev.causal4j.effects.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.ReadOptions;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.FrontDoor;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.InstrumentalVariable;
import dev.causal4j.effects.estimate.learner.Learner;
import dev.causal4j.effects.estimate.learner.LogisticRegression;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import dev.causal4j.effects.estimate.learner.RidgeRegression;
import dev.causal4j.effects.identify.Identifier;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Estimators on simulated data with known effects (seeded, so each check is deterministic; the
 * tolerance is four standard errors, which a correct estimator exceeds with probability 6e-5), a
 * matching example worked by hand, the choice {@code auto} makes, and bad data.
 */
class EstimatorsTest {

  /**
   * Binary treatment confounded by z: logit P(t) = 0.8 z, y = 1 + 2t + 1.5 z + (1 + |z|/2)·noise.
   * ATE = ATT = 2.
   */
  static Dataset binary(int n, long seed) {
    Random r = new Random(seed);
    double[] z = new double[n];
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = r.nextGaussian();
      t[i] = r.nextDouble() < 1 / (1 + Math.exp(-0.8 * z[i])) ? 1 : 0;
      y[i] = 1 + 2 * t[i] + 1.5 * z[i] + (1 + Math.abs(z[i]) / 2) * r.nextGaussian();
    }
    return Dataset.ofContinuous(List.of("z", "t", "y"), new double[][] {z, t, y});
  }

  private static void near(EffectEstimate r, double truth) {
    assertThat(r.estimate()).as(r.method().label() + ": " + r.details())
        .isCloseTo(truth, within(4 * r.standardError()));
    assertThat(r.standardError()).isPositive();
  }

  @Test
  void everyAdjustmentEstimatorRecoversAConfoundedEffect() {
    Dataset d = binary(2000, 1);
    NuisanceLearners linear = NuisanceLearners.linear();
    for (Estimand e : List.of(Estimand.ATE, Estimand.ATT)) {
      EstimationProblem p = EstimationProblem.adjustment(d, "t", "y", List.of("z"), e);
      EffectEstimate naive = RegressionAdjustment.defaults().estimate(
          EstimationProblem.adjustment(d, "t", "y", List.of(), e));
      assertThat(naive.estimate()).isGreaterThan(2.8);
      for (Estimator est : List.of(RegressionAdjustment.defaults(),
          new GFormula(RidgeRegression.ols(), 100, 3), InverseProbabilityWeighting.defaults(),
          AugmentedIpw.of(linear, 3), Tmle.of(linear, 3), Matching.propensityScore(),
          Matching.mahalanobis(), new DoubleMl(DoubleMl.Model.INTERACTIVE, linear, 5, 0.01, 3),
          new DoubleMl(DoubleMl.Model.PARTIALLY_LINEAR, linear, 5, 0.01, 3))) {
        if (e == Estimand.ATT && est instanceof DoubleMl dml
            && dml.model() == DoubleMl.Model.PARTIALLY_LINEAR) {
          assertThatThrownBy(() -> est.estimate(p)).isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("--estimand ate");
          continue;
        }
        EffectEstimate r = est.estimate(p);
        near(r, 2.0);
        assertThat(r.estimand()).isEqualTo(e);
        assertThat(r.adjustmentSet()).containsExactly("z");
      }
    }
  }

  /**
   * Effects that vary with the confounder: y = 1 + (2 + z)·t + 1.5 z + noise, logit P(t) = 0.8 z.
   * ATE = 2, ATT = 2 + E[z | t = 1], ATC = 2 + E[z | t = 0], the conditional means by quadrature
   * of the normal density against the logistic propensity.
   */
  @Test
  void heterogeneousEffectsSeparateTheEstimands() {
    Random r = new Random(21);
    int n = 4000;
    double[][] c = new double[3][n];
    for (int i = 0; i < n; i++) {
      double z = r.nextGaussian();
      double t = r.nextDouble() < 1 / (1 + Math.exp(-0.8 * z)) ? 1 : 0;
      c[0][i] = z;
      c[1][i] = t;
      c[2][i] = 1 + (2 + z) * t + 1.5 * z + r.nextGaussian();
    }
    Dataset d = Dataset.ofContinuous(List.of("z", "t", "y"), c);
    double ze = 0;
    double e = 0;
    for (double z = -10; z <= 10; z += 1e-4) {
      double w = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * 1e-4;
      double p = 1 / (1 + Math.exp(-0.8 * z));
      ze += z * p * w;
      e += p * w;
    }
    double att = 2 + ze / e;
    double atc = 2 - ze / (1 - e);
    assertThat(att).isGreaterThan(2.25);
    NuisanceLearners linear = NuisanceLearners.linear();
    for (Estimand est : Estimand.values()) {
      double truth = est == Estimand.ATE ? 2 : est == Estimand.ATT ? att : atc;
      EstimationProblem p = EstimationProblem.adjustment(d, "t", "y", List.of("z"), est);
      for (Estimator x : List.of(RegressionAdjustment.defaults(), AugmentedIpw.of(linear, 1),
          Tmle.of(linear, 1), InverseProbabilityWeighting.defaults(),
          new GFormula(RidgeRegression.ols(), 50, 1), new Matching(
              Matching.Distance.PROPENSITY, 1, true, 0, true, LogisticRegression.defaults(), 0))) {
        near(x.estimate(p), truth);
      }
    }
  }

  @Test
  void tmleAndAipwAgreeWhenBothNuisancesAreRight() {
    Dataset d = binary(2000, 2);
    EstimationProblem p = EstimationProblem.adjustment(d, "t", "y", List.of("z"), Estimand.ATE);
    EffectEstimate a = AugmentedIpw.of(NuisanceLearners.linear(), 5).estimate(p);
    EffectEstimate t = Tmle.of(NuisanceLearners.linear(), 5).estimate(p);
    assertThat(t.estimate()).isCloseTo(a.estimate(), within(0.25 * a.standardError()));
    assertThat(t.standardError()).isCloseTo(a.standardError(), within(0.1 * a.standardError()));
  }

  /**
   * Treated at x = 1, 2, 3 (y = 10, 12, 15), controls at 1.1, 2.1, 2.9, 10, 11 (y = 4, 5, 7, 30,
   * 31). Each treated unit's nearest control is the one 0.1 away: effects 6, 7, 8, ATT 7. Every
   * used control is used once, so the Abadie–Imbens variance is Σ(effect − 7)² / 3² = 2/9.
   */
  @Test
  void matchingByHand() {
    Dataset d = Dataset.ofContinuous(List.of("x", "t", "y"), new double[][] {
        {1, 2, 3, 1.1, 2.1, 2.9, 10, 11}, {1, 1, 1, 0, 0, 0, 0, 0},
        {10, 12, 15, 4, 5, 7, 30, 31}});
    EstimationProblem p = EstimationProblem.adjustment(d, "t", "y", List.of("x"), Estimand.ATT);
    for (boolean replacement : new boolean[] {true, false}) {
      EffectEstimate r = new Matching(Matching.Distance.MAHALANOBIS, 1, replacement, 0, false,
          LogisticRegression.defaults(), 0).estimate(p);
      assertThat(r.estimate()).isCloseTo(7, within(1e-12));
      assertThat(r.standardError()).isCloseTo(Math.sqrt(2.0 / 9), within(1e-12));
    }
    // After matching, the treated and their matches differ by 0 in mean x... to within 0.1.
    EffectEstimate r = Matching.mahalanobis().estimate(p);
    Balance b = r.diagnostics().balance().get(0);
    assertThat(Math.abs(b.after())).isLessThan(Math.abs(b.before()));
    assertThatThrownBy(() -> new Matching(Matching.Distance.MAHALANOBIS, 1, true, 0.001, false,
        LogisticRegression.defaults(), 0).estimate(p)).hasMessageContaining("no unit found a"
        + " match within the caliper");
  }

  @Test
  void ipwTrimmingDropsUnitsAndSaysSo() {
    Dataset d = binary(1000, 4);
    EffectEstimate r = new InverseProbabilityWeighting(LogisticRegression.defaults(), 0.2,
        IntervalMethod.INFLUENCE_FUNCTION, 100, 0).estimate(
            EstimationProblem.adjustment(d, "t", "y", List.of("z"), Estimand.ATE));
    assertThat(r.diagnostics().trimmed()).isPositive();
    assertThat(r.n() + r.diagnostics().trimmed()).isEqualTo(1000);
    assertThat(r.diagnostics().warnings()).anyMatch(w -> w.contains("were dropped"));
    near(r, 2.0);
    EffectEstimate boot = new InverseProbabilityWeighting(LogisticRegression.defaults(), 0,
        IntervalMethod.BOOTSTRAP, 100, 9).estimate(
            EstimationProblem.adjustment(d, "t", "y", List.of("z"), Estimand.ATE));
    assertThat(boot.interval().method()).isEqualTo(IntervalMethod.BOOTSTRAP);
    assertThat(boot.interval().detail()).isEqualTo("percentile, 100 resamples");
  }

  /** d = z + noise, y = 0.7 d + z + noise: a continuous treatment. */
  @Test
  void continuousTreatments() {
    Random r = new Random(5);
    int n = 2000;
    double[] z = new double[n];
    double[] dd = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = r.nextGaussian();
      dd[i] = z[i] + r.nextGaussian();
      y[i] = 0.7 * dd[i] + z[i] * z[i] + r.nextGaussian();
    }
    Dataset d = Dataset.ofContinuous(List.of("z", "d", "y"), new double[][] {z, dd, y});
    EstimationProblem p = EstimationProblem.adjustment(d, "d", "y", List.of("z"), Estimand.ATE);
    near(new DoubleMl(DoubleMl.Model.PARTIALLY_LINEAR, Learner.BOOSTING.learners(1, 1), 5, 0.01,
        1).estimate(p), 0.7);
    assertThatThrownBy(() -> AugmentedIpw.of(NuisanceLearners.linear(), 0).estimate(p))
        .hasMessageContaining("'d' is numeric").hasMessageContaining("needs a binary");
  }

  /** Hidden u confounds d and y; w moves d only: y = 0.7 d + u + x + noise. */
  @Test
  void instrumentsRemoveHiddenConfounding() {
    Random r = new Random(6);
    int n = 3000;
    double[][] c = new double[4][n];
    for (int i = 0; i < n; i++) {
      double u = r.nextGaussian();
      double x = r.nextGaussian();
      double w = r.nextGaussian() + 0.5 * x;
      double dd = w + u + x + r.nextGaussian();
      c[0][i] = x;
      c[1][i] = w;
      c[2][i] = dd;
      c[3][i] = 0.7 * dd + u + x + r.nextGaussian();
    }
    Dataset d = Dataset.ofContinuous(List.of("x", "w", "d", "y"), c);
    EstimationProblem p = new EstimationProblem(d, "d", "y", List.of("x"), List.of("w"),
        List.of(), Estimand.ATE, List.of());
    EffectEstimate ols = RegressionAdjustment.defaults().estimate(
        EstimationProblem.adjustment(d, "d", "y", List.of("x"), Estimand.ATE));
    assertThat(ols.estimate()).isGreaterThan(0.9);
    EffectEstimate tsls = TwoStageLeastSquares.defaults().estimate(p);
    near(tsls, 0.7);
    assertThat(tsls.diagnostics().warnings()).noneMatch(w -> w.contains("Weak"));
    near(new DmlIv(NuisanceLearners.linear(), 5, 1).estimate(p), 0.7);
    // An instrument that barely moves the treatment: F far below 10, and a warning says so.
    double[][] weak = new double[3][n];
    for (int i = 0; i < n; i++) {
      double u = r.nextGaussian();
      weak[0][i] = r.nextGaussian();
      weak[1][i] = 0.01 * weak[0][i] + u + r.nextGaussian();
      weak[2][i] = 0.7 * weak[1][i] + u + r.nextGaussian();
    }
    EffectEstimate w = TwoStageLeastSquares.defaults().estimate(new EstimationProblem(
        Dataset.ofContinuous(List.of("w", "d", "y"), weak), "d", "y", List.of(), List.of("w"),
        List.of(), Estimand.ATE, List.of()));
    assertThat(w.diagnostics().firstStageF().orElseThrow()).isLessThan(10);
    assertThat(w.diagnostics().warnings()).anyMatch(x -> x.startsWith("Weak instrument:"));
  }

  /**
   * Hidden u drives t and y; t acts only through m: m = 1.2 t + noise, y = 0.5 m + u + noise.
   * The effect is 0.6, for a continuous and for a binary treatment.
   */
  @Test
  void frontDoor() {
    Random r = new Random(7);
    int n = 3000;
    double[][] cont = new double[3][n];
    double[][] bin = new double[3][n];
    for (int i = 0; i < n; i++) {
      double u = r.nextGaussian();
      double t = u + r.nextGaussian();
      double m = 1.2 * t + r.nextGaussian();
      cont[0][i] = t;
      cont[1][i] = m;
      cont[2][i] = 0.5 * m + u + r.nextGaussian();
      double tb = r.nextDouble() < 1 / (1 + Math.exp(-1.5 * u)) ? 1 : 0;
      double mb = 1.2 * tb + r.nextGaussian();
      bin[0][i] = tb;
      bin[1][i] = mb;
      bin[2][i] = 0.5 * mb + u + r.nextGaussian();
    }
    for (double[][] c : List.of(cont, bin)) {
      Dataset d = Dataset.ofContinuous(List.of("t", "m", "y"), c);
      EstimationProblem p = new EstimationProblem(d, "t", "y", List.of(), List.of(),
          List.of("m"), Estimand.ATE, List.of());
      near(new FrontDoorEstimator(RidgeRegression.ols(), 100, 1).estimate(p), 0.6);
      if (c == bin) {
        EffectEstimate learned = new FrontDoorEstimator(
            Learner.BOOSTING.regressor(1, 1), 30, 1).estimate(p);
        near(learned, 0.6);
      }
    }
  }

  @Test
  void bootstrapIsReproducible() {
    Dataset d = binary(300, 8);
    EstimationProblem p = EstimationProblem.adjustment(d, "t", "y", List.of("z"), Estimand.ATE);
    GFormula g = new GFormula(RidgeRegression.ols(), 60, 11);
    EffectEstimate a = g.estimate(p);
    EffectEstimate b = g.estimate(p);
    assertThat(a.standardError()).isEqualTo(b.standardError());
    assertThat(a.interval().lower()).isEqualTo(b.interval().lower());
    assertThat(new GFormula(RidgeRegression.ols(), 60, 12).estimate(p).standardError())
        .isNotEqualTo(a.standardError());
  }

  @Test
  void autoChoosesByIdentificationTreatmentAndLearner() {
    Dataset d = binary(200, 9);
    EstimatorSettings s = EstimatorSettings.defaults();
    Identification none = Identifier.identify(CausalQuery.withoutGraph(List.of("t"),
        List.of("y"), List.of()));
    Identification withZ = Identifier.identify(CausalQuery.withoutGraph(List.of("t"),
        List.of("y"), List.of("z")));
    EffectData plain = EffectData.of(EstimationProblem.of(d, none, Estimand.ATE));
    EffectData adjusted = EffectData.of(EstimationProblem.of(d, withZ, Estimand.ATE));
    assertThat(choose(none, plain, s)).isEqualTo(Method.REGRESSION);
    assertThat(choose(withZ, adjusted, s)).isEqualTo(Method.AIPW);
    Dataset c = Dataset.ofContinuous(List.of("z", "t", "y"), new double[][] {
        d.doubles(0), d.doubles(2), d.doubles(1)});
    EffectData cont = EffectData.of(EstimationProblem.of(c, withZ, Estimand.ATE));
    assertThat(choose(withZ, cont, s)).isEqualTo(Method.REGRESSION);
    assertThat(choose(withZ, cont, s.withLearner(Learner.BOOSTING))).isEqualTo(Method.DML);
    CausalQuery q = CausalQuery.withoutGraph(List.of("t"), List.of("y"), List.of());
    Identification fd = new FrontDoor(q, List.of("z"), List.of(), List.of());
    assertThat(choose(fd, plain, s)).isEqualTo(Method.FRONT_DOOR);
    Identification iv = new InstrumentalVariable(q, List.of("z"), List.of(), List.of());
    EffectData ivData = EffectData.of(EstimationProblem.of(d, iv, Estimand.ATE));
    assertThat(choose(iv, ivData, s)).isEqualTo(Method.IV);
    assertThat(choose(iv, ivData, s.withLearner(Learner.FOREST))).isEqualTo(Method.DML_IV);
    assertThatThrownBy(() -> EstimatorSelection.choose(Optional.of(Method.FRONT_DOOR), withZ,
        adjusted, s)).hasMessageContaining("--method front-door needs front-door mediators");
  }

  private static Method choose(Identification id, EffectData d, EstimatorSettings s) {
    return EstimatorSelection.choose(Optional.empty(), id, d, s).estimator().method();
  }

  @Test
  void badDataIsNamed() {
    Dataset d = DataReader.readText("t,y,g,k\na,1.5,x,1\nb,2.5,y,1\nc,3.5,z,1\na,4.5,x,1\n"
        + "b,5.5,y,1\nc,6.5,z,1\n", "bad.csv", ReadOptions.defaults());
    assertThatThrownBy(() -> EffectData.of(EstimationProblem.adjustment(d, "t", "y", List.of(),
        Estimand.ATE))).hasMessageContaining("the treatment 't' has 3 levels (a, b, c)");
    assertThatThrownBy(() -> EffectData.of(EstimationProblem.adjustment(d, "y", "g", List.of(),
        Estimand.ATE))).hasMessageContaining("the outcome 'g' is categorical with 3 levels");
    assertThatThrownBy(() -> EffectData.of(EstimationProblem.adjustment(d, "k", "y", List.of(),
        Estimand.ATE))).hasMessageContaining("'k' takes one value only");
    assertThatThrownBy(() -> EstimationProblem.adjustment(d, "t", "nope", List.of(),
        Estimand.ATE)).hasMessageContaining("no variable named 'nope'");
    assertThatThrownBy(() -> EstimationProblem.adjustment(d, "y", "k", List.of("y"),
        Estimand.ATE)).hasMessageContaining("two roles");
  }

  @Test
  void rowsWithMissingValuesInUsedColumnsAreLeftOutAndCounted() {
    Dataset d = DataReader.readText("t,y,z,other\n0,1,0.5,NA\n1,2,NA,1\n0,1.5,0.1,2\n1,3,0.3,3\n"
        + "0,0.5,-0.2,4\n1,2.5,0.9,5\n0,1.2,0.4,6\n1,2.2,-0.1,7\n", "m.csv",
        ReadOptions.defaults());
    EffectEstimate r = RegressionAdjustment.defaults().estimate(
        EstimationProblem.adjustment(d, "t", "y", List.of("z"), Estimand.ATE));
    assertThat(r.n()).isEqualTo(7);
    assertThat(r.diagnostics().warnings()).contains("1 row(s) with a missing value in a used"
        + " column were left out.");
  }

  /**
   * Regression: the ATT's weights e/(1−e) need clipping only as e → 1, so a small score is left
   * alone (raising it gave controls unlike any treated unit extra weight); the ATC mirrors it and
   * the ATE clips both ends.
   */
  @Test
  void clippingTouchesOnlyTheEndTheEstimandDividesBy() {
    double[] att = {0.001, 0.5, 0.999};
    assertThat(Propensities.clip(att, 0.01, Estimand.ATT)).isEqualTo(1);
    assertThat(att).containsExactly(0.001, 0.5, 0.99);
    double[] atc = {0.001, 0.5, 0.999};
    assertThat(Propensities.clip(atc, 0.01, Estimand.ATC)).isEqualTo(1);
    assertThat(atc).containsExactly(0.01, 0.5, 0.999);
    double[] ate = {0.001, 0.5, 0.999};
    assertThat(Propensities.clip(ate, 0.01, Estimand.ATE)).isEqualTo(2);
    assertThat(ate).containsExactly(0.01, 0.5, 0.99);
  }
}
