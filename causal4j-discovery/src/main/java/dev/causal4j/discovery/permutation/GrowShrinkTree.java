package dev.causal4j.discovery.permutation;

/**
 * The grow-shrink tree of one variable (Andrews et al. 2023, §4): a cache of the parent sets that
 * grow-shrink picks for the variable from any set of allowed predecessors (a "prefix").
 *
 * <p>Grow-shrink from a prefix {@code Z}: starting from the required parents, repeatedly add the
 * member of {@code Z} that raises the local score most, while one does (grow); then repeatedly
 * drop the parent whose removal raises the score most, while one does (shrink). Each tree node is
 * a state of the grow phase; its branches are the candidates that improve on it, best first, so
 * the grow step for a prefix is "take the first branch in the prefix". A walk from the root for
 * any prefix therefore costs a few array scans once the nodes on its path exist, and nodes (with
 * their scores) are made on first visit and kept for the whole search.
 *
 * <p>A branch taken at a node also tells the subtree something: the branches before it were not
 * in the prefix, so below it they are never candidates. That is why the candidates of a new node
 * exclude its ancestors' earlier siblings: fewer score evaluations, same answers.
 *
 * <p>Ties are broken by variable index (lower first), so the tree, and every answer, is the same
 * whatever order threads visit it in. Growing and shrinking a node are guarded by the node's
 * monitor and published through volatile fields; walks take no lock.
 */
final class GrowShrinkTree {
  /** A state of the grow phase: the required parents plus the adds on the path from the root. */
  static final class Node {
    final Node parent;
    /** The variable added on the edge from {@link #parent}; -1 at the root. */
    final int add;
    /** This node's position among its parent's branches. */
    final int rank;
    /** The local score with this node's parent set. */
    final double growScore;
    /** Branch variables, best first; written before {@link #branches} is published. */
    int[] adds;
    volatile Node[] branches;
    /** Written before {@link #kept} is published. */
    double shrinkScore;
    /** The parent set after the shrink phase, ascending. */
    volatile int[] kept;

    Node(Node parent, int add, int rank, double growScore) {
      this.parent = parent;
      this.add = add;
      this.rank = rank;
      this.growScore = growScore;
    }

    /** The score of the grow-shrink parent set ending at this node. */
    double score() {
      return shrinkScore;
    }

    /** The grow-shrink parent set ending at this node, ascending; callers must not modify it. */
    int[] parents() {
      return kept;
    }
  }

  private final ParentSelection owner;
  private final int target;
  private final int[] required;
  private final Node root;

  GrowShrinkTree(ParentSelection owner, int target, int[] required) {
    this.owner = owner;
    this.target = target;
    this.required = required;
    this.root = new Node(null, -1, -1, owner.evaluate(target, required));
  }

  /**
   * The grow-shrink result for the prefix {@code {v : v == extra or rank[v] < bound}}, shrunk; the
   * prefix must hold the required parents.
   */
  Node trace(int[] rank, int bound, int extra) {
    Node n = root;
    while (true) {
      Node[] b = n.branches;
      if (b == null) {
        grow(n);
        b = n.branches;
      }
      int[] adds = n.adds;
      Node next = null;
      for (int i = 0; i < adds.length; i++) {
        int a = adds[i];
        if (a == extra || rank[a] < bound) {
          next = b[i];
          break;
        }
      }
      if (next == null) {
        if (n.kept == null) {
          shrink(n);
        }
        return n;
      }
      n = next;
    }
  }

  private void grow(Node n) {
    synchronized (n) {
      if (n.branches != null) {
        return;
      }
      ParentSelection.Scratch s = owner.scratch();
      int depth = 0;
      for (Node m = n; m.parent != null; m = m.parent) {
        depth++;
      }
      int k = required.length + depth;
      int[] family = s.family(k + 1);
      System.arraycopy(required, 0, family, 0, required.length);
      int epoch = s.nextEpoch();
      int[] stamp = s.stamp;
      int q = required.length;
      for (Node m = n; m.parent != null; m = m.parent) {
        family[q++] = m.add;
        int[] siblings = m.parent.adds;
        for (int i = 0; i <= m.rank; i++) {
          stamp[siblings[i]] = epoch;
        }
      }
      int found = 0;
      int[] cand = s.candidates;
      double[] scores = s.scores;
      int p = stamp.length;
      for (int c = 0; c < p; c++) {
        if (stamp[c] == epoch || !owner.isCandidate(c, target)) {
          continue;
        }
        family[k] = c;
        double v = owner.evaluate(target, family);
        if (v > n.growScore) {
          cand[found] = c;
          scores[found] = v;
          found++;
        }
      }
      sortByScoreDescending(cand, scores, found, s.sortInts, s.sortDoubles);
      int[] adds = new int[found];
      Node[] branches = new Node[found];
      for (int i = 0; i < found; i++) {
        adds[i] = cand[i];
        branches[i] = new Node(n, cand[i], i, scores[i]);
      }
      n.adds = adds;
      n.branches = branches;
    }
  }

  private void shrink(Node n) {
    synchronized (n) {
      if (n.kept != null) {
        return;
      }
      ParentSelection.Scratch s = owner.scratch();
      int depth = 0;
      for (Node m = n; m.parent != null; m = m.parent) {
        depth++;
      }
      int r = required.length;
      // The set as [required | optional], the optional part ascending so ties go to low indices.
      int[] set = new int[r + depth];
      System.arraycopy(required, 0, set, 0, r);
      int q = r;
      for (Node m = n; m.parent != null; m = m.parent) {
        set[q++] = m.add;
      }
      java.util.Arrays.sort(set, r, set.length);
      int size = set.length;
      double current = n.growScore;
      while (size > r) {
        int[] without = s.family(size - 1);
        int best = -1;
        double bestScore = current;
        for (int drop = r; drop < size; drop++) {
          int w = 0;
          for (int i = 0; i < size; i++) {
            if (i != drop) {
              without[w++] = set[i];
            }
          }
          double v = owner.evaluate(target, without);
          if (v > bestScore) {
            bestScore = v;
            best = drop;
          }
        }
        if (best < 0) {
          break;
        }
        System.arraycopy(set, best + 1, set, best, size - best - 1);
        size--;
        current = bestScore;
      }
      int[] kept = java.util.Arrays.copyOf(set, size);
      java.util.Arrays.sort(kept);
      n.shrinkScore = current;
      n.kept = kept;
    }
  }

  /**
   * Sorts the first {@code n} (variable, score) pairs by score descending, then variable
   * ascending: a merge sort on primitives (stable, no boxing).
   */
  static void sortByScoreDescending(int[] vars, double[] scores, int n, int[] tmpV,
      double[] tmpS) {
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
          boolean takeRight =
              scores[j] > scores[i] || (scores[j] == scores[i] && vars[j] < vars[i]);
          if (takeRight) {
            tmpV[o] = vars[j];
            tmpS[o++] = scores[j++];
          } else {
            tmpV[o] = vars[i];
            tmpS[o++] = scores[i++];
          }
        }
        while (i < mid) {
          tmpV[o] = vars[i];
          tmpS[o++] = scores[i++];
        }
        while (j < hi) {
          tmpV[o] = vars[j];
          tmpS[o++] = scores[j++];
        }
        System.arraycopy(tmpV, lo, vars, lo, hi - lo);
        System.arraycopy(tmpS, lo, scores, lo, hi - lo);
      }
    }
  }
}
