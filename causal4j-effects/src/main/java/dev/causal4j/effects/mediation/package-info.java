/**
 * Natural direct and indirect effects (Pearl 2001; VanderWeele 2015): {@link
 * dev.causal4j.effects.mediation.LinearMediation} (product of coefficients, delta-method standard
 * errors) and {@link dev.causal4j.effects.mediation.GComputationMediation} (the mediation formula
 * on a fitted structural causal model, bootstrap intervals), with the identification assumptions
 * checked against a DAG where one is given ({@link dev.causal4j.effects.mediation.AssumptionCheck}).
 */
package dev.causal4j.effects.mediation;
