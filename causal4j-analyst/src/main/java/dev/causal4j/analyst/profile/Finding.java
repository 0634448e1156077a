package dev.causal4j.analyst.profile;

/**
 * One thing the profile found, with the statistic behind it, so that a reader can check it.
 *
 * @param topic what kind of finding
 * @param subject the variable, pair or group it is about ({@code "data"} for the whole table)
 * @param statistic the statistic's name, e.g. {@code "A*²"}, {@code "F"}, {@code "n/p"}
 * @param value its value
 * @param pValue its p-value (after the stated correction, if any), or NaN when it has none
 * @param text one plain sentence
 */
public record Finding(
    Topic topic, String subject, String statistic, double value, double pValue, String text) {

  /** What a finding is about. */
  public enum Topic {
    SIZE,
    TYPES,
    MISSING,
    NEAR_CONSTANT,
    NEAR_DUPLICATE,
    MARGINAL_GAUSSIANITY,
    RESIDUAL_GAUSSIANITY,
    NONLINEARITY,
    HETEROSCEDASTICITY,
    HETEROGENEITY,
    TIME_ORDER
  }
}
