package dev.causal4j.effects.estimate;

import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;

/** Standardized mean differences of covariates before and after weighting. */
final class Balances {
  private Balances() {}

  /**
   * One {@link Balance} per covariate column: raw difference, and the difference under weights
   * {@code w} (applied within each arm), both over the raw pooled standard deviation.
   */
  static List<Balance> of(FeatureMatrix x, List<String> names, double[] t, double[] w) {
    int n = x.rows();
    int p = x.cols();
    double[] v = x.values();
    List<Balance> out = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      double[] raw = moments(v, p, j, t, null, n);
      double[] adj = moments(v, p, j, t, w, n);
      double sd = Math.sqrt((raw[2] + raw[3]) / 2);
      double before = sd == 0 ? 0 : (raw[0] - raw[1]) / sd;
      double after = sd == 0 ? 0 : (adj[0] - adj[1]) / sd;
      out.add(new Balance(names.get(j), before, after));
    }
    return out;
  }

  /** Weighted means and variances of column {@code j} in the treated and control arms. */
  private static double[] moments(double[] v, int p, int j, double[] t, double[] w, int n) {
    double[] sw = new double[2];
    double[] m = new double[2];
    for (int i = 0; i < n; i++) {
      int a = t[i] == 1 ? 0 : 1;
      double wi = w == null ? 1 : w[i];
      sw[a] += wi;
      m[a] += wi * v[i * p + j];
    }
    m[0] /= sw[0];
    m[1] /= sw[1];
    double[] s = new double[2];
    for (int i = 0; i < n; i++) {
      int a = t[i] == 1 ? 0 : 1;
      double wi = w == null ? 1 : w[i];
      double d = v[i * p + j] - m[a];
      s[a] += wi * d * d;
    }
    return new double[] {m[0], m[1], s[0] / sw[0], s[1] / sw[1]};
  }

  /** The per-row weights an estimand's weighting gives (treated and control in one array). */
  static double[] weights(double[] t, double[] e, Estimand estimand) {
    int n = t.length;
    double[] w1 = new double[n];
    double[] w0 = new double[n];
    Scores.weights(t, e, estimand, w1, w0);
    for (int i = 0; i < n; i++) {
      w1[i] += w0[i];
    }
    return w1;
  }
}
