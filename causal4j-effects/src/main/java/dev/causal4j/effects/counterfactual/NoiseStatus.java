package dev.causal4j.effects.counterfactual;

/** What abduction could learn about one node's exogenous noise from the observed unit. */
public enum NoiseStatus {
  /**
   * Additive noise, recovered exactly (given the model) as the observed value minus its
   * mechanism's prediction from the observed parents.
   */
  RECOVERED,
  /**
   * A discrete node: one observation shows the response at the observed parents only, so the
   * noise is not identifiable; counterfactuals at other parent values are drawn from the
   * posterior allowed by the {@link DiscreteCoupling}.
   */
  NOT_IDENTIFIABLE,
  /** The node's equation was replaced by a hard or stochastic intervention: its noise is unused. */
  NOT_NEEDED
}
