package dev.causal4j.effects.refute;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.data.VariableType;
import dev.causal4j.effects.estimate.ConfidenceInterval;
import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;
import dev.causal4j.effects.estimate.IntervalMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * What the re-running refuters share: the data they modify (the problem's columns, complete rows
 * only, so that a permutation or a subset never reaches a row the estimator would drop), seeded
 * runs stored by index, and the statistics of the runs.
 */
final class Reruns {
  private Reruns() {}

  /** Builds the modified problem of run {@code r} from its own generator. */
  @FunctionalInterface
  interface Modification {
    EstimationProblem apply(UniformRandomProvider rng, int run);
  }

  /**
   * The estimates of every run.
   *
   * @param values estimates of the runs that succeeded, in run order
   * @param lower their interval's lower ends
   * @param upper their interval's upper ends
   * @param standardErrors their standard errors
   * @param failed runs that could not be estimated
   */
  record Runs(double[] values, double[] lower, double[] upper, double[] standardErrors,
      int failed) {
    int size() {
      return values.length;
    }

    double mean() {
      double s = 0;
      for (double v : values) {
        s += v;
      }
      return s / values.length;
    }

    /** Sample standard deviation (0 for one run). */
    double sd() {
      if (values.length < 2) {
        return 0;
      }
      double m = mean();
      double ss = 0;
      for (double v : values) {
        ss += (v - m) * (v - m);
      }
      return Math.sqrt(ss / (values.length - 1));
    }

    /** Half-width of the 95% t interval for the mean of the runs (0 for one run). */
    double margin() {
      return values.length < 2 ? 0
          : tQuantile(values.length - 1) * sd() / Math.sqrt(values.length);
    }

    String failures() {
      return failed == 0 ? "" : String.format(Locale.ROOT, "; %d run(s) could not be estimated"
          + " and were left out", failed);
    }
  }

  /** The problem's columns over the rows complete in all of them. */
  static Dataset working(EstimationProblem p) {
    List<String> used = new ArrayList<>();
    used.add(p.treatment());
    used.add(p.outcome());
    used.addAll(p.covariates());
    used.addAll(p.instruments());
    used.addAll(p.mediators());
    Dataset d = p.data().selectColumns(used);
    int[] rows = d.completeRows();
    return rows.length == d.rows() ? d : d.selectRows(rows);
  }

  /** {@code p} on other data, with other covariates. */
  static EstimationProblem on(EstimationProblem p, Dataset d, List<String> covariates) {
    return new EstimationProblem(d, p.treatment(), p.outcome(), covariates, p.instruments(),
        p.mediators(), p.estimand(), p.assumptions());
  }

  /** Runs the estimator on {@code runs} modified problems, in parallel, stored by run. */
  static Runs run(Estimator estimator, int runs, long seed, RefuterKind kind, Modification m) {
    if (runs < 1) {
      throw new InvalidInputException("a refutation needs at least 1 run, not " + runs);
    }
    EffectEstimate[] out = new EffectEstimate[runs];
    String[] errors = new String[runs];
    IntStream.range(0, runs).parallel().forEach(r -> {
      // The generator's state is two longs, so the kind and the run share the second.
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
          new long[] {seed, ((kind.ordinal() + 1L) << 40) + r + 1L});
      try {
        out[r] = estimator.estimate(m.apply(rng, r));
      } catch (InvalidInputException | IllegalArgumentException e) {
        errors[r] = e.getMessage();
      }
    });
    int ok = (int) Arrays.stream(out).filter(e -> e != null && Double.isFinite(e.estimate()))
        .count();
    if (ok == 0) {
      String first = Arrays.stream(errors).filter(e -> e != null).findFirst()
          .orElse("no finite estimate");
      throw new InvalidInputException(kind.label() + ": none of " + runs + " runs could be"
          + " estimated (" + first + ")");
    }
    double[] v = new double[ok];
    double[] lo = new double[ok];
    double[] hi = new double[ok];
    double[] se = new double[ok];
    int k = 0;
    for (EffectEstimate e : out) {
      if (e != null && Double.isFinite(e.estimate())) {
        v[k] = e.estimate();
        lo[k] = e.interval().lower();
        hi[k] = e.interval().upper();
        se[k++] = e.standardError();
      }
    }
    return new Runs(v, lo, hi, se, runs - ok);
  }

  /** A copy of {@code d} with column {@code name}'s values permuted by {@code perm}. */
  static Dataset permuted(Dataset d, String name, int[] perm) {
    int target = d.require(name);
    Dataset.Builder b = Dataset.builder(d.rows());
    for (int j = 0; j < d.columns(); j++) {
      Variable v = d.variable(j);
      if (v.isContinuous()) {
        double[] src = d.doubles(j);
        double[] col = new double[src.length];
        for (int i = 0; i < col.length; i++) {
          col[i] = src[j == target ? perm[i] : i];
        }
        b.addContinuous(v.name(), col);
      } else {
        int[] src = d.codes(j);
        int[] col = new int[src.length];
        for (int i = 0; i < col.length; i++) {
          col[i] = src[j == target ? perm[i] : i];
        }
        addCategorical(b, v, col);
      }
    }
    return b.build();
  }

  /**
   * A copy of {@code d} with column {@code name} replaced by the continuous {@code values}, or
   * added as a new last column if {@code d} has none by that name.
   */
  static Dataset withContinuous(Dataset d, String name, double[] values) {
    int target = d.indexOf(name);
    Dataset.Builder b = Dataset.builder(d.rows());
    for (int j = 0; j < d.columns(); j++) {
      Variable v = d.variable(j);
      if (j == target) {
        b.addContinuous(name, values.clone());
      } else if (v.isContinuous()) {
        b.addContinuous(v.name(), d.doubles(j).clone());
      } else {
        addCategorical(b, v, d.codes(j).clone());
      }
    }
    if (target < 0) {
      b.addContinuous(name, values.clone());
    }
    return b.build();
  }

  private static void addCategorical(Dataset.Builder b, Variable v, int[] codes) {
    if (v.type() == VariableType.ORDINAL) {
      b.addOrdinal(v.name(), codes, v.levels());
    } else {
      b.addDiscrete(v.name(), codes, v.levels());
    }
  }

  /**
   * The working rows split by arm for a binary treatment ({@code [controls, treated]}), else one
   * group of every row, so that subsets and resamples keep the arms' sizes.
   */
  static int[][] strata(EstimationProblem p) {
    EffectData d = EffectData.of(p);
    if (!d.isBinaryTreatment()) {
      return new int[][] {IntStream.range(0, d.rows()).toArray()};
    }
    return new int[][] {d.arm(0), d.arm(1)};
  }

  /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates). */
  static int[] permutation(int n, UniformRandomProvider rng) {
    int[] p = IntStream.range(0, n).toArray();
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The 97.5% point of Student's t with {@code df} degrees of freedom. */
  static double tQuantile(int df) {
    return TDistribution.of(df).inverseCumulativeProbability(0.975);
  }

  /** Two-sided p-value of a t statistic. */
  static double tPValue(double t, int df) {
    if (Double.isNaN(t)) {
      return 1;
    }
    return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
  }

  /** Two-sided p-value of a z statistic. */
  static double zPValue(double z) {
    if (Double.isNaN(z)) {
      return 1;
    }
    return 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
  }

  /**
   * The verdict of the placebo and dummy-outcome refuters, whose effect should be 0: the mean over
   * the runs with its 95% t interval ({@code mean ± t(0.975, R−1)·sd/√R}) and the t test's p-value;
   * it passes when the p-value exceeds {@code alpha}. With one run, that run's own interval and
   * normal p-value.
   */
  static RerunRefutation centredAtZero(RefuterKind kind, EffectEstimate original, Runs runs,
      double alpha, String what) {
    int r = runs.size();
    double m = runs.mean();
    ConfidenceInterval ci;
    double p;
    if (r >= 2) {
      double s = runs.sd();
      p = s == 0 ? (m == 0 ? 1 : 0) : tPValue(m / (s / Math.sqrt(r)), r - 1);
      ci = new ConfidenceInterval(m - runs.margin(), m + runs.margin(), 0.95,
          IntervalMethod.ANALYTIC, "t interval for the mean of " + r + " runs");
    } else {
      double se = runs.standardErrors()[0];
      p = zPValue(m / se);
      ci = new ConfidenceInterval(runs.lower()[0], runs.upper()[0], 0.95,
          IntervalMethod.ANALYTIC, "the run's own interval");
    }
    boolean pass = p > alpha;
    Verdict v = new Verdict(pass, alpha, String.format(Locale.ROOT, "passes when the mean %s"
        + " over the runs is not significantly different from 0 (p > %s: its 95%% interval"
        + " contains 0)", what, num(alpha)));
    String summary = String.format(Locale.ROOT, "%s over %d run(s): mean %s (95%% CI %s to %s,"
        + " %s), against the estimate %s: %s%s", what, r, num(m), num(ci.lower()),
        num(ci.upper()), p(p), num(original.estimate()), v.word(), runs.failures());
    return new RerunRefutation(kind, original.estimate(), original.standardError(),
        runs.values(), m, Optional.of(ci), OptionalDouble.of(p), runs.failed(), v, summary);
  }

  /**
   * The verdict of the random-common-cause and subset refuters, whose estimate should not move:
   * the shift of the mean over the runs from the original estimate, in standard errors of the
   * original; it passes when the shift, less its 95% Monte Carlo margin (the t half-width over the
   * runs, 0 for one run), is at most {@code threshold} standard errors.
   */
  static RerunRefutation shift(RefuterKind kind, EffectEstimate original, Runs runs,
      double threshold, String what) {
    double m = runs.mean();
    double theta = original.estimate();
    double se = original.standardError();
    double shift = m - theta;
    boolean pass = Math.abs(shift) - runs.margin() <= threshold * se;
    Verdict v = new Verdict(pass, threshold, String.format(Locale.ROOT, "passes when the mean"
        + " estimate moves at most %s standard errors from the original, beyond the 95%% Monte"
        + " Carlo margin of the runs", num(threshold)));
    Optional<ConfidenceInterval> spread = Optional.empty();
    if (runs.size() >= 2) {
      double[] sorted = runs.values().clone();
      Arrays.sort(sorted);
      spread = Optional.of(new ConfidenceInterval(quantile(sorted, 0.025),
          quantile(sorted, 0.975), 0.95, IntervalMethod.ANALYTIC, "2.5% and 97.5% points of the "
              + runs.size() + " runs' estimates"));
    }
    String moved = theta == 0 ? "" : String.format(Locale.ROOT, "%.1f%%, ",
        100 * Math.abs(shift) / Math.abs(theta));
    String summary = String.format(Locale.ROOT, "estimate moved %s%.2f SE %s (%d run(s), from %s"
        + " to a mean of %s): %s%s", moved, Math.abs(shift) / se, what, runs.size(), num(theta),
        num(m), v.word(), runs.failures());
    return new RerunRefutation(kind, theta, se, runs.values(), m, spread, OptionalDouble.empty(),
        runs.failed(), v, summary);
  }

  /** Linear interpolation between order statistics (type 7 of Hyndman &amp; Fan 1996). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** A number for a sentence: thousands separated, three significant digits when small. */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1 || a == 0) {
      return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** A p-value for a sentence. */
  static String p(double p) {
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
  }
}
