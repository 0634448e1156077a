package dev.causal4j.effects.refute;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;

/**
 * The placebo-treatment refuter (DoWhy's {@code placebo_treatment_refuter}; Sharma &amp; Kiciman
 * 2020): the treatment column is replaced by a random permutation of itself, which keeps its
 * distribution but cuts every link to the covariates and the outcome, and the estimator is re-run.
 * The true effect of a permuted treatment is 0, so a pipeline that finds an effect in it is finding
 * something other than the treatment's effect (a leak of the outcome into the covariates, a
 * conditioning on a collider, an estimator that ignores the treatment it is given).
 *
 * <p><b>Verdict.</b> Over {@code runs} permutations, the mean placebo effect with its 95% t
 * interval ({@code mean ± t(0.975, R−1)·sd/√R}); the refutation <em>passes when that interval
 * contains 0</em>, i.e. the t test's p-value exceeds {@code alpha} (0.05 by default). With one run,
 * that run's own 95% interval is used instead. A correct pipeline still fails with probability
 * {@code alpha}, as any test does.
 *
 * @param runs permutations (at least 1)
 * @param seed seeds the permutations
 * @param alpha significance level of the test
 */
public record PlaceboTreatment(int runs, long seed, double alpha) implements Refuter {

  public PlaceboTreatment {
    if (runs < 1) {
      throw new InvalidInputException("the placebo refuter needs at least 1 run, not " + runs);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha " + alpha + " is not in (0, 1)");
    }
  }

  /** {@code runs} permutations at the 5% level. */
  public static PlaceboTreatment of(int runs, long seed) {
    return new PlaceboTreatment(runs, seed, 0.05);
  }

  @Override
  public RefuterKind kind() {
    return RefuterKind.PLACEBO_TREATMENT;
  }

  @Override
  public RerunRefutation refute(Estimator estimator, EstimationProblem problem,
      EffectEstimate original) {
    Dataset w = Reruns.working(problem);
    Reruns.Runs r = Reruns.run(estimator, runs, seed, kind(), (rng, run) -> Reruns.on(problem,
        Reruns.permuted(w, problem.treatment(), Reruns.permutation(w.rows(), rng)),
        problem.covariates()));
    return Reruns.centredAtZero(kind(), original, r, alpha, "placebo-treatment effect");
  }
}
