package dev.causal4j.effects.refute;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The data-subset refuter (DoWhy's {@code data_subset_refuter}): the estimator is re-run on random
 * subsets of the rows, each a fraction (80% by default) drawn without replacement; for a binary
 * treatment the fraction is taken within each arm, so the arms keep their sizes. An estimate that
 * rests on the data as a whole, not on a handful of units, should stay where it was on average.
 *
 * <p><b>Verdict.</b> The shift of the mean subset estimate from the original, in standard errors
 * of the original. It <em>passes when the shift, less its 95% Monte Carlo margin</em> ({@code
 * t(0.975, R−1)·sd/√R} over the runs; 0 for one run), <em>is at most {@code threshold} standard
 * errors</em> (0.25 by default). The spread of the subset estimates is reported beside it; for an
 * asymptotically linear estimator it is about {@code SE·√((1 − f)/f)}, half a standard error at
 * {@code f = 0.8}.
 *
 * @param runs subsets (at least 1)
 * @param fraction the share of rows in each subset, in (0, 1)
 * @param seed seeds the subsets
 * @param threshold the largest move allowed, in standard errors of the original estimate
 */
public record DataSubset(int runs, double fraction, long seed, double threshold)
    implements Refuter {

  public DataSubset {
    if (runs < 1) {
      throw new InvalidInputException("the subset refuter needs at least 1 run, not " + runs);
    }
    if (!(fraction > 0 && fraction < 1)) {
      throw new InvalidInputException("the subset fraction must be in (0, 1), not " + fraction);
    }
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("threshold " + threshold + " is not positive");
    }
  }

  /** {@code runs} subsets of 80%, a quarter of a standard error allowed. */
  public static DataSubset of(int runs, long seed) {
    return new DataSubset(runs, 0.8, seed, 0.25);
  }

  @Override
  public RefuterKind kind() {
    return RefuterKind.DATA_SUBSET;
  }

  @Override
  public RerunRefutation refute(Estimator estimator, EstimationProblem problem,
      EffectEstimate original) {
    Dataset w = Reruns.working(problem);
    int[][] strata = Reruns.strata(problem);
    Reruns.Runs r = Reruns.run(estimator, runs, seed, kind(), (rng, run) -> {
      int total = 0;
      int[][] picks = new int[strata.length][];
      for (int s = 0; s < strata.length; s++) {
        int[] arm = strata[s].clone();
        int keep = (int) Math.round(fraction * arm.length);
        // Partial Fisher–Yates: the first `keep` entries become a uniform sample.
        for (int i = 0; i < keep; i++) {
          int j = i + rng.nextInt(arm.length - i);
          int t = arm[i];
          arm[i] = arm[j];
          arm[j] = t;
        }
        picks[s] = Arrays.copyOf(arm, keep);
        total += keep;
      }
      int[] rows = new int[total];
      int k = 0;
      for (int[] pick : picks) {
        System.arraycopy(pick, 0, rows, k, pick.length);
        k += pick.length;
      }
      Arrays.sort(rows);
      return Reruns.on(problem, w.selectRows(rows), problem.covariates());
    });
    return Reruns.shift(kind(), original, r, threshold, String.format(Locale.ROOT,
        "on random %.0f%% subsets", 100 * fraction));
  }
}
