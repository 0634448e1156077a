/**
 * Probabilities of causation for a binary treatment and outcome: Tian &amp; Pearl's (2000) bounds
 * on PN, PS and PNS from observational data, experimental data or both, under exogeneity and
 * monotonicity where assumed ({@link dev.causal4j.effects.bounds.ProbabilitiesOfCausation}).
 */
package dev.causal4j.effects.bounds;
