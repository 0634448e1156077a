package dev.causal4j.effects.scm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Monte-Carlo summary of one node's distribution: mean, spread and quantiles of a continuous
 * node, level probabilities of a categorical one, each with its Monte-Carlo standard error (the
 * error from using finitely many samples, not the uncertainty of the fitted model).
 */
public sealed interface NodeSummary {

  /** The node. */
  String node();

  /** Number of samples summarised. */
  int samples();

  /**
   * A continuous node's distribution.
   *
   * @param mean the sample mean
   * @param standardError its Monte-Carlo standard error, {@code sd / √n}
   * @param sd the standard deviation (divisor {@code n - 1})
   * @param quantiles the 5%, 25%, 50%, 75% and 95% quantiles (linear interpolation between order
   *     statistics, Hyndman–Fan type 7)
   */
  record Numeric(String node, int samples, double mean, double standardError, double sd,
      double min, double max, List<Double> quantiles) implements NodeSummary {

    /** The probabilities of {@link #quantiles()}. */
    public static final List<Double> PROBABILITIES = List.of(0.05, 0.25, 0.5, 0.75, 0.95);

    public Numeric {
      quantiles = List.copyOf(quantiles);
    }

    /** The median. */
    public double median() {
      return quantiles.get(2);
    }

    /** Summarises {@code values}. */
    public static Numeric of(String node, double[] values) {
      int n = values.length;
      double mean = 0;
      for (double v : values) {
        mean += v;
      }
      mean /= n;
      double ss = 0;
      for (double v : values) {
        ss += (v - mean) * (v - mean);
      }
      double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      if (sorted[0] == sorted[n - 1]) {
        // A point (a counterfactual with recovered noise): exact, without summation rounding.
        mean = sorted[0];
        sd = 0;
      }
      List<Double> q = new ArrayList<>();
      for (double p : PROBABILITIES) {
        q.add(quantile(sorted, p));
      }
      return new Numeric(node, n, mean, sd / Math.sqrt(n), sd, sorted[0], sorted[n - 1], q);
    }

    static double quantile(double[] sorted, double p) {
      double h = (sorted.length - 1) * p;
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, sorted.length - 1);
      return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
  }

  /**
   * A categorical node's distribution.
   *
   * @param levels the levels
   * @param probabilities the share of samples at each level
   * @param standardErrors their Monte-Carlo standard errors, {@code √(p(1-p)/n)}
   */
  record Levels(String node, int samples, List<String> levels, List<Double> probabilities,
      List<Double> standardErrors) implements NodeSummary {

    public Levels {
      levels = List.copyOf(levels);
      probabilities = List.copyOf(probabilities);
      standardErrors = List.copyOf(standardErrors);
    }

    /** The probability of a level. */
    public double probability(String level) {
      int k = levels.indexOf(level);
      if (k < 0) {
        throw new IllegalArgumentException("'" + node + "' has no level '" + level + "'");
      }
      return probabilities.get(k);
    }

    /** Summarises level codes (stored as doubles). */
    public static Levels of(String node, List<String> levels, double[] codes) {
      int n = codes.length;
      long[] count = new long[levels.size()];
      for (double c : codes) {
        count[(int) c]++;
      }
      List<Double> p = new ArrayList<>();
      List<Double> se = new ArrayList<>();
      for (long c : count) {
        double pk = (double) c / n;
        p.add(pk);
        se.add(Math.sqrt(pk * (1 - pk) / n));
      }
      return new Levels(node, n, levels, p, se);
    }
  }
}
