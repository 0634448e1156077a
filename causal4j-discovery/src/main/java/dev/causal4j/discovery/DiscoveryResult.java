package dev.causal4j.discovery;

import dev.causal4j.graph.Graph;
import java.util.List;

/**
 * The graph a search learned (an immutable snapshot), what the search did to learn it, and what
 * a user should know about the result (knowledge the data contradicted, triples left ambiguous,
 * limits that were hit), in plain words.
 */
public record DiscoveryResult(Graph graph, SearchStats stats, List<String> warnings) {
  public DiscoveryResult {
    warnings = List.copyOf(warnings);
  }

  public DiscoveryResult(Graph graph, SearchStats stats) {
    this(graph, stats, List.of());
  }
}
