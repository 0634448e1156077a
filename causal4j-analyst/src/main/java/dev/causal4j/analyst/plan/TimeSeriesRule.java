package dev.causal4j.analyst.plan;

/**
 * One row of {@link RuleTable#TIME_SERIES}: when the rows are a time series and {@code condition}
 * holds, PCMCI+ runs with {@code test}; {@code reason} says why (placeholders as in {@link Rule}).
 */
public record TimeSeriesRule(String id, Condition condition, Statistic test, String reason) {}
