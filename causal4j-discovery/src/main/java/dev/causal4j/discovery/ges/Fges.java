package dev.causal4j.discovery.ges;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.knowledge.KnowledgeEdge;
import dev.causal4j.score.BdeuScore;
import dev.causal4j.score.CachedScore;
import dev.causal4j.score.ConditionalGaussianBicScore;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.score.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Greedy Equivalence Search over CPDAGs (Chickering 2002, "Optimal structure identification with
 * greedy search", JMLR 3) and its fast form FGES (Ramsey, Glymour, Sanchez-Romero &amp; Glymour
 * 2017, "A million variables and more: the Fast Greedy Equivalence Search algorithm for learning
 * high-dimensional graphical causal models", Int. J. Data Sci. Anal. 3).
 *
 * <p><b>GES.</b> Start from the empty graph (or the class of the required edges). Forward phase:
 * repeatedly apply the valid {@code Insert(X, Y, T)} with the largest score gain {@code s(Y | Pa ∪
 * NA ∪ T ∪ {X}) − s(Y | Pa ∪ NA ∪ T)} while one improves the score, where {@code NA} are {@code
 * Y}'s undirected neighbours adjacent to {@code X} and {@code T} is a set of {@code Y}'s
 * undirected neighbours not adjacent to {@code X}; the operator is valid when {@code NA ∪ T} is a
 * clique and every semi-directed path from {@code Y} to {@code X} meets {@code NA ∪ T} (Theorem
 * 15). Backward phase: likewise with {@code Delete(X, Y, H)}, {@code H ⊆ NA}, valid when {@code NA
 * \ H} is a clique (Theorem 17). After each move the graph is turned back into the CPDAG of the new
 * equivalence class. With a consistent, decomposable, score-equivalent score the result converges
 * to the true CPDAG as the sample grows (Lemma 10, Theorem 4).
 *
 * <p>One departure from the paper: the two phases repeat until neither moves. Chickering's GES
 * stops after one backward phase, whose deletions can make an insertion improve the score again
 * (seen on small noisy samples in the tests); repeating, as pcalg's {@code ges} does by default
 * and Tetrad's FGES does for a fixed number of rounds, ends at a graph that no valid single
 * insertion or deletion improves. Every move still improves the score, so the large-sample
 * guarantee is unchanged; on large samples the second round rarely finds anything.
 *
 * <p>{@link Variant#GES} scores every operator afresh at every step: for small problems and as the
 * reference FGES is tested against.
 *
 * <p><b>FGES</b> ({@link Variant#FGES}, the default) makes the same moves faster, with Ramsey's
 * devices:
 *
 * <ul>
 *   <li>a cache of score differences: each candidate move {@code X --> Y} is scored once, with its
 *       best {@code T}, and queued; it is scored again only when something it depends on changed
 *       (the parents and undirected neighbours of {@code Y}, and which of them are adjacent to
 *       {@code X}). After a move between {@code A} and {@code B}, the moves into nodes whose edges
 *       changed are scored again, in parallel, and for an undirected neighbour {@code C} of
 *       {@code B} only the move {@code A --> C} (and likewise from {@code B}). Within a target,
 *       the base scores {@code s(Y | Pa ∪ T)} are shared by all sources adjacent to none of
 *       {@code Y}'s undirected neighbours, and with every node a candidate source, the sources
 *       are the outer loop so that each one's covariance entries are read once per step;
 *   <li>the first step scores every one-edge graph, both directions of every pair ({@code p(p−1)}
 *       evaluations), in parallel, from the sufficient statistics;
 *   <li>optionally ({@link Builder#faithfulnessAssumed}), the one-edge faithfulness heuristic: only
 *       pairs where adding the edge to the empty graph improves the score in at least one direction
 *       are ever considered. This assumes that two variables the score finds marginally
 *       independent are not adjacent, which fails when paths cancel (e.g. {@code X --> Y --> Z} and
 *       {@code X --> Z} with effects that sum to zero) and for edges whose marginal association
 *       falls below the penalty while a conditional one does not (a child with several strong
 *       parents); such edges are then missed. It makes large searches much faster;
 *   <li>an optional maximum degree ({@link Builder#maxDegree}) for the forward phase.
 * </ul>
 *
 * <p>A queued move's gain is the best over the sets {@code T} that pass the clique condition, an
 * upper bound of its gain over valid sets; when a move comes to the top and its set fails the path
 * condition (or, with knowledge, leads to a class the knowledge rules out), it is set aside and
 * the same move with its best valid set is queued for this step only; set-aside moves return to
 * the queue after the next move. Each step therefore makes exactly GES's move (the tests check
 * that FGES and GES return the same graphs).
 *
 * <p><b>Where this departs from Tetrad's FGES (7.6.6)</b>, which the algorithm is often compared
 * with, and why (each is a place where Tetrad's moves differ from GES's):
 *
 * <ul>
 *   <li>Tetrad picks a move's best {@code T} ignoring validity, and drops the move if that {@code
 *       T} is invalid when the move comes to the top, although another {@code T} may be valid and
 *       improve the score; here the best valid {@code T} is used (Chickering's operator).
 *   <li>Tetrad re-scores, after a move, only the moves into the nodes whose edges changed and the
 *       two endpoints' common neighbours, and drops a queued move whose neighbourhood changed
 *       without re-scoring it; a move {@code X --> Y} whose gain changed because {@code X} gained
 *       a neighbour adjacent to {@code Y} can so be lost. Here exactly the moves whose inputs
 *       changed are re-scored. On simulated data Tetrad's result is, in about half the cases, not
 *       a local optimum: a valid insertion still improves its score.
 *   <li>Without the faithfulness heuristic, Tetrad runs three rounds of forward and backward
 *       search (heuristic pairs, then pairs that would cover a non-collider, then all pairs), so
 *       it makes its moves in a different order from GES; here one search over all pairs, in
 *       GES's order.
 *   <li>Tetrad's first step scores one direction per pair ({@code Y} given {@code X} for the
 *       later {@code X} in variable order) and uses that gain for both; exact for score-equivalent
 *       scores (BIC, BDeu) but not for the conditional-Gaussian BIC. Here both directions are
 *       scored (Tetrad's "symmetric first step" is always on, each direction keeping its own
 *       gain).
 *   <li>Tetrad's default maximum degree through its {@code Fges} class is the score's ({@code
 *       ⌈ln n⌉} for its SEM BIC); its algorithm wrapper uses 1000. Here the default is no limit.
 *   <li>Tetrad keeps the graph oriented by the knowledge during the search and scores moves on
 *       it; that graph is not a CPDAG, Chickering's operators do not describe its moves exactly,
 *       and a forward and a backward move can then undo each other forever (Tetrad stops after a
 *       fixed number of rounds). Here see below.
 * </ul>
 *
 * <p><b>Knowledge.</b> The search state is the CPDAG of a Markov equivalence class, and the
 * knowledge decides which classes may be visited: those with a DAG the knowledge allows (closing
 * the CPDAG under the knowledge with Meek's rules orients no compelled edge against it and keeps
 * the class). Moves are scored exactly as without knowledge; a move is made only if it leads to an
 * allowed class. A forbidden edge {@code X --> Y} is never inserted, nor a {@code T --> Y} or
 * {@code Y --> H} that the move would make compelled; pairs whose both directions are forbidden
 * are never scored; the search starts from the class of the DAG of the required edges, and never
 * deletes them. The result is the CPDAG closed under the knowledge (its maximally oriented graph,
 * Meek 1995), so required edges appear with their direction and no edge goes against the knowledge
 * or the tiers. The check costs a pass over the graph per move made, so knowledge slows large
 * searches.
 *
 * <p><b>Ties</b> are broken by a fixed rule, so the result never depends on thread timing: among
 * moves with equal gain, the one with the smaller {@code X} index, then the smaller {@code Y}
 * index; among sets {@code T} (or {@code H}) with equal gain, the first in depth-first
 * lexicographic order of their elements (the empty set first). Scores always receive parent sets
 * in ascending order, and parallel work writes to per-index slots that are combined in index
 * order, so the output is identical on any number of threads.
 *
 * <p>Scores come through {@link Score} (higher is better); decomposable and score-equivalent ones
 * (linear BIC, BDeu) carry GES's guarantee.
 */
public final class Fges {

  /** Which search. */
  public enum Variant {
    /** Fast GES: cached, incrementally re-scored moves; optional heuristics. */
    FGES,
    /** Chickering's GES: every operator scored afresh at every step; no heuristics. */
    GES
  }

  private final Score score;
  private final Variant variant;
  private final boolean faithfulnessAssumed;
  private final int maxDegree;
  private final Knowledge knowledge;
  private final int threads;

  private Fges(Builder b) {
    this.score = b.score;
    this.variant = b.variant;
    this.faithfulnessAssumed = b.faithfulnessAssumed;
    this.maxDegree = b.maxDegree;
    this.knowledge = b.knowledge;
    this.threads = b.threads;
  }

  /** A builder for a search with this score. */
  public static Builder builder(Score score) {
    return new Builder(score);
  }

  /** The algorithm's name as the command line spells it: {@code fges} or {@code ges}. */
  public String name() {
    return variant == Variant.FGES ? "fges" : "ges";
  }

  /**
   * Runs the search. The result's graph is the CPDAG of the equivalence class found (with
   * knowledge, its maximally oriented form), labelled {@link dev.causal4j.graph.GraphKind#CPDAG}.
   *
   * @throws InvalidInputException if the knowledge names variables the score does not have
   * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
   */
  public DiscoveryResult search() {
    long start = System.nanoTime();
    List<String> names = score.variables();
    BoundKnowledge bound = knowledge.bind(names);
    List<String> warnings = new ArrayList<>();
    Pdag g = startingGraph(names, bound);
    long evaluations;
    long inserts;
    long deletes;
    int rounds = 0;
    try (GesSearch s = new GesSearch(score, g, bound, maxDegree, threads)) {
      // Forward then backward, again until a phase makes no move (see the class comment).
      boolean exhaustive = variant == Variant.GES;
      while (true) {
        rounds++;
        boolean inserted =
            exhaustive ? s.forwardExhaustive() : s.forwardCached(faithfulnessAssumed);
        if (rounds > 1 && !inserted) {
          break;
        }
        if (!(exhaustive ? s.backwardExhaustive() : s.backwardCached())) {
          break;
        }
      }
      evaluations = s.evaluations();
      inserts = s.inserts();
      deletes = s.deletes();
      if (s.degreeLimitHit()) {
        warnings.add("the maximum degree " + maxDegree + " stopped some insertions that would have"
            + " improved the score; raise it (or remove it) if nodes may have more neighbours");
      }
    }
    if (!bound.isEmpty()) {
      g.closeWithKnowledge(bound);
    }
    MutableGraph out = g.toGraph(names);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("score", describe(score));
    params.put("faithfulness_assumed", Boolean.toString(faithfulnessAssumed));
    params.put("max_degree", maxDegree < 0 ? "unlimited" : Integer.toString(maxDegree));
    params.put("knowledge", knowledge.isEmpty() ? "none" : "given");
    params.put("threads", Integer.toString(threads));
    params.put("insertions", Long.toString(inserts));
    params.put("deletions", Long.toString(deletes));
    params.put("rounds", Integer.toString(rounds));
    SearchStats stats = new SearchStats(name(), 0, evaluations, elapsed, params);
    return new DiscoveryResult(out.snapshot(), stats, warnings);
  }

  /** The score and the settings that shape it, for the result's parameters. */
  private static String describe(Score score) {
    Score s = score instanceof CachedScore c ? c.delegate() : score;
    if (s instanceof LinearGaussianBicScore b) {
      return "bic (penalty discount " + b.penaltyDiscount() + ")";
    }
    if (s instanceof BdeuScore b) {
      return "bdeu (equivalent sample size " + b.equivalentSampleSize() + ", structure prior "
          + b.structurePrior() + ")";
    }
    if (s instanceof ConditionalGaussianBicScore b) {
      return "cg-bic (penalty discount " + b.penaltyDiscount() + ")";
    }
    return s.getClass().getSimpleName();
  }

  /**
   * The search starts from the class of the DAG of the required edges (acyclic: {@link Knowledge}
   * refuses cycles), or the empty graph.
   */
  private static Pdag startingGraph(List<String> names, BoundKnowledge bound) {
    if (bound.knowledge().requiredEdges().isEmpty()) {
      return new Pdag(names.size());
    }
    MutableGraph dag = new MutableGraph(names, GraphKind.DAG);
    for (KnowledgeEdge e : bound.knowledge().requiredEdges()) {
      dag.addDirectedEdge(dag.indexOf(e.from()), dag.indexOf(e.to()));
    }
    return Pdag.of(Cpdag.of(dag));
  }

  /** Options for {@link Fges}. */
  public static final class Builder {
    private final Score score;
    private Variant variant = Variant.FGES;
    private boolean faithfulnessAssumed;
    private int maxDegree = -1;
    private Knowledge knowledge = Knowledge.empty();
    private int threads = 1;

    private Builder(Score score) {
      this.score = Objects.requireNonNull(score, "score");
    }

    /** {@link Variant#FGES} (default) or Chickering's {@link Variant#GES}. */
    public Builder variant(Variant variant) {
      this.variant = Objects.requireNonNull(variant, "variant");
      return this;
    }

    /**
     * FGES only: consider only pairs whose one-edge graph scores better than the empty graph (the
     * one-edge faithfulness heuristic; it can miss edges, see {@link Fges}). Default false.
     */
    public Builder faithfulnessAssumed(boolean faithfulnessAssumed) {
      this.faithfulnessAssumed = faithfulnessAssumed;
      return this;
    }

    /**
     * The most neighbours a node may have after an insertion; negative (the default) for no limit.
     */
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

    /** Worker threads (default 1); the result does not depend on it. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new InvalidInputException("--threads must be at least 1; got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * @throws InvalidInputException if the faithfulness heuristic is asked of plain GES
     */
    public Fges build() {
      if (variant == Variant.GES && faithfulnessAssumed) {
        throw new InvalidInputException("the faithfulness heuristic is an FGES option; plain GES"
            + " scores every pair (use --algorithm fges, or drop --faithfulness-assumed)");
      }
      return new Fges(this);
    }
  }
}
