package dev.causal4j.discovery.timeseries;

import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import java.util.List;

/**
 * What a time-series search found: the lagged graph (with per-link weights where the method
 * estimates coefficients: VAR-LiNGAM, Granger), what the search did, plain-language notes, and the
 * per-link p-values and statistics behind the decisions.
 */
public record TimeSeriesResult(
    AnnotatedLaggedGraph annotated,
    SearchStats stats,
    List<String> warnings,
    LinkStatistics linkStatistics) {

  public TimeSeriesResult {
    warnings = List.copyOf(warnings);
  }

  /** The graph found. */
  public LaggedGraph graph() {
    return annotated.graph();
  }
}
