package dev.causal4j.analyst.plan;

import dev.causal4j.data.MissingPolicy;
import java.util.List;

/**
 * What the analyst will do and why: the rule chosen from the {@link RuleTable} (and its version),
 * the search with its test or score and tuning, the number of bootstrap runs, how missing values
 * are handled, the time budget with the estimate it was checked against, and every decision as a
 * {@link Step} with its reason.
 *
 * @param rulesVersion {@link RuleTable#VERSION}
 * @param ruleId the chosen row
 * @param condition the row's condition, in words
 * @param algorithm the search
 * @param statistic its test or score
 * @param tuning how its free setting is chosen
 * @param bootstrapSamples resampled searches for edge probabilities
 * @param stabilitySubsamples subsamples per candidate for stability tuning (0 when not used)
 * @param missingPolicy what is done with missing values
 * @param threads worker threads (the result does not depend on them)
 * @param budgetSeconds the time budget
 * @param estimatedSeconds the cost model's estimate of the whole analysis
 * @param minimumSeconds the least budget any plan for these data needs
 * @param pilot the pilot search for hidden confounding, or null
 * @param timeSeries the time-series search when the rows are a time series, or null
 * @param steps every decision with its reason, in order
 */
public record Plan(
    String rulesVersion,
    String ruleId,
    String condition,
    Algorithm algorithm,
    Statistic statistic,
    Tuning tuning,
    int bootstrapSamples,
    int stabilitySubsamples,
    MissingPolicy missingPolicy,
    int threads,
    double budgetSeconds,
    double estimatedSeconds,
    double minimumSeconds,
    PlanInput.Pilot pilot,
    TimeSeriesPlan timeSeries,
    List<Step> steps) {

  public Plan {
    steps = List.copyOf(steps);
  }

  /**
   * One decision.
   *
   * @param stage {@code data}, {@code discovery}, {@code tuning}, {@code resampling}, {@code
   *     budget}, {@code knowledge}, {@code effect} or {@code time series}
   * @param decision what was decided
   * @param reason why
   */
  public record Step(String stage, String decision, String reason) {}
}
