package dev.causal4j.graph;

import java.util.List;
import java.util.Optional;

/**
 * A graph over named nodes {@code 0..size()-1} whose edges carry a mark at each end (tail, arrow,
 * circle), so one type carries DAGs, CPDAGs, MAGs, PAGs and ADMGs. At most one edge joins two
 * nodes; there are no self-loops.
 *
 * <p>This interface is read-only. {@link MutableGraph} is the working copy algorithms edit;
 * {@link #snapshot()} gives the immutable graph that searches return. Algorithms on graphs
 * (separation, Meek rules, CPDAG and PAG construction) live in this package as static methods
 * over this interface.
 *
 * <p>Two graphs are {@link Object#equals equal} when they have the same node names (in any
 * order), the same latent nodes and the same edges with the same marks; the kind label is not
 * compared.
 */
public interface Graph {

  /** Number of nodes. */
  int size();

  /** Node names, in index order. */
  List<String> nodeNames();

  /** The name of node {@code v}. */
  String name(int v);

  /** The index of the node with this name, or -1 if none. */
  int indexOf(String name);

  /** What the graph claims to be (a label; see {@link GraphKind}). */
  GraphKind kind();

  /** True if node {@code v} is hidden (unobserved) in a true graph. */
  boolean isLatent(int v);

  /** True if an edge joins {@code a} and {@code b}. */
  boolean isAdjacent(int a, int b);

  /**
   * The mark at {@code to}'s end of the edge between {@code from} and {@code to}, or {@code null}
   * if they are not adjacent. For {@code a --> b}: {@code endpoint(a, b) == ARROW} and {@code
   * endpoint(b, a) == TAIL}.
   */
  Endpoint endpoint(int from, int to);

  /** The nodes adjacent to {@code v}, ascending (a new array). */
  int[] adjacentNodes(int v);

  /** Number of nodes adjacent to {@code v}. */
  int degree(int v);

  /** Number of edges. */
  int edgeCount();

  /** Every edge once, in {@link Edge#canonical() canonical} form, ordered by (from, to). */
  List<Edge> edges();

  /** An immutable copy (or this graph, if it is already immutable). */
  Graph snapshot();

  /** A mutable copy. */
  MutableGraph mutableCopy();

  /** The edge between {@code a} and {@code b} read from {@code a}'s side, if any. */
  default Optional<Edge> edge(int a, int b) {
    Endpoint atB = endpoint(a, b);
    return atB == null ? Optional.empty() : Optional.of(new Edge(a, b, endpoint(b, a), atB));
  }

  /** True for {@code from --> to}. */
  default boolean isDirected(int from, int to) {
    return endpoint(from, to) == Endpoint.ARROW && endpoint(to, from) == Endpoint.TAIL;
  }

  /** True for {@code a --- b}. */
  default boolean isUndirected(int a, int b) {
    return endpoint(a, b) == Endpoint.TAIL && endpoint(b, a) == Endpoint.TAIL;
  }

  /** True for {@code a <-> b}. */
  default boolean isBidirected(int a, int b) {
    return endpoint(a, b) == Endpoint.ARROW && endpoint(b, a) == Endpoint.ARROW;
  }

  /** The nodes {@code u} with {@code u --> v}, ascending. */
  default int[] parents(int v) {
    return filterAdjacent(v, Endpoint.TAIL, Endpoint.ARROW);
  }

  /** The nodes {@code u} with {@code v --> u}, ascending. */
  default int[] children(int v) {
    return filterAdjacent(v, Endpoint.ARROW, Endpoint.TAIL);
  }

  /** The nodes {@code u} with {@code u --- v}, ascending. */
  default int[] undirectedNeighbors(int v) {
    return filterAdjacent(v, Endpoint.TAIL, Endpoint.TAIL);
  }

  /** The nodes {@code u} with {@code u <-> v}, ascending. */
  default int[] spouses(int v) {
    return filterAdjacent(v, Endpoint.ARROW, Endpoint.ARROW);
  }

  /**
   * The nodes {@code u} adjacent to {@code v} whose edge has mark {@code atU} at {@code u} and
   * {@code atV} at {@code v}, ascending.
   */
  default int[] filterAdjacent(int v, Endpoint atU, Endpoint atV) {
    int[] adj = adjacentNodes(v);
    int k = 0;
    for (int u : adj) {
      if (endpoint(v, u) == atU && endpoint(u, v) == atV) {
        adj[k++] = u;
      }
    }
    return java.util.Arrays.copyOf(adj, k);
  }

  /**
   * The index of the node with this name.
   *
   * @throws dev.causal4j.InvalidInputException naming the node and the ones that exist
   */
  default int requireIndex(String name) {
    int v = indexOf(name);
    if (v < 0) {
      throw new dev.causal4j.InvalidInputException(
          "the graph has no node named '" + name + "'; its nodes are "
              + String.join(", ", nodeNames().subList(0, Math.min(12, size())))
              + (size() > 12 ? ", …" : ""));
    }
    return v;
  }
}
