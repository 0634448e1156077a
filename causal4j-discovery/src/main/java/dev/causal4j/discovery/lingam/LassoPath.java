package dev.causal4j.discovery.lingam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lasso path by the LARS–lasso homotopy (Efron, Hastie, Johnstone &amp; Tibshirani 2004,
 * "Least angle regression", Ann. Statist. 32(2), §3.1 and the lasso modification of §3.1): the
 * solutions of {@code min ½θ'Gθ − c'θ + λ Σ_penalised |θ_i|} for every {@code λ ≥ 0}, which are
 * piecewise linear in {@code λ}; the knots are where a predictor enters or leaves the active set.
 * Works on the Gram matrix {@code G} and correlations {@code c} (sufficient statistics), so its
 * cost does not depend on the number of rows.
 *
 * <p>Between knots the active coefficients move along {@code G_AA d = s_A} ({@code s}: the signs
 * of the active correlations; 0 for unpenalised predictors, which are active throughout); the
 * next knot is the first λ at which an inactive correlation reaches {@code ±λ} or an active
 * coefficient reaches zero. A predictor that just left sits on the boundary, so for it only a
 * later crossing counts.
 */
final class LassoPath {
  /** A knot: the penalty and the solution there. */
  record Knot(double lambda, double[] theta) {}

  private LassoPath() {}

  /**
   * The knots from the largest useful penalty (only unpenalised predictors non-zero) down to
   * {@code λ = 0} (least squares on every predictor that could enter).
   */
  static List<Knot> of(double[][] g, double[] c, boolean[] unpenalised) {
    int q = c.length;
    List<Knot> knots = new ArrayList<>();
    double[] theta = new double[q];
    double[] sign = new double[q];
    boolean[] active = new boolean[q];
    // A predictor that is (up to rounding) a combination of the active ones cannot enter.
    boolean[] excluded = new boolean[q];
    ActiveCholesky chol = new ActiveCholesky(g);
    for (int i = 0; i < q; i++) {
      if (unpenalised[i] && chol.add(i)) {
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
    knots.add(new Knot(lambda, theta.clone()));
    int maxSteps = 8 * q + 8;
    int dropped = -1; // the predictor that left at the last knot, if one did
    for (int step = 0; step < maxSteps && entering >= 0; step++) {
      if (entering < q) {
        if (chol.add(entering)) {
          active[entering] = true;
          sign[entering] = Math.signum(chat[entering]);
        } else {
          excluded[entering] = true;
        }
      }
      int[] a = Arrays.copyOf(chol.members, chol.size);
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
        if (active[j] || excluded[j] || g[j][j] <= 0) {
          continue;
        }
        double aj = 0;
        for (int k = 0; k < a.length; k++) {
          aj += g[j][a[k]] * d[k];
        }
        double step1 = 1 - aj > 0 ? (lambda - chat[j]) / (1 - aj) : Double.POSITIVE_INFINITY;
        double step2 = 1 + aj > 0 ? (lambda + chat[j]) / (1 + aj) : Double.POSITIVE_INFINITY;
        if (j == dropped) {
          // It sits on the boundary it just left: only a later crossing counts.
          double tiny = 1e-12 * lambda;
          step1 = step1 > tiny ? step1 : Double.POSITIVE_INFINITY;
          step2 = step2 > tiny ? step2 : Double.POSITIVE_INFINITY;
        }
        double gj = Math.max(0, Math.min(step1, step2));
        if (gj < gamma) {
          gamma = gj;
          event = j;
        }
      }
      for (int k = 0; k < a.length; k++) {
        int j = a[k];
        if (!unpenalised[j] && d[k] != 0) {
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
      lambda = event < 0 ? 0 : lambda - gamma;
      if (drop) {
        theta[event] = 0;
        active[event] = false;
        chol.remove(event);
      }
      chat = residualCorrelation(g, c, theta);
      knots.add(new Knot(lambda, theta.clone()));
      if (event < 0) {
        break;
      }
      entering = drop ? q : event; // q: nothing enters at a drop
      dropped = drop ? event : -1;
    }
    return knots;
  }

  /** {@code c − Gθ}. */
  static double[] residualCorrelation(double[][] g, double[] c, double[] theta) {
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

  /**
   * The Cholesky factor of the active predictors' Gram matrix, grown by one row as a predictor
   * enters (Efron et al. 2004, §7), so each step costs O(k²) rather than a fresh O(k³)
   * factorisation; EJML has no such update. A predictor leaving (rare) rebuilds it.
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
}
