package dev.causal4j.effects.estimate.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LearnersTest {

  private static Dataset reference() throws Exception {
    return DataReader.read(Path.of(LearnersTest.class
        .getResource("/dev/causal4j/effects/estimate/reference_data.csv").toURI()));
  }

  /** Numbers from make_reference.py (numpy); 1e-9 relative: same arithmetic, other order. */
  @Test
  void ridgeAndLogisticAgreeWithNumpy() throws Exception {
    Dataset d = reference();
    FeatureMatrix x = FeatureMatrix.ofColumns(d.doubles(d.require("x1")),
        d.doubles(d.require("x2")));
    RidgeRegression.Fitted r = new RidgeRegression(0.5).fit(x, d.doubles(d.require("y")));
    assertThat(r.intercept()).isCloseTo(2.0211503177579293, within(1e-9));
    assertThat(r.coefficients()[0]).isCloseTo(1.3271052300712094, within(1e-9));
    assertThat(r.coefficients()[1]).isCloseTo(0.33588566038916245, within(1e-9));

    double[] tv = d.numeric(d.require("t"));
    int[] t = new int[tv.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = (int) tv[i];
    }
    // Newton's method converges to 1e-10 or better; the MLE is unique here.
    LogisticRegression.Fitted l = new LogisticRegression(0, 100).fit(x, t);
    assertThat(l.intercept()).isCloseTo(-0.045955729248112635, within(1e-8));
    assertThat(l.coefficients()[0]).isCloseTo(0.6861991797089229, within(1e-8));
    assertThat(l.coefficients()[1]).isCloseTo(-0.18093922597461037, within(1e-8));
  }

  @Test
  void leastSquaresIsExactOnNoiselessDataAndSurvivesCollinearity() {
    Random r = new Random(1);
    int n = 50;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian();
      b[i] = r.nextGaussian() * 100;
      y[i] = 1 + 2 * a[i] - 0.03 * b[i];
    }
    RidgeRegression.Fitted f = RidgeRegression.ols().fit(FeatureMatrix.ofColumns(a, b), y);
    assertThat(f.coefficients()[0]).isCloseTo(2, within(1e-10));
    assertThat(f.coefficients()[1]).isCloseTo(-0.03, within(1e-12));
    assertThat(f.intercept()).isCloseTo(1, within(1e-10));
    // A duplicated column: the minimum-norm solution splits the weight, predictions stay exact.
    FeatureMatrix dup = FeatureMatrix.ofColumns(a, a.clone(), b);
    double[] p = RidgeRegression.ols().fit(dup, y).predict(dup);
    for (int i = 0; i < n; i++) {
      assertThat(p[i]).isCloseTo(y[i], within(1e-8));
    }
  }

  @Test
  void penalisedLogisticStaysFiniteOnSeparableData() {
    double[] x = {-3, -2, -1, 1, 2, 3};
    int[] t = {0, 0, 0, 1, 1, 1};
    LogisticRegression.Fitted f = LogisticRegression.defaults().fit(FeatureMatrix.ofColumns(x), t);
    assertThat(Double.isFinite(f.coefficients()[0])).isTrue();
    double[] p = f.probability(FeatureMatrix.ofColumns(x));
    assertThat(p[0]).isLessThan(0.01);
    assertThat(p[5]).isGreaterThan(0.99);
  }

  /** y = sin(2 x1) + x2² + noise: trees should explain far more than a line. */
  @Test
  void treeLearnersFitNonlinearFunctionsDeterministically() {
    Random r = new Random(3);
    int n = 2000;
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] y = new double[n];
    double[] f = new double[n];
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      x1[i] = r.nextGaussian();
      x2[i] = r.nextGaussian();
      f[i] = Math.sin(2 * x1[i]) + x2[i] * x2[i];
      y[i] = f[i] + 0.3 * r.nextGaussian();
      label[i] = r.nextDouble() < 1 / (1 + Math.exp(-2 * x1[i] * x2[i])) ? 1 : 0;
    }
    FeatureMatrix x = FeatureMatrix.ofColumns(x1, x2);
    for (Regressor learner : new Regressor[] {GradientBoosting.defaults(5, 1),
        RandomForest.defaults(5, 1)}) {
      double[] p = learner.fit(x, y).predict(x);
      double[] linear = RidgeRegression.ols().fit(x, y).predict(x);
      // Mean squared error against the noiseless function: the line leaves about 2.4, the trees
      // an order of magnitude less (the forest, trying one of the two features per split, ~0.15).
      assertThat(mse(p, f)).as(learner.describe()).isLessThan(0.25);
      assertThat(mse(linear, f)).isGreaterThan(1.5);
      assertThat(learner.fit(x, y).predict(x)).containsExactly(p);
      Classifier c = (Classifier) learner;
      double[] q = c.fit(x, label).probability(x);
      for (double v : q) {
        assertThat(v).isBetween(0.0, 1.0);
      }
      // The interaction x1·x2 is invisible to a logistic model linear in x1 and x2.
      assertThat(logLoss(q, label)).isLessThan(logLoss(LogisticRegression.defaults()
          .fit(x, label).probability(x), label) - 0.05);
    }
  }

  @Test
  void withoutFeaturesTreeLearnersPredictTheMean() {
    double[] y = {1, 2, 3, 6};
    double[] p = GradientBoosting.defaults(0, 1).fit(FeatureMatrix.empty(4), y)
        .predict(FeatureMatrix.empty(2));
    assertThat(p).containsExactly(3, 3);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> new RidgeRegression(-1)).hasMessageContaining("≥ 0");
    assertThatThrownBy(() -> LogisticRegression.defaults().fit(
        FeatureMatrix.ofColumns(new double[] {1, 2}), new int[] {0, 2}))
        .hasMessageContaining("label 2 at row 1 is not 0 or 1");
    assertThatThrownBy(() -> RidgeRegression.ols().fit(
        FeatureMatrix.ofColumns(new double[] {1, 2}), new double[] {1, 2},
        new double[] {1, -1})).hasMessageContaining("not a finite non-negative");
  }

  private static double mse(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s / a.length;
  }

  private static double logLoss(double[] p, int[] y) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
      s -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return s / p.length;
  }
}
