package dev.causal4j.effects;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The effect is not identified by the equivalence class (a CPDAG), but IDA (Maathuis, Kalisch &amp;
 * Bühlmann 2009) gives the set of its possible values: for each possible parent set of the
 * treatment among the DAGs of the class, adjusting for those parents gives the effect in the DAGs
 * where they are the parents. An estimator turns {@link #candidates()} into a set (or multiset) of
 * effects; a tight set still answers many questions (all positive, all large).
 *
 * @param query the question (one treatment)
 * @param candidates one per possible parent set of the treatment, in a fixed order
 * @param reason why no single estimand exists
 * @param assumptions what the answer rests on
 */
public record Ida(
    CausalQuery query, List<Candidate> candidates, String reason, List<String> assumptions)
    implements Identification {

  /**
   * One possible parent set of the treatment.
   *
   * @param parents the treatment's parents in the DAGs of the class that have this parent set
   * @param zeroEffect true if an outcome is among those parents, so the treatment cannot affect it
   *     in those DAGs and the effect there is zero
   */
  public record Candidate(List<String> parents, boolean zeroEffect) {
    public Candidate {
      parents = List.copyOf(parents);
    }

    /** The set to adjust for in the DAGs with these parents: the parents themselves. */
    public List<String> adjustmentSet() {
      return parents;
    }
  }

  public Ida {
    Objects.requireNonNull(query, "query");
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(reason, "reason");
    assumptions = List.copyOf(assumptions);
  }

  @Override
  public Strategy strategy() {
    return Strategy.IDA;
  }

  @Override
  public boolean isIdentified() {
    return false;
  }

  @Override
  public Optional<Expression> estimand() {
    return Optional.empty();
  }

  @Override
  public String summary() {
    return query.describe() + " is not identified by the CPDAG; IDA gives " + candidates.size()
        + " possible value" + (candidates.size() == 1 ? "" : "s")
        + ", one per possible parent set of " + String.join(", ", query.treatments());
  }
}
