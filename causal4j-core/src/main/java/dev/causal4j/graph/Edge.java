package dev.causal4j.graph;

import dev.causal4j.InvalidInputException;
import java.util.Objects;

/**
 * An edge between nodes {@code from} and {@code to} (indices in a {@link Graph}) with the mark at
 * each end. Its symbol is read from {@code from}'s side: {@code -->} is a tail at {@code from}
 * and an arrowhead at {@code to}; {@code o->}, {@code <->}, {@code ---}, {@code o-o} likewise.
 */
public record Edge(int from, int to, Endpoint atFrom, Endpoint atTo) {

  public Edge {
    Objects.requireNonNull(atFrom, "atFrom");
    Objects.requireNonNull(atTo, "atTo");
    if (from == to) {
      throw new IllegalArgumentException("self-loop on node " + from);
    }
  }

  /** {@code from --> to}. */
  public static Edge directed(int from, int to) {
    return new Edge(from, to, Endpoint.TAIL, Endpoint.ARROW);
  }

  /** {@code a --- b}. */
  public static Edge undirected(int a, int b) {
    return new Edge(a, b, Endpoint.TAIL, Endpoint.TAIL);
  }

  /** {@code a <-> b}. */
  public static Edge bidirected(int a, int b) {
    return new Edge(a, b, Endpoint.ARROW, Endpoint.ARROW);
  }

  /** The same edge read from the other side. */
  public Edge reversed() {
    return new Edge(to, from, atTo, atFrom);
  }

  /** The three-character symbol read from {@code from}'s side, e.g. {@code "o->"}. */
  public String symbol() {
    return "" + atFrom.leftSymbol() + '-' + atTo.rightSymbol();
  }

  /** True for {@code from --> to}. */
  public boolean isDirected() {
    return atFrom == Endpoint.TAIL && atTo == Endpoint.ARROW;
  }

  /**
   * The same edge written the way Causal4J writes edges: marks ordered tail, circle, arrowhead
   * from {@code from} to {@code to} (so {@code <--} becomes {@code -->} and {@code <-o} becomes
   * {@code o->}), and for symmetric edges the lower index first.
   */
  public Edge canonical() {
    int a = atFrom.ordinalRank();
    int b = atTo.ordinalRank();
    if (a > b || (a == b && from > to)) {
      return reversed();
    }
    return this;
  }

  /**
   * The marks of an edge symbol such as {@code -->}, {@code <->}, {@code o-o}: element 0 is the
   * mark at the left node, element 1 at the right node. Accepts the nine combinations of {@code
   * -}, {@code <}/{@code >} and {@code o}.
   *
   * @throws InvalidInputException if the symbol is not an edge
   */
  public static Endpoint[] parseSymbol(String symbol) {
    if (symbol.length() == 3 && symbol.charAt(1) == '-') {
      Endpoint left = switch (symbol.charAt(0)) {
        case '-' -> Endpoint.TAIL;
        case '<' -> Endpoint.ARROW;
        case 'o' -> Endpoint.CIRCLE;
        default -> null;
      };
      Endpoint right = switch (symbol.charAt(2)) {
        case '-' -> Endpoint.TAIL;
        case '>' -> Endpoint.ARROW;
        case 'o' -> Endpoint.CIRCLE;
        default -> null;
      };
      if (left != null && right != null) {
        return new Endpoint[] {left, right};
      }
    }
    throw new InvalidInputException(
        "'" + symbol + "' is not an edge; use one of -->, <--, ---, <->, o->, <-o, o-o");
  }
}
