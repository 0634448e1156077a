package dev.causal4j.graph;

import dev.causal4j.InvalidInputException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A consistent extension of a partially directed graph: a DAG with the same skeleton, every
 * directed edge of the graph, and no v-structure the graph lacks (Dor &amp; Tarsi 1992, "A simple
 * algorithm to construct a consistent extension of a partially oriented graph", Technical Report
 * R-185, UCLA). For a CPDAG this is a member of its Markov equivalence class; GES uses it to turn
 * the PDAG after a move back into a DAG.
 *
 * <p>The algorithm removes, one at a time, a node {@code x} that is a sink among the remaining
 * nodes (no remaining {@code x --> y}) and whose every remaining undirected neighbour is adjacent
 * to all of {@code x}'s other remaining neighbours, directing those undirected edges into {@code
 * x}. An extension exists exactly when every node is removed. Removing a node can only make its
 * neighbours eligible, so candidates are re-examined only when a neighbour goes, in FIFO order
 * from ascending indices: the same input always gives the same DAG.
 */
public final class ConsistentExtension {
  private static final byte TAIL = (byte) Endpoint.TAIL.ordinal();
  private static final byte ARROW = (byte) Endpoint.ARROW.ordinal();

  private ConsistentExtension() {}

  /**
   * A DAG extending {@code pdag}, or empty if there is none.
   *
   * @throws InvalidInputException if an edge is neither {@code -->} nor {@code ---}
   */
  public static Optional<Graph> of(Graph pdag) {
    int p = pdag.size();
    int[][] adj = new int[p][];
    byte[][] atNeighbor = new byte[p][];
    byte[][] atSelf = new byte[p][];
    for (int v = 0; v < p; v++) {
      adj[v] = pdag.adjacentNodes(v);
      atNeighbor[v] = new byte[adj[v].length];
      atSelf[v] = new byte[adj[v].length];
      for (int i = 0; i < adj[v].length; i++) {
        int w = adj[v][i];
        Endpoint toW = pdag.endpoint(v, w);
        Endpoint toV = pdag.endpoint(w, v);
        boolean ok = (toW == Endpoint.TAIL || toW == Endpoint.ARROW)
            && (toV == Endpoint.TAIL || toV == Endpoint.ARROW)
            && !(toW == Endpoint.ARROW && toV == Endpoint.ARROW);
        if (!ok) {
          Edge e = new Edge(v, w, toV, toW).canonical();
          throw new InvalidInputException(
              "a consistent extension is defined for graphs of --> and --- edges; "
                  + pdag.name(e.from()) + " " + e.symbol() + " " + pdag.name(e.to())
                  + " is neither");
        }
        atNeighbor[v][i] = (byte) toW.ordinal();
        atSelf[v][i] = (byte) toV.ordinal();
      }
    }
    MutableGraph dag = new MutableGraph(pdag.nodeNames(), GraphKind.DAG);
    for (int v = 0; v < p; v++) {
      dag.setLatent(v, pdag.isLatent(v));
    }
    boolean[] removed = new boolean[p];
    boolean[] queued = new boolean[p];
    int[] queue = new int[p];
    int head = 0;
    int count = p;
    for (int v = 0; v < p; v++) {
      queue[v] = v;
      queued[v] = true;
    }
    int removedCount = 0;
    while (count > 0) {
      int x = queue[head];
      head = (head + 1) % p;
      count--;
      queued[x] = false;
      if (!eligible(x, adj, atNeighbor, atSelf, removed)) {
        continue;
      }
      for (int i = 0; i < adj[x].length; i++) {
        int y = adj[x][i];
        if (removed[y]) {
          continue;
        }
        // x is a sink among the remaining nodes: y --> x or y --- x, directed into x either way.
        dag.addDirectedEdge(y, x);
        if (!queued[y]) {
          queued[y] = true;
          queue[(head + count) % p] = y;
          count++;
        }
      }
      removed[x] = true;
      removedCount++;
    }
    if (removedCount < p) {
      return Optional.empty();
    }
    // Every edge was added when the first of its two nodes went.
    return Optional.of(dag.snapshot());
  }

  private static boolean eligible(
      int x, int[][] adj, byte[][] atNeighbor, byte[][] atSelf, boolean[] removed) {
    int[] nx = adj[x];
    for (int i = 0; i < nx.length; i++) {
      if (!removed[nx[i]] && atNeighbor[x][i] == ARROW && atSelf[x][i] == TAIL) {
        return false; // x --> y: not a sink
      }
    }
    for (int i = 0; i < nx.length; i++) {
      int y = nx[i];
      if (removed[y] || atNeighbor[x][i] != TAIL || atSelf[x][i] != TAIL) {
        continue;
      }
      for (int j = 0; j < nx.length; j++) {
        int z = nx[j];
        if (z != y && !removed[z] && Arrays.binarySearch(adj[y], z) < 0) {
          return false;
        }
      }
    }
    return true;
  }
}
