package dev.causal4j.discovery.pc;

/**
 * What background knowledge says about adjacency alone, which is all a skeleton search can use:
 * pairs that may not be adjacent (both directions forbidden) are removed before any test, and
 * pairs that must be adjacent (a required edge) are never tested.
 */
public interface EdgeConstraints {
  /** No constraints. */
  EdgeConstraints NONE = new EdgeConstraints() {
    @Override
    public boolean forbidsAdjacency(int a, int b) {
      return false;
    }

    @Override
    public boolean requiresAdjacency(int a, int b) {
      return false;
    }
  };

  /** True if no edge may join {@code a} and {@code b}, in either direction. */
  boolean forbidsAdjacency(int a, int b);

  /** True if an edge must join {@code a} and {@code b}. */
  boolean requiresAdjacency(int a, int b);
}
