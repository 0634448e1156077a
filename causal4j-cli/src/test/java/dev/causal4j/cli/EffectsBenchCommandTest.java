package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EffectsBenchCommandTest {

  @Test
  void timesEachEstimatorAndReportsMemoryAndAccuracy() throws Exception {
    CommandRun r = CommandRun.of("bench", "effects", "--rows", "3000", "--covariates", "6",
        "--estimators", "regression,aipw", "--learner", "linear", "--threads", "1", "--format",
        "json").assertOk();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("rows").asInt()).isEqualTo(3000);
    assertThat(j.get("true_ate").asDouble()).isEqualTo(1.0);
    JsonNode runs = j.get("runs");
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).get("estimator").asText()).isEqualTo("regression");
    assertThat(runs.get(1).get("estimator").asText()).isEqualTo("aipw");
    for (JsonNode run : runs) {
      assertThat(run.get("seconds").asDouble()).isPositive();
      assertThat(run.get("peak_heap_bytes").asLong()).isPositive();
      assertThat(run.get("ci_lower").asDouble()).isLessThan(run.get("ci_upper").asDouble());
    }
    // Least squares on the nonlinear model is off; AIPW with the linear learners is doubly
    // robust only through the propensity, so just check both land near 1.
    assertThat(runs.get(1).get("estimate").asDouble()).isBetween(0.7, 1.3);
    CommandRun text = CommandRun.of("bench", "effects", "--rows", "1000", "--covariates", "5",
        "--estimators", "ipw", "--threads", "1").assertOk();
    assertThat(text.out()).contains("estimator    learner     seconds  peak heap MiB")
        .contains("ipw          linear");
  }

  @Test
  void badOptions() {
    CommandRun.of("bench").assertUserError("choose a benchmark", "effects");
    CommandRun.of("bench", "effects", "--covariates", "3").assertUserError("at least 5");
    CommandRun.of("bench", "effects", "--estimators", "iv").assertUserError("needs instruments");
    CommandRun.of("bench", "effects", "--rows", "10").assertUserError("--rows must be at least");
  }
}
