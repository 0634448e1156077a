package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.Classifier;
import dev.causal4j.effects.estimate.learner.LogisticRegression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Inverse probability weighting (Horvitz &amp; Thompson 1952; Rosenbaum 1987) with normalised
 * (Hájek), i.e. stabilised, weights: each arm's outcome mean weighted by the inverse of the
 * probability of the arm received, weights normalised within each arm. For the ATT the treated
 * keep weight 1 and controls get {@code e/(1−e)}; for the ATC the reverse.
 *
 * <p>Trimming (Crump, Hotz, Imbens &amp; Mitnik 2009) drops the units whose propensity lies outside
 * {@code [trim, 1 − trim]} before weighting; the estimate is then for the trimmed population,
 * which the warnings say. The interval comes from the influence function with the propensity
 * treated as known (conservative for the ATE when the propensity is fitted by maximum likelihood;
 * Lunceford &amp; Davidian 2004) or from the bootstrap, which refits the propensity each time.
 *
 * @param propensity the propensity-score learner (fitted on all rows, not cross-fitted)
 * @param trim drop units with propensity outside {@code [trim, 1 − trim]}; 0 keeps everyone
 * @param interval {@link IntervalMethod#INFLUENCE_FUNCTION} or {@link IntervalMethod#BOOTSTRAP}
 * @param bootstrapSamples resamples when bootstrapping
 * @param seed seeds the bootstrap
 */
public record InverseProbabilityWeighting(
    Classifier propensity, double trim, IntervalMethod interval, int bootstrapSamples, long seed)
    implements Estimator {

  public InverseProbabilityWeighting {
    Objects.requireNonNull(propensity, "propensity");
    Objects.requireNonNull(interval, "interval");
    if (!(trim >= 0 && trim < 0.5)) {
      throw new InvalidInputException("the trimming bound must be in [0, 0.5), not " + trim);
    }
    if (interval == IntervalMethod.ANALYTIC) {
      throw new IllegalArgumentException("IPW intervals come from the influence function or the"
          + " bootstrap");
    }
  }

  /** Logistic propensity, no trimming, influence-function interval. */
  public static InverseProbabilityWeighting defaults() {
    return new InverseProbabilityWeighting(LogisticRegression.defaults(), 0,
        IntervalMethod.INFLUENCE_FUNCTION, 200, 0);
  }

  @Override
  public Method method() {
    return Method.IPW;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    int[] labels = d.treatmentLabels("inverse probability weighting");
    Estimand estimand = problem.estimand();
    double[] e = propensity.fit(d.covariates(), labels).probability(d.covariates());
    Propensities.checkOverlap(e, d.treatment(), problem.treatment());
    PropensitySummary summary = Propensities.summary(e, d.treatment(), 0);
    List<String> warnings = new ArrayList<>(d.commonWarnings());
    int[] keep = kept(e);
    int trimmed = d.rows() - keep.length;
    EffectData used = trimmed == 0 ? d : d.rows(keep);
    double[] eu = trimmed == 0 ? e : select(e, keep);
    if (trimmed > 0) {
      warnings.add(String.format(Locale.ROOT, "%d unit(s) with propensity outside [%.2f, %.2f]"
          + " were dropped; the estimate is for the remaining population.", trimmed, trim,
          1 - trim));
      if (used.treatedCount() < 2 || used.rows() - used.treatedCount() < 2) {
        throw new InvalidInputException("trimming at " + trim + " leaves fewer than two units in"
            + " an arm; lower the trimming bound");
      }
    }
    Scores.Score s = Scores.ipw(used.outcome(), used.treatment(), eu, estimand);
    double se;
    ConfidenceInterval ci;
    if (interval == IntervalMethod.BOOTSTRAP) {
      Bootstrap.Result b = Bootstrap.run(d.rows(), bootstrapSamples, seed, d.treatment(),
          rows -> point(d.rows(rows), estimand));
      b.warn(warnings);
      se = b.se();
      ci = b.interval();
    } else {
      se = s.standardError();
      ci = ConfidenceInterval.normal(s.estimate(), se, IntervalMethod.INFLUENCE_FUNCTION,
          "Hájek influence function, propensity treated as known");
    }
    double[] w = Balances.weights(used.treatment(), eu, estimand);
    Propensities.warn(summary, warnings);
    List<Balance> balance = Balances.of(used.covariates(), used.covariateNames(),
        used.treatment(), w);
    warnImbalance(balance, warnings);
    EffectiveSampleSize ess = new EffectiveSampleSize(
        EffectiveSampleSize.kish(w, used.treatment(), 1),
        EffectiveSampleSize.kish(w, used.treatment(), 0));
    Diagnostics diag = new Diagnostics(Optional.of(summary), trimmed, Optional.of(ess), balance,
        OptionalDouble.empty(), warnings);
    EffectEstimate r = Results.of(used, method(), estimand, s.estimate(), se, ci,
        "normalised (Hájek) weights; propensity: " + propensity.describe()
            + (trim > 0 ? String.format(Locale.ROOT, "; trimmed to [%.2f, %.2f]", trim, 1 - trim)
                : ""), diag,
        List.of("The propensity model is correctly specified."));
    return r;
  }

  private double point(EffectData d, Estimand estimand) {
    int[] labels = d.treatmentLabels("inverse probability weighting");
    double[] e = propensity.fit(d.covariates(), labels).probability(d.covariates());
    int[] keep = kept(e);
    EffectData used = keep.length == d.rows() ? d : d.rows(keep);
    double[] eu = keep.length == d.rows() ? e : select(e, keep);
    for (double v : eu) {
      if (v <= 0 || v >= 1) {
        return Double.NaN;
      }
    }
    return Scores.ipw(used.outcome(), used.treatment(), eu, estimand).estimate();
  }

  private int[] kept(double[] e) {
    if (trim == 0) {
      return java.util.stream.IntStream.range(0, e.length).toArray();
    }
    return java.util.stream.IntStream.range(0, e.length)
        .filter(i -> e[i] >= trim && e[i] <= 1 - trim).toArray();
  }

  private static double[] select(double[] v, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }

  static void warnImbalance(List<Balance> balance, List<String> warnings) {
    List<String> bad = balance.stream().filter(b -> Math.abs(b.after()) >= Balance.THRESHOLD)
        .map(b -> String.format(Locale.ROOT, "%s (%.2f)", b.covariate(), b.after())).toList();
    if (!bad.isEmpty()) {
      warnings.add("Covariates still imbalanced after adjustment (standardized difference ≥"
          + " 0.1): " + String.join(", ", bad) + ".");
    }
  }
}
