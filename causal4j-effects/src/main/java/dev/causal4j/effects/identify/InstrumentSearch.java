package dev.causal4j.effects.identify;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.SeparationIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds instrumental variables for the total effect of one treatment {@code X} on one outcome
 * {@code Y}, possibly conditional on covariates {@code W} (Brito &amp; Pearl 2002, "Generalized
 * instrumental variables", UAI; van der Zander, Textor &amp; Liśkiewicz 2015, "Efficiently finding
 * conditional instruments for causal inference", IJCAI). A node {@code Z} is an instrument given
 * {@code W} when
 *
 * <ol>
 *   <li>{@code Z} and {@code W} are observed and not descendants of {@code X} (pre-treatment),
 *       and {@code W} lies in {@code An(X ∪ Y ∪ Z)}: conditioning on other nodes never blocks a
 *       path, and could only make {@code Z} relevant through a collider, which no analyst would
 *       accept as an instrument;
 *   <li>{@code W} d-separates {@code Z} and {@code Y} in the proper back-door graph (the DAG
 *       without the first edge of every causal path from {@code X} to {@code Y}): {@code Z}
 *       reaches {@code Y} only through {@code X}, and shares no open path with {@code Y}
 *       otherwise;
 *   <li>{@code W} does not d-separate {@code Z} and {@code X} in the DAG (relevance).
 * </ol>
 *
 * In a linear model, condition 2 makes {@code Y − βX} uncorrelated with {@code Z} given {@code
 * W}, so {@code β = Cov(Y, Z | W) / Cov(X, Z | W)}; condition 3 makes the denominator non-zero for
 * almost every choice of coefficients.
 *
 * <p>For each candidate {@code Z} the covariates tried are the minimal separators of {@code Z} and
 * {@code Y} in the proper back-door graph (up to {@link #MAX_SEPARATORS}), smallest first, and
 * the first that keeps {@code Z} relevant is taken; a separator as small as possible blocks the
 * fewest paths to {@code X}. Then the covariate set shared by the most instruments is chosen.
 * This departs from van der Zander et al.'s nearest-separator construction, which decides
 * existence in one step; tests check the result against brute force over all covariate sets on
 * small graphs.
 */
final class InstrumentSearch {
  /** How many minimal separators are tried per candidate instrument. */
  static final int MAX_SEPARATORS = 32;

  private final Graph dag;
  private final int x;
  private final int y;
  private final BitSet usable;
  private final Graph pbdGraph;
  private final SeparationIndex pbd;
  private final SeparationIndex full;

  /** Instruments valid given one covariate set. */
  record Found(BitSet instruments, BitSet covariates) {}

  /**
   * @param usable observed nodes that may be instruments or covariates (not hidden or excluded)
   */
  InstrumentSearch(Graph dag, int x, int y, BitSet usable) {
    this.dag = dag;
    this.x = x;
    this.y = y;
    BitSet xs = Sets.of(x);
    BitSet cn = AdjustmentProblem.causalNodes(dag, xs, Sets.of(y));
    this.usable = Sets.minus(usable, Graphs.descendants(dag, x));
    this.usable.clear(y);
    pbdGraph = Sets.withoutDirectedEdges(dag, xs, cn);
    pbd = SeparationIndex.of(pbdGraph);
    full = SeparationIndex.of(dag);
  }

  /** True if {@code z} is an instrument given {@code w}. */
  boolean isInstrument(int z, BitSet w) {
    if (!usable.get(z) || w.get(z) || !Sets.minus(w, usable).isEmpty()
        || !Sets.minus(w, Graphs.ancestors(dag, x, y, z)).isEmpty()) {
      return false;
    }
    int[] ws = Sets.array(w);
    return pbd.isSeparated(z, y, ws) && !full.isSeparated(z, x, ws);
  }

  /** The smallest covariate set found that makes {@code z} an instrument, if any. */
  Optional<BitSet> covariatesFor(int z) {
    if (!usable.get(z)) {
      return Optional.empty();
    }
    BitSet allowed = Sets.minus(usable, Sets.of(z));
    MinimalSeparators.Result seps = MinimalSeparators.dSeparators(
        pbdGraph, Sets.of(z), Sets.of(y), new BitSet(), allowed, MAX_SEPARATORS);
    List<BitSet> sorted = new ArrayList<>(seps.separators());
    sorted.sort(AdjustmentProblem.BY_SIZE_THEN_NODES);
    for (BitSet w : sorted) {
      if (isInstrument(z, w)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  /** The instruments sharing the covariate set that serves the most of them, if any. */
  Optional<Found> find() {
    List<BitSet> covariateSets = new ArrayList<>();
    for (int z = usable.nextSetBit(0); z >= 0; z = usable.nextSetBit(z + 1)) {
      covariatesFor(z).filter(w -> !covariateSets.contains(w)).ifPresent(covariateSets::add);
    }
    Found best = null;
    for (BitSet w : covariateSets) {
      BitSet zs = new BitSet();
      for (int z = usable.nextSetBit(0); z >= 0; z = usable.nextSetBit(z + 1)) {
        if (isInstrument(z, w)) {
          zs.set(z);
        }
      }
      if (best == null || zs.cardinality() > best.instruments().cardinality()
          || zs.cardinality() == best.instruments().cardinality()
              && AdjustmentProblem.BY_SIZE_THEN_NODES.compare(w, best.covariates()) < 0) {
        best = new Found(zs, w);
      }
    }
    return Optional.ofNullable(best);
  }
}
