package dev.causal4j.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.analyst.run.Progress;
import dev.causal4j.analyst.run.Runner;
import dev.causal4j.knowledge.Knowledge;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalystTest {

  @Test
  void sachsEndToEnd() {
    Analysis a = Analyst.analyze(TestData.sachs(), PlanRequest.discoveryOnly(2), Progress.NONE);
    System.out.println(a.explanation());
    System.out.println(a.discovery().tuning());
    System.out.println(a.stageMillis());
    assertThat(a.discovery().bootstrap().succeeded()).isEqualTo(a.plan().bootstrapSamples());
    assertThat(a.explanation().graph()).isNotEmpty();
    assertThat(a.effect()).isNull();
  }

  @Test
  void lalondeEffect() {
    PlanRequest r = new PlanRequest(Optional.of("treat"), Optional.of("re78"), Knowledge.empty(),
        false, Optional.empty(), Duration.ofMinutes(5), 1, 2);
    Analysis a = Analyst.analyze(TestData.lalonde(), r, Progress.NONE);
    System.out.println(a.plan().steps());
    System.out.println(a.explanation());
    System.out.println(a.stageMillis());
    assertThat(a.effect().refutation()).isEqualTo(Runner.REFUTATION_NOT_RUN);
  }
}
