package dev.causal4j.score;

import dev.causal4j.InvalidInputException;
import dev.causal4j.stats.ConditionalCovariance;
import dev.causal4j.stats.CovarianceStatistics;
import java.util.List;

/**
 * The Bayesian information criterion of a linear-Gaussian structural equation model (Schwarz
 * 1978), in Tetrad's SEM-BIC form with a penalty discount {@code c} (Ramsey et al. 2017): for a
 * node with parents {@code Pa},
 *
 * <pre>  score = 2·ℓ − c·k·ln n,   ℓ = −(n/2)(ln(2π σ̂²) + 1),   k = |Pa| + 1,</pre>
 *
 * where {@code σ̂²} is the maximum-likelihood residual variance of the node's regression on its
 * parents (with intercept), computed from the covariance alone as {@code (n − 1)/n · (S_yy −
 * S_yP S_PP⁻¹ S_Py)}. {@code k} counts the coefficients and the error variance (the intercept is
 * the same in every model and left out). Higher is better; {@code c = 1} is the classical BIC and
 * larger values give sparser graphs. Markov-equivalent DAGs get equal totals (score equivalence).
 *
 * <p><b>Assumptions.</b> Linear relations with Gaussian errors; i.i.d. rows. Under test-wise
 * deletion ({@link dev.causal4j.stats.TestwiseCovariance}) {@code n} is the number of rows
 * complete in the family, and scores of families with different {@code n} are not strictly
 * comparable.
 *
 * <p>Thread-safe; per-thread scratch space.
 */
public final class LinearGaussianBicScore implements Score {
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final CovarianceStatistics cov;
  private final double penaltyDiscount;
  private final List<String> names;
  private final ThreadLocal<Workspace> scratch = ThreadLocal.withInitial(Workspace::new);

  /**
   * @param penaltyDiscount {@code c > 0}; 1 is the classical BIC
   * @throws InvalidInputException if a variable is constant or {@code c} is not positive
   */
  public LinearGaussianBicScore(CovarianceStatistics cov, double penaltyDiscount) {
    if (!(penaltyDiscount > 0) || Double.isInfinite(penaltyDiscount)) {
      throw new InvalidInputException(
          "the penalty discount must be a positive number, not " + penaltyDiscount);
    }
    this.cov = cov;
    this.penaltyDiscount = penaltyDiscount;
    this.names = cov.variables();
    for (int j = 0; j < names.size(); j++) {
      if (!(cov.variance(j) > 0)) {
        throw new InvalidInputException(
            "column '" + names.get(j) + "'" + Families.in(cov.source())
                + " is constant, so it has no Gaussian likelihood; drop the column");
      }
    }
  }

  /** The classical BIC ({@code c = 1}). */
  public LinearGaussianBicScore(CovarianceStatistics cov) {
    this(cov, 1.0);
  }

  public double penaltyDiscount() {
    return penaltyDiscount;
  }

  @Override
  public List<String> variables() {
    return names;
  }

  @Override
  public double localScore(int node, int[] parents) {
    Families.check(names, node, parents);
    int k = parents.length + 1;
    Workspace w = scratch.get();
    w.ensure(k);
    int[] vars = w.vars;
    vars[0] = node;
    System.arraycopy(parents, 0, vars, 1, parents.length);
    double[] s = w.s;
    int n = cov.covariance(vars, k, s);
    if (n < k + 1) {
      throw new InvalidInputException(
          "a BIC score of '" + names.get(node) + "' with " + parents.length + " parent(s) needs at"
              + " least " + (k + 1) + " rows" + Families.in(cov.source()) + ", but has " + n);
    }
    int bad = ConditionalCovariance.compute(s, k, 1, w.out, w.work);
    if (bad >= 0) {
      String what = bad == 0
          ? "'" + names.get(node) + "' is a linear combination of its parents "
          : "'" + names.get(vars[bad]) + "' is a linear combination of ";
      int to = bad == 0 ? k : bad;
      StringBuilder list = new StringBuilder();
      for (int q = 1; q < to; q++) {
        list.append(q > 1 ? ", " : "").append('\'').append(names.get(vars[q])).append('\'');
      }
      throw new InvalidInputException(
          "singular covariance" + Families.in(cov.source()) + ": " + what + list
              + " (collinear columns); drop one of them");
    }
    double sigma2 = w.out[0] * (n - 1) / n;
    double logLik = -0.5 * n * (LOG_2PI + Math.log(sigma2) + 1);
    return 2 * logLik - penaltyDiscount * k * Math.log(n);
  }

  private static final class Workspace {
    int[] vars = new int[0];
    double[] s = new double[0];
    double[] work = new double[0];
    final double[] out = new double[1];

    void ensure(int k) {
      if (vars.length < k) {
        int cap = Math.max(k, 8);
        vars = new int[cap];
        s = new double[cap * cap];
        work = new double[cap * cap];
      }
    }
  }
}
