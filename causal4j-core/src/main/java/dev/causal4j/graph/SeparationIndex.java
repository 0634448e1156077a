package dev.causal4j.graph;

import java.util.BitSet;

/**
 * A graph compiled once for many d-/m-separation queries: the reachability walk of {@link
 * Separation} over flat adjacency arrays, with per-thread scratch space, so a query allocates
 * nothing and stops as soon as the target is reached. Immutable after construction and safe to
 * share between threads.
 *
 * <p>The walk (Shachter 1998; Koller &amp; Friedman 2009, Alg. 3.1) visits each state (node,
 * entered with or without an arrowhead) at most once: a query costs O(nodes + edges) at worst.
 * A node passes the walk on as a collider (arrowheads on both sides) when it is an ancestor of
 * the conditioning set or in it, and as a non-collider when it is outside the conditioning set.
 */
public final class SeparationIndex {
  private static final byte ARROW_AT_NEIGHBOR = 1;
  private static final byte ARROW_AT_SELF = 2;

  private final int size;
  /** Node v's neighbours are {@code neighbor[start[v] .. start[v+1])}. */
  private final int[] start;
  private final int[] neighbor;
  /** Per adjacency slot: {@link #ARROW_AT_NEIGHBOR} and/or {@link #ARROW_AT_SELF}. */
  private final byte[] arrows;
  /** Node v's parents (u --> v) are {@code parent[parentStart[v] .. parentStart[v+1])}. */
  private final int[] parentStart;
  private final int[] parent;
  /**
   * One scratch space per thread, shared by every index and grown to the largest graph queried:
   * a ThreadLocal per index would leave one stale entry per index in each thread's map (the
   * one-shot indexes of {@link Separation#isSeparated} leave millions), slowing every later
   * ThreadLocal lookup in that thread.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(0));

  private SeparationIndex(Graph g) {
    size = g.size();
    start = new int[size + 1];
    for (int v = 0; v < size; v++) {
      start[v + 1] = start[v] + g.degree(v);
    }
    neighbor = new int[start[size]];
    arrows = new byte[start[size]];
    parentStart = new int[size + 1];
    int parents = 0;
    for (int v = 0; v < size; v++) {
      int k = start[v];
      for (int w : g.adjacentNodes(v)) {
        Endpoint atW = g.endpoint(v, w);
        Endpoint atV = g.endpoint(w, v);
        if (atW == Endpoint.CIRCLE || atV == Endpoint.CIRCLE
            || (atW == Endpoint.TAIL && atV == Endpoint.TAIL)) {
          Edge e = new Edge(v, w, atV, atW).canonical();
          throw new IllegalArgumentException(
              "separation is defined for DAGs, MAGs and ADMGs; the edge " + g.name(e.from()) + " "
                  + e.symbol() + " " + g.name(e.to()) + " is undirected or has a circle");
        }
        neighbor[k] = w;
        arrows[k] = (byte) ((atW == Endpoint.ARROW ? ARROW_AT_NEIGHBOR : 0)
            | (atV == Endpoint.ARROW ? ARROW_AT_SELF : 0));
        if (atV == Endpoint.ARROW && atW == Endpoint.TAIL) {
          parents++;
        }
        k++;
      }
      parentStart[v + 1] = parents;
    }
    parent = new int[parents];
    for (int v = 0, k = 0; v < size; v++) {
      for (int s = start[v]; s < start[v + 1]; s++) {
        if (arrows[s] == ARROW_AT_SELF) {
          parent[k++] = neighbor[s];
        }
      }
    }
  }

  /**
   * Compiles {@code g}, which may have {@code -->} and {@code <->} edges only.
   *
   * @throws IllegalArgumentException if an edge is undirected or has a circle mark
   */
  public static SeparationIndex of(Graph g) {
    return new SeparationIndex(g);
  }

  /** Number of nodes of the compiled graph. */
  public int size() {
    return size;
  }

  /** True if {@code x} and {@code y} are d-/m-separated given {@code z}. */
  public boolean isSeparated(int x, int y, int[] z) {
    return !walk(x, z, y, null);
  }

  /**
   * The nodes connected to {@code x} by a path that is open given {@code z}; {@code x} itself is
   * not included.
   */
  public BitSet reachable(int x, int[] z) {
    BitSet out = new BitSet(size);
    walk(x, z, -1, out);
    return out;
  }

  /** Walks from {@code x}; returns true as soon as {@code target} is reached. */
  private boolean walk(int x, int[] z, int target, BitSet out) {
    Scratch s = SCRATCH.get();
    if (s.inZ.length < size) {
      s = new Scratch(size);
      SCRATCH.set(s);
    }
    int stamp = s.nextStamp();
    int[] inZ = s.inZ;
    int[] ancestorOfZ = s.ancestorOfZ;
    int[] stack = s.stack;
    int top = 0;
    for (int v : z) {
      inZ[v] = stamp;
      if (ancestorOfZ[v] != stamp) {
        ancestorOfZ[v] = stamp;
        stack[top++] = v;
      }
    }
    while (top > 0) {
      int v = stack[--top];
      for (int k = parentStart[v]; k < parentStart[v + 1]; k++) {
        int u = parent[k];
        if (ancestorOfZ[u] != stamp) {
          ancestorOfZ[u] = stamp;
          stack[top++] = u;
        }
      }
    }
    // State 2v: at v, entered along an edge with a tail at v; 2v+1: with an arrowhead at v.
    int[] seen = s.seen;
    for (int k = start[x]; k < start[x + 1]; k++) {
      int t = 2 * neighbor[k] + (arrows[k] & ARROW_AT_NEIGHBOR);
      if (seen[t] != stamp) {
        seen[t] = stamp;
        stack[top++] = t;
      }
    }
    while (top > 0) {
      int state = stack[--top];
      int b = state >> 1;
      if (b == x) {
        continue;
      }
      if (b == target) {
        return true;
      }
      if (out != null) {
        out.set(b);
      }
      boolean arrowAtB = (state & 1) == 1;
      boolean passesAsCollider = arrowAtB && ancestorOfZ[b] == stamp;
      boolean passesAsNonCollider = inZ[b] != stamp;
      if (!passesAsCollider && !passesAsNonCollider) {
        continue;
      }
      for (int k = start[b]; k < start[b + 1]; k++) {
        boolean collider = arrowAtB && (arrows[k] & ARROW_AT_SELF) != 0;
        if (collider ? passesAsCollider : passesAsNonCollider) {
          int t = 2 * neighbor[k] + (arrows[k] & ARROW_AT_NEIGHBOR);
          if (seen[t] != stamp) {
            seen[t] = stamp;
            stack[top++] = t;
          }
        }
      }
    }
    return false;
  }

  /**
   * Per-thread marks, each valid only where it equals the current stamp, so nothing is cleared
   * between queries.
   */
  private static final class Scratch {
    final int[] inZ;
    final int[] ancestorOfZ;
    final int[] seen;
    final int[] stack;
    int stamp;

    Scratch(int p) {
      inZ = new int[p];
      ancestorOfZ = new int[p];
      seen = new int[2 * p];
      stack = new int[2 * p];
    }

    int nextStamp() {
      if (++stamp == Integer.MAX_VALUE) {
        java.util.Arrays.fill(inZ, 0);
        java.util.Arrays.fill(ancestorOfZ, 0);
        java.util.Arrays.fill(seen, 0);
        stamp = 1;
      }
      return stamp;
    }
  }
}
