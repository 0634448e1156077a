/**
 * LiNGAM: causal discovery for linear acyclic models with independent non-Gaussian noise, where
 * the full DAG (not only its equivalence class) and the connection strengths are identified.
 *
 * <ul>
 *   <li>{@link dev.causal4j.discovery.lingam.DirectLingam} (Shimizu et al. 2011): the causal
 *       order by repeatedly picking the most exogenous variable with the pairwise likelihood
 *       ratio of Hyvärinen &amp; Smith (2013); deterministic, no tuning.
 *   <li>{@link dev.causal4j.discovery.lingam.IcaLingam} (Shimizu et al. 2006): the order from
 *       the FastICA unmixing matrix; seeded.
 *   <li>{@link dev.causal4j.discovery.lingam.Pruning}: the shared last step, adaptive lasso with
 *       BIC (default) or Wald tests, then least squares on the kept parents.
 *   <li>{@link dev.causal4j.discovery.lingam.LingamResult}: the DAG with its statistics and
 *       warnings, the causal order and the strength matrix.
 * </ul>
 *
 * <p>Both take a {@link dev.causal4j.data.Dataset} of continuous, complete columns and honour
 * {@link dev.causal4j.knowledge.Knowledge}: tiers and required edges shape the order, forbidden
 * edges are never estimated, required edges are always kept.
 */
package dev.causal4j.discovery.lingam;
