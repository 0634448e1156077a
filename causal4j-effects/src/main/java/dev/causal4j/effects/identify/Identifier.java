package dev.causal4j.effects.identify;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.AdjustmentCriterion;
import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.Expression;
import dev.causal4j.effects.FrontDoor;
import dev.causal4j.effects.Hedge;
import dev.causal4j.effects.IdExpression;
import dev.causal4j.effects.Ida;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.InstrumentalVariable;
import dev.causal4j.effects.NotIdentifiable;
import dev.causal4j.graph.Graph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Identifies a {@link CausalQuery}: decides whether, and how, the effect can be written in terms
 * of the observed distribution, according to what the query's graph is.
 *
 * <p><b>On a DAG</b> (hidden variables as latent nodes or {@code <->} edges), every strategy that
 * applies is found, in this order of preference:
 *
 * <ol>
 *   <li>{@link BackdoorAdjustment}: if any valid adjustment set of observed covariates exists
 *       (adjustment criterion, complete). The set used is the optimal set {@code O(X,Y)} when it
 *       is usable, else the valid candidate (canonical set, minimal sets) that the pairwise
 *       variance comparison of Henckel et al. (2022) ranks best.
 *   <li>{@link FrontDoor}: a front-door set, or a conditional one.
 *   <li>{@link IdExpression}: the ID algorithm (Shpitser &amp; Pearl 2006), complete for DAGs with
 *       hidden variables: if it fails, with a hedge, nothing identifies the effect
 *       nonparametrically. It runs only when 1 and 2 fail (their formulas are ID estimands too).
 *   <li>{@link InstrumentalVariable} (one treatment, one outcome): identifies the effect only in
 *       linear models. It is preferred only when the ID algorithm fails; this departs from the
 *       order "back-door, front-door, IV, ID" because ID needs no parametric assumption.
 * </ol>
 *
 * When none applies the answer is a {@link NotIdentifiable} with the hedge.
 *
 * <p><b>On a CPDAG</b>: the generalized adjustment criterion ({@link ClassAdjustment}); if the
 * CPDAG is not amenable the effect is not identified by the class (Perković 2020), and for one
 * treatment and one outcome {@link Ida} lists the possible parent sets instead.
 *
 * <p><b>On a PAG or MAG</b>: the generalized adjustment criterion; otherwise {@link
 * NotIdentifiable} with the reason (a PAG that is not amenable may still identify the effect by
 * other means, which are not implemented, so it is not marked proven).
 *
 * <p>Without a graph, the user's covariates are taken as the adjustment set.
 */
public final class Identifier {

  /**
   * Options.
   *
   * @param maxMinimalSets how many minimal adjustment sets to list at most
   */
  public record Options(int maxMinimalSets) {
    public Options {
      if (maxMinimalSets < 1) {
        throw new InvalidInputException("the number of minimal sets to list must be at least 1,"
            + " not " + maxMinimalSets);
      }
    }

    public static Options defaults() {
      return new Options(16);
    }
  }

  private final Options options;

  private Identifier(Options options) {
    this.options = options;
  }

  /** The preferred identification of {@code query}, with default options. */
  public static Identification identify(CausalQuery query) {
    return identifyAll(query, Options.defaults()).get(0);
  }

  /** Every identification of {@code query} that applies, with default options. */
  public static List<Identification> identifyAll(CausalQuery query) {
    return identifyAll(query, Options.defaults());
  }

  /**
   * Every identification that applies, the preferred first; when none does, one {@link
   * NotIdentifiable} (or, on a CPDAG, one {@link Ida}).
   *
   * @throws InvalidInputException if the graph is not a causal graph (a directed cycle, marks
   *     that no graph type allows, a CPDAG that is not one)
   */
  public static List<Identification> identifyAll(CausalQuery query, Options options) {
    return new Identifier(options).run(query);
  }

  private List<Identification> run(CausalQuery query) {
    if (query.graph().isEmpty()) {
      List<String> z = query.requiredCovariates();
      return List.of(new BackdoorAdjustment(query, z, Optional.empty(), List.of(), false, false,
          AdjustmentCriterion.ASSUMED, List.of(Assumptions.assumedAdjustment(z),
              Assumptions.positivity(z), Assumptions.CONSISTENCY)));
    }
    CausalDiagram diagram = CausalDiagram.of(query.graph().get());
    return switch (diagram.semantics) {
      case DAG -> onDag(query, diagram);
      case CPDAG -> onClass(query, diagram.graph, false);
      case PAG -> onClass(query, diagram.graph, true);
    };
  }

  private List<Identification> onDag(CausalQuery q, CausalDiagram diagram) {
    Graph dag = diagram.dagWithLatents(q.excluded());
    BitSet x = Sets.of(dag, q.treatments());
    BitSet y = Sets.of(dag, q.outcomes());
    BitSet required = Sets.of(dag, q.requiredCovariates());
    boolean noEffect = AdjustmentProblem.causalNodes(dag, x, y).isEmpty();
    List<String> base = new ArrayList<>();
    base.add(Assumptions.DAG);
    if (noEffect) {
      base.add(Assumptions.ZERO_EFFECT);
    }
    List<Identification> found = new ArrayList<>();
    AdjustmentProblem ap = AdjustmentProblem.forDag(dag, x, y, required, new BitSet());
    // Henckel et al.'s O(X,Y) = pa(cn(X,Y)) ∖ forb(X,Y), defined when every outcome descends
    // from a treatment (otherwise the parents of cn need not block Y's paths to X).
    Optional<BitSet> optimal = Optional.empty();
    if (Sets.minus(y, ap.causal).isEmpty()) {
      BitSet o = new BitSet();
      for (int c = ap.causal.nextSetBit(0); c >= 0; c = ap.causal.nextSetBit(c + 1)) {
        for (int u : dag.parents(c)) {
          o.set(u);
        }
      }
      o.andNot(ap.forbidden);
      optimal = Optional.of(o);
    }
    adjustment(q, ap, optimal, AdjustmentCriterion.ADJUSTMENT, true, base)
        .ifPresent(found::add);

    BitSet usable = new BitSet();
    for (int v = 0; v < dag.size(); v++) {
      if (!dag.isLatent(v) && !x.get(v) && !y.get(v)) {
        usable.set(v);
      }
    }
    new FrontDoorSearch(dag, x, y, usable).find().ifPresent(f -> {
      List<String> m = Sets.names(dag, f.mediators());
      List<String> w = Sets.names(dag, f.covariates());
      List<String> strata = new ArrayList<>(m);
      strata.addAll(w);
      found.add(new FrontDoor(q, m, w, concat(base, Assumptions.frontDoor(m, w),
          Assumptions.positivity(strata), Assumptions.CONSISTENCY)));
    });

    // The ID algorithm is run only when adjustment and front-door fail: both are ID estimands
    // already, and its raw output on a large graph is long.
    Hedge hedge = null;
    if (found.isEmpty()) {
      IdAlgorithm id = new IdAlgorithm(dag);
      BitSet px = new BitSet();
      BitSet py = new BitSet();
      q.treatments().forEach(t -> px.set(id.indexOf(t)));
      q.outcomes().forEach(o -> py.set(id.indexOf(o)));
      try {
        Expression e = id.identify(py, px);
        List<String> arbitrary = new ArrayList<>(e.freeVariables());
        arbitrary.removeAll(q.treatments());
        arbitrary.removeAll(q.outcomes());
        found.add(new IdExpression(q, e, arbitrary,
            concat(base, Assumptions.ID, Assumptions.CONSISTENCY)));
      } catch (IdAlgorithm.HedgeFound h) {
        hedge = h.hedge;
      }
    }

    Optional<InstrumentSearch.Found> iv = Optional.empty();
    if (x.cardinality() == 1 && y.cardinality() == 1) {
      iv = new InstrumentSearch(dag, x.nextSetBit(0), y.nextSetBit(0), usable).find();
    }
    String notIdentifiable = hedge == null ? null : "no estimand exists (the ID algorithm, which"
        + " is complete, fails): " + hedge.describe();
    if (iv.isPresent()) {
      List<String> z = Sets.names(dag, iv.get().instruments());
      List<String> w = Sets.names(dag, iv.get().covariates());
      List<String> a = concat(base, Assumptions.IV_LINEAR, Assumptions.ivExclusion(z, w),
          Assumptions.ivRelevance(z, w), Assumptions.CONSISTENCY);
      if (notIdentifiable != null) {
        a = concat(a, "Without linearity the effect is not identifiable: " + notIdentifiable
            + ".");
      }
      found.add(new InstrumentalVariable(q, z, w, a));
    }
    if (found.isEmpty()) {
      found.add(new NotIdentifiable(q, notIdentifiable, Optional.of(hedge), true, base));
    }
    return found;
  }

  private List<Identification> onClass(CausalQuery q, Graph g, boolean pag) {
    BitSet x = Sets.of(g, q.treatments());
    BitSet y = Sets.of(g, q.outcomes());
    BitSet required = Sets.of(g, q.requiredCovariates());
    BitSet excluded = Sets.of(g, q.excluded());
    ClassAdjustment ca = new ClassAdjustment(g, pag, x, y);
    String graphAssumption = pag ? Assumptions.PAG : Assumptions.CPDAG;
    List<String> base = new ArrayList<>(List.of(graphAssumption));
    if (ca.causal.isEmpty()) {
      base.add("There is no possibly causal path from the treatment to the outcome, so the"
          + " effect is zero in every graph of the class.");
    }
    String kind = pag ? "PAG" : "CPDAG";
    if (ca.isAmenable()) {
      AdjustmentProblem ap = ca.inMember(required, excluded);
      Optional<BackdoorAdjustment> bd = adjustment(q, ap, ca.optimalCandidate(),
          AdjustmentCriterion.GENERALIZED_ADJUSTMENT, false, base);
      if (bd.isPresent()) {
        return List.of(bd.get());
      }
      if (ca.causal.isEmpty()) {
        // No graph of the class has a causal path: P(y | do(x)) = P(y), though no adjustment set
        // exists (an outcome may be a parent of a treatment).
        Expression marginal = new Expression.Probability(q.outcomes(), List.of());
        return List.of(new IdExpression(q, marginal, List.of(), concat(base,
            Assumptions.CONSISTENCY)));
      }
      String why = required.isEmpty() && excluded.isEmpty()
          ? "no set of variables blocks every non-causal path from treatment to outcome in every"
              + " graph of the class"
          : "no set that " + (required.isEmpty() ? "" : "contains the required covariates "
              + Sets.braces(g, required) + (excluded.isEmpty() ? " " : " and "))
              + (excluded.isEmpty() ? "" : "avoids the excluded variables "
                  + Sets.braces(g, excluded) + " ")
              + "satisfies the generalized adjustment criterion";
      String reason = "the " + kind + " is amenable relative to the query, but " + why
          + (pag ? "; identification in a PAG beyond adjustment (Jaber et al. 2019) is not"
              + " implemented" : "; the CPDAG still identifies the effect (Perković 2020),"
              + " but by a formula that is not implemented");
      boolean proven = false;
      return List.of(new NotIdentifiable(q, reason, Optional.empty(), proven, base));
    }
    String edge = ca.nonAmenableEdgeText();
    String undetermined = ca.graph.isDirected(ca.nonAmenableEdge.from(), ca.nonAmenableEdge.to())
        ? "the edge " + edge + " is not visible: a hidden common cause of its ends cannot be ruled"
            + " out"
        : "the edge " + edge + " leaves the direction undetermined";
    String reason = "the " + kind + " is not amenable relative to (" + String.join(", ",
        q.treatments()) + "; " + String.join(", ", q.outcomes()) + "): " + undetermined
        + ", and it starts a possibly causal path to the outcome";
    if (pag) {
      return List.of(new NotIdentifiable(q, reason + "; identification in a PAG beyond adjustment"
          + " (Jaber et al. 2019) is not implemented", Optional.empty(), false, base));
    }
    if (x.cardinality() != 1 || y.cardinality() != 1) {
      return List.of(new NotIdentifiable(q, reason + "; the DAGs of the class disagree on the"
          + " effect (IDA is implemented for one treatment and one outcome)", Optional.empty(),
          true, base));
    }
    int xv = x.nextSetBit(0);
    if (g.undirectedNeighbors(xv).length > LocalIda.MAX_NEIGHBOURS) {
      return List.of(new NotIdentifiable(q, reason + "; IDA would try 2^"
          + g.undirectedNeighbors(xv).length + " parent sets, more than it attempts",
          Optional.empty(), true, base));
    }
    List<Ida.Candidate> candidates = new ArrayList<>();
    for (BitSet parents : LocalIda.parentSets(g, xv)) {
      if (parents.intersects(excluded)) {
        return List.of(new NotIdentifiable(q, reason + "; IDA would have to adjust for the"
            + " excluded variables " + Sets.braces(g, Sets.intersect(parents, excluded)),
            Optional.empty(), true, base));
      }
      candidates.add(new Ida.Candidate(Sets.names(g, parents), parents.intersects(y)));
    }
    return List.of(new Ida(q, candidates, reason, concat(base, Assumptions.IDA,
        Assumptions.CONSISTENCY)));
  }

  /**
   * The adjustment answer of a problem, or empty when no valid set exists. The set used is the
   * optimal one when usable; otherwise the candidate that the pairwise variance comparison ranks
   * above the most others (the first such in the order: optimal set cut to usable nodes, the
   * treatments' usable parents, canonical set, minimal sets).
   */
  private Optional<BackdoorAdjustment> adjustment(CausalQuery q, AdjustmentProblem ap,
      Optional<BitSet> optimalCandidate, AdjustmentCriterion criterion, boolean onDag,
      List<String> base) {
    BitSet canonical = ap.canonical();
    if (canonical == null) {
      return Optional.empty();
    }
    MinimalSeparators.Result minimal = ap.minimalSets(options.maxMinimalSets());
    Optional<BitSet> optimal = optimalCandidate.filter(o -> Sets.minus(o, ap.allowed).isEmpty()
        && Sets.minus(ap.required, o).isEmpty() && ap.isValid(o));
    BitSet used;
    if (optimal.isPresent()) {
      used = optimal.get();
    } else {
      LinkedHashSet<BitSet> candidates = new LinkedHashSet<>();
      optimalCandidate.ifPresent(o -> {
        BitSet cut = Sets.union(Sets.intersect(o, ap.allowed), ap.required);
        if (ap.isValid(cut)) {
          candidates.add(cut);
        }
      });
      BitSet parents = new BitSet();
      for (int v = ap.x.nextSetBit(0); v >= 0; v = ap.x.nextSetBit(v + 1)) {
        for (int u : ap.dag.parents(v)) {
          parents.set(u);
        }
      }
      parents.and(ap.allowed);
      parents.or(ap.required);
      if (ap.isValid(parents)) {
        candidates.add(parents);
      }
      candidates.add(canonical);
      candidates.addAll(minimal.separators());
      used = best(ap, new ArrayList<>(candidates));
    }
    Graph g = ap.dag;
    List<String> z = Sets.names(g, used);
    List<List<String>> minimalNames = new ArrayList<>();
    for (BitSet m : minimal.separators()) {
      minimalNames.add(Sets.names(g, m));
    }
    boolean classWide = criterion == AdjustmentCriterion.GENERALIZED_ADJUSTMENT;
    return Optional.of(new BackdoorAdjustment(q, z, optimal.map(o -> Sets.names(g, o)),
        minimalNames, minimal.truncated(), onDag && ap.isBackdoorSet(used), criterion,
        concat(base, Assumptions.adjustment(z, classWide), Assumptions.positivity(z),
            Assumptions.CONSISTENCY)));
  }

  private static BitSet best(AdjustmentProblem ap, List<BitSet> candidates) {
    int bestScore = -1;
    BitSet best = null;
    for (BitSet c : candidates) {
      int score = 0;
      for (BitSet other : candidates) {
        if (other != c && ap.atLeastAsEfficient(c, other)) {
          score++;
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  private static List<String> concat(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }
}
