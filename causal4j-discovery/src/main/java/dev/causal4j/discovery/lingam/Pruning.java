package dev.causal4j.discovery.lingam;

/**
 * How a LiNGAM search removes weak edges once the causal order is known. Either way each variable
 * is regressed on the variables before it in the order, and the strengths that remain are
 * ordinary least-squares coefficients on the kept parents, in the data's units; the two rules
 * differ only in which parents they keep.
 */
public enum Pruning {
  /**
   * Adaptive lasso (Zou 2006) with the penalty chosen by BIC, the pruning Shimizu et al. (2011)
   * use for DirectLiNGAM and the {@code lingam} Python package uses for both searches: on
   * standardised data each coefficient's penalty is weighted by {@code 1/|β_OLS|}, and along the
   * lasso path (LARS, Efron et al. 2004) the point with the lowest {@code RSS/σ̂² + log(n)·df}
   * ({@code σ̂²} from the full least-squares fit, {@code df} the number of non-zero coefficients)
   * picks the parents. Consistent in variable selection, free of a significance level. An absent
   * edge survives when its {@code χ²₁} statistic exceeds {@code log n} (probability 0.35% at
   * n = 5,000), so on a DAG with many absent edges an occasional spurious one remains. The
   * default.
   */
  ADAPTIVE_LASSO,
  /**
   * Least squares on every variable before it in the order, keeping a parent when its Wald test
   * (t statistic, Student's t with {@code n − q − 1} degrees of freedom for {@code q} candidate
   * parents) rejects a zero coefficient at the chosen level; the kept parents are then refitted.
   * Tests of the coefficients are the pruning Shimizu et al. (2006) discuss for ICA-LiNGAM. About
   * {@code α} of the absent edges survive, so choose a level well below 0.05 as the number of
   * variables grows (at n = 5,000 and p ≤ 10, α = 0.001 recovers the exact DAG more often than
   * BIC).
   */
  WALD
}
