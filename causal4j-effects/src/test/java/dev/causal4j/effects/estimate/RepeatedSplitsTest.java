package dev.causal4j.effects.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RepeatedSplitsTest {

  /** Estimates 1, 2, 3 with SE 1: median 2, variance median(1+1, 1+0, 1+1) = 2. */
  @Test
  void medianEstimateAndVarianceWithTheSpreadBetweenSplits() {
    double[] est = {3, 1, 2};
    RepeatedSplits.Split s = RepeatedSplits.median(3, 0, k -> new RepeatedSplits.Split(est[k],
        1));
    assertThat(s.estimate()).isEqualTo(2);
    assertThat(s.se()).isCloseTo(Math.sqrt(2), within(1e-15));
    assertThat(RepeatedSplits.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void oneSplitIsTheEstimateItself() {
    RepeatedSplits.Split s = RepeatedSplits.median(1, 0, k -> new RepeatedSplits.Split(7, 0.5));
    assertThat(s).isEqualTo(new RepeatedSplits.Split(7, 0.5));
  }
}
