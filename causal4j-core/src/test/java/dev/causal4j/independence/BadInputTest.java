package dev.causal4j.independence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import dev.causal4j.stats.TestData;
import dev.causal4j.stats.TestwiseCovariance;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every user error gets an InvalidInputException with a one-line message naming the problem. */
class BadInputTest {

  private static Dataset collinear() {
    Random rnd = new Random(9);
    int n = 50;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    double[] d = new double[n];
    double[] e = new double[n];
    for (int r = 0; r < n; r++) {
      e[r] = rnd.nextGaussian();
      a[r] = rnd.nextGaussian();
      b[r] = rnd.nextGaussian();
      c[r] = 2 * a[r] - b[r];
      d[r] = rnd.nextGaussian();
    }
    return Dataset.builder(n).source("lin.csv")
        .addContinuous("A", a).addContinuous("B", b).addContinuous("C", c).addContinuous("D", d)
        .addContinuous("E", e).build();
  }

  private static void assertOneLine(Throwable t) {
    assertThat(t.getMessage()).doesNotContain("\n");
  }

  @Test
  void malformedQuestionsNameTheVariables() {
    IndependenceTest t = new FisherZTest(CovarianceMatrix.of(TestData.continuous(), 1));
    assertThatThrownBy(() -> t.test(1, 1, new int[0]))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("both 'B'");
    assertThatThrownBy(() -> t.test(0, 1, new int[] {2, 0}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'A' is both tested and in the conditioning set");
    assertThatThrownBy(() -> t.test(0, 1, new int[] {2, 2}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'C' appears twice");
    assertThatThrownBy(() -> t.test(0, 9, new int[0]))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("y index 9");
    // The same checks guard every test.
    assertThatThrownBy(() -> new GSquareTest(ContingencyTables.of(TestData.discrete()))
            .test(0, 0, new int[0]))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new ConditionalGaussianTest(TestData.mixed()).test(0, 1, new int[] {1}))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new KciTest(TestData.kernel()).test(0, 1, new int[] {0}))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void fisherZOnDiscreteDataSaysWhichTestToUse() {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(
        () -> new FisherZTest(CovarianceMatrix.of(TestData.discrete())));
    assertThat(t).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'G'")
        .hasMessageContaining("discrete.csv")
        .hasMessageContaining("g-square");
    assertOneLine(t);
  }

  @Test
  void constantColumnIsNamed() {
    Dataset d = Dataset.builder(4).source("c.csv")
        .addContinuous("x", new double[] {1, 2, 3, 4})
        .addContinuous("k", new double[] {5, 5, 5, 5})
        .build();
    assertThatThrownBy(() -> new FisherZTest(CovarianceMatrix.of(d)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'k'")
        .hasMessageContaining("c.csv")
        .hasMessageContaining("constant")
        .hasMessageContaining("drop the column");
    assertThatThrownBy(() -> new KciTest(d))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'k'");
    assertThatThrownBy(() -> new RcotTest(d, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'k'");
  }

  @Test
  void singularCovarianceNamesTheCollinearColumns() {
    FisherZTest t = new FisherZTest(CovarianceMatrix.of(collinear(), 1));
    // C = 2A − B: conditioning on A, B makes C's conditional variance vanish.
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(
        () -> t.test(2, 3, new int[] {0, 1}));
    assertThat(e).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("singular covariance in lin.csv")
        .hasMessageContaining("'C' is a linear combination of 'A', 'B'")
        .hasMessageContaining("drop one");
    assertOneLine(e);
    // The tested variable determined by the conditioning set.
    assertThatThrownBy(() -> t.test(3, 0, new int[] {1, 2}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'A' is a linear combination of 'B', 'C'");
    // Collinearity inside the conditioning set.
    assertThatThrownBy(() -> t.test(3, 4, new int[] {0, 1, 2}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'C' is a linear combination of 'A', 'B'");
    // A non-degenerate question on the same data still works.
    assertThat(t.test(0, 3, new int[] {1}).pValue()).isBetween(0.0, 1.0);
  }

  @Test
  void tooFewRowsSaysHowManyAreNeeded() {
    Random rnd = new Random(1);
    double[][] cols = new double[6][6];
    for (double[] c : cols) {
      for (int r = 0; r < 6; r++) {
        c[r] = rnd.nextGaussian();
      }
    }
    Dataset d = Dataset.ofContinuous(List.of("a", "b", "c", "d", "e", "f"), cols);
    FisherZTest t = new FisherZTest(CovarianceMatrix.of(d));
    assertThat(t.test(0, 1, new int[] {2, 3}).sampleSize()).isEqualTo(6);
    assertThatThrownBy(() -> t.test(0, 1, new int[] {2, 3, 4}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs at least 7 rows")
        .hasMessageContaining("has 6");
  }

  @Test
  void testwiseDeletionReportsTheRowsItUsed() {
    Random rnd = new Random(5);
    int n = 100;
    double[] a = new double[n];
    double[] b = new double[n];
    BitSet miss = new BitSet();
    for (int r = 0; r < n; r++) {
      a[r] = rnd.nextGaussian();
      b[r] = a[r] + rnd.nextGaussian();
      if (r % 4 == 0) {
        miss.set(r);
      }
    }
    Dataset d = Dataset.builder(n).addContinuous("a", a, miss).addContinuous("b", b).build();
    TestResult r = new FisherZTest(TestwiseCovariance.of(d)).test(0, 1, new int[0]);
    assertThat(r.sampleSize()).isEqualTo(75);
    TestResult ref = new FisherZTest(CovarianceMatrix.of(
        d.applyMissingPolicy(dev.causal4j.data.MissingPolicy.LISTWISE_DELETION))).test(0, 1, new int[0]);
    assertThat(r.pValue()).isCloseTo(ref.pValue(), org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void contingencyTestsRefuseContinuousColumns() {
    assertThatThrownBy(() -> ContingencyTables.of(TestData.mixed()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'U'")
        .hasMessageContaining("fisher-z")
        .hasMessageContaining("cg");
  }

  @Test
  void mixedDataCollinearityIsNamed() {
    Random rnd = new Random(3);
    int n = 60;
    double[] u = new double[n];
    double[] v = new double[n];
    int[] s = new int[n];
    for (int r = 0; r < n; r++) {
      u[r] = rnd.nextGaussian();
      v[r] = 3 * u[r];
      s[r] = r < 2 ? r : rnd.nextInt(2);
    }
    Dataset d = Dataset.builder(n).source("m.csv")
        .addContinuous("U", u).addContinuous("V", v).addDiscrete("S", s, List.of("a", "b"))
        .build();
    assertThatThrownBy(() -> new ConditionalGaussianTest(d).test(2, 0, new int[] {1}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("singular covariance in m.csv")
        .hasMessageContaining("'U'")
        .hasMessageContaining("'V'");
  }
}
