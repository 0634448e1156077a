package dev.causal4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CovarianceMatrixTest {

  private static double[][] randomColumns(int p, int n, long seed) {
    Random rnd = new Random(seed);
    double[][] cols = new double[p][n];
    for (int j = 0; j < p; j++) {
      for (int r = 0; r < n; r++) {
        cols[j][r] = rnd.nextGaussian() * (1 + j % 3) + (j > 0 ? 0.5 * cols[j - 1][r] : 0) + j;
      }
    }
    return cols;
  }

  private static List<String> names(int p) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("V" + j);
    }
    return names;
  }

  /** The textbook two-pass formula, entry by entry. */
  private static double naive(double[][] cols, int i, int j, int n) {
    double mi = Arrays.stream(cols[i], 0, n).sum() / n;
    double mj = Arrays.stream(cols[j], 0, n).sum() / n;
    double s = 0;
    for (int r = 0; r < n; r++) {
      s += (cols[i][r] - mi) * (cols[j][r] - mj);
    }
    return s / (n - 1);
  }

  @Test
  void matchesNumpyOnTheReferenceData() {
    // np.cov(X, rowvar=False) from make_reference.py.
    CovarianceMatrix c = CovarianceMatrix.of(TestData.continuous(), 2);
    assertThat(c.covariance(0, 0)).isCloseTo(1.0552159274607564, within(1e-14));
    assertThat(c.covariance(1, 3)).isCloseTo(0.7477967395696964, within(1e-14));
    assertThat(c.covariance(4, 4)).isCloseTo(3.576717075037023, within(1e-13));
    assertThat(c.covariance(2, 4)).isCloseTo(-0.05526087442970924, within(1e-14));
    assertThat(c.sampleSize()).isEqualTo(200);
    assertThat(c.source()).isEqualTo("continuous.csv");
  }

  /**
   * Sizes that exercise every remainder: odd row count (a tile's last lone row), rows not a
   * multiple of the tile, and columns not a multiple of the four-row kernel.
   */
  @Test
  void blockedKernelMatchesTheNaiveFormulaAndIsIdenticalOnAnyThreadCount() {
    int n = 2 * CoMomentKernel.ROWS + 37;
    int p = 23;
    double[][] cols = randomColumns(p, n, 1);
    CovarianceMatrix one = CovarianceMatrix.of(names(p), cols, n, 1, "");
    CovarianceMatrix three = CovarianceMatrix.of(names(p), cols, n, 3, "");
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        assertThat(one.covariance(i, j)).isCloseTo(naive(cols, i, j, n), within(1e-12));
        assertThat(three.covariance(i, j)).isEqualTo(one.covariance(i, j));
        assertThat(one.covariance(i, j)).isEqualTo(one.covariance(j, i));
      }
    }
  }

  @Test
  void largeMeansDoNotCostDigits() {
    // Σx² − n·x̄² would lose all 16 digits here; centring first keeps them.
    int n = 1001;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      x[r] = 1e9 + 1e-3 * ((r % 7) - 3);
      y[r] = -5e8 + 2e-3 * ((r % 5) - 2);
    }
    CovarianceMatrix c = CovarianceMatrix.of(List.of("x", "y"), new double[][] {x, y}, n, 2, "");
    // Exact co-moments of the stored doubles, in decimal arithmetic.
    assertThat(c.variance(0)).isCloseTo(exact(x, x), within(1e-10 * exact(x, x)));
    assertThat(c.variance(1)).isCloseTo(exact(y, y), within(1e-10 * exact(y, y)));
    assertThat(c.covariance(0, 1))
        .isCloseTo(exact(x, y), within(1e-10 * Math.sqrt(exact(x, x) * exact(y, y))));
  }

  private static double exact(double[] a, double[] b) {
    int n = a.length;
    java.math.MathContext mc = new java.math.MathContext(60);
    java.math.BigDecimal sa = java.math.BigDecimal.ZERO;
    java.math.BigDecimal sb = java.math.BigDecimal.ZERO;
    for (int r = 0; r < n; r++) {
      sa = sa.add(new java.math.BigDecimal(a[r]));
      sb = sb.add(new java.math.BigDecimal(b[r]));
    }
    java.math.BigDecimal ma = sa.divide(java.math.BigDecimal.valueOf(n), mc);
    java.math.BigDecimal mb = sb.divide(java.math.BigDecimal.valueOf(n), mc);
    java.math.BigDecimal s = java.math.BigDecimal.ZERO;
    for (int r = 0; r < n; r++) {
      s = s.add(new java.math.BigDecimal(a[r]).subtract(ma)
          .multiply(new java.math.BigDecimal(b[r]).subtract(mb)));
    }
    return s.divide(java.math.BigDecimal.valueOf(n - 1), mc).doubleValue();
  }

  @Test
  void mergingPartialSummariesEqualsTheWhole() {
    int n = 900;
    int p = 6;
    double[][] cols = randomColumns(p, n, 2);
    CovarianceMatrix whole = CovarianceMatrix.of(names(p), cols, n, 1, "");
    int[][] parts = {{0, 250}, {250, 251}, {251, 900}};
    CovarianceMatrix merged = null;
    for (int[] part : parts) {
      double[][] slice = new double[p][];
      for (int j = 0; j < p; j++) {
        slice[j] = Arrays.copyOfRange(cols[j], part[0], part[1]);
      }
      int m = part[1] - part[0];
      CovarianceMatrix s;
      if (m < 2) {
        // A one-row partition: mean is the row, co-moments are zero.
        double[] means = new double[p];
        for (int j = 0; j < p; j++) {
          means[j] = slice[j][0];
        }
        s = null;
        merged = mergeOneRow(merged, means, p);
        continue;
      }
      s = CovarianceMatrix.of(names(p), slice, m, 1, "");
      // Ship it as moments, as a remote site would.
      double[] means = new double[p];
      double[][] mom = new double[p][p];
      for (int i = 0; i < p; i++) {
        means[i] = s.mean(i);
        for (int j = 0; j < p; j++) {
          mom[i][j] = s.covariance(i, j) * (m - 1);
        }
      }
      CovarianceMatrix shipped = CovarianceMatrix.fromMoments(names(p), m, means, mom);
      merged = merged == null ? shipped : merged.merge(shipped);
    }
    assertThat(merged.sampleSize()).isEqualTo(n);
    for (int i = 0; i < p; i++) {
      assertThat(merged.mean(i)).isCloseTo(whole.mean(i), within(1e-12));
      for (int j = 0; j < p; j++) {
        assertThat(merged.covariance(i, j)).isCloseTo(whole.covariance(i, j), within(1e-12));
      }
    }
  }

  /** A single row merges in as the Chan update with n_b = 1 (co-moments zero). */
  private static CovarianceMatrix mergeOneRow(CovarianceMatrix acc, double[] row, int p) {
    int n = acc.sampleSize() + 1;
    double[] means = new double[p];
    double[][] mom = new double[p][p];
    double w = acc.sampleSize() / (double) n;
    for (int i = 0; i < p; i++) {
      means[i] = acc.mean(i) + (row[i] - acc.mean(i)) / n;
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        mom[i][j] = acc.covariance(i, j) * (acc.sampleSize() - 1)
            + w * (row[i] - acc.mean(i)) * (row[j] - acc.mean(j));
      }
    }
    return CovarianceMatrix.fromMoments(names(p), n, means, mom);
  }

  @Test
  void correlationIsCovarianceOverStandardDeviations() {
    CovarianceMatrix c = CovarianceMatrix.of(TestData.continuous(), 1);
    assertThat(c.correlation(1, 3))
        .isCloseTo(c.covariance(1, 3) / Math.sqrt(c.variance(1) * c.variance(3)), within(1e-15));
    assertThat(c.correlationMatrix()[2][2]).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void givenCovarianceCannotBeMerged() {
    CovarianceMatrix c = CovarianceMatrix.fromCovariance(
        List.of("a", "b"), 10, new double[][] {{1, 0.5}, {0.5, 2}});
    assertThat(c.hasMeans()).isFalse();
    assertThatThrownBy(() -> c.merge(c)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CovarianceMatrix.fromCovariance(
            List.of("a", "b"), 10, new double[][] {{1, 0.5}, {0.4, 2}}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not symmetric");
  }

  @Test
  void categoricalOrMissingColumnsAreRefusedWithTheFix() {
    Dataset d = Dataset.builder(3)
        .source("data.csv")
        .addContinuous("x", new double[] {1, 2, 3})
        .addDiscrete("g", new int[] {0, 1, 0}, List.of("a", "b"))
        .build();
    assertThatThrownBy(() -> CovarianceMatrix.of(d))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'g'")
        .hasMessageContaining("data.csv")
        .hasMessageContaining("g-square");
    BitSet miss = new BitSet();
    miss.set(1);
    Dataset m = Dataset.builder(3).source("data.csv")
        .addContinuous("x", new double[] {1, 2, 3}, miss).build();
    assertThatThrownBy(() -> CovarianceMatrix.of(m))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'x'")
        .hasMessageContaining("data row 2")
        .hasMessageContaining("--missing");
    Dataset one = Dataset.builder(1).addContinuous("x", new double[] {1}).build();
    assertThatThrownBy(() -> CovarianceMatrix.of(one))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 2 rows");
  }

  @Test
  void testwiseCovarianceUsesTheRowsCompleteInTheRequestedVariables() {
    int n = 300;
    double[][] cols = randomColumns(3, n, 3);
    BitSet m0 = new BitSet();
    BitSet m2 = new BitSet();
    for (int r = 0; r < n; r += 7) {
      m0.set(r);
    }
    for (int r = 3; r < n; r += 11) {
      m2.set(r);
    }
    Dataset d = Dataset.builder(n)
        .addContinuous("a", cols[0].clone(), m0)
        .addContinuous("b", cols[1].clone())
        .addContinuous("c", cols[2].clone(), m2)
        .build();
    TestwiseCovariance t = TestwiseCovariance.of(d);
    double[] out = new double[9];
    int used = t.covariance(new int[] {0, 1, 2}, 3, out);
    int[] complete = d.completeRows(0, 1, 2);
    assertThat(used).isEqualTo(complete.length);
    CovarianceMatrix ref = CovarianceMatrix.of(d.selectRows(complete), 1);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(out[i * 3 + j]).isCloseTo(ref.covariance(i, j), within(1e-12));
      }
    }
    // Only 'b' and 'c': the rows missing 'a' come back.
    assertThat(t.covariance(new int[] {1, 2}, 2, out)).isEqualTo(d.completeRows(1, 2).length);
    assertThat(SufficientStatistics.of(d)).isInstanceOf(TestwiseCovariance.class);
  }
}
