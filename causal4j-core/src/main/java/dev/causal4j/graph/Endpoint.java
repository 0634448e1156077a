package dev.causal4j.graph;

/**
 * The mark at one end of an edge. A DAG uses tails and arrowheads; a CPDAG adds undirected edges
 * (tail–tail); MAGs and ADMGs add bidirected edges (arrow–arrow); PAGs add circles, meaning "tail
 * in some graphs of the class, arrowhead in others".
 */
public enum Endpoint {
  TAIL,
  ARROW,
  CIRCLE;

  /** Orders marks tail &lt; circle &lt; arrowhead, for writing edges canonically. */
  int ordinalRank() {
    return switch (this) {
      case TAIL -> 0;
      case CIRCLE -> 1;
      case ARROW -> 2;
    };
  }

  /** The character for this mark on the left of an edge symbol: {@code -}, {@code <} or {@code o}. */
  public char leftSymbol() {
    return switch (this) {
      case TAIL -> '-';
      case ARROW -> '<';
      case CIRCLE -> 'o';
    };
  }

  /** The character for this mark on the right of an edge symbol: {@code -}, {@code >} or {@code o}. */
  public char rightSymbol() {
    return switch (this) {
      case TAIL -> '-';
      case ARROW -> '>';
      case CIRCLE -> 'o';
    };
  }
}
