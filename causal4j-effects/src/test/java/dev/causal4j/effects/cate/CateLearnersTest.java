package dev.causal4j.effects.cate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.effects.estimate.learner.Learner;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each meta-learner recovers a known effect function from simulated, confounded data. */
class CateLearnersTest {

  private static Map<MetaLearner, Double> rootPehe(Simulated sim, CateSettings settings) {
    Map<MetaLearner, Double> out = new EnumMap<>(MetaLearner.class);
    for (MetaLearner m : MetaLearner.values()) {
      double[] pred = m.learner(settings).fit(sim.sample()).predict(sim.sample().x());
      out.put(m, sim.rootPehe(pred));
    }
    System.out.printf(Locale.ROOT, "root PEHE %s%n", out);
    return out;
  }

  @Test
  void linearLearnersRecoverALinearEffect() {
    Simulated sim = Simulated.sample(Simulated.Model.LINEAR, 2000, 1);
    Map<MetaLearner, Double> pehe = rootPehe(sim, CateSettings.of(Learner.LINEAR, 1, 1));
    // τ = 1 + 2 x1 has standard deviation 2 over the units. The T-, X-, DR- and R-learners all
    // fit the right linear model; with 2,000 rows of unit noise their coefficient errors give a
    // √PEHE near 0.07 (measured 0.066 for each); 0.15 leaves room for other seeds.
    for (MetaLearner m : List.of(MetaLearner.T, MetaLearner.X, MetaLearner.DR, MetaLearner.R)) {
      assertThat(pehe.get(m)).as(m.title()).isLessThan(0.15);
    }
    // A linear S-learner has one treatment coefficient: a constant effect, off by about the
    // effect's standard deviation.
    assertThat(pehe.get(MetaLearner.S)).isBetween(1.8, 2.2);
  }

  @Test
  void boostedLearnersRecoverANonlinearEffect() {
    Simulated sim = Simulated.sample(Simulated.Model.NONLINEAR, 4000, 2);
    Map<MetaLearner, Double> pehe = rootPehe(sim, CateSettings.of(Learner.BOOSTING, 2, 1));
    double[] constant = new double[sim.tau().length];
    java.util.Arrays.fill(constant, sim.ate());
    double baseline = sim.rootPehe(constant);
    // τ ranges over (0, 3) with standard deviation about 0.9, what a constant scores. Every
    // learner must explain a good part of the variation from 4,000 rows with unit noise; the X-
    // and R-learners, which model the effect directly, most of it. (Measured: S 0.43, T 0.62,
    // X 0.30, DR 0.57, R 0.40; the T-learner differences two noisy arm-wise fits, and the DR-
    // learner starts from the same fits.)
    assertThat(baseline).isBetween(0.8, 1.0);
    for (MetaLearner m : MetaLearner.values()) {
      assertThat(pehe.get(m)).as(m.title()).isLessThan(0.75 * baseline);
    }
    assertThat(pehe.get(MetaLearner.X)).isLessThan(0.5 * baseline);
    assertThat(pehe.get(MetaLearner.R)).isLessThan(0.5 * baseline);
  }
}
