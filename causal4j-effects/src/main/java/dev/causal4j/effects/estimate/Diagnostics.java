package dev.causal4j.effects.estimate;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a reader needs to judge an estimate: overlap of the propensity scores, units trimmed,
 * effective sample size, covariate balance before and after weighting or matching, the first-stage
 * strength of instruments, and warnings in plain words. Fields that do not apply to an estimator
 * are empty.
 *
 * @param propensity the propensity scores and their overlap (estimators that model them)
 * @param trimmed units dropped because their propensity lay outside the trimming bounds
 * @param effectiveSampleSize per arm, under the estimator's weights
 * @param balance standardized mean differences per covariate before and after adjustment
 * @param firstStageF the first-stage F statistic of the excluded instruments (IV estimators)
 * @param warnings problems worth reading before trusting the estimate, each a sentence
 */
public record Diagnostics(
    Optional<PropensitySummary> propensity,
    int trimmed,
    Optional<EffectiveSampleSize> effectiveSampleSize,
    List<Balance> balance,
    OptionalDouble firstStageF,
    List<String> warnings) {

  public Diagnostics {
    balance = List.copyOf(balance);
    warnings = List.copyOf(warnings);
  }

  /** No diagnostics beyond the given warnings. */
  public static Diagnostics of(List<String> warnings) {
    return new Diagnostics(Optional.empty(), 0, Optional.empty(), List.of(), OptionalDouble.empty(),
        warnings);
  }

  /** Covariates whose absolute standardized difference after adjustment is 0.1 or more. */
  public List<Balance> imbalanced() {
    return balance.stream().filter(b -> Math.abs(b.after()) >= Balance.THRESHOLD).toList();
  }
}
