package dev.causal4j.effects.identify;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.SeparationIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Adjustment for {@code (X, Y)} read in one DAG (hidden nodes allowed): the DAG itself, or a
 * member of an equivalence class standing in for all of it. Holds the constructive form of the
 * adjustment criterion (van der Zander, Liśkiewicz &amp; Textor 2019; Perković et al.
 * 2018): {@code Z} is valid iff it holds no forbidden node and d-separates {@code X} and
 * {@code Y} in the proper back-door graph, {@code G} without the first edge of every proper
 * causal path from {@code X} to {@code Y}.
 *
 * <p>For a DAG, the causal nodes {@code cn(X,Y)} (nodes outside {@code X} on a proper causal
 * path) and the forbidden set {@code De(cn) ∪ X} are computed here. For a CPDAG or PAG the caller
 * passes their possibly-causal counterparts (see {@link ClassAdjustment}).
 */
final class AdjustmentProblem {
  final Graph dag;
  final BitSet x;
  final BitSet y;
  final BitSet causal;
  final BitSet forbidden;
  /** Nodes an adjustment set may contain: observed, usable, not forbidden, not in X or Y. */
  final BitSet allowed;
  final BitSet required;
  final Graph properBackdoorGraph;
  private final SeparationIndex pbd;
  private SeparationIndex full;

  private AdjustmentProblem(Graph dag, BitSet x, BitSet y, BitSet causal, BitSet forbidden,
      BitSet required, BitSet unusable) {
    this.dag = dag;
    this.x = x;
    this.y = y;
    this.causal = causal;
    this.forbidden = forbidden;
    this.required = required;
    allowed = new BitSet(dag.size());
    allowed.set(0, dag.size());
    for (int v = 0; v < dag.size(); v++) {
      if (dag.isLatent(v)) {
        allowed.clear(v);
      }
    }
    allowed.andNot(unusable);
    allowed.andNot(forbidden);
    allowed.andNot(x);
    allowed.andNot(y);
    properBackdoorGraph = Sets.withoutDirectedEdges(dag, x, causal);
    pbd = SeparationIndex.of(properBackdoorGraph);
  }

  /** The problem on a DAG with hidden nodes, with its own causal and forbidden nodes. */
  static AdjustmentProblem forDag(Graph dag, BitSet x, BitSet y, BitSet required,
      BitSet unusable) {
    BitSet cn = causalNodes(dag, x, y);
    BitSet forb = Graphs.descendants(dag, Sets.array(cn));
    forb.or(x);
    return new AdjustmentProblem(dag, x, y, cn, forb, required, unusable);
  }

  /**
   * The problem read in {@code member}, a DAG of an equivalence class (hidden nodes allowed),
   * with the causal and forbidden nodes of the class.
   */
  static AdjustmentProblem forMember(Graph member, BitSet x, BitSet y, BitSet causal,
      BitSet forbidden, BitSet required, BitSet unusable) {
    return new AdjustmentProblem(member, x, y, causal, forbidden, required, unusable);
  }

  /**
   * {@code cn(X,Y)}: the nodes outside {@code X} on a proper causal path (a directed path from
   * {@code X} to {@code Y} whose only node in {@code X} is the first). A node is on one iff it is
   * reached from {@code X} by a directed path that does not return to {@code X} and reaches
   * {@code Y} by one that avoids {@code X}.
   */
  static BitSet causalNodes(Graph dag, BitSet x, BitSet y) {
    BitSet from = Sets.reach(Sets.children(dag), x, x);
    from.andNot(x);
    BitSet to = Sets.reach(Sets.parents(dag), y, x);
    from.and(to);
    return from;
  }

  /**
   * True if {@code z} is a valid adjustment set: it holds only allowed or required nodes and
   * d-separates {@code X} and {@code Y} in the proper back-door graph.
   */
  boolean isValid(BitSet z) {
    if (z.intersects(forbidden) || z.intersects(y)) {
      return false;
    }
    for (int v = z.nextSetBit(0); v >= 0; v = z.nextSetBit(v + 1)) {
      if (dag.isLatent(v)) {
        return false;
      }
    }
    return separated(pbd, x, y, z);
  }

  /** True if each node of {@code a} is d-separated from each node of {@code b} given {@code z}. */
  static boolean separated(SeparationIndex index, BitSet a, BitSet b, BitSet z) {
    return !Sets.connected(index, a, z).intersects(b);
  }

  /**
   * The canonical set {@code An(X ∪ Y ∪ I) ∩ R ∪ I} in the proper back-door graph, or null when
   * no valid set containing the required nodes exists: if any separator {@code Z} with {@code I ⊆
   * Z ⊆ I ∪ R} exists, this one is (van der Zander et al. 2019: a separator in an ancestral set
   * exists iff the whole allowed part of it separates).
   */
  BitSet canonical() {
    if (required.intersects(forbidden) || required.intersects(y)) {
      return null;
    }
    BitSet start = Sets.union(Sets.union(x, y), required);
    BitSet z = Graphs.ancestors(properBackdoorGraph, Sets.array(start));
    z.and(allowed);
    z.or(required);
    return isValid(z) ? z : null;
  }

  /** The minimal valid sets containing the required nodes, smallest first, at most {@code cap}. */
  MinimalSeparators.Result minimalSets(int cap) {
    if (required.intersects(forbidden)) {
      return new MinimalSeparators.Result(List.of(), false);
    }
    MinimalSeparators.Result r =
        MinimalSeparators.dSeparators(properBackdoorGraph, x, y, required, allowed, cap);
    List<BitSet> sorted = new ArrayList<>(r.separators());
    sorted.sort(BY_SIZE_THEN_NODES);
    return new MinimalSeparators.Result(sorted, r.truncated());
  }

  /** Orders node sets by size, then by their nodes in index order. */
  static final Comparator<BitSet> BY_SIZE_THEN_NODES = (a, b) -> {
    int c = Integer.compare(a.cardinality(), b.cardinality());
    if (c != 0) {
      return c;
    }
    for (int i = a.nextSetBit(0), j = b.nextSetBit(0); i >= 0;
        i = a.nextSetBit(i + 1), j = b.nextSetBit(j + 1)) {
      if (i != j) {
        return Integer.compare(i, j);
      }
    }
    return 0;
  };

  /**
   * True if, by the graphical comparison of Henckel, Perković &amp; Maathuis (2022), adjusting
   * for {@code better} gives an asymptotic variance no larger than adjusting for {@code worse}:
   * {@code Y ⊥ worse∖better | X ∪ better} and {@code X ⊥ better∖worse | worse} in the DAG.
   */
  boolean atLeastAsEfficient(BitSet better, BitSet worse) {
    if (full == null) {
      full = SeparationIndex.of(dag);
    }
    BitSet onlyWorse = Sets.minus(worse, better);
    BitSet onlyBetter = Sets.minus(better, worse);
    return separated(full, y, onlyWorse, Sets.union(x, better))
        && separated(full, x, onlyBetter, worse);
  }

  /**
   * True if {@code z} meets Pearl's back-door criterion: no node of {@code z} descends from
   * {@code X}, and {@code z} blocks every path between {@code X} and {@code Y} that starts with an
   * edge into {@code X} (d-separation once the edges out of {@code X} are removed).
   */
  boolean isBackdoorSet(BitSet z) {
    BitSet de = Graphs.descendants(dag, Sets.array(x));
    if (z.intersects(de)) {
      return false;
    }
    return separated(SeparationIndex.of(Sets.withoutEdgesOutOf(dag, x)), x, y, z);
  }
}
