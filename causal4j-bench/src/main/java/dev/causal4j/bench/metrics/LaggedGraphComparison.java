package dev.causal4j.bench.metrics;

/**
 * How an estimated time-series graph compares with the true one (see {@link LaggedGraphMetrics}).
 *
 * @param links lagged links {@code (from, to, lag)} and contemporaneous adjacencies, marks
 *     ignored at lag 0 ("without orientation of contemporaneous links")
 * @param orientedLinks the same, where a contemporaneous link counts only with the true marks
 *     ("with orientation"): a wrong or missing orientation is a false positive and a false
 *     negative
 * @param summaryAdjacency pairs of distinct variables linked at any lag, either way
 * @param summaryDirected ordered pairs {@code (i, j)}, {@code i ≠ j}, with a {@code -->} link from
 *     {@code i} to {@code j} at some lag
 */
public record LaggedGraphComparison(
    Counts links, Counts orientedLinks, Counts summaryAdjacency, Counts summaryDirected) {}
