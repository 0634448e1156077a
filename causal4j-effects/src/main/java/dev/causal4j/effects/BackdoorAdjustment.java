package dev.causal4j.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Identification by covariate adjustment: {@code P(y | do(x)) = Σ_z P(y | x, z) P(z)} for the
 * set {@code z} = {@link #adjustmentSet()}.
 *
 * @param query the question
 * @param adjustmentSet the set to adjust for: the optimal set when it is defined and usable,
 *     otherwise the best of the other valid sets found (see {@code Identifier})
 * @param optimalSet the optimal adjustment set {@code O(X,Y)} of Henckel, Perković &amp; Maathuis
 *     (2022), whose adjustment estimator has the smallest asymptotic variance among all valid sets
 *     (in linear models, and for the efficient nonparametric estimator); empty when it is not
 *     defined (PAGs), holds a hidden or excluded node, misses a required covariate, or no graph
 *     was given
 * @param minimalSets valid sets none of whose proper subsets is valid (every one, up to a cap),
 *     smallest first; each contains the required covariates
 * @param minimalSetsTruncated true if the cap was reached and more minimal sets exist
 * @param satisfiesBackdoorCriterion true if {@link #adjustmentSet()} also meets Pearl's
 *     back-door criterion (no descendant of a treatment, blocks every back-door path), which is
 *     stricter than the adjustment criterion
 * @param criterion what the sets were checked against
 * @param assumptions what the answer rests on
 */
public record BackdoorAdjustment(
    CausalQuery query,
    List<String> adjustmentSet,
    Optional<List<String>> optimalSet,
    List<List<String>> minimalSets,
    boolean minimalSetsTruncated,
    boolean satisfiesBackdoorCriterion,
    AdjustmentCriterion criterion,
    List<String> assumptions)
    implements Identification {

  public BackdoorAdjustment {
    Objects.requireNonNull(query, "query");
    adjustmentSet = List.copyOf(adjustmentSet);
    optimalSet = optimalSet.map(List::copyOf);
    minimalSets = minimalSets.stream().map(List::copyOf).toList();
    Objects.requireNonNull(criterion, "criterion");
    assumptions = List.copyOf(assumptions);
  }

  @Override
  public Strategy strategy() {
    return Strategy.BACKDOOR;
  }

  @Override
  public boolean isIdentified() {
    return true;
  }

  /** {@code Σ_z P(y | x, z) P(z)}, or {@code P(y | x)} when the set is empty. */
  @Override
  public Optional<Expression> estimand() {
    return Optional.of(adjustmentFormula(query.treatments(), query.outcomes(), adjustmentSet));
  }

  @Override
  public String summary() {
    return query.describe() + " is identified by adjusting for "
        + (adjustmentSet.isEmpty() ? "nothing (no confounding to remove)"
            : "{" + String.join(", ", adjustmentSet) + "}");
  }

  /** The adjustment formula {@code Σ_z P(y | x, z) P(z)}. */
  static Expression adjustmentFormula(List<String> x, List<String> y, List<String> z) {
    List<String> given = new ArrayList<>(x);
    given.addAll(z);
    Expression outcome = new Expression.Probability(y, given);
    if (z.isEmpty()) {
      return outcome;
    }
    return new Expression.Sum(z, new Expression.Product(
        List.of(outcome, new Expression.Probability(z, List.of()))));
  }
}
