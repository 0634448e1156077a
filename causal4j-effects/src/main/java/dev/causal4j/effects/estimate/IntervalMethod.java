package dev.causal4j.effects.estimate;

/** How a standard error and confidence interval were computed. */
public enum IntervalMethod {
  /**
   * The empirical variance of the estimator's (efficient) influence function: {@code SE =
   * sqrt(mean(ψ²) / n)}, interval {@code estimate ± z·SE}.
   */
  INFLUENCE_FUNCTION("influence function"),
  /** Resampling rows with replacement and re-running the whole estimator; percentile interval. */
  BOOTSTRAP("bootstrap"),
  /**
   * A closed-form variance: a heteroskedasticity-robust sandwich for least squares and 2SLS,
   * Abadie–Imbens for matching; interval {@code estimate ± z·SE}.
   */
  ANALYTIC("analytic");

  private final String label;

  IntervalMethod(String label) {
    this.label = label;
  }

  /** The name used in reports and JSON. */
  public String label() {
    return label;
  }
}
