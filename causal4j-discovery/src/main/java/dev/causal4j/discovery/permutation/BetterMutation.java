package dev.causal4j.discovery.permutation;

import dev.causal4j.discovery.Parallel;

/**
 * BOSS's search from one starting order (Andrews et al. 2023, Algorithm 1): for each variable in
 * turn, move it to the position in the order that maximizes the score of the DAG the order
 * implies, and repeat the passes until a whole pass moves nothing.
 *
 * <p>Moving {@code x} to position {@code i} of the other variables' order {@code π'} changes only
 * the predecessors of {@code x} and, for each other variable, whether {@code x} is among its
 * predecessors. So the score at {@code i} is {@code s_x(π'[0..i)) + Σ_{j<i} s_{π'j}(π'[0..j)) +
 * Σ_{j≥i} s_{π'j}(π'[0..j) ∪ {x})}: one grow-shrink trace of {@code x} per position and, per
 * other variable, the trace without {@code x} if it is now after {@code x} or with {@code x} if it
 * is now before (the other one is its current score). Knowledge limits {@code i} to a window
 * around the current position; outside it nothing varies, so only the window is scored.
 *
 * <p>A move is made only if it beats the current position by more than {@link #TOLERANCE}: the
 * orders of one Markov equivalence class score the same up to rounding, and moving between them
 * would never end. The best position is the first within the tolerance of the highest score, so
 * that rounding noise between equivalent orders does not pick the position. The traces of one
 * variable are independent and run on {@code threads} threads, each into its own slot, so the
 * result does not depend on the thread count.
 */
final class BetterMutation {
  /** Score gains at or below this are rounding noise, not improvements. */
  static final double TOLERANCE = 1e-6;
  /** Below this many positions one thread is faster than handing out the work. */
  private static final int PARALLEL_MIN_POSITIONS = 64;

  private final ParentSelection selection;
  private final OrderConstraints constraints;
  private final int threads;
  private final int p;
  private final int[] order;
  private final int[] position;
  private final double[] local;
  private final int[] rankWithout;
  private final double[] atPosition;
  private final double[] traced;
  private final double[] with;
  private final double[] without;
  private final double[] total;
  private int passes;
  private long moves;

  BetterMutation(ParentSelection selection, OrderConstraints constraints, int[] start,
      int threads) {
    this.selection = selection;
    this.constraints = constraints;
    this.threads = threads;
    this.p = start.length;
    this.order = start.clone();
    this.position = new int[p];
    this.local = new double[p];
    this.rankWithout = new int[p];
    this.atPosition = new double[p];
    this.traced = new double[p];
    this.with = new double[p];
    this.without = new double[p];
    this.total = new double[p];
    for (int i = 0; i < p; i++) {
      position[order[i]] = i;
    }
  }

  /** Runs passes until none improves; returns the score of the final order. */
  double run() {
    Parallel.forEach(threads, p,
        i -> local[order[i]] = selection.select(order, position, i).score());
    boolean improved;
    do {
      improved = false;
      int[] pass = order.clone();
      for (int x : pass) {
        Parallel.checkCancelled();
        improved |= moveToBest(x);
      }
      passes++;
    } while (improved);
    return score();
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

  int passes() {
    return passes;
  }

  long moves() {
    return moves;
  }

  /** The parents that grow-shrink picks for each variable from its predecessors. */
  int[][] parents() {
    int[][] parents = new int[p][];
    Parallel.forEach(threads, p, i -> parents[order[i]] = selection.select(order, position, i)
        .parents());
    return parents;
  }

  /** The first position of π' that x may take: after the last variable that must precede it. */
  private int lowestPosition(int x, int c) {
    if (!constraints.isEmpty()) {
      for (int j = c - 1; j >= 0; j--) {
        if (constraints.mustPrecede(order[j], x)) {
          return j + 1;
        }
      }
    }
    return 0;
  }

  /** The last position of π' that x may take: before the first variable it must precede. */
  private int highestPosition(int x, int c) {
    if (!constraints.isEmpty()) {
      for (int j = c + 1; j < p; j++) {
        if (constraints.mustPrecede(x, order[j])) {
          return j - 1;
        }
      }
    }
    return p - 1;
  }

  /** Moves {@code x} to its best position; returns true if it moved. */
  private boolean moveToBest(int x) {
    int c = position[x];
    // Ranks in π', the order without x; x itself is never below a bound.
    for (int v = 0; v < p; v++) {
      int r = position[v];
      rankWithout[v] = r < c ? r : r - 1;
    }
    rankWithout[x] = Integer.MAX_VALUE;
    int lo = lowestPosition(x, c);
    int hi = highestPosition(x, c);
    if (lo == hi) {
      return false;
    }
    int count = hi - lo + 1;
    int workers = count >= PARALLEL_MIN_POSITIONS ? threads : 1;
    Parallel.forEach(workers, count, k -> {
      int i = lo + k;
      atPosition[i] = selection.select(x, rankWithout, i, -1).score();
      if (i < hi) {
        int z = order[i < c ? i : i + 1];
        // The current score covers one case; trace the other.
        traced[i] = selection.select(z, rankWithout, i, i < c ? x : -1).score();
      }
    });
    for (int j = lo; j < hi; j++) {
      int z = order[j < c ? j : j + 1];
      with[j] = j < c ? traced[j] : local[z];
      without[j] = j < c ? local[z] : traced[j];
    }
    double suffix = 0;
    for (int i = hi; i >= lo; i--) {
      total[i] = atPosition[i] + suffix;
      if (i > lo) {
        suffix += with[i - 1];
      }
    }
    double prefix = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = lo; i <= hi; i++) {
      if (i > lo) {
        prefix += without[i - 1];
      }
      total[i] += prefix;
      max = Math.max(max, total[i]);
    }
    if (!(max > total[c] + TOLERANCE)) {
      return false;
    }
    // Positions within rounding of the best are equally good (often Markov-equivalent orders);
    // take the earliest, so that the choice does not hang on rounding noise.
    int best = lo;
    while (total[best] < max - TOLERANCE) {
      best++;
    }
    for (int j = lo; j < hi; j++) {
      int z = order[j < c ? j : j + 1];
      local[z] = j < best ? without[j] : with[j];
    }
    local[x] = atPosition[best];
    if (best < c) {
      System.arraycopy(order, best, order, best + 1, c - best);
    } else {
      System.arraycopy(order, c + 1, order, c, best - c);
    }
    order[best] = x;
    for (int i = Math.min(best, c); i <= Math.max(best, c); i++) {
      position[order[i]] = i;
    }
    moves++;
    return true;
  }
}
