package dev.causal4j.effects.counterfactual;

/**
 * What is assumed about a discrete node's responses at parent values the unit was not observed
 * at. Data (observational or experimental) never determine it: one unit shows its response only
 * at its observed parents, and the population only the marginal law of each response. Every
 * choice here is therefore an assumption, stated with each answer.
 */
public enum DiscreteCoupling {
  /**
   * The response at other parent values is drawn from {@code P(node | those parents)},
   * independently of the observed response: the unit's observation tells nothing about how it
   * would respond elsewhere. The counterfactual distribution then equals the interventional
   * conditional at the counterfactual parents.
   */
  INDEPENDENT,
  /**
   * Responses are rank-preserving (comonotone): the node is {@code F⁻¹(U | parents)} with one
   * uniform {@code U} and {@code F} in level order, and {@code U} is drawn from the interval
   * consistent with the observation. For a binary node this is monotonicity (no unit responds
   * against the direction of the average effect), the assumption under which Tian &amp; Pearl
   * (2000) identify the probability of necessity. Meaningful for ordinal and binary nodes; for
   * unordered levels it depends on the level order.
   */
  MONOTONE
}
