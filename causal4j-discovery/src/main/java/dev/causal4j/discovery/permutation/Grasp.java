package dev.causal4j.discovery.permutation;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.score.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Greedy Relaxations of the Sparsest Permutation (Lam, Andrews &amp; Ramsey 2022, "Greedy
 * relaxations of the sparsest permutation algorithm", UAI). Like {@link Boss} it searches over
 * orders, each implying a DAG through grow-shrink parent selection, but it moves by
 * <em>tucks</em>: for an edge {@code x --> y}, move {@code y} and its ancestors between the two in
 * front of {@code x} ({@link TuckSearch}). A depth-first search over tucks takes the first that
 * raises the score and follows score-neutral ones up to a depth, which lets it cross plateaus of
 * equivalent orders.
 *
 * <p>The paper's three relaxations differ in which tucks the first levels may use:
 *
 * <ul>
 *   <li>{@link Relaxation#GRASP0}: covered tucks only (reversals of covered edges), as in TSP
 *       (Solus, Wang &amp; Uhler 2021);
 *   <li>{@link Relaxation#GRASP1}: also uncovered tucks of singular edges (edges that are the only
 *       directed path between their ends), up to the {@link Builder#uncoveredDepth uncovered
 *       depth}, as in ESP;
 *   <li>{@link Relaxation#GRASP2} (the default): also non-singular tucks, up to the {@link
 *       Builder#nonSingularDepth non-singular depth}.
 * </ul>
 *
 * With {@link Builder#ordered ordered} on, the lower relaxations run to convergence first (on the
 * simulator's 500-variable model that took longer, 140 s against 115 s, for a similar graph). The
 * result is the CPDAG of the best DAG, refined by the knowledge.
 *
 * <p>Knowledge is honoured as in {@link Boss}: valid orders only, forbidden parents never
 * candidates, required parents always kept; a tuck the knowledge forbids is not made. Because
 * knowledge takes tucks away, a few moves that apply only under knowledge are added (see {@link
 * TuckSearch}); even so GRaSP stalls more often than BOSS under knowledge, so prefer BOSS when
 * much knowledge is given.
 *
 * <p>Departures from Tetrad 7.6.6's implementation (read, not copied): score ties are judged
 * within {@code 1e-6} (Tetrad compares exactly, which rounding can defeat), and the DFS visits
 * variables in the current order and parents in ascending index, with no internal randomness, so
 * one seed gives one answer. The search is sequential.
 */
public final class Grasp {

  /** Which tucks the search may use at its first levels (the paper's GRaSP₀, GRaSP₁, GRaSP₂). */
  public enum Relaxation {
    /** Covered tucks only. */
    GRASP0,
    /** Covered tucks, and singular uncovered tucks up to the uncovered depth. */
    GRASP1,
    /** Covered tucks, uncovered tucks up to the uncovered depth, non-singular ones up to theirs. */
    GRASP2
  }

  private final Score score;
  private final Knowledge knowledge;
  private final Relaxation relaxation;
  private final boolean ordered;
  private final int depth;
  private final int uncoveredDepth;
  private final int nonSingularDepth;
  private final int starts;
  private final long seed;
  private final boolean useDataOrder;

  private Grasp(Builder b) {
    this.score = b.score;
    this.knowledge = b.knowledge;
    this.relaxation = b.relaxation;
    this.ordered = b.ordered;
    this.depth = b.depth;
    this.uncoveredDepth = b.uncoveredDepth;
    this.nonSingularDepth = b.nonSingularDepth;
    this.starts = b.starts;
    this.seed = b.seed;
    this.useDataOrder = b.useDataOrder;
  }

  public static Builder builder(Score score) {
    return new Builder(score);
  }

  /** Runs the search; the graph is a CPDAG (refined by the knowledge, if any). */
  public DiscoveryResult search() {
    long start = System.nanoTime();
    List<String> names = score.variables();
    int p = names.size();
    BoundKnowledge bound = knowledge.bind(names);
    ParentSelection selection = new ParentSelection(score, bound);
    OrderConstraints constraints = new OrderConstraints(bound, p);
    StartingOrders orders = new StartingOrders(constraints, p, useDataOrder, seed);
    List<TuckSearch.Limits> stages = new ArrayList<>();
    for (Relaxation r : Relaxation.values()) {
      if (r == relaxation || (ordered && r.ordinal() < relaxation.ordinal())) {
        stages.add(limits(r));
      }
    }
    TuckSearch best = null;
    long tucks = 0;
    for (int s = 0; s < starts; s++) {
      TuckSearch run = new TuckSearch(selection, constraints, orders.next());
      for (TuckSearch.Limits l : stages) {
        run.run(l);
      }
      tucks += run.tucks();
      if (s == 0 || run.score() > best.score() + BetterMutation.TOLERANCE) {
        best = run;
      }
    }
    List<String> warnings = new ArrayList<>();
    int[][] parents = best.parents();
    MutableGraph out = EquivalenceClass.of(EquivalenceClass.dag(names, parents), bound, warnings);
    out.setKind(GraphKind.CPDAG);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("relaxation", relaxation.name().toLowerCase(Locale.ROOT));
    params.put("ordered", Boolean.toString(ordered));
    params.put("depth", Integer.toString(depth));
    params.put("uncovered_depth", Integer.toString(uncoveredDepth));
    params.put("non_singular_depth", Integer.toString(nonSingularDepth));
    params.put("starts", Integer.toString(starts));
    params.put("seed", Long.toString(seed));
    params.put("use_data_order", Boolean.toString(useDataOrder));
    params.put("tucks", Long.toString(tucks));
    params.put("order_score", Double.toString(best.score()));
    SearchStats stats = new SearchStats("grasp", 0, selection.evaluations(), elapsed, params);
    return new DiscoveryResult(out.snapshot(), stats, warnings);
  }

  private TuckSearch.Limits limits(Relaxation r) {
    return switch (r) {
      case GRASP0 -> new TuckSearch.Limits(depth, 0, 0);
      case GRASP1 -> new TuckSearch.Limits(depth, uncoveredDepth, 0);
      case GRASP2 -> new TuckSearch.Limits(depth, uncoveredDepth, nonSingularDepth);
    };
  }

  /** Options for {@link Grasp}; every one has a default. */
  public static final class Builder {
    private final Score score;
    private Knowledge knowledge = Knowledge.empty();
    private Relaxation relaxation = Relaxation.GRASP2;
    private boolean ordered = false;
    private int depth = 3;
    private int uncoveredDepth = 1;
    private int nonSingularDepth = 1;
    private int starts = 1;
    private long seed = 1;
    private boolean useDataOrder = true;

    private Builder(Score score) {
      this.score = Objects.requireNonNull(score, "score");
    }

    /** Background knowledge (tiers, required and forbidden edges); none by default. */
    public Builder knowledge(Knowledge knowledge) {
      this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
      return this;
    }

    /** Which tucks the first levels may use; {@link Relaxation#GRASP2} by default. */
    public Builder relaxation(Relaxation relaxation) {
      this.relaxation = Objects.requireNonNull(relaxation, "relaxation");
      return this;
    }

    /** Whether to run the lower relaxations to convergence first; off by default. */
    public Builder ordered(boolean ordered) {
      this.ordered = ordered;
      return this;
    }

    /** How many tucks deep the search follows score-neutral tucks; 3 by default. */
    public Builder depth(int depth) {
      if (depth < 1) {
        throw new InvalidInputException("--depth must be at least 1; got " + depth);
      }
      this.depth = depth;
      return this;
    }

    /** The deepest level at which uncovered tucks are tried (0: never); 1 by default. */
    public Builder uncoveredDepth(int uncoveredDepth) {
      if (uncoveredDepth < 0) {
        throw new InvalidInputException(
            "--uncovered-depth must be at least 0; got " + uncoveredDepth);
      }
      this.uncoveredDepth = uncoveredDepth;
      return this;
    }

    /** The deepest level at which non-singular tucks are tried (0: never); 1 by default. */
    public Builder nonSingularDepth(int nonSingularDepth) {
      if (nonSingularDepth < 0) {
        throw new InvalidInputException(
            "--non-singular-depth must be at least 0; got " + nonSingularDepth);
      }
      this.nonSingularDepth = nonSingularDepth;
      return this;
    }

    /** How many starting orders to search from, keeping the best result; 1 by default. */
    public Builder starts(int starts) {
      if (starts < 1) {
        throw new InvalidInputException("--starts must be at least 1; got " + starts);
      }
      this.starts = starts;
      return this;
    }

    /** The seed of the random starting orders; 1 by default. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Whether the first start uses the data's column order (the default) or a random order. */
    public Builder useDataOrder(boolean useDataOrder) {
      this.useDataOrder = useDataOrder;
      return this;
    }

    public Grasp build() {
      return new Grasp(this);
    }
  }
}
