package dev.causal4j.analyst.plan;

/**
 * The time-series search the analyst runs when the profile says the rows are ordered in time:
 * PCMCI+ (Runge 2020) over lags {@code 0..maxLag}, with the test its rule names.
 *
 * @param ruleId the {@link RuleTable#TIME_SERIES} row chosen
 * @param test {@link Statistic#FISHER_Z} (partial correlation, "ParCorr") or {@link
 *     Statistic#RCIT}
 * @param maxLag the largest lag searched, in time steps
 * @param maxLagReason how {@code maxLag} was chosen, in words
 * @param alpha the tests' significance level
 * @param orderColumn a column that only counts the rows (an undeclared index or time stamp),
 *     left out of the search; null when there is none or it was declared with --time
 */
public record TimeSeriesPlan(String ruleId, Statistic test, int maxLag, String maxLagReason,
    double alpha, String orderColumn) {

  /** The test's name as the time-series literature writes it. */
  public String testLabel() {
    return test == Statistic.FISHER_Z ? "par-corr" : test.label();
  }
}
