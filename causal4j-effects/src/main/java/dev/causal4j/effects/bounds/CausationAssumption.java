package dev.causal4j.effects.bounds;

/** Assumptions that narrow the probabilities of causation (Tian &amp; Pearl 2000, §4). */
public enum CausationAssumption {
  /**
   * No confounding of treatment and outcome: {@code P(y_x) = P(y | x)} and {@code P(y_x') = P(y |
   * x')}, so observational conditionals stand in for experimental ones (and vice versa). Testable
   * when both kinds of data are given, so it is refused then.
   */
  EXOGENEITY,
  /**
   * No prevention: {@code Y_x' = 1} implies {@code Y_x = 1} for every unit (the treatment never
   * stops the outcome). Untestable in general, but refuted by data where {@code P(y_x) <
   * P(y_x')} or where the identified value falls outside the assumption-free bounds.
   */
  MONOTONICITY
}
