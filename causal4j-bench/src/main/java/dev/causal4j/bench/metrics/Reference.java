package dev.causal4j.bench.metrics;

/**
 * What an estimate is scored against. A search that returns an equivalence class can at best
 * recover the class, so the fair reference for a CPDAG-returning method on data without hidden
 * variables is the true DAG's CPDAG, and with hidden variables the true DAG's PAG over the observed
 * nodes; scoring against the DAG itself counts as errors the orientations no method could know.
 */
public enum Reference {
  /** The CPDAG of the true DAG (default when nothing is hidden). */
  CPDAG,
  /** The PAG of the true DAG over its observed nodes (default with hidden variables). */
  PAG,
  /** The true DAG itself, restricted to its observed nodes. */
  DAG
}
