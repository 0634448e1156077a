package dev.causal4j.bench.metrics;

/**
 * How an estimated graph compares with a reference graph over the same nodes.
 *
 * @param adjacency adjacencies (unordered pairs joined by any edge)
 * @param arrowhead arrowheads counted over all edges, as Tetrad's {@code ArrowheadPrecision} /
 *     {@code ArrowheadRecall} count them (see {@link GraphMetrics})
 * @param arrowheadCommonEdges arrowheads counted only on pairs adjacent in both graphs, as
 *     Tetrad's {@code …CommonEdges} statistics
 * @param shd structural Hamming distance: one per pair adjacent in one graph only, plus one per
 *     pair adjacent in both with any mark different
 */
public record GraphComparison(
    Counts adjacency, Counts arrowhead, Counts arrowheadCommonEdges, int shd) {}
