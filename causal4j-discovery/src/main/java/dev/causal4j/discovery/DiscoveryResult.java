package dev.causal4j.discovery;

import dev.causal4j.graph.Graph;

/** The graph a search learned (an immutable snapshot) and what the search did to learn it. */
public record DiscoveryResult(Graph graph, SearchStats stats) {}
