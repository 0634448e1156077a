package dev.causal4j.effects.mediation;

/** What is known about one identification assumption. */
public enum CheckStatus {
  /** It holds in the given graph (which is itself assumed right). */
  HOLDS,
  /** The given graph violates it. */
  VIOLATED,
  /** No graph was given: it is assumed, not checked. */
  NOT_CHECKED,
  /** No graph or data can check it (the cross-world assumption). */
  UNTESTABLE
}
