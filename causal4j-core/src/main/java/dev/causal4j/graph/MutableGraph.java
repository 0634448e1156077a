package dev.causal4j.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The working copy of a graph that algorithms edit. Not thread-safe; {@link #snapshot()} gives an
 * immutable copy to return or share.
 */
public final class MutableGraph extends ArrayGraph {

  /** An empty graph (no edges) over the named nodes. */
  public MutableGraph(List<String> nodeNames) {
    this(nodeNames, GraphKind.GENERAL);
  }

  /** An empty graph (no edges) over the named nodes, labelled with a kind. */
  public MutableGraph(List<String> nodeNames, GraphKind kind) {
    super(nodeNames, Objects.requireNonNull(kind, "kind"));
  }

  MutableGraph(ArrayGraph source) {
    super(source, false);
  }

  /** A mutable copy of any graph. */
  public static MutableGraph copyOf(Graph g) {
    if (g instanceof ArrayGraph a) {
      return new MutableGraph(a);
    }
    MutableGraph m = new MutableGraph(g.nodeNames(), g.kind());
    for (int v = 0; v < g.size(); v++) {
      m.setLatent(v, g.isLatent(v));
    }
    for (Edge e : g.edges()) {
      m.setEdge(e.from(), e.to(), e.atFrom(), e.atTo());
    }
    return m;
  }

  /** A complete undirected graph over the named nodes (where constraint-based searches start). */
  public static MutableGraph complete(List<String> nodeNames) {
    MutableGraph g = new MutableGraph(nodeNames);
    int p = nodeNames.size();
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        g.setEdge(a, b, Endpoint.TAIL, Endpoint.TAIL);
      }
    }
    return g;
  }

  @Override
  public Graph snapshot() {
    return new ImmutableGraph(this);
  }

  public MutableGraph setKind(GraphKind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
    return this;
  }

  public MutableGraph setLatent(int v, boolean isLatent) {
    latent[v] = isLatent;
    return this;
  }

  /**
   * Puts an edge between {@code a} and {@code b} with mark {@code atA} at {@code a} and {@code
   * atB} at {@code b}, replacing any edge already there.
   */
  public MutableGraph setEdge(int a, int b, Endpoint atA, Endpoint atB) {
    Objects.requireNonNull(atA, "atA");
    Objects.requireNonNull(atB, "atB");
    if (a == b) {
      throw new IllegalArgumentException("self-loop on '" + name(a) + "'");
    }
    boolean added = put(a, b, atB);
    put(b, a, atA);
    if (added) {
      edgeCount++;
    }
    return this;
  }

  /** Puts {@code from --> to}, replacing any edge between them. */
  public MutableGraph addDirectedEdge(int from, int to) {
    return setEdge(from, to, Endpoint.TAIL, Endpoint.ARROW);
  }

  /** Puts {@code a --- b}, replacing any edge between them. */
  public MutableGraph addUndirectedEdge(int a, int b) {
    return setEdge(a, b, Endpoint.TAIL, Endpoint.TAIL);
  }

  /** Puts {@code a <-> b}, replacing any edge between them. */
  public MutableGraph addBidirectedEdge(int a, int b) {
    return setEdge(a, b, Endpoint.ARROW, Endpoint.ARROW);
  }

  /** Puts {@code a o-o b}, replacing any edge between them. */
  public MutableGraph addNondirectedEdge(int a, int b) {
    return setEdge(a, b, Endpoint.CIRCLE, Endpoint.CIRCLE);
  }

  /**
   * Changes the mark at {@code to}'s end of the existing edge between {@code from} and {@code to}.
   *
   * @throws IllegalArgumentException if they are not adjacent
   */
  public MutableGraph setEndpoint(int from, int to, Endpoint mark) {
    Objects.requireNonNull(mark, "mark");
    int k = slot(from, to);
    if (k < 0) {
      throw new IllegalArgumentException(
          "'" + name(from) + "' and '" + name(to) + "' are not adjacent");
    }
    marks[from][k] = (byte) mark.ordinal();
    return this;
  }

  /** Removes the edge between {@code a} and {@code b}; returns false if there was none. */
  public boolean removeEdge(int a, int b) {
    if (!drop(a, b)) {
      return false;
    }
    drop(b, a);
    edgeCount--;
    return true;
  }

  /** Removes every edge, keeping the nodes. */
  public MutableGraph removeAllEdges() {
    Arrays.fill(degree, 0);
    edgeCount = 0;
    return this;
  }

  /** Records mark {@code atB} at {@code b} in {@code a}'s list; true if {@code b} was new there. */
  private boolean put(int a, int b, Endpoint atB) {
    int k = slot(a, b);
    if (k >= 0) {
      marks[a][k] = (byte) atB.ordinal();
      return false;
    }
    int at = -k - 1;
    int d = degree[a];
    if (d == neighbors[a].length) {
      int cap = Math.max(4, d * 2);
      neighbors[a] = Arrays.copyOf(neighbors[a], cap);
      marks[a] = Arrays.copyOf(marks[a], cap);
    }
    System.arraycopy(neighbors[a], at, neighbors[a], at + 1, d - at);
    System.arraycopy(marks[a], at, marks[a], at + 1, d - at);
    neighbors[a][at] = b;
    marks[a][at] = (byte) atB.ordinal();
    degree[a] = d + 1;
    return true;
  }

  private boolean drop(int a, int b) {
    int k = slot(a, b);
    if (k < 0) {
      return false;
    }
    int d = degree[a];
    System.arraycopy(neighbors[a], k + 1, neighbors[a], k, d - k - 1);
    System.arraycopy(marks[a], k + 1, marks[a], k, d - k - 1);
    degree[a] = d - 1;
    return true;
  }
}
