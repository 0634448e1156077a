package dev.causal4j.discovery.pc;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.independence.IndependenceTest;

/**
 * The adjacency (skeleton) phase of the PC algorithm: start from the complete undirected graph and
 * remove the edge {@code x — y} as soon as some set {@code S} of neighbours of {@code x} (or of
 * {@code y}) of size 0, 1, 2, … makes them independent, remembering {@code S} as their separating
 * set (Spirtes, Glymour &amp; Scheines 2000, §5.4.2).
 *
 * <p><b>Stable</b> (Colombo &amp; Maathuis 2014, Algorithm 4.1, "PC-stable"): at the start of each
 * depth the neighbour sets are frozen, so the decisions within a depth do not depend on the order
 * in which edges are visited. That makes each edge's tests independent of the others', so they run
 * in parallel and the result is the same on one thread or many. For one edge the smaller-index
 * endpoint's neighbour sets are tried first, then the other's, subsets in lexicographic order;
 * the first independence found is kept as the separating set.
 *
 * <p><b>Not stable</b> (the original PC): neighbour sets shrink as edges go, so the result depends
 * on variable order; it runs on one thread. The algorithm leaves the order of the pairs open; here
 * the pairs {@code x < y} are visited row by row and each is tried from {@code x}'s neighbours,
 * then from {@code y}'s, the order Tetrad's adjacency search (FAS) uses, so that this mode gives
 * exactly Tetrad's PC skeleton (checked in causal4j-bench's {@code PcTetradAgreementTest}).
 *
 * <p>Independence is decided as {@code p > alpha}, as Tetrad does.
 */
public final class AdjacencySearch {
  private final IndependenceTest test;
  private final double alpha;
  private final int maxDepth;
  private final boolean stable;
  private final int threads;
  private final EdgeConstraints constraints;

  /**
   * @param test the conditional-independence test
   * @param alpha significance level: an edge is removed when some test gives {@code p > alpha}
   * @param maxDepth the largest conditioning set tried; negative for no limit
   * @param stable freeze neighbour sets per depth (PC-stable); false for the original PC
   * @param threads worker threads for the stable search (1 runs in the calling thread)
   * @param constraints edges that must stay and pairs that may not be adjacent
   */
  public AdjacencySearch(
      IndependenceTest test,
      double alpha,
      int maxDepth,
      boolean stable,
      int threads,
      EdgeConstraints constraints) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1); got " + alpha);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1; got " + threads);
    }
    this.test = test;
    this.alpha = alpha;
    this.maxDepth = maxDepth < 0 ? Integer.MAX_VALUE : maxDepth;
    this.stable = stable;
    this.threads = threads;
    this.constraints = constraints;
  }

  /** Runs the search. */
  public Skeleton search() {
    int p = test.variables().size();
    AdjacencyMatrix adj = AdjacencyMatrix.complete(p);
    SepsetMap sepsets = new SepsetMap(p);
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        if (constraints.forbidsAdjacency(a, b)) {
          adj.remove(a, b);
        }
      }
    }
    long[] tests = new long[1];
    int depth = 0;
    int reached = -1;
    if (stable) {
      tests[0] += depthZero(adj);
      reached = 0;
      for (depth = 1; depth <= maxDepth; depth++) {
        long made = stableDepth(adj, sepsets, depth);
        if (made < 0) {
          break;
        }
        tests[0] += made;
        reached = depth;
      }
    } else {
      for (depth = 0; depth <= maxDepth; depth++) {
        long made = sequentialDepth(adj, sepsets, depth);
        if (made < 0) {
          break;
        }
        tests[0] += made;
        reached = depth;
      }
    }
    return new Skeleton(adj, sepsets, tests[0], reached);
  }

  /** Depth 0 on the complete graph, row by row in parallel; each row owns its upper triangle. */
  private long depthZero(AdjacencyMatrix adj) {
    int p = adj.size();
    long[] made = new long[p];
    int[] empty = new int[0];
    Parallel.forEach(threads, p, x -> {
      long[] row = adj.row(x);
      long count = 0;
      for (int y = x + 1; y < p; y++) {
        if ((row[y >>> 6] & (1L << y)) == 0 || constraints.requiresAdjacency(x, y)) {
          continue;
        }
        count++;
        if (test.pValue(x, y, empty) > alpha) {
          row[y >>> 6] &= ~(1L << y);
        }
      }
      made[x] = count;
    });
    adj.symmetrizeFromUpperTriangle();
    long total = 0;
    for (long m : made) {
      total += m;
    }
    return total;
  }

  /**
   * One depth of PC-stable: every edge with enough frozen neighbours is tested in parallel and the
   * removals applied afterwards. Returns the tests made, or -1 if no edge has enough neighbours.
   */
  private long stableDepth(AdjacencyMatrix adj, SepsetMap sepsets, int depth) {
    int p = adj.size();
    int[][] frozen = new int[p][];
    for (int v = 0; v < p; v++) {
      frozen[v] = adj.neighbors(v);
    }
    int edges = 0;
    for (int a = 0; a < p; a++) {
      for (int b : frozen[a]) {
        if (a < b && testable(frozen, a, b, depth)) {
          edges++;
        }
      }
    }
    if (edges == 0) {
      return -1;
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    int k = 0;
    for (int a = 0; a < p; a++) {
      for (int b : frozen[a]) {
        if (a < b && testable(frozen, a, b, depth)) {
          from[k] = a;
          to[k] = b;
          k++;
        }
      }
    }
    int[][] found = new int[edges][];
    long[] made = new long[edges];
    Parallel.forEach(threads, edges, e -> {
      int a = from[e];
      int b = to[e];
      if (constraints.requiresAdjacency(a, b)) {
        return;
      }
      long[] count = new long[1];
      int[] s = separate(a, b, frozen[a], depth, count);
      if (s == null) {
        s = separate(b, a, frozen[b], depth, count);
      }
      found[e] = s;
      made[e] = count[0];
    });
    long total = 0;
    for (int e = 0; e < edges; e++) {
      total += made[e];
      if (found[e] != null) {
        adj.remove(from[e], to[e]);
        sepsets.put(from[e], to[e], found[e]);
      }
    }
    return total;
  }

  private static boolean testable(int[][] frozen, int a, int b, int depth) {
    return frozen[a].length - 1 >= depth || frozen[b].length - 1 >= depth;
  }

  /**
   * One depth of the original, order-dependent PC. Pairs are visited in the order (0, 1), (0, 2),
   * …, (1, 2), …; each is tested from the first node's current neighbours, then, if not separated,
   * from the second's. Returns the tests made, or -1 if no adjacent pair had enough neighbours.
   */
  private long sequentialDepth(AdjacencyMatrix adj, SepsetMap sepsets, int depth) {
    int p = adj.size();
    long[] count = new long[1];
    boolean any = false;
    for (int x = 0; x < p; x++) {
      Parallel.checkCancelled();
      // Only row x removes its own pairs (x, y > x), so a snapshot of the row is safe to walk.
      for (int y : adj.neighbors(x)) {
        if (y < x || !adj.isAdjacent(x, y)) {
          continue;
        }
        int[] nx = adj.neighbors(x);
        int[] ny = adj.neighbors(y);
        boolean fromX = nx.length - 1 >= depth;
        boolean fromY = ny.length - 1 >= depth;
        if (!fromX && !fromY) {
          continue;
        }
        any = true;
        if (constraints.requiresAdjacency(x, y)) {
          continue;
        }
        int[] s = fromX ? separate(x, y, nx, depth, count) : null;
        if (s == null && fromY) {
          s = separate(y, x, ny, depth, count);
        }
        if (s != null) {
          adj.remove(x, y);
          sepsets.put(x, y, s);
        }
      }
    }
    return any ? count[0] : -1;
  }

  /**
   * Tries every {@code depth}-subset of {@code neighborsOfX ∖ {y}} in lexicographic order; returns
   * the first that separates {@code x} and {@code y}, or null.
   */
  private int[] separate(int x, int y, int[] neighborsOfX, int depth, long[] count) {
    int m = neighborsOfX.length;
    int[] pool = new int[m - 1 < 0 ? 0 : m - 1];
    int k = 0;
    for (int v : neighborsOfX) {
      if (v != y) {
        pool[k++] = v;
      }
    }
    if (k < depth) {
      return null;
    }
    int[] idx = new int[depth];
    for (int i = 0; i < depth; i++) {
      idx[i] = i;
    }
    int[] z = new int[depth];
    while (true) {
      for (int i = 0; i < depth; i++) {
        z[i] = pool[idx[i]];
      }
      count[0]++;
      if (test.pValue(x, y, z) > alpha) {
        return z;
      }
      int i = depth - 1;
      while (i >= 0 && idx[i] == k - depth + i) {
        i--;
      }
      if (i < 0) {
        return null;
      }
      idx[i]++;
      for (int j = i + 1; j < depth; j++) {
        idx[j] = idx[j - 1] + 1;
      }
    }
  }
}
