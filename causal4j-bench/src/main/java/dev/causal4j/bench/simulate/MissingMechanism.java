package dev.causal4j.bench.simulate;

/** How simulated values go missing (Rubin 1976). */
public enum MissingMechanism {
  /**
   * Missing completely at random: every observed value of every variable is removed independently
   * with probability {@code rate}.
   */
  MCAR,
  /**
   * Missing at random: a random half of the observed variables (rounded down, at least one) stay
   * complete; each other variable is given one of them as its driver and loses a value with
   * probability {@code 2·rate·r/n}, where {@code r} is the rank (1..n) of the driver's value in that
   * row, so about a fraction {@code rate} of its values go missing, mostly where the driver is large.
   * Needs {@code rate ≤ 0.5}.
   */
  MAR
}
