package dev.causal4j.bench.simulate;

/** How each variable is generated from its parents in a simulation. */
public enum Mechanism {
  /** {@code X = Σ w·parent + e}, Gaussian noise. */
  LINEAR_GAUSSIAN,
  /** {@code X = Σ w·parent + e}, non-Gaussian noise ({@link NoiseDistribution}), as LiNGAM assumes. */
  LINEAR_NON_GAUSSIAN,
  /**
   * {@code X = Σ f(parent) + e}, an additive noise model with a random smooth {@code f} per edge:
   * {@code f(x) = w·h(a·z)} where {@code z} is the parent standardized by its sample mean and
   * standard deviation, {@code h} is {@code tanh}, {@code sin} or {@code z² − 1} (chosen uniformly
   * per edge), {@code a} is uniform in [0.5, 1.5] and {@code w} is an edge weight.
   */
  NONLINEAR_ADDITIVE,
  /**
   * Every variable discrete with {@code levels} levels; each row of each conditional probability
   * table is drawn from a symmetric Dirichlet({@code α}).
   */
  DISCRETE_DIRICHLET,
  /**
   * Conditional Gaussian: each variable discrete with probability {@code discreteFraction}, else
   * continuous. A continuous variable is linear in its continuous parents with an intercept and
   * weights drawn anew for each configuration of its discrete parents. A discrete variable follows
   * a multinomial logit: {@code P(X = l) ∝ exp(log π_l(c) + Σ β_{l,i} z_i)} where {@code π(c)} is a
   * Dirichlet CPT row for the configuration {@code c} of its discrete parents, {@code z_i} are its
   * continuous parents standardized, and {@code β_{l,i}} are edge weights ({@code β_{0,i} = 0}).
   */
  MIXED_CONDITIONAL_GAUSSIAN;

  /** True if every variable this mechanism makes is continuous. */
  public boolean isAllContinuous() {
    return this == LINEAR_GAUSSIAN || this == LINEAR_NON_GAUSSIAN || this == NONLINEAR_ADDITIVE;
  }
}
