package dev.causal4j.effects.estimate;

/**
 * Covariate balance between treated and controls: the standardized mean difference {@code
 * (mean_treated − mean_control) / sqrt((var_treated + var_control) / 2)} before and after
 * weighting or matching, both over the same denominator (the unadjusted variances), so the two
 * numbers are comparable. An absolute value below 0.1 is the usual threshold for good balance
 * (Austin 2009).
 *
 * @param covariate the covariate (a dummy for one level of a categorical one: {@code race=black})
 * @param before the standardized mean difference in the raw sample
 * @param after the standardized mean difference after weighting or matching
 */
public record Balance(String covariate, double before, double after) {

  /** The conventional threshold for good balance. */
  public static final double THRESHOLD = 0.1;
}
