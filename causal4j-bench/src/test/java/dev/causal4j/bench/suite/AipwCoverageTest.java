package dev.causal4j.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.bench.simulate.ConfoundedTreatment;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.AugmentedIpw;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.learner.Learner;
import org.junit.jupiter.api.Test;

/**
 * Coverage of cross-fitted AIPW's 95% interval with boosted nuisances on {@link
 * ConfoundedTreatment} (confounded, nonlinear; ATE 1), one dataset per seed.
 *
 * <p>CI runs 40 datasets of 1,000 rows and asks for at least 34 covered (85%): an estimator whose
 * true coverage is 95% fails that with probability 0.34% (binomial), while one at 80% passes only
 * 29% of the time, so the check catches gross miscalibration without flaking. With {@code
 * -Dcoverage.datasets=200} (the {@code bench} profile sets it) it asks for the 92–97%
 * (184 to 194 of 200), which a calibrated estimator meets with probability 0.90.
 */
class AipwCoverageTest {

  @Test
  void crossFittedAipwCoversTheTrueEffect() {
    int datasets = Integer.getInteger("coverage.datasets", 40);
    int rows = Integer.getInteger("coverage.rows", 1000);
    int covered = 0;
    double bias = 0;
    for (int s = 0; s < datasets; s++) {
      Dataset d = ConfoundedTreatment.sample(rows, 5, 1000 + s);
      EffectEstimate r = AugmentedIpw.of(Learner.BOOSTING.learners(s, 1), s).estimate(
          EstimationProblem.adjustment(d, "t", "y", ConfoundedTreatment.covariates(5),
              Estimand.ATE));
      if (r.interval().contains(ConfoundedTreatment.ATE)) {
        covered++;
      }
      bias += r.estimate() - ConfoundedTreatment.ATE;
    }
    double rate = (double) covered / datasets;
    System.out.printf("AIPW coverage: %d of %d (%.1f%%), mean error %.4f, %d rows each%n",
        covered, datasets, 100 * rate, bias / datasets, rows);
    if (datasets >= 200) {
      assertThat(rate).isBetween(0.92, 0.97);
    } else {
      assertThat(rate).isGreaterThanOrEqualTo(0.85);
    }
  }
}
