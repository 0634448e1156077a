package dev.causal4j.discovery.fci;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.discovery.ges.Fges;
import dev.causal4j.discovery.pc.AdjacencySearch;
import dev.causal4j.discovery.pc.EdgeConstraints;
import dev.causal4j.discovery.pc.Skeleton;
import dev.causal4j.graph.ConsistentExtension;
import dev.causal4j.graph.FciOrientation;
import dev.causal4j.graph.FciOrientation.RuleSet;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.score.Score;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * GFCI (Ogarrio, Spirtes &amp; Ramsey 2016, "A hybrid causal search algorithm for latent variable
 * models", PGM): FGES's graph as the starting point of FCI. A score search is more accurate than
 * tests on finite samples, but assumes no hidden common causes; GFCI keeps what of its answer
 * survives hidden confounders and returns a PAG.
 *
 * <ol>
 *   <li>{@link Fges} with the score gives a CPDAG {@code G}; in the large-sample limit {@code G}
 *       is an independence map of the distribution, so every true adjacency is among its
 *       adjacencies.
 *   <li>Starting from {@code G}'s skeleton (every edge {@code o-o}), an edge {@code x — y} is
 *       removed when some subset of the neighbours of {@code x} or of {@code y} separates them:
 *       PC's adjacency search ({@link AdjacencySearch}, stable, in parallel), with every pair
 *       {@code G} does not join left out from the start.
 *   <li>Colliders: an unshielded triple {@code a *-* b *-* c} becomes {@code a *-> b <-* c} if
 *       {@code a} and {@code c} are not adjacent in {@code G} and {@code a --> b <-- c} is in
 *       {@code G}, or if they are adjacent in {@code G} (so step 2 removed the edge) and {@code b}
 *       is not in the set that separated them.
 *   <li>FCI's Possible-D-SEP step ({@link PossibleDsep}, with its restrictions), edges back to
 *       {@code o-o}, the colliders of step 3 again, then Zhang's rules R1–R4 and R8–R10 ({@link
 *       FciOrientation}) until nothing changes.
 * </ol>
 *
 * <p>The collider rule of step 3 is given to {@link FciOrientation} as separating sets: for a pair
 * {@code a}, {@code c} that {@code G} does not join, the set read off a DAG {@code D} of {@code
 * G}'s class ({@link ConsistentExtension}), the parents of whichever of the two is not an
 * ancestor of the other in {@code D}, which separate them in {@code D} (the local Markov
 * property). On an unshielded triple of {@code G} that set leaves {@code b} out exactly when
 * {@code a --> b <-- c} (if {@code b} were a child of only one of them it would be a parent of
 * the other, since {@code D} has no cycle), so R0 reproduces step 3; R4 reads the same sets on
 * discriminating paths whose end points {@code G} does not join. In the large-sample limit these
 * sets are true separating sets, because {@code G} is an independence map, and every separating
 * set of the end points of a discriminating path agrees on its middle node; so the result is the
 * true PAG whenever the tests and the score are right (checked against {@link
 * dev.causal4j.graph.Pag#ofDag} on random graphs with hidden confounders).
 *
 * <p>Departures from the paper: the Possible-D-SEP step is FCI's here, restricted as {@link
 * PossibleDsep} states (the paper uses the unrestricted step); and R4 reads its separating sets as
 * above where the paper leaves open where they come from for pairs that were never tested
 * (Tetrad 7.6.6 searches for one among the neighbours at that point, with further tests). On
 * population covariances of the 210 random models of the tests the Possible-D-SEP step never
 * removed an edge (FGES's minimal independence map already leaves apart the pairs it exists
 * for); it is kept, as in the paper, for finite samples.
 *
 * <p>Background knowledge goes to FGES (as it reads knowledge: about direct edges) and, as FCI
 * reads it, to the marks of the PAG (see the package documentation). Pairs the knowledge forbids
 * to be adjacent are never joined by FGES, so, unlike in {@link Fci}, they take their separating
 * sets from {@code G} like any pair it does not join. One limit follows from FGES's reading: it
 * searches only the classes the knowledge allows, and where two variables are joined only through
 * a hidden variable that constrained greedy search can end without their edge, which GFCI cannot
 * add back (measured: 2 of 60 random models with knowledge true of the causal DAG, each missing
 * one true adjacency; see {@code GfciTest}).
 *
 * <p>The score and the test must be over the same variables in the same order. The result does
 * not depend on the number of threads.
 */
public final class Gfci {
  private final IndependenceTest test;
  private final Score score;
  private final double alpha;
  private final int depth;
  private final boolean possibleDsep;
  private final int possibleDsepMaxPathLength;
  private final int maxDiscriminatingPathLength;
  private final RuleSet ruleSet;
  private final boolean faithfulnessAssumed;
  private final int maxDegree;
  private final Knowledge knowledge;
  private final int threads;

  private Gfci(Builder b) {
    this.test = b.test;
    this.score = b.score;
    this.alpha = b.alpha;
    this.depth = b.depth;
    this.possibleDsep = b.possibleDsep;
    this.possibleDsepMaxPathLength = b.possibleDsepMaxPathLength;
    this.maxDiscriminatingPathLength = b.maxDiscriminatingPathLength;
    this.ruleSet = b.ruleSet;
    this.faithfulnessAssumed = b.faithfulnessAssumed;
    this.maxDegree = b.maxDegree;
    this.knowledge = b.knowledge;
    this.threads = b.threads;
  }

  /**
   * A builder for a search with this test and this score.
   *
   * @throws InvalidInputException if they are not over the same variables in the same order
   */
  public static Builder builder(IndependenceTest test, Score score) {
    return new Builder(test, score);
  }

  /** The algorithm's name as the command line spells it. */
  public String name() {
    return "gfci";
  }

  /**
   * Runs the search.
   *
   * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
   * @throws InvalidInputException if the knowledge names unknown variables
   */
  public DiscoveryResult search() {
    long start = System.nanoTime();
    List<String> names = test.variables();
    int p = names.size();
    BoundKnowledge boundKnowledge = knowledge.bind(names);
    DiscoveryResult fges = Fges.builder(score).faithfulnessAssumed(faithfulnessAssumed)
        .maxDegree(maxDegree).knowledge(knowledge).threads(threads).build().search();
    Graph cpdag = fges.graph();
    Graph dag = ConsistentExtension.of(cpdag).orElseThrow(
        () -> new IllegalStateException("FGES returned a graph with no DAG in its class"));

    CountingTest counted = new CountingTest(test);
    FciKnowledge bound = new FciKnowledge(boundKnowledge);
    EdgeConstraints onlyFgesPairs = new EdgeConstraints() {
      @Override
      public boolean forbidsAdjacency(int a, int b) {
        return !cpdag.isAdjacent(a, b);
      }

      @Override
      public boolean requiresAdjacency(int a, int b) {
        return bound.isAdjacencyRequired(a, b);
      }
    };
    Skeleton skeleton =
        new AdjacencySearch(counted, alpha, depth, true, threads, onlyFgesPairs).search();
    Sepsets tested = new Sepsets(skeleton.sepsets(), p);
    FromScore sepsets = new FromScore(tested, cpdag, dag);
    MutableGraph g = FciSupport.circles(skeleton, names);
    FciOrientation.Options options = new FciOrientation.Options(ruleSet,
        maxDiscriminatingPathLength, bound.orientationConstraints());
    int removedByTests = cpdag.edgeCount() - g.edgeCount();
    int removedByPdsep = 0;
    if (possibleDsep) {
      bound.applyMarks(g);
      FciOrientation.orientUnshieldedColliders(g, sepsets, options);
      removedByPdsep = new PossibleDsep(counted, alpha, depth, possibleDsepMaxPathLength, threads,
          bound).removeEdges(g, tested, ForbiddenPairs.none(p));
      FciSupport.resetToCircles(g);
    }
    bound.applyMarks(g);
    FciOrientation.orient(g, sepsets, options);
    int conflicts = bound.isEmpty() ? 0 : FciSupport.colliderConflicts(g, sepsets);
    g.setKind(GraphKind.PAG);

    List<String> warnings = new ArrayList<>(fges.warnings());
    if (!possibleDsep) {
      warnings.add("the Possible-D-SEP step was skipped: pairs separated only by non-neighbours"
          + " (as hidden confounders make them) may stay adjacent");
    }
    if (conflicts > 0) {
      warnings.add(FciSupport.colliderConflictWarning(conflicts));
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("alpha", Double.toString(alpha));
    params.put("depth", depth < 0 ? "unlimited" : Integer.toString(depth));
    params.put("score", fges.stats().parameters().get("score"));
    params.put("faithfulness_assumed", Boolean.toString(faithfulnessAssumed));
    params.put("max_degree", maxDegree < 0 ? "unlimited" : Integer.toString(maxDegree));
    params.put("possible_dsep", Boolean.toString(possibleDsep));
    params.put("possible_dsep_max_path_length",
        possibleDsepMaxPathLength < 0 ? "unlimited" : Integer.toString(possibleDsepMaxPathLength));
    params.put("max_discriminating_path_length", maxDiscriminatingPathLength < 0
        ? "unlimited" : Integer.toString(maxDiscriminatingPathLength));
    params.put("rule_set", ruleSet.name().toLowerCase(Locale.ROOT));
    params.put("knowledge", knowledge.isEmpty() ? "none" : "given");
    params.put("threads", Integer.toString(threads));
    params.put("fges_edges", Integer.toString(cpdag.edgeCount()));
    params.put("edges_removed_by_tests", Integer.toString(removedByTests));
    params.put("edges_removed_by_possible_dsep", Integer.toString(removedByPdsep));
    SearchStats stats = new SearchStats(name(), counted.count(), fges.stats().scoreEvaluations(),
        elapsed, params);
    return new DiscoveryResult(g.snapshot(), stats, warnings);
  }

  /**
   * The separating sets GFCI orients with: the tested ones for pairs FGES joined, and for the
   * others the parents, in a DAG of FGES's class, of whichever of the two is not the other's
   * ancestor (see {@link Gfci}). Used from one thread at a time.
   */
  private static final class FromScore implements FciOrientation.SepsetLookup {
    private final Sepsets tested;
    private final Graph cpdag;
    private final Graph dag;
    private final BitSet[] descendants;

    FromScore(Sepsets tested, Graph cpdag, Graph dag) {
      this.tested = tested;
      this.cpdag = cpdag;
      this.dag = dag;
      this.descendants = new BitSet[dag.size()];
    }

    @Override
    public boolean isInSepset(int a, int b, int c) {
      if (cpdag.isAdjacent(a, c)) {
        return tested.isInSepset(a, b, c);
      }
      if (descendants[c] == null) {
        descendants[c] = Graphs.descendants(dag, c);
      }
      // a descends from c: Pa(a) separates a from its non-descendant c; otherwise Pa(c) does.
      int separated = descendants[c].get(a) ? a : c;
      return dag.isDirected(b, separated);
    }
  }

  /**
   * Options for {@link Gfci}; defaults: α = 0.01, no depth limit, Possible-D-SEP on with no
   * path-length limit, no discriminating-path limit, the complete rule set, FGES without the
   * faithfulness heuristic and with no degree limit, no knowledge, one thread.
   */
  public static final class Builder {
    private final IndependenceTest test;
    private final Score score;
    private double alpha = 0.01;
    private int depth = -1;
    private boolean possibleDsep = true;
    private int possibleDsepMaxPathLength = -1;
    private int maxDiscriminatingPathLength = -1;
    private RuleSet ruleSet = RuleSet.COMPLETE;
    private boolean faithfulnessAssumed;
    private int maxDegree = -1;
    private Knowledge knowledge = Knowledge.empty();
    private int threads = 1;

    private Builder(IndependenceTest test, Score score) {
      this.test = Objects.requireNonNull(test, "test");
      this.score = Objects.requireNonNull(score, "score");
      if (!test.variables().equals(score.variables())) {
        throw new InvalidInputException("the test and the score must be over the same variables"
            + " in the same order; the test has " + test.variables() + ", the score "
            + score.variables());
      }
    }

    /** Significance level: a pair is independent when a test gives {@code p > alpha}. */
    public Builder alpha(double alpha) {
      this.alpha = FciSupport.checkAlpha(alpha);
      return this;
    }

    /**
     * The largest conditioning set tried, in the removal from FGES's skeleton and in the
     * Possible-D-SEP step; negative (the default) for no limit.
     */
    public Builder depth(int depth) {
      this.depth = depth < 0 ? -1 : depth;
      return this;
    }

    /** Whether to run FCI's Possible-D-SEP step (the default). */
    public Builder possibleDsep(boolean possibleDsep) {
      this.possibleDsep = possibleDsep;
      return this;
    }

    /** As {@link Fci.Builder#possibleDsepMaxPathLength}. */
    public Builder possibleDsepMaxPathLength(int edges) {
      this.possibleDsepMaxPathLength = edges < 0 ? -1 : edges;
      return this;
    }

    /** As {@link Fci.Builder#maxDiscriminatingPathLength}. */
    public Builder maxDiscriminatingPathLength(int edges) {
      this.maxDiscriminatingPathLength = FciSupport.checkDiscriminatingPathLength(edges);
      return this;
    }

    /** As {@link Fci.Builder#ruleSet}. */
    public Builder ruleSet(RuleSet ruleSet) {
      this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
      return this;
    }

    /** FGES's one-edge faithfulness heuristic ({@link Fges.Builder#faithfulnessAssumed}). */
    public Builder faithfulnessAssumed(boolean faithfulnessAssumed) {
      this.faithfulnessAssumed = faithfulnessAssumed;
      return this;
    }

    /** FGES's degree limit ({@link Fges.Builder#maxDegree}); negative for none. */
    public Builder maxDegree(int maxDegree) {
      if (maxDegree == 0) {
        throw new InvalidInputException(
            "--max-degree 0 would forbid every edge; use a positive number, or -1 for no limit");
      }
      this.maxDegree = maxDegree < 0 ? -1 : maxDegree;
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

    public Gfci build() {
      return new Gfci(this);
    }
  }
}
