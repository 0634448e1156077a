package dev.causal4j.graph;

/**
 * What a graph claims to be, which decides how its marks are read: in a CPDAG an undirected edge
 * means "either direction, within the class"; in a PAG a circle means "not determined by the
 * class". The kind is a label carried with the graph (and written into its JSON); {@link
 * Graphs#isDag} and friends check the structure itself.
 */
public enum GraphKind {
  /** Directed acyclic graph: every edge {@code -->}, no directed cycle. */
  DAG,
  /** Completed partially directed acyclic graph: the Markov equivalence class of a DAG. */
  CPDAG,
  /** Maximal ancestral graph: {@code -->} and {@code <->} edges. */
  MAG,
  /** Partial ancestral graph: the Markov equivalence class of a MAG, with circle marks. */
  PAG,
  /** Acyclic directed mixed graph: {@code -->} and {@code <->} edges. */
  ADMG,
  /** Any mix of marks, claiming no particular semantics. */
  GENERAL
}
