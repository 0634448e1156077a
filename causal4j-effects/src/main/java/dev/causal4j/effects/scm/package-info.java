/**
 * Structural causal models (Pearl 2009, <i>Causality</i>, ch. 7): a DAG over observed variables
 * with one {@link dev.causal4j.effects.scm.Mechanism} per node and independent exogenous noises.
 *
 * <ul>
 *   <li>{@link dev.causal4j.effects.scm.StructuralCausalModel#fit} estimates the mechanisms from a
 *       dataset: linear (least squares, Gaussian or empirical noise), a learned regression with
 *       its out-of-fold residuals ({@link dev.causal4j.effects.scm.RegressionLearner}), a smoothed
 *       {@link dev.causal4j.effects.scm.ConditionalTable} or a learned classifier; {@link
 *       dev.causal4j.effects.scm.StructuralCausalModel#of} builds one from given mechanisms.
 *   <li>Sampling is ancestral and seeded per node, so interventions compared on the same seed use
 *       common random numbers: {@link dev.causal4j.effects.scm.StructuralCausalModel#compare}.
 *   <li>{@link dev.causal4j.effects.scm.Intervention}s: hard, shift, stochastic and per-sample,
 *       on any set of nodes; {@link dev.causal4j.effects.scm.StructuralCausalModel#solve} computes
 *       every node from given {@link dev.causal4j.effects.scm.ExogenousNoise}, which is how the
 *       {@code counterfactual} and {@code mediation} packages build their worlds.
 * </ul>
 */
package dev.causal4j.effects.scm;
