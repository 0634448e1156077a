package dev.causal4j.analyst.profile;

import dev.causal4j.InvalidInputException;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Anderson–Darling test of normality with the mean and variance estimated from the sample
 * (Stephens' "case 3"; Anderson &amp; Darling 1954, Stephens 1974). The statistic is
 * {@code A² = −n − (1/n) Σ (2i−1) [ln Φ(z₍ᵢ₎) + ln(1 − Φ(z₍ₙ₊₁₋ᵢ₎))]} on the standardised order
 * statistics (standard deviation with divisor n−1, as scipy.stats.anderson); the p-value comes from
 * D'Agostino &amp; Stephens (1986, Goodness-of-Fit Techniques, Table 4.9) on the small-sample
 * corrected {@code A*² = A² (1 + 0.75/n + 2.25/n²)}.
 *
 * <p>Commons Statistics has no Anderson–Darling test, hence this class. Departures: the table's
 * approximation rises again beyond {@code A*² ≈ 153}, so larger statistics get the value at 153
 * (about 1e-190: far below any level used); tail probabilities below the smallest double are
 * clamped so that their logarithms stay finite.
 */
public final class AndersonDarling {
  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
  private static final double CAP = 153.0;

  private AndersonDarling() {}

  /**
   * One test.
   *
   * @param n sample size
   * @param statistic A²
   * @param adjusted A*² = A² (1 + 0.75/n + 2.25/n²)
   * @param pValue probability of an A*² this large under normality
   */
  public record Result(int n, double statistic, double adjusted, double pValue) {}

  /**
   * Tests the finite values of {@code x} (NaN entries are skipped).
   *
   * @throws InvalidInputException with fewer than 8 values or a constant sample
   */
  public static Result test(double[] x) {
    double[] v = Arrays.stream(x).filter(Double::isFinite).sorted().toArray();
    int n = v.length;
    if (n < 8) {
      throw new InvalidInputException("the Anderson–Darling test needs at least 8 values; got " + n);
    }
    double mean = 0;
    for (double d : v) {
      mean += d;
    }
    mean /= n;
    double ss = 0;
    for (double d : v) {
      ss += (d - mean) * (d - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    if (!(sd > 0)) {
      throw new InvalidInputException("the Anderson–Darling test needs a sample that varies");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double lower = STANDARD.cumulativeProbability((v[i] - mean) / sd);
      double upper = STANDARD.survivalProbability((v[n - 1 - i] - mean) / sd);
      sum += (2.0 * i + 1) * (Math.log(Math.max(lower, Double.MIN_VALUE))
          + Math.log(Math.max(upper, Double.MIN_VALUE)));
    }
    double a2 = -n - sum / n;
    double adjusted = a2 * (1 + 0.75 / n + 2.25 / ((double) n * n));
    return new Result(n, a2, adjusted, pValue(adjusted));
  }

  /** D'Agostino &amp; Stephens' (1986) approximation of the p-value of A*². */
  static double pValue(double adjusted) {
    double a = Math.min(adjusted, CAP);
    double p;
    if (a >= 0.6) {
      p = Math.exp(1.2937 - 5.709 * a + 0.0186 * a * a);
    } else if (a >= 0.34) {
      p = Math.exp(0.9177 - 4.279 * a - 1.38 * a * a);
    } else if (a >= 0.2) {
      p = 1 - Math.exp(-8.318 + 42.796 * a - 59.938 * a * a);
    } else {
      p = 1 - Math.exp(-13.436 + 101.14 * a - 223.73 * a * a);
    }
    return Math.max(0, Math.min(1, p));
  }
}
