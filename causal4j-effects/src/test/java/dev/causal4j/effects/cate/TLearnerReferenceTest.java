package dev.causal4j.effects.cate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.learner.RidgeRegression;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The T-learner with least squares is the regression with every covariate interacted with the
 * treatment. Reference values from {@code make_reference.py} (numpy's lstsq on the interacted
 * design) in the test resources, printed in {@code reference_output.txt}.
 */
class TLearnerReferenceTest {

  @Test
  void equalsInteractedOls() throws Exception {
    Dataset d = DataReader.read(Path.of(getClass().getResource("interacted_ols.csv").toURI()));
    CateSample s = CateSample.of(EffectData.of(EstimationProblem.adjustment(d, "t", "y",
        List.of("x1", "x2", "x3"), Estimand.ATE)));
    double[] tau = new TLearner(RidgeRegression.ols()).fit(s).predict(s.x());
    // Two least-squares solutions of well-conditioned 200-row problems: equal to rounding.
    assertThat(tau[0]).isCloseTo(0.366590903186328, within(1e-9));
    assertThat(tau[1]).isCloseTo(1.49543816686199, within(1e-9));
    assertThat(tau[2]).isCloseTo(2.74123086654408, within(1e-9));
    assertThat(tau[3]).isCloseTo(3.01244108180714, within(1e-9));
    assertThat(tau[4]).isCloseTo(3.68584100633987, within(1e-9));
    double ate = 0;
    for (double v : tau) {
      ate += v;
    }
    assertThat(ate / tau.length).isCloseTo(0.854023230561951, within(1e-9));
  }
}
