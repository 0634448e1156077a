package dev.causal4j.discovery.fci;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.discovery.pc.AdjacencySearch;
import dev.causal4j.discovery.pc.Skeleton;
import dev.causal4j.graph.FciOrientation;
import dev.causal4j.graph.FciOrientation.DiscriminatingPathCheck;
import dev.causal4j.graph.FciOrientation.RuleSet;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * RFCI, the "really fast" causal inference algorithm of Colombo, Maathuis, Kalisch &amp;
 * Richardson (2012), "Learning high-dimensional directed acyclic graphs with latent and
 * selection variables", Annals of Statistics 40: 294–321. It skips FCI's Possible-D-SEP step,
 * whose tests grow exponentially with the size of those sets, and makes a few local tests
 * instead:
 *
 * <ol>
 *   <li>the skeleton, by PC's adjacency search ({@link AdjacencySearch}, stable by default);
 *   <li>each unshielded triple {@code a *-* b *-* c} is confirmed by testing {@code a ⫫ b} and
 *       {@code c ⫫ b} given {@code sepset(a, c)} (Lemma 3.1, Algorithm 4.4); an independence found
 *       removes that edge, with a minimal separating set; confirmed triples with {@code b} outside
 *       the separating set become colliders {@code a *-> b <-* c};
 *   <li>R1–R4 and R8–R10 ({@link FciOrientation}), where R4 first tests each pair of consecutive
 *       nodes of the shortest discriminating path given the subsets of the separating set of its
 *       ends (Lemma 3.2, Algorithm 4.5); an independence found removes that edge instead (and the
 *       triples it opens are checked as in step 2), and the rules continue.
 * </ol>
 *
 * <p>What the oracle version guarantees (Colombo et al. 2012, Def. 3.2 and Thm 3.4) is an
 * "RFCI-PAG", not the true PAG: every missing edge is a true separation; every edge present has
 * end points dependent given every subset of either one's neighbours (but there may be more edges
 * than in the PAG, between pairs only a Possible-D-SEP set separates); and every tail and
 * arrowhead is correct about ancestry in the true DAG. When the RFCI skeleton equals the PAG's,
 * the two graphs agree (tested on hundreds of random graphs with an oracle). Zhang's R5–R7 are
 * not applied (no selection variables); the departures from pcalg's {@code rfci} are that triples
 * left unshielded by a removal are themselves checked (as Algorithm 4.4 says), and the first
 * round of triple checks runs in parallel. Background knowledge is handled as in {@link Fci}.
 */
public final class Rfci {
  private final IndependenceTest test;
  private final double alpha;
  private final int depth;
  private final boolean stable;
  private final int maxDiscriminatingPathLength;
  private final RuleSet ruleSet;
  private final Knowledge knowledge;
  private final int threads;

  private Rfci(Builder b) {
    this.test = b.test;
    this.alpha = b.alpha;
    this.depth = b.depth;
    this.stable = b.stable;
    this.maxDiscriminatingPathLength = b.maxDiscriminatingPathLength;
    this.ruleSet = b.ruleSet;
    this.knowledge = b.knowledge;
    this.threads = b.threads;
  }

  public static Builder builder(IndependenceTest test) {
    return new Builder(test);
  }

  /** The algorithm's name as the command line spells it. */
  public String name() {
    return "rfci";
  }

  /**
   * Runs the search.
   *
   * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
   * @throws dev.causal4j.InvalidInputException if the knowledge names unknown variables
   */
  public DiscoveryResult search() {
    long start = System.nanoTime();
    List<String> names = test.variables();
    CountingTest counted = new CountingTest(test);
    FciKnowledge bound = new FciKnowledge(knowledge.bind(names));
    Skeleton skeleton = new AdjacencySearch(counted, alpha, depth, stable, threads,
        bound.edgeConstraints()).search();
    Sepsets sepsets = new Sepsets(skeleton.sepsets(), names.size());
    MutableGraph g = FciSupport.circles(skeleton, names);
    ForbiddenPairs forbidden = ForbiddenPairs.separate(g, sepsets, counted, alpha, depth, bound,
        threads);
    bound.applyMarks(g);
    RfciTriples triples = new RfciTriples(g, sepsets, counted, alpha, bound, threads);
    triples.checkAll();
    FciOrientation.Options options = new FciOrientation.Options(ruleSet,
        maxDiscriminatingPathLength, bound.orientationConstraints());
    FciOrientation.orientUnshieldedColliders(g, triples, options);
    int removedByR4 = 0;
    while (true) {
      PathCheck check = new PathCheck(counted, sepsets, bound);
      FciOrientation.applyRules(g, sepsets, options.withPathCheck(check));
      if (check.removeFrom < 0) {
        break;
      }
      g.removeEdge(check.removeFrom, check.removeTo);
      sepsets.put(check.removeFrom, check.removeTo, check.sepset);
      removedByR4++;
      triples.checkAfterRemoval(check.removeFrom, check.removeTo);
      FciOrientation.orientUnshieldedColliders(g, triples, options);
    }
    // Before the restored forbidden pairs go: triples across them were never judged.
    int conflicts = bound.isEmpty() ? 0 : FciSupport.colliderConflicts(g, triples);
    String unseparated = forbidden.removeRemaining(g);
    g.setKind(GraphKind.PAG);

    List<String> warnings = new ArrayList<>();
    if (unseparated != null) {
      warnings.add(unseparated);
    }
    if (conflicts > 0) {
      warnings.add(FciSupport.colliderConflictWarning(conflicts));
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("alpha", Double.toString(alpha));
    params.put("depth", depth < 0 ? "unlimited" : Integer.toString(depth));
    params.put("stable", Boolean.toString(stable));
    params.put("max_discriminating_path_length", maxDiscriminatingPathLength < 0
        ? "unlimited" : Integer.toString(maxDiscriminatingPathLength));
    params.put("rule_set", ruleSet.name().toLowerCase(Locale.ROOT));
    params.put("threads", Integer.toString(threads));
    params.put("depth_reached", Integer.toString(skeleton.depthReached()));
    params.put("edges_removed_by_triple_checks", Integer.toString(triples.removed()));
    params.put("edges_removed_by_path_checks", Integer.toString(removedByR4));
    SearchStats stats = new SearchStats(name(), counted.count(), 0, elapsed, params);
    return new DiscoveryResult(g.snapshot(), stats, warnings);
  }

  /**
   * RFCI's test of a discriminating path before R4 orients along it: each pair of consecutive
   * nodes must stay dependent given every non-empty subset of the separating set of the path's
   * ends (the empty set was tested by the skeleton search). The first pair found independent,
   * with a minimal set, is kept for removal and the rules are stopped.
   */
  private final class PathCheck implements DiscriminatingPathCheck {
    private final IndependenceTest test;
    private final Sepsets sepsets;
    private final FciKnowledge knowledge;
    int removeFrom = -1;
    int removeTo = -1;
    int[] sepset;

    PathCheck(IndependenceTest test, Sepsets sepsets, FciKnowledge knowledge) {
      this.test = test;
      this.sepsets = sepsets;
      this.knowledge = knowledge;
    }

    @Override
    public boolean proceed(int[] path) {
      int[] ends = sepsets.get(path[0], path[path.length - 1]);
      if (ends.length == 0) {
        return true;
      }
      for (int i = 0; i + 1 < path.length; i++) {
        int u = path[i];
        int v = path[i + 1];
        if (knowledge.isAdjacencyRequired(u, v)) {
          continue;
        }
        int[] pool = MinimalSepset.without(ends, u, v);
        int[] found = MinimalSepset.find(test, alpha, u, v, pool, pool.length);
        if (found != null) {
          removeFrom = u;
          removeTo = v;
          sepset = found;
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Options for {@link Rfci}; defaults: α = 0.01, no depth limit, stable skeleton, no
   * discriminating-path limit, the complete rule set, no knowledge, one thread.
   */
  public static final class Builder {
    private final IndependenceTest test;
    private double alpha = 0.01;
    private int depth = -1;
    private boolean stable = true;
    private int maxDiscriminatingPathLength = -1;
    private RuleSet ruleSet = RuleSet.COMPLETE;
    private Knowledge knowledge = Knowledge.empty();
    private int threads = 1;

    private Builder(IndependenceTest test) {
      this.test = Objects.requireNonNull(test, "test");
    }

    /** Significance level: a pair is independent when a test gives {@code p > alpha}. */
    public Builder alpha(double alpha) {
      this.alpha = FciSupport.checkAlpha(alpha);
      return this;
    }

    /** The largest conditioning set the skeleton search tries; negative (default): no limit. */
    public Builder depth(int depth) {
      this.depth = depth < 0 ? -1 : depth;
      return this;
    }

    /** PC-stable's order-independent skeleton search (the default) or the original one. */
    public Builder stable(boolean stable) {
      this.stable = stable;
      return this;
    }

    /**
     * The most edges a discriminating path used by R4 may have (at least 3); negative (the
     * default) for no limit.
     */
    public Builder maxDiscriminatingPathLength(int edges) {
      this.maxDiscriminatingPathLength = FciSupport.checkDiscriminatingPathLength(edges);
      return this;
    }

    /** {@link RuleSet#COMPLETE} (the default) or {@link RuleSet#ARROWHEAD_COMPLETE}. */
    public Builder ruleSet(RuleSet ruleSet) {
      this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
      return this;
    }

    public Builder knowledge(Knowledge knowledge) {
      this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
      return this;
    }

    /** Worker threads; the result does not depend on it. */
    public Builder threads(int threads) {
      this.threads = FciSupport.checkThreads(threads);
      return this;
    }

    public Rfci build() {
      return new Rfci(this);
    }
  }
}
