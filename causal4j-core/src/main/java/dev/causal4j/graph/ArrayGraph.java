package dev.causal4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage both graph classes share: per node, its neighbours in ascending order and the mark
 * at each neighbour's end. Lookups are binary searches over a node's (small) neighbour list.
 */
abstract class ArrayGraph implements Graph {
  private static final Endpoint[] MARKS = Endpoint.values();

  final List<String> names;
  final Map<String, Integer> indexByName;
  int[][] neighbors;
  byte[][] marks;
  int[] degree;
  boolean[] latent;
  GraphKind kind;
  int edgeCount;

  ArrayGraph(List<String> names, GraphKind kind) {
    this.names = new ArrayList<>(names);
    this.indexByName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n == null || n.isEmpty()) {
        throw new IllegalArgumentException("node " + i + " has no name");
      }
      if (indexByName.put(n, i) != null) {
        throw new IllegalArgumentException("two nodes are named '" + n + "'");
      }
    }
    int p = names.size();
    this.neighbors = new int[p][];
    this.marks = new byte[p][];
    this.degree = new int[p];
    this.latent = new boolean[p];
    Arrays.fill(neighbors, new int[0]);
    Arrays.fill(marks, new byte[0]);
    this.kind = kind;
  }

  /** A deep copy of {@code other}'s structure; {@code trim} drops spare capacity. */
  ArrayGraph(ArrayGraph other, boolean trim) {
    this.names = new ArrayList<>(other.names);
    this.indexByName = new HashMap<>(other.indexByName);
    int p = other.names.size();
    this.neighbors = new int[p][];
    this.marks = new byte[p][];
    for (int v = 0; v < p; v++) {
      int len = trim ? other.degree[v] : other.neighbors[v].length;
      neighbors[v] = Arrays.copyOf(other.neighbors[v], len);
      marks[v] = Arrays.copyOf(other.marks[v], len);
    }
    this.degree = other.degree.clone();
    this.latent = other.latent.clone();
    this.kind = other.kind;
    this.edgeCount = other.edgeCount;
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public List<String> nodeNames() {
    return Collections.unmodifiableList(names);
  }

  @Override
  public String name(int v) {
    return names.get(v);
  }

  @Override
  public int indexOf(String name) {
    Integer v = indexByName.get(name);
    return v == null ? -1 : v;
  }

  @Override
  public GraphKind kind() {
    return kind;
  }

  @Override
  public boolean isLatent(int v) {
    return latent[v];
  }

  /** Position of {@code b} in {@code a}'s neighbour list, or a negative insertion point. */
  final int slot(int a, int b) {
    return Arrays.binarySearch(neighbors[a], 0, degree[a], b);
  }

  @Override
  public boolean isAdjacent(int a, int b) {
    return slot(a, b) >= 0;
  }

  @Override
  public Endpoint endpoint(int from, int to) {
    int k = slot(from, to);
    return k < 0 ? null : MARKS[marks[from][k]];
  }

  @Override
  public int[] adjacentNodes(int v) {
    return Arrays.copyOf(neighbors[v], degree[v]);
  }

  @Override
  public int degree(int v) {
    return degree[v];
  }

  @Override
  public int edgeCount() {
    return edgeCount;
  }

  @Override
  public List<Edge> edges() {
    List<Edge> out = new ArrayList<>(edgeCount);
    for (int a = 0; a < size(); a++) {
      for (int k = 0; k < degree[a]; k++) {
        int b = neighbors[a][k];
        if (a < b) {
          out.add(new Edge(a, b, endpoint(b, a), MARKS[marks[a][k]]).canonical());
        }
      }
    }
    out.sort((x, y) -> x.from() != y.from() ? Integer.compare(x.from(), y.from())
        : Integer.compare(x.to(), y.to()));
    return out;
  }

  @Override
  public MutableGraph mutableCopy() {
    return new MutableGraph(this);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Graph g) || g.size() != size() || g.edgeCount() != edgeCount()) {
      return false;
    }
    int[] map = new int[size()];
    for (int v = 0; v < size(); v++) {
      map[v] = g.indexOf(names.get(v));
      if (map[v] < 0 || g.isLatent(map[v]) != latent[v]) {
        return false;
      }
    }
    for (int a = 0; a < size(); a++) {
      for (int k = 0; k < degree[a]; k++) {
        int b = neighbors[a][k];
        if (g.endpoint(map[a], map[b]) != MARKS[marks[a][k]]) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    // Order-independent, like equals: a sum over nodes and over edge ends, keyed by names.
    int h = 0;
    for (int a = 0; a < size(); a++) {
      h += names.get(a).hashCode() * 31 + (latent[a] ? 1 : 0);
      for (int k = 0; k < degree[a]; k++) {
        h += (names.get(a).hashCode() * 17 + names.get(neighbors[a][k]).hashCode()) * 7
            + marks[a][k];
      }
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(kind).append(" over ").append(size()).append(" nodes");
    for (Edge e : edges()) {
      sb.append("\n  ").append(names.get(e.from())).append(' ').append(e.symbol()).append(' ')
          .append(names.get(e.to()));
    }
    return sb.toString();
  }
}
