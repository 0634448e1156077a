package dev.causal4j.graph;

/** A graph that cannot change: what searches return and what may be shared between threads. */
final class ImmutableGraph extends ArrayGraph {
  ImmutableGraph(ArrayGraph source) {
    super(source, true);
  }

  @Override
  public Graph snapshot() {
    return this;
  }
}
