package dev.causal4j.effects.cate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pool-adjacent-violators against brute force: the weighted isotonic least-squares fit is made of
 * block means over consecutive runs of the x-sorted points, so trying every split of the points
 * into runs (keeping only non-decreasing block means) and taking the smallest weighted squared
 * error finds it exactly. 2^(n−1) splits for n ≤ 10 points.
 */
class IsotonicRegressionTest {

  @Test
  void matchesBruteForceOnRandomSmallCases() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int rep = 0; rep < 300; rep++) {
      int n = 1 + rng.nextInt(10);
      double[] x = new double[n];
      double[] y = new double[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        // Few distinct x values, so ties occur often; weights away from 0.
        x[i] = rng.nextInt(6);
        y[i] = rng.nextGaussian() + 0.3 * x[i];
        w[i] = 0.2 + rng.nextDouble();
      }
      boolean weighted = rep % 2 == 0;
      double[] fit = IsotonicRegression.fit(x, y, weighted ? w : null).fittedValues();
      double[] best = bruteForce(x, y, weighted ? w : ones(n));
      // Both are exact minimisers of a strictly convex problem: equal up to rounding.
      assertThat(fit).as("case %d", rep).containsExactly(best, within(1e-9));
    }
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  /** The exact fit by enumerating splits of the distinct x values into consecutive runs. */
  private static double[] bruteForce(double[] x, double[] y, double[] w) {
    double[] xs = Arrays.stream(x).distinct().sorted().toArray();
    int m = xs.length;
    double[] gw = new double[m];
    double[] gs = new double[m];
    for (int i = 0; i < x.length; i++) {
      int g = Arrays.binarySearch(xs, x[i]);
      gw[g] += w[i];
      gs[g] += w[i] * y[i];
    }
    double bestLoss = Double.POSITIVE_INFINITY;
    double[] bestValues = null;
    for (int mask = 0; mask < 1 << (m - 1); mask++) {
      double[] values = new double[m];
      int from = 0;
      double prev = Double.NEGATIVE_INFINITY;
      boolean ok = true;
      for (int g = 0; g < m && ok; g++) {
        boolean cut = g == m - 1 || (mask >> g & 1) == 1;
        if (cut) {
          double sw = 0;
          double ss = 0;
          for (int h = from; h <= g; h++) {
            sw += gw[h];
            ss += gs[h];
          }
          double v = ss / sw;
          if (v < prev - 1e-12) {
            ok = false;
          }
          for (int h = from; h <= g; h++) {
            values[h] = v;
          }
          prev = v;
          from = g + 1;
        }
      }
      if (!ok) {
        continue;
      }
      double loss = 0;
      for (int i = 0; i < x.length; i++) {
        double d = y[i] - values[Arrays.binarySearch(xs, x[i])];
        loss += w[i] * d * d;
      }
      if (loss < bestLoss) {
        bestLoss = loss;
        bestValues = values;
      }
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = bestValues[Arrays.binarySearch(xs, x[i])];
    }
    return out;
  }

  @Test
  void textbookExamplePoolsTheViolators() {
    // y = 1, 3, 2, 4, 3.5, 5 at x = 1..6: (3, 2) pool to 2.5 and (4, 3.5) to 3.75.
    IsotonicRegression r = IsotonicRegression.fit(new double[] {1, 2, 3, 4, 5, 6},
        new double[] {1, 3, 2, 4, 3.5, 5}, null);
    assertThat(r.fittedValues()).containsExactly(1, 2.5, 2.5, 3.75, 3.75, 5);
    assertThat(r.steps()).isEqualTo(4);
  }

  @Test
  void predictsAStepFunctionConstantBetweenBlocks() {
    IsotonicRegression r = IsotonicRegression.fit(new double[] {1, 2, 3, 4, 5, 6},
        new double[] {1, 3, 2, 4, 3.5, 5}, null);
    assertThat(r.predict(-10)).isEqualTo(1);
    assertThat(r.predict(1.9)).isEqualTo(1);
    assertThat(r.predict(2)).isEqualTo(2.5);
    assertThat(r.predict(3.99)).isEqualTo(2.5);
    assertThat(r.predict(4)).isEqualTo(3.75);
    assertThat(r.predict(100)).isEqualTo(5);
  }

  @Test
  void inputOrderDoesNotMatter() {
    double[] x = {5, 1, 4, 2, 6, 3};
    double[] y = {3.5, 1, 4, 3, 5, 2};
    double[] fit = IsotonicRegression.fit(x, y, null).fittedValues();
    assertThat(fit).containsExactly(3.75, 1, 3.75, 2.5, 5, 2.5);
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> IsotonicRegression.fit(new double[0], new double[0], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> IsotonicRegression.fit(new double[] {1, Double.NaN},
        new double[] {1, 2}, null)).hasMessageContaining("row 1");
    assertThatThrownBy(() -> IsotonicRegression.fit(new double[] {1, 2}, new double[] {1, 2},
        new double[] {1, 0})).hasMessageContaining("non-positive weight");
  }
}
