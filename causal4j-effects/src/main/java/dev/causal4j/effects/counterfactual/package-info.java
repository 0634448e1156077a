/**
 * Counterfactuals for observed units by abduction, action and prediction ({@link
 * dev.causal4j.effects.counterfactual.Counterfactuals}): exact points where additive noise is
 * recovered, Monte-Carlo distributions where it is not (discrete nodes, under a stated {@link
 * dev.causal4j.effects.counterfactual.DiscreteCoupling}), each node's {@link
 * dev.causal4j.effects.counterfactual.NoiseStatus} reported.
 */
package dev.causal4j.effects.counterfactual;
