package dev.causal4j.effects.estimate;

import java.util.List;
import java.util.Objects;

/**
 * One estimate of a causal effect, with everything needed to read it: the value, its standard
 * error and 95% interval (and how they were computed), the method and estimand, the units used,
 * what was adjusted for (or which instruments or mediators), the nuisance learners, diagnostics and
 * the assumptions it rests on.
 *
 * @param treatment the treatment column
 * @param outcome the outcome column
 * @param estimand which average effect
 * @param method the estimator
 * @param estimate the point estimate, in the outcome's units per unit of treatment (for a binary
 *     treatment: treated minus untreated)
 * @param standardError its standard error
 * @param interval the 95% confidence interval and how it was computed
 * @param n rows used (after missing values, trimming and the like)
 * @param adjustmentSet the covariates adjusted for (for IV: the conditioning covariates; for the
 *     front door: the pre-treatment covariates)
 * @param instruments the instruments (IV estimators; empty otherwise)
 * @param mediators the front-door mediators (empty otherwise)
 * @param details how the estimate was computed, in one line (model, folds, learners, resamples)
 * @param diagnostics overlap, balance, effective sample size, warnings
 * @param assumptions what the estimate rests on, each a sentence
 */
public record EffectEstimate(
    String treatment,
    String outcome,
    Estimand estimand,
    Method method,
    double estimate,
    double standardError,
    ConfidenceInterval interval,
    int n,
    List<String> adjustmentSet,
    List<String> instruments,
    List<String> mediators,
    String details,
    Diagnostics diagnostics,
    List<String> assumptions) {

  public EffectEstimate {
    Objects.requireNonNull(treatment, "treatment");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(estimand, "estimand");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(diagnostics, "diagnostics");
    adjustmentSet = List.copyOf(adjustmentSet);
    instruments = List.copyOf(instruments);
    mediators = List.copyOf(mediators);
    assumptions = List.copyOf(assumptions);
  }
}
