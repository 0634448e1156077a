package dev.causal4j.independence;

import dev.causal4j.InvalidInputException;
import dev.causal4j.stats.ConditionalCovariance;
import dev.causal4j.stats.CovarianceStatistics;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Fisher's Z test of a vanishing partial correlation (Fisher 1924), the standard conditional
 * independence test for linear-Gaussian data (Spirtes, Glymour &amp; Scheines 2000; Kalisch &amp;
 * Bühlmann 2007).
 *
 * <p>The partial correlation {@code r} of x and y given z is read off the covariance of (x, y)
 * conditional on z, computed from the covariance submatrix by a Cholesky factorisation of {@code
 * S_zz} ({@link ConditionalCovariance}); no rows are touched. The statistic is {@code √(n − |z| −
 * 3) · atanh(r)}, standard normal under independence; the p-value is two-sided.
 *
 * <p><b>Assumptions.</b> The variables are jointly Gaussian (or at least linearly related, with
 * the test then only detecting linear dependence); rows are independent and identically
 * distributed; {@code n ≥ |z| + 4}. Under test-wise deletion ({@link
 * dev.causal4j.stats.TestwiseCovariance}) {@code n} is the number of rows complete in x, y and z,
 * and the missingness is assumed ignorable (missing completely at random, or at random given
 * variables not in the test).
 *
 * <p>Thread-safe; per-thread scratch space, no allocation per test.
 */
public final class FisherZTest implements IndependenceTest {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private final CovarianceStatistics cov;
  private final List<String> names;
  private final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(Workspace::new);

  /**
   * A Fisher Z test on the given covariances.
   *
   * @throws InvalidInputException if a variable is constant
   */
  public FisherZTest(CovarianceStatistics cov) {
    this.cov = cov;
    this.names = cov.variables();
    for (int j = 0; j < names.size(); j++) {
      double v = cov.variance(j);
      if (!(v > 0)) {
        throw new InvalidInputException(
            "column '" + names.get(j) + "'" + Questions.in(cov.source())
                + (Double.isNaN(v) ? " has fewer than two values" : " is constant")
                + ", so it carries no information for a correlation test; drop the column");
      }
    }
  }

  @Override
  public List<String> variables() {
    return names;
  }

  /** The covariances this test reads. */
  public CovarianceStatistics covariances() {
    return cov;
  }

  @Override
  public TestResult test(int x, int y, int[] z) {
    Questions.check(names, x, y, z);
    Workspace w = workspace.get();
    int k = z.length + 2;
    w.ensure(k);
    w.vars[0] = x;
    w.vars[1] = y;
    System.arraycopy(z, 0, w.vars, 2, z.length);
    int n = cov.covariance(w.vars, k, w.s);
    int dof = n - z.length - 3;
    if (dof < 1) {
      throw new InvalidInputException(
          "Fisher Z given " + z.length + " variable(s) needs at least " + (z.length + 4)
              + " rows" + (n < cov.sampleSize() ? " complete in the tested variables" : "")
              + Questions.in(cov.source()) + ", but has " + n
              + "; use a smaller conditioning set or more data");
    }
    int bad = ConditionalCovariance.compute(w.s, k, 2, w.out, w.work);
    if (bad >= 0) {
      throw singular(w.vars, k, bad);
    }
    double r = w.out[1] / Math.sqrt(w.out[0] * w.out[3]);
    // Rounding can push |r| a hair past 1 for nearly deterministic relations.
    r = Math.max(-1 + 1e-15, Math.min(1 - 1e-15, r));
    double fisherZ = 0.5 * Math.log1p(2 * r / (1 - r));
    double statistic = Math.sqrt(dof) * fisherZ;
    double p = Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(statistic)));
    return new TestResult(statistic, p, Double.NaN, n);
  }

  private InvalidInputException singular(int[] vars, int k, int bad) {
    String what;
    if (bad >= 2) {
      what = bad == 2
          ? "'" + names.get(vars[2]) + "' is constant on the rows used"
          : "'" + names.get(vars[bad]) + "' is a linear combination of "
              + Questions.quoted(names, vars, 2, bad);
    } else {
      what = "'" + names.get(vars[bad]) + "' is a linear combination of "
          + Questions.quoted(names, vars, 2, k);
    }
    return new InvalidInputException(
        "singular covariance" + Questions.in(cov.source()) + ": " + what
            + " (collinear columns); drop one of them");
  }

  private static final class Workspace {
    int[] vars = new int[0];
    double[] s = new double[0];
    double[] out = new double[4];
    double[] work = new double[0];

    void ensure(int k) {
      if (vars.length < k) {
        int cap = Math.max(k, 8);
        vars = new int[cap];
        s = new double[cap * cap];
        work = new double[cap * cap + 2 * cap];
      }
    }
  }
}
