package dev.causal4j.effects;

/** Which criterion an adjustment set was checked against. */
public enum AdjustmentCriterion {
  /**
   * The adjustment criterion on a DAG, possibly with hidden variables (Shpitser, VanderWeele &amp;
   * Robins 2010; Perković et al. 2018): sound and complete, so every valid set is found.
   */
  ADJUSTMENT,
  /**
   * The generalized adjustment criterion on a CPDAG, MAG or PAG (Perković, Textor, Kalisch &amp;
   * Maathuis 2018): the set is valid in every causal graph the equivalence class allows.
   */
  GENERALIZED_ADJUSTMENT,
  /** No graph was given: the user asserts that the covariates remove confounding. */
  ASSUMED
}
