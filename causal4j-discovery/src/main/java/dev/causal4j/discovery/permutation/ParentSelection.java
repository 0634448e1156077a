package dev.causal4j.discovery.permutation;

import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.score.Score;
import java.util.concurrent.atomic.LongAdder;

/**
 * Picks each variable's parents from its predecessors in an order, through one {@link
 * GrowShrinkTree} per variable: the step every permutation search repeats. Knowledge enters here:
 * a forbidden parent is never a candidate, and a required parent is always in the set (the orders
 * the searches visit keep required parents in front, see {@link OrderConstraints}).
 *
 * <p>Thread-safe: trees may be walked from many threads at once.
 */
final class ParentSelection {
  private final Score score;
  private final BoundKnowledge knowledge;
  private final boolean constrained;
  private final int p;
  private final GrowShrinkTree[] trees;
  private final LongAdder evaluations = new LongAdder();
  private final ThreadLocal<Scratch> scratch;

  ParentSelection(Score score, BoundKnowledge knowledge) {
    this.score = score;
    this.knowledge = knowledge;
    this.constrained = !knowledge.isEmpty();
    this.p = score.variables().size();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(p));
    this.trees = new GrowShrinkTree[p];
    for (int v = 0; v < p; v++) {
      trees[v] = new GrowShrinkTree(this, v, knowledge.requiredParents(v));
    }
  }

  int size() {
    return p;
  }

  /**
   * The grow-shrink choice for {@code v} when the allowed parents are {@code {u : u == extra or
   * rank[u] < bound}} ({@code extra = -1} for none); the set must hold {@code v}'s required
   * parents and not {@code v} itself.
   */
  GrowShrinkTree.Node select(int v, int[] rank, int bound, int extra) {
    return trees[v].trace(rank, bound, extra);
  }

  /** The grow-shrink choice for {@code order[i]} given {@code order[0..i-1]}. */
  GrowShrinkTree.Node select(int[] order, int[] position, int i) {
    return trees[order[i]].trace(position, i, -1);
  }

  /** True if {@code c} may be an optional (grown) parent of {@code target}. */
  boolean isCandidate(int c, int target) {
    if (c == target) {
      return false;
    }
    return !constrained || !(knowledge.isForbidden(c, target) || knowledge.isRequired(c, target));
  }

  double evaluate(int node, int[] parents) {
    evaluations.increment();
    return score.localScore(node, parents);
  }

  long evaluations() {
    return evaluations.sum();
  }

  Scratch scratch() {
    return scratch.get();
  }

  /** Per-thread working arrays for growing and shrinking tree nodes. */
  static final class Scratch {
    final int[] stamp;
    final int[] candidates;
    final double[] scores;
    final int[] sortInts;
    final double[] sortDoubles;
    private int epoch;
    private int[][] families = new int[8][];

    Scratch(int p) {
      stamp = new int[p];
      candidates = new int[p];
      scores = new double[p];
      sortInts = new int[p];
      sortDoubles = new double[p];
    }

    int nextEpoch() {
      if (++epoch == Integer.MAX_VALUE) {
        java.util.Arrays.fill(stamp, 0);
        epoch = 1;
      }
      return epoch;
    }

    /** A reusable array of exactly {@code k} slots. */
    int[] family(int k) {
      if (k >= families.length) {
        families = java.util.Arrays.copyOf(families, Math.max(k + 1, 2 * families.length));
      }
      int[] f = families[k];
      if (f == null) {
        f = new int[k];
        families[k] = f;
      }
      return f;
    }
  }
}
