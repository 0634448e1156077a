/**
 * Sufficient statistics: what tests and scores need from the data, computed once.
 *
 * <ul>
 *   <li>{@link dev.causal4j.stats.CovarianceMatrix}: covariance, means and n of continuous data
 *       (two-pass, blocked, multi-threaded, deterministic), mergeable from partial summaries;
 *       {@link dev.causal4j.stats.TestwiseCovariance} computes each subset's covariance from the
 *       rows complete in it. Both are {@link dev.causal4j.stats.CovarianceStatistics}.
 *   <li>{@link dev.causal4j.stats.ContingencyTables} with one {@link
 *       dev.causal4j.stats.StratifiedCounts} workspace per thread: contingency tables of discrete
 *       data, counted on demand.
 *   <li>{@link dev.causal4j.stats.ConditionalGaussianLikelihood}: conditional-Gaussian
 *       likelihoods of mixed data (rows needed).
 *   <li>{@link dev.causal4j.stats.ConditionalCovariance}: the small Cholesky kernel behind Fisher
 *       Z and linear BIC.
 * </ul>
 */
package dev.causal4j.stats;
