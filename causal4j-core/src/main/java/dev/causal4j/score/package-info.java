/**
 * Decomposable scores of DAGs: {@link dev.causal4j.score.LinearGaussianBicScore} (from a
 * covariance), {@link dev.causal4j.score.BdeuScore} (from contingency tables), {@link
 * dev.causal4j.score.ConditionalGaussianBicScore} (mixed data), and {@link
 * dev.causal4j.score.CachedScore}, a cache of local scores shared by a search's threads.
 */
package dev.causal4j.score;
