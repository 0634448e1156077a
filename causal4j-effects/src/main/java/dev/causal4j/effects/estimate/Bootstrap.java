package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The nonparametric bootstrap (Efron &amp; Tibshirani 1993): resample rows with replacement,
 * re-run the whole estimator, take the standard deviation of the replicates as the standard error
 * and their 2.5% and 97.5% quantiles as the percentile interval. Replicate {@code b} draws from
 * its own generator seeded by {@code (seed, b)} and results are stored by index, so the answer does
 * not depend on how many threads run the replicates.
 */
final class Bootstrap {
  private Bootstrap() {}

  /**
   * The bootstrap of a statistic.
   *
   * @param se standard deviation of the replicates
   * @param lower 2.5% quantile
   * @param upper 97.5% quantile
   * @param used replicates that gave a finite value
   * @param failed replicates that failed (a resample without one arm, say)
   */
  record Result(double se, double lower, double upper, int used, int failed) {
    ConfidenceInterval interval() {
      return new ConfidenceInterval(lower, upper, 0.95, IntervalMethod.BOOTSTRAP,
          String.format(Locale.ROOT, "percentile, %d resamples", used));
    }

    void warn(java.util.List<String> warnings) {
      if (failed > 0) {
        warnings.add(failed + " bootstrap resample(s) could not be estimated (e.g. one arm too"
            + " small) and were left out.");
      }
    }
  }

  /** Stratified by a binary treatment when {@code strata} is given, so arm sizes stay fixed. */
  static Result run(int n, int replicates, long seed, double[] strata,
      ToDoubleFunction<int[]> statistic) {
    if (replicates < 2) {
      throw new InvalidInputException("the bootstrap needs at least 2 resamples, not "
          + replicates);
    }
    int[][] arms = strata == null ? new int[][] {IntStream.range(0, n).toArray()}
        : new int[][] {indices(strata, 0), indices(strata, 1)};
    double[] values = new double[replicates];
    IntStream.range(0, replicates).parallel().forEach(b -> {
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
          new long[] {seed, b + 1L});
      int[] rows = new int[n];
      int k = 0;
      for (int[] arm : arms) {
        for (int i = 0; i < arm.length; i++) {
          rows[k++] = arm[rng.nextInt(arm.length)];
        }
      }
      double v;
      try {
        v = statistic.applyAsDouble(rows);
      } catch (InvalidInputException | IllegalArgumentException e) {
        v = Double.NaN;
      }
      values[b] = v;
    });
    double[] ok = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (ok.length < Math.max(2, replicates / 2)) {
      throw new InvalidInputException("only " + ok.length + " of " + replicates + " bootstrap"
          + " resamples could be estimated; the data are too small or too unbalanced for a"
          + " bootstrap interval");
    }
    double mean = 0;
    for (double v : ok) {
      mean += v;
    }
    mean /= ok.length;
    double ss = 0;
    for (double v : ok) {
      ss += (v - mean) * (v - mean);
    }
    return new Result(Math.sqrt(ss / (ok.length - 1)), quantile(ok, 0.025), quantile(ok, 0.975),
        ok.length, replicates - ok.length);
  }

  private static int[] indices(double[] t, double arm) {
    return IntStream.range(0, t.length).filter(i -> t[i] == arm).toArray();
  }

  /** Linear interpolation between order statistics (type 7 of Hyndman &amp; Fan 1996). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
