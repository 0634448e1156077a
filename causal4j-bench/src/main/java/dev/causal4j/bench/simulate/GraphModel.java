package dev.causal4j.bench.simulate;

/** The random-graph family of a simulation (see {@link dev.causal4j.graph.RandomGraphs}). */
public enum GraphModel {
  /** Erdős–Rényi: every pair joined independently. */
  ERDOS_RENYI,
  /** Preferential attachment: a few hubs with many children. */
  SCALE_FREE
}
