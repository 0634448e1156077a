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
 * "raised" means by more.
 *
 * <p>Knowledge (not in the paper, which has none): every order stays valid ({@link
 * OrderConstraints}). Knowledge takes moves away, and a tuck-only search then stalls far more
 * often (with knowledge that agrees with the truth, 26 of 40 large-sample models missed in {@code
 * KnowledgeTest}), so three moves are added that apply only under knowledge; without knowledge
 * the search is exactly the paper's:
 *
 * <ul>
 *   <li>an ancestor of y that must stay behind x or another staying variable stays, and y still
 *       moves in front of x;
 *   <li>if y itself may not move forward, x moves back behind y with its descendants between
 *       them ({@code [others…, y, x, descendants…]});
 *   <li>a pair {@code u} before {@code y} whose edge {@code u --> y} alone is forbidden is tucked
 *       as if it were an edge (treated as uncovered): in that order no edge can carry their
 *       dependence, so no ordinary tuck would ever reorder them.
 * </ul>
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
  private final int[] stay;
  private final int[][] oneWayForbidden;
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
    this.stay = new int[p];
    this.oneWayForbidden = constraints.oneWayForbidden();
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
      int[] blocked = oneWayForbidden[y];
      for (int c = 0; c < pa.length + blocked.length; c++) {
        Parallel.checkCancelled();
        boolean edge = c < pa.length;
        int x = edge ? pa[c] : blocked[c - pa.length];
        if (!edge && position[x] > position[y]) {
          continue;
        }
        boolean covered = edge && isCovered(x, y);
        long pair = pair(x, y);
        if (covered && contains(path, pair)) {
          continue;
        }
        if (level > limits.uncoveredDepth() && !covered) {
          continue;
        }
        markAncestors(x, y);
        if (level > limits.nonSingularDepth() && !isSingular(x, y)) {
          continue;
        }
        if (!tuck(x, y) && !tuckBack(x, y)) {
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

  /** Marks (with a new epoch) y and its ancestors strictly between x and y in the order. */
  private void markAncestors(int x, int y) {
    int e = ++epoch;
    int i = position[x];
    mark[y] = e;
    for (int k = position[y]; k > i; k--) {
      int v = order[k];
      if (mark[v] != e) {
        continue;
      }
      for (int u : parents[v]) {
        if (position[u] > i) {
          mark[u] = e;
        }
      }
    }
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

  /**
   * Makes the tuck (after {@link #markAncestors}): {@code [moved ancestors…, y, x, the rest…]}.
   * Under knowledge, an ancestor that must stay behind one of the variables that stay (x among
   * them) stays too, so the tuck still puts y in front of x; false if y itself cannot go.
   */
  private boolean tuck(int x, int y) {
    int e = epoch;
    int i = position[x];
    int j = position[y];
    int len = j - i + 1;
    int moved = 0;
    int stayed = 0;
    stay[stayed++] = x;
    for (int k = i + 1; k < j; k++) {
      int v = order[k];
      if (mark[v] == e && canPass(v, stayed)) {
        segment[moved++] = v;
      } else {
        stay[stayed++] = v;
      }
    }
    if (!canPass(y, stayed)) {
      return false;
    }
    segment[moved] = y;
    System.arraycopy(stay, 0, segment, moved + 1, stayed);
    apply(i, len);
    return true;
  }

  /** Puts {@code segment} in {@code order[i, i+len)}, saving what was there for {@link #undo}. */
  private void apply(int i, int len) {
    int j = i + len - 1;
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
  }

  /**
   * The mirror image of a tuck, tried only when the knowledge forbids the tuck itself: move x,
   * with its descendants between x and y, behind y: {@code [the rest…, y, x, descendants…]}. It
   * too puts y in front of x, and helps when y may not move forward but x may move back (for
   * example x untiered, y behind a tier boundary). False if the knowledge forbids it too.
   */
  private boolean tuckBack(int x, int y) {
    if (constraints.isEmpty()) {
      return false;
    }
    int e = ++epoch;
    int i = position[x];
    int j = position[y];
    mark[x] = e;
    int kept = 0;
    int moved = 0;
    for (int k = i + 1; k < j; k++) {
      int v = order[k];
      boolean descendant = false;
      for (int u : parents[v]) {
        descendant |= mark[u] == e;
      }
      if (descendant) {
        mark[v] = e;
        stay[moved++] = v;
      } else {
        segment[kept++] = v;
      }
    }
    segment[kept] = y;
    int len = j - i + 1;
    // x and each descendant must be free to fall behind everything that was after it.
    for (int k = 0; k <= kept; k++) {
      int passed = segment[k];
      if (constraints.mustPrecede(x, passed)) {
        return false;
      }
      for (int d = 0; d < moved; d++) {
        if (position[stay[d]] < position[passed] && constraints.mustPrecede(stay[d], passed)) {
          return false;
        }
      }
    }
    segment[kept + 1] = x;
    System.arraycopy(stay, 0, segment, kept + 2, moved);
    apply(i, len);
    return true;
  }

  /** True if the knowledge lets {@code v} move in front of the first {@code n} staying ones. */
  private boolean canPass(int v, int n) {
    if (constraints.isEmpty()) {
      return true;
    }
    for (int k = 0; k < n; k++) {
      if (constraints.mustPrecede(stay[k], v)) {
        return false;
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
