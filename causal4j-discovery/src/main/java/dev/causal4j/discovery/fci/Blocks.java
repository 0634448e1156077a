package dev.causal4j.discovery.fci;

import java.util.Arrays;

/**
 * The biconnected components (blocks) of an undirected graph, by Hopcroft and Tarjan's
 * depth-first search with an edge stack, written without recursion so deep graphs cannot
 * overflow the stack. Each edge lies in exactly one block; the nodes of the block of {@code x —
 * y} are exactly the nodes on some path between {@code x} and {@code y}.
 */
final class Blocks {
  private final int[][] adj;
  /** Block of the edge in slot {@code i} of {@code adj[v]}: {@code blockOfSlot[v][i]}. */
  private final int[][] blockOfSlot;
  /** Nodes of each block, ascending. */
  private final int[][] nodes;

  private Blocks(int[][] adj, int[][] blockOfSlot, int[][] nodes) {
    this.adj = adj;
    this.blockOfSlot = blockOfSlot;
    this.nodes = nodes;
  }

  /** The blocks of the graph with these ascending neighbour lists. */
  static Blocks of(int[][] adj) {
    int p = adj.length;
    int[][] blockOfSlot = new int[p][];
    for (int v = 0; v < p; v++) {
      blockOfSlot[v] = new int[adj[v].length];
      Arrays.fill(blockOfSlot[v], -1);
    }
    int[] disc = new int[p];
    int[] low = new int[p];
    Arrays.fill(disc, -1);
    int[] parent = new int[p];
    int[] next = new int[p];
    int[] callStack = new int[p];
    int edgeCount = 0;
    for (int[] a : adj) {
      edgeCount += a.length;
    }
    int[] edgeFrom = new int[edgeCount / 2 + 1];
    int[] edgeTo = new int[edgeCount / 2 + 1];
    int edgeTop = 0;
    int[][] blockNodes = new int[Math.max(1, edgeCount / 2)][];
    int blocks = 0;
    int[] stamp = new int[p];
    int[] members = new int[p];
    int time = 0;
    for (int root = 0; root < p; root++) {
      if (disc[root] >= 0) {
        continue;
      }
      int top = 0;
      callStack[top++] = root;
      disc[root] = low[root] = time++;
      parent[root] = -1;
      next[root] = 0;
      while (top > 0) {
        int u = callStack[top - 1];
        if (next[u] < adj[u].length) {
          int w = adj[u][next[u]++];
          if (disc[w] < 0) {
            edgeFrom[edgeTop] = u;
            edgeTo[edgeTop++] = w;
            parent[w] = u;
            disc[w] = low[w] = time++;
            next[w] = 0;
            callStack[top++] = w;
          } else if (w != parent[u] && disc[w] < disc[u]) {
            edgeFrom[edgeTop] = u;
            edgeTo[edgeTop++] = w;
            low[u] = Math.min(low[u], disc[w]);
          }
          continue;
        }
        top--;
        int pu = parent[u];
        if (pu < 0) {
          continue;
        }
        low[pu] = Math.min(low[pu], low[u]);
        if (low[u] >= disc[pu]) {
          // pu separates u's subtree: the edges down to (pu, u) form one block.
          int count = 0;
          int id = blocks++;
          while (true) {
            edgeTop--;
            int a = edgeFrom[edgeTop];
            int b = edgeTo[edgeTop];
            blockOfSlot[a][Arrays.binarySearch(adj[a], b)] = id;
            blockOfSlot[b][Arrays.binarySearch(adj[b], a)] = id;
            for (int v : new int[] {a, b}) {
              if (stamp[v] != id + 1) {
                stamp[v] = id + 1;
                members[count++] = v;
              }
            }
            if (a == pu && b == u) {
              break;
            }
          }
          int[] set = Arrays.copyOf(members, count);
          Arrays.sort(set);
          blockNodes[id] = set;
        }
      }
    }
    return new Blocks(adj, blockOfSlot, Arrays.copyOf(blockNodes, blocks));
  }

  /** The nodes of the block holding the edge {@code x — y}, ascending (shared; do not change). */
  int[] nodesOfEdge(int x, int y) {
    return nodes[blockOfSlot[x][Arrays.binarySearch(adj[x], y)]];
  }
}
