package dev.causal4j.effects.refute;

import dev.causal4j.effects.estimate.ConfidenceInterval;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A refutation that re-ran the estimator on modified data: a placebo treatment, an added random
 * common cause, random subsets, a dummy outcome or bootstrap resamples.
 *
 * @param kind which refuter
 * @param originalEstimate the estimate being checked
 * @param originalStandardError its standard error
 * @param values the estimate on each modified data set, by run (runs that could not be
 *     estimated are left out)
 * @param newEffect the summary of {@code values} the verdict judges: their mean
 * @param interval an interval for {@code newEffect} where one is meaningful (the placebo or dummy
 *     effect's 95% interval, the spread of the subset or bootstrap estimates), with how it was
 *     computed
 * @param pValue a p-value where one is meaningful (placebo and dummy outcome: that the mean effect
 *     is 0)
 * @param failedRuns runs whose modified data the estimator could not estimate (e.g. a resample
 *     with too few treated units); they are left out of {@code values}
 * @param verdict pass or fail, with the rule
 * @param summary one sentence with the numbers and the verdict
 */
public record RerunRefutation(
    RefuterKind kind,
    double originalEstimate,
    double originalStandardError,
    double[] values,
    double newEffect,
    Optional<ConfidenceInterval> interval,
    OptionalDouble pValue,
    int failedRuns,
    Verdict verdict,
    String summary) implements Refutation {

  public RerunRefutation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(pValue, "pValue");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** Runs attempted: those in {@link #values()} plus the failed ones. */
  public int runs() {
    return values.length + failedRuns;
  }
}
