package dev.causal4j.discovery.fci;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.discovery.pc.AdjacencySearch;
import dev.causal4j.discovery.pc.Skeleton;
import dev.causal4j.graph.FciOrientation;
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
 * The FCI algorithm (Spirtes, Meek &amp; Richardson 1999; Spirtes, Glymour &amp; Scheines 2000,
 * §6.7) with Zhang's complete orientation rules (Zhang 2008, "On the completeness of orientation
 * rules for causal discovery in the presence of latent confounders and selection bias",
 * Artificial Intelligence 172): learns the PAG, the class of maximal ancestral graphs that fit the
 * conditional independences among the measured variables, allowing for hidden common causes.
 *
 * <ol>
 *   <li>The skeleton, by PC's adjacency search ({@link AdjacencySearch}; PC-stable by default, in
 *       parallel, the same on any number of threads).
 *   <li>R0 on the skeleton: unshielded colliders from the separating sets.
 *   <li>The Possible-D-SEP step ({@link Builder#possibleDsep}): each remaining edge is tested
 *       given subsets of the Possible-D-SEP sets of its end points, which can separate pairs
 *       that no set of neighbours separates (a hidden confounder makes such pairs). All sets
 *       are read off the graph of step 2 before any edge goes, so this step too is parallel and
 *       order-independent (as in Colombo &amp; Maathuis 2014's FCI-stable). One departure: the
 *       candidates for an edge are cut to the nodes of its biconnected component that are
 *       possible ancestors of its ends. That loses no removal correct answers would make (a
 *       separating set cut to the nodes on paths between two nodes still separates them, and
 *       the set D-SEP that the step relies on lies within their ancestors) and saves
 *       exponentially many tests: Possible-D-SEP sets of 20 nodes are common at 40 variables.
 *   <li>Every edge back to {@code o-o}; R0 again with the separating sets found so far, then R1–R4
 *       and R8–R10 ({@link FciOrientation}) until nothing changes.
 * </ol>
 *
 * <p>With correct independence answers (a d-separation oracle over a DAG with hidden nodes) the
 * result is exactly the true PAG ({@link dev.causal4j.graph.Pag#ofDag}); that is tested on
 * hundreds of random graphs. Zhang's R5–R7 (selection bias) are not applied: Causal4J's PAGs
 * assume no selection variables. Without step 3 ({@code possibleDsep(false)}) the result is the
 * "FCI without Possible-D-SEP" approximation: it may keep edges between variables that only
 * non-neighbours separate, and orient near them from the wrong skeleton. Independence is decided
 * as {@code p > alpha}.
 *
 * <p>Background knowledge is read as statements about ancestry, the language of a PAG (see the
 * package documentation): forbidden adjacencies are never tested or present, required ones never
 * removed and drawn {@code -->}, and "{@code b} cannot cause {@code a}" (a later tier, or a
 * forbidden edge) puts an arrowhead at {@code b} on {@code a *-> b}. Colliders that contradict
 * the knowledge are not oriented, and are counted in the warnings.
 */
public final class Fci {
  private final IndependenceTest test;
  private final double alpha;
  private final int depth;
  private final boolean stable;
  private final boolean possibleDsep;
  private final int possibleDsepMaxPathLength;
  private final int maxDiscriminatingPathLength;
  private final RuleSet ruleSet;
  private final Knowledge knowledge;
  private final int threads;

  private Fci(Builder b) {
    this.test = b.test;
    this.alpha = b.alpha;
    this.depth = b.depth;
    this.stable = b.stable;
    this.possibleDsep = b.possibleDsep;
    this.possibleDsepMaxPathLength = b.possibleDsepMaxPathLength;
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
    return "fci";
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
    FciOrientation.Options options = new FciOrientation.Options(ruleSet,
        maxDiscriminatingPathLength, bound.orientationConstraints());
    int removedByPdsep = 0;
    if (possibleDsep) {
      bound.applyMarks(g);
      FciOrientation.orientUnshieldedColliders(g, sepsets, options);
      removedByPdsep = new PossibleDsep(counted, alpha, depth, possibleDsepMaxPathLength, threads,
          bound).removeEdges(g, sepsets, forbidden);
      FciSupport.resetToCircles(g);
    }
    bound.applyMarks(g);
    FciOrientation.orient(g, sepsets, options);
    // Before the restored forbidden pairs go: triples across them were never judged.
    int conflicts = bound.isEmpty() ? 0 : FciSupport.colliderConflicts(g, sepsets);
    String unseparated = forbidden.removeRemaining(g);
    g.setKind(GraphKind.PAG);

    List<String> warnings = new ArrayList<>();
    if (unseparated != null) {
      warnings.add(unseparated);
    }
    if (!possibleDsep) {
      warnings.add("the Possible-D-SEP step was skipped, so this is the 'FCI without"
          + " Possible-D-SEP' approximation: pairs separated only by non-neighbours (as hidden"
          + " confounders make them) may stay adjacent");
    }
    if (conflicts > 0) {
      warnings.add(FciSupport.colliderConflictWarning(conflicts));
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("alpha", Double.toString(alpha));
    params.put("depth", depth < 0 ? "unlimited" : Integer.toString(depth));
    params.put("stable", Boolean.toString(stable));
    params.put("possible_dsep", Boolean.toString(possibleDsep));
    params.put("possible_dsep_max_path_length",
        possibleDsepMaxPathLength < 0 ? "unlimited" : Integer.toString(possibleDsepMaxPathLength));
    params.put("max_discriminating_path_length", maxDiscriminatingPathLength < 0
        ? "unlimited" : Integer.toString(maxDiscriminatingPathLength));
    params.put("rule_set", ruleSet.name().toLowerCase(Locale.ROOT));
    params.put("threads", Integer.toString(threads));
    params.put("depth_reached", Integer.toString(skeleton.depthReached()));
    params.put("edges_removed_by_possible_dsep", Integer.toString(removedByPdsep));
    SearchStats stats = new SearchStats(name(), counted.count(), 0, elapsed, params);
    return new DiscoveryResult(g.snapshot(), stats, warnings);
  }

  /**
   * Options for {@link Fci}; defaults: α = 0.01, no depth limit, stable skeleton, Possible-D-SEP
   * on with no path-length limit, no discriminating-path limit, the complete rule set, no
   * knowledge, one thread.
   */
  public static final class Builder {
    private final IndependenceTest test;
    private double alpha = 0.01;
    private int depth = -1;
    private boolean stable = true;
    private boolean possibleDsep = true;
    private int possibleDsepMaxPathLength = -1;
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

    /**
     * The largest conditioning set tried, in the skeleton search and in the Possible-D-SEP step;
     * negative (the default) for no limit.
     */
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
     * Whether to run the Possible-D-SEP step (the default): needed for the true PAG; without it
     * the search is faster and gives the "FCI without Possible-D-SEP" approximation.
     */
    public Builder possibleDsep(boolean possibleDsep) {
      this.possibleDsep = possibleDsep;
      return this;
    }

    /**
     * The longest path (in edges) along which Possible-D-SEP sets are collected; negative (the
     * default) for no limit. A limit makes the sets, and the tests, fewer on dense graphs, at the
     * price of edges that only a set farther away would remove.
     */
    public Builder possibleDsepMaxPathLength(int edges) {
      this.possibleDsepMaxPathLength = edges < 0 ? -1 : edges;
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

    /**
     * {@link RuleSet#COMPLETE} (the default: every invariant mark) or {@link
     * RuleSet#ARROWHEAD_COMPLETE} (R1–R4 only: every invariant arrowhead, some invariant tails
     * left as circles).
     */
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

    public Fci build() {
      return new Fci(this);
    }
  }
}
