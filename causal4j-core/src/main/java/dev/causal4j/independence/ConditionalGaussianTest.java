package dev.causal4j.independence;

import dev.causal4j.data.Dataset;
import dev.causal4j.stats.ConditionalGaussianLikelihood;
import dev.causal4j.stats.ConditionalGaussianLikelihood.Fit;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The conditional-Gaussian likelihood-ratio test for mixed continuous and discrete data (Andrews,
 * Ramsey &amp; Cooper 2018, the test behind their CG score; Tetrad's "CG-LRT").
 *
 * <p>The statistic compares the CG model of x given y and z with that of x given z alone: {@code
 * 2[ℓ(x | y, z) − ℓ(x | z)] = 2[ℓ(x,y,z) − ℓ(y,z) − ℓ(x,z) + ℓ(z)]}, written with joint
 * likelihoods ({@link ConditionalGaussianLikelihood}), so it is symmetric in x and y and handles
 * every mix of types (a discrete x with continuous y, say). It is referred to a χ² distribution
 * whose degrees of freedom are the matching difference of parameter counts; when that difference
 * is not positive (possible because empty cells carry no parameters) one degree is used, as Tetrad
 * does.
 *
 * <p><b>Assumptions.</b> The CG model holds: within each configuration of the discrete variables
 * the continuous ones are jointly Gaussian, with the configuration's own mean and covariance; rows
 * are i.i.d.; the χ² reference is asymptotic, so cells with few rows make it approximate. Rows with
 * a missing value in x, y or z are left out (test-wise deletion). Reads rows: {@code O(n·k²)} per
 * test.
 *
 * <p>Thread-safe.
 */
public final class ConditionalGaussianTest implements IndependenceTest {
  private final ConditionalGaussianLikelihood likelihood;

  public ConditionalGaussianTest(Dataset data) {
    this(ConditionalGaussianLikelihood.of(data));
  }

  public ConditionalGaussianTest(ConditionalGaussianLikelihood likelihood) {
    this.likelihood = likelihood;
  }

  @Override
  public List<String> variables() {
    return likelihood.variables();
  }

  @Override
  public TestResult test(int x, int y, int[] z) {
    Questions.check(likelihood.variables(), x, y, z);
    int k = z.length;
    int[] xyz = new int[k + 2];
    int[] xz = new int[k + 1];
    int[] yz = new int[k + 1];
    xyz[0] = x;
    xyz[1] = y;
    xz[0] = x;
    yz[0] = y;
    System.arraycopy(z, 0, xyz, 2, k);
    System.arraycopy(z, 0, xz, 1, k);
    System.arraycopy(z, 0, yz, 1, k);
    int[] rows = new int[likelihood.sampleSize()];
    int m = likelihood.completeRows(xyz, k + 2, rows);
    if (m == 0) {
      return new TestResult(0, 1, 0, 0);
    }
    Fit full = likelihood.joint(xyz, k + 2, rows, m);
    Fit withoutX = likelihood.joint(yz, k + 1, rows, m);
    Fit withoutY = likelihood.joint(xz, k + 1, rows, m);
    Fit given = likelihood.joint(z, k, rows, m);
    double lr = full.logLikelihood() - withoutX.logLikelihood() - withoutY.logLikelihood()
        + given.logLikelihood();
    double dof = full.degreesOfFreedom() - withoutX.degreesOfFreedom()
        - withoutY.degreesOfFreedom() + given.degreesOfFreedom();
    if (dof < 1) {
      dof = 1;
    }
    double statistic = Math.max(0, 2 * lr);
    double p = ChiSquaredDistribution.of(dof).survivalProbability(statistic);
    return new TestResult(statistic, p, dof, m);
  }
}
