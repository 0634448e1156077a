package dev.causal4j.stats;

/**
 * Covariances of continuous variables, the sufficient statistics of linear-Gaussian methods
 * (Fisher Z, linear BIC). Two kinds: a {@link CovarianceMatrix} computed once from complete data
 * (every subset is read from it, and every subset has the same sample size), and a {@link
 * TestwiseCovariance} that computes each subset's covariance from the rows complete in that
 * subset (test-wise deletion; slower, but correct when values are missing).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface CovarianceStatistics extends SufficientStatistics {

  /**
   * Writes the {@code k × k} sample covariance (divisor {@code rows − 1}) of the variables {@code
   * vars[0..k-1]} into {@code out}, row-major, and returns the number of rows it was computed
   * from. Indices may repeat; {@code out} must hold at least {@code k·k} values.
   */
  int covariance(int[] vars, int k, double[] out);

  /** The variance of one variable over all the rows where it is present. */
  double variance(int var);

  /** Where the data came from (a file), for messages; empty when unknown. */
  String source();
}
