package dev.causal4j.discovery.lingam;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.knowledge.BoundKnowledge;
import java.util.ArrayList;
import java.util.List;
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
      s = java.util.Arrays.copyOf(s, q);
      required = java.util.Arrays.copyOf(required, q);
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
                java.util.Locale.ROOT, "%s --> %s (strength %.3g, Wald p = %.2g)",
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
    return java.util.Arrays.copyOf(out, k);
  }

  /**
   * Adaptive lasso (Zou 2006) with BIC, as the {@code lingam} package's {@code
   * predict_adaptive_lasso}: weights {@code |β_OLS|} (γ = 1), the lasso path over the weighted,
   * standardised predictors, and the point on it with the lowest {@code RSS/σ̂² + log(n)·df},
   * where {@code σ̂² = RSS_OLS/(n − q − 1)} and {@code df} counts the non-zero coefficients (Zou,
   * Hastie &amp; Tibshirani 2007): scikit-learn's {@code LassoLarsIC}, which the package calls.
   * The path is the LARS–lasso homotopy (Efron, Hastie, Johnstone &amp; Tibshirani 2004, §3.1) on
   * the Gram matrix, and the criterion is evaluated at its knots, from the empty model to least
   * squares, as there. Required parents are in the model throughout, unpenalised.
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
    double[] theta = new double[q];
    double[] sign = new double[q];
    boolean[] active = new boolean[q];
    // A predictor that is (up to rounding) a combination of the active ones cannot enter.
    boolean[] excluded = new boolean[q];
    ActiveCholesky chol = new ActiveCholesky(g);
    for (int i = 0; i < q; i++) {
      if (required[i] && chol.add(i)) {
        active[i] = true;
      }
    }
    if (chol.size > 0) {
      double[] rhs = new double[chol.size];
      for (int k = 0; k < chol.size; k++) {
        rhs[k] = c[chol.members[k]];
      }
      double[] x = chol.solve(rhs);
      for (int k = 0; k < chol.size; k++) {
        theta[chol.members[k]] = x[k];
      }
    }
    double[] chat = residualCorrelation(g, c, theta);
    double lambda = 0;
    int entering = -1;
    for (int i = 0; i < q; i++) {
      if (!active[i] && g[i][i] > 0 && Math.abs(chat[i]) > lambda) {
        lambda = Math.abs(chat[i]);
        entering = i;
      }
    }
    boolean[] best = nonZero(theta);
    double bestCriterion = criterion(theta, c, chat, scale, logN);
    int maxSteps = 8 * q + 8;
    int dropped = -1; // sits on the boundary right after leaving; may not re-enter at once
    for (int step = 0; step < maxSteps && entering >= 0; step++) {
      if (entering < q) {
        if (chol.add(entering)) {
          active[entering] = true;
          sign[entering] = Math.signum(chat[entering]);
        } else {
          excluded[entering] = true;
        }
      }
      int[] a = java.util.Arrays.copyOf(chol.members, chol.size);
      double[] rhs = new double[a.length];
      for (int k = 0; k < a.length; k++) {
        rhs[k] = sign[a[k]];
      }
      double[] d = chol.solve(rhs);
      // a_j = G_jA d: how fast each inactive correlation moves as λ falls.
      double gamma = lambda;
      int event = -1;
      boolean drop = false;
      for (int j = 0; j < q; j++) {
        if (active[j] || excluded[j] || g[j][j] <= 0 || j == dropped) {
          continue;
        }
        double aj = 0;
        for (int k = 0; k < a.length; k++) {
          aj += g[j][a[k]] * d[k];
        }
        double step1 = 1 - aj > 0 ? (lambda - chat[j]) / (1 - aj) : Double.POSITIVE_INFINITY;
        double step2 = 1 + aj > 0 ? (lambda + chat[j]) / (1 + aj) : Double.POSITIVE_INFINITY;
        double gj = Math.max(0, Math.min(step1, step2));
        if (gj < gamma) {
          gamma = gj;
          event = j;
        }
      }
      for (int k = 0; k < a.length; k++) {
        int j = a[k];
        if (!required[j] && d[k] != 0) {
          double gj = -theta[j] / d[k];
          if (gj > 0 && gj < gamma) {
            gamma = gj;
            event = j;
            drop = true;
          }
        }
      }
      for (int k = 0; k < a.length; k++) {
        theta[a[k]] += gamma * d[k];
      }
      lambda -= gamma;
      if (drop) {
        theta[event] = 0;
        active[event] = false;
        chol.remove(event);
      }
      chat = residualCorrelation(g, c, theta);
      double value = criterion(theta, c, chat, scale, logN);
      if (value < bestCriterion) {
        bestCriterion = value;
        best = nonZero(theta);
      }
      if (event < 0 || lambda <= 0) {
        break;
      }
      entering = drop ? q : event; // q: nothing enters at a drop
      dropped = drop ? event : -1;
    }
    return best;
  }

  /**
   * The Cholesky factor of the active predictors' Gram matrix, grown by one row as a predictor
   * enters the lasso path (Efron et al. 2004, §7) so each step costs O(k²) rather than a fresh
   * O(k³) factorisation; EJML has no such update. A predictor leaving (rare) rebuilds it.
   */
  private static final class ActiveCholesky {
    private final double[][] g;
    final int[] members;
    int size;
    private final double[][] l;

    ActiveCholesky(double[][] g) {
      this.g = g;
      this.members = new int[g.length];
      this.l = new double[g.length][g.length];
    }

    /** Adds predictor {@code j}; false (and nothing changes) if it is collinear with them. */
    boolean add(int j) {
      int k = size;
      double[] row = l[k];
      double diag = g[j][j];
      for (int r = 0; r < k; r++) {
        double v = g[members[r]][j];
        for (int c = 0; c < r; c++) {
          v -= l[r][c] * row[c];
        }
        row[r] = v / l[r][r];
        diag -= row[r] * row[r];
      }
      if (!(diag > 1e-12 * g[j][j])) {
        return false;
      }
      row[k] = Math.sqrt(diag);
      members[k] = j;
      size++;
      return true;
    }

    void remove(int j) {
      int[] keep = new int[size - 1];
      int k = 0;
      for (int r = 0; r < size; r++) {
        if (members[r] != j) {
          keep[k++] = members[r];
        }
      }
      size = 0;
      for (int m : keep) {
        add(m);
      }
    }

    /** Solves {@code G_AA x = rhs}, both indexed by position in {@link #members}. */
    double[] solve(double[] rhs) {
      int k = size;
      double[] y = new double[k];
      for (int r = 0; r < k; r++) {
        double v = rhs[r];
        for (int c = 0; c < r; c++) {
          v -= l[r][c] * y[c];
        }
        y[r] = v / l[r][r];
      }
      for (int r = k - 1; r >= 0; r--) {
        double v = y[r];
        for (int c = r + 1; c < k; c++) {
          v -= l[c][r] * y[c];
        }
        y[r] = v / l[r][r];
      }
      return y;
    }
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

  private static double[] residualCorrelation(double[][] g, double[] c, double[] theta) {
    int q = c.length;
    double[] chat = c.clone();
    for (int j = 0; j < q; j++) {
      if (theta[j] != 0) {
        for (int i = 0; i < q; i++) {
          chat[i] -= g[i][j] * theta[j];
        }
      }
    }
    return chat;
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
