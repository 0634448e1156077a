package dev.causal4j.effects.refute;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The random-common-cause refuter (DoWhy's {@code random_common_cause}): a covariate drawn
 * independently N(0, 1) for every row is added to the adjustment set and the estimator re-run.
 * Being independent of everything, it is not a confounder, so a sound estimator's answer should
 * hardly move; a large move points at an estimator that overfits or is numerically fragile.
 *
 * <p><b>Verdict.</b> The shift of the mean estimate over {@code runs} draws from the original
 * estimate, in standard errors of the original. It <em>passes when the shift, less its 95% Monte
 * Carlo margin</em> ({@code t(0.975, R−1)·sd/√R} over the runs; 0 for one run), <em>is at most
 * {@code threshold} standard errors</em> (0.25 by default: a move too small to change a
 * conclusion).
 *
 * @param runs draws of the random covariate (at least 1)
 * @param seed seeds the draws
 * @param threshold the largest move allowed, in standard errors of the original estimate
 */
public record RandomCommonCause(int runs, long seed, double threshold) implements Refuter {

  /** The name the added column gets (with a suffix if the data already have one). */
  public static final String COLUMN = "random_common_cause";

  public RandomCommonCause {
    if (runs < 1) {
      throw new InvalidInputException("the random-common-cause refuter needs at least 1 run, not "
          + runs);
    }
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("threshold " + threshold + " is not positive");
    }
  }

  /** {@code runs} draws, a quarter of a standard error allowed. */
  public static RandomCommonCause of(int runs, long seed) {
    return new RandomCommonCause(runs, seed, 0.25);
  }

  @Override
  public RefuterKind kind() {
    return RefuterKind.RANDOM_COMMON_CAUSE;
  }

  @Override
  public RerunRefutation refute(Estimator estimator, EstimationProblem problem,
      EffectEstimate original) {
    Dataset w = Reruns.working(problem);
    String name = COLUMN;
    for (int k = 2; problem.data().indexOf(name) >= 0; k++) {
      name = COLUMN + "_" + k;
    }
    String column = name;
    List<String> covariates = new ArrayList<>(problem.covariates());
    covariates.add(column);
    Reruns.Runs r = Reruns.run(estimator, runs, seed, kind(), (rng, run) -> {
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
      double[] z = new double[w.rows()];
      for (int i = 0; i < z.length; i++) {
        z[i] = g.sample();
      }
      return Reruns.on(problem, Reruns.withContinuous(w, column, z), covariates);
    });
    return Reruns.shift(kind(), original, r, threshold, "with a random common cause");
  }
}
