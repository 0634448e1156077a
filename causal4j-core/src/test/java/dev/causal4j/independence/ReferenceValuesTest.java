package dev.causal4j.independence;

import static dev.causal4j.stats.TestData.indices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.causal4j.data.Dataset;
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import dev.causal4j.stats.TestData;
import dev.causal4j.stats.TestwiseCovariance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Statistics and p-values against values computed independently with numpy/scipy by
 * {@code src/test/resources/dev/causal4j/stats/make_reference.py} on the data files beside it
 * (its output is {@code reference_values.txt}; the numbers below are copied from it).
 */
class ReferenceValuesTest {
  private static Dataset continuous;
  private static Dataset discrete;
  private static Dataset mixed;
  private static Dataset kernel;

  @BeforeAll
  static void load() {
    continuous = TestData.continuous();
    discrete = TestData.discrete();
    mixed = TestData.mixed();
    kernel = TestData.kernel();
  }

  /**
   * The reference inverts the covariance submatrix where the test uses Cholesky; both are
   * backward stable, so 1e-9 relative covers the rounding differences with room to spare.
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0; 1; -; 11.957171414504575; 5.95562040004629e-33",
      "0; 2; -; 1.6552576495960734; 0.0978722456319491",
      "0; 3; 1; -0.029828621951934055; 0.9762037319019622",
      "0; 3; -; 4.0770562494002975; 4.56094621027327e-05",
      "2; 4; 3; 0.6731539333794679; 0.5008493649060914",
      "0; 4; 3; 0.10395019297047745; 0.9172088745982774",
      "1; 2; 0 3; 1.5661239619888319; 0.11731959938062549",
      "0; 4; 1 2 3; -0.026991768292540852; 0.9784662995918678",
  })
  void fisherZ(int x, int y, String z, double statistic, double p) {
    TestResult r = new FisherZTest(CovarianceMatrix.of(continuous, 2)).test(x, y, indices(z));
    assertThat(r.statistic()).isCloseTo(statistic, within(1e-9 * Math.abs(statistic) + 1e-12));
    assertThat(r.pValue()).isCloseTo(p, within(1e-9 * p + 1e-300));
    assertThat(r.sampleSize()).isEqualTo(200);
    // Test-wise covariance on complete data gives the same answer up to rounding.
    TestResult t = new FisherZTest(TestwiseCovariance.of(continuous)).test(x, y, indices(z));
    assertThat(t.pValue()).isCloseTo(p, within(1e-9 * p + 1e-300));
  }

  /** scipy's chi2_contingency on each stratum, with empty rows/columns removed: exact sums. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0; 1; -; 143.68019643685537; 2; 6.313086854828081e-32",
      "0; 2; -; 13.954126074723122; 4; 0.00744291478952657",
      "1; 2; 0; 33.5185291434893; 6; 8.331796567869261e-06",
      "0; 2; 1; 4.415510357273407; 8; 0.8178253108782922",
      "2; 3; 0 1; 29.38700337640057; 36; 0.7742764619677854",
      "0; 3; 1 2; 150.00187598923765; 36; 7.279557052580314e-16",
  })
  void gSquare(int x, int y, String z, double statistic, int dof, double p) {
    TestResult r = new GSquareTest(ContingencyTables.of(discrete)).test(x, y, indices(z));
    assertThat(r.statistic()).isCloseTo(statistic, within(1e-10 * statistic));
    assertThat(r.degreesOfFreedom()).isEqualTo(dof);
    assertThat(r.pValue()).isCloseTo(p, within(1e-8 * p));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0; 1; -; 135.99482347904421; 2; 2.9450949282912812e-30",
      "0; 2; -; 13.87020368901766; 4; 0.007721044271486734",
      "1; 2; 0; 38.149596292020185; 6; 1.0501930161866776e-06",
      "0; 2; 1; 4.276300187345175; 8; 0.8313739650684213",
      "2; 3; 0 1; 26.772609020660965; 36; 0.8679726261760548",
      "0; 3; 1 2; 171.44319073056658; 36; 1.5050109053422552e-19",
  })
  void chiSquare(int x, int y, String z, double statistic, int dof, double p) {
    TestResult r = new ChiSquareTest(ContingencyTables.of(discrete)).test(x, y, indices(z));
    assertThat(r.statistic()).isCloseTo(statistic, within(1e-10 * statistic));
    assertThat(r.degreesOfFreedom()).isEqualTo(dof);
    assertThat(r.pValue()).isCloseTo(p, within(1e-8 * p));
  }

  /** Per-cell numpy covariances and slogdet; every cell here has more rows than variables. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0; 1; -; 171.48846954582586; 2.0; 5.777660025645563e-38",
      "1; 3; -; 49.92495020653769; 2.0; 1.4418988916626447e-11",
      "1; 3; 2; 4.236021212791911; 3.0; 0.237080132305637",
      "0; 2; 1; 92.34494809561352; 3.0; 6.867912974663587e-20",
      "3; 4; 2; 81.07579744955638; 3.0; 1.8041009794313763e-17",
      "0; 4; 1 2 3; 8.976702880507673; 8.0; 0.3442650900535843",
      "0; 3; 2; 0.0; 3.0; 1.0",
  })
  void conditionalGaussian(int x, int y, String z, double statistic, double dof, double p) {
    TestResult r = new ConditionalGaussianTest(mixed).test(x, y, indices(z));
    assertThat(r.statistic()).isCloseTo(statistic, within(1e-8 * statistic + 1e-9));
    assertThat(r.degreesOfFreedom()).isEqualTo(dof);
    assertThat(r.pValue()).isCloseTo(p, within(1e-7 * p + 1e-12));
    // The statistic is symmetric in x and y.
    assertThat(new ConditionalGaussianTest(mixed).test(y, x, indices(z)).statistic())
        .isCloseTo(r.statistic(), within(1e-9 * Math.abs(statistic) + 1e-9));
  }

  /**
   * The published KCI formulas in numpy (inv, and eigh for causal-learn's thresholded moments)
   * against EJML. The test computes the gamma moments exactly, through the Hadamard identity,
   * which the script evaluates too: those p-values must agree to rounding (1e-6 relative, the
   * inverse and products differing in summation order); causal-learn's, which drop eigenvalues
   * below 1e-5 of the largest, to 1e-4.
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "MEDIAN; 0; 1; -; 23.005207002711494; 0.1224464115513213; 0.1224464115513213",
      "MEDIAN; 0; 1; 2; 1.4230959249235573; 0.0014012666296426381; 0.0014012998847708616",
      "MEDIAN; 0; 3; -; 77.28954366746663; 7.516245165899912e-05; 7.516245165899912e-05",
      "MEDIAN; 1; 3; 0; 2.247376853922187; 0.6455565858991668; 0.6455676155455086",
      "MEDIAN; 0; 3; 2; 10.248397404071703; 3.212911368959665e-06; 3.212808056163498e-06",
      "EMPIRICAL; 0; 1; -; 52.17073210642907; 0.023742649505238852; 0.023742649505238852",
      "EMPIRICAL; 0; 1; 2; 0.2999164950117432; 0.08718614696093731; 0.08718878404382581",
      "EMPIRICAL; 0; 3; -; 191.3253235679499; 4.92822110093461e-07; 4.92822110093461e-07",
      "EMPIRICAL; 1; 3; 0; 1.8836004758021105; 0.6731033290523811; 0.6731137691633674",
      "EMPIRICAL; 0; 3; 2; 9.776547699073928; 1.8504365908979285e-05; 1.8504020378927334e-05",
  })
  void kci(KciTest.Bandwidth bandwidth, int x, int y, String z, double statistic,
      double pThresholded, double p) {
    TestResult r = new KciTest(kernel, bandwidth).test(x, y, indices(z));
    assertThat(r.statistic()).isCloseTo(statistic, withinPercentage(1e-4));
    assertThat(r.pValue()).isCloseTo(p, withinPercentage(1e-4));
    assertThat(r.pValue()).isCloseTo(pThresholded, withinPercentage(1e-2));
    assertThat(r.sampleSize()).isEqualTo(120);
  }

  @Test
  void hallBuckleyEaglesonMatchesItsCumulantFormula() {
    assertThat(RandomFourierTest.hallBuckleyEagleson(new double[] {1.0}, 1, 3.84))
        .isCloseTo(0.05004352124870519, within(1e-12));
    assertThat(RandomFourierTest.hallBuckleyEagleson(new double[] {2.0, 1.0, 0.5, 0.25}, 4, 6.0))
        .isCloseTo(0.18104168447406763, within(1e-12));
    double[] flat = new double[25];
    java.util.Arrays.fill(flat, 0.3);
    assertThat(RandomFourierTest.hallBuckleyEagleson(flat, 25, 12.0))
        .isCloseTo(0.02916439562315241, within(1e-12));
  }
}
