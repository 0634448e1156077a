package dev.causal4j.discovery.lingam;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * DirectLiNGAM's causal-order search (Shimizu et al. 2011, §3, with the pairwise measure of
 * Hyvärinen &amp; Smith 2013 as the {@code lingam} package uses it): among the
 * remaining variables, pick the one whose pairwise likelihood ratios against all others give the
 * least evidence that anything causes it, {@code M_i = Σ_j min(0, R_ij)²} ({@link
 * EntropyApproximation#likelihoodRatio}); regress it out of the others; repeat.
 *
 * <p><b>Exact, with less work.</b> Each step finds the exact minimiser of {@code M_i} without
 * always evaluating all {@code |U|(|U|−1)/2} pairs. {@code M_i} is a sum of non-negative terms, so
 * a candidate whose partial sum already exceeds the complete {@code M} of another cannot win and
 * is dropped (branch and bound). The candidate likeliest to win is evaluated in full first, its
 * pairs in parallel, and its {@code M} is the first bound; each other candidate then sums the
 * pairs already known (computed for earlier candidates, or by itself), and computes the rest one
 * at a time, stopping once its sum exceeds the best complete {@code M}. Guides, which change the
 * work but never the answer: candidates are ranked by the {@code M} that the ratios computed so
 * far give them (pairs never computed count 0), then by entropy (an exogenous variable is a
 * single noise term, its descendants are mixtures and closer to Gaussian); each candidate visits
 * first the variables whose last computed ratio argued they cause it, then the rest by
 * decreasing residual correlation (an uncorrelated variable gives no evidence either way). A
 * variable with a cause among the remaining ones usually falls after one or two pairs; the
 * remaining work is completing the few candidates that look exogenous. On sparse random DAGs
 * this evaluates about 30% of the pairs at p = 20 and 13% at p = 100.
 *
 * <p><b>Same answer on any thread count.</b> Each pair's ratio is always computed the same way
 * (smaller index first), whichever thread computes it; a complete candidate's {@code M} is
 * summed in variable order from those values; a candidate is dropped only when its partial sum
 * exceeds a complete {@code M} by a relative margin of 1e-9, far above the rounding of these sums,
 * so every candidate tied with the minimum is always completed; and ties go to the smallest
 * variable index, as in the {@code lingam} package's {@code argmax}. Which candidates get dropped
 * varies with timing; the chosen variable does not.
 */
final class ExogenousOrder {
  /** Bit pattern marking a pair not yet computed in the current step. */
  private static final long UNKNOWN = 0x7ff8_dead_beef_0000L;
  private static final double MARGIN = 1e-9;
  /** A residual variance (of a standardised column) below this means exact collinearity. */
  private static final double COLLINEAR = 1e-12;

  private final double[][] z;
  private final List<String> names;
  private final int p;
  private final int n;
  private final OrderConstraints constraints;
  private final int threads;
  private final boolean branchAndBound;
  private final double[] entropy;
  private final AtomicLongArray ratios;
  /** Correlations of the current residual columns, kept by Schur-complement updates: a guide. */
  private final double[][] residualCorr;
  /** The last value computed for each pair, in any step (NaN if never): a guide only. */
  private final double[] previous;
  private final LongAdder pairsEvaluated = new LongAdder();
  /** Per variable, {skewness, kurtosis} of its residual on every earlier variable. */
  final double[][] noiseMoments;

  /**
   * @param z standardised columns; overwritten with residuals as the search goes
   * @param branchAndBound false evaluates every pair at every step (same result; for tests)
   */
  ExogenousOrder(double[][] z, double[][] corr, List<String> names,
      OrderConstraints constraints, int threads, boolean branchAndBound) {
    this.z = z;
    this.names = names;
    this.p = z.length;
    this.n = z[0].length;
    this.constraints = constraints;
    this.threads = threads;
    this.branchAndBound = branchAndBound;
    this.entropy = new double[p];
    this.ratios = new AtomicLongArray(p * p);
    this.residualCorr = new double[p][];
    for (int i = 0; i < p; i++) {
      residualCorr[i] = corr[i].clone();
    }
    this.previous = new double[p * p];
    Arrays.fill(previous, Double.NaN);
    this.noiseMoments = new double[p][];
  }

  /** Pairwise likelihood ratios computed so far. */
  long pairsEvaluated() {
    return pairsEvaluated.sum();
  }

  /** The causal order, earliest first. */
  int[] run() {
    boolean[] remaining = new boolean[p];
    Arrays.fill(remaining, true);
    Parallel.forEach(threads, p, i -> entropy[i] = EntropyApproximation.ofStandardized(z[i]));
    int[] order = new int[p];
    for (int step = 0; step < p; step++) {
      Parallel.checkCancelled();
      int[] u = indices(remaining);
      int[] candidates = constraints.isEmpty() ? u : constraints.eligible(remaining);
      int m = candidates.length == 1 ? candidates[0] : mostExogenous(u, candidates);
      order[step] = m;
      remaining[m] = false;
      noiseMoments[m] = NoiseGaussianity.moments(z[m]);
      int[] rest = indices(remaining);
      int placed = step;
      Parallel.forEach(threads, rest.length, k -> regressOut(rest[k], m, order, placed));
      updateResidualCorrelation(rest, m);
    }
    return order;
  }

  private static int[] indices(boolean[] flags) {
    int k = 0;
    int[] out = new int[flags.length];
    for (int i = 0; i < flags.length; i++) {
      if (flags[i]) {
        out[k++] = i;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * Replaces column {@code i} by its residual on column {@code m}, standardised again (the
   * measure is scale-free, and unit variance keeps every later residual's scale known), and
   * updates its entropy.
   */
  private void regressOut(int i, int m, int[] order, int step) {
    double[] zi = z[i];
    double[] zm = z[m];
    double dot = 0;
    for (int k = 0; k < n; k++) {
      dot += zi[k] * zm[k];
    }
    double rho = dot / n;
    double sum = 0;
    double sumSq = 0;
    for (int k = 0; k < n; k++) {
      double v = zi[k] - rho * zm[k];
      zi[k] = v;
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    double var = sumSq / n - mean * mean;
    if (!(var > COLLINEAR)) {
      List<String> placed = new ArrayList<>();
      for (int s = 0; s <= step && placed.size() < 8; s++) {
        placed.add(names.get(order[s]));
      }
      throw new InvalidInputException(
          "column '" + names.get(i) + "' is (up to rounding) a linear combination of "
              + String.join(", ", placed) + (step >= 8 ? ", …" : "")
              + "; its noise would be zero, which LiNGAM cannot order: drop one of them");
    }
    double inv = 1 / Math.sqrt(var);
    double lc = 0;
    double g = 0;
    for (int k = 0; k < n; k++) {
      double v = (zi[k] - mean) * inv;
      zi[k] = v;
      lc += EntropyApproximation.logCosh(v);
      g += EntropyApproximation.gauss(v);
    }
    entropy[i] = EntropyApproximation.entropy(lc / n, g / n);
  }

  /** Partial correlations given {@code m}: {@code (r_ij − r_im r_jm)/√((1 − r_im²)(1 − r_jm²))}. */
  private void updateResidualCorrelation(int[] rest, int m) {
    double[][] r = residualCorr;
    for (int a = 0; a < rest.length; a++) {
      int i = rest[a];
      for (int b = a + 1; b < rest.length; b++) {
        int j = rest[b];
        double v = (r[i][j] - r[i][m] * r[j][m])
            / Math.sqrt(Math.max((1 - r[i][m] * r[i][m]) * (1 - r[j][m] * r[j][m]), 1e-300));
        r[i][j] = v;
        r[j][i] = v;
      }
    }
  }

  /** The candidate with the smallest {@code M} over the remaining variables {@code u}. */
  private int mostExogenous(int[] u, int[] candidates) {
    for (int a : u) {
      for (int b : u) {
        if (a < b) {
          ratios.set(a * p + b, UNKNOWN);
        }
      }
    }
    double[] score = new double[p];
    Arrays.fill(score, Double.NaN);
    if (!branchAndBound) {
      int[][] pairs = new int[u.length * (u.length - 1) / 2][];
      int k = 0;
      for (int x = 0; x < u.length; x++) {
        for (int y = x + 1; y < u.length; y++) {
          pairs[k++] = new int[] {u[x], u[y]};
        }
      }
      Parallel.forEach(threads, pairs.length, t -> ratio(pairs[t][0], pairs[t][1]));
      for (int c : candidates) {
        score[c] = completeScore(c, u);
      }
      return argmin(candidates, score);
    }
    int[] ranked = byGuide(candidates, u);
    int first = ranked[0];
    Parallel.forEach(threads, u.length, k -> {
      if (u[k] != first) {
        ratio(first, u[k]);
      }
    });
    score[first] = completeScore(first, u);
    AtomicLong bound = new AtomicLong(Double.doubleToLongBits(score[first]));
    Parallel.forEach(threads, ranked.length - 1, r -> {
      int c = ranked[r + 1];
      if (evaluate(c, u, bound)) {
        double s = completeScore(c, u);
        score[c] = s;
        long cur;
        while (s < Double.longBitsToDouble(cur = bound.get())
            && !bound.compareAndSet(cur, Double.doubleToLongBits(s))) {
          // another candidate lowered the bound meanwhile: retry against the new value
        }
      }
    });
    remember(u);
    return argmin(candidates, score);
  }

  /** Keeps this step's ratios as guides for the later steps. */
  private void remember(int[] u) {
    for (int a : u) {
      for (int b : u) {
        if (a < b) {
          long bits = ratios.get(a * p + b);
          if (bits != UNKNOWN) {
            previous[a * p + b] = Double.longBitsToDouble(bits);
          }
        }
      }
    }
  }

  /**
   * Sums candidate {@code c}'s terms, the known ones first, until the sum exceeds the bound
   * (false: {@code c} cannot win) or every pair is known (true).
   */
  private boolean evaluate(int c, int[] u, AtomicLong bound) {
    boolean[] counted = new boolean[p];
    double partial = 0;
    for (int j : u) {
      if (j != c) {
        long bits = ratios.get(key(c, j));
        if (bits != UNKNOWN) {
          partial += term(c, j, Double.longBitsToDouble(bits));
          counted[j] = true;
        }
      }
    }
    if (exceeds(partial, bound)) {
      return false;
    }
    for (int j : visitOrder(c, u)) {
      if (j == c || counted[j]) {
        continue;
      }
      long bits = ratios.get(key(c, j));
      double r = bits != UNKNOWN ? Double.longBitsToDouble(bits) : ratio(c, j);
      partial += term(c, j, r);
      if (exceeds(partial, bound)) {
        return false;
      }
    }
    return true;
  }

  private static boolean exceeds(double partial, AtomicLong bound) {
    return partial > Double.longBitsToDouble(bound.get()) * (1 + MARGIN);
  }

  /** {@code M_c}, summed over {@code u} in index order from the known ratios. */
  private double completeScore(int c, int[] u) {
    double s = 0;
    for (int j : u) {
      if (j != c) {
        s += term(c, j, Double.longBitsToDouble(ratios.get(key(c, j))));
      }
    }
    return s;
  }

  /** {@code min(0, R_cj)²}, where {@code r} is the stored ratio of the ordered pair. */
  private static double term(int c, int j, double r) {
    double fromC = c < j ? r : -r;
    return fromC < 0 ? fromC * fromC : 0;
  }

  private int key(int a, int b) {
    return a < b ? a * p + b : b * p + a;
  }

  /** Computes, stores and returns the ratio of the pair, oriented smaller index first. */
  private double ratio(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    double r = EntropyApproximation.likelihoodRatio(z[lo], z[hi], entropy[lo], entropy[hi]);
    ratios.set(lo * p + hi, Double.doubleToLongBits(r));
    pairsEvaluated.increment();
    return r;
  }

  /**
   * Candidates, likeliest to win first: by the {@code M} that the last computed ratios give them
   * (pairs never computed count 0), then by entropy (the most non-Gaussian first), then index.
   */
  private int[] byGuide(int[] candidates, int[] u) {
    double[] guess = new double[p];
    for (int c : candidates) {
      double s = 0;
      for (int j : u) {
        if (j != c) {
          double r = previous[key(c, j)];
          if (!Double.isNaN(r)) {
            s += term(c, j, r);
          }
        }
      }
      guess[c] = s;
    }
    return sorted(candidates, (a, b) -> {
      int c = Double.compare(guess[a], guess[b]);
      if (c == 0) {
        c = Double.compare(entropy[a], entropy[b]);
      }
      return c != 0 ? c : Integer.compare(a, b);
    });
  }

  /**
   * The other variables in the order candidate {@code c} visits them, likeliest causes first:
   * those whose last computed ratio (in this step or an earlier one) favoured them over {@code
   * c}, most strongly first; then by decreasing residual correlation with {@code c}, since an
   * uncorrelated variable can neither cause {@code c} nor give evidence against it.
   */
  private int[] visitOrder(int c, int[] u) {
    double[] from = new double[p];
    double[] corr = residualCorr[c];
    for (int j : u) {
      if (j != c) {
        double r = previous[key(c, j)];
        from[j] = Double.isNaN(r) ? 0 : Math.min(0, c < j ? r : -r);
      }
    }
    return sorted(u, (a, b) -> {
      int x = Double.compare(from[a], from[b]);
      if (x == 0) {
        x = Double.compare(Math.abs(corr[b]), Math.abs(corr[a]));
      }
      return x != 0 ? x : Integer.compare(a, b);
    });
  }

  private static int[] sorted(int[] vars, Comparator<Integer> order) {
    return Arrays.stream(vars).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
  }

  private static int argmin(int[] candidates, double[] score) {
    int best = -1;
    for (int c : candidates) {
      if (!Double.isNaN(score[c]) && (best < 0 || score[c] < score[best])) {
        best = c;
      }
    }
    return best;
  }
}
