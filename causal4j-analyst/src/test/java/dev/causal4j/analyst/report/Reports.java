package dev.causal4j.analyst.report;

import dev.causal4j.analyst.Analysis;
import dev.causal4j.analyst.Analyst;
import dev.causal4j.analyst.TestData;
import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.analyst.run.Progress;
import dev.causal4j.knowledge.Knowledge;
import java.time.Duration;
import java.util.Optional;

/** Analyses shared by the report tests, each computed once per JVM (they take seconds). */
final class Reports {
  private static Analysis sachs;
  private static Analysis lalonde;

  private Reports() {}

  static synchronized Analysis sachs() {
    if (sachs == null) {
      sachs = Analyst.analyze(TestData.sachs(), PlanRequest.discoveryOnly(2), Progress.NONE);
    }
    return sachs;
  }

  /** Lalonde: the effect of treat on re78. */
  static synchronized Analysis lalonde() {
    if (lalonde == null) {
      PlanRequest r = new PlanRequest(Optional.of("treat"), Optional.of("re78"),
          Knowledge.empty(), false,
          Optional.empty(), Duration.ofMinutes(5), 1, 2);
      lalonde = Analyst.analyze(TestData.lalonde(), r, Progress.NONE);
    }
    return lalonde;
  }
}
