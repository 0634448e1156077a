package dev.causal4j.discovery.lingam;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.knowledge.BoundKnowledge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The last step of both LiNGAM searches: given a causal order, regress each variable on the
 * variables before it, keep the parents that {@link Pruning} selects, and refit them by least
 * squares. Everything runs on the correlation matrix (the regressions' sufficient statistics),
 * so the cost is independent of the number of rows; strengths are then rescaled to the data's
 * units.
 *
 * <p>Knowledge: a forbidden edge's source is never a candidate parent; a required edge's source
 * is always kept (unpenalised in the adaptive lasso, exempt from the Wald test), with a warning
 * when the data give it little support.
 */
final class ConnectionStrengths {
  /** A required edge whose Wald p-value exceeds this gets a warning. */
  private static final double WEAK_REQUIRED = 0.05;

  private ConnectionStrengths() {}

  /** The strengths ({@code b[i][j]}: effect of {@code j} on {@code i}, in data units) and notes. */
  record Estimate(double[][] strengths, List<String> warnings) {}

  static Estimate estimate(LingamData d, int[] order, BoundKnowledge knowledge, Pruning pruning,
      double alpha, int threads) {
    int p = d.p;
    double[][] b = new double[p][p];
    String[] notes = new String[p];
    Parallel.forEach(threads, order.length, pos -> {
      int t = order[pos];
      int[] s = new int[pos];
      boolean[] required = new boolean[pos];
      int q = 0;
      for (int k = 0; k < pos; k++) {
        int j = order[k];
        if (!knowledge.isForbidden(j, t)) {
          required[q] = knowledge.isRequired(j, t);
          s[q++] = j;
        }
      }
      if (q == 0) {
        return;
      }
      s = Arrays.copyOf(s, q);
      required = Arrays.copyOf(required, q);
      Fit full = Fit.of(d.corr, s, t, d.n);
      boolean[] keep = switch (pruning) {
        case ADAPTIVE_LASSO -> adaptiveLasso(d.corr, s, t, full, required, d.n);
        case WALD -> full.significant(alpha, required);
      };
      int[] kept = select(s, keep);
      if (kept.length == 0) {
        return;
      }
      Fit refit = Fit.of(d.corr, kept, t, d.n);
      StringBuilder weak = new StringBuilder();
      for (int k = 0; k < kept.length; k++) {
        int j = kept[k];
        b[t][j] = refit.beta[k] * d.sd[t] / d.sd[j];
        if (knowledge.isRequired(j, t)) {
          double pv = refit.pValue(k);
          if (pv > WEAK_REQUIRED) {
            weak.append(weak.length() == 0 ? "" : "; ").append(String.format(
                Locale.ROOT, "%s --> %s (strength %.3g, Wald p = %.2g)",
                d.names.get(j), d.names.get(t), b[t][j], pv));
          }
        }
      }
      if (weak.length() > 0) {
        notes[t] = weak.toString();
      }
    });
    List<String> warnings = new ArrayList<>();
    StringBuilder weak = new StringBuilder();
    for (int t : order) {
      if (notes[t] != null) {
        weak.append(weak.length() == 0 ? "" : "; ").append(notes[t]);
      }
    }
    if (weak.length() > 0) {
      warnings.add("the data give little support to required edge(s) " + weak
          + "; kept because the knowledge requires them");
    }
    return new Estimate(b, warnings);
  }

  private static int[] select(int[] s, boolean[] keep) {
    int k = 0;
    int[] out = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      if (keep[i]) {
        out[k++] = s[i];
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * Adaptive lasso (Zou 2006) with BIC, as the {@code lingam} package's {@code
   * predict_adaptive_lasso}: weights {@code |β_OLS|} (γ = 1), the lasso path over the weighted,
   * standardised predictors, and the point on it with the lowest {@code RSS/σ̂² + log(n)·df},
   * where {@code σ̂² = RSS_OLS/(n − q − 1)} and {@code df} counts the non-zero coefficients (Zou,
   * Hastie &amp; Tibshirani 2007): scikit-learn's {@code LassoLarsIC}, which the package calls.
   * The criterion is evaluated at the knots of the LARS–lasso path ({@link LassoPath}), from the
   * empty model to least squares, as there. Required parents are in the model throughout,
   * unpenalised.
   */
  private static boolean[] adaptiveLasso(double[][] corr, int[] s, int t, Fit full,
      boolean[] required, int n) {
    int q = s.length;
    double[] w = new double[q];
    for (int i = 0; i < q; i++) {
      w[i] = required[i] ? 1 : Math.abs(full.beta[i]);
    }
    // Gram matrix and correlations of the reweighted predictors x_i·w_i with the target.
    double[][] g = new double[q][q];
    double[] c = new double[q];
    for (int i = 0; i < q; i++) {
      c[i] = w[i] * corr[s[i]][t];
      for (int j = 0; j < q; j++) {
        g[i][j] = w[i] * w[j] * corr[s[i]][s[j]];
      }
    }
    double scale = (n - q - 1) / full.rss;
    double logN = StrictMath.log(n);
    boolean[] best = null;
    double bestCriterion = Double.POSITIVE_INFINITY;
    // Knots run from the sparsest model to least squares; on a tie the sparser wins, as argmin.
    for (LassoPath.Knot knot : LassoPath.of(g, c, required)) {
      double value = criterion(knot.theta(), c, LassoPath.residualCorrelation(g, c, knot.theta()),
          scale, logN);
      if (value < bestCriterion) {
        bestCriterion = value;
        best = nonZero(knot.theta());
      }
    }
    return best;
  }

  /** {@code RSS/σ̂² + log(n)·df} up to a constant, with RSS/n = 1 − θ'c − θ'ĉ. */
  private static double criterion(double[] theta, double[] c, double[] chat, double scale,
      double logN) {
    double rss = 1;
    int df = 0;
    for (int i = 0; i < theta.length; i++) {
      rss -= theta[i] * (c[i] + chat[i]);
      if (theta[i] != 0) {
        df++;
      }
    }
    return rss * scale + logN * df;
  }

  private static boolean[] nonZero(double[] v) {
    boolean[] out = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] != 0;
    }
    return out;
  }

  /** A least-squares fit of standardised {@code t} on standardised {@code s}. */
  static final class Fit {
    final double[] beta;
    /** Residual sum of squares divided by n (the target has variance 1). */
    final double rss;
    final double[] inverseDiagonal;
    final int n;

    private Fit(double[] beta, double rss, double[] inverseDiagonal, int n) {
      this.beta = beta;
      this.rss = rss;
      this.inverseDiagonal = inverseDiagonal;
      this.n = n;
    }

    static Fit of(double[][] corr, int[] s, int t, int n) {
      int q = s.length;
      DMatrixRMaj g = new DMatrixRMaj(q, q);
      DMatrixRMaj c = new DMatrixRMaj(q, 1);
      for (int i = 0; i < q; i++) {
        c.set(i, 0, corr[s[i]][t]);
        for (int j = 0; j < q; j++) {
          g.set(i, j, corr[s[i]][s[j]]);
        }
      }
      DMatrixRMaj inverse = new DMatrixRMaj(q, q);
      if (!CommonOps_DDRM.invertSPD(g, inverse)) {
        // The collinearity check up front makes this unreachable for data that passed it.
        throw new IllegalStateException("singular correlation matrix among predictors");
      }
      DMatrixRMaj beta = new DMatrixRMaj(q, 1);
      CommonOps_DDRM.mult(inverse, c, beta);
      double rss = 1;
      double[] b = new double[q];
      double[] diag = new double[q];
      for (int i = 0; i < q; i++) {
        b[i] = beta.get(i, 0);
        rss -= b[i] * c.get(i, 0);
        diag[i] = inverse.get(i, i);
      }
      return new Fit(b, Math.max(rss, 1e-300), diag, n);
    }

    /** Two-sided Wald p-value of coefficient {@code i}. */
    double pValue(int i) {
      int df = n - beta.length - 1;
      double se = Math.sqrt(rss / df * inverseDiagonal[i]);
      double t = Math.abs(beta[i]) / se;
      return 2 * TDistribution.of(df).survivalProbability(t);
    }

    boolean[] significant(double alpha, boolean[] required) {
      boolean[] keep = new boolean[beta.length];
      for (int i = 0; i < beta.length; i++) {
        keep[i] = required[i] || pValue(i) <= alpha;
      }
      return keep;
    }
  }
}
