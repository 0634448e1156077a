package dev.causal4j.analyst.plan;

import dev.causal4j.analyst.profile.MultipleTesting;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.TimeColumn;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The largest lag for the time-series search, from the partial autocorrelations (PACF) of the
 * variables: the largest lag τ ≤ {@link RuleTable#MAX_LAG_CAP} at which some variable's PACF is
 * significant, each coefficient tested against z = PACF·√n (its large-sample null distribution
 * is N(0, 1/n)) with the Benjamini–Hochberg false discovery rate over all variables and lags; at
 * least 1. A variable's own memory is the cheapest sign of how far back its drivers act; a cross
 * lag longer than every variable's memory is missed, which the reason says.
 */
final class LagSelection {
  /** False discovery rate over all (variable, lag) coefficients. */
  static final double FDR = 0.05;

  private LagSelection() {}

  /** The chosen lag and why. */
  record Choice(int maxLag, String reason) {}

  /**
   * Chooses for the continuous columns of {@code d} except {@code skip} (an order column), in time
   * order (by the time column when there is one, else the row order).
   */
  static Choice choose(Dataset d, String skip) {
    int n = d.rows();
    int[] order = IntStream.range(0, n).toArray();
    if (d.time().isPresent()) {
      TimeColumn t = d.time().get();
      double[] tv = t.values();
      order = IntStream.range(0, n).boxed()
          .sorted(Comparator.<Integer>comparingDouble(i -> tv[i]).thenComparingInt(i -> i))
          .mapToInt(Integer::intValue).toArray();
    }
    int cap = Math.max(1, Math.min(RuleTable.MAX_LAG_CAP, n / 20));
    int vars = 0;
    double[] p = new double[d.columns() * cap];
    double[] pacfs = new double[p.length];
    NormalDistribution z = NormalDistribution.of(0, 1);
    for (int j = 0; j < d.columns(); j++) {
      if (!d.variable(j).isContinuous() || d.variable(j).name().equals(skip)) {
        continue;
      }
      double[] v = new double[n];
      for (int k = 0; k < n; k++) {
        v[k] = d.doubles(j)[order[k]];
      }
      double[] pacf = pacf(v, cap);
      for (int lag = 1; lag <= cap; lag++) {
        int at = vars * cap + lag - 1;
        pacfs[at] = pacf[lag];
        p[at] = 2 * z.survivalProbability(Math.abs(pacf[lag]) * Math.sqrt(n));
      }
      vars++;
    }
    if (vars == 0) {
      return new Choice(1, "no continuous variable to read a memory from; lag 1.");
    }
    double[] q = MultipleTesting.benjaminiHochberg(Arrays.copyOf(p, vars * cap));
    int chosen = 1;
    double strongest = 0;
    for (int i = 0; i < q.length; i++) {
      int lag = i % cap + 1;
      if (q[i] < FDR && lag > chosen) {
        chosen = lag;
        strongest = pacfs[i];
      }
    }
    String reason = chosen == 1
        ? String.format(Locale.ROOT, "no variable's partial autocorrelation is significant beyond"
            + " lag 1 (lags 1-%d tested, BH q < %s); lag 1, the least a time-series search"
            + " needs.", cap, FDR)
        : String.format(Locale.ROOT, "the largest lag at which some variable's partial"
            + " autocorrelation is significant (lags 1-%d tested, BH q < %s; PACF %.2f at lag"
            + " %d).", cap, FDR, strongest, chosen);
    return new Choice(chosen, reason + (cap == RuleTable.MAX_LAG_CAP ? " At most "
        + RuleTable.MAX_LAG_CAP + ", since PCMCI+'s tests grow with the lags;" : "")
        + " a cross-lag longer than every variable's own memory would be missed: set a longer"
        + " one with causal4j discover --algorithm pcmci-plus --max-lag.");
  }

  /**
   * Partial autocorrelations at lags 0..maxLag by the Durbin–Levinson recursion on the sample
   * autocorrelations; pairs with a missing value are skipped.
   */
  static double[] pacf(double[] v, int maxLag) {
    int n = v.length;
    double mean = 0;
    int m = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        mean += x;
        m++;
      }
    }
    mean /= Math.max(1, m);
    double[] r = new double[maxLag + 1];
    for (int lag = 0; lag <= maxLag; lag++) {
      double s = 0;
      for (int t = lag; t < n; t++) {
        if (Double.isFinite(v[t]) && Double.isFinite(v[t - lag])) {
          s += (v[t] - mean) * (v[t - lag] - mean);
        }
      }
      r[lag] = s / Math.max(1, m);
    }
    double[] out = new double[maxLag + 1];
    out[0] = 1;
    if (!(r[0] > 0)) {
      return out;
    }
    double r0 = r[0];
    for (int lag = 0; lag <= maxLag; lag++) {
      r[lag] /= r0;
    }
    double[] phi = new double[maxLag + 1];
    double[] prev = new double[maxLag + 1];
    for (int k = 1; k <= maxLag; k++) {
      double num = r[k];
      double den = 1;
      for (int j = 1; j < k; j++) {
        num -= prev[j] * r[k - j];
        den -= prev[j] * r[j];
      }
      phi[k] = Math.abs(den) < 1e-12 ? 0 : num / den;
      for (int j = 1; j < k; j++) {
        phi[j] = prev[j] - phi[k] * prev[k - j];
      }
      out[k] = phi[k];
      System.arraycopy(phi, 0, prev, 0, maxLag + 1);
    }
    return out;
  }
}
