package dev.causal4j.discovery.permutation;

import dev.causal4j.discovery.Parallel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * GRaSP's search from one starting order (Lam, Andrews &amp; Ramsey 2022, §4–5): a depth-first
 * search over tucks that returns as soon as one raises the score, repeated until a whole search
 * finds none.
 *
 * <p>The tuck of an edge {@code x --> y} of the current DAG (x at position i, y at j > i) moves
 * y, with those of its ancestors that lie between the two, in front of x, keeping their relative
 * order: {@code [ancestors…, y, x, others…]}. It is <em>covered</em> if {@code pa(y) = pa(x) ∪
 * {x}} (then it just reverses the edge within the equivalence class) and <em>singular</em> if the
 * edge is the only directed path from x to y. A tuck that leaves the score unchanged is followed
 * by further tucks, up to {@code depth} levels deep; uncovered tucks are tried only at levels up
 * to {@code uncoveredDepth}, non-singular ones only up to {@code nonSingularDepth}. Below the
 * uncovered depth, a set of tucked pairs already explored is not explored again. A covered tuck of
 * a pair already tucked on the current path is skipped (it would undo the earlier one).
 *
 * <p>Scores compare with {@link BetterMutation#TOLERANCE}: "unchanged" means within it, and
 * "raised" means by more. Tucks that the knowledge forbids (a required edge or the tiers would be
 * reversed) are not made.
 */
final class TuckSearch {
  private final ParentSelection selection;
  private final OrderConstraints constraints;
  private final int p;
  private final int[] order;
  private final int[] position;
  private final int[][] parents;
  private final double[] local;
  private final int[] mark;
  private final int[] segment;
  private final Deque<Saved> saved = new ArrayDeque<>();
  private int epoch;
  private double total;
  private long tucks;

  TuckSearch(ParentSelection selection, OrderConstraints constraints, int[] start) {
    this.selection = selection;
    this.constraints = constraints;
    this.p = start.length;
    this.order = start.clone();
    this.position = new int[p];
    this.parents = new int[p][];
    this.local = new double[p];
    this.mark = new int[p];
    this.segment = new int[p];
    for (int i = 0; i < p; i++) {
      position[order[i]] = i;
    }
    for (int i = 0; i < p; i++) {
      GrowShrinkTree.Node n = selection.select(order, position, i);
      parents[order[i]] = n.parents();
      local[order[i]] = n.score();
      total += n.score();
    }
  }

  /** The depth limits of one relaxation. */
  record Limits(int depth, int uncoveredDepth, int nonSingularDepth) {}

  /** Searches with these limits until a whole depth-first search raises nothing. */
  void run(Limits limits) {
    boolean improved;
    do {
      double before = total;
      improved = dfs(before, limits, 1, new long[0], new HashSet<>());
      saved.clear();
    } while (improved);
  }

  double score() {
    double s = 0;
    for (int i = 0; i < p; i++) {
      s += local[order[i]];
    }
    return s;
  }

  int[] order() {
    return order.clone();
  }

  int[][] parents() {
    return parents.clone();
  }

  long tucks() {
    return tucks;
  }

  private boolean dfs(double start, Limits limits, int level, long[] path, Set<PairSet> history) {
    int[] ys = order.clone();
    for (int y : ys) {
      int[] pa = parents[y];
      for (int x : pa) {
        Parallel.checkCancelled();
        boolean covered = isCovered(x, y);
        long pair = pair(x, y);
        if (covered && contains(path, pair)) {
          continue;
        }
        if (level > limits.uncoveredDepth() && !covered) {
          continue;
        }
        int ancestors = markAncestors(x, y);
        if (level > limits.nonSingularDepth() && !isSingular(x, y)) {
          continue;
        }
        if (!tuck(x, y, ancestors)) {
          continue;
        }
        if (total > start + BetterMutation.TOLERANCE) {
          return true;
        }
        if (Math.abs(total - start) <= BetterMutation.TOLERANCE && level < limits.depth()) {
          long[] deeper = contains(path, pair) ? path : with(path, pair);
          boolean explore = level <= limits.uncoveredDepth() || history.add(new PairSet(deeper));
          if (explore && dfs(start, limits, level + 1, deeper, history)) {
            return true;
          }
        }
        undo();
      }
    }
    return false;
  }

  /** True if {@code pa(y) = pa(x) ∪ {x}}. */
  private boolean isCovered(int x, int y) {
    int[] px = parents[x];
    int[] py = parents[y];
    if (py.length != px.length + 1) {
      return false;
    }
    int i = 0;
    for (int v : py) {
      if (v == x) {
        continue;
      }
      if (i >= px.length || px[i] != v) {
        return false;
      }
      i++;
    }
    return true;
  }

  /**
   * Marks (with the current epoch) y and its ancestors strictly between x and y in the order;
   * returns how many of those in between were marked.
   */
  private int markAncestors(int x, int y) {
    int e = ++epoch;
    int i = position[x];
    mark[y] = e;
    int count = 0;
    for (int k = position[y]; k > i; k--) {
      int v = order[k];
      if (mark[v] != e) {
        continue;
      }
      if (v != y) {
        count++;
      }
      for (int u : parents[v]) {
        if (position[u] > i) {
          mark[u] = e;
        }
      }
    }
    return count;
  }

  /** After {@link #markAncestors}: true if no marked ancestor of y between them is x's child. */
  private boolean isSingular(int x, int y) {
    int e = epoch;
    for (int k = position[x] + 1; k < position[y]; k++) {
      int v = order[k];
      if (mark[v] == e && Arrays.binarySearch(parents[v], x) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Makes the tuck (after {@link #markAncestors}); false if the knowledge forbids it. */
  private boolean tuck(int x, int y, int ancestors) {
    int e = epoch;
    int i = position[x];
    int j = position[y];
    int a = 0;
    int rest = ancestors + 2;
    for (int k = i + 1; k < j; k++) {
      int v = order[k];
      if (mark[v] == e) {
        segment[a++] = v;
      } else {
        segment[rest++] = v;
      }
    }
    segment[a] = y;
    segment[a + 1] = x;
    int len = j - i + 1;
    if (!constraints.isEmpty() && !allowed(x, a, len)) {
      return false;
    }
    Saved s = new Saved(i, Arrays.copyOfRange(order, i, j + 1), new int[len][], new double[len],
        total);
    double before = 0;
    for (int k = 0; k < len; k++) {
      int v = order[i + k];
      s.parents[k] = parents[v];
      s.local[k] = local[v];
      before += local[v];
    }
    saved.push(s);
    System.arraycopy(segment, 0, order, i, len);
    for (int k = i; k <= j; k++) {
      position[order[k]] = k;
    }
    double after = 0;
    for (int k = i; k <= j; k++) {
      GrowShrinkTree.Node n = selection.select(order, position, k);
      int v = order[k];
      parents[v] = n.parents();
      local[v] = n.score();
      after += n.score();
    }
    total += after - before;
    tucks++;
    return true;
  }

  /**
   * Whether the knowledge allows the new segment {@code [ancestors (a of them), y, x, others]}:
   * only the pairs whose relative order the tuck reverses need checking.
   */
  private boolean allowed(int x, int a, int len) {
    for (int k = 0; k <= a; k++) {
      if (constraints.mustPrecede(x, segment[k])) {
        return false;
      }
    }
    for (int r = a + 2; r < len; r++) {
      int other = segment[r];
      for (int k = 0; k <= a; k++) {
        int moved = segment[k];
        if (position[other] < position[moved] && constraints.mustPrecede(other, moved)) {
          return false;
        }
      }
    }
    return true;
  }

  private void undo() {
    Saved s = saved.pop();
    int len = s.order.length;
    System.arraycopy(s.order, 0, order, s.from, len);
    for (int k = 0; k < len; k++) {
      int v = s.order[k];
      position[v] = s.from + k;
      parents[v] = s.parents[k];
      local[v] = s.local[k];
    }
    total = s.total;
  }

  private static long pair(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  private static boolean contains(long[] path, long pair) {
    for (long q : path) {
      if (q == pair) {
        return true;
      }
    }
    return false;
  }

  private static long[] with(long[] path, long pair) {
    long[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = pair;
    return out;
  }

  /** An order segment as it was before a tuck. */
  private record Saved(int from, int[] order, int[][] parents, double[] local, double total) {}

  /** A set of tucked pairs, for the history of explored paths. */
  private static final class PairSet {
    final long[] pairs;
    final int hash;

    PairSet(long[] path) {
      pairs = path.clone();
      Arrays.sort(pairs);
      hash = Arrays.hashCode(pairs);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PairSet s && Arrays.equals(pairs, s.pairs);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
