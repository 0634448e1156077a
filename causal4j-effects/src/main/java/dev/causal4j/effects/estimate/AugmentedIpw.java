package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Augmented inverse probability weighting (Robins, Rotnitzky &amp; Zhao 1994), the doubly robust
 * estimator, with {@code K}-fold cross-fitting of the propensity and the arm-wise outcome
 * regressions (Chernozhukov et al. 2018): consistent if either nuisance model is right, and
 * root-n normal with the efficient influence function as variance when both converge fast enough
 * (faster than {@code n^-1/4} together), which flexible learners allow thanks to the
 * cross-fitting. The standard error is that of the influence function.
 *
 * <p>Propensities are clipped to {@code [clip, 1 − clip]} before use (the count is reported), as
 * DoubleML does; without clipping a single score near 0 or 1 can dominate the estimate. Only the
 * end the estimand's weights divide by is clipped: both for the ATE, {@code e ≤ 1 − clip} for the
 * ATT, {@code e ≥ clip} for the ATC ({@link Propensities#clip(double[], double, Estimand)}).
 *
 * @param learners outcome regressions and propensity classifier
 * @param folds cross-fitting folds ({@code 1}: no cross-fitting)
 * @param clip propensity clipping bound, in {@code [0, 0.5)}
 * @param seed seeds the folds (and the learners' own randomness through their settings)
 * @param splits independent fold splits whose median is reported ({@link RepeatedSplits}); 1
 *     for a single split
 */
public record AugmentedIpw(NuisanceLearners learners, int folds, double clip, long seed,
    int splits) implements Estimator {

  public AugmentedIpw {
    Objects.requireNonNull(learners, "learners");
    checkSettings(folds, clip);
    RepeatedSplits.check(splits);
  }

  /** One fold split. */
  public AugmentedIpw(NuisanceLearners learners, int folds, double clip, long seed) {
    this(learners, folds, clip, seed, 1);
  }

  static void checkSettings(int folds, double clip) {
    if (folds < 1) {
      throw new InvalidInputException("the number of cross-fitting folds must be at least 1, not "
          + folds);
    }
    if (!(clip >= 0 && clip < 0.5)) {
      throw new InvalidInputException("the propensity clipping bound must be in [0, 0.5), not "
          + clip);
    }
  }

  /** Five folds, clipping at 0.01. */
  public static AugmentedIpw of(NuisanceLearners learners, long seed) {
    return new AugmentedIpw(learners, 5, Propensities.EXTREME, seed);
  }

  @Override
  public Method method() {
    return Method.AIPW;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    int[] labels = d.treatmentLabels("AIPW");
    Fitted f = fitNuisances(d, labels, learners, folds, clip, seed);
    Scores.Score first = Scores.aipw(d.outcome(), d.treatment(), f.e, f.nuisances.mu0(),
        f.nuisances.mu1(), problem.estimand());
    RepeatedSplits.Split s = RepeatedSplits.median(splits, seed, k -> {
      if (k == 0) {
        return new RepeatedSplits.Split(first.estimate(), first.standardError());
      }
      Fitted g = fitNuisances(d, labels, learners, folds, clip, seed + k);
      Scores.Score sk = Scores.aipw(d.outcome(), d.treatment(), g.e, g.nuisances.mu0(),
          g.nuisances.mu1(), problem.estimand());
      return new RepeatedSplits.Split(sk.estimate(), sk.standardError());
    });
    double se = s.se();
    return Results.of(d, method(), problem.estimand(), s.estimate(), se,
        ConfidenceInterval.normal(s.estimate(), se, IntervalMethod.INFLUENCE_FUNCTION,
            "efficient influence function" + RepeatedSplits.describe(splits)),
        crossFitDetails("cross-fitted AIPW", folds, learners) + RepeatedSplits.describe(splits),
        f.diagnostics(d,
            problem.estimand()), List.of("The nuisance models converge to the truth (either one"
            + " suffices for consistency, both for the interval)."));
  }

  static String crossFitDetails(String what, int folds, NuisanceLearners learners) {
    return String.format(Locale.ROOT, "%s, %s; %s", what, folds == 1 ? "no cross-fitting"
        : folds + " folds", learners.describe());
  }

  /** Cross-fitted nuisances, overlap checked, propensities clipped. */
  static Fitted fitNuisances(EffectData d, int[] labels, NuisanceLearners learners, int folds,
      double clip, long seed) {
    int[] fold = CrossFitting.folds(d.rows(), folds, seed, labels);
    CrossFitting.Nuisances nu = CrossFitting.binary(d, learners, fold);
    double[] e = nu.propensity().clone();
    Propensities.checkOverlap(e, d.treatment(), d.problem().treatment());
    double[] raw = e.clone();
    int clipped = Propensities.clip(e, clip, d.problem().estimand());
    return new Fitted(nu, e, Propensities.summary(raw, d.treatment(), clipped));
  }

  /** Nuisances and the propensity summary. */
  record Fitted(CrossFitting.Nuisances nuisances, double[] e, PropensitySummary summary) {
    Diagnostics diagnostics(EffectData d, Estimand estimand) {
      List<String> warnings = new ArrayList<>(d.commonWarnings());
      Propensities.warn(summary, warnings);
      double[] w = Balances.weights(d.treatment(), e, estimand);
      List<Balance> balance = Balances.of(d.covariates(), d.covariateNames(), d.treatment(), w);
      EffectiveSampleSize ess = new EffectiveSampleSize(
          EffectiveSampleSize.kish(w, d.treatment(), 1),
          EffectiveSampleSize.kish(w, d.treatment(), 0));
      return new Diagnostics(Optional.of(summary), 0, Optional.of(ess), balance,
          OptionalDouble.empty(), warnings);
    }
  }
}
