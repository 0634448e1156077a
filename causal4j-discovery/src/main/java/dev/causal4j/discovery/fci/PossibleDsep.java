package dev.causal4j.discovery.fci;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.independence.IndependenceTest;
import java.util.Arrays;

/**
 * FCI's second adjacency phase (Spirtes, Meek &amp; Richardson 1999; Spirtes, Glymour &amp;
 * Scheines 2000, §6.7): in a MAG two non-adjacent nodes need not be separated by neighbours, but
 * they are by a subset of the Possible-D-SEP set of one of them, read off the skeleton once its
 * unshielded colliders are oriented. So every remaining edge {@code x *-* y} is tested again given
 * the subsets of {@code pds(x) ∖ {x, y}}, then of {@code pds(y) ∖ {x, y}}.
 *
 * <p>{@code pds(x)} is the set of nodes {@code v} reachable from {@code x} by a path on which
 * every inner node {@code w} (between {@code u} and {@code z}) is a collider ({@code u *-> w <-*
 * z}) or the triple is a triangle ({@code u}, {@code z} adjacent) (Colombo et al. 2012, Def.
 * 3.3; pcalg's {@code qreach}). It is found by a breadth-first search over the states "at
 * {@code w}, arrived from {@code u}", i.e. over walks; a walk can only add nodes to the set, which
 * costs tests but never correctness.
 *
 * <p>Two restrictions keep the tests far fewer without losing any removal that correct answers
 * would make (Possible-D-SEP sets of 20 nodes, and so 10⁶ subsets per edge, are common on graphs
 * of 40). If {@code x} and {@code y} are not adjacent in the true MAG, then {@code D-SEP(x, y)} or
 * {@code D-SEP(y, x)} separates them (Spirtes et al. 2000, §6.7); it lies within the
 * Possible-D-SEP set and within the ancestors of {@code x} or {@code y}. So the candidates for the
 * edge {@code x *-* y} are also restricted to
 *
 * <ul>
 *   <li>the nodes of its biconnected component (block) of the skeleton, which are the nodes on
 *       some path between {@code x} and {@code y}: if {@code S} separates them, so does {@code S} ∩
 *       block, since every path between them lies in the block, its non-colliders outside {@code
 *       S} and its colliders ancestors of {@code S} (pcalg's {@code biCC} option);
 *   <li>the possible ancestors of {@code x} or {@code y}: the nodes with a path to one of them
 *       on which no edge has an arrowhead at its near end or a tail at its far end. R0's
 *       arrowheads on true edges are correct, so every true ancestor is one. (This departs from
 *       the published step, which tests all subsets of Possible-D-SEP.)
 * </ul>
 *
 * <p>Every set is computed from the same graph before any edge is removed (as pcalg does and as
 * Colombo &amp; Maathuis 2014 do for FCI-stable), so the edges are tested independently of each
 * other, in parallel, and the result does not depend on the order of the variables or the number
 * of threads. Sets of size 1 up to the depth limit are tried by size, lexicographically; a set
 * that lies within the neighbours of {@code x} or of {@code y} is skipped, since the skeleton
 * search already tried it, and so is, for {@code pds(y)}, a set within {@code pds(x)}. The empty
 * set was tried by the skeleton search.
 */
final class PossibleDsep {
  private static final byte IN_ADJ_X = 1;
  private static final byte IN_ADJ_Y = 2;
  private static final byte IN_PDS_X = 4;

  private final IndependenceTest test;
  private final double alpha;
  private final int depth;
  private final int maxPathLength;
  private final int threads;
  private final FciKnowledge knowledge;

  /**
   * @param depth the largest conditioning set tried; negative for no limit
   * @param maxPathLength the longest path (in edges) along which Possible-D-SEP is collected;
   *     negative for no limit
   */
  PossibleDsep(IndependenceTest test, double alpha, int depth, int maxPathLength, int threads,
      FciKnowledge knowledge) {
    this.test = test;
    this.alpha = alpha;
    this.depth = depth;
    this.maxPathLength = maxPathLength;
    this.threads = threads;
    this.knowledge = knowledge;
  }

  /**
   * Removes the edges of {@code g} (its unshielded colliders oriented, nothing else) whose end
   * points some subset of a Possible-D-SEP set separates, recording the sets; returns how many.
   * Required adjacencies are not tested.
   */
  int removeEdges(MutableGraph g, Sepsets sepsets, ForbiddenPairs forbidden) {
    int p = g.size();
    int[][] adj = new int[p][];
    for (int v = 0; v < p; v++) {
      adj[v] = g.adjacentNodes(v);
    }
    int[][] pds = sets(g, maxPathLength, threads);
    Blocks blocks = Blocks.of(adj);
    int edges = 0;
    for (int x = 0; x < p; x++) {
      for (int y : adj[x]) {
        if (x < y && !knowledge.isAdjacencyRequired(x, y)) {
          edges++;
        }
      }
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    int k = 0;
    for (int x = 0; x < p; x++) {
      for (int y : adj[x]) {
        if (x < y && !knowledge.isAdjacencyRequired(x, y)) {
          from[k] = x;
          to[k] = y;
          k++;
        }
      }
    }
    int[][] found = new int[edges][];
    Parallel.forEach(threads, edges, e -> {
      int[] candidates = possibleAncestors(g, adj, from[e], to[e],
          blocks.nodesOfEdge(from[e], to[e]));
      found[e] = separate(from[e], to[e], adj, pds, candidates, forbidden);
    });
    int removed = 0;
    for (int e = 0; e < edges; e++) {
      if (found[e] != null) {
        g.removeEdge(from[e], to[e]);
        sepsets.put(from[e], to[e], found[e]);
        removed++;
      }
    }
    return removed;
  }

  /** The first separating set from {@code pds(x)}, then {@code pds(y)}, among candidates. */
  private int[] separate(int x, int y, int[][] adj, int[][] pds, int[] candidates,
      ForbiddenPairs forbidden) {
    int[] s = separateWithin(x, y, pds[x], candidates, adj, pds[x],
        (byte) (IN_ADJ_X | IN_ADJ_Y), forbidden);
    if (s == null) {
      s = separateWithin(x, y, pds[y], candidates, adj, pds[x],
          (byte) (IN_ADJ_X | IN_ADJ_Y | IN_PDS_X), forbidden);
    }
    return s;
  }

  private int[] separateWithin(int x, int y, int[] pds, int[] candidates, int[][] adj,
      int[] pdsX, byte skipIfAllIn, ForbiddenPairs forbidden) {
    int[] pool = intersection(pds, candidates, x, y);
    int n = pool.length;
    byte[] flags = new byte[n];
    byte common = (byte) 0xFF;
    for (int i = 0; i < n; i++) {
      int v = pool[i];
      // A neighbour only through a restored forbidden pair was not one in the skeleton search.
      flags[i] = (byte) ((Arrays.binarySearch(adj[x], v) >= 0 && !forbidden.isRestored(x, v)
          ? IN_ADJ_X : 0)
          | (Arrays.binarySearch(adj[y], v) >= 0 && !forbidden.isRestored(y, v) ? IN_ADJ_Y : 0)
          | (Arrays.binarySearch(pdsX, v) >= 0 ? IN_PDS_X : 0));
      common &= flags[i];
    }
    if (n == 0 || (common & skipIfAllIn) != 0) {
      return null; // every subset was tried before
    }
    int top = depth < 0 ? n : Math.min(depth, n);
    for (int k = 1; k <= top; k++) {
      int[] idx = Combinations.first(k);
      int[] z = new int[k];
      do {
        byte all = (byte) 0xFF;
        for (int i : idx) {
          all &= flags[i];
        }
        if ((all & skipIfAllIn) != 0) {
          continue;
        }
        Parallel.checkCancelled();
        Combinations.select(pool, idx, z);
        if (test.pValue(x, y, z) > alpha) {
          return z;
        }
      } while (Combinations.next(idx, n));
    }
    return null;
  }

  /**
   * The nodes of {@code block} (ascending) from which a potentially directed path leads to
   * {@code x} or {@code y}, ascending: a backward search over edges {@code v *-* w} without an
   * arrowhead at {@code v} or a tail at {@code w}.
   */
  private static int[] possibleAncestors(Graph g, int[][] adj, int x, int y, int[] block) {
    boolean[] seen = new boolean[g.size()];
    int[] queue = new int[g.size()];
    int head = 0;
    int tail = 0;
    seen[x] = true;
    seen[y] = true;
    queue[tail++] = x;
    queue[tail++] = y;
    while (head < tail) {
      int w = queue[head++];
      for (int v : adj[w]) {
        if (!seen[v] && g.endpoint(w, v) != Endpoint.ARROW && g.endpoint(v, w) != Endpoint.TAIL
            && Arrays.binarySearch(block, v) >= 0) {
          seen[v] = true;
          queue[tail++] = v;
        }
      }
    }
    int[] out = new int[tail];
    int k = 0;
    for (int v : block) {
      if (seen[v]) {
        out[k++] = v;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** The elements of both ascending arrays, except {@code x} and {@code y}. */
  private static int[] intersection(int[] a, int[] b, int x, int y) {
    int[] out = new int[Math.min(a.length, b.length)];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        if (a[i] != x && a[i] != y) {
          out[k++] = a[i];
        }
        i++;
        j++;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * The Possible-D-SEP set of every node of {@code g} (ascending, the node itself excluded),
   * collected along paths of at most {@code maxPathLength} edges (negative: no limit).
   */
  static int[][] sets(Graph g, int maxPathLength, int threads) {
    int p = g.size();
    int[][] adj = new int[p][];
    int[] offset = new int[p + 1];
    for (int v = 0; v < p; v++) {
      adj[v] = g.adjacentNodes(v);
      offset[v + 1] = offset[v] + adj[v].length;
    }
    // State offset[v] + i: at v, arrived from adj[v][i]. arrowAt: the edge has an arrowhead at v;
    // stateNode: v; reverse: the state "at adj[v][i], arrived from v".
    int states = offset[p];
    boolean[] arrowAt = new boolean[states];
    int[] stateNode = new int[states];
    int[] reverse = new int[states];
    for (int v = 0; v < p; v++) {
      for (int i = 0; i < adj[v].length; i++) {
        int u = adj[v][i];
        arrowAt[offset[v] + i] = g.endpoint(u, v) == Endpoint.ARROW;
        stateNode[offset[v] + i] = v;
        reverse[offset[v] + i] = offset[u] + Arrays.binarySearch(adj[u], v);
      }
    }
    int[][] out = new int[p][];
    // Nodes in contiguous chunks, a few per thread, each with its own scratch space.
    int chunks = Math.min(p, 4 * threads);
    Parallel.forEach(threads, chunks, chunk -> {
      Walk w = new Walk(p, states);
      for (int x = (int) ((long) p * chunk / chunks); x < (long) p * (chunk + 1) / chunks; x++) {
        Parallel.checkCancelled();
        out[x] = reach(x, w, adj, offset, arrowAt, stateNode, reverse, maxPathLength);
      }
    });
    return out;
  }

  /** The Possible-D-SEP set of {@code x} (see {@link #sets}). */
  private static int[] reach(int x, Walk w, int[][] adj, int[] offset, boolean[] arrowAt,
      int[] stateNode, int[] reverse, int maxPathLength) {
    int p = adj.length;
    int stamp = w.next();
    int head = 0;
    int tail = 0;
    int members = 0;
    for (int i = 0; i < adj[x].length; i++) {
      int v = adj[x][i];
      int s = reverse[offset[x] + i];
      w.seen[s] = stamp;
      w.length[s] = 1;
      w.queue[tail++] = s;
      if (w.member[v] != stamp) {
        w.member[v] = stamp;
        w.found[members++] = v;
      }
    }
    while (head < tail) {
      int s = w.queue[head++];
      if (maxPathLength >= 0 && w.length[s] >= maxPathLength) {
        continue;
      }
      int v = stateNode[s];
      int u = adj[v][s - offset[v]];
      int[] nv = adj[v];
      int[] nu = adj[u];
      for (int j = 0; j < nv.length; j++) {
        int next = nv[j];
        if (next == u || next == x) {
          continue;
        }
        if (!(arrowAt[s] && arrowAt[offset[v] + j]) && Arrays.binarySearch(nu, next) < 0) {
          continue;
        }
        int t = reverse[offset[v] + j];
        if (w.seen[t] != stamp) {
          w.seen[t] = stamp;
          w.length[t] = w.length[s] + 1;
          w.queue[tail++] = t;
          if (w.member[next] != stamp) {
            w.member[next] = stamp;
            w.found[members++] = next;
          }
        }
      }
    }
    int[] set;
    if (members > p / 16) { // large sets are common; a scan is cheaper than sorting them
      set = new int[members];
      int k = 0;
      for (int v = 0; v < p; v++) {
        if (w.member[v] == stamp) {
          set[k++] = v;
        }
      }
    } else {
      set = Arrays.copyOf(w.found, members);
      Arrays.sort(set);
    }
    return set;
  }

  /** One chunk's marks for the searches of {@link #sets}, valid where equal to the stamp. */
  private static final class Walk {
    final int[] seen;
    final int[] length;
    final int[] queue;
    final int[] member;
    final int[] found;
    int stamp;

    Walk(int p, int states) {
      seen = new int[states];
      length = new int[states];
      queue = new int[states];
      member = new int[p];
      found = new int[p];
    }

    int next() {
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(seen, 0);
        Arrays.fill(member, 0);
        stamp = 1;
      }
      return stamp;
    }
  }

}
