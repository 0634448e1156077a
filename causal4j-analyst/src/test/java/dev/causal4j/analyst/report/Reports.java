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
  private static Analysis effect;
  private static Analysis svar;

  private Reports() {}

  static synchronized Analysis sachs() {
    if (sachs == null) {
      sachs = Analyst.analyze(TestData.sachs(), PlanRequest.discoveryOnly(2), Progress.NONE);
    }
    return sachs;
  }

  /** The simulated SVAR of {@code timeseries/svar.csv}, its time column {@code t} declared. */
  static synchronized Analysis svar() {
    if (svar == null) {
      svar = Analyst.analyze(TestData.svar(true), PlanRequest.discoveryOnly(2), Progress.NONE);
    }
    return svar;
  }

  /** The simulated effect data (effect/effect.csv): the effect of treat on y, truly 2.0. */
  static synchronized Analysis effect() {
    if (effect == null) {
      PlanRequest r = new PlanRequest(Optional.of("treat"), Optional.of("y"),
          Knowledge.empty(), false,
          Optional.empty(), Duration.ofMinutes(5), 1, 2);
      effect = Analyst.analyze(TestData.effect(), r, Progress.NONE);
    }
    return effect;
  }
}
