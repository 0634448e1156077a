package dev.causal4j.effects.refute;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.ConfidenceInterval;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;
import dev.causal4j.effects.estimate.IntervalMethod;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Bootstrap stability (Efron &amp; Tibshirani 1993): the whole estimator re-run on {@code
 * resamples} nonparametric bootstrap samples (rows drawn with replacement, within each arm for a
 * binary treatment), giving the distribution of the estimate: its mean, standard deviation and
 * 2.5%–97.5% percentile interval.
 *
 * <p><b>Verdict.</b> The ratio of the bootstrap standard deviation to the standard error the
 * estimator reported; it <em>passes when the ratio lies within a factor of {@code maxRatio}</em>
 * (2 by default: {@code 1/2 ≤ ratio ≤ 2}), i.e. the reported interval neither hides nor
 * exaggerates the estimate's sampling spread by more than that factor. The bootstrap mean's bias
 * against the estimate is reported beside it, not judged. For matching the bootstrap is known to
 * be inconsistent (Abadie &amp; Imbens 2008), so a moderate ratio there does not condemn the
 * Abadie–Imbens standard error.
 *
 * @param resamples bootstrap samples (at least 2)
 * @param seed seeds the resamples
 * @param maxRatio the largest factor allowed between the bootstrap SD and the reported SE
 */
public record BootstrapStability(int resamples, long seed, double maxRatio) implements Refuter {

  public BootstrapStability {
    if (resamples < 2) {
      throw new InvalidInputException("the bootstrap refuter needs at least 2 resamples, not "
          + resamples);
    }
    if (!(maxRatio > 1)) {
      throw new IllegalArgumentException("maxRatio " + maxRatio + " is not above 1");
    }
  }

  /** {@code resamples} resamples, a factor of 2 allowed. */
  public static BootstrapStability of(int resamples, long seed) {
    return new BootstrapStability(resamples, seed, 2);
  }

  @Override
  public RefuterKind kind() {
    return RefuterKind.BOOTSTRAP;
  }

  @Override
  public RerunRefutation refute(Estimator estimator, EstimationProblem problem,
      EffectEstimate original) {
    Dataset w = Reruns.working(problem);
    int[][] strata = Reruns.strata(problem);
    Reruns.Runs r = Reruns.run(estimator, resamples, seed, kind(), (rng, run) -> {
      int[] rows = new int[w.rows()];
      int k = 0;
      for (int[] arm : strata) {
        for (int i = 0; i < arm.length; i++) {
          rows[k++] = arm[rng.nextInt(arm.length)];
        }
      }
      return Reruns.on(problem, w.selectRows(rows), problem.covariates());
    });
    double theta = original.estimate();
    double se = original.standardError();
    double m = r.mean();
    double sd = r.sd();
    double ratio = sd / se;
    boolean pass = r.size() >= 2 && ratio >= 1 / maxRatio && ratio <= maxRatio;
    Verdict v = new Verdict(pass, maxRatio, String.format(Locale.ROOT, "passes when the"
        + " bootstrap standard deviation is within a factor of %s of the reported standard error",
        Reruns.num(maxRatio)));
    Optional<ConfidenceInterval> ci = Optional.empty();
    String interval = "";
    if (r.size() >= 2) {
      double[] sorted = r.values().clone();
      Arrays.sort(sorted);
      ConfidenceInterval c = new ConfidenceInterval(Reruns.quantile(sorted, 0.025),
          Reruns.quantile(sorted, 0.975), 0.95, IntervalMethod.BOOTSTRAP,
          "percentile, " + r.size() + " resamples");
      ci = Optional.of(c);
      interval = ", percentile interval " + Reruns.num(c.lower()) + " to "
          + Reruns.num(c.upper());
    }
    String summary = String.format(Locale.ROOT, "bootstrap SD %s against the reported SE %s"
        + " (ratio %.2f, %d resamples); mean %s (bias %s)%s: %s%s", Reruns.num(sd),
        Reruns.num(se), ratio, r.size(), Reruns.num(m), Reruns.num(m - theta), interval,
        v.word(), r.failures());
    return new RerunRefutation(kind(), theta, se, r.values(), m, ci, OptionalDouble.empty(),
        r.failed(), v, summary);
  }
}
