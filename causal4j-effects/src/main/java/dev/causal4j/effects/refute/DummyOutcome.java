package dev.causal4j.effects.refute;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;
import dev.causal4j.effects.estimate.OrdinaryLeastSquares;
import dev.causal4j.effects.estimate.RobustCovariance;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dummy-outcome refuter (after DoWhy's {@code dummy_outcome_refuter}): the outcome is replaced
 * by one that depends on the covariates as the real outcome does, linearly, but not on the
 * treatment, and the estimator is re-run. The dummy outcome is {@code ĝ(X) + e_π}: {@code ĝ} the
 * least-squares fit of the outcome on the covariates alone (encoded as the estimators encode them,
 * with an intercept; the mean when there are none), {@code e} its residuals and {@code π} a random
 * permutation. Given the covariates, the dummy outcome is independent of the treatment (and of any
 * instrument or mediator), so its true effect is 0 for every estimand; an estimator that finds one
 * is reading something other than the treatment's effect. Departure from DoWhy: DoWhy simulates
 * the outcome from a fitted model of the confounders plus Gaussian noise; permuting residuals keeps
 * the real outcome's noise distribution (skew, heavy tails, a point mass at zero for earnings).
 *
 * <p><b>Verdict.</b> As for {@link PlaceboTreatment}: over {@code runs} permutations, the mean
 * dummy effect with its 95% t interval; <em>passes when that interval contains 0</em> (p &gt;
 * {@code alpha}, 0.05 by default). With one run, that run's own interval.
 *
 * @param runs permutations of the residuals (at least 1)
 * @param seed seeds the permutations
 * @param alpha significance level of the test
 */
public record DummyOutcome(int runs, long seed, double alpha) implements Refuter {

  public DummyOutcome {
    if (runs < 1) {
      throw new InvalidInputException("the dummy-outcome refuter needs at least 1 run, not "
          + runs);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha " + alpha + " is not in (0, 1)");
    }
  }

  /** {@code runs} permutations at the 5% level. */
  public static DummyOutcome of(int runs, long seed) {
    return new DummyOutcome(runs, seed, 0.05);
  }

  @Override
  public RefuterKind kind() {
    return RefuterKind.DUMMY_OUTCOME;
  }

  @Override
  public RerunRefutation refute(Estimator estimator, EstimationProblem problem,
      EffectEstimate original) {
    Dataset w = Reruns.working(problem);
    EffectData d = EffectData.of(problem);
    double[] y = d.outcome();
    int n = y.length;
    FeatureMatrix x = d.covariates();
    double[][] columns = new double[1 + x.cols()][];
    columns[0] = new double[n];
    Arrays.fill(columns[0], 1);
    List<String> names = new ArrayList<>(List.of("(intercept)"));
    for (int j = 0; j < x.cols(); j++) {
      columns[1 + j] = x.column(j);
      names.add(d.covariateNames().get(j));
    }
    FeatureMatrix design = FeatureMatrix.ofColumns(columns);
    double[] resid = OrdinaryLeastSquares.fit(design, names, y, RobustCovariance.HC0)
        .residuals();
    Reruns.Runs r = Reruns.run(estimator, runs, seed, kind(), (rng, run) -> {
      int[] perm = Reruns.permutation(n, rng);
      double[] dummy = new double[n];
      for (int i = 0; i < n; i++) {
        dummy[i] = y[i] - resid[i] + resid[perm[i]];
      }
      return Reruns.on(problem, Reruns.withContinuous(w, problem.outcome(), dummy),
          problem.covariates());
    });
    return Reruns.centredAtZero(kind(), original, r, alpha, "dummy-outcome effect");
  }
}
