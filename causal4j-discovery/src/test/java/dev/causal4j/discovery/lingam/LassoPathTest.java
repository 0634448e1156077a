package dev.causal4j.discovery.lingam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Every knot of the LARS–lasso path solves the lasso at its λ: the optimality (KKT) conditions
 * hold, and the path ends at least squares.
 */
class LassoPathTest {

  @Test
  void everyKnotSatisfiesTheLassoOptimalityConditions() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(21L);
    int drops = 0;
    for (int trial = 0; trial < 200; trial++) {
      int q = 1 + trial % 12;
      int n = 40;
      // Correlated predictors (a shared factor) so that variables also leave the path.
      double[][] x = new double[q][n];
      double[] y = new double[n];
      for (int k = 0; k < n; k++) {
        double f = rng.nextDouble() - 0.5;
        for (int i = 0; i < q; i++) {
          x[i][k] = 0.8 * f + rng.nextDouble() - 0.5;
        }
        y[k] = rng.nextDouble() - 0.5;
        for (int i = 0; i < q; i++) {
          y[k] += (i % 3 == 0 ? 0.7 : 0.05) * x[i][k];
        }
      }
      double[][] g = new double[q][q];
      double[] c = new double[q];
      for (int i = 0; i < q; i++) {
        for (int j = 0; j < q; j++) {
          g[i][j] = dot(x[i], x[j]) / n;
        }
        c[i] = dot(x[i], y) / n;
      }
      boolean[] unpenalised = new boolean[q];
      if (trial % 4 == 0) {
        unpenalised[q - 1] = true;
      }
      List<LassoPath.Knot> knots = LassoPath.of(g, c, unpenalised);
      double previous = Double.POSITIVE_INFINITY;
      int support = -1;
      // Rounding in solves and updates of ~12 unit-scale terms: 1e-9 is generous and still
      // far below any violation (a wrong knot misses by the size of a correlation, ~0.01-1).
      double tol = 1e-9;
      for (LassoPath.Knot knot : knots) {
        double lambda = knot.lambda();
        assertThat(lambda).isLessThanOrEqualTo(previous + tol);
        previous = lambda;
        int nonZero = 0;
        for (double th : knot.theta()) {
          nonZero += th != 0 ? 1 : 0;
        }
        drops += nonZero < support ? 1 : 0;
        support = nonZero;
        double[] chat = LassoPath.residualCorrelation(g, c, knot.theta());
        for (int i = 0; i < q; i++) {
          double th = knot.theta()[i];
          if (unpenalised[i]) {
            assertThat(chat[i]).as("trial %d, unpenalised %d", trial, i).isCloseTo(0, within(tol));
          } else if (th != 0) {
            assertThat(chat[i]).as("trial %d, active %d", trial, i)
                .isCloseTo(lambda * Math.signum(th), within(tol));
          } else {
            assertThat(Math.abs(chat[i])).as("trial %d, inactive %d", trial, i)
                .isLessThanOrEqualTo(lambda + tol);
          }
        }
      }
      LassoPath.Knot last = knots.get(knots.size() - 1);
      assertThat(last.lambda()).isZero();
      double[] chat = LassoPath.residualCorrelation(g, c, last.theta());
      for (double v : chat) {
        assertThat(v).as("least squares at the end, trial %d", trial).isCloseTo(0, within(tol));
      }
    }
    // The lasso modification (a coefficient leaving the path) was exercised.
    assertThat(drops).isPositive();
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
