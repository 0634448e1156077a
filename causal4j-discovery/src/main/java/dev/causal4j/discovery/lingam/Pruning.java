package dev.causal4j.discovery.lingam;

/**
 * How a LiNGAM search removes weak edges once the causal order is known. Either way the strengths
 * that remain are ordinary least-squares coefficients of each variable on its kept parents, in the
 * data's units; the two differ only in which parents are kept.
 */
public enum Pruning {
  /**
   * Adaptive lasso (Zou 2006) with the penalty chosen by BIC, as Shimizu et al. (2011, §4) and
   * the {@code lingam} Python package do: each variable is regressed on the variables before it in
   * the order, standardised, with each coefficient's penalty weighted by {@code 1/|β_OLS|}; the
   * penalty on the lasso path with the lowest {@code RSS/σ̂² + log(n)·df} (σ̂² from the full
   * least-squares fit) picks the parents. Consistent in variable selection (the oracle property),
   * and free of a significance level. The default.
   */
  ADAPTIVE_LASSO,
  /**
   * Least squares on every variable before it in the order, keeping a parent when its Wald test
   * (t statistic, Student's t with {@code n − q − 1} degrees of freedom) rejects a zero coefficient
   * at the chosen level; the kept parents are then refitted. Shimizu et al. (2006, §4) name Wald
   * tests for this step. About {@code α} of the absent edges among earlier variables survive, so
   * lower the level as the number of variables grows.
   */
  WALD
}
