package dev.causal4j.effects.estimate;

import java.util.Objects;

/**
 * A two-sided confidence interval and how it was computed.
 *
 * @param lower lower end
 * @param upper upper end
 * @param level coverage, e.g. 0.95
 * @param method influence function, bootstrap or analytic
 * @param detail the specific variance, e.g. "HC2 sandwich" or "percentile, 200 resamples"
 */
public record ConfidenceInterval(
    double lower, double upper, double level, IntervalMethod method, String detail) {

  public ConfidenceInterval {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(detail, "detail");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level " + level + " is not in (0, 1)");
    }
  }

  /** {@code estimate ± z·se} for a normal approximation. */
  static ConfidenceInterval normal(double estimate, double se, IntervalMethod method,
      String detail) {
    double z = Z95;
    return new ConfidenceInterval(estimate - z * se, estimate + z * se, 0.95, method, detail);
  }

  /** The 97.5% point of the standard normal distribution. */
  static final double Z95 = 1.959963984540054;

  /** True if {@code value} lies in the interval (ends included). */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }
}
