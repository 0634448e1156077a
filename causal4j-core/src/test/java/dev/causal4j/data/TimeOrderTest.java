package dev.causal4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderTest {

  @Test
  void findsTheFirstStepBackWithinEachEnvironment() {
    TimeColumn t = new TimeColumn("t", new double[] {1, 2, 1, 3, 2, 5});
    // Two interleaved series: rows 0, 1, 3, 5 in environment a; 2, 4 in b.
    DomainColumn d = new DomainColumn("s", new int[] {0, 0, 1, 0, 1, 0}, List.of("a", "b"));
    assertThat(TimeOrder.firstViolation(t, d, true)).isEmpty();
    assertThat(TimeOrder.firstViolation(t, null, false))
        .hasValue(new TimeOrder.Violation(2, 1, 1, 2));
  }

  @Test
  void repeatedStampsCountOnlyWhenStrict() {
    TimeColumn t = new TimeColumn("t", new double[] {1, 2, 2, 3});
    assertThat(TimeOrder.firstViolation(t, null, false)).isEmpty();
    TimeOrder.Violation v = TimeOrder.firstViolation(t, null, true).orElseThrow();
    assertThat(v.row()).isEqualTo(2);
    assertThat(v.isDuplicate()).isTrue();
  }
}
