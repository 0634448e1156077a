package dev.causal4j.effects.identify;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.SeparationIndex;
import java.util.BitSet;
import java.util.Optional;

/**
 * Finds a front-door set {@code M} (Pearl 1995, "Causal diagrams for empirical research",
 * Biometrika 82; Pearl 2009, §3.3.2), or a conditional one with pre-treatment covariates {@code W}
 * (the conditional front-door criterion, e.g. Hünermund &amp; Bareinboim 2023, "Causal inference
 * and data fusion in econometrics", Econometrics J.). {@code (M, W)} qualifies when
 *
 * <ol>
 *   <li>every directed path from {@code X} to {@code Y} passes through {@code M};
 *   <li>{@code W} has no descendant of {@code X}, and neither {@code X} nor {@code W} descends
 *       from {@code M};
 *   <li>{@code W} blocks every back-door path from {@code X} to {@code M} ({@code X} and {@code M}
 *       d-separated by {@code W} once the edges out of {@code X} are removed);
 *   <li>{@code X ∪ W} blocks every back-door path from {@code M} to {@code Y} ({@code M} and
 *       {@code Y} d-separated by {@code X ∪ W} once the edges out of {@code M} are removed).
 * </ol>
 *
 * <p>For a given {@code W} the search is exact, in the manner of Jeong, Tian &amp; Bareinboim
 * (2022, "Finding and listing front-door adjustment sets", NeurIPS): condition 3 holds node by
 * node, which gives the largest candidate set; a node d-connected to {@code Y} in condition 4 is
 * d-connected in every subset's graph too (removing fewer edges opens more paths), so dropping
 * such nodes until none is left gives the largest set meeting 2–4; condition 1 holds for some
 * subset iff it holds for that set. The set found is then pruned greedily to a minimal one.
 * {@code W} is searched among subsets of the observed non-descendants of {@code X} in {@code
 * An(X ∪ Y)}, smallest first, up to {@link #MAX_COVARIATE_SETS} subsets: beyond that a
 * conditional front-door set may be missed (never a wrong one reported).
 */
final class FrontDoorSearch {
  /** How many covariate sets {@code W} are tried. */
  static final int MAX_COVARIATE_SETS = 4096;

  private final Graph dag;
  private final BitSet x;
  private final BitSet y;
  private final BitSet usable;
  private final BitSet descendantsOfX;
  private final BitSet[] descendants;
  private final int[][] children;
  private final SeparationIndex withoutOutOfX;

  /** A front-door set and its covariates. */
  record Found(BitSet mediators, BitSet covariates) {}

  /**
   * @param usable the observed nodes that may be mediators or covariates (not {@code X}, {@code
   *     Y}, hidden or excluded)
   */
  FrontDoorSearch(Graph dag, BitSet x, BitSet y, BitSet usable) {
    this.dag = dag;
    this.x = x;
    this.y = y;
    this.usable = usable;
    descendantsOfX = Graphs.descendants(dag, Sets.array(x));
    children = Sets.children(dag);
    descendants = new BitSet[dag.size()];
    for (int v = usable.nextSetBit(0); v >= 0; v = usable.nextSetBit(v + 1)) {
      descendants[v] = Graphs.descendants(dag, v);
    }
    withoutOutOfX = SeparationIndex.of(Sets.withoutEdgesOutOf(dag, x));
  }

  /** The first front-door set found: unconditional if there is one, else conditional. */
  Optional<Found> find() {
    BitSet candidates = Graphs.ancestors(dag, Sets.array(Sets.union(x, y)));
    candidates.and(usable);
    candidates.andNot(descendantsOfX);
    int[] c = Sets.array(candidates);
    int tried = 0;
    for (int size = 0; size <= c.length && tried < MAX_COVARIATE_SETS; size++) {
      int[] pick = new int[size];
      for (int i = 0; i < size; i++) {
        pick[i] = i;
      }
      while (tried < MAX_COVARIATE_SETS) {
        BitSet w = new BitSet();
        for (int i : pick) {
          w.set(c[i]);
        }
        tried++;
        Optional<BitSet> m = mediatorsGiven(w);
        if (m.isPresent()) {
          return Optional.of(new Found(m.get(), w));
        }
        if (!nextCombination(pick, c.length)) {
          break;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean nextCombination(int[] pick, int n) {
    int k = pick.length;
    int i = k - 1;
    while (i >= 0 && pick[i] == n - k + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    pick[i]++;
    for (int j = i + 1; j < k; j++) {
      pick[j] = pick[j - 1] + 1;
    }
    return true;
  }

  /** A minimal front-door set given covariates {@code w}, if one exists. */
  Optional<BitSet> mediatorsGiven(BitSet w) {
    if (w.intersects(descendantsOfX)) {
      return Optional.empty();
    }
    BitSet m = Sets.minus(usable, w);
    m.andNot(Sets.connected(withoutOutOfX, x, w));
    BitSet xw = Sets.union(x, w);
    for (int v = m.nextSetBit(0); v >= 0; v = m.nextSetBit(v + 1)) {
      if (descendants[v].intersects(xw)) {
        m.clear(v);
      }
    }
    while (true) {
      BitSet bad = connectedToY(m, xw);
      bad.and(m);
      if (bad.isEmpty()) {
        break;
      }
      m.andNot(bad);
    }
    if (m.isEmpty() || !intercepts(m)) {
      return Optional.empty();
    }
    for (int v = m.nextSetBit(0); v >= 0; v = m.nextSetBit(v + 1)) {
      BitSet smaller = (BitSet) m.clone();
      smaller.clear(v);
      if (!smaller.isEmpty() && isFrontDoor(smaller, w)) {
        m = smaller;
      }
    }
    return Optional.of(m);
  }

  /** The nodes d-connected to {@code Y} given {@code xw} once the edges out of {@code m} go. */
  private BitSet connectedToY(BitSet m, BitSet xw) {
    SeparationIndex index = SeparationIndex.of(Sets.withoutEdgesOutOf(dag, m));
    return Sets.connected(index, y, xw);
  }

  /** True if every directed path from {@code X} to {@code Y} passes through {@code m}. */
  private boolean intercepts(BitSet m) {
    return !Sets.reach(children, x, m).intersects(y);
  }

  /** Checks all four conditions. */
  boolean isFrontDoor(BitSet m, BitSet w) {
    if (m.isEmpty() || m.intersects(w) || m.intersects(x) || m.intersects(y)
        || w.intersects(descendantsOfX) || w.intersects(x) || w.intersects(y)) {
      return false;
    }
    for (int v = m.nextSetBit(0); v >= 0; v = m.nextSetBit(v + 1)) {
      if (dag.isLatent(v)) {
        return false;
      }
    }
    BitSet xw = Sets.union(x, w);
    for (int v = m.nextSetBit(0); v >= 0; v = m.nextSetBit(v + 1)) {
      if (descendants[v] == null || descendants[v].intersects(xw)) {
        return false;
      }
    }
    if (Sets.connected(withoutOutOfX, x, w).intersects(m)) {
      return false;
    }
    if (connectedToY(m, xw).intersects(m)) {
      return false;
    }
    return intercepts(m);
  }
}
